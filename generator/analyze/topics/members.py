"""Put papers into topics: similarity to each topic's centre, 1-3 topics each, sizes capped.

A paper's score for a topic is the LSA cosine to the centre of the topic's seed papers,
plus a bonus when the paper names a topic phrase in any inflection (more when its title
does: word_families.py). Its best
topic counts when the score clears MIN_SCORE; further topics when they come close to
the best. Topics over the size cap keep their most central papers; the others fall
back to their next topic, or to "Other" when none fits.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from generator.analyze.features.vectors import Vectors, unit_rows
from generator.analyze.features.word_families import PhraseUse
from generator.analyze.topics.candidates import size_cap
from generator.analyze.topics.label_fit import MIN_FIT, fit_matrix
from generator.analyze.topics.seeds import Seed

MENTION_BONUS = 0.1
TITLE_BONUS = 0.1
# Least score for a paper to join a topic (at 0.35 about 7% of the bundled corpus
# fits no topic; 0.30: 3%, with visibly looser topics; 0.40: 12%).
MIN_SCORE = 0.35
# A second or third topic must score at least this share of the paper's best.
SECONDARY = 0.8
# A label must describe most of its topic: at most this many members per member naming
# the topic's phrase may leave it unnamed (the most central are kept). Without it,
# topics seeded by two or three papers gathered many that merely resemble them
# ("Image recognition": 5 of 17 members said it; "Benign overfitting": 3 of 13).
# Members must also fit the label (label_fit.py: its phrase, or each of its words, in
# some inflection): at most 1 - MIN_FIT of them may not.
UNNAMED_PER_NAMED = 1.0
_CHUNK = 4096


@dataclass(frozen=True)
class Membership:
    """Members of each seed (best first) and the topics of each paper (best first)."""

    members: list[list[tuple[int, float]]]
    per_paper: list[list[int]]

    @property
    def other(self) -> list[int]:
        """Papers that fit no topic."""
        return [i for i, topics in enumerate(self.per_paper) if not topics]


def assign_members(
    seeds: Sequence[Seed],
    uses: PhraseUse,
    vectors: Vectors,
    max_share: float,
    max_per_paper: int,
) -> Membership:
    """Score every paper against every seed and assign topics under the size cap."""
    n = vectors.lsa.shape[0]
    if not seeds or n == 0:
        return Membership([[] for _ in seeds], [[] for _ in range(n)])
    phrases = [seed.phrases for seed in seeds]
    mentions, titles, about = uses.hits(phrases)
    options = score_options(seeds, vectors, max_per_paper + 2, mentions, titles, about)
    chosen = [_first_choice(opts, max_per_paper) for opts in options]
    for number, seed in enumerate(seeds):
        for paper in seed.forced:
            if number not in chosen[paper]:
                chosen[paper].append(number)
    limit = size_cap(n, max_share)
    _apply_cap(seeds, options, chosen, limit)
    tests = (mentions.tocsc(), fit_matrix(uses, phrases, n))
    _apply_focus(seeds, options, chosen, tests, limit)
    return _membership(seeds, options, chosen)


def centroids(seeds: Sequence[Seed], lsa: NDArray[np.float32]) -> NDArray[np.float32]:
    """Unit-length mean LSA vector of each seed's papers (zero for a seed without any)."""
    rows = np.zeros((len(seeds), lsa.shape[1]), dtype=np.float32)
    for number, seed in enumerate(seeds):
        papers = sorted({*seed.papers, *seed.forced})
        if papers:
            rows[number] = lsa[papers].mean(axis=0)
    return unit_rows(rows)


def score_options(
    seeds: Sequence[Seed],
    vectors: Vectors,
    keep: int,
    mentions: sp.csr_matrix,
    titles: sp.csr_matrix,
    about: sp.csr_matrix,
    rows: Sequence[int] | None = None,
) -> list[list[tuple[int, float]]]:
    """For each paper (of `rows`, default all), its `keep` best seeds with scores, best first.

    Papers may join a gated seed only when they are about one of its phrases.
    """
    centres = centroids(seeds, vectors.lsa)
    gated = np.array([seed.gated for seed in seeds], dtype=bool)
    options: list[list[tuple[int, float]]] = []
    keep = min(keep, len(seeds))
    order = np.arange(vectors.lsa.shape[0]) if rows is None else np.asarray(rows, dtype=np.int64)
    for start in range(0, len(order), _CHUNK):
        picked = order[start : start + _CHUNK]
        scores = vectors.lsa[picked] @ centres.T
        scores += MENTION_BONUS * mentions[picked].toarray()
        scores += TITLE_BONUS * titles[picked].toarray()
        if gated.any():
            scores[gated & (about[picked].toarray() == 0)] = 0.0
        scores = np.round(scores.astype(np.float64), 4)
        top = np.argpartition(-scores, keep - 1, axis=1)[:, :keep]
        for row, picks in zip(scores, top, strict=True):
            best = sorted(picks.tolist(), key=lambda t: (-row[t], t))
            options.append([(t, float(row[t])) for t in best])
    return options


def _first_choice(options: list[tuple[int, float]], max_per_paper: int) -> list[int]:
    """The paper's topics before capping: best if good enough, then close seconds."""
    if not options or options[0][1] < MIN_SCORE:
        return []
    floor = max(MIN_SCORE, SECONDARY * options[0][1])
    return [t for t, score in options if score >= floor][:max_per_paper]


def _apply_cap(
    seeds: Sequence[Seed],
    options: list[list[tuple[int, float]]],
    chosen: list[list[int]],
    limit: int,
) -> None:
    """Trim topics over `limit` to their most central papers; re-home papers left alone."""
    for _ in range(len(seeds) + 1):
        members = _members_of(len(seeds), chosen)
        over = [t for t, papers in enumerate(members) if len(papers) > limit]
        if not over:
            return
        full = {t for t, papers in enumerate(members) if len(papers) >= limit}
        for topic in over:
            forced = set(seeds[topic].forced)
            score = {p: s for p in members[topic] for t, s in options[p] if t == topic}
            ranked = sorted(members[topic], key=lambda p: (p not in forced, -score.get(p, 0.0), p))
            for paper in ranked[limit:]:
                chosen[paper].remove(topic)
                if not chosen[paper]:
                    chosen[paper].extend(_fallback(options[paper], full | {topic}))


def _apply_focus(
    seeds: Sequence[Seed],
    options: list[list[tuple[int, float]]],
    chosen: list[list[int]],
    tests: tuple[sp.csc_matrix, sp.csc_matrix],
    limit: int,
) -> None:
    """Trim discovered topics whose label does not describe most of their members.

    `tests` are (naming, fitting): papers x topics, 1 where a paper names the topic's
    phrase, and where it fits its label (label_fit.py). The least central members that
    fail either rule (FocusRule) leave; a paper left without a topic falls back to its
    next one (never one it left, nor a full one).
    """
    left: dict[int, set[int]] = {}
    for _ in range(len(seeds) + 1):
        members = _members_of(len(seeds), chosen)
        full = {t for t, papers in enumerate(members) if len(papers) >= limit}
        trimmed = False
        for topic, papers in enumerate(members):
            if seeds[topic].pinned:
                continue
            score = {p: s for p in papers for t, s in options[p] if t == topic}
            central = sorted(papers, key=lambda p: (-score.get(p, 0.0), p))
            leaving = _unfocused(central, passing_papers(tests, topic, seeds[topic]))
            for paper in leaving:
                chosen[paper].remove(topic)
                left.setdefault(paper, set()).add(topic)
                if not chosen[paper]:
                    chosen[paper].extend(_fallback(options[paper], full | left[paper]))
            trimmed = trimmed or bool(leaving)
        if not trimmed:
            return


def passing_papers(tests: tuple[sp.csc_matrix, ...], topic: int, seed: Seed) -> list[set[int]]:
    """For each focus test, the papers that pass it for `topic` (forced papers pass)."""
    return [set(test[:, topic].indices.tolist()) | set(seed.forced) for test in tests]


def _unfocused(central: list[int], passing: list[set[int]]) -> list[int]:
    """The members (most central first) that must leave so that every test holds: at
    most UNNAMED_PER_NAMED members per naming member fail the first (naming) test, at
    most unfit_allowed the second (fitting); the least central failing members go."""
    leaving: set[int] = set()
    for passed, allowed in zip(passing, (_unnamed_allowed, unfit_allowed), strict=True):
        kept = [p for p in central if p not in leaving]
        failing = [p for p in kept if p not in passed]
        leaving.update(failing[allowed(len(kept) - len(failing)) :])
    return [p for p in central if p in leaving]


def can_take(passed: Sequence[int], failed: Sequence[int], paper_passes: Sequence[bool]) -> bool:
    """Whether a topic whose members pass/fail the focus tests (counts per test, as in
    _apply_focus) can take one more member that passes them as `paper_passes` says."""
    limits = (_unnamed_allowed, unfit_allowed)
    return all(
        ok or failing < allowed(passing)
        for ok, passing, failing, allowed in zip(paper_passes, passed, failed, limits, strict=True)
    )


def _unnamed_allowed(naming: int) -> int:
    """Most members that may not name the phrase that `naming` members name."""
    return int(UNNAMED_PER_NAMED * naming)


def unfit_allowed(fitting: int) -> int:
    """Most members that may not fit a label that `fitting` members fit (MIN_FIT)."""
    return math.floor(fitting * (1.0 - MIN_FIT) / MIN_FIT + 1e-9)


def drop_unfit_extras(
    seeds: Sequence[Seed], membership: Membership, fits: sp.csc_matrix
) -> Membership:
    """`membership` with each paper's second and third topics kept only where the paper
    fits their label (label_fit.py; `fits`: papers x topics, fit_matrix).

    A paper's best topic may rest on resemblance alone (the focus rules bound how many
    such members a topic has); an extra topic is a further claim about the paper and
    needs the label's words: "OReX" (neural fields for 3D shapes) was also in "MRI",
    indoor navigation in "MRI", a sentence classifier in "Image classification".
    Every paper keeps its best topic, so no paper moves to "Other"; pinned topics and
    papers the user put in a topic are kept.
    """
    fitted = fits.tocsr()
    scores = {(p, t): s for t, papers in enumerate(membership.members) for p, s in papers}
    chosen = [
        topics[:1]
        + [t for t in topics[1:] if seeds[t].pinned or p in seeds[t].forced or fitted[p, t] != 0]
        for p, topics in enumerate(membership.per_paper)
    ]
    return ordered_membership(len(seeds), chosen, scores)


def _fallback(options: list[tuple[int, float]], full: set[int]) -> list[int]:
    """The best remaining topic of a paper that lost its only one, if any fits."""
    for topic, score in options:
        if topic not in full and score >= MIN_SCORE:
            return [topic]
    return []


def _members_of(count: int, chosen: list[list[int]]) -> list[list[int]]:
    """Invert paper -> topics into topic -> papers."""
    members: list[list[int]] = [[] for _ in range(count)]
    for paper, topics in enumerate(chosen):
        for topic in topics:
            members[topic].append(paper)
    return members


def _membership(
    seeds: Sequence[Seed], options: list[list[tuple[int, float]]], chosen: list[list[int]]
) -> Membership:
    """Order members by score and each paper's topics by score."""
    scores = {(paper, t): s for paper, opts in enumerate(options) for t, s in opts}
    return ordered_membership(len(seeds), chosen, scores)


def ordered_membership(
    count: int, chosen: list[list[int]], scores: dict[tuple[int, int], float]
) -> Membership:
    """Membership of `count` topics from each paper's topics and (paper, topic) scores,
    members and each paper's topics ordered by score."""
    members: list[list[tuple[int, float]]] = [[] for _ in range(count)]
    per_paper: list[list[int]] = []
    for paper, topics in enumerate(chosen):
        ordered = sorted(topics, key=lambda t: (-scores.get((paper, t), 0.0), t))
        per_paper.append(ordered)
        for topic in ordered:
            members[topic].append((paper, scores.get((paper, topic), 0.0)))
    for papers in members:
        papers.sort(key=lambda ps: (-ps[1], ps[0]))
    return Membership(members, per_paper)
