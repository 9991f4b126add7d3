"""A synthetic corpus (benchmarks/synthetic.py) and its vectors, for tests at larger sizes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
from numpy.typing import NDArray

from benchmarks.bench_analyze import corpus_of
from benchmarks.synthetic import SyntheticCorpus, bundled_sources
from generator.analyze.features.documents import Documents, read_documents
from generator.analyze.features.phrases import phrase_stats
from generator.analyze.features.vectors import Vectors, build_vectors
from generator.analyze.pipeline import shared_term_columns
from generator.model import Corpus


@dataclass(frozen=True)
class Prepared:
    """A corpus with the analysis inputs of its related papers and methods."""

    corpus: Corpus
    docs: Documents
    vectors: Vectors
    telling: NDArray[np.bool_]


@cache
def synthetic(size: int) -> Prepared:
    """The first `size` synthetic papers (seed 0), tokenised and vectorised (cached)."""
    corpus = corpus_of(SyntheticCorpus(bundled_sources(), 0).papers(size))
    assert isinstance(corpus, Corpus)
    docs = read_documents(corpus.papers)
    vectors = build_vectors(docs, 0)
    telling = shared_term_columns(phrase_stats(vectors, docs), docs.surfaces)
    return Prepared(corpus, docs, vectors, telling)
