"""Method mentions at scale: the batched similarity changes no result."""

from __future__ import annotations

import random

import pytest
from analyze_synthetic import Prepared, synthetic

from generator.analyze.features.tokens import phrase_key
from generator.analyze.methods.mentions import MIN_SIMILARITY, _Similarity

SIZE = 2000  # the corpus test_analyze_candidates.py uses: built once per worker
pytestmark = pytest.mark.xdist_group("synthetic-2000")


@pytest.fixture(scope="module")
def prepared() -> Prepared:
    return synthetic(SIZE)


def _term_by_term(prepared: Prepared, name: str, a: int, b: int) -> bool:
    """The similarity test as first written: one pair, term by term, in Python."""
    tfidf, terms = prepared.vectors.tfidf, prepared.vectors.terms
    words = set((phrase_key(name, prepared.docs.tokenizer) or "").split(" "))

    def row(i: int) -> list[tuple[int, float]]:
        lo, hi = tfidf.indptr[i], tfidf.indptr[i + 1]
        return list(zip(tfidf.indices[lo:hi].tolist(), tfidf.data[lo:hi].tolist(), strict=True))

    row_a = dict(row(a))
    total = sum(
        weight * row_a[column]
        for column, weight in row(b)
        if column in row_a and not words.intersection(terms[column].split(" "))
    )
    return total >= MIN_SIMILARITY


def test_batched_similarity_equals_pair_by_pair(prepared: Prepared) -> None:
    rng = random.Random(0)
    similar = _Similarity(prepared.vectors, prepared.docs)
    names = ["U-Net", "SNIP", "ResNet", "Transformer", "GAN", "NeRF", "unknownname"]
    linked = 0
    for _ in range(300):
        name, a = rng.choice(names), rng.randrange(SIZE)
        # Neighbours by LSA, so that many pairs are near the threshold; some random ones.
        near = (prepared.vectors.lsa @ prepared.vectors.lsa[a]).argsort()[::-1][1:30].tolist()
        targets = sorted(set(near + rng.sample(range(SIZE), 10)) - {a})
        expected = [t for t in targets if _term_by_term(prepared, name, a, t)]
        assert similar.among(name, a, targets) == expected
        linked += len(expected)
    assert linked > 100
