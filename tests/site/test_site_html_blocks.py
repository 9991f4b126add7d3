"""Paper pages skip Python-Markdown (generator/html_blocks.py) and lose nothing by it."""

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


def test_every_fixture_paper_page_takes_the_fast_path_with_markdowns_result(
    fixture_pages: dict[str, str],
) -> None:
    papers = _paper_pages(fixture_pages)
    assert len(papers) >= 7
    fast_pages = 0
    for doc, markdown in papers.items():
        fast = by_fast_path(markdown)
        if fast is None:
            assert _title_looks_like_a_tag(markdown), f"{doc} is not headings and HTML blocks"
            continue
        fast_pages += 1
        assert fast == by_markdown(markdown, doc), doc
    assert fast_pages >= 5


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


def test_pages_with_markdown_syntax_still_go_through_python_markdown(
    fixture_pages: dict[str, str],
) -> None:
    topics = {d: get_data(t)[0] for d, t in fixture_pages.items() if d.startswith("topics/")}
    assert topics
    assert all(by_fast_path(markdown) is None for markdown in topics.values())
