"""Long lists (corpus health, methods) are split over pages, every entry on one of them."""

from __future__ import annotations

import re

from markdown_pages import by_fast_path, by_markdown
from mkdocs.utils.meta import get_data
from numbered_papers import numbered_papers
from sitehtml import parse

from generator.links import HEALTH_DOC, METHODS_DOC, health_part_doc, methods_doc
from generator.model import Analysis, Corpus, MergeAction, MergeEntry, Method
from generator.render import render_site
from generator.render.health_page import HEALTH_INLINE, HEALTH_PART
from generator.render.method_places import METHODS_SINGLE_LIMIT


def _corpus(count: int) -> Corpus:
    papers = numbered_papers(count, title_inferred=True)
    log = tuple(
        MergeEntry(MergeAction.POSSIBLE_DUPLICATE, p.slug, p.sources, f"pair {i}")
        for i, p in enumerate(papers)
    )
    return Corpus(papers=papers, merge_log=log)


def _assert_fast_path_as_markdown(doc: str, page: str) -> None:
    """The page is headings and HTML blocks: built without Python-Markdown, same result."""
    markdown = get_data(page)[0]
    fast = by_fast_path(markdown)
    assert fast is not None, f"{doc} is not headings and HTML blocks"
    assert fast == by_markdown(markdown, doc), doc


def test_long_lists_get_pages_holding_every_entry() -> None:
    count = HEALTH_PART + 250
    pages = render_site(_corpus(count), Analysis(), "Health")
    health = pages[HEALTH_DOC]
    assert health.count('href="../papers/paper-') == 2 * HEALTH_INLINE  # titles, duplicates
    first, second = health_part_doc("generated-titles", 1), health_part_doc("generated-titles", 2)
    assert f"({first})" in health and f"({second})" in health
    listed = [
        int(n)
        for doc in (first, second)
        for n in re.findall(r'href="\.\./\.\./papers/paper-(\d+)/"', pages[doc])
    ]
    assert listed == list(range(count))  # all of them, once, in order
    assert "pair 1249" in pages[health_part_doc("possible-duplicates", 2)]
    assert health_part_doc("generated-titles", 3) not in pages
    for doc in (first, second, health_part_doc("possible-duplicates", 2)):
        _assert_fast_path_as_markdown(doc, pages[doc])


def test_short_lists_stay_on_the_health_page() -> None:
    pages = render_site(_corpus(HEALTH_INLINE), Analysis(), "Health")
    assert not [p for p in pages if p.startswith("health/")]
    assert pages[HEALTH_DOC].count('href="../papers/paper-') == 2 * HEALTH_INLINE


def _method_names(page: str) -> list[str]:
    """The methods a methods page lists: in its table, and in its compact line."""
    tree = parse(page)
    table = [s.text() for td in tree.find_all("td") for s in td.find_all("strong")]
    alone = [a.text() for ul in tree.find_all("ul", "ps-methods-alone") for a in ul.find_all("a")]
    return table + alone


def test_many_methods_are_split_by_first_letter() -> None:
    corpus = _corpus(METHODS_SINGLE_LIMIT + 10)
    names = [f"{'ABÉ9'[i % 4]}method{i}" for i in range(len(corpus.papers))]
    analysis = Analysis(
        methods=tuple(Method(n, p.slug, ()) for n, p in zip(names, corpus.papers, strict=True))
    )
    pages = render_site(corpus, analysis, "Methods")
    assert sorted(p for p in pages if p.startswith("methods/")) == [
        methods_doc(g) for g in ("0-9", "a", "b", "e")
    ]
    index = pages[METHODS_DOC]
    assert "[E](methods/e.md) (127)" in index and "[A](methods/a.md) (128)" in index
    listed = [
        name
        for group in ("0-9", "a", "b", "e")
        for name in _method_names(pages[methods_doc(group)])
    ]
    assert sorted(listed) == sorted(names)  # every method on exactly one page
    for group in ("0-9", "a", "b", "e"):
        _assert_fast_path_as_markdown(methods_doc(group), pages[methods_doc(group)])


def test_methods_that_others_mention_come_first_the_rest_in_one_line() -> None:
    corpus = _corpus(6)
    slugs = [p.slug for p in corpus.papers]
    methods = (
        Method("Alone", slugs[0], ()),
        Method("Once", slugs[1], (slugs[4],)),
        Method("Twice", slugs[2], (slugs[4], slugs[5])),
        Method("Also alone", slugs[3], ()),
    )
    page = render_site(corpus, Analysis(methods=methods), "Methods")[METHODS_DOC]
    tree = parse(page)
    table = [s.text() for td in tree.find_all("td") for s in td.find_all("strong")]
    assert table == ["Twice", "Once"]  # most mentioned first
    names = tree.find("ul", "ps-methods-alone")
    assert [a.text() for a in names.find_all("a")] == ["Alone", "Also alone"]  # by name
    assert (
        "Not yet mentioned by another paper (2)" in tree.find("p", "ps-methods-alone-title").text()
    )


def test_datasets_are_listed_apart_from_methods() -> None:
    corpus = _corpus(5)
    slugs = [p.slug for p in corpus.papers]
    methods = (
        Method("Net", slugs[0], (slugs[4],)),
        Method("Bench", slugs[1], (slugs[4],), dataset=True),
        Method("Alone", slugs[2], ()),
        Method("Images", slugs[3], (), dataset=True),
    )
    page = render_site(corpus, Analysis(methods=methods), "Methods")[METHODS_DOC]
    before, after = page.split("## Datasets and benchmarks")
    assert "\n## Named methods\n" in before  # the contents list both sections, not one
    assert _method_names(before) == ["Net", "Alone"]
    assert _method_names(after) == ["Bench", "Images"]
    assert "<th>Dataset</th>" in after and "<th>Method</th>" in before
    _assert_fast_path_as_markdown(METHODS_DOC, page)
    only_methods = render_site(corpus, Analysis(methods=methods[::2]), "Methods")[METHODS_DOC]
    assert "## " not in only_methods  # no heading for a section alone
