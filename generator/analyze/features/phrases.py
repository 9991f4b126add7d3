"""Corpus statistics of phrases: how often, where, and whether they read as phrases."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from generator.analyze.features.documents import Documents
from generator.analyze.features.vectors import Vectors

# The last word of a phrase must end a run at least this often: "segmentation" ends
# 69% of its runs, "transport" 59%, "optimal" 9% (it modifies: "optimal transport"),
# "neural" 1%. At 0.4 the bundled corpus lost "Audio" and its Other grew by 9 papers.
MIN_HEAD = 0.3
# A single word more than this share of all papers use is the field's, not a subject:
# no shared term of two related papers ("training", "inference": related/top_k.py) nor a
# topic's keyword ("classification": topics/describe.py).
MAX_WORD_SHARE = 0.1


@dataclass(frozen=True)
class PhraseStats:
    """Per-term counts (columns of `Vectors`) and the papers each term is key to."""

    terms: tuple[str, ...]
    index: dict[str, int]
    total: NDArray[np.float64]
    papers: NDArray[np.int64]
    title_papers: NDArray[np.int64]
    key_papers: sp.csc_matrix
    head: NDArray[np.float64]
    alone: NDArray[np.float64]
    # Single words used mostly as verbs ("reduce", "upsample": word_classes.verbs): they
    # name an action, so no label or keyword is one.
    verb: NDArray[np.bool_]
    # Single words used mostly as adjectives are ("predictive", "plausible": below
    # MIN_HEAD as a noun, Documents.noun_head_ratio): alone, they describe nothing.
    describing: NDArray[np.bool_]
    # How often each single word is used as an adjective is: after a copula or an adverb,
    # before "than" ("is deeper", "much deeper", "deeper than": Documents.described_counts).
    described: NDArray[np.int64]

    def readable(self) -> NDArray[np.bool_]:
        """Terms that can end a noun phrase: "optimal transport", not "deep convolutional"."""
        return np.asarray(self.head >= MIN_HEAD)

    def most_used_pairs(self) -> tuple[dict[str, float], dict[str, float]]:
        """For each word, the uses of the most used two-word term it starts, and of the
        most used one it ends ("resonance": "magnetic resonance", 8)."""
        firsts: dict[str, float] = {}
        seconds: dict[str, float] = {}
        for term, total in zip(self.terms, self.total.tolist(), strict=True):
            if term.count(" ") == 1:
                first, second = term.split(" ")
                firsts[first] = max(firsts.get(first, 0.0), total)
                seconds[second] = max(seconds.get(second, 0.0), total)
        return firsts, seconds


def phrase_stats(vectors: Vectors, docs: Documents) -> PhraseStats:
    """Compute counts, key papers, head and alone ratios of every term."""
    terms = vectors.terms
    index = {t: i for i, t in enumerate(terms)}
    used_as_verbs = docs.verbs()
    counts = vectors.counts.tocsc()
    titles = vectors.title_counts.tocsc()
    total = np.asarray(counts.sum(axis=0), dtype=np.float64).ravel()
    # A paper is *about* a phrase when its title says it or its abstract repeats it.
    abstract = (counts - titles).tocsc()
    key = ((titles > 0) + (abstract >= 2)).tocsc().astype(bool)
    return PhraseStats(
        terms=terms,
        index=index,
        total=total,
        papers=np.diff(counts.indptr).astype(np.int64),
        title_papers=np.diff(titles.indptr).astype(np.int64),
        key_papers=key,
        head=np.array([docs.head_ratio(t.rsplit(" ", 1)[-1]) for t in terms], dtype=np.float64),
        alone=np.array(
            [docs.alone_ratio(t) if " " not in t else 0.0 for t in terms], dtype=np.float64
        ),
        verb=np.array([t in used_as_verbs for t in terms], dtype=bool),
        describing=np.array(
            [" " not in t and docs.noun_head_ratio(t) < MIN_HEAD for t in terms], dtype=bool
        ),
        described=np.array(
            [docs.described_counts.get(t, 0) if " " not in t else 0 for t in terms],
            dtype=np.int64,
        ),
    )
