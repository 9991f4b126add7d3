"""Second pass against the topics' members: a topic for papers without one, and close
extra topics for papers with one.

The first pass scores every paper against the centre of a topic's *seed* papers: the
few papers about its phrase (three or four for most topics of the bundled corpus).
A centre of three papers is a noisy estimate of what the topic is about. Papers that
belong to it but word it differently fall below MIN_SCORE and into "Other", and a
paper's second topic can miss the SECONDARY share of its best ("Deep Residual Learning
for Image Recognition" scored 0.73 for "Image classification" and 0.53 for "ResNets":
not a second topic). Once membership is known, the centre of the topic's members (ten
or twenty papers) says it better, and this pass scores papers against those centres:

- `adopt_leftovers`: each paper without a topic joins the best of its CHOICES closest
  topics that can take it (when only the closest was tried, a paper whose closest
  topic was full of unnamed members stayed in "Other" though the next one fitted);
- `add_close_topics`: a paper with fewer than the most topics gains those that score
  SECONDARY of its best here, or as much as the topic's typical member does (its first
  quartile), when it fits their label (label_fit.py: an extra topic is a claim about
  the paper and needs the label's words, as in members.drop_unfit_extras). "Deep
  Residual Learning" scores 0.80 and 0.70 against member centres, and says "residual
  networks": it joins "ResNets"; nnU-Net and TransUNet, in "Medical image
  segmentation" first, join "U-Net" as closely as most of its members sit. A topic
  that the paper's title names needs only MIN_SCORE: a title is what its authors say
  the paper is about ("Memory Efficient 3D U-Net ... for Brain Tumor Segmentation",
  in "Brain tumors", scores 0.52 for "U-Net", whose typical member scores 0.60); not
  a gated topic, whose word is broad ("Regularized Newton-Raphson Inversion" is not
  about regularization). A paper's best topic stays first (an added topic's score is
  capped just under the best's);
- `adopt_leftovers` again, with `label_fit_only`: the members just added name and fit
  their topics' labels, which leaves room under the focus rules, and papers without a
  topic that fit a label are tried again. (Without label fit, papers went to broad
  topics they are only near: on one 90% subset of the bundled corpus four of its six
  moves differed from the whole corpus's, three of them into "Image classification",
  and best-topic stability fell under 85%. With it, two papers that say "generative
  models" join "Generative models": Other 46 -> 44);
- `adopt_by_neighbours`: a paper still without a topic joins the topic most of its
  related papers hold.

Papers keep the topics they have, so this pass only ever adds. A topic takes a paper
only while its label still describes most of its members (the focus rules of
members.py: its phrase named by half, its label fitting MIN_FIT, label_fit.py) and
while it is under the size cap; decisions are taken best score first, ties by paper
and topic number, so the result is deterministic.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from generator.analyze.features.vectors import Vectors
from generator.analyze.features.word_families import PhraseUse
from generator.analyze.topics.candidates import size_cap
from generator.analyze.topics.members import (
    MENTION_BONUS,
    MIN_SCORE,
    SECONDARY,
    TITLE_BONUS,
    Membership,
    can_take,
    centroids,
    ordered_membership,
    passing_papers,
    score_options,
)
from generator.analyze.topics.seeds import Seed

# Topics tried for each paper without one, best first: the first that can take it
# adopts it.
CHOICES = 3
# An extra topic also joins when the paper is as close to it as this share of its
# members are not: at least the first-quartile member's score against the members'
# centre, so that it would not be among the topic's loosest quarter (on the bundled
# corpus that score is 0.48-0.93 by topic, median 0.69). Topics with fewer than
# TYPICAL_MEMBERS members have no reliable quartile and use SECONDARY alone.
TYPICAL_QUANTILE = 0.25
TYPICAL_MEMBERS = 4
# A paper still without a topic joins the topic that this many of its this many most
# related papers hold as their best (a majority of its nearest papers).
NEIGHBOURS = 5
NEIGHBOUR_VOTES = 3
# An added topic's score sits this far under the paper's best, so the best stays first.
_UNDER_BEST = 0.0001


class SecondPass:
    """The second pass over one set of seeds: what stays the same while papers join
    (phrase hits, the focus tests' passing papers, the size cap). `fits`: papers x
    topics, 1 where a paper fits the topic's label (label_fit.fit_matrix)."""

    def __init__(
        self,
        seeds: Sequence[Seed],
        uses: PhraseUse,
        vectors: Vectors,
        max_share: float,
        fits: sp.csc_matrix,
    ) -> None:
        self.seeds, self.vectors, self.fits = seeds, vectors, fits
        rows, columns = fits.nonzero()
        self.fitted = set(zip(rows.tolist(), columns.tolist(), strict=True))  # (paper, topic)
        self.hits = uses.hits([seed.phrases for seed in seeds])
        tests = (self.hits[0].tocsc(), fits)
        self.passing = [passing_papers(tests, t, seed) for t, seed in enumerate(seeds)]
        self.limit = size_cap(vectors.lsa.shape[0], max_share)

    def adopt_leftovers(self, membership: Membership, label_fit_only: bool = False) -> Membership:
        """`membership` with papers that fit no topic scored again against member centres;
        with `label_fit_only`, each joins only a topic whose label it fits."""
        leftover = membership.other
        if not leftover or not self.seeds:
            return membership
        round_ = _Round(self, membership)
        for score, paper, topic in round_.picks(leftover, CHOICES):
            if round_.chosen[paper] or score < MIN_SCORE:
                continue
            if not label_fit_only or (paper, topic) in self.fitted:
                round_.join(paper, topic, score)
        return round_.membership()

    def add_close_topics(self, membership: Membership, max_per_paper: int) -> Membership:
        """`membership` with extra topics, scored against member centres, for papers that
        have fewer than `max_per_paper`: within SECONDARY of the paper's best score there,
        as close as the topic's typical member (TYPICAL_QUANTILE), or at MIN_SCORE when the
        paper's title names the topic's phrase (`_titled`); and only where the paper fits
        the topic's label."""
        per_paper = membership.per_paper
        placed = [p for p, topics in enumerate(per_paper) if 0 < len(topics) < max_per_paper]
        if not placed:
            return membership
        round_ = _Round(self, membership)
        picks = round_.picks(placed, max_per_paper + 2)
        best: dict[int, float] = {}
        for score, paper, _ in picks:  # best first: the first seen is each paper's best
            best.setdefault(paper, score)
        typical = round_.typical_scores()
        for score, paper, topic in picks:
            held = round_.chosen[paper]
            if len(held) >= max_per_paper or topic in held or (paper, topic) not in self.fitted:
                continue
            top = round_.scores.get((paper, held[0]), 0.0)
            if top < MIN_SCORE:  # held only because the topics file puts it there: left as is
                continue
            close = score >= min(SECONDARY * best[paper], typical[topic])
            if score >= MIN_SCORE and (close or self._titled(paper, topic)):
                # Under the best, and under each extra added before it (no ties).
                capped = round(min(score, top - _UNDER_BEST * len(held)), 4)
                round_.join(paper, topic, capped)
        return round_.membership()

    def adopt_by_neighbours(
        self, membership: Membership, neighbours: Sequence[Sequence[int]]
    ) -> Membership:
        """`membership` with each paper still without a topic put in the best topic that
        at least NEIGHBOUR_VOTES of its NEIGHBOURS most related papers hold (`neighbours`:
        each paper's related papers, most related first), when the topic can take it."""
        leftover = membership.other
        if not leftover or not self.seeds or not neighbours:
            return membership
        round_ = _Round(self, membership)
        for paper in leftover:
            votes = Counter(
                membership.per_paper[near][0]
                for near in neighbours[paper][:NEIGHBOURS]
                if membership.per_paper[near]
            )
            if not votes:
                continue
            topic, count = min(votes.items(), key=lambda tv: (-tv[1], tv[0]))  # ties: first topic
            if count >= NEIGHBOUR_VOTES:
                round_.join(paper, topic, float(round_.scores_for([paper], topic)[0]))
        return round_.membership()

    def _titled(self, paper: int, topic: int) -> bool:
        """Whether the paper's title names one of the topic's phrases, for a topic that
        is not gated (a gated topic's word is broad: "Regularized X" is not about
        regularization as a subject)."""
        return bool(self.hits[1][paper, topic]) and not self.seeds[topic].gated


class _Round:
    """One membership's member centres and focus counts, updated as papers join."""

    def __init__(self, second: SecondPass, membership: Membership) -> None:
        self.second = second
        members = [[p for p, _ in papers] for papers in membership.members]
        self.members = members
        self.by_members = [
            replace(seed, papers=tuple(sorted(papers)) or seed.papers)
            for seed, papers in zip(second.seeds, members, strict=True)
        ]
        self.passed = [
            [len(ok.intersection(papers)) for ok in second.passing[t]]
            for t, papers in enumerate(members)
        ]
        self.failed = [
            [len(papers) - count for count in self.passed[t]] for t, papers in enumerate(members)
        ]
        self.sizes = [len(papers) for papers in members]
        self.chosen = [list(topics) for topics in membership.per_paper]
        self.scores = {
            (paper, topic): score
            for topic, papers in enumerate(membership.members)
            for paper, score in papers
        }
        self._centres: NDArray[np.float32] | None = None

    def picks(self, papers: Sequence[int], keep: int) -> list[tuple[float, int, int]]:
        """(score, paper, topic) of each paper's `keep` closest topics by member centres,
        best score first (ties by paper, then topic)."""
        mentions, titles, about = self.second.hits
        vectors = self.second.vectors
        options = score_options(self.by_members, vectors, keep, mentions, titles, about, papers)
        found = [
            (score, paper, topic)
            for paper, opts in zip(papers, options, strict=True)
            for topic, score in opts
        ]
        return sorted(found, key=lambda pick: (-pick[0], pick[1], pick[2]))

    def scores_for(self, papers: Sequence[int], topic: int) -> NDArray[np.float64]:
        """The scores of `papers` for one topic against its members' centre, with the
        naming bonuses and rounding of score_options."""
        lsa = self.second.vectors.lsa
        if self._centres is None:
            self._centres = centroids(self.by_members, lsa)
        mentions, titles, _ = self.second.hits
        rows = list(papers)
        scores = (lsa[rows] @ self._centres[topic]).astype(np.float64)
        scores += MENTION_BONUS * mentions[rows, topic].toarray().ravel()
        scores += TITLE_BONUS * titles[rows, topic].toarray().ravel()
        return np.asarray(np.round(scores, 4), dtype=np.float64)

    def typical_scores(self) -> list[float]:
        """Each topic's TYPICAL_QUANTILE member score against its members' centre, inf
        when it has too few members."""
        return [
            float(np.quantile(self.scores_for(rows, topic), TYPICAL_QUANTILE))
            if len(rows) >= TYPICAL_MEMBERS
            else math.inf
            for topic, rows in enumerate(self.members)
        ]

    def join(self, paper: int, topic: int, score: float) -> bool:
        """Put `paper` in `topic` when the topic is under the cap, its focus rules hold,
        and, for a gated topic, the paper is about one of its phrases (fillers.py)."""
        second = self.second
        if self.sizes[topic] >= second.limit:
            return False
        if second.seeds[topic].gated and not second.hits[2][paper, topic]:
            return False
        passes = [paper in ok for ok in second.passing[topic]]
        if not second.seeds[topic].pinned and not can_take(
            self.passed[topic], self.failed[topic], passes
        ):
            return False
        for test, ok in enumerate(passes):
            (self.passed if ok else self.failed)[topic][test] += 1
        self.chosen[paper].append(topic)
        self.sizes[topic] += 1
        self.scores[paper, topic] = score
        return True

    def membership(self) -> Membership:
        """The membership with every paper that joined."""
        return ordered_membership(len(self.second.seeds), self.chosen, self.scores)
