"""Word families: a phrase counts as used in any inflection, but not in a word it derives from."""

from __future__ import annotations

import pytest
from analyze_helpers import corpus_of

from generator.analyze.features.documents import read_documents
from generator.analyze.features.word_families import PhraseUse, same_family


@pytest.mark.parametrize(
    ("word", "other", "expected"),
    [
        ("overfitting", "overfit", True),
        ("benignly", "benign", True),
        ("interpretability", "interpretable", True),
        ("regularizer", "regularization", True),
        ("visual", "visualization", False),  # one Snowball stem, two meanings
        ("regular", "regularization", False),
        ("general", "generalization", False),
        ("pruning", "quantization", False),
        # Latin and Greek plurals, as the tokenizer keys them ("matrices" -> "matrice").
        ("matrice", "matrix", True),
        ("vertice", "vertex", True),
        ("hypothese", "hypothesis", True),
        ("spectra", "spectrum", True),
        ("criteria", "criterion", True),
        ("radii", "radius", True),
        ("base", "basis", False),  # not every -se
        ("matrice", "vertex", False),
    ],
)
def test_same_family(word: str, other: str, expected: bool) -> None:
    assert same_family(word, other) is expected
    assert same_family(other, word) is expected


def test_a_latin_plural_uses_the_phrase_of_its_singular() -> None:
    docs = read_documents(
        corpus_of(
            [
                ("Sparse matrices", "Products of sparse matrices."),
                ("A sparse matrix", "One sparse matrix, stored."),
                ("Dense vertices", "Nothing sparse here."),
            ]
        ).papers
    )
    anywhere, _, _ = PhraseUse(docs).hits([("sparse matrix",)])
    assert anywhere[:, 0].sum() == 2


PAPERS = [
    ("Deep Linear Networks can Benignly Overfit", "We bound the excess risk of deep networks."),
    ("A study of risk", "Benign overfits happen. Overfitting is benign, and benign overfitting."),
    ("Visual object classification", "Visual features of objects, visual ones."),
    ("Weights", "Regularizers are simple; regularized models are smooth."),
    ("Nothing here", "Benign. Overfitting stays apart, across a sentence."),
]


def test_phrase_hits_anywhere_title_and_about() -> None:
    papers = corpus_of(PAPERS).papers
    docs = read_documents(papers)
    groups = [["benign overfitting"], ["visualization"], ["regularization"]]
    hits = PhraseUse(docs).hits(groups)
    anywhere, title, about = (
        {p.title: tuple(row) for p, row in zip(papers, m.toarray().astype(int), strict=True)}
        for m in hits
    )
    assert anywhere == {
        PAPERS[0][0]: (1, 0, 0),
        PAPERS[1][0]: (1, 0, 0),
        PAPERS[2][0]: (0, 0, 0),
        PAPERS[3][0]: (0, 0, 1),
        PAPERS[4][0]: (0, 0, 0),  # the words are split by a sentence end
    }
    assert [title[t] for t, _ in PAPERS] == [(1, 0, 0)] + [(0, 0, 0)] * 4
    # About: in the title, or at least twice in the abstract ("benign overfits" and
    # "benign overfitting"; "regularizers" and "regularized").
    assert about == anywhere
