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
    from playwright.sync_api import Browser, ConsoleMessage, Page, Request

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


@pytest.fixture(scope="module")
def browser(served_site: ServedSite) -> Iterator[Browser]:
    """Headless Chromium, launched once per module.

    Not per session: Playwright's sync API cannot start while another instance runs, and
    other browser tests (tests/search) start their own.
    """
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
    """A page in its own browser context, with the console errors and requests it caused."""

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


@pytest.fixture
def new_tab(browser: Browser, base_url: str) -> Iterator[NewTab]:
    """Open tabs in fresh contexts (keyword arguments go to Browser.new_context)."""
    contexts = []

    def open_tab(**options: Any) -> Tab:
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        tab = Tab(page, base_url)

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                tab.errors.append(f"{message.text} ({message.location.get('url', '')})")

        def on_request(request: Request) -> None:
            tab.requests.append(request.url)

        page.on("console", on_console)
        page.on("pageerror", lambda error: tab.errors.append(f"uncaught: {error}"))
        context.on("request", on_request)
        return tab

    yield open_tab
    for context in contexts:
        context.close()


@pytest.fixture
def tab(new_tab: NewTab) -> Tab:
    """A desktop-sized tab."""
    return new_tab(viewport={"width": 1280, "height": 900})
