"""Fillers: second-chance topics for papers that no first-round topic took."""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from generator.analyze.features.cohesion import column_lifts
from generator.analyze.features.display_forms import Surfaces
from generator.analyze.features.phrases import PhraseStats
from generator.analyze.topics.candidates import Candidate, candidate, min_support, ranked, size_cap
from generator.analyze.topics.label_rules import worthy


@dataclass(frozen=True)
class FillerRound:
    """How a round of fillers may differ from first-round candidates."""

    # Share of the least support a filler must gather among papers without a topic.
    need_share: float
    # Added to a filler's cohesion lift before the label checks (negative: stricter).
    relax: float
    # Only multi-word phrases and names (no single words).
    phrases_only: bool
    # Judge a phrase by the leftover papers about it alone (cohesion and seed papers),
    # and let only papers about the phrase join: small topics for what the first-round
    # topics left, not a rival to them.
    within_leftover: bool = False
    # Added to a single word's lift (words are otherwise held to the first-round floor).
    word_relax: float = 0.0


# Round one accepts slightly looser phrases that gather as many papers as a topic needs;
# round two accepts very tight phrases that gather half as many ("Pose estimation").
# Round three looks only at the papers still left: phrases that several of them are
# about and that make them cohesive ("Regularization" for Cutout, Dropout and nuclear
# norm papers, though "regularization" across the corpus is too broad to be a topic).
# A single word there gets WORD_RELAX_RESIDUAL added to its lift among those papers:
# only papers about it may join (Seed.gated), so cohesion only has to show the word is a
# subject. At 1.0 the floor cut through the one word near it: "regularization" had lifts
# 1.9-2.3 over the bundled corpus and its 90% subsets, while the other residual words
# were at 2.9 or more, so the topic came and went with 10% of the papers (19 of the 23
# best-topic changes of one subset, manual/analysis.md). At 1.5 it is below them all.
WORD_RELAX_RESIDUAL = 1.5
FILLER_ROUNDS = (
    FillerRound(1.0, 0.5, False),
    FillerRound(0.5, -2.0, True),
    FillerRound(1.0, 1.0, False, within_leftover=True, word_relax=WORD_RELAX_RESIDUAL),
)


def find_fillers(
    stats: PhraseStats,
    lsa: NDArray[np.float32],
    surfaces: Surfaces,
    leftover: Sequence[int],
    taken: Collection[str],
    rules: FillerRound,
    max_share: float,
    excluded: Collection[str] = (),
) -> list[Candidate]:
    """Phrases that papers without a topic are about, greedily by papers gathered."""
    n = lsa.shape[0]
    need = max(2, math.ceil(rules.need_share * min_support(n)))
    if not leftover:
        return []
    gathered = np.asarray(stats.key_papers[sorted(leftover)].sum(axis=0)).ravel()
    support = np.diff(stats.key_papers.indptr)
    cap = size_cap(n, max_share)
    eligible = (gathered >= need) & (support <= cap) & (stats.title_papers >= 1)
    eligible &= stats.readable()
    columns = [
        int(c)
        for c in np.flatnonzero(eligible)
        if stats.terms[c] not in excluded
        and stats.terms[c] not in taken
        and (not rules.phrases_only or " " in stats.terms[c] or surfaces.is_coined(stats.terms[c]))
    ]
    rows = sorted(leftover) if rules.within_leftover else None
    lifts = column_lifts(stats, lsa, columns, rows)
    overall = column_lifts(stats, lsa, columns) if rows is not None else lifts
    pool = [
        replace(candidate(stats, c, lift, lsa, rows), gated=rules.within_leftover)
        for c, lift, whole in zip(columns, lifts.tolist(), overall.tolist(), strict=True)
        if worthy(
            stats, c, lift, surfaces, rules.relax, rules.within_leftover, whole, rules.word_relax
        )
    ]
    return cover(pool, set(leftover), need)


def cover(pool: list[Candidate], leftover: set[int], need: int) -> list[Candidate]:
    """Greedy cover of the leftover papers by the most cohesive phrases."""
    chosen: list[Candidate] = []
    pool = ranked(pool)
    while pool:
        gains = [
            (round(len(leftover.intersection(c.papers)) * (c.lift - 1.0), 6), c.mentions, -i)
            for i, c in enumerate(pool)
        ]
        gain, _, position = max(gains)
        best = pool[-position]
        if len(leftover.intersection(best.papers)) < need or gain <= 0:
            break
        chosen.append(best)
        leftover -= set(best.papers)
        pool = [c for c in pool if c is not best]
    return chosen
