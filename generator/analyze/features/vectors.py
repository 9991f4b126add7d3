"""Phrase counts, tf-idf vectors and their LSA reduction for the whole corpus."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

from generator.analyze.features.documents import Documents
from generator.analyze.features.tokens import Tokens, ngrams
from generator.analyze.features.word_families import stem

# Measured on 80 judged queries (manual/analysis.md): unigrams+bigrams beat unigrams
# (+0.03 nDCG@5) and 1-3-grams (+0.02); trigrams are still counted, for topic labels.
SIMILARITY_WORDS = 2
PHRASE_WORDS = 3
# Titles say what a paper is about in few words: counting them twice gave +0.02 nDCG@5
# over once; three times gave no further gain.
TITLE_WEIGHT = 2
# LSA dimensions; 100 beat 50, 75, 150 and 200 on the judged queries.
LSA_COMPONENTS = 100


@dataclass(frozen=True)
class Vectors:
    """Everything numeric the later steps share; rows follow corpus order."""

    terms: tuple[str, ...]
    counts: sp.csr_matrix
    title_counts: sp.csr_matrix
    tfidf: sp.csr_matrix
    lsa: NDArray[np.float32]
    # tf-idf of the same papers over word families (Snowball stems) instead of words:
    # "benignly overfit" and "benign overfitting" are one bigram. Related papers are
    # scored with it; shared terms, topics and methods keep the columns above.
    family_tfidf: sp.csr_matrix


def build_vectors(docs: Documents, seed: int) -> Vectors:
    """Count phrases, weight them by tf-idf and reduce them by truncated SVD."""
    n = len(docs)
    title_trigrams = _title_trigrams(docs)

    def analyzer(tokens: Tokens) -> list[str]:
        grams = ngrams(tokens, PHRASE_WORDS)
        return [g for g in grams if g.count(" ") < 2 or g in title_trigrams]

    counter = _counter(analyzer, n)
    try:
        counts = counter.fit_transform([docs.full(i) for i in range(n)]).tocsr()
    except ValueError:  # empty vocabulary: no paper has a word seen twice
        return _empty(n)
    title_counts = counter.transform(docs.titles).tocsr()
    terms = tuple(counter.get_feature_names_out().tolist())
    tfidf = _tfidf(counts, title_counts, terms)
    lsa = _lsa(tfidf, seed)
    return Vectors(terms, counts, title_counts, tfidf, lsa, _family_tfidf(docs))


def _family_tfidf(docs: Documents) -> sp.csr_matrix:
    """`_tfidf` of unigrams and bigrams counted over word stems, with the same parameters.

    Counted afresh rather than by merging the columns above: two forms of a word that
    each occur in one paper only pass `min_df` together, as a family (merging the
    columns scored 0.011 nDCG@5 lower on the 110 judged queries, manual/analysis.md).
    """
    n = len(docs)
    stems: dict[str, str] = {}  # each distinct word stemmed once

    def stemmed(tokens: Tokens) -> Tokens:
        return tuple(
            None if t is None else stems[t] if t in stems else stems.setdefault(t, stem(t))
            for t in tokens
        )

    counter = _counter(lambda tokens: ngrams(tokens, SIMILARITY_WORDS), n)
    try:
        counts = counter.fit_transform([stemmed(docs.full(i)) for i in range(n)]).tocsr()
    except ValueError:  # no family in two papers and at most half of them
        return sp.csr_matrix((n, 0), dtype=np.float32)
    title_counts = counter.transform([stemmed(t) for t in docs.titles]).tocsr()
    terms = tuple(counter.get_feature_names_out().tolist())
    return _tfidf(counts, title_counts, terms)


def _counter(analyzer: object, n: int) -> CountVectorizer:
    """The phrase counter, every parameter written out."""
    small = n < 4  # below 4 papers no phrase can pass min_df=2 and max_df=0.5 together
    return CountVectorizer(
        # `analyzer` is a callable over pre-tokenised runs (text.py), so scikit-learn's own
        # text options below are unused: lower-casing, stop words and n-gram range live in
        # text.py, where phrases are cut at punctuation and stop words.
        analyzer=analyzer,
        input="content",
        encoding="utf-8",
        decode_error="strict",
        strip_accents=None,
        lowercase=False,
        preprocessor=None,
        tokenizer=None,
        stop_words=None,
        token_pattern=None,
        ngram_range=(1, 1),
        # A phrase in one paper cannot relate two papers nor name a topic: min_df=2
        # (1 and 3 measured lower). Phrases in over half the papers say nothing:
        # max_df=0.5 (0.25 lost 0.02 nDCG@5; 0.8 and 1.0 lost 0.004).
        min_df=1 if small else 2,
        max_df=1.0 if small else 0.5,
        max_features=None,
        vocabulary=None,
        binary=False,
        dtype=np.int32,
    )


def _tfidf(
    counts: sp.csr_matrix, title_counts: sp.csr_matrix, terms: tuple[str, ...]
) -> sp.csr_matrix:
    """Title-weighted tf-idf over unigrams and bigrams, rows of unit length."""
    weighted = (counts + (TITLE_WEIGHT - 1) * title_counts).astype(np.float32)
    short = np.array([t.count(" ") < SIMILARITY_WORDS for t in terms], dtype=bool)
    weighted = (weighted @ sp.diags(short.astype(np.float32))).tocsr()
    weighted.eliminate_zeros()
    transformer = TfidfTransformer(
        norm="l2",  # cosine similarity is then a dot product
        use_idf=True,
        smooth_idf=True,
        # log(1 + tf): a term said five times is not five times as telling
        # (+0.03 nDCG@5 over raw counts on the judged queries).
        sublinear_tf=True,
    )
    return transformer.fit_transform(weighted).astype(np.float32).tocsr()


def _lsa(tfidf: sp.csr_matrix, seed: int) -> NDArray[np.float32]:
    """Unit-length LSA vectors (truncated SVD of the tf-idf matrix)."""
    n, width = tfidf.shape
    components = min(LSA_COMPONENTS, n - 1, width - 1)
    if components < 1:
        return np.zeros((n, 1), dtype=np.float32)
    svd = TruncatedSVD(
        n_components=components,
        algorithm="randomized",
        n_iter=5,
        n_oversamples=10,
        power_iteration_normalizer="auto",
        random_state=seed,
        tol=0.0,
    )
    # An all-zero tf-idf (papers that share no weighted word) makes scikit-learn divide
    # by zero for its explained-variance ratio, which is not used: no warning for that.
    with np.errstate(divide="ignore", invalid="ignore"):
        return unit_rows(svd.fit_transform(tfidf))


def unit_rows(matrix: NDArray[np.floating[Any]]) -> NDArray[np.float32]:
    """Rows scaled to unit length (zero rows stay zero), as float32."""
    rows = np.asarray(matrix, dtype=np.float64)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    out = np.zeros_like(rows)
    np.divide(rows, norms, out=out, where=norms > 0)
    unit: NDArray[np.float32] = out.astype(np.float32)
    return unit


def _title_trigrams(docs: Documents) -> frozenset[str]:
    """Three-word phrases found in at least two titles: the only trigrams worth counting."""
    seen: Counter[str] = Counter()
    for tokens in docs.titles:
        seen.update({g for g in ngrams(tokens, PHRASE_WORDS) if g.count(" ") == 2})
    return frozenset(g for g, c in seen.items() if c >= 2)


def _empty(n: int) -> Vectors:
    """Vectors of a corpus without a single shared phrase."""
    empty = sp.csr_matrix((n, 0), dtype=np.float32)
    return Vectors((), empty, empty, empty, np.zeros((n, 1), dtype=np.float32), empty)
