"""End-to-end tests of the built bundled site in headless Chromium (issue 5).

The site is built once per session and served on 127.0.0.1 (see conftest.py). Every test
also checks that its pages logged no console error and fetched nothing from elsewhere.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

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


class SiteSearch:
    """The header search of the site under test: Material's, or Pagefind's in a dialog."""

    def __init__(self, page: Page, backend: str) -> None:
        self.page = page
        self.pagefind = backend == "pagefind"
        if self.pagefind:
            self.input = page.locator(".ps-search-dialog .pagefind-ui__search-input")
            self.titles = self.links = page.locator(".ps-search-dialog .pagefind-ui__result-link")
        else:
            self.input = page.locator(".md-search__input")
            self.titles = page.locator(".md-search-result__article h1")
            self.links = page.locator(".md-search-result__link")

    def first_result(self, query: str) -> str:
        """Type `query` into the search box; the title of the first result."""
        if self.pagefind:
            self.page.locator("[data-ps-search-open]").click()
        else:
            self.input.click()
        # fill sets the whole query at once (no results of a partial query can show up);
        # Material searches on keyup, hence the End key.
        self.input.fill(query)
        self.input.press("End")
        if self.pagefind:  # results of this query, not of the one before
            self.page.wait_for_function(PAGEFIND_SHOWS_JS, arg=query, timeout=15_000)
        first = self.titles.first
        first.wait_for(timeout=15_000)
        return (first.text_content() or "").strip()

    def open_first(self) -> None:
        """Click the first result; the search closes."""
        self.links.first.click()
        if self.pagefind:
            self.page.locator(".ps-search-dialog[open]").wait_for(state="detached")
        else:  # Material closes the search and empties its result list
            self.page.locator(".md-search-result__item").first.wait_for(state="detached")


PAGEFIND_SHOWS_JS = """q => {
  const box = document.querySelector(".ps-search-dialog");
  const message = box && box.querySelector(".pagefind-ui__message");
  return !!message && message.textContent.includes(q)
    && !!box.querySelector(".pagefind-ui__result-link");
}"""


def test_site_search_finds_and_opens_papers(tab: Tab, backend: str) -> None:
    page = tab.page
    tab.goto("")
    search = SiteSearch(page, backend)
    failures = []
    for query, titles, start in search_cases():
        found = search.first_result(query)
        if titles is not None and found not in titles:
            failures.append(f"{query!r}: first result {found!r}, expected one of {titles}")
        if start is not None and not found.startswith(start):
            failures.append(f"{query!r}: first result {found!r}, expected {start!r}...")
        search.open_first()
        wait_for_h1(page, found)
        assert "/papers/" in page.url, (query, page.url)
    assert not failures, "\n".join(failures)
    tab.assert_clean()


def test_search_downloads_only_its_own_files(tab: Tab, backend: str) -> None:
    """The search engine's files come from the site; the other engine's are never loaded."""
    tab.goto("")
    SiteSearch(tab.page, backend).first_result("optimal transport")
    paths = [urlsplit(url).path for url in tab.requests]
    pagefind = [p for p in paths if p.startswith("/pagefind/")]
    material = [p for p in paths if p.startswith("/search/")]
    if backend == "pagefind":
        assert "/pagefind/pagefind-ui.js" in pagefind and not material, paths
        assert any(p.endswith(".pf_fragment") for p in pagefind), pagefind
    else:
        assert "/search/search_index.json" in material and not pagefind, paths
    tab.assert_clean()


def test_related_paper_link_opens_that_paper(tab: Tab) -> None:
    page = tab.page
    tab.goto(RESIDUAL)
    links = page.locator("h2#related-papers + ul a")
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


def test_finder_searches_narrows_and_opens_a_paper(tab: Tab, backend: str) -> None:
    if backend == "pagefind":
        pytest.skip("the Paper finder runs on Pagefind here: test_pagefind_finder_...")
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


FINDER_SHOWS_JS = """([q, n]) => {
  const message = document.querySelector(".ps-pagefind--finder .pagefind-ui__message");
  const text = message ? message.textContent.trim() : "";
  const count = text.match(/^(\\d+) results? for/);
  return !!count && text.includes(q) && (n === null || Number(count[1]) !== n);
}"""


def _finder_count(page: Page, query: str, before: int | None = None) -> int:
    """Wait until the Pagefind finder shows results of `query` (a count other than
    `before`, after a filter changed); that count."""
    page.wait_for_function(FINDER_SHOWS_JS, arg=[query, before], timeout=15_000)
    text = page.locator(".ps-pagefind--finder .pagefind-ui__message").text_content() or ""
    match = re.match(r"(\d+) results? for", text.strip())
    assert match, text
    return int(match.group(1))


HAS_PAPERS_JS = """s => [...document.querySelectorAll(s)]
  .some(label => /\\(0*[1-9]\\d*\\)$/.test(label.textContent.trim()))"""


def _pick_filter(page: Page, name: str, below: int) -> tuple[str, int]:
    """Open a filter group and tick its value of most papers (fewer than `below`)."""
    # Pagefind loads the filters beside the first search: as long to wait as for results
    page.locator(".pagefind-ui__filter-name", has_text=name).click(timeout=15_000)
    selector = f'.pagefind-ui__filter-label[for^="{name.lower()}-"]'
    # the counts follow the results: wait until a value has papers
    page.wait_for_function(HAS_PAPERS_JS, arg=selector, timeout=15_000)
    labels = page.locator(selector)
    counts = []
    for text in labels.all_text_contents():
        match = re.fullmatch(r"(.+) \((\d+)\)", text.strip())
        if match and 0 < int(match.group(2)) < below:
            counts.append((int(match.group(2)), match.group(1)))
    assert counts, labels.all_text_contents()
    count, value = max(counts)
    page.locator(f'.pagefind-ui__filter-checkbox[name="{name.lower()}"][value="{value}"]').check()
    return value, count


def test_pagefind_finder_filters_by_topic_and_year_and_opens_a_paper(
    tab: Tab, backend: str
) -> None:
    if backend != "pagefind":
        pytest.skip("the Paper finder runs on lunr.js here: test_finder_searches_...")
    page = tab.page
    tab.goto("finder/?q=segmentation")
    everything = _finder_count(page, "segmentation")
    assert everything >= 2

    # (many papers have no date: the year first, then a topic of the dated results)
    year, in_that_year = _pick_filter(page, "Year", everything)
    in_year = _finder_count(page, "segmentation", everything)
    assert 0 < in_year < everything and in_year <= in_that_year

    label, with_label = _pick_filter(page, "Topic", in_year)
    in_topic = _finder_count(page, "segmentation", in_year)
    assert 0 < in_topic < in_year and in_topic <= with_label

    link = page.locator(".ps-pagefind--finder .pagefind-ui__result-link").first
    title = (link.text_content() or "").strip()
    link.click()
    wait_for_h1(page, title)
    assert "/papers/" in page.url, page.url
    tags = [t.strip() for t in page.locator("article .md-tags a.md-tag").all_text_contents()]
    assert label in tags, (label, tags)
    assert year in (page.locator(".ps-facts").text_content() or ""), year
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
