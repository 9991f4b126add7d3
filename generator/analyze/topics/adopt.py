"""Second pass for papers without a topic: score them against the topics' members.

The first pass scores every paper against the centre of a topic's *seed* papers: the
few papers about its phrase (three or four for most topics of the bundled corpus).
A centre of three papers is a noisy estimate of what the topic is about, and papers
that belong to it but word it differently fall below MIN_SCORE and into "Other".
Once membership is known, the centre of the topic's members (ten or twenty papers)
says it better: the second pass scores the papers left without a topic against those
centres, with the first pass's bonuses and MIN_SCORE, and each joins the best of its
CHOICES closest topics that can take it (when only the closest was tried, a paper
whose closest topic was full of unnamed members stayed in "Other" though the next one
fitted). Papers that already have topics keep them exactly, so this pass only ever
moves papers out of "Other".

A topic takes an adopted paper only while its label still describes most of its
members (the focus rules of members.py: its phrase named by half, its label fitting
MIN_FIT, label_fit.py) and while it is under the size cap; adoptions are
decided best score first, ties by paper and topic number, so the result is deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import scipy.sparse as sp

from generator.analyze.features.vectors import Vectors
from generator.analyze.features.word_families import PhraseUse
from generator.analyze.topics.candidates import size_cap
from generator.analyze.topics.members import (
    MIN_SCORE,
    Membership,
    can_take,
    ordered_membership,
    passing_papers,
    score_options,
)
from generator.analyze.topics.seeds import Seed

# Topics tried for each paper, best first: the first that can take it adopts it.
CHOICES = 3


def adopt_leftovers(
    seeds: Sequence[Seed],
    membership: Membership,
    uses: PhraseUse,
    vectors: Vectors,
    max_share: float,
    fits: sp.csc_matrix,
) -> Membership:
    """`membership` with papers that fit no topic scored again against member centres
    (`fits`: papers x topics, 1 where a paper fits the topic's label: fit_matrix)."""
    leftover = membership.other
    if not leftover or not seeds:
        return membership
    members = [[p for p, _ in papers] for papers in membership.members]
    by_members = [
        replace(seed, papers=tuple(sorted(papers)) or seed.papers)
        for seed, papers in zip(seeds, members, strict=True)
    ]
    phrases = [seed.phrases for seed in seeds]
    mentions, titles, about = uses.hits(phrases)
    options = score_options(by_members, vectors, CHOICES, mentions, titles, about, leftover)
    tests = (mentions.tocsc(), fits)
    passing = [passing_papers(tests, t, seed) for t, seed in enumerate(seeds)]
    passed = [
        [len(ok.intersection(papers)) for ok in passing[t]] for t, papers in enumerate(members)
    ]
    failed = [[len(papers) - count for count in passed[t]] for t, papers in enumerate(members)]
    sizes = [len(papers) for papers in members]
    limit = size_cap(vectors.lsa.shape[0], max_share)
    picks = sorted(
        (
            (score, paper, topic)
            for paper, opts in zip(leftover, options, strict=True)
            for topic, score in opts
        ),
        key=lambda sp: (-sp[0], sp[1], sp[2]),
    )
    chosen = [list(topics) for topics in membership.per_paper]
    scores = {
        (paper, topic): score
        for topic, papers in enumerate(membership.members)
        for paper, score in papers
    }
    for score, paper, topic in picks:
        if chosen[paper] or score < MIN_SCORE or sizes[topic] >= limit:
            continue
        passes = [paper in ok for ok in passing[topic]]
        if not seeds[topic].pinned and not can_take(passed[topic], failed[topic], passes):
            continue
        for test, ok in enumerate(passes):
            (passed if ok else failed)[topic][test] += 1
        chosen[paper] = [topic]
        sizes[topic] += 1
        scores[paper, topic] = score
    return ordered_membership(len(seeds), chosen, scores)
