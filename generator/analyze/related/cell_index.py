"""An inverted-file index of the LSA vectors: the cells a paper's neighbours are in.

The unit LSA vectors are split into cells by a seeded spherical k-means; every paper
is listed in its nearest cell and searches its `PROBES` nearest cells, about
PROBES x CELL_SIZE papers instead of all n. A batch of papers is searched with one
matrix product per probed cell (with the papers of the batch that probe it); a paper's
candidates are the papers of its own probed cells, whatever the batch.

The index is built in one thread from a seeded sample in fixed-size blocks: it depends
only on the vectors and the seed, never on thread count or chunk size.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from generator.analyze.features.vectors import unit_rows

# Papers per cell on average, and cells searched per paper: about 850 candidates per
# paper. Measured on a 30,000-paper synthetic corpus, as the share of the exact top-5
# related papers inside the searched cells (either paper's): 8 cells of 100 papers
# 0.977, 16 of 50 0.989, 32 of 50 0.996 (twice the work). Recall of the final lists:
# candidates.py.
CELL_SIZE = 50
PROBES = 16
# The k-means is fitted on a seeded sample of this many papers per cell (all papers
# are assigned afterwards), in a fixed number of rounds from a random start. At 30,000
# papers 32 per cell and 20 rounds put 0.3% more of the exact neighbours in the
# searched cells, for over twice the time; the index takes 3-6 s at 100,000 papers.
SAMPLE_PER_CELL = 16
ROUNDS = 8
# Rows of the paper-by-centre similarity matrix computed at once: a constant, so that
# the index never depends on how the search is split.
BLOCK = 1024


@dataclass(frozen=True)
class CellIndex:
    """Papers by cell (`order[starts[c]:starts[c + 1]]`) and each paper's probed cells."""

    order: NDArray[np.int64]
    starts: NDArray[np.int64]
    probes: NDArray[np.int64]

    def search(
        self, lsa: NDArray[np.float32], rows: NDArray[np.int64]
    ) -> tuple[NDArray[np.int32], NDArray[np.float32]]:
        """Candidates of each paper in `rows` and their LSA similarities.

        Row i lists the papers of paper rows[i]'s probed cells, cell by cell; shorter
        rows are padded with the paper itself at similarity -inf. One matrix product per
        probed cell, with the papers of `rows` that probe it.
        """
        probes = self.probes[rows]
        sizes = self.starts[probes + 1] - self.starts[probes]
        offsets = (np.cumsum(sizes, axis=1) - sizes).ravel()
        width = int(sizes.sum(axis=1).max())
        ids = np.repeat(rows[:, None].astype(np.int32), width, axis=1)
        sims = np.full((rows.size, width), -np.inf, dtype=np.float32)
        by_cell = np.argsort(probes.ravel(), kind="stable")
        cells, firsts = np.unique(probes.ravel()[by_cell], return_index=True)
        lasts = np.append(firsts[1:], by_cell.size)
        for cell, first, last in zip(cells.tolist(), firsts.tolist(), lasts.tolist(), strict=True):
            members = self.order[self.starts[cell] : self.starts[cell + 1]]
            slots = by_cell[first:last]
            local = slots // probes.shape[1]
            columns = offsets[slots][:, None] + np.arange(members.size)
            sims[local[:, None], columns] = lsa[rows[local]] @ lsa[members].T
            ids[local[:, None], columns] = members
        return ids, sims


def build_index(lsa: NDArray[np.float32], seed: int) -> CellIndex:
    """Cells of a seeded spherical k-means, and each paper's nearest cells."""
    n = lsa.shape[0]
    cells = max(1, round(n / CELL_SIZE))
    centres = _kmeans(lsa, cells, seed)
    home, probes = _nearest_cells(lsa, centres, min(PROBES, cells))
    order = np.argsort(home, kind="stable")
    starts = np.searchsorted(home[order], np.arange(cells + 1))
    return CellIndex(order, starts, np.sort(probes, axis=1))


def _kmeans(lsa: NDArray[np.float32], cells: int, seed: int) -> NDArray[np.float32]:
    """Unit centres of a spherical k-means fitted on a seeded sample (random start)."""
    n = lsa.shape[0]
    rng = np.random.default_rng(seed)
    sample = lsa[np.sort(rng.choice(n, size=min(n, SAMPLE_PER_CELL * cells), replace=False))]
    centres: NDArray[np.float32] = sample[
        np.sort(rng.choice(sample.shape[0], size=cells, replace=False))
    ]
    wide = sample.astype(np.float64)
    for _ in range(ROUNDS):
        labels = _nearest_cells(sample, centres, 0)[0]
        assign = sp.csr_matrix(
            (np.ones(labels.size), (labels, np.arange(labels.size))),
            shape=(cells, labels.size),
        )
        sums = assign @ wide
        filled = np.asarray(assign.sum(axis=1)).ravel() > 0
        centres = np.where(filled[:, None], unit_rows(sums), centres).astype(np.float32)
    return centres


def _nearest_cells(
    vectors: NDArray[np.float32], centres: NDArray[np.float32], probes: int
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Each row's nearest centre, and its `probes` nearest centres (nearest included)."""
    n, cells = vectors.shape[0], centres.shape[0]
    home = np.empty(n, dtype=np.int64)
    probed = np.empty((n, probes), dtype=np.int64)
    for start in range(0, n, BLOCK):
        sims = vectors[start : start + BLOCK] @ centres.T
        best = np.argmax(sims, axis=1)
        home[start : start + BLOCK] = best
        if probes == 0:
            continue
        if probes >= cells:
            probed[start : start + BLOCK] = np.arange(cells)
            continue
        near = top_columns(sims, probes)
        # The nearest cell is always probed, even when ties let the selection skip it.
        has_home = (near == best[:, None]).any(axis=1)
        near[~has_home, 0] = best[~has_home]
        probed[start : start + BLOCK] = near
    return home, probed


def top_columns(sims: NDArray[np.float32], pool: int) -> NDArray[np.int64]:
    """Columns of each row's `pool` largest values, as `np.argpartition` picks them.

    A partition finds each row's pool-th largest value; rows with exactly `pool` values
    at or above it take those columns (the same set argpartition gives, found about four
    times faster); rows with ties there fall back to argpartition itself.
    """
    width = sims.shape[1]
    kth = np.partition(sims, width - pool, axis=1)[:, width - pool]
    above = sims >= kth[:, None]
    plain = np.count_nonzero(above, axis=1) == pool
    columns = np.empty((sims.shape[0], pool), dtype=np.int64)
    columns[plain] = np.nonzero(above[plain])[1].reshape(-1, pool)
    if not plain.all():
        tied = sims[~plain]
        columns[~plain] = np.argpartition(tied, width - pool, axis=1)[:, width - pool :]
    return columns
