"""Fixtures of the browser tests: the bundled site built once, served on 127.0.0.1 and
opened under its public address, and headless Chromium tabs that record console errors
and every request.

The site is built in a temporary project (tests/helpers/sitebuild.py), never in the
repository's own docs/ and site/.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, need_browser, serve_folder
from sitebuild import BuiltSite

if TYPE_CHECKING:
    from playwright.sync_api import (
        Browser,
        BrowserContext,
        CDPSession,
        ConsoleMessage,
        Page,
        Request,
    )

LOCAL_SCHEMES = {"data", "blob", "about"}


@pytest.fixture(scope="session")
def e2e_site(bundled_site: BuiltSite) -> BuiltSite:
    """The bundled corpus with the project's own analysis, built once (as `papersite build`)."""
    need_browser()
    return bundled_site


@dataclass(frozen=True)
class ServedSite:
    """The built site as the browser reaches it: its URL, and the Chromium flags that
    send its host name to the local server."""

    url: str
    chromium_args: tuple[str, ...]


@pytest.fixture(scope="session")
def served_site(e2e_site: BuiltSite) -> Iterator[ServedSite]:
    """The built site served on 127.0.0.1 at the path of its public address (as GitHub
    Pages serves a project site), opened under its public host name: Material's instant
    navigation follows only links whose host and port are the sitemap's, so a site
    opened as 127.0.0.1:port reloads on every click, as it never does when published."""
    public = urlsplit(e2e_site.config.site_url or "http://127.0.0.1/")
    with serve_folder(e2e_site.site, public.path) as local:
        if public.hostname == "127.0.0.1":
            yield ServedSite(local, ())
            return
        port = urlsplit(local).port
        url = f"http://{public.hostname}{public.path}"
        flags = (  # any other name or port resolves to nothing: no request leaves
            f"--host-resolver-rules=MAP {public.hostname}:80 127.0.0.1:{port},"
            " MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            # as on an https site: the clipboard and other secure-context APIs work
            f"--unsafely-treat-insecure-origin-as-secure=http://{public.hostname}",
        )
        yield ServedSite(url, flags)


@pytest.fixture(scope="session")
def base_url(served_site: ServedSite) -> str:
    """The site's URL in the browser, with a slash."""
    return served_site.url


@pytest.fixture(scope="session")
def browser(served_site: ServedSite) -> Iterator[Browser]:
    """Headless Chromium, launched once per test process (a launch costs about a second):
    every browser test opens its pages in it, as Playwright's sync API runs one instance
    at a time. Each module has its own context (_shared_page)."""
    need_browser()
    from playwright.sync_api import sync_playwright

    args = [*CHROMIUM_ARGS, *served_site.chromium_args]
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Tab:
    """A page as a fresh browser context gives it (its own, or the module's shared page made
    fresh: new_tab), with the console errors and requests it caused."""

    page: Page
    base_url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def goto(self, path: str) -> None:
        """Open a site-relative URL such as `papers/x/`."""
        self.page.goto(self.base_url + path, wait_until="load")

    def path(self, url: str) -> str:
        """The site-relative path of a URL on this site, with a leading slash
        (`/topics/x/`), wherever the site is served from."""
        site_path = urlsplit(self.base_url).path
        return "/" + urlsplit(url).path.removeprefix(site_path)

    def mark_document(self) -> None:
        """Mark the page's document: a page reached by Material's instant navigation keeps
        the mark, one the browser loads anew has none (same_document)."""
        self.page.evaluate("window.psSamePage = true")

    def same_document(self) -> bool:
        """Whether the document marked by mark_document is still the one shown."""
        return self.page.evaluate("window.psSamePage") is True

    def outside(self) -> list[str]:
        """Requested URLs that are not on the local server."""
        site = urlsplit(self.base_url)[:2]  # scheme and host with its port
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url)[:2] != site
        ]

    def assert_clean(self) -> None:
        """No console error or uncaught exception, and nothing fetched from elsewhere."""
        assert not self.errors, f"console errors on {self.page.url}: {self.errors}"
        assert not self.outside(), f"requests outside the local server: {self.outside()}"


NewTab = Callable[..., Tab]
DESKTOP = {"width": 1280, "height": 900}
TIMEOUT_MS = 10_000


def _record(context: BrowserContext, page: Page, tab: Callable[[], Tab | None]) -> None:
    """Send the page's console errors, uncaught exceptions and the context's requests to
    the tab `tab()` returns (none while it returns None)."""

    def on_console(message: ConsoleMessage) -> None:
        current = tab()
        if current is not None and message.type == "error":
            current.errors.append(f"{message.text} ({message.location.get('url', '')})")

    def on_error(error: Any) -> None:
        current = tab()
        if current is not None:
            current.errors.append(f"uncaught: {error}")

    def on_request(request: Request) -> None:
        current = tab()
        if current is not None:
            current.requests.append(request.url)

    page.on("console", on_console)
    page.on("pageerror", on_error)
    context.on("request", on_request)


@dataclass
class _SharedPage:
    """The page the module's tests take turns on, and the tab it records for."""

    page: Page
    cdp: CDPSession
    current: Tab | None = None


@pytest.fixture(scope="module")
def _shared_page(browser: Browser) -> Iterator[_SharedPage]:
    """One page for the module's tests: a new page costs Chromium about a second of CPU
    (a renderer process started and torn down), a new document in a page a fifth."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    shared = _SharedPage(page, context.new_cdp_session(page))
    _record(context, page, lambda: shared.current)
    yield shared
    context.close()


# Context options the shared page can take on; a tab with others gets its own context.
PAGE_OPTIONS = frozenset({"viewport", "color_scheme"})


@pytest.fixture
def new_tab(browser: Browser, base_url: str, _shared_page: _SharedPage) -> Iterator[NewTab]:
    """Open tabs, each as a fresh context gives it (keyword arguments as for
    Browser.new_context): the first with only a viewport and colour scheme is the
    module's shared page made fresh (_take_turn), the others get contexts of their own."""
    contexts = []

    def open_tab(**options: Any) -> Tab:
        if _shared_page.current is None and options.keys() <= PAGE_OPTIONS:
            return _take_turn(_shared_page, base_url, **options)
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        tab = Tab(page, base_url)
        _record(context, page, lambda: tab)
        return tab

    yield open_tab
    _shared_page.current = None
    for context in contexts:
        context.close()


def _take_turn(
    shared: _SharedPage,
    base_url: str,
    viewport: dict[str, int] = DESKTOP,
    color_scheme: str = "light",
) -> Tab:
    """The shared page as a fresh context would give it: blank, with no cookie, storage,
    cache, permission, route, other page, media emulation or pointer state left by the
    module's earlier tests. Its history stays (tests go back only to their own pages),
    as do init scripts and listeners a test adds itself (none does: give such a test a
    context of its own)."""
    page = shared.page
    for other in page.context.pages:
        if other is not page:  # opened by a link's target=_blank, say
            other.close()
    page.unroute_all(behavior="ignoreErrors")
    page.context.unroute_all(behavior="ignoreErrors")
    page.mouse.up()  # a test that failed mid-drag left the button down
    page.goto("about:blank")
    scheme, host = urlsplit(base_url)[:2]
    origin = f"{scheme}://{host}"
    shared.cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
    shared.cdp.send("Network.clearBrowserCache")
    page.context.clear_cookies()
    page.context.clear_permissions()
    page.set_viewport_size(viewport)
    page.emulate_media(
        media="null",
        color_scheme=color_scheme,
        reduced_motion="no-preference",
        forced_colors="none",
        contrast="no-preference",
    )
    page.mouse.move(0, 0)
    page.set_default_timeout(TIMEOUT_MS)
    shared.current = Tab(page, base_url)
    return shared.current


@pytest.fixture
def tab(new_tab: NewTab) -> Tab:
    """A desktop-sized tab."""
    return new_tab(viewport=DESKTOP)
