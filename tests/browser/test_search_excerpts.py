"""What search results show of a page's text.

A paper that writes "vision transformers" is found by `vit` (its search alias); Pagefind's
excerpt then marks nothing. papersite.excerptFor finds the alias's source in the page's
text (analyze/acronym_aliases.py, render/paper_page.py) and marks it.

Math reads as plain text in the page's text, which Pagefind indexes before KaTeX
typesets it ("ℓ₁", not "ell_1": render/plain_math.py), and is found as it is typed ("l1").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from browser_support import header_search
from sitebuild import BuiltSite

from generator.folding import fold
from generator.render.plain_math import read_fragments, typed_math_words

if TYPE_CHECKING:
    from conftest import Tab

pytestmark = pytest.mark.browser


# Each result of a query: its address, whether Pagefind's excerpt marks anything, the
# page's text as Pagefind holds it and the marks of the excerpt the search shows
# (papersite.excerptFor).
SHOWN_EXCERPTS_JS = """async (query) => {
  const pagefind = await import(new URL("pagefind/pagefind.js", papersite.root).href);
  const found = await pagefind.search(query);
  const data = await Promise.all(found.results.map((result) => result.data()));
  return data.map((page) => {
    const box = document.createElement("span");
    papersite.excerptNodes(papersite.excerptFor(query, page), page.content)
      .forEach((node) => box.appendChild(node));
    return [new URL(page.url, location.href).href, page.excerpt.includes("<mark>"),
            page.content, Array.from(box.querySelectorAll("mark"), (mark) => mark.textContent)];
  });
}"""


def _bare(words: str) -> str:
    """Folded, joined, plurals aside: "Vision-Transformers" and "vision transformer" meet."""
    return re.sub(r"e?s(?=\s|$)", "", fold(words).replace("-", "")).replace(" ", "")


def test_a_paper_found_by_an_alias_alone_shows_what_it_stands_for_marked(
    tab: Tab, e2e_site: BuiltSite
) -> None:
    """An acronym finds the papers that write only its phrase (their search alias); their
    excerpt was the abstract's start with nothing marked. It is the phrase, marked, with
    the words around it, in the header search's list as in Pagefind's results."""
    analysis = e2e_site.analysis
    written: dict[str, dict[str, str]] = {}  # acronym -> slug -> the phrase it writes
    for slug, aliases in analysis.search_aliases.items():
        for alias, source in zip(aliases, analysis.alias_sources[slug], strict=True):
            if " " not in alias:
                written.setdefault(alias, {})[slug] = source
    acronym = max(sorted(written), key=lambda a: len(written[a]))
    query = acronym.lower()
    page = tab.page
    tab.goto("")
    shown = 0
    papers = {p.slug: p for p in e2e_site.corpus.papers}
    for url, marked, _content, marks in page.evaluate(SHOWN_EXCERPTS_JS, query):
        slug = tab.path(url).strip("/").removeprefix("papers/")
        source = written[acronym].get(slug)
        if source is None or marked:
            continue
        if _bare(source) not in _bare(papers[slug].abstract):
            continue  # written in the title only: nothing in the abstract to mark
        assert [_bare(mark) for mark in marks] == [_bare(source)], (slug, marks)
        shown += 1
    assert shown >= 3, (acronym, shown)
    header_search(page, query)
    excerpts = page.locator(".ps-search__link:not(.ps-search__link--topic) .ps-search__excerpt")
    assert all(excerpt.locator("mark").count() for excerpt in excerpts.all())
    tab.assert_clean()


# (query, content, alias_source values) -> the excerpt's marks and whether it ends "…".
EXCERPT_CASES_JS = """(cases) => cases.map(([query, content, sources]) => {
  const data = {excerpt: content.slice(0, 20), content: content, filters: {alias_source: sources}};
  const box = document.createElement("span");
  papersite.excerptNodes(papersite.excerptFor(query, data), content)
    .forEach((n) => box.appendChild(n));
  return [Array.from(box.querySelectorAll("mark"), (m) => m.textContent),
          box.textContent.endsWith("…")];
})"""


def test_an_alias_source_is_found_as_the_page_writes_it(tab: Tab) -> None:
    """A word in any case, singular or plural; an acronym as written (a review: "CS"
    marked the "cs" of an address, and a lone "C", its capital S read as a plural)."""
    tab.goto("")
    cases = [
        (
            "compressed",
            "Let C be a constant. See apc.cs.example.edu for CS code here",
            ["compressed sensing = CS"],
        ),
        (
            "compressed",
            "Code at apc.cs.example.edu and more words after it",
            ["compressed sensing = CS"],
        ),
        ("rl", "We use a learned Policy by trial and error in a world", ["RL = learned policies"]),
        (
            "vit",
            "Large models and their Vision-Transformer variants",
            ["ViT = vision transformers"],
        ),
        ("ab", "Text with x = y inside and more", ["AB = x = y"]),
        ("brats", "We segment BRATS scans of the brain", ["brain tumor segmentation = BraTS"]),
        (
            "cnn",
            "Here a convolution neural network classifies cells",
            ["CNNs = convolutional neural networks"],
        ),
    ]
    found = tab.page.evaluate(EXCERPT_CASES_JS, cases)
    assert found == [
        [["CS"], False],  # the last words of the text: no "…" after them
        [[], True],  # only "cs": nothing marked, the text's start as before
        [["learned Policy"], False],  # a singular for the plural, another case
        [["Vision-Transformer"], False],
        [["x = y"], False],  # a source holding " = "
        [["BRATS"], False],  # an acronym in other capitals (never in lower case only)
        [["convolution neural network"], False],  # a long word in another form
    ], found
    # an excerpt whose last words come again at the text's end is still cut: "…"
    text = "Code at a.org/x and data at b.org/y for all. Code at a.org/x and data at b.org/y"
    cut = tab.page.evaluate(
        "([excerpt, text]) => papersite.excerptNodes(excerpt, text).map((n) => n.textContent)",
        [text.split(" for all.")[0], text],
    )
    assert cut[-1] == " …", cut
    tab.assert_clean()


def test_math_is_found_as_typed_and_read_as_plain_text(tab: Tab, e2e_site: BuiltSite) -> None:
    """Excerpts showed "mathcal{O}(T^{-1/2d})", "0.78 pm 0.10" and "ell_1" (the text
    KaTeX typesets after Pagefind indexed it), and "l1" found no page that shows ℓ₁; found
    so, its excerpt is the abstract's start, nothing marked."""
    typed: dict[str, set[str]] = {}  # a typed word -> the papers whose math it is
    rewritten: dict[str, list[tuple[str, str]]] = {}  # slug -> (as written, as read)
    for paper in e2e_site.corpus.papers:
        for word in typed_math_words([paper.title, paper.abstract, *paper.versions[1:]]):
            typed.setdefault(word, set()).add(paper.slug)
        rewritten[paper.slug] = [
            (fragment.text, read)
            for fragment, read in read_fragments(paper.abstract)  # as the page reads them
            if read is not None and read != fragment.text
        ]
    assert len(typed) >= 3
    tab.goto("")
    checked = 0
    for word, slugs in sorted(typed.items()):
        found, marked = {}, {}
        for url, _marked, content, marks in tab.page.evaluate(SHOWN_EXCERPTS_JS, word):
            slug = tab.path(url).strip("/").removeprefix("papers/")
            found[slug], marked[slug] = content, marks
        assert slugs <= found.keys(), (word, slugs - found.keys())
        for slug in slugs:
            # the excerpt marks the math as shown ("ℓ₁") or the word as written ("L1")
            assert [fold(mark) for mark in marked[slug]][:1] == [word], (slug, marked[slug])
            for written, read in rewritten[slug]:
                assert read in found[slug], (slug, read)
                assert f" {written} " not in found[slug], (slug, written)
                checked += 1
    assert checked >= 10
    tab.assert_clean()


def test_typed_math_marks_names_not_powers(tab: Tab) -> None:
    """A review: "102" marked "10²" (a hundred) and "m2" marked "m²"; a squared norm
    "ℓ₂²" is still found by "l2", a norm's raised index "ℓ¹" by "l1"."""
    tab.goto("")
    cases = [
        ("l2", "a squared ℓ₂² loss here and more", []),
        ("l1", "costs such as ℓ¹ or ℓ² here", []),
        ("co2", "a formula such as CO₂ here", []),
        ("102", "about 10² samples here", []),
        ("m2", "an area of 3 m² here", []),
        ("l1", "no math at all: the l1 norm", []),
    ]
    found = tab.page.evaluate(EXCERPT_CASES_JS, cases)
    assert [marks for marks, _ in found] == [["ℓ₂"], ["ℓ¹"], ["CO₂"], [], [], []], found
    tab.assert_clean()


# (query, Pagefind's excerpt, content, alias_source values) -> the shown excerpt's marks.
PARTLY_MARKED_JS = """(cases) => cases.map(([query, excerpt, content, sources]) => {
  const data = {excerpt: excerpt, content: content, filters: {alias_source: sources}};
  const box = document.createElement("span");
  papersite.excerptNodes(papersite.excerptFor(query, data), content)
    .forEach((n) => box.appendChild(n));
  return Array.from(box.querySelectorAll("mark"), (m) => m.textContent);
})"""


def test_an_alias_the_whole_query_names_replaces_a_partly_marked_excerpt(tab: Tab) -> None:
    """A search for "computed tomography" showed "high computational cost" marked for a
    paper that writes "CT" (its alias): Pagefind matched "computed" by its stem. An alias
    that names every query word shows its source instead; one that names some of them
    leaves Pagefind's marks ("cnn pruning": "pruning" stays marked)."""
    tab.goto("")
    content = "We cut the high computational cost of pruning filters in abdominal CT scans."
    cases = [
        (
            "computed tomography",
            "the high <mark>computational</mark> cost of pruning",
            content,
            ["computed tomography = CT"],
        ),
        (
            "cnn pruning",
            "computational cost of <mark>pruning</mark> filters",
            content + " Convolutional neural networks are pruned.",
            ["CNNs = convolutional neural networks"],
        ),
        ("computed tomography", "the high cost of pruning", content, []),
    ]
    assert tab.page.evaluate(PARTLY_MARKED_JS, cases) == [["CT"], ["pruning"], []]
    tab.assert_clean()
