"""The corpus map and the paper graphs of the built bundled site, in headless Chromium.

The site is built once per session and served on 127.0.0.1 (see conftest.py). Every test
also checks that its pages logged no console error and fetched nothing from elsewhere.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any

import pytest
from browser_support import wait_for_h1
from sitebuild import BuiltSite

if TYPE_CHECKING:
    from conftest import NewTab, Tab
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

RESIDUAL = "papers/deep-residual-learning-for-image-recognition/"
READY = ".ps-map[data-ready=ready]"
# Pixels of the canvas that are clearly coloured (not grey, not blank).
COLOURED_PIXELS_JS = """() => {
  const c = document.querySelector(".ps-map__canvas");
  const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) {
    const [r, g, b, a] = [d[i], d[i + 1], d[i + 2], d[i + 3]];
    if (a > 200 && Math.abs(r - g) + Math.abs(g - b) + Math.abs(r - b) > 90) n++;
  }
  return n;
}"""
# The page's h1 text without Material's permalink.


def _points(site: BuiltSite) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (site.site / "assets" / "map" / "points.json").read_text(encoding="utf-8")
    )
    return data


def _isolated(data: dict[str, Any], count: int = 20) -> list[int]:
    """Indices of the points farthest from their nearest neighbour, most isolated first."""
    xs, ys = data["x"], data["y"]

    def gap(i: int) -> float:
        return min(math.hypot(xs[i] - xs[j], ys[i] - ys[j]) for j in range(len(xs)) if j != i)

    return sorted(range(len(xs)), key=lambda i: (-gap(i), i))[:count]


def _client_point(page: Page, data: dict[str, Any]) -> tuple[int, list[float]]:
    """An isolated point that is not under the zoom buttons, and where it is on screen."""
    for index in _isolated(data):
        where = page.evaluate("i => window.papersiteMap.clientPoint(i)", index)
        on_canvas = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y)?.classList.contains('ps-map__canvas')",
            where,
        )
        if on_canvas:
            return index, where
    pytest.fail("no isolated point is clickable")


def test_map_draws_every_paper(tab: Tab, e2e_site: BuiltSite) -> None:
    page = tab.page
    tab.goto("map/")
    page.wait_for_selector(READY)
    data = _points(e2e_site)
    assert len(data["x"]) == len(e2e_site.corpus.papers) > 100
    assert page.get_attribute(".ps-map", "data-points") == str(len(e2e_site.corpus.papers))
    assert page.evaluate(COLOURED_PIXELS_JS) > 1000
    status = page.locator(".ps-map > .ps-map__status").text_content() or ""
    assert status.startswith(f"{len(data['x'])} papers in {len(data['topics'])} topics")
    assert page.locator(".ps-map__topic").count() == len(data["topics"])
    tab.assert_clean()


def test_hover_shows_the_title_and_click_opens_the_paper(tab: Tab, e2e_site: BuiltSite) -> None:
    page = tab.page
    tab.goto("map/")
    page.wait_for_selector(READY)
    data = _points(e2e_site)
    index, (x, y) = _client_point(page, data)
    page.mouse.move(x, y)
    tip = page.locator(".ps-map__tip")
    tip.wait_for(state="visible")
    assert tip.text_content() == data["title"][index]
    page.mouse.click(x, y)
    wait_for_h1(page, data["title"][index])
    assert page.url == tab.base_url + data["url"][index]
    page.go_back()  # the map is set up again on the page Material restores
    page.wait_for_selector(READY)
    assert page.get_attribute(".ps-map", "data-points") == str(len(data["x"]))
    tab.assert_clean()


def test_legend_highlights_a_topic(tab: Tab, e2e_site: BuiltSite) -> None:
    page = tab.page
    tab.goto("map/")
    page.wait_for_selector(READY)
    data = _points(e2e_site)
    before = page.evaluate(COLOURED_PIXELS_JS)
    topic = max(data["topics"], key=lambda t: len(t["papers"]))
    button = page.locator(f'.ps-map__topic[data-topic="{topic["slug"]}"]')
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert page.get_attribute(".ps-map", "data-highlight") == topic["slug"]
    assert page.evaluate("location.hash") == f"#topic={topic['slug']}"
    page.wait_for_timeout(100)  # drawn on the next animation frame
    lit = page.evaluate(COLOURED_PIXELS_JS)
    assert 0 < lit < before / 2, (lit, before)
    status = page.locator(".ps-map > .ps-map__status")
    assert f"Highlighted: {topic['label']} ({len(topic['papers'])} papers)" in (
        status.text_content() or ""
    )
    button.click()  # a second click shows every topic again
    assert page.get_attribute(".ps-map", "data-highlight") == ""
    assert page.evaluate("location.hash") == ""
    tab.assert_clean()


def test_show_on_map_from_a_topic_page_highlights_it(tab: Tab, e2e_site: BuiltSite) -> None:
    page = tab.page
    topic = _points(e2e_site)["topics"][-1]
    tab.goto(topic["url"])
    link = page.locator("article a.ps-map-link")
    assert link.text_content() == "Show on map"
    link.click()  # Material's instant navigation: the map script runs on the new page
    page.wait_for_selector(READY)
    assert page.url == f"{tab.base_url}map/#topic={topic['slug']}"
    assert page.get_attribute(".ps-map", "data-highlight") == topic["slug"]
    pressed = page.locator('.ps-map__topic[aria-pressed="true"]')
    assert pressed.count() == 1
    assert pressed.get_attribute("data-topic") == topic["slug"]
    tab.assert_clean()


def test_paper_graph_links_open_related_papers(tab: Tab) -> None:
    page = tab.page
    tab.goto(RESIDUAL)
    nodes = page.locator("article svg.ps-graph a.ps-graph__node")
    related = page.locator("h2#related-papers + ul > li a")
    assert nodes.count() == related.count() >= 2
    titles = [t.strip() for t in related.all_text_contents()]
    for index in (0, nodes.count() - 1):
        title = nodes.nth(index).locator("title").text_content()
        assert title == titles[index]
        nodes.nth(index).locator("circle").click()
        wait_for_h1(page, title)
        assert "/papers/" in page.url
        page.go_back()
        page.wait_for_selector("article svg.ps-graph")
    tab.assert_clean()


def test_map_on_a_phone_in_dark_scheme(new_tab: NewTab, e2e_site: BuiltSite) -> None:
    tab = new_tab(
        viewport={"width": 375, "height": 800},
        color_scheme="dark",
        is_mobile=True,
        has_touch=True,
    )
    page = tab.page
    tab.goto("map/")
    page.wait_for_selector(READY)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 375 + 1, f"map page is {width}px wide on a 375px phone"
    assert page.evaluate(COLOURED_PIXELS_JS) > 500
    data = _points(e2e_site)
    index, (x, y) = _client_point(page, data)
    page.touchscreen.tap(x, y)  # the first tap shows the title
    tip = page.locator(".ps-map__tip")
    tip.wait_for(state="visible")
    assert (tip.text_content() or "").startswith(data["title"][index])
    page.touchscreen.tap(x, y)  # the second opens the paper
    wait_for_h1(page, data["title"][index])
    tab.assert_clean()


def test_map_without_javascript_says_what_it_is(new_tab: NewTab) -> None:
    tab = new_tab(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = tab.page
    tab.goto("map/")
    note = page.locator(".ps-map noscript, .ps-map p:has-text('turned off')").last
    assert "drawn by JavaScript" in (note.text_content() or "")
    link = page.get_by_role("link", name="the topics")
    assert link.get_attribute("href") == "../topics/"
    tab.assert_clean()


def test_map_redraws_in_the_other_colour_scheme(tab: Tab) -> None:
    page = tab.page
    tab.goto("map/")
    page.wait_for_selector(READY)
    pixels = "() => document.querySelector('.ps-map__canvas').toDataURL()"
    light = page.evaluate(pixels)
    swatch = page.locator(".ps-map__swatch").first
    light_swatch = swatch.evaluate("s => s.style.background")
    page.locator("label.md-header__button[title='Switch to dark mode']").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    page.wait_for_function(f"light => ({pixels})() !== light", arg=light)
    assert swatch.evaluate("s => s.style.background") != light_swatch  # the legend follows
    tab.assert_clean()


def test_the_map_keeps_its_style_when_only_the_fragment_is_edited(tab: Tab) -> None:
    """Editing the address's #topic= or #paper= is a navigation for Material, which
    swaps the head: the map's stylesheet, added by papersite.js, must come back."""
    page = tab.page
    tab.goto("map/")
    page.wait_for_selector(READY)
    height = page.evaluate("document.querySelector('.ps-map').offsetHeight")
    page.evaluate("location.hash = '#topic=' + 'nothing-such'")
    page.goto(page.url.split("#")[0] + "#paper=nothing-such")
    page.wait_for_selector(READY)
    page.wait_for_function(
        "h => document.querySelector('.ps-map').offsetHeight <= h + 2", arg=height
    )
    assert page.locator("link[href*='stylesheets/map']").count() >= 1
    tab.assert_clean()
