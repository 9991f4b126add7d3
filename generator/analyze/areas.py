"""Group topics into a few broad areas, each named after the phrase that best covers it."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.cluster import AgglomerativeClustering

from generator.analyze.label_rules import (
    GENERIC,
    MIN_ALONE,
    MIN_BURSTINESS,
    TITLE_VERBS,
    VAGUE,
)
from generator.analyze.phrases import MIN_HEAD, PhraseStats
from generator.analyze.surfaces import Surfaces
from generator.analyze.topic_describe import Draft

# An area name must be a phrase most of whose papers are in the area and that
# covers a good part of it.
MIN_PRECISION = 0.6
MIN_RECALL = 0.3
# Topics join one area when the average cosine between their centres is at least
# 1 - AREA_DISTANCE. At 0.3 (distance 0.7) the bundled corpus gets 13 coherent areas
# of 2-10 topics and leaves 10 topics on their own; Ward linkage with a fixed number
# of areas instead made mixed "rest" areas that no name could describe.
AREA_DISTANCE = 0.7


def group_areas(centres: NDArray[np.float32]) -> list[int]:
    """Area number of each topic; -1 for a topic that is close to no other."""
    if len(centres) < 2:
        return [-1] * len(centres)
    clustering = AgglomerativeClustering(
        n_clusters=None,
        metric="cosine",
        linkage="average",
        distance_threshold=AREA_DISTANCE,
        compute_full_tree=True,
        connectivity=None,
        memory=None,
        compute_distances=False,
    )
    labels = [int(label) for label in clustering.fit_predict(centres.astype(np.float64))]
    sizes = {label: labels.count(label) for label in labels}
    return [label if sizes[label] > 1 else -1 for label in labels]


def area_names(
    drafts: Sequence[Draft],
    groups: list[int],
    stats: PhraseStats,
    presence: sp.csr_matrix,
    surfaces: Surfaces,
) -> dict[int, str]:
    """Name each area by a phrase that covers it, else by its two largest topics.

    A phrase names an area when most papers naming it are in the area (precision at
    least MIN_PRECISION) and it covers enough of the area (recall at least
    MIN_RECALL); the best F1 wins. Otherwise the name lists the two largest topics
    ("CT and generative models"): less elegant, never misleading.
    """
    mentions = presence.tocsc()
    readable = (stats.head >= MIN_HEAD) & _nameable(stats, surfaces)
    names: dict[int, str] = {}
    taken: set[str] = set()
    for group in sorted(set(groups) - {-1}, key=lambda g: (-_size(drafts, groups, g), g)):
        papers = sorted(
            {p for d, g in zip(drafts, groups, strict=True) if g == group for p in d.papers}
        )
        inside = np.asarray(mentions[papers].sum(axis=0)).ravel() if papers else np.zeros(0)
        best = _best_phrase(inside, len(papers), stats, readable, taken)
        label = surfaces.label(best) if best else _largest_labels(drafts, groups, group)
        taken.add(best)
        names[group] = label
    return names


def _best_phrase(
    inside: NDArray[np.float64],
    size: int,
    stats: PhraseStats,
    readable: NDArray[np.bool_],
    taken: set[str],
) -> str:
    """The readable, non-generic phrase with the best F1 among those precise enough."""
    best, best_score = "", 0.0
    for column in np.flatnonzero(inside >= 2):
        key = stats.terms[column]
        words = key.split(" ")
        if key in taken or not readable[column] or words[0] in TITLE_VERBS:
            continue
        if all(w in GENERIC for w in words):
            continue
        precision = inside[column] / stats.papers[column]
        recall = inside[column] / size
        if precision < MIN_PRECISION or recall < MIN_RECALL:
            continue
        score = round(2 * precision * recall / (precision + recall), 6)
        if score > best_score or (math.isclose(score, best_score) and key < best):
            best, best_score = key, score
    return best


def _nameable(stats: PhraseStats, surfaces: Surfaces) -> NDArray[np.bool_]:
    """Phrases fit to name an area: several words, or a bursty stand-alone common word.

    Names and acronyms ("ImageNet", "CT") are too narrow for an area.
    """
    single = np.array([" " not in t for t in stats.terms], dtype=bool)
    coined = np.array([surfaces.is_coined(t.rsplit(" ", 1)[-1]) for t in stats.terms], dtype=bool)
    word_ok = (stats.alone >= MIN_ALONE) & (stats.total >= MIN_BURSTINESS * stats.papers)
    vague = np.array([t in VAGUE for t in stats.terms], dtype=bool)
    return np.asarray((~single | word_ok) & ~coined & ~vague)


def _size(drafts: Sequence[Draft], groups: list[int], group: int) -> int:
    """Number of member papers in an area (counting each paper once)."""
    return len({p for d, g in zip(drafts, groups, strict=True) if g == group for p in d.papers})


def _largest_labels(drafts: Sequence[Draft], groups: list[int], group: int) -> str:
    """Fallback area name: its two largest topics ("CT and generative models")."""
    inside = sorted(
        (d for d, g in zip(drafts, groups, strict=True) if g == group),
        key=lambda d: (-len(d.members), d.slug),
    )
    labels = [d.label for d in inside[:2]]
    if len(labels) == 2 and labels[1].split(" ", 1)[0][1:].islower():
        labels[1] = labels[1][:1].lower() + labels[1][1:]
    return " and ".join(labels) if labels else "Other"
