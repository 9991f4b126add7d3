"""The text normalisation shared by the prebuilt index, the Python search and finder.js."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.search import (
    QueryTerm,
    fold,
    index_tokens,
    query_terms,
    summary,
    title_aliases,
    word_parts,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Fréchet", "frechet"),
        ("Naïve", "naive"),
        ("Poincaré ResNet", "poincare resnet"),
        ("Straße", "strasse"),
        ("Ørsted Œuvre", "orsted oeuvre"),
        ("nnU-Net", "nnu-net"),
        ("α-divergence", "α-divergence"),
    ],
)
def test_fold_lowers_and_removes_accents(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nnU-Net:", {"nnu", "net", "nnunet"}),
        ("UNet++", {"unetpp", "unet"}),
        ("PointNet++:", {"pointnetpp", "pointnet"}),
        ("U^2-Net", {"u", "2", "net", "u2", "2net", "u2net"}),
        ("Self-Supervised", {"self", "supervised", "selfsupervised"}),
        ("Fréchet", {"frechet"}),
        ("(XNOR-Net)", {"xnor", "net", "xnornet"}),
    ],
)
def test_index_tokens_hold_parts_and_joined_forms(text: str, expected: set[str]) -> None:
    assert set(index_tokens(text)) == expected


def test_long_hyphenated_words_are_joined_once() -> None:
    tokens = index_tokens("a-b-c-d-e-f-g")
    assert "abcdefg" in tokens
    assert "abc" not in tokens


def test_word_parts_keep_plus_plus_on_its_part() -> None:
    assert word_parts("UNet++ and U-Net++") == [["unet++"], ["and"], ["u", "net++"]]


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("nnunet", [QueryTerm("nnunet", 1.0), QueryTerm("nnunet", 0.1, prefix=True)]),
        ("unet++", [QueryTerm("unetpp", 1.0), QueryTerm("unetpp", 0.1, prefix=True)]),
        (
            "u-net",
            [QueryTerm("unet", 1.0), QueryTerm("u", 0.2), QueryTerm("net", 0.2)],
        ),
        ("NAÏVE", [QueryTerm("naive", 1.0), QueryTerm("naive", 0.1, prefix=True)]),
        ("ab cd", [QueryTerm("ab", 1.0), QueryTerm("cd", 1.0)]),
        ("  ?! ", []),
    ],
)
def test_query_terms(query: str, terms: list[QueryTerm]) -> None:
    assert query_terms(query) == terms


def test_query_syntax_characters_are_plain_text() -> None:
    terms = query_terms("title:gan^10 -dropout ~x*")
    assert {t.term for t in terms} == {"title", "gan10", "gan", "10", "dropout", "x"}


@pytest.mark.parametrize(
    ("title", "aliases"),
    [
        ("nnU-Net: Self-adapting Framework", ("nnunet", "selfadapting")),
        ("Fréchet Cumulative Covariance Net", ("frechet",)),
        ("Memorize, Factorize, or be Naïve", ("naive",)),
        ("Dropout Reduces Underfitting", ()),
    ],
)
def test_title_aliases_are_forms_material_cannot_derive(
    title: str, aliases: tuple[str, ...]
) -> None:
    assert title_aliases(title) == aliases


def test_summary_cuts_at_a_word_boundary() -> None:
    text = "word " * 100
    cut = summary(text, limit=42)
    assert cut.endswith("word…") and len(cut) <= 43
    assert summary("Short  abstract.\nTwo lines.") == "Short abstract. Two lines."


@given(st.text(max_size=60))
def test_fold_is_idempotent_and_tokens_are_letters_and_digits(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    for token in index_tokens(text):
        assert re.fullmatch(r"[^\W_]+", token)
