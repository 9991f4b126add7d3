"""Candidate related papers of large corpora: each paper's most similar papers (LSA).

Each paper searches the cells of the inverted-file index (cell_index.py) nearest to it and
keeps its `pool` most similar papers there. Similarity is symmetric, so when paper a
finds b, b is offered a too (a paper near the edge of its cells is often found from
the other side); each paper's pool is the `pool` most similar papers of both kinds.
Memory is linear in n: batches of `SEARCH_ROWS` papers, pools of n x pool.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from joblib import Parallel, delayed
from numpy.typing import NDArray
from threadpoolctl import threadpool_limits

from generator.analyze.related.cell_index import CellIndex, build_index, top_columns

# Papers searched at once per worker: their candidates' similarities take about
# 4,096 x 1,000-3,000 cells (float32 and int32 ids: 30-100 MB).
SEARCH_ROWS = 4096


def neighbour_pools(
    lsa: NDArray[np.float32],
    excluded: Mapping[int, set[int]],
    pool: int,
    seed: int,
    n_jobs: int,
) -> NDArray[np.int64]:
    """Each paper's `pool` most similar papers found by the index; -1 pads short rows.

    A paper itself and its `excluded` papers are never candidates.
    """
    index = build_index(lsa, seed)
    # Papers of the same and neighbouring cells, searched together, share probed cells.
    order = index.order
    batches = [order[i : i + SEARCH_ROWS] for i in range(0, order.size, SEARCH_ROWS)]
    # The per-cell matrix products are small: one BLAS thread each, workers in parallel.
    with threadpool_limits(limits=1, user_api="blas"):
        found = Parallel(n_jobs=n_jobs, prefer="threads")(
            delayed(_batch_pools)(index, lsa, excluded, rows, pool) for rows in batches
        )
    n = lsa.shape[0]
    ids = np.full((n, pool), -1, dtype=np.int64)
    sims = np.full((n, pool), -np.inf, dtype=np.float32)
    for rows, (batch_ids, batch_sims) in zip(batches, found, strict=True):
        ids[rows, : batch_ids.shape[1]] = batch_ids
        sims[rows, : batch_ids.shape[1]] = batch_sims
    return _with_reverse(ids, sims, pool)


def _batch_pools(
    index: CellIndex,
    lsa: NDArray[np.float32],
    excluded: Mapping[int, set[int]],
    rows: NDArray[np.int64],
    pool: int,
) -> tuple[NDArray[np.int32], NDArray[np.float32]]:
    """Best candidates of papers `rows` in their probed cells, and their similarities."""
    ids, sims = index.search(lsa, rows)
    sims[ids == rows[:, None]] = -np.inf
    for row, paper in enumerate(rows.tolist()):
        for j in excluded.get(paper, ()):
            sims[row, ids[row] == j] = -np.inf
    picked = top_columns(sims, min(pool, ids.shape[1]))
    return np.take_along_axis(ids, picked, axis=1), np.take_along_axis(sims, picked, axis=1)


def _with_reverse(
    ids: NDArray[np.int64], sims: NDArray[np.float32], pool: int
) -> NDArray[np.int64]:
    """Pools topped up with the papers that found each paper: the `pool` most similar.

    A pair found from both sides is kept once, with its source's similarity; equal
    similarities are ordered by paper index, so the result is deterministic.
    """
    n = ids.shape[0]
    valid = np.isfinite(sims.ravel())
    source = np.repeat(np.arange(n), ids.shape[1])[valid]
    target, value = ids.ravel()[valid], sims.ravel()[valid]
    # b found a, a did not find b, and a is at least as similar to b as b's last pick
    # (a less similar paper can never be among b's `pool` best).
    fresh = (value >= sims.min(axis=1)[target]) & ~_known(source * n + target, target * n + source)
    source, target = (
        np.concatenate((source, target[fresh])),
        np.concatenate((target, source[fresh])),
    )
    value = np.concatenate((value, value[fresh]))
    by_target = np.argsort(target, kind="stable")
    order = by_target[
        np.argsort(descending_key(source[by_target], value[by_target]), kind="stable")
    ]
    source, target = source[order], target[order]
    counts = np.bincount(source, minlength=n)
    place = np.arange(source.size) - np.repeat(np.cumsum(counts) - counts, counts)
    keep = place < pool
    out = np.full((n, pool), -1, dtype=np.int64)
    out[source[keep], place[keep]] = target[keep]
    return out


def _known(keys: NDArray[np.int64], queries: NDArray[np.int64]) -> NDArray[np.bool_]:
    """Which queries are among the (distinct) keys; both sorted first, for cache-friendly search."""
    found = np.sort(keys)
    order = np.argsort(queries)
    at = np.minimum(np.searchsorted(found, queries[order]), found.size - 1)
    known = np.empty(queries.size, dtype=bool)
    known[order] = found[at] == queries[order]
    return known


def descending_key(source: NDArray[np.int64], value: NDArray[np.float32]) -> NDArray[np.uint64]:
    """One integer per pair ordering by source, then by value from largest to smallest."""
    bits = value.view(np.uint32)
    ascending = np.where(bits >> 31, ~bits, bits | np.uint32(1 << 31))
    return (source.astype(np.uint64) << np.uint64(32)) | (~ascending).astype(np.uint64)
