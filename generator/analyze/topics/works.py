"""Papers flagged as possibly one work count once where a topic is described.

A journal version and its conference paper (ingest/duplicates.py) share most of their
wording: two such papers made every keyword of "Fully convolutional networks" a phrase
of squeeze-and-excitation blocks ("channel recalibration", "SE module", "squeezing
channel-wise"), which four of its six papers never use.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from generator.model import Paper


def work_numbers(papers: Sequence[Paper]) -> NDArray[np.int64]:
    """Each paper's work: the smallest index among the papers it is flagged with,
    directly or through others (a paper with no flag is a work of its own)."""
    parent = np.arange(len(papers), dtype=np.int64)
    row = {p.slug: i for i, p in enumerate(papers)}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = int(parent[i])
        return i

    for i, paper in enumerate(papers):
        for slug in paper.possible_duplicates:
            j = row.get(slug)
            if j is not None:
                a, b = root(i), root(j)
                parent[max(a, b)] = min(a, b)
    return np.array([root(i) for i in range(len(papers))], dtype=np.int64)


def works_using(
    presence: sp.csr_matrix, members: Sequence[int], works: NDArray[np.int64] | None
) -> tuple[NDArray[np.float64], int]:
    """Per term (column of `presence`, papers x terms, 0/1), how many of the members'
    works use it; and how many works the members are."""
    rows = presence[list(members)]
    if works is None:
        return np.asarray(rows.sum(axis=0), dtype=np.float64).ravel(), len(members)
    distinct, group = np.unique(works[list(members)], return_inverse=True)
    if len(distinct) == len(members):
        return np.asarray(rows.sum(axis=0), dtype=np.float64).ravel(), len(members)
    indicator = sp.csr_matrix(
        (np.ones(len(members)), (group, np.arange(len(members)))),
        shape=(len(distinct), len(members)),
    )
    used = (indicator @ rows) > 0
    return np.asarray(used.sum(axis=0), dtype=np.float64).ravel(), len(distinct)
