"""Render theme partials that many pages share once per folder, not once per page.

Material renders its whole navigation sidebar, its colour-palette switch and its
settings script into every page. For a page outside the navigation (paper, topic and
per-year pages) these depend only on the page's folder and the navigation item marked
active (nav_section.py: the folder's), and every link in them is relative to the
folder. At 10,000 papers rendering them again for each page was a quarter of the
theme's time. The templates wrap such a partial in

    {% call papersite_memo("nav") %}...{% endcall %}

and `PartialMemo` keeps its HTML per (name, folder); on pages in the navigation (whose
active item differs) it renders the partial every time. A test builds the site with and
without the memo and compares every page byte for byte.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, pass_context

from generator.mkdocs.nav_section import SECTION_CONTEXT

MEMO_GLOBAL = "papersite_memo"
# Overrides include Material's own partial under this prefix ("material-theme/partials/
# nav.html"), since an override cannot include the file of its own name.
THEME_PREFIX = "material-theme"


class PartialMemo:
    """The HTML of memoised partials, per name and page folder, for one build; when not
    `enabled`, every partial is rendered every time (plain MkDocs)."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._html: dict[tuple[str, str, str, str], Any] = {}
        self._nav: Any = None
        self._nav_sources: frozenset[str] = frozenset()
        self._nav_urls: tuple[str, ...] = ()

    @pass_context
    def __call__(self, context: Any, name: str, caller: Any) -> Any:
        """The partial's HTML: from the memo when the page allows it, else rendered."""
        key = self._key(context, name) if self.enabled else None
        if key is None:
            return caller()
        if key not in self._html:
            self._html[key] = caller()
        return self._html[key]

    def _key(self, context: Any, name: str) -> tuple[str, str, str, str] | None:
        """(name, folder, base URL, the navigation page marked active) for a page outside
        the navigation, else None."""
        page, nav = context.get("page"), context.get("nav")
        if page is None or nav is None or getattr(page, "file", None) is None:
            return None
        url = page.url or ""
        if not url.endswith("/"):  # the folder is the page's only when URLs are folders
            return None
        if nav is not self._nav:
            self._remember(nav)
        if page.file.src_uri in self._nav_sources:
            return None
        if any(nav_url.startswith(url) for nav_url in self._nav_urls):
            return None  # a navigation link inside the page's folder is relative to it
        folder = url.rstrip("/").rpartition("/")[0]
        return name, folder, str(context.get("base_url")), str(context.get(SECTION_CONTEXT))

    def _remember(self, nav: Any) -> None:
        self._html.clear()
        self._nav = nav
        self._nav_sources = frozenset(page.file.src_uri for page in nav.pages)
        self._nav_urls = tuple(_item_urls(nav.items))


def _item_urls(items: Any) -> list[str]:
    """The URLs of every navigation item: pages, and links (sections hold more items)."""
    urls = []
    for item in items:
        if getattr(item, "url", None) is not None:
            urls.append(str(item.url))
        urls += _item_urls(getattr(item, "children", None) or ())
    return urls


def install(env: Any, theme: Any, papersite_theme: Path, enabled: bool = True) -> Any:
    """Give a MkDocs theme environment a fresh memo (a pass-through when not `enabled`),
    and Material's own templates (the theme folders after papersite's) under THEME_PREFIX."""
    dirs = [Path(folder).resolve() for folder in theme.dirs]
    after = dirs[dirs.index(papersite_theme) + 1 :] if papersite_theme in dirs else dirs
    theme_loader = PrefixLoader({THEME_PREFIX: FileSystemLoader([str(d) for d in after])})
    env.loader = ChoiceLoader([env.loader, theme_loader])
    env.globals[MEMO_GLOBAL] = PartialMemo(enabled)
    return env
