"""Key phrases that could name a topic, scored by how tightly their papers cluster.

A candidate is a phrase (1-3 words) that papers are *about*: in the title, or twice
in the abstract (phrases.py). Its quality is the cohesion of those papers in LSA
space above the corpus baseline, times the log of their number (cohesion.py); it
must read like a label (label_rules.py). An acronym candidate is folded into the
phrase it abbreviates. A phrase inside a longer candidate stays a candidate: when
both are chosen the shorter names the topic (seeds.py). It once gave way to a longer
phrase holding most of its papers, but that phrase is often at the support floor (3
papers about "monocular depth estimation" of 4 about "depth estimation"), so with 10%
fewer papers the topic came back under the shorter name and its address changed (a
fifth of one subset's best-topic changes, manual/analysis.md).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from generator.analyze.features.acronyms import abbreviates
from generator.analyze.features.cohesion import column_lifts, set_lift
from generator.analyze.features.cohesion import quality as topic_quality
from generator.analyze.features.display_forms import Surfaces
from generator.analyze.features.phrases import PhraseStats
from generator.analyze.topics.label_rules import worthy

# Fewest papers about a phrase for it to name a topic: 3, growing with the corpus
# (0.4% of it) so that 100,000 papers do not make 10,000 topics.
MIN_SUPPORT = 3
SUPPORT_SHARE = 0.004
# A phrase must appear in this many titles: what people put in titles is a topic.
MIN_TITLES = 2
# A topic may hold max_share of the corpus, but never fewer than this many papers:
# a small corpus keeps whole clusters (15% of 40 papers would be 6).
MIN_CAP = 8


@dataclass(frozen=True)
class Candidate:
    """A phrase that could name a topic, with the papers that are about it."""

    key: str
    papers: tuple[int, ...]
    lift: float
    quality: float
    # Papers naming the phrase anywhere: among equals, the usual name wins.
    mentions: int = 0
    # Other phrases for the same topic: its acronym ("vit" for "vision transformer").
    aliases: tuple[str, ...] = ()
    # Only papers about the phrase may join (residual topics of broad words).
    gated: bool = False


def size_cap(n: int, max_share: float) -> int:
    """Most papers a topic may hold in a corpus of n papers."""
    return max(MIN_CAP, int(max_share * n))


def min_support(n: int) -> int:
    """Fewest papers about a phrase for it to name a topic in a corpus of n papers."""
    return max(MIN_SUPPORT, math.ceil(SUPPORT_SHARE * n))


def find_candidates(
    stats: PhraseStats,
    lsa: NDArray[np.float32],
    surfaces: Surfaces,
    max_share: float,
    excluded: Collection[str] = (),
) -> list[Candidate]:
    """Topic-worthy phrases, best first (ties broken by phrase)."""
    n = lsa.shape[0]
    cap = size_cap(n, max_share)
    support = np.diff(stats.key_papers.indptr)
    eligible = (
        (support >= min_support(n))
        & (support <= cap)
        & (stats.title_papers >= MIN_TITLES)
        & stats.readable()
    )
    columns = [int(c) for c in np.flatnonzero(eligible) if stats.terms[c] not in excluded]
    lifts = column_lifts(stats, lsa, columns)
    labels = {
        stats.terms[c]: (c, lift)
        for c, lift in zip(columns, lifts.tolist(), strict=True)
        if worthy(stats, c, lift, surfaces)
    }
    kept = [candidate(stats, column, lift, lsa) for column, lift in labels.values()]
    return ranked(_merge_acronyms(kept, surfaces, lsa))


def candidate(
    stats: PhraseStats,
    column: int,
    lift: float,
    lsa: NDArray[np.float32],
    rows: Sequence[int] | None = None,
) -> Candidate:
    """A candidate for one term column (its key papers among `rows`, if given)."""
    papers = tuple(int(p) for p in stats.key_papers[:, column].indices)
    if rows is not None:
        papers = tuple(sorted(set(papers).intersection(rows)))
    quality = topic_quality(lift, len(papers), lsa)
    mentions = int(stats.papers[column])
    return Candidate(stats.terms[column], papers, round(lift, 6), round(quality, 6), mentions)


def ranked(candidates: list[Candidate]) -> list[Candidate]:
    """Best quality first, ties broken by phrase."""
    return sorted(candidates, key=lambda c: (-c.quality, c.key))


def _merge_acronyms(
    candidates: list[Candidate], surfaces: Surfaces, lsa: NDArray[np.float32]
) -> list[Candidate]:
    """Fold an acronym candidate ("FCN") into the phrase it abbreviates."""
    phrases = {c.key: c for c in candidates if " " in c.key}
    merged: dict[str, Candidate] = {c.key: c for c in candidates}
    for acronym in sorted(c.key for c in candidates if " " not in c.key):
        expansion = next(
            (p for p in sorted(phrases) if abbreviates(acronym, surfaces.phrase(p))), None
        )
        if expansion is None or expansion not in merged:
            continue
        full = merged[expansion]
        papers = tuple(sorted({*full.papers, *merged.pop(acronym).papers}))
        lift = set_lift(papers, lsa)
        quality = topic_quality(lift, len(papers), lsa)
        merged[expansion] = replace(
            full,
            papers=papers,
            lift=round(lift, 6),
            quality=round(quality, 6),
            aliases=(*full.aliases, acronym),
        )
    return list(merged.values())
