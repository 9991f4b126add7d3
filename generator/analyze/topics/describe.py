"""Describe finished topics: keywords, centres and related topics."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from generator.analyze.features.display_forms import Surfaces
from generator.analyze.features.phrases import MAX_WORD_SHARE, MIN_HEAD, PhraseStats
from generator.analyze.features.vectors import unit_rows
from generator.analyze.features.word_classes import GENERIC
from generator.analyze.topics.keyword_rules import (
    is_comparative,
    is_filler,
    repeats_kept,
    repeats_label,
    spelled_out,
)
from generator.analyze.topics.whole_terms import WholeTerms
from generator.analyze.topics.works import works_using

KEYWORDS = 8
RELATED_TOPICS = 5
# A single-word keyword must be repeated by the papers that use it (uses per paper).
MIN_BURSTINESS = 1.2
# Topics whose centres are at least this close (cosine) are related.
MIN_RELATED = 0.3


@dataclass(frozen=True)
class Draft:
    """A topic with its members, before it becomes a `Topic`."""

    slug: str
    label: str
    members: tuple[tuple[int, float], ...]
    phrases: tuple[str, ...] = ()
    area: str = ""
    # Labels and slugs the topic had before a rename or merge (the topics file may use them).
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every label and slug this topic answers to, current ones first."""
        return (self.slug, self.label, *self.aliases)

    @property
    def papers(self) -> list[int]:
        """Member paper indices, most central first."""
        return [p for p, _ in self.members]


def topic_centres(drafts: Sequence[Draft], lsa: NDArray[np.float32]) -> NDArray[np.float32]:
    """Unit-length mean LSA vector of each topic's members."""
    centres = np.zeros((len(drafts), lsa.shape[1]), dtype=np.float32)
    for number, draft in enumerate(drafts):
        if draft.members:
            centres[number] = lsa[draft.papers].mean(axis=0)
    return unit_rows(centres)


def related_topics(
    drafts: Sequence[Draft],
    centres: NDArray[np.float32],
    neighbours: Sequence[Sequence[int]] = (),
) -> list[tuple[str, ...]]:
    """For each topic, the slugs of its closest topics (centre cosine), closest first.

    With `neighbours` (each paper's related papers), two topics are related only when
    a paper bridges them: one paper in both, or a paper of one whose related papers
    hold a paper of the other. Centres alone related "3D point clouds" to "MRI" and
    "Visualization" to "Object detection", topics no paper or link joins.
    """
    sims = np.round(centres @ centres.T, 4)
    members = [frozenset(draft.papers) for draft in drafts]
    reached = (
        [frozenset(q for p in group for q in (p, *neighbours[p])) for group in members]
        if neighbours
        else []
    )

    def bridged(one: int, other: int) -> bool:
        return not reached or bool(reached[one] & members[other] or reached[other] & members[one])

    related: list[tuple[str, ...]] = []
    for number, row in enumerate(sims):
        ranked = sorted(
            (-float(score), drafts[other].slug, other)
            for other, score in enumerate(row)
            if other != number and score >= MIN_RELATED
        )
        chosen = (slug for _, slug, other in ranked if bridged(number, other))
        related.append(tuple(itertools.islice(chosen, RELATED_TOPICS)))
    return related


def keywords(
    draft: Draft,
    stats: PhraseStats,
    presence: sp.csr_matrix,
    surfaces: Surfaces,
    partial: frozenset[str] = frozenset(),
    whole: WholeTerms | None = None,
    works: NDArray[np.int64] | None = None,
) -> tuple[str, ...]:
    """Phrases typical of the topic's papers and rare elsewhere: content, not prose.

    The label, its inflections, filler prose, words that are part of terms (`partial`:
    halves of a term and heads of many compounds, keyword_rules.half_terms and
    open_heads), verbs (PhraseStats.verb) and phrases a kept keyword
    already says are skipped; a pair that is two thirds of a term is shown whole
    (`whole`: "cumulative distribution function"). Papers of one work (`works`:
    works.work_numbers) count once.
    """
    members = draft.papers
    if not members:
        return ()
    n = presence.shape[0]
    inside, size = works_using(presence, members, works)
    idf = np.log(n / np.maximum(stats.papers, 1))
    score = inside / size * idf
    # Ties go to the first phrase in alphabetical order: terms are (CountVectorizer's).
    order = np.argsort(-np.round(score, 6), kind="stable")
    readable = stats.head >= MIN_HEAD
    chosen: list[str] = []
    for column in order[: 40 * KEYWORDS]:
        key = stats.terms[column]
        usable = _usable(key, stats, column, bool(readable[column]), draft.phrases, partial)
        if inside[column] < min(2, size) or not usable:
            continue
        if _fields_word(key, stats.papers[column], inside[column], n, surfaces):
            continue
        if whole is not None:
            longer = whole.of(key, members)
            if longer != key and repeats_label(longer, draft.phrases, GENERIC):
                continue  # two thirds of the label ("segmentation network")
            key = longer
        if repeats_kept(key, chosen):
            continue
        if spelled_out(surfaces.phrase(key), [draft.label]) is not None:
            continue  # the label's acronym ("OT" under "Optimal transport"), or its words
        twin = spelled_out(surfaces.phrase(key), [surfaces.phrase(k) for k in chosen])
        if twin is not None:  # one thing twice: the words, in the acronym's place
            if " " in key:
                chosen[twin] = key
            continue
        chosen.append(key)
        if len(chosen) == KEYWORDS:
            break
    return tuple(surfaces.phrase(k) for k in chosen)


def _fields_word(key: str, papers: int, inside: float, n: int, surfaces: Surfaces) -> bool:
    """A single word more than MAX_WORD_SHARE of all `n` papers use, and more than twice
    as many papers as the topic's own, is the field's, not the topic's ("classification",
    "weights", "loss"), unless it is a name ("ImageNet"). (Twice the topic's own: in a
    corpus of 15 papers, 2 are over a tenth.)"""
    common = papers > max(MAX_WORD_SHARE * n, 2 * inside)
    return " " not in key and common and not surfaces.is_coined(key)


def _usable(
    key: str,
    stats: PhraseStats,
    column: int,
    readable: bool,
    label: tuple[str, ...],
    partial: frozenset[str],
) -> bool:
    """A keyword must read as a phrase, say something, and not repeat the label."""
    words = key.split(" ")
    if repeats_label(key, label, GENERIC) or is_filler(key, stats.index):
        return False
    if is_comparative(words[-1], stats):  # "deeper", "going deeper"
        return False
    if len(words) > 1 or not readable:  # a lone modifier ("mathematical") names nothing
        return readable
    if key in partial or stats.verb[column] or stats.describing[column]:
        return False
    return bool(stats.total[column] >= MIN_BURSTINESS * stats.papers[column])
