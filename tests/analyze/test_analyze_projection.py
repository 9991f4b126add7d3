"""The corpus map projection: shape, range, determinism, and that it keeps groups apart."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.typing import NDArray

from generator.analyze import projection
from generator.analyze.features.vectors import unit_rows
from generator.analyze.projection import project
from generator.model import Analysis, Corpus


def _clusters(per_cluster: int, clusters: int = 3, width: int = 20) -> NDArray[np.float32]:
    """Unit vectors in `clusters` tight groups, each around its own axis."""
    rng = np.random.default_rng(7)
    rows = []
    for c in range(clusters):
        centre = np.zeros(width)
        centre[c] = 1.0
        rows.append(centre + 0.15 * rng.standard_normal((per_cluster, width)))
    return unit_rows(np.vstack(rows))


def _separation(points: NDArray[np.float32], per_cluster: int, clusters: int) -> float:
    """Mean distance between cluster centres over the mean spread within clusters."""
    groups = [points[c * per_cluster : (c + 1) * per_cluster] for c in range(clusters)]
    centres = [g.mean(axis=0) for g in groups]
    spread = np.mean(
        [np.linalg.norm(g - m, axis=1).mean() for g, m in zip(groups, centres, strict=True)]
    )
    apart = np.mean(
        [np.linalg.norm(centres[i] - centres[j]) for i in range(clusters) for j in range(i)]
    )
    return float(apart / spread)


@pytest.mark.parametrize("n", [0, 1, 2, 4])
def test_tiny_corpora_get_points_in_the_unit_square(n: int) -> None:
    points = project(_clusters(4)[:n], seed=0)
    assert points.shape == (n, 2)
    assert points.dtype == np.float32
    assert ((points >= 0) & (points <= 1)).all()
    assert len({tuple(p) for p in points.tolist()}) == n


def test_points_fill_the_unit_square_on_one_scale() -> None:
    points = project(_clusters(20), seed=0)
    assert points.shape == (60, 2)
    assert points.min() >= 0 and points.max() <= 1
    spans = points.max(axis=0) - points.min(axis=0)
    assert max(spans) == pytest.approx(1.0, abs=1e-6)  # the longer axis fills [0, 1]
    low, high = points.min(axis=0), points.max(axis=0)
    assert np.allclose(low + high, 1.0, atol=1e-6)  # and the shorter one is centred


def test_same_input_same_points() -> None:
    vectors = _clusters(20)
    first = project(vectors, seed=0)
    assert project(vectors.copy(), seed=0).tobytes() == first.tobytes()


def test_groups_of_similar_papers_stay_apart() -> None:
    points = project(_clusters(20), seed=0)
    assert _separation(points, 20, 3) > 3


def test_papers_beyond_the_sample_are_placed_near_their_group(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(projection, "FIT_SAMPLE", 30)
    vectors = _clusters(40)
    points = project(vectors, seed=0)
    assert points.shape == (120, 2)
    assert _separation(points, 40, 3) > 3
    assert project(vectors, seed=0).tobytes() == points.tobytes()


def test_zero_vectors_do_not_break_the_map() -> None:
    vectors = _clusters(10)
    vectors[:3] = 0
    points = project(vectors, seed=0)
    assert np.isfinite(points).all()
    assert ((points >= 0) & (points <= 1)).all()


def test_every_paper_of_the_bundled_corpus_is_on_the_map(
    bundled_corpus: Corpus, bundled_analysis: Analysis
) -> None:
    positions = bundled_analysis.positions
    assert list(positions) == [p.slug for p in bundled_corpus.papers]
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in positions.values())
    assert len(set(positions.values())) > 0.95 * len(positions)


def test_map_neighbours_share_topics(bundled_corpus: Corpus, bundled_analysis: Analysis) -> None:
    """A paper's 5 nearest map neighbours often share its first topic (47% here; PCA: 13%)."""
    slugs = [p.slug for p in bundled_corpus.papers if bundled_analysis.paper_topics.get(p.slug)]
    first = [bundled_analysis.paper_topics[s][0] for s in slugs]
    points = np.array([bundled_analysis.positions[s] for s in slugs])
    distances = np.linalg.norm(points[:, None, :] - points[None, :, :], axis=2)
    np.fill_diagonal(distances, np.inf)
    nearest = np.argsort(distances, axis=1, kind="stable")[:, :5]
    shared = np.mean([sum(first[j] == first[i] for j in row) / 5 for i, row in enumerate(nearest)])
    assert shared > 0.3, shared
