"""Paper pages skip Python-Markdown (generator/mkdocs/fast_markdown.py) and lose nothing by it."""

from __future__ import annotations

import re

from markdown_pages import by_fast_path, by_markdown
from mkdocs.utils.meta import get_data
from sitebuild import BuiltSite


def _paper_pages(pages: dict[str, str]) -> dict[str, str]:
    return {doc: get_data(text)[0] for doc, text in pages.items() if doc.startswith("papers/")}


def _title_looks_like_a_tag(markdown: str) -> bool:
    """A title such as `<script>`: Python-Markdown's raw HTML scan reads it as a tag, so
    the fast path leaves such a page to Python-Markdown."""
    return re.search(r"\\<[A-Za-z]", markdown.split("\n", 1)[0]) is not None


def _fast_pages_as_markdown(pages: dict[str, str]) -> int:
    """Check every page of `pages` (doc: Markdown without front matter) takes the fast path
    with Python-Markdown's result, unless its title looks like a tag; count those that do."""
    fast_pages = 0
    for doc, markdown in pages.items():
        fast = by_fast_path(markdown)
        if fast is None:
            assert _title_looks_like_a_tag(markdown), f"{doc} is not headings and HTML blocks"
            continue
        fast_pages += 1
        assert fast == by_markdown(markdown, doc), doc
    return fast_pages


def test_every_fixture_paper_page_takes_the_fast_path_with_markdowns_result(
    fixture_pages: dict[str, str],
) -> None:
    papers = _paper_pages(fixture_pages)
    assert len(papers) >= 7
    assert _fast_pages_as_markdown(papers) >= 5


def test_every_bundled_paper_page_takes_the_fast_path_with_markdowns_result(
    bundled_site: BuiltSite,
) -> None:
    docs = sorted((bundled_site.docs / "papers").glob("*.md"))
    assert len(docs) > 500
    for path in docs:
        markdown = get_data(path.read_text(encoding="utf-8"))[0]
        fast = by_fast_path(markdown)
        assert fast is not None, f"{path.name} is not headings and HTML blocks"
        assert fast == by_markdown(markdown, f"papers/{path.name}"), path.name


def test_topic_pages_take_the_fast_path_too(
    fixture_pages: dict[str, str], bundled_site: BuiltSite
) -> None:
    topics = {
        doc: get_data(text)[0]
        for doc, text in fixture_pages.items()
        if doc.startswith("topics/") and doc != "topics/index.md"
    }
    assert len(topics) == 2 and _fast_pages_as_markdown(topics) >= 1
    bundled = {
        f"topics/{path.name}": get_data(path.read_text(encoding="utf-8"))[0]
        for path in sorted((bundled_site.docs / "topics").glob("*.md"))
        if path.name != "index.md"
    }
    assert _fast_pages_as_markdown(bundled) == len(bundled) > 20


def test_pages_with_markdown_syntax_still_go_through_python_markdown(
    fixture_pages: dict[str, str],
) -> None:
    for doc in ("index.md", "topics/index.md", "health.md"):
        assert by_fast_path(get_data(fixture_pages[doc])[0]) is None, doc


def test_all_papers_pages_take_the_fast_path_with_the_same_result(
    fixture_pages: dict[str, str],
) -> None:
    browse = {d: get_data(t)[0] for d, t in fixture_pages.items() if d.startswith("browse/")}
    assert len(browse) >= 2 and _fast_pages_as_markdown(browse) == len(browse)
