"""The inverted-file search of large corpora: close to exact, deterministic, bounded."""

from __future__ import annotations

import numpy as np
import pytest
from analyze_synthetic import Prepared, synthetic

import generator.analyze.related.candidates as neighbours_module
import generator.analyze.related.cell_index as cells_module
import generator.analyze.related.top_k as related_module
from generator.analyze.related.candidates import neighbour_pools
from generator.analyze.related.cell_index import top_columns
from generator.model import RelatedPaper

SIZE = 2000
# With test_analyze_mentions_scale.py in one worker: they share the cached corpus.
pytestmark = pytest.mark.xdist_group("synthetic-2000")


def _related(
    prepared: Prepared, monkeypatch: pytest.MonkeyPatch, *, ivf: bool, workers: int = 2
) -> dict[str, tuple[RelatedPaper, ...]]:
    monkeypatch.setattr(related_module, "IVF_MIN_PAPERS", 0 if ivf else 10**9)
    return related_module.related_papers(
        prepared.corpus.papers,
        prepared.vectors,
        prepared.docs.surfaces,
        prepared.telling,
        5,
        workers=workers,
    )


def test_the_group_shares_one_worker(request: pytest.FixtureRequest) -> None:
    """Under `--dist loadgroup` (make test) a test's id ends with its group, which sends
    the group to one worker. With pytest 9.2 it did not, silently (pytest-xdist issue
    1386), and each module built the corpus again."""
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("only under pytest-xdist's --dist loadgroup")
    assert request.node.nodeid.endswith("@synthetic-2000")


@pytest.fixture(scope="module")
def prepared() -> Prepared:
    return synthetic(SIZE)


@pytest.fixture
def small_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cells of 25 papers, 16 probed: each paper searches a fifth of the corpus."""
    monkeypatch.setattr(cells_module, "CELL_SIZE", 25)
    monkeypatch.setattr(cells_module, "PROBES", 16)


@pytest.mark.usefixtures("small_cells")
def test_ivf_lists_are_close_to_exact(prepared: Prepared, monkeypatch: pytest.MonkeyPatch) -> None:
    exact = _related(prepared, monkeypatch, ivf=False)
    approximate = _related(prepared, monkeypatch, ivf=True)
    kept = sum(len({r.slug for r in exact[s]} & {r.slug for r in approximate[s]}) for s in exact)
    recall = kept / sum(len(r) for r in exact.values())
    assert recall >= 0.95, recall
    # A pair found by both searches has the same score (the LSA part is summed in another
    # order, which moves the rounded score by at most one unit) and the same shared terms.
    for slug, found in approximate.items():
        expected = {r.slug: r for r in exact[slug]}
        for related in found:
            if related.slug in expected:
                units = round(related.score * 1e4) - round(expected[related.slug].score * 1e4)
                assert abs(units) <= 1
                assert related.shared_terms == expected[related.slug].shared_terms


@pytest.mark.usefixtures("small_cells")
def test_ivf_results_do_not_depend_on_threads_or_batches(
    prepared: Prepared, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _related(prepared, monkeypatch, ivf=True, workers=2)
    monkeypatch.setattr(neighbours_module, "SEARCH_ROWS", 97)
    monkeypatch.setattr(related_module, "PAIRS_AT_ONCE", 333)
    second = _related(prepared, monkeypatch, ivf=True, workers=1)
    assert first == second
    assert sum(len(r) for r in first.values()) >= 4 * SIZE


@pytest.mark.usefixtures("small_cells")
def test_pools_hold_distinct_papers_never_self_nor_excluded(prepared: Prepared) -> None:
    lsa = prepared.vectors.lsa
    excluded = {0: {1, 2}, 1: {0}, 2: {0}}
    pools = neighbour_pools(lsa, excluded, 50, 0, 2)
    assert pools.shape == (SIZE, 50)
    for paper, row in enumerate(pools.tolist()):
        found = [p for p in row if p >= 0]
        assert len(found) == len(set(found)) >= 45
        assert paper not in found and not excluded.get(paper, set()) & set(found)
    # Each pool is ordered by similarity, most similar first.
    sims = np.einsum("ij,ij->i", lsa[np.arange(SIZE)], lsa[pools[:, 0]])
    assert (sims >= np.einsum("ij,ij->i", lsa[np.arange(SIZE)], lsa[pools[:, -1]]) - 1e-6).all()


@pytest.mark.parametrize("seed", range(5))
def test_top_columns_picks_the_same_sets_as_argpartition(seed: int) -> None:
    rng = np.random.default_rng(seed)
    # Few distinct values, so that many rows have ties at the boundary.
    sims = rng.integers(0, 12, size=(40, 300)).astype(np.float32) / 12
    sims[rng.random(sims.shape) < 0.05] = -np.inf
    for pool in (1, 7, 50, 299, 300):
        fast = top_columns(sims, pool)
        slow = np.argpartition(sims, 300 - pool, axis=1)[:, 300 - pool :]
        assert [set(r) for r in fast.tolist()] == [set(r) for r in slow.tolist()]
