"""A paper page's plain-text places (the tab's title, link previews) read a name's
superscript as the page's heading shows it: U²-Net, not U^2-Net."""

from __future__ import annotations

import yaml
from analyze_helpers import corpus_of

from generator.links import paper_doc
from generator.model import Analysis
from generator.render import render_site


def test_a_titles_superscript_reads_raised_in_plain_text() -> None:
    title = "U^2-Net: Going deeper with nested U-structure for salient object detection"
    corpus = corpus_of([(title, "We design a two-level nested U-structure for detection.")])
    (paper,) = corpus.papers
    page = render_site(corpus, Analysis(), "Papers")[paper_doc(paper.slug)]
    front = yaml.safe_load(page.split("---")[1])
    assert front["title"].startswith("U²-Net: Going deeper")
    assert front["paper_title"].startswith("U²-Net: Going deeper")
    assert f'<span data-pagefind-meta="title">{title}</span>' in page  # search.js raises it
    assert front["citation_title"] == title  # the listing's own words, for reference managers


def test_a_structured_abstracts_heading_is_not_the_pages_description() -> None:
    abstract = "Background. Perfusion MRI is read by hand. Methods. We train a network."
    corpus = corpus_of([("Automatic perfusion analysis", abstract)])
    (paper,) = corpus.papers
    page = render_site(corpus, Analysis(), "Papers")[paper_doc(paper.slug)]
    front = yaml.safe_load(page.split("---")[1])
    assert front["description"] == "Perfusion MRI is read by hand."
    assert front["paper_summary"] == "Perfusion MRI is read by hand."
