"""The navigation item a page outside the navigation belongs under, shown as active.

Paper, topic and per-year pages are not in mkdocs.yml's `nav` (the sidebar would grow
with the corpus), so Material marked nothing in the sidebar as where the reader is: on a
topic page "Topics" looked like any other link. While such a page is rendered, the
navigation page it belongs under is marked active as MkDocs marks a page's own item
(Material colours it): the one that stands for the page's folder in docs/
(topics/index.md for topics/, methods.md for methods/), and for a paper, the list of
all papers. Pages that share a sidebar (partial_memo.py) share its mark: the memo's key
holds it (SECTION_CONTEXT).
"""

from __future__ import annotations

from typing import Any

from generator.links import BROWSE_INDEX_DOC, PAPERS_FOLDER

SECTION_CONTEXT = "papersite_section"  # the marked page's source path, in the page context
# Folders whose pages belong under a navigation page of another address.
HOME_OF_FOLDER = {PAPERS_FOLDER: BROWSE_INDEX_DOC}


def section_of(page: Any, nav: Any) -> Any | None:
    """The navigation page `page` (outside the navigation) belongs under, or None."""
    if page in nav.pages:
        return None
    folder = page.file.src_uri.rpartition("/")[0]
    home = HOME_OF_FOLDER.get(folder.split("/")[0])
    if home is not None:
        return next((p for p in nav.pages if p.file.src_uri == home), None)
    holding = [p for p in nav.pages if _within(folder, _own_folder(p.file.src_uri))]
    return max(holding, key=lambda p: len(_own_folder(p.file.src_uri)), default=None)


def _own_folder(src_uri: str) -> str:
    """The folder a navigation page stands for: `topics` for topics/index.md and for
    methods.md (methods/ holds its parts); "" for the home page, which holds no folder."""
    stem = src_uri.removesuffix(".md")
    return stem.removesuffix("/index") if stem != "index" else ""


def _within(folder: str, own: str) -> bool:
    return bool(own) and (folder == own or folder.startswith(own + "/"))
