"""LSA vectors: defined for any corpus, without warnings a user would see."""

from __future__ import annotations

import warnings

import numpy as np
import scipy.sparse as sp

from generator.analyze.features.vectors import _lsa


def test_papers_that_share_no_weighted_word_get_vectors_without_a_warning() -> None:
    """An all-zero tf-idf made scikit-learn warn of a division by zero (its explained
    variance, which papersite does not use) in the middle of a build's output."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        vectors = _lsa(sp.csr_matrix(np.zeros((4, 5), dtype=np.float32)), seed=1)
    assert vectors.shape[0] == 4 and np.isfinite(vectors).all()
