"""A paper page's plain-text places (the tab's title, link previews) read a name's
superscript as the page's heading shows it: U²-Net, not U^2-Net."""

from __future__ import annotations

import yaml
from analyze_helpers import corpus_of, slug_of

from generator.links import paper_doc
from generator.model import Analysis, Method, Topic
from generator.render import render_site
from generator.render.paper_page import papers_with_code
from generator.render.text import title_order


def test_a_titles_superscript_reads_raised_in_plain_text() -> None:
    title = "U^2-Net: Going deeper with nested U-structure for salient object detection"
    corpus = corpus_of([(title, "We design a two-level nested U-structure for detection.")])
    (paper,) = corpus.papers
    page = render_site(corpus, Analysis(), "Papers")[paper_doc(paper.slug)]
    front = yaml.safe_load(page.split("---")[1])
    assert front["title"].startswith("U²-Net: Going deeper")
    assert front["paper_title"].startswith("U²-Net: Going deeper")
    assert f'<span data-pagefind-meta="title">{title}</span>' in page  # what search matches
    assert 'data-pagefind-filter="shown"' not in page  # results raise the name's script
    assert front["citation_title"] == title  # the listing's own words, for reference managers


def test_a_titles_math_reads_in_unicode_in_results_and_lists() -> None:
    """Search results, the graph and topic lists show ℓ₁, not ell_1; a title without
    math or scripts carries no second copy."""
    title = "Beyond ell_1 sparse coding in V1"
    abstract = "We study ell_1 penalties. We propose sparse coding beyond the ell_1 norm."
    corpus = corpus_of([(title, abstract), ("Plain sparse coding", "We code sparsely.")])
    slugs = [slug_of(corpus, t) for t in (title, "Plain sparse coding")]
    topic = Topic("sparse-coding", "Sparse coding", ("sparse coding",), tuple(slugs))
    pages = render_site(corpus, Analysis(topics=(topic,)), "Papers")
    math, plain = (pages[paper_doc(slug)] for slug in slugs)
    assert '<span data-pagefind-filter="shown">Beyond ℓ₁ sparse coding in V1</span>' in math
    assert 'data-pagefind-filter="shown"' not in plain
    listed = pages["topics/sparse-coding.md"]
    assert "sparse coding beyond the ℓ₁ norm." in listed and "ell_1 norm" not in listed


def test_a_structured_abstracts_heading_is_not_the_pages_description() -> None:
    abstract = "Background. Perfusion MRI is read by hand. Methods. We train a network."
    corpus = corpus_of([("Automatic perfusion analysis", abstract)])
    (paper,) = corpus.papers
    page = render_site(corpus, Analysis(), "Papers")[paper_doc(paper.slug)]
    front = yaml.safe_load(page.split("---")[1])
    assert front["description"] == "Perfusion MRI is read by hand."


def test_method_links_say_which_name_the_abstract_uses() -> None:
    """ "Methods it mentions" names a method its link's title does not say; "Mentioned
    by" says which of the paper's names the papers below it write."""
    corpus = corpus_of(
        [
            ("Densely Braided Networks", "We introduce the Braided Kernel Network (BraidNet)."),
            ("KiteNet: Nested Kites", "Nested kites fly."),
            ("Pruning Braids", "We prune BraidNet and KiteNet models."),
        ]
    )
    braided, kite, pruning = (
        slug_of(corpus, title)
        for title in ("Densely Braided Networks", "KiteNet: Nested Kites", "Pruning Braids")
    )
    analysis = Analysis(
        mentions={pruning: (braided, kite)},
        mentioned_by={braided: (pruning,), kite: (pruning,)},
        methods=(Method("BraidNet", braided, (pruning,)), Method("KiteNet", kite, (pruning,))),
    )
    pages = render_site(corpus, analysis, "Papers")
    mentions = pages[paper_doc(pruning)].split("## Methods it mentions")[1]
    assert "Densely Braided Networks</a> (BraidNet)</li>" in mentions
    assert "KiteNet: Nested Kites</a></li>" in mentions  # the title says it already
    mentioned = pages[paper_doc(braided)].split("## Mentioned by")[1]
    assert '<p class="ps-note">Papers whose abstracts name BraidNet.</p>' in mentioned


def test_a_mentioned_dataset_is_named_in_the_heading() -> None:
    corpus = corpus_of(
        [
            ("KiteSet: A Dataset of Kites", "Photos of kites."),
            ("Flying on KiteSet", "We train on KiteSet."),
        ]
    )
    kites, flying = (
        slug_of(corpus, t) for t in ("KiteSet: A Dataset of Kites", "Flying on KiteSet")
    )
    method = Method("KiteSet", kites, (flying,), dataset=True)
    analysis = Analysis(
        mentions={flying: (kites,)}, mentioned_by={kites: (flying,)}, methods=(method,)
    )
    page = render_site(corpus, analysis, "Papers")[paper_doc(flying)]
    assert "## Methods and datasets it mentions" in page
    plain = Analysis(
        mentions={flying: (kites,)},
        mentioned_by={kites: (flying,)},
        methods=(Method("KiteSet", kites, (flying,)),),
    )
    assert "## Methods it mentions" in render_site(corpus, plain, "Papers")[paper_doc(flying)]


def test_the_finders_descending_sorts_list_ties_from_a_to_z() -> None:
    """Undated papers came z to a under "newest first" (the keys ended in the slug)."""
    titles = ["Abc", "Abcd", "A b", "Xception nets", "XNOR net", "YOLO heads", "Zeta"]
    corpus = corpus_of([(t, f"We study {t.lower()} on images of cells.") for t in titles])
    pages = render_site(corpus, Analysis(), "Papers")
    keys = {}
    for paper in corpus.papers:
        page = pages[paper_doc(paper.slug)]
        keys[paper.slug] = page.split('data-pagefind-sort="date">')[1].split("<")[0]
    newest_first = sorted(keys, key=keys.__getitem__, reverse=True)
    assert newest_first == sorted(keys)


def test_the_finders_title_order_is_all_papers_a_to_z() -> None:
    """Titles of one long start, accents, case and leading quotes: the keys sort as the
    All papers list orders titles."""
    titles = [
        "Émile and the networks",
        "emile and the graphs",
        "'Mad' networks",
        "A very long common start of a title, first",
        "A very long common start of a title, second",
        "Zeta",
        "3D nets",
    ]
    corpus = corpus_of([(t, f"We study {t.lower()} on images of cells.") for t in titles])
    pages = render_site(corpus, Analysis(), "Papers")
    keys = {
        p.slug: pages[paper_doc(p.slug)].split('data-pagefind-sort="title">')[1].split("<")[0]
        for p in corpus.papers
    }
    a_to_z = [p.slug for p in sorted(corpus.papers, key=lambda p: (title_order(p.title), p.slug))]
    assert sorted(keys, key=keys.__getitem__) == a_to_z


def test_a_link_the_abstract_calls_code_is_a_code_button_on_any_host() -> None:
    """ "Code: https://monai.io/..." was a "Web page (monai.io)" button, and the paper had
    no code for the finder."""
    abstract = "We segment brain tumours. Code: https://monai.io/research/swin-unetr"
    corpus = corpus_of([("Swin Tumour Segmenter", abstract)])
    (paper,) = corpus.papers
    analysis = Analysis(code_urls={paper.slug: ("https://monai.io/research/swin-unetr",)})
    page = render_site(corpus, analysis, "Papers")[paper_doc(paper.slug)]
    assert ">Code (monai.io)</a>" in page
    assert papers_with_code(corpus, analysis) == {paper.slug}
    project = corpus_of([("Swin Tumour Segmenter", abstract.replace("Code:", "Project page:"))])
    page = render_site(project, analysis, "Papers")[paper_doc(paper.slug)]
    assert ">Web page (monai.io)</a>" in page
    assert papers_with_code(project, analysis) == set()
