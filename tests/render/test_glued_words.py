"""Parts of words glued to another by punctuation, given to search as metadata."""

from __future__ import annotations

from analyze_helpers import corpus_of

from generator.links import paper_doc
from generator.model import Analysis
from generator.render import render_site
from generator.render.glued_words import glued_parts


def test_parts_after_the_first_are_given_once_each() -> None:
    text = (
        "Mask R-CNN with FPN/SpineNet, techniques---SMOOTHGRAD, E[EDim(ell)] and "
        "O'Brien; then fpn/spinenet again and a--b--Carrot."
    )
    assert glued_parts([text]) == ["SpineNet", "SMOOTHGRAD", "EDim", "ell", "Brien", "Carrot"]


def test_what_search_finds_anyway_is_left_out() -> None:
    """A word the text writes alone, a first part (found by its start), a hyphenated
    word's parts (Pagefind indexes them), short parts, numbers, LaTeX commands and
    addresses."""
    texts = [
        "accuracy/complexity and complexity; Normalization-Activation/Layers-Norm;",
        r"x/pi, model's, 3/10, 2\times 3, x\cdot y, see https://github.com/lab/SpineNet,",
        "github.com/holger/cascade_net, www.lab.org/Tool and mail a@b.org/Other.",
    ]
    assert glued_parts(texts) == ["Layers-Norm"]
    assert glued_parts(["Normalization-Activation Layers-Norm/Norm"]) == []


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
