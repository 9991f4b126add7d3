"""Parts of words glued to another, given to search as metadata where Pagefind does not
index them by themselves."""

from __future__ import annotations

from analyze_helpers import corpus_of

from generator.links import paper_doc
from generator.model import Analysis
from generator.render import render_site
from generator.render.glued_words import glued_parts


def test_compounds_after_punctuation_and_parts_after_other_punctuation() -> None:
    """Pagefind splits at ASCII punctuation and at case changes, keeping only the
    pieces ("spine", "net"); an em dash or a curly apostrophe it does not split at."""
    text = (
        "Mask R-CNN with FPN/SpineNet, E[EDim(ell)], S-ConvKAN and PSNR/BitOps; "
        "techniques—SMOOTHGRAD, O’Connor, x…Carrot; again fpn/SpineNet and V2X/ResNet50."
    )
    assert glued_parts([text]) == [
        "SpineNet",
        "EDim",
        "ConvKAN",
        "BitOps",
        "SMOOTHGRAD",
        "Connor",
        "Carrot",
        "ResNet50",
    ]


def test_what_search_finds_anyway_is_left_out() -> None:
    """Plain parts after ASCII punctuation (Pagefind indexes them as pieces), a compound
    the page also writes alone, short parts, parts that start with a digit, addresses."""
    texts = [
        "accuracy/complexity, Normalization-Activation, techniques---SMOOTHGRAD, O'Brien,",
        "x/pi, model's, 3/10, 0.17dB, arXiv:2101.00001v2, Mask-SpineNet and SpineNet alone,",
        "see https://github.com/lab/ConvKAN, github.com/holger/UNet, mail a@b.org/BitOps.",
    ]
    assert glued_parts(texts) == []


def test_a_paper_page_gives_its_glued_parts_to_search() -> None:
    corpus = corpus_of(
        [
            ("Fast detectors", "We pair FPN/SpineNet backbones with anchors for detection."),
            ("Plain detectors", "We pair plain backbones with anchors for detection."),
        ]
    )
    pages = render_site(corpus, Analysis(), "Papers")
    glued, plain = (pages[paper_doc(p.slug)] for p in corpus.papers)
    assert '<span data-pagefind-meta="parts">SpineNet</span>' in glued
    assert 'data-pagefind-meta="parts"' not in plain
