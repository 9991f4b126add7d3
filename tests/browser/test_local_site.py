"""A site built without `site_url`, as one browsed locally is (a folder served as it is):
Material's instant navigation is off there, so every link loads its page; links, the
header search and its results work all the same, with no console error.

The other browser tests open the bundled site under its public address (conftest.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from browser_support import SEARCH_DONE_JS, h1_text, serve_folder
from sitebuild import FIXTURE_TITLES, BuiltSite

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

TOPIC_PAGE = re.compile(r"/topics/[^/]+/$")


def test_links_and_the_search_work_without_a_site_url(
    fixture_site: BuiltSite, browser: Browser
) -> None:
    assert not fixture_site.config.site_url
    with serve_folder(fixture_site.site) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            _browse(context.new_page(), url)
        finally:  # (the browser serves the other tests of this process)
            context.close()


def _browse(page: Page, url: str) -> None:
    """Open the home page at `url`, a topic by its link, a paper by the header search."""
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    page.goto(url, wait_until="load")
    hrefs = page.locator("article a").evaluate_all("all => all.map(a => a.href)")
    index = next(i for i, href in enumerate(hrefs) if TOPIC_PAGE.search(href))
    topic = page.locator("article a").nth(index)
    name = topic.inner_text().strip()
    assert name
    page.evaluate("window.psSamePage = true")
    topic.click()
    page.wait_for_url(TOPIC_PAGE)
    assert name in (h1_text(page) or "")
    assert page.evaluate("window.psSamePage") is None  # loaded anew: no instant navigation
    page.keyboard.press("/")
    page.locator("[data-ps-search-input]").press_sequentially("rank pruning", delay=5)
    page.wait_for_function(SEARCH_DONE_JS, arg="rank pruning")
    results = page.locator(".ps-search__result")
    paper = results.filter(has_not=page.locator(".ps-search__link--topic")).first
    assert FIXTURE_TITLES["trained"] in paper.locator(".ps-search__title").inner_text()
    paper.locator(".ps-search__link").first.click()
    page.wait_for_url(re.compile(r"/papers/[^/]+/$"))
    assert FIXTURE_TITLES["trained"] in (h1_text(page) or "")
    assert errors == []
