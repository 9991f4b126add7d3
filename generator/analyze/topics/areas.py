"""Group topics into a few broad areas, each named after the phrase that best covers it."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.cluster import AgglomerativeClustering

from generator.analyze.features.display_forms import Surfaces
from generator.analyze.features.phrases import MIN_HEAD, PhraseStats
from generator.analyze.features.vectors import unit_rows
from generator.analyze.features.word_classes import GENERIC
from generator.analyze.topics.describe import Draft
from generator.analyze.topics.label_rules import (
    MIN_ALONE,
    MIN_BURSTINESS,
    TITLE_VERBS,
    VAGUE,
)

# An area name must be a phrase most of whose papers are in the area and that
# covers a good part of it.
MIN_PRECISION = 0.6
MIN_RECALL = 0.3
# A phrase that is one of the area's topics, or a variant of one (a word starting with
# the same STEM letters: "memorizing" for "memorization", "network pruning" for
# "pruning"), must cover half the area, or the area reads as that topic alone.
MIN_RECALL_TOPIC = 0.5
STEM = 5
# A topic holding this share of an area named for another topic's phrase, and mostly not
# saying that phrase, is named too ("Modalities and calibration").
LEFT_OUT_SHARE = 1 / 3
# An area name must be said by at least SPAN_SHARE of the papers of two of its topics:
# "Volume rendering" (view synthesis papers only) does not name "Point clouds and view
# synthesis".
SPAN_SHARE = 0.25
# Topics join one area when the average cosine between their centres is at least
# 1 - AREA_DISTANCE (centres from own_centres). At 0.3 (distance 0.7) the bundled
# corpus gets 16 areas of 2-8 topics and leaves 15 topics on their own; Ward linkage
# with a fixed number of areas instead made mixed "rest" areas that no name could describe.
AREA_DISTANCE = 0.7


def own_centres(drafts: Sequence[Draft], lsa: NDArray[np.float32]) -> NDArray[np.float32]:
    """Unit-length centre of each topic, each member weighted by 1 / its number of topics.

    Areas group topics by what their papers are about, not by the papers they share: two
    papers in both "Lottery tickets" and "Differential equations" (low-rank lottery
    tickets via matrix differential equations) put the latter in the "Pruning" area.
    """
    held = np.zeros(lsa.shape[0], dtype=np.float64)
    for draft in drafts:
        held[draft.papers] += 1.0
    centres = np.zeros((len(drafts), lsa.shape[1]), dtype=np.float64)
    for number, draft in enumerate(drafts):
        if draft.members:
            weights = 1.0 / held[draft.papers]
            centres[number] = weights @ lsa[draft.papers].astype(np.float64)
    return unit_rows(centres)


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
    ("CT and generative models"): less elegant, never misleading. An area whose topics
    share no phrase at all (none said by SPAN_SHARE of the papers of two of them) is
    no area: its name is "" and its topics stand alone. Closeness in the LSA space
    alone put "Audio" with "Separable convolution" and "3D point clouds" with
    "Disentanglement".
    """
    mentions = presence.tocsc()
    readable = (stats.head >= MIN_HEAD) & _nameable(stats, surfaces)
    names: dict[int, str] = {}
    taken: set[str] = set()
    for group in sorted(set(groups) - {-1}, key=lambda g: (-_size(drafts, groups, g), g)):
        inside_drafts = [d for d, g in zip(drafts, groups, strict=True) if g == group]
        papers = sorted({p for d in inside_drafts for p in d.papers})
        inside = np.asarray(mentions[papers].sum(axis=0)).ravel() if papers else np.zeros(0)
        own = _topic_phrases(inside_drafts, inside, stats)
        apart = _narrow(inside_drafts, inside, mentions, stats)
        if not _shares_a_phrase(inside, stats, readable, apart):
            names[group] = ""
            continue
        narrow = taken | apart
        spanning = _best_phrase(inside, len(papers), stats, readable, narrow | own)
        best = spanning or _best_phrase(
            inside, len(papers), stats, readable, narrow, MIN_RECALL_TOPIC
        )
        if best:
            label, said = surfaces.label(best), [stats.index[best]]
        else:
            label, said = _fallback_name(inside_drafts, mentions, stats)
        if not spanning and said:  # named for one of its topics: does it hold the rest?
            label = _with_left_out(label, said, inside_drafts, len(papers), mentions)
        taken.add(best)
        names[group] = label
    return names


def _with_left_out(
    label: str, said: list[int], drafts: Sequence[Draft], size: int, mentions: sp.csc_matrix
) -> str:
    """`label` (a phrase of one topic, said by the columns `said`) and the largest topic of
    the area that holds LEFT_OUT_SHARE of its papers but mostly does not say it: "Modalities"
    named an area whose 7 calibration papers of 16 never spoke of modalities."""
    for draft in _by_size(drafts):
        if len(draft.members) < LEFT_OUT_SHARE * size or draft.label == label:
            continue
        saying = int((mentions[draft.papers][:, said].sum(axis=1) > 0).sum())
        if saying < 0.5 * len(draft.members):
            return join_labels([label, _lower_first(draft.label)])
    return label


def _shares_a_phrase(
    inside: NDArray[np.float64], stats: PhraseStats, readable: NDArray[np.bool_], narrow: set[str]
) -> bool:
    """Whether some phrase that could name an area is said across two of its topics."""
    return any(
        _could_name(stats.terms[column], readable[column]) and stats.terms[column] not in narrow
        for column in np.flatnonzero(inside >= 2)
    )


def _could_name(key: str, readable: bool) -> bool:
    """A readable phrase, not opening with a title verb, not all generic words."""
    words = key.split(" ")
    return readable and words[0] not in TITLE_VERBS and not all(w in GENERIC for w in words)


def _best_phrase(
    inside: NDArray[np.float64],
    size: int,
    stats: PhraseStats,
    readable: NDArray[np.bool_],
    taken: set[str],
    min_recall: float = MIN_RECALL,
) -> str:
    """The readable, non-generic phrase with the best F1 among those precise enough."""
    best, best_score = "", 0.0
    for column in np.flatnonzero(inside >= 2):
        key = stats.terms[column]
        if key in taken or not _could_name(key, readable[column]):
            continue
        precision = inside[column] / stats.papers[column]
        recall = inside[column] / size
        if precision < MIN_PRECISION or recall < min_recall:
            continue
        score = round(2 * precision * recall / (precision + recall), 6)
        if score > best_score or (math.isclose(score, best_score) and key < best):
            best, best_score = key, score
    return best


def _topic_phrases(
    drafts: Sequence[Draft], inside: NDArray[np.float64], stats: PhraseStats
) -> set[str]:
    """Phrases that stand for one topic of the area: its own, or a variant of it."""
    stems = {word[:STEM] for d in drafts for key in d.phrases for word in key.split(" ")}
    return {
        stats.terms[c]
        for c in np.flatnonzero(inside >= 2)
        if any(word[:STEM] in stems for word in stats.terms[c].split(" "))
    }


def _narrow(
    drafts: Sequence[Draft],
    inside: NDArray[np.float64],
    mentions: sp.csc_matrix,
    stats: PhraseStats,
) -> set[str]:
    """Phrases that fewer than two of the area's topics say often (SPAN_SHARE of papers)."""
    columns = np.flatnonzero(inside >= 2)
    spans = np.zeros(len(columns), dtype=np.int64)
    for draft in drafts:
        said = np.asarray(mentions[draft.papers][:, columns].sum(axis=0)).ravel()
        spans += said >= SPAN_SHARE * len(draft.papers)
    return {stats.terms[c] for c in columns[spans < 2]}


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


def _fallback_name(
    drafts: Sequence[Draft], mentions: sp.csc_matrix, stats: PhraseStats
) -> tuple[str, list[int]]:
    """Area name when no phrase covers it: the label of the topic whose phrase half the
    area's papers say (MIN_RECALL_TOPIC, as for a topic's phrase above), with the columns
    of its phrases; else its two largest topics ("Label noise and memorization"), a
    shared word said once ("Image classification and recognition"), and no columns."""
    papers = sorted({p for d in drafts for p in d.papers})
    said = [_saying(d, papers, mentions, stats) for d in drafts]
    best = max(range(len(drafts)), key=lambda i: (said[i], len(drafts[i].members), -i))
    if said[best] >= MIN_RECALL_TOPIC * len(papers):
        return drafts[best].label, _columns(drafts[best], stats)
    return _largest_labels(drafts), []


def _columns(draft: Draft, stats: PhraseStats) -> list[int]:
    """The columns of the topic's phrases."""
    return [stats.index[k] for k in draft.phrases if k in stats.index]


def _saying(draft: Draft, papers: list[int], mentions: sp.csc_matrix, stats: PhraseStats) -> int:
    """How many of `papers` say one of the topic's phrases."""
    columns = _columns(draft, stats)
    if not columns or not papers:
        return 0
    return int((mentions[papers][:, columns].sum(axis=1) > 0).sum())


def _by_size(drafts: Sequence[Draft]) -> list[Draft]:
    """Topics largest first (ties by slug)."""
    return sorted(drafts, key=lambda d: (-len(d.members), d.slug))


def _largest_labels(drafts: Sequence[Draft]) -> str:
    """An area named by its two largest topics ("Image classification and ResNets")."""
    labels = [d.label for d in _by_size(drafts)[:2]]
    if len(labels) == 2:
        labels[1] = _lower_first(labels[1])
    return join_labels(labels) if labels else "Other"


def _lower_first(label: str) -> str:
    """A label as the second of two: "image retrieval", but "X-ray images", "ResNets"."""
    word = label.split(" ", 1)[0]
    if word[1:].islower() and word[1:2].isalpha():
        return label[:1].lower() + label[1:]
    return label


def join_labels(labels: list[str]) -> str:
    """Join labels with "and", saying a shared first or last word once.

    "Image classification" + "image recognition" -> "Image classification and recognition";
    "Diffusion models" + "generative models" -> "Diffusion and generative models".
    """
    if len(labels) != 2:
        return " and ".join(labels)
    first, second = labels[0].split(" "), labels[1].split(" ")
    if len(first) > 1 and len(second) > 1:
        if first[0].casefold() == second[0].casefold():
            return " ".join([*first, "and", *second[1:]])
        if first[-1].casefold() == second[-1].casefold():
            return " ".join([*first[:-1], "and", *second])
    return " and ".join(labels)
