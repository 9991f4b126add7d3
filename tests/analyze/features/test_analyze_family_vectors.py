"""Family tf-idf: papers writing one word in different inflections match; nothing else changes."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from analyze_helpers import corpus_of

from generator.analyze import analyze
from generator.analyze.features.documents import read_documents
from generator.analyze.features.vectors import Vectors, build_vectors

PAPERS = [
    (
        "Benign overfitting of interpolating kernel estimators",
        "We show benign overfitting for kernel estimators interpolating noisy labels.",
    ),
    (
        "Deep linear networks benignly overfit",
        "Deep linear networks that interpolate benignly overfit.",
    ),
    (
        "Pruning convolutional filters by importance",
        "Filter pruning removes convolutional filters of low importance from trained networks.",
    ),
    (
        "Structured pruning of convolutional channels",
        "Channel pruning removes convolutional channels of low importance at little cost.",
    ),
    (
        "Optimal transport between point clouds",
        "Entropic optimal transport aligns point clouds with the Sinkhorn algorithm.",
    ),
    (
        "Sliced optimal transport for generative models",
        "Sliced optimal transport distances train generative models on point clouds.",
    ),
]


def _vectors() -> Vectors:
    return build_vectors(read_documents(corpus_of(PAPERS).papers), seed=0)


def _cosine(rows: sp.csr_matrix, a: int, b: int) -> float:
    return float(rows[a].multiply(rows[b]).sum())


def test_inflections_meet_only_in_the_family_vectors() -> None:
    vectors = _vectors()
    # "benign overfitting ... interpolating" and "interpolate benignly overfit": no word
    # key in common, three word families.
    assert _cosine(vectors.tfidf, 0, 1) == 0.0
    assert _cosine(vectors.family_tfidf, 0, 1) > 0.3


def test_family_rows_are_unit_length_and_float32() -> None:
    family = _vectors().family_tfidf
    assert family.dtype == np.float32
    norms = np.sqrt(np.asarray(family.multiply(family).sum(axis=1)).ravel())
    assert np.allclose(norms[norms > 0], 1.0, atol=1e-5)


def test_related_papers_find_the_inflected_pair() -> None:
    corpus = corpus_of(PAPERS)
    analysis = analyze(corpus)
    first, second = (p.slug for p in corpus.papers[:2])
    assert analysis.related[first][0].slug == second
    assert analysis.related[second][0].slug == first
    # Shared terms still come from the word columns: this pair writes no term alike.
    assert analysis.related[first][0].shared_terms == ()


def test_corpus_without_shared_words_has_empty_family_vectors() -> None:
    vectors = build_vectors(
        read_documents(corpus_of([("Alpha", "beta"), ("Gamma", "delta")]).papers), 0
    )
    assert vectors.family_tfidf.shape[0] == 2
