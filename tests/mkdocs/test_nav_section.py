"""Which navigation page a page outside the navigation belongs under."""

from __future__ import annotations

from types import SimpleNamespace

from generator.mkdocs.nav_section import section_of


def _page(src_uri: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


NAV_PAGES = [
    _page(uri)
    for uri in ("index.md", "topics/index.md", "browse/index.md", "methods.md", "finder.md")
]
NAV = SimpleNamespace(pages=NAV_PAGES)


def _section(src_uri: str) -> str | None:
    found = section_of(_page(src_uri), NAV)
    return found.file.src_uri if found is not None else None


def test_a_page_belongs_under_the_navigation_page_of_its_folder() -> None:
    assert _section("topics/u-net.md") == "topics/index.md"
    assert _section("browse/2024.md") == "browse/index.md"
    assert _section("browse/2024/page-2.md") == "browse/index.md"
    assert _section("methods/page-2.md") == "methods.md"  # methods.md stands for methods/


def test_a_paper_belongs_under_the_list_of_all_papers() -> None:
    assert _section("papers/wide-residual-networks.md") == "browse/index.md"


def test_a_page_of_no_navigation_folder_belongs_nowhere() -> None:
    assert _section("health.md") is None  # not under the home page, which holds no folder
    assert _section("health/part-1.md") is None
    assert _section("topicsx/a.md") is None  # a folder's name is not a prefix of another's
    assert section_of(NAV_PAGES[1], NAV) is None  # a navigation page is its own mark


def test_without_the_list_of_all_papers_a_paper_belongs_nowhere() -> None:
    nav = SimpleNamespace(pages=[p for p in NAV_PAGES if p.file.src_uri != "browse/index.md"])
    assert section_of(_page("papers/a.md"), nav) is None
