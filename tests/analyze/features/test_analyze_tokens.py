"""Tokenizer, phrase features and written forms."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from paths import BUNDLED_CORPUS

from generator.analyze.features.display_forms import Surfaces
from generator.analyze.features.tokens import _BREAK_RE, Tokenizer, ngrams, phrase_key, singular

# The run-breaking pattern as first written, without the leading lookahead that speeds
# it up: the two must split every text alike.
PLAIN_BREAK_RE = re.compile(r"[^\w\s'’+-]+|(?<!\S)[-+]+(?!\S)|(?<!\w)['’]+|['’]+(?!\w)")
BREAK_ALPHABET = "aZ9_ -+'’.,;:()[]{}/\\|<>*~%$^&@!?\"`\t\nWwHhTtPpSsGgIiıİſK\u212a.:éα—"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("networks", "network"),
        ("studies", "study"),
        ("approaches", "approach"),
        ("loss", "loss"),
        ("analysis", "analysis"),
        ("series", "series"),
        ("gans", "gan"),
    ],
)
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


def test_runs_break_at_punctuation_and_stop_words() -> None:
    tokens = Tokenizer().tokens("Optimal transport, the U-Nets and self-supervised X-ray CNNs.")
    assert [t for t in tokens] == [
        "optimal",
        "transport",
        None,
        "unet",
        None,
        "selfsupervised",
        "xray",
        "cnn",
    ]


def test_hyphens_and_plurals_share_a_key() -> None:
    tok = Tokenizer()
    assert tok.tokens("U-Net") == tok.tokens("UNets") == ("unet",)
    assert tok.tokens("UNet++") == ("unet++",)


def test_numbers_and_latex_leftovers_are_not_words() -> None:
    tokens = Tokenizer().tokens("LiTS 2017 mathcal{O}(T^{-1/2d}) ell_1 92.17%")
    assert "2017" not in tokens and "mathcal" not in tokens and "ell_1" not in tokens


def test_ngrams_stay_inside_runs() -> None:
    grams = ngrams(Tokenizer().tokens("medical image segmentation. Image inpainting"), 3)
    assert "medical image segmentation" in grams
    assert "segmentation image" not in grams
    assert "image inpainting" in grams


def test_phrase_key_matches_written_variants() -> None:
    assert phrase_key("Implicit Neural Representations") == "implicit neural representation"
    assert phrase_key("the of and") is None


def _surfaces(abstract: str, title: str = "") -> Surfaces:
    tok = Tokenizer()
    forms: Counter[str] = Counter()
    titles: Counter[str] = Counter()
    tok.tokens(abstract, forms)
    tok.tokens(title, titles)
    return Surfaces(forms, titles, tok)


def test_labels_keep_names_and_lower_ordinary_words() -> None:
    surfaces = _surfaces(
        "We use a U-Net for medical image segmentation. The U-Net and MRI scans. "
        "Medical image segmentation with a U-Net on MRI data; medical images; U-Nets."
    )
    assert surfaces.label("medical image segmentation") == "Medical image segmentation"
    assert surfaces.label("unet") == "U-Net"
    assert surfaces.label("mri") == "MRI"
    assert surfaces.is_coined("unet") and not surfaces.is_coined("segmentation")


def test_labels_use_the_plural_when_the_corpus_does() -> None:
    surfaces = _surfaces("Diffusion models are strong. Diffusion models and a diffusion model.")
    assert surfaces.label("diffusion model") == "Diffusion models"
    texts = ["dense prediction.", "for dense prediction", "dense prediction", "dense predictions"]
    assert _surfaces(" ".join(texts)).label("dense prediction", texts) == "Dense prediction"
    # "brain tumor segmentation" uses the phrase as a modifier: it does not count.
    texts = ["brain tumor segmentation", "brain tumor segmentation", "brain tumors"]
    assert _surfaces(" ".join(texts)).label("brain tumor", texts) == "Brain tumors"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=BREAK_ALPHABET, max_size=60))
def test_break_pattern_splits_like_the_plain_one(text: str) -> None:
    assert _BREAK_RE.split(text) == PLAIN_BREAK_RE.split(text)


def test_bundled_corpus_splits_as_with_the_plain_pattern() -> None:
    texts = [
        line
        for path in sorted(BUNDLED_CORPUS.glob("*"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert len(texts) > 1000
    assert [_BREAK_RE.split(t) for t in texts] == [PLAIN_BREAK_RE.split(t) for t in texts]
