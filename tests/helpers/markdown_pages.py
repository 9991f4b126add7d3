"""Render a Markdown page both ways: MkDocs' own Page.render and the HTML-blocks fast path."""

from __future__ import annotations

import functools
import tempfile
from typing import Any

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from paths import REPO

from generator.mkdocs.fast_markdown import Converted, convert, heading_style

_EMPTY_DOCS = tempfile.TemporaryDirectory(prefix="papersite-markdown-pages-")  # removed at exit


@functools.cache
def project_config() -> Any:
    """The project's mkdocs.yml, loaded (its hooks and plugins included).

    docs_dir points at an empty folder: the tests render pages in memory and must
    not need a built site (CI runs them on a clean clone, with no docs/).
    """
    return load_config(str(REPO / "mkdocs.yml"), docs_dir=_EMPTY_DOCS.name)


def _toc_outline(toc: TableOfContents) -> list[Any]:
    def outline(item: Any) -> Any:
        return (item.title, item.id, item.level, [outline(c) for c in item.children])

    return [outline(item) for item in toc]


def by_markdown(markdown: str, src_uri: str = "papers/page.md") -> tuple[Any, ...]:
    """(content, toc outline, title, anchors) as Python-Markdown makes them in MkDocs."""
    config = project_config()
    file = File(src_uri, config["docs_dir"], config["site_dir"], True)
    page = Page(None, file, config)
    page.markdown = markdown
    Page.render(page, config, Files([file]))
    return (page.content, _toc_outline(page.toc), page._title_from_render, page.present_anchor_ids)


def by_fast_path(markdown: str) -> tuple[Any, ...] | None:
    """The same four results from generator.mkdocs.fast_markdown, or None off its format."""
    config = project_config()
    style = heading_style(config["markdown_extensions"], config["mdx_configs"])
    assert style is not None, "the project's mkdocs.yml must allow the fast path"
    converted: Converted | None = convert(markdown, style)
    if converted is None:
        return None
    return (converted.content, _toc_outline(converted.toc), converted.title, converted.anchors)
