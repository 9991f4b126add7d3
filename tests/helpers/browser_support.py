"""Headless Chromium settings and a local web server, shared by the browser tests and the
benchmark (tests/ is on pythonpath)."""

from __future__ import annotations

import functools
import http.server
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
# Set by CI (.ci/run): a browser test fails instead of skipping when Chromium is missing.
REQUIRE_BROWSER_ENV = "PAPERSITE_REQUIRE_BROWSER"


def browser_required() -> bool:
    """Whether a missing Chromium fails the browser tests (CI) or skips them (elsewhere)."""
    return os.environ.get(REQUIRE_BROWSER_ENV, "") not in ("", "0")


def need_browser() -> None:
    """Skip without Chromium, or fail where the browser tests must run (CI)."""
    import pytest  # the benchmark imports this module without pytest

    missing = None
    if not CHROMIUM.exists():
        missing = f"no {CHROMIUM}"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "Playwright is not installed"
    if missing and browser_required():
        pytest.fail(f"{missing}, and {REQUIRE_BROWSER_ENV} says the browser tests must run")
    if missing:
        pytest.skip(missing)


# Without the background-networking flags Chromium tries to reach Google's hosts, which
# this machine's closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _QuietServer(http.server.ThreadingHTTPServer):
    """A request the browser gave up on (a page left while a file was still being sent)
    is no error: socketserver printed its traceback into the test output."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve_folder(folder: Path, path: str = "/") -> Iterator[str]:
    """`folder` served by a quiet threaded http.server on 127.0.0.1 at `path` (a published
    project site is under one: https://x.github.io/repo/); its URL, with a slash."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    mount = path.strip("/")
    with tempfile.TemporaryDirectory() as server_root:
        root = folder
        if mount:  # the server's root holds `folder` at `path`
            root = Path(server_root)
            root.joinpath(mount).parent.mkdir(parents=True, exist_ok=True)
            root.joinpath(mount).symlink_to(folder.resolve(), target_is_directory=True)
        handler = functools.partial(Quiet, directory=str(root))
        server = _QuietServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/" + (mount + "/" if mount else "")
        finally:
            server.shutdown()
            server.server_close()
            thread.join(5)


@contextmanager
def browsing(folder: Path) -> Iterator[tuple[str, Any]]:
    """`folder` served (serve_folder) and a headless Chromium: (the site's URL, browser)."""
    from playwright.sync_api import sync_playwright

    with serve_folder(folder) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield url, browser
        finally:
            browser.close()


# Whether the header search has shown its results for query `q`.
SEARCH_DONE_JS = (
    "q => document.querySelector('[data-ps-search-dialog]')"
    "?.getAttribute('data-ps-search-done') === q"
)

# The first `count` papers Pagefind ranks for `query` (no topic pages: as the header
# search and the finder search papers), as addresses.
PAGEFIND_PAPERS_JS = """async ([query, count]) => {
  const api = await papersite.pagefind();
  const found = await api.search(query, { filters: { not: { kind: "topic" } } });
  const data = await Promise.all(found.results.slice(0, count).map((result) => result.data()));
  return data.map((page) => new URL(page.url, location.href).href);
}"""

# The text of the page's h1 without Material's permalink (¶).
H1_JS = """() => {
  const h = document.querySelector("article h1");
  if (!h) return null;
  return Array.from(h.childNodes)
    .filter(n => !(n.nodeType === 1 && n.classList.contains("headerlink")))
    .map(n => n.textContent).join("").trim();
}"""


def h1_text(page: Any) -> str | None:
    """The page's h1 text, without the permalink."""
    text: str | None = page.evaluate(H1_JS)
    return text


def wait_for_h1(page: Any, title: str) -> None:
    """Wait until the page (reached by Material's instant navigation) has this h1."""
    page.wait_for_function(f"t => ({H1_JS})() === t", arg=title, timeout=10_000)


def page_kinds(site: Path) -> list[str]:
    """One page of every kind of a built site, as site-relative URLs: the home page, a
    paper, the topic index and a topic, the finder on a query, the map, the corpus,
    methods and browse pages, and the 404 page."""
    paper = sorted(p.parent.name for p in (site / "papers").glob("*/index.html"))[0]
    topic = sorted(p.parent.name for p in (site / "topics").glob("*/index.html"))[0]
    return [
        "",
        f"papers/{paper}/",
        "topics/",
        f"topics/{topic}/",
        "finder/?query=segmentation",
        "map/",
        "health/",
        "methods/",
        "browse/",
        "404.html",
    ]


def wait_until_drawn(page: Any, path: str) -> None:
    """Wait for what a page's script draws: the finder's results, the map."""
    if path.startswith("finder/"):
        page.wait_for_selector(".ps-finder[data-ready=ready]")
    if path.startswith("map/"):
        page.wait_for_selector(".ps-map[data-ready=ready]")


def header_search(page: Any, query: str, delay: float = 5) -> list[str]:
    """Open the header search with `/`, type `query` key by key; the result titles."""
    dialog = page.locator("[data-ps-search-dialog]")
    if not dialog.count() or not dialog.evaluate("d => d.open"):
        page.keyboard.press("/")
    field = page.locator("[data-ps-search-input]")
    field.wait_for()
    field.fill("")
    # the last search's mark goes: the same query typed again waited for nothing
    dialog.evaluate("d => d.removeAttribute('data-ps-search-done')")
    field.press_sequentially(query, delay=delay)
    page.wait_for_function(SEARCH_DONE_JS, arg=query, timeout=15_000)
    titles = page.locator(".ps-search__result .ps-search__title").all_text_contents()
    return [title.strip() for title in titles]


def terminal_index(site: Any) -> Any:
    """The terminal search's index (`papersite search`) of a built site."""
    from generator.search.terminal import SEARCH_DOCUMENTS, TerminalIndex, load_documents

    return TerminalIndex(load_documents((site.docs / SEARCH_DOCUMENTS).read_text("utf-8")))
