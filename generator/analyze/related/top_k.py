"""Top-k related papers by chunked similarity search, each with the terms the pair shares.

Never an n-by-n matrix: rows are processed in chunks. For each chunk the dense LSA
similarities (chunk x n, float32) pick a candidate pool per paper; the candidates are
then scored exactly by the blend of (word-family) tf-idf and LSA cosine, so memory is
O(chunk x n) and the result is independent of chunk size and thread count.
From `IVF_MIN_PAPERS` papers on, the pools come from an inverted-file index instead
(candidates.py), which searches a few hundred papers per paper instead of all n.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from joblib import Parallel, delayed
from numpy.typing import NDArray

from generator.analyze.features.display_forms import Surfaces
from generator.analyze.features.documents import Documents
from generator.analyze.features.phrases import MAX_WORD_SHARE, PhraseStats
from generator.analyze.features.vectors import Vectors
from generator.analyze.features.word_classes import GENERIC
from generator.analyze.related.candidates import neighbour_pools
from generator.analyze.related.cell_index import top_columns
from generator.analyze.related.shared_terms import SharedTerms, open_modifiers
from generator.model import Paper, RelatedPaper
from generator.workers import map_chunked

# score = 0.8 * tf-idf cosine + 0.2 * LSA cosine. Exact words keep the list precise,
# LSA adds papers that say the same thing in other words. Mean over six SVD seeds on
# the judged queries: nDCG@5 0.758 / P@5 0.621 against 0.748 / 0.598 for tf-idf alone
# (shares 0.5-0.8 all within 0.01 of each other). The tf-idf part is over word families
# (`Vectors.family_tfidf`): nDCG@5 0.784 against 0.762 over words on 110 judged queries,
# mean of four SVD seeds; with families, shares 0.7 and 0.9 scored 0.776 and 0.781.
TFIDF_SHARE = 0.8
# Candidates per paper taken from the LSA neighbours before exact scoring (on the
# bundled corpus a pool of 30 already gives the same lists as scoring all pairs).
MIN_POOL = 50
# Similarity cells held in memory at once per worker (float32): 32 MB, whatever n.
CHUNK_CELLS = 1 << 23
# From this many papers on, candidates come from an inverted-file index of the LSA
# vectors (candidates.py) instead of all papers. The exact search costs n x n dot
# products and selections: 9 s at 20,000 papers, 220 s at 100,000 (the index: 5 s and
# 21 s). Below this size it stays, so small corpora keep exactly its lists. Share of
# the exact top-5 lists' papers that the index's lists keep, on synthetic corpora
# (`python -m benchmarks.bench_analyze --recall 20000`): 0.977 at 20,000 papers, 0.976
# at 30,000, 0.964 at 100,000 (91%, 91% and 88% of the lists identical; most others
# differ in their last places, between near-equal scores).
IVF_MIN_PAPERS = 20_000
IVF_SEED = 0
# Candidate pairs scored at once per worker on that path (float64 LSA rows: 13 MB).
PAIRS_AT_ONCE = 1 << 14
# Shared terms are found in Python, in forked worker processes from this many related
# pairs per worker (100,000 pairs take about 2 s; a fork and the results' way back 0.2 s).
PAIRS_PER_WORKER = 100_000
DECIMALS = 4
_SCALE = 10**DECIMALS
# A single word is shown as shared only when the papers that use it repeat it (uses
# per paper: "quantization" 3.9, "greatly" 1.1) and at most MAX_WORD_SHARE of papers use
# it ("training", "inference" say nothing about why two papers are related).
MIN_BURSTINESS = 1.2


def related_papers(
    papers: Sequence[Paper],
    vectors: Vectors,
    surfaces: Surfaces,
    telling: NDArray[np.bool_],
    k: int,
    *,
    shared_terms: int = 5,
    min_score: float = 0.05,
    workers: int = 1,
    stats: PhraseStats | None = None,
    fallback: NDArray[np.bool_] | None = None,
    documents: Documents | None = None,
) -> dict[str, tuple[RelatedPaper, ...]]:
    """Map each paper slug to its k most related papers, best first.

    `telling` marks the terms (columns of the vectors) fit to be shown as shared;
    `fallback` those a link that shares none of them shows instead (the field's common
    phrases: "convolutional neural networks"); `stats` and `documents` let two shown
    terms that the papers write as one phrase be joined (SharedTerms._joined, _chained).
    A link found through word families or LSA alone may share no term ("benign
    overfitting" and "benignly overfit").
    """
    n = len(papers)
    result: dict[str, tuple[RelatedPaper, ...]] = {p.slug: () for p in papers}
    if n < 2 or k < 1 or vectors.tfidf.shape[1] == 0:
        return result
    slugs = [p.slug for p in papers]
    rank = np.empty(n, dtype=np.int64)
    rank[sorted(range(n), key=slugs.__getitem__)] = np.arange(n)
    excluded = _excluded_pairs(papers)
    pool = min(n - 1, max(MIN_POOL, 10 * k))
    if n >= IVF_MIN_PAPERS:
        pools = neighbour_pools(vectors.lsa, excluded, pool, IVF_SEED, workers)
        lsa64 = vectors.lsa.astype(np.float64)
        rows = max(1, PAIRS_AT_ONCE // pool)
        tasks = [
            delayed(_pool_chunk)(
                vectors, lsa64, rank, pools, start, min(start + rows, n), k, min_score
            )
            for start in range(0, n, rows)
        ]
    else:
        rows = max(1, min(1024, CHUNK_CELLS // n))
        tasks = [
            delayed(_chunk)(vectors, rank, excluded, start, min(start + rows, n), k, min_score)
            for start in range(0, n, rows)
        ]
    chunks = Parallel(n_jobs=workers, prefer="threads")(tasks)
    sources = np.concatenate([c[0] for c in chunks])
    targets = np.concatenate([c[1] for c in chunks])
    scores = np.concatenate([c[2] for c in chunks]).tolist()
    pairs = (sources, targets)
    modifiers = open_modifiers(stats, vectors) if stats is not None else frozenset()
    # The finder (a copy of the tf-idf rows) is let go before a fallback one is made.
    terms = _shared(
        SharedTerms(vectors, surfaces, telling, shared_terms, stats, modifiers, documents),
        pairs,
        workers,
    )
    bare = np.array([i for i, found in enumerate(terms) if not found], dtype=np.int64)
    if bare.size and fallback is not None:  # a reason on every link: the field's words
        loose = SharedTerms(vectors, surfaces, fallback, shared_terms, stats, modifiers, documents)
        for i, found in zip(
            bare.tolist(), _shared(loose, (sources[bare], targets[bare]), workers), strict=True
        ):
            terms[i] = found
    lists: dict[int, list[RelatedPaper]] = {}
    for i, (source, target) in enumerate(zip(sources.tolist(), targets.tolist(), strict=True)):
        lists.setdefault(source, []).append(RelatedPaper(slugs[target], scores[i], terms[i]))
    result.update((slugs[source], tuple(found)) for source, found in lists.items())
    return result


def _shared(
    finder: SharedTerms, pairs: tuple[NDArray[np.int64], NDArray[np.int64]], workers: int
) -> list[tuple[str, ...]]:
    """The shared terms of each pair (sources[i], targets[i]); the finder (a copy of the
    tf-idf rows) is let go on return, before a fallback finder makes another."""
    sources, targets = pairs
    return map_chunked(
        lambda part: finder.for_pairs(sources[list(part)], targets[list(part)]),
        range(sources.size),
        PAIRS_PER_WORKER,
        workers,
    )


def shared_term_mask(stats: PhraseStats, surfaces: Surfaces) -> NDArray[np.bool_]:
    """Terms fit to be shown as shared: readable phrases, names, telling words (the
    pipeline also drops those that say nothing of a subject: pipeline.shared_term_columns)."""
    n = max(int(stats.key_papers.shape[0]), 1)
    multiword = np.array([" " in t for t in stats.terms], dtype=bool)
    generic = np.array([all(w in GENERIC for w in t.split(" ")) for t in stats.terms], dtype=bool)
    coined = np.array([" " not in t and surfaces.is_coined(t) for t in stats.terms], dtype=bool)
    bursty = stats.total >= MIN_BURSTINESS * np.maximum(stats.papers, 1)
    rare = stats.papers <= MAX_WORD_SHARE * n
    phrase_ok = multiword & stats.readable() & ~generic
    return np.asarray(phrase_ok | (~multiword & (coined | (bursty & rare & ~generic))))


def _excluded_pairs(papers: Sequence[Paper]) -> dict[int, set[int]]:
    """Possible duplicates (either direction) are shown apart, never as related."""
    index = {p.slug: i for i, p in enumerate(papers)}
    excluded: dict[int, set[int]] = {}
    for i, paper in enumerate(papers):
        for slug in paper.possible_duplicates:
            j = index.get(slug)
            if j is not None and j != i:
                excluded.setdefault(i, set()).add(j)
                excluded.setdefault(j, set()).add(i)
    return excluded


def _chunk(
    vectors: Vectors,
    rank: NDArray[np.int64],
    excluded: dict[int, set[int]],
    start: int,
    stop: int,
    k: int,
    min_score: float,
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float64]]:
    """Top-k related pairs of papers start..stop-1 as (sources, targets, scores)."""
    lsa = vectors.lsa
    n = lsa.shape[0]
    sims = lsa[start:stop] @ lsa.T
    for row in range(stop - start):
        sims[row, start + row] = -np.inf
        for j in excluded.get(start + row, ()):
            sims[row, j] = -np.inf
    pool = min(n - 1, max(MIN_POOL, 10 * k))
    candidates = top_columns(sims, pool)
    sources = np.repeat(np.arange(start, stop), pool)
    targets = candidates.ravel()
    lsa_part = sims[sources - start, targets].astype(np.float64)
    return _best(vectors.family_tfidf, rank, sources, targets, lsa_part, pool, k, min_score)


def _pool_chunk(
    vectors: Vectors,
    lsa64: NDArray[np.float64],
    rank: NDArray[np.int64],
    pools: NDArray[np.int64],
    start: int,
    stop: int,
    k: int,
    min_score: float,
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float64]]:
    """`_chunk` for papers start..stop-1 whose candidates are given (-1: none).

    The LSA part of the score is computed per pair in float64, so that it depends on
    the two papers only.
    """
    pool = pools.shape[1]
    sources = np.repeat(np.arange(start, stop), pool)
    chosen = pools[start:stop]
    missing = chosen < 0
    chosen = np.where(missing, np.arange(start, stop)[:, None], chosen)
    exact = np.einsum("rd,rpd->rp", lsa64[start:stop], lsa64[chosen])
    lsa_part = np.where(missing, -np.inf, exact).ravel()
    targets = chosen.ravel()
    return _best(vectors.family_tfidf, rank, sources, targets, lsa_part, pool, k, min_score)


def _best(
    tfidf: sp.csr_matrix,
    rank: NDArray[np.int64],
    sources: NDArray[np.int64],
    targets: NDArray[np.int64],
    lsa_part: NDArray[np.float64],
    pool: int,
    k: int,
    min_score: float,
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float64]]:
    """The k best of each source's `pool` candidates (consecutive) by the blended score."""
    n = rank.shape[0]
    count = sources.size // pool
    exact = _pair_dots(tfidf, sources, targets)
    blended = TFIDF_SHARE * exact + (1 - TFIDF_SHARE) * lsa_part
    points = np.where(np.isfinite(blended), np.rint(blended * _SCALE), -_SCALE).astype(np.int64)
    # Best score first, ties by slug: one integer key per cell, sorted along each row.
    key = ((_SCALE - points) * n + rank[targets]).reshape(count, pool)
    order = np.argsort(key, axis=1, kind="stable")[:, :k]
    chosen = (order + np.arange(count)[:, None] * pool).ravel()
    keep = chosen[points[chosen] >= round(min_score * _SCALE)]
    return sources[keep], targets[keep], points[keep] / _SCALE


def _pair_dots(
    matrix: sp.csr_matrix, rows: NDArray[np.int64], cols: NDArray[np.int64]
) -> NDArray[np.float64]:
    """Dot products of matrix rows `rows[i]` and `cols[i]` (cosines of unit rows)."""
    product = matrix[rows].multiply(matrix[cols])
    return np.asarray(product.sum(axis=1), dtype=np.float64).ravel()
