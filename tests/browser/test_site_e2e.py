"""End-to-end tests of the built bundled site in headless Chromium (issue 5).

The site is built once per session and served on 127.0.0.1 (see conftest.py). Every test
also checks that its pages logged no console error and fetched nothing from elsewhere.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sitebuild import REPO, BuiltSite  # on sys.path by conftest.py

if TYPE_CHECKING:
    from conftest import NewTab, Tab
    from playwright.sync_api import Page

CHROMIUM = Path("/usr/bin/chromium")  # as in conftest.py
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no {CHROMIUM}"),
]

QUERIES_FILE = REPO / "tests" / "fixtures" / "quality" / "search_queries.json"
RESIDUAL = "papers/deep-residual-learning-for-image-recognition/"
RESIDUAL_TITLE = "Deep Residual Learning for Image Recognition"

# The text of the page's h1 without Material's permalink (¶).
H1_JS = """() => {
  const h = document.querySelector("article h1");
  if (!h) return null;
  return Array.from(h.childNodes)
    .filter(n => !(n.nodeType === 1 && n.classList.contains("headerlink")))
    .map(n => n.textContent).join("").trim();
}"""


def h1_text(page: Page) -> str | None:
    """The page's h1 text, without the permalink."""
    text: str | None = page.evaluate(H1_JS)
    return text


def wait_for_h1(page: Page, title: str) -> None:
    """Wait until the page (reached by Material's instant navigation) has this h1."""
    page.wait_for_function(f"t => ({H1_JS})() === t", arg=title, timeout=10_000)


def search_cases() -> list[tuple[str, list[str] | None, str | None]]:
    """(query, expected titles, expected title start) of the Material search test."""
    pairs = json.loads(QUERIES_FILE.read_text(encoding="utf-8"))
    cases: list[tuple[str, list[str] | None, str | None]] = [
        (query, list(titles), None) for query, titles in pairs
    ]
    cases += [("nnunet", None, "nnU-Net"), ("frechet", None, "Fréchet")]
    return cases


def test_material_search_finds_and_opens_papers(tab: Tab) -> None:
    page = tab.page
    tab.goto("")
    box = page.locator(".md-search__input")
    failures = []
    for query, titles, start in search_cases():
        box.click()
        # fill sets the whole query at once (no results of a partial query can show up);
        # Material searches on keyup, hence the End key.
        box.fill(query)
        box.press("End")
        first_title = page.locator(".md-search-result__article h1").first
        first_title.wait_for(timeout=15_000)
        found = (first_title.text_content() or "").strip()
        if titles is not None and found not in titles:
            failures.append(f"{query!r}: first result {found!r}, expected one of {titles}")
        if start is not None and not found.startswith(start):
            failures.append(f"{query!r}: first result {found!r}, expected {start!r}...")
        page.locator(".md-search-result__link").first.click()
        wait_for_h1(page, found)
        assert "/papers/" in page.url, (query, page.url)
        # after the click Material closes the search and empties its result list
        page.locator(".md-search-result__item").first.wait_for(state="detached")
    assert not failures, "\n".join(failures)
    tab.assert_clean()


def test_related_paper_link_opens_that_paper(tab: Tab) -> None:
    page = tab.page
    tab.goto(RESIDUAL)
    links = page.locator(".ps-links h2#related-papers + ul a")
    assert links.count() >= 1
    for index in (0, links.count() - 1):
        link = links.nth(index)
        title = (link.text_content() or "").strip()
        link.click()
        wait_for_h1(page, title)
        assert re.search(r"/papers/[^/]+/$", page.url), page.url
        page.go_back()
        wait_for_h1(page, RESIDUAL_TITLE)
    tab.assert_clean()


def test_topic_tag_opens_topic_page_listing_the_paper(tab: Tab) -> None:
    page = tab.page
    tab.goto(RESIDUAL)
    tags = page.locator("article .md-tags a.md-tag")
    assert tags.count() >= 1
    label = (tags.first.text_content() or "").strip()
    tags.first.click()
    wait_for_h1(page, label)
    assert "/topics/" in page.url, page.url
    listed = page.locator(f'article a[href$="{RESIDUAL}"]')
    assert listed.count() >= 1, f"{page.url} does not list {RESIDUAL}"
    assert (listed.first.text_content() or "").strip() == RESIDUAL_TITLE
    tab.assert_clean()


def _status_count(page: Page) -> int:
    status = page.locator(".ps-finder__status").text_content() or ""
    match = re.match(r"(\d+) papers? match", status)
    assert match, status
    return int(match.group(1))


def _metas(page: Page) -> list[list[str]]:
    texts = page.locator(".ps-finder__result .ps-finder__meta").all_text_contents()
    return [text.split(" · ") for text in texts]


def test_finder_searches_narrows_and_opens_a_paper(tab: Tab) -> None:
    page = tab.page
    tab.goto("finder/")
    page.wait_for_selector(".ps-finder[data-ready=ready]", timeout=15_000)
    results = page.locator(".ps-finder__result")
    page.fill(".ps-finder__query", "segmentation")
    results.first.wait_for()
    everything = _status_count(page)
    assert everything >= 2

    # the year and a topic of the best dated result with a topic: it stays in the list
    topics = dict(
        page.locator(".ps-finder__topic option").evaluate_all(
            "os => os.filter(o => o.value).map(o => [o.textContent, o.value])"
        )
    )
    year, label = next(
        (meta[0], part)
        for meta in _metas(page)
        for part in meta[1:]
        if re.fullmatch(r"\d{4}", meta[0]) and part in topics
    )

    page.select_option(".ps-finder__topic", topics[label])
    results.first.wait_for()
    in_topic = _status_count(page)
    assert in_topic <= everything
    assert all(label in meta for meta in _metas(page)), _metas(page)
    assert results.count() == len(_metas(page))

    page.select_option(".ps-finder__year", year)
    results.first.wait_for()
    in_year = _status_count(page)
    assert in_year <= in_topic
    metas = _metas(page)
    assert len(metas) == results.count() == min(in_year, 50)
    assert all(label in meta and meta[0] == year for meta in metas), metas

    link = page.locator(".ps-finder__result a.ps-finder__title").first
    title = (link.text_content() or "").strip()
    link.click()
    wait_for_h1(page, title)
    assert "/papers/" in page.url, page.url
    tab.assert_clean()


def _math_page(site: BuiltSite) -> str:
    for index in sorted((site.site / "papers").glob("*/index.html")):
        if 'class="ps-math"' in index.read_text(encoding="utf-8"):
            return f"papers/{index.parent.name}/"
    pytest.fail("no paper page of the bundled site has math")


def test_math_is_typeset_by_bundled_katex(tab: Tab, e2e_site: BuiltSite) -> None:
    page = tab.page
    tab.goto(_math_page(e2e_site))
    page.wait_for_selector(".ps-math .katex", timeout=10_000)
    page.wait_for_function(
        "() => document.querySelectorAll('.ps-math[data-tex]:not([data-typeset])').length === 0"
    )
    assert page.locator(".ps-math .katex").count() >= 1
    assert page.evaluate("typeof window.katex") == "object"
    katex = [url for url in tab.requests if Path(url.split("?")[0]).name == "katex.min.js"]
    assert katex and all(url.startswith(tab.base_url) for url in katex), katex
    tab.assert_clean()


def test_home_fits_a_phone_in_dark_scheme(new_tab: NewTab) -> None:
    tab = new_tab(
        viewport={"width": 390, "height": 844},
        color_scheme="dark",
        is_mobile=True,
        has_touch=True,
    )
    page = tab.page
    tab.goto("")
    page.wait_for_selector("article h1")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == "slate"
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 390 + 1, f"home page is {width}px wide on a 390px phone"
    tab.assert_clean()
