"""Cohesion: how much closer a set of papers is than two papers picked at random."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from generator.analyze.features.phrases import PhraseStats


def baseline(lsa: NDArray[np.float32]) -> float:
    """Mean cosine between two different papers of the corpus."""
    return max(_pair_mean(lsa), 1e-6)


def _pair_mean(rows: NDArray[np.float32]) -> float:
    """Mean cosine between two different rows (unit vectors)."""
    m = rows.shape[0]
    total = rows.astype(np.float64).sum(axis=0)
    mean: float = (float(total @ total) - m) / max(m * (m - 1), 1)
    return mean


def quality(lift: float, size: int, lsa: NDArray[np.float32]) -> float:
    """How good a topic a set of papers makes: cohesion above baseline times log(size)."""
    return (lift - 1.0) * baseline(lsa) * float(np.log(max(size, 1)))


def column_lifts(
    stats: PhraseStats,
    lsa: NDArray[np.float32],
    columns: list[int],
    rows: Sequence[int] | None = None,
) -> NDArray[np.float64]:
    """Cohesion of each column's key papers (only those among `rows`, if given) over baseline."""
    if not columns:
        return np.zeros(0)
    picked = stats.key_papers if rows is None else stats.key_papers[list(rows)]
    vectors = lsa if rows is None else lsa[list(rows)]
    return _cohesions(picked[:, columns], vectors) / baseline(lsa)


def set_lifts(members: sp.spmatrix, lsa: NDArray[np.float32]) -> NDArray[np.float64]:
    """Cohesion over baseline of each column's set of papers (`members`: papers x sets,
    nonzero where a paper is in the set)."""
    return _cohesions(members, lsa) / baseline(lsa)


def _cohesions(members: sp.spmatrix, lsa: NDArray[np.float32]) -> NDArray[np.float64]:
    """Mean cosine between two different papers of each column's set."""
    ones = (members != 0).astype(np.float64)
    sums = np.asarray(ones.T @ lsa.astype(np.float64))
    m = np.asarray(ones.sum(axis=0)).ravel()
    return np.asarray(((sums**2).sum(axis=1) - m) / np.maximum(m * (m - 1), 1.0))


def set_lift(papers: Sequence[int], lsa: NDArray[np.float32]) -> float:
    """Cohesion lift of any set of papers."""
    return _pair_mean(lsa[list(papers)]) / baseline(lsa)
