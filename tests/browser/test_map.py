"""The corpus map and the paper graphs of the built bundled site, in headless Chromium.

The site is built once per session and served locally under its public address (see
conftest.py). Every test also checks that its pages logged no console error and fetched
nothing from elsewhere.
"""

from __future__ import annotations

import json
import math
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from browser_support import h1_text, wait_for_h1
from sitebuild import BuiltSite

if TYPE_CHECKING:
    from conftest import NewTab, Tab
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

RESIDUAL = "papers/deep-residual-learning-for-image-recognition/"
U2NET = "papers/u-2-net-going-deeper-with-nested-u-structure-for-salient-object-detection/"
READY = ".ps-map[data-ready=ready]"
PAD = 12  # map.js: CSS pixels around the points
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


# Where each of the first n papers is in the page (client coordinates), in one call.
CLIENT_POINTS_JS = "n => Array.from({length: n}, (_, i) => window.papersiteMap.clientPoint(i))"


def _open_map(tab: Tab, fragment: str = "") -> Page:
    """Open the map page (with an address #fragment) and wait until it is drawn."""
    tab.goto("map/" + fragment)
    tab.page.wait_for_selector(READY)
    return tab.page


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
    """An isolated point that is not under the zoom buttons nor a topic's label (a tap
    there picks the topic), and where it is on screen."""
    labels = page.evaluate("() => window.papersiteMap.labels()")
    for index in _isolated(data):
        where = page.evaluate("i => window.papersiteMap.clientPoint(i)", index)
        on_canvas = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y)?.classList.contains('ps-map__canvas')",
            where,
        )
        under_label = any(
            left - 4 <= where[0] <= right + 4 and top - 4 <= where[1] <= bottom + 4
            for left, top, right, bottom in (label["box"] for label in labels)
        )
        if on_canvas and not under_label:
            return index, where
    pytest.fail("no isolated point is clickable")


def test_map_draws_every_paper(tab: Tab, e2e_site: BuiltSite) -> None:
    page = _open_map(tab)
    data = _points(e2e_site)
    assert len(data["x"]) == len(e2e_site.corpus.papers) > 100
    assert page.get_attribute(".ps-map", "data-points") == str(len(e2e_site.corpus.papers))
    assert page.evaluate(COLOURED_PIXELS_JS) > 1000
    status = page.locator(".ps-map > .ps-map__status").text_content() or ""
    # "Other" is no topic, and "More topics" (data["loose"]) is no area: the counts the
    # home page and the topics index give.
    topics = sum(t["colour"] >= 0 for t in data["topics"])
    areas = len(data["areas"]) - (data["loose"] >= 0)
    assert status == f"{len(data['x'])} papers in {topics} topics and {areas} areas."
    # The legend lists areas, some named by their largest topic: says so, and the
    # topics each holds ("Activation functions" 43, its topic of that name 27).
    head = page.locator(".ps-map__legend-head").text_content() or ""
    assert head == "Areas"
    first = page.locator(".ps-map__area").first
    held = first.get_attribute("title") or ""
    count = first.locator(".ps-map__count").text_content()
    assert re.fullmatch(rf"{count} papers? in \d+ topics?", held), held
    assert page.locator(".ps-map__topic").count() == len(data["topics"])
    tab.assert_clean()


def _hover_a_paper(tab: Tab, data: dict[str, Any]) -> tuple[Page, int, float, float]:
    """The map opened and an isolated paper hovered until its tip shows: the page, the
    paper's index and where it is on screen."""
    page = _open_map(tab)
    index, (x, y) = _client_point(page, data)
    page.mouse.move(x, y)
    page.locator(".ps-map__tip").wait_for(state="visible")
    return page, index, x, y


def _tip_labels(data: dict[str, Any], index: int) -> list[str]:
    """The labels of every topic of a paper, its own (colour) topic first."""
    own = data["topic"][index]
    others = [t for t, topic in enumerate(data["topics"]) if index in topic["papers"] and t != own]
    return [data["topics"][t]["label"] for t in [own, *others]]


def _names(text: str, phrase: str) -> bool:
    """Whether `text` holds the words of `phrase` in a row, case aside."""
    words, part = re.findall(r"\w+", text.lower()), re.findall(r"\w+", phrase.lower())
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _tip_topic(data: dict[str, Any], index: int) -> str:
    """The topic line of a paper's tip: its topics, and its area when that says more
    (not "More topics", not an area named after a topic listed)."""
    labels = _tip_labels(data, index)
    topic = data["topics"][data["topic"][index]]
    area = data["areas"][topic["area"]]
    if topic["area"] == data["loose"] or any(_names(area, x) for x in labels):
        return ", ".join(labels)
    return f"{', '.join(labels)} · {area}"


def test_a_tip_names_every_topic_and_the_area_only_when_it_says_more(
    tab: Tab, e2e_site: BuiltSite
) -> None:
    """Tips said "Optimal transport · More topics", "Pruning · Pruning" and "Image
    classification · Image classification and ResNets", and named one topic of two."""
    page = _open_map(tab)
    data = _points(e2e_site)
    kinds: dict[str, int] = {}
    places = page.evaluate(CLIENT_POINTS_JS, len(data["x"]))  # one round trip
    for index in _isolated(data, len(data["x"])):
        t = data["topic"][index]
        if t < 0:
            continue
        topic = data["topics"][t]
        area = data["areas"][topic["area"]].lower()
        labels = _tip_labels(data, index)
        kind = (
            "loose"
            if topic["area"] == data["loose"]
            else "named"
            if any(_names(area, label) for label in labels)
            else "area"
        )
        where = places[index]
        for found in (kind, "several" if len(labels) > 1 else ""):
            if (
                found
                and found not in kinds
                and page.evaluate("([x, y]) => window.papersiteMap.hitTest(x, y)", where) == index
            ):
                kinds[found] = index
    assert set(kinds) == {"loose", "named", "area", "several"}, kinds
    names = "([text, phrase]) => window.papersiteMap.namesPhrase(text, phrase)"
    assert not page.evaluate(names, ["Organs and imaging", "GAN"])  # a word, not letters
    assert page.evaluate(names, ["Image classification and ResNets", "ResNets"])
    for kind, index in kinds.items():
        page.mouse.move(*page.evaluate("i => window.papersiteMap.clientPoint(i)", index))
        tip = page.locator(".ps-map__tip-topic")
        tip.wait_for()
        assert tip.text_content() == _tip_topic(data, index), kind
        if kind != "several":
            assert ("·" in (tip.text_content() or "")) == (kind == "area")
    tab.assert_clean()


def test_hover_shows_the_title_and_click_opens_the_paper(tab: Tab, e2e_site: BuiltSite) -> None:
    data = _points(e2e_site)
    page, index, x, y = _hover_a_paper(tab, data)
    tip = page.locator(".ps-map__tip")
    assert tip.locator(".ps-map__tip-title").text_content() == data["title"][index]
    assert tip.locator(".ps-map__tip-topic").text_content() == _tip_topic(data, index)
    page.mouse.click(x, y)
    wait_for_h1(page, data["title"][index])
    assert page.url == tab.base_url + data["url"][index]
    page.go_back()  # the map is set up again on the page Material restores
    page.wait_for_selector(READY)
    assert page.get_attribute(".ps-map", "data-points") == str(len(data["x"]))
    tab.assert_clean()


def test_legend_highlights_a_topic(tab: Tab, e2e_site: BuiltSite) -> None:
    page = _open_map(tab)
    data = _points(e2e_site)
    before = page.evaluate(COLOURED_PIXELS_JS)
    topic = max(data["topics"], key=lambda t: len(t["papers"]))
    button = page.locator(f'.ps-map__topic[data-topic="{topic["slug"]}"]')
    assert not button.is_visible()  # a topic shows under its area, once the area is picked
    page.locator(f'.ps-map__area[data-area="{topic["area"]}"]').click()
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


IN_VIEW_JS = """(papers) => { const header = document.querySelector(".md-header")
    .getBoundingClientRect().bottom;
  return papers.filter((i) => { const [x, y] = window.papersiteMap.clientPoint(i);
    return !(x >= 0 && x <= innerWidth && y >= header && y <= innerHeight); }).length; }"""


def test_show_on_map_from_a_topic_page_highlights_it_and_shows_its_papers(
    new_tab: NewTab, e2e_site: BuiltSite
) -> None:
    """On a phone the map began below the first screen and nothing seemed to happen; the
    topic is also zoomed to (a few points in a corner before)."""
    tab = new_tab(viewport={"width": 390, "height": 844})
    page = tab.page
    data = _points(e2e_site)
    topic = max(data["topics"][:-1], key=lambda t: (len(t["papers"]), t["slug"]))
    tab.goto(topic["url"])
    link = page.locator("article a.ps-map-link")
    assert link.text_content() == "Show on map"
    tab.mark_document()
    link.click()  # Material's instant navigation: the map script runs on the new page
    page.wait_for_selector(READY)
    assert tab.same_document(), "not opened by instant navigation"
    assert page.url == f"{tab.base_url}map/#topic={topic['slug']}"
    assert page.get_attribute(".ps-map", "data-highlight") == topic["slug"]
    pressed = page.locator('.ps-map__topic[aria-pressed="true"]')
    assert pressed.count() == 1
    assert pressed.get_attribute("data-topic") == topic["slug"]
    assert page.evaluate(IN_VIEW_JS, topic["papers"]) == 0
    assert page.evaluate("window.papersiteMap.zoom()") > 1
    tab.assert_clean()


NEXT_FRAME_JS = "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"
# Papers (their marks, 3 px around the centre) under or touching a label's box, moved up
# by `shift`.
HIDDEN_JS = """([papers, box, shift]) => papers.filter((i) => {
  const [x, y] = window.papersiteMap.clientPoint(i);
  return box[0] - 3 <= x && x <= box[2] + 3 && box[1] - 3 - shift <= y
    && y <= box[3] + 3 - shift; }).length"""


@pytest.mark.parametrize("size", [(390, 844), (1280, 900)], ids=["phone", "desktop"])
def test_a_highlighted_topic_shows_its_papers_beside_its_label_and_the_buttons(
    new_tab: NewTab, e2e_site: BuiltSite, size: tuple[int, int]
) -> None:
    """Shown from its page, a small topic's label covered the very papers it names, and
    a paper could sit under the zoom buttons (or, on a wide screen, the legend floating
    over the map's left)."""
    tab = new_tab(viewport={"width": size[0], "height": size[1]})
    page = _open_map(tab)
    floating = page.evaluate(
        "getComputedStyle(document.querySelector('.ps-map__legend')).position === 'absolute'"
    )
    assert floating == (size[0] > 1000)
    hidden = unmoved = zoomed = 0
    for topic in _points(e2e_site)["topics"][:-1]:  # "Other" has no label
        page.evaluate("slug => { location.hash = '#topic=' + slug; }", topic["slug"])
        page.wait_for_function(
            "s => document.querySelector('.ps-map').dataset.highlight === s", arg=topic["slug"]
        )
        page.evaluate(NEXT_FRAME_JS)  # drawn in the new view
        labels = page.evaluate("window.papersiteMap.labels()")
        if not labels:  # its papers under the legend: no label (zoomed, none is)
            assert page.evaluate("window.papersiteMap.zoom()") == 1, topic["slug"]
            continue
        label = labels[0]
        assert label["slug"] == topic["slug"]
        # Where they are now, in the same client coordinates as the points and labels.
        buttons = page.locator(".ps-map__zoom").bounding_box()
        legend = page.locator(".ps-map__legend").bounding_box()
        assert buttons and legend
        covers = [buttons, legend] if floating else [buttons]
        corners = [legend["x"], legend["y"], legend["x"] + legend["width"]]
        corners.append(legend["y"] + legend["height"])
        assert not (floating and _overlap(label["box"], corners)), topic["slug"]
        here = page.evaluate(HIDDEN_JS, [topic["papers"], label["box"], 0])
        before = page.evaluate(HIDDEN_JS, [topic["papers"], label["box"], label["shift"]])
        assert here <= before, (topic["slug"], here, before)
        hidden, unmoved = hidden + here, unmoved + before
        if page.evaluate("window.papersiteMap.zoom()") == 1:
            continue  # spread over the whole map: shown whole, as every paper is
        points = page.evaluate(  # one round trip for the topic's papers
            "ps => ps.map(i => window.papersiteMap.clientPoint(i))", topic["papers"]
        )
        under = [
            i
            for i, point in zip(topic["papers"], points, strict=True)
            if any(_inside(point, cover) for cover in covers)
        ]
        assert not under, (topic["slug"], under)
        zoomed += 1
    assert zoomed >= 10
    assert hidden < unmoved / 2, (hidden, unmoved)
    tab.assert_clean()


def _inside(point: list[float], box: Any) -> bool:
    x, y = point
    return bool(
        box["x"] <= x <= box["x"] + box["width"] and box["y"] <= y <= box["y"] + box["height"]
    )


def test_paper_graph_links_open_related_papers(tab: Tab) -> None:
    page = tab.page
    tab.goto(RESIDUAL)
    page.wait_for_selector("article svg.ps-graph")  # drawn by graph.js, after the load
    own_title = h1_text(page) or ""
    nodes = page.locator("article svg.ps-graph a.ps-graph__node")
    related = page.locator("h2#related-papers + ul > li a")
    assert nodes.count() == related.count() >= 2
    titles = [t.strip() for t in related.all_text_contents()]
    # graph.js drew it from the page's layout: every line under every label, dots on top
    order = page.eval_on_selector(
        "article svg.ps-graph",
        "svg => [...svg.querySelectorAll('line, text, circle')].map(e => e.tagName)",
    )
    assert order.count("line") >= nodes.count() and order.count("circle") == nodes.count() + 1
    assert len(order) - order[::-1].index("line") <= order.index("text")
    assert page.locator(".ps-graph-figure").is_visible()
    # the picture (role img) repeats the list's links: a keyboard passes over it
    assert nodes.evaluate_all("ns => ns.map(n => n.tabIndex)") == [-1] * nodes.count()
    for index in (0, nodes.count() - 1):
        title = nodes.nth(index).locator("title").text_content()
        assert title == titles[index]
        tab.mark_document()
        nodes.nth(index).locator("circle").click()
        wait_for_h1(page, title)
        assert "/papers/" in page.url
        assert tab.same_document(), "not opened by instant navigation"
        page.go_back()
        wait_for_h1(page, own_title)  # not the related paper's graph, still shown a moment
        page.wait_for_selector("article svg.ps-graph")
    tab.assert_clean()


def test_a_map_left_while_its_style_loads_draws_when_opened_again(tab: Tab) -> None:
    """Material's instant navigation removes a style still loading when the reader moves
    on; it never finished, and the map stayed blank until the page was reloaded."""
    page = tab.page
    held: list[Any] = []  # the first request for the map's style, answered late

    def hold_the_first(route: Any) -> None:
        if held:
            route.continue_()
        else:
            held.append(route)

    page.route(re.compile(r"/map\.css(\?|$)"), hold_the_first)  # with the version mark
    tab.goto("topics/")
    page.locator(".md-sidebar--primary a", has_text="Map").first.click()
    page.wait_for_function("() => !!document.querySelector('.ps-map')")
    for _ in range(100):  # the request reaches the route a moment after the page
        if held:
            break
        page.wait_for_timeout(50)
    assert held  # asked for, still loading
    page.locator(".md-sidebar--primary a", has_text="Topics").first.click()
    wait_for_h1(page, "Topics")
    held[0].continue_()  # too late: its link left the page with the map
    page.locator(".md-sidebar--primary a", has_text="Map").first.click()
    page.wait_for_selector(READY)
    tab.assert_clean()


def test_map_on_a_phone_in_dark_scheme(new_tab: NewTab, e2e_site: BuiltSite) -> None:
    tab = new_tab(
        viewport={"width": 375, "height": 800},
        color_scheme="dark",
        is_mobile=True,
        has_touch=True,
    )
    page = _open_map(tab)
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
    page = _open_map(tab)
    pixels = "() => document.querySelector('.ps-map__canvas').toDataURL()"
    light = page.evaluate(pixels)
    swatch = page.locator(".ps-map__swatch").first
    light_swatch = swatch.evaluate("s => s.style.background")
    page.locator("label.md-header__button[title='Switch to dark mode']").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    page.wait_for_function(f"light => ({pixels})() !== light", arg=light)
    assert swatch.evaluate("s => s.style.background") != light_swatch  # the legend follows
    tab.assert_clean()


def test_a_printed_map_keeps_its_legend_and_leaves_its_controls_out(
    tab: Tab, e2e_site: BuiltSite
) -> None:
    """The find box and the zoom buttons printed as empty boxes beside the map; the
    status line of a highlighted topic ended in " · " before its hidden button."""
    topic = next(t for t in _points(e2e_site)["topics"] if t["colour"] >= 0)
    page = _open_map(tab, f"#topic={topic['slug']}")
    page.emulate_media(media="print")
    for hidden in (".ps-map__find", ".ps-map__zoom", ".ps-map__clear"):
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator(".ps-map__canvas").is_visible()
    assert page.locator(".ps-map__legend").is_visible()
    status = page.locator(".ps-map > .ps-map__status").inner_text()
    assert status.startswith("Highlighted: ") and status.endswith("open the topic page"), status
    page.emulate_media(media="screen")
    assert page.locator(".ps-map__find").is_visible()
    tab.assert_clean()


def test_the_map_keeps_its_style_when_only_the_fragment_is_edited(tab: Tab) -> None:
    """Editing the address's #topic= or #paper= is a navigation for Material, which
    swaps the head: the map's stylesheet, added by papersite.js, must come back."""
    page = _open_map(tab)
    height = page.evaluate("document.querySelector('.ps-map').offsetHeight")
    page.evaluate("location.hash = '#topic=' + 'nothing-such'")
    page.goto(page.url.split("#")[0] + "#paper=nothing-such")
    page.wait_for_selector(READY)
    page.wait_for_function(
        "h => document.querySelector('.ps-map').offsetHeight <= h + 2", arg=height
    )
    assert page.locator("link[href*='stylesheets/map']").count() >= 1
    # Laid out again once its style is back: the legend floats beside the map, open (it
    # stayed folded, as below a phone's map, and labels went under it).
    page.wait_for_function(
        """() => document.querySelector('.ps-map__legend-head').getAttribute('aria-expanded')
          === 'true' && getComputedStyle(document.querySelector('.ps-map__legend')).position
          === 'absolute'"""
    )
    tab.assert_clean()


EXPANDED_JS = "document.querySelector('.ps-map__legend-head').getAttribute('aria-expanded')"


def test_the_legend_is_open_beside_the_map_and_folded_below_it_until_the_reader_picks(
    new_tab: NewTab,
) -> None:
    """The fold was decided once, when the map was first laid out: a map laid out before
    its style was back (an edited #fragment under instant navigation) kept a folded
    legend beside the map, and labels went under it."""
    tab = new_tab(viewport={"width": 1280, "height": 900})
    page = _open_map(tab)
    assert page.evaluate(EXPANDED_JS) == "true"
    # over the map, it hides what lies under it: points showed through its entries
    background = page.eval_on_selector(
        ".ps-map__legend", "e => getComputedStyle(e).backgroundColor"
    )
    assert background.startswith("rgb("), background  # no alpha: "rgba(...)" had one
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_function(f"{EXPANDED_JS} === 'false'")  # below the map, on a phone
    page.set_viewport_size({"width": 1280, "height": 900})
    page.wait_for_function(f"{EXPANDED_JS} === 'true'")
    page.click(".ps-map__legend-head")  # the reader folds it: it stays so
    page.set_viewport_size({"width": 1000, "height": 900})
    page.wait_for_timeout(200)
    assert page.evaluate(EXPANDED_JS) == "false"
    tab.assert_clean()


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_topic_labels_sit_on_their_papers_and_keep_their_size(
    tab: Tab, e2e_site: BuiltSite
) -> None:
    page = _open_map(tab)
    data = _points(e2e_site)
    labels = page.evaluate("window.papersiteMap.labels()")
    assert len(labels) >= 10
    assert int(page.get_attribute(".ps-map", "data-labels") or 0) == len(labels)
    slugs = [label["slug"] for label in labels]
    assert "other" not in slugs  # "Other" lies everywhere: no place to name it
    primary = [data["topic"].count(t) for t in range(len(data["topics"]))]
    largest = max(
        (t for t in range(len(data["topics"])) if data["topics"][t]["slug"] != "other"),
        key=lambda t: primary[t],
    )
    assert slugs[0] == data["topics"][largest]["slug"]  # the largest topics win a place
    box = page.locator(".ps-map__canvas").bounding_box()
    assert box
    for i, label in enumerate(labels):
        # None cut off, none touching the edge (on a phone, the screen's edge).
        left, top, right, bottom = label["box"]
        assert box["x"] + 6 <= left and right <= box["x"] + box["width"] - 6, label
        assert box["y"] + 6 <= top and bottom <= box["y"] + box["height"] - 6, label
        assert all(not _overlap(label["box"], other["box"]) for other in labels[:i]), label
    # The label sits among its papers: a paper of the topic is within 40 px of it.
    first = labels[0]
    centre = ((first["box"][0] + first["box"][2]) / 2, (first["box"][1] + first["box"][3]) / 2)
    near = [
        math.dist(centre, page.evaluate("i => window.papersiteMap.clientPoint(i)", i))
        for i in data["topics"][largest]["papers"]
    ]
    assert min(near) < 40
    heights = {round(label["box"][3] - label["box"][1]) for label in labels}
    for _ in range(3):
        page.click(".ps-map__button[data-zoom=in]")
    page.wait_for_timeout(100)
    zoomed = page.evaluate("window.papersiteMap.labels()")
    assert zoomed and {round(b["box"][3] - b["box"][1]) for b in zoomed} == heights  # one size
    # Dragged so that a label's papers sit at the top edge: the label keeps its margin.
    first = zoomed[0]["box"]
    start = ((first[0] + first[2]) / 2, (first[1] + first[3]) / 2)
    top = box["y"] + 12  # between the edge and the margin
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(start[0], top, steps=8)
    page.mouse.up()
    page.wait_for_timeout(100)
    moved = page.evaluate("window.papersiteMap.labels()")
    assert moved and all(box["y"] + 6 <= label["box"][1] for label in moved), moved[0]
    tab.assert_clean()


def test_the_legend_filters_by_area(tab: Tab, e2e_site: BuiltSite) -> None:
    page = _open_map(tab)
    data = _points(e2e_site)
    legend = page.locator(".ps-map__legend")
    assert legend.is_visible()
    assert legend.locator(".ps-map__area").count() == len(data["areas"]) <= 40
    # Compact: it floats over the map, no taller than the map, and leaves the points free.
    frame = page.locator(".ps-map__canvas").bounding_box()
    box = legend.bounding_box()
    assert frame and box and box["height"] <= frame["height"] and box["width"] < 300
    left = min(point[0] for point in page.evaluate(CLIENT_POINTS_JS, len(data["x"])))
    assert left > box["x"] + box["width"]
    colours = {t["colour"] for t in data["topics"]} - {-1}
    assert len(colours) <= 12  # distinguishable: a few colours, not one per topic
    before = page.evaluate(COLOURED_PIXELS_JS)
    area = 1
    names = data["areas"]
    button = page.locator(f'.ps-map__area[data-area="{area}"]')
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert page.get_attribute(".ps-map", "data-areas") == str(area)
    members = {i for t in data["topics"] if t["area"] == area for i in t["papers"]}
    # every paper of its topics, as the finder's area filter counts them: more than those
    # it colours, so that no topic under it counts more papers than the area
    assert len(members) > sum(data["topics"][t]["area"] == area for t in data["topic"] if t >= 0)
    count = button.locator(".ps-map__count").text_content()
    assert count == f"{len(members):,}"
    status = page.locator(".ps-map > .ps-map__status")
    assert (status.text_content() or "").startswith(
        f"Showing {len(members)} of {len(data['x'])} papers: {names[area]}"
    )
    page.wait_for_timeout(100)
    assert 0 < page.evaluate(COLOURED_PIXELS_JS) < before
    shown = page.evaluate("window.papersiteMap.labels()")
    area_topics = {t["slug"] for t in data["topics"] if t["area"] == area}
    assert shown and {label["slug"] for label in shown} <= area_topics  # its labels only
    topics = button.locator("xpath=following-sibling::ul[1]")
    assert topics.is_visible()  # a picked area lists its topics
    assert topics.locator(".ps-map__topic").count() == len(area_topics)
    page.locator('.ps-map__area[data-area="0"]').click()  # a second area adds to the first
    assert page.get_attribute(".ps-map", "data-areas") == f"0 {area}"
    status.get_by_role("button", name="show all areas").click()
    assert page.get_attribute(".ps-map", "data-areas") == ""
    assert page.locator('.ps-map__area[aria-pressed="true"]').count() == 0
    head = page.locator(".ps-map__legend-head")
    head.click()  # the legend folds away
    assert head.get_attribute("aria-expanded") == "false"
    assert not page.locator(".ps-map__areas").is_visible()
    head.click()
    assert page.locator(".ps-map__areas").is_visible()
    tab.assert_clean()


def test_picking_an_area_shows_its_papers_and_lets_go_of_a_paper_it_leaves_out(
    tab: Tab, e2e_site: BuiltSite
) -> None:
    """Zoomed in on a paper found, a pick in the legend showed only faded points around
    it, the paper's tip still pinned; and a faded point still answered the pointer."""
    data = _points(e2e_site)
    area = 1
    members = {i for t in data["topics"] if t["area"] == area for i in t["papers"]}
    xs, ys = data["x"], data["y"]
    # a paper of another area amid the picked one's: in view once they are shown
    outside = next(
        i
        for i in _isolated(data, 200)
        if i not in members
        and min(xs[m] for m in members) < xs[i] < max(xs[m] for m in members)
        and min(ys[m] for m in members) < ys[i] < max(ys[m] for m in members)
    )
    page = _open_map(tab, "#paper=" + _slug(data["url"][outside]))
    assert page.locator(".ps-map__tip").is_visible()
    status = page.locator(".ps-map > .ps-map__status").bounding_box()
    box = page.locator(".ps-map__canvas").bounding_box()
    assert status and box and status["y"] + status["height"] <= box["y"]  # above the map
    page.locator(f'.ps-map__area[data-area="{area}"]').click()
    assert page.get_attribute(".ps-map", "data-pinned") == ""
    assert page.evaluate("location.hash") == ""
    assert not page.locator(".ps-map__tip").is_visible()

    def in_view(i: int) -> list[float] | None:
        x, y = page.evaluate("i => window.papersiteMap.clientPoint(i)", i)
        inside = (
            box["x"] <= x <= box["x"] + box["width"] and box["y"] <= y <= box["y"] + box["height"]
        )
        return [x, y] if inside else None

    assert all(in_view(i) for i in members)  # every paper shown is in view
    assert page.evaluate("window.papersiteMap.zoom()") > 1  # and zoomed to
    where = in_view(outside)
    assert where and page.evaluate("p => window.papersiteMap.hitTest(...p)", where) != outside
    page.locator(".ps-map > .ps-map__status").get_by_role("button", name="show all areas").click()
    assert page.evaluate("window.papersiteMap.zoom()") == 1  # the whole map again
    where = in_view(outside)
    assert where and page.evaluate("p => window.papersiteMap.hitTest(...p)", where) == outside
    tab.assert_clean()


PIXEL_JS = """([x, y]) => {
  const c = document.querySelector(".ps-map__canvas");
  const r = c.getBoundingClientRect();
  const px = Math.round((x - r.left) * c.width / r.width);
  const py = Math.round((y - r.top) * c.height / r.height);
  return Array.from(c.getContext("2d").getImageData(px, py, 1, 1).data);
}"""


def test_papers_shown_for_a_picked_area_take_its_colour(tab: Tab, e2e_site: BuiltSite) -> None:
    """A paper shown under a picked area by a second topic was drawn in its own area's
    colour: the legend said Segmentation, the map showed purple and green points."""
    page = _open_map(tab)
    data = _points(e2e_site)
    topics = data["topics"]
    own = [topics[t]["area"] if t >= 0 else -1 for t in data["topic"]]
    isolated = _isolated(data, len(data["x"]))
    for area in range(len(data["areas"])):
        members = {i for t in topics if t["area"] == area for i in t["papers"]}
        native = [i for i in isolated[:60] if own[i] == area]
        guests = [i for i in isolated[:60] if i in members and own[i] != area]
        if native and guests:
            break
    else:
        pytest.fail("no area has isolated papers of its own and of other areas")
    page.locator(f'.ps-map__area[data-area="{area}"]').click()
    page.wait_for_timeout(100)

    def pixel(i: int) -> list[int]:
        where = page.evaluate("i => window.papersiteMap.clientPoint(i)", i)
        return list(page.evaluate(PIXEL_JS, where))

    expected = pixel(native[0])
    assert expected[3] > 200  # drawn, not faded
    for guest in guests[:3]:
        found = pixel(guest)
        assert all(abs(a - b) <= 3 for a, b in zip(found, expected, strict=True)), (guest, found)
    tab.assert_clean()


def _slug(url: str) -> str:
    return url.removeprefix("papers/").removesuffix("/")


def _assert_centred_on(page: Page, index: int) -> None:
    """The map is zoomed in with paper `index` in the middle of the canvas, ringed."""
    box = page.locator(".ps-map__canvas").bounding_box()
    assert box
    x, y = page.evaluate("i => window.papersiteMap.clientPoint(i)", index)
    assert abs(x - (box["x"] + box["width"] / 2)) < 3
    assert abs(y - (box["y"] + box["height"] / 2)) < 3
    assert page.evaluate("window.papersiteMap.zoom()") >= 4


def test_find_a_paper_by_its_title(tab: Tab, e2e_site: BuiltSite) -> None:
    page = _open_map(tab)
    data = _points(e2e_site)
    index = data["url"].index(U2NET)
    find = page.locator(".ps-map__find-input")
    find.fill("u2 NET nested")  # any case, in any order, a raised ² typed as a plain 2
    found = page.locator(".ps-map__found [role=option]")
    assert found.count() == 1
    assert (found.first.text_content() or "") == data["title"][index]
    assert found.first.locator("sup").inner_text() == "2"
    find.press("Enter")
    assert page.get_attribute(".ps-map", "data-pinned") == U2NET
    assert page.evaluate("location.hash") == "#paper=" + _slug(U2NET)
    assert not page.locator(".ps-map__found").is_visible()
    _assert_centred_on(page, index)
    assert (page.locator(".ps-map__tip-title").text_content() or "") == data["title"][index]
    # the status line names it, and Tab leads from the box to its page (the ring on the
    # canvas was reachable by no key; a screen reader heard nothing)
    status = page.locator(".ps-map > .ps-map__status")
    assert (status.text_content() or "").startswith("Paper: " + data["title"][index] + " · ")
    find.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and focused.endswith(U2NET), focused
    page.keyboard.press("Enter")
    wait_for_h1(page, data["title"][index])
    page.go_back()
    page.wait_for_selector(".ps-map[data-ready=ready]")
    find.fill("network")  # many: a short list, arrow keys move through it
    assert 1 < found.count() <= 8
    find.press("ArrowDown")
    second = found.nth(1)
    assert second.get_attribute("aria-selected") == "true"
    title = second.text_content()
    second.click()
    pinned = page.get_attribute(".ps-map", "data-pinned")
    assert data["title"][data["url"].index(pinned)] == title
    find.fill("zzzz qqqq")
    assert (
        page.locator(".ps-map__found").text_content() == "No paper's title holds all these words."
    )
    tab.assert_clean()


def test_a_paper_fragment_centres_and_rings_the_paper(tab: Tab, e2e_site: BuiltSite) -> None:
    page = tab.page
    data = _points(e2e_site)
    index = len(data["url"]) // 2
    _open_map(tab, "#paper=" + _slug(data["url"][index]))
    assert page.get_attribute(".ps-map", "data-pinned") == data["url"][index]
    _assert_centred_on(page, index)
    assert page.locator(".ps-map__tip").is_visible()
    tab.assert_clean()


def _pinch(page: Page, centre: tuple[float, float], start: float, end: float) -> None:
    """Two fingers moving apart from `start` to `end` pixels, through Chromium's input."""
    cdp = page.context.new_cdp_session(page)
    x, y = centre

    def fingers(gap: float) -> list[dict[str, float]]:
        return [{"x": x - gap / 2, "y": y, "id": 0}, {"x": x + gap / 2, "y": y, "id": 1}]

    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": fingers(start)})
    for step in range(1, 11):
        gap = start + (end - start) * step / 10
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": fingers(gap)})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def test_map_on_a_phone_is_full_width_tall_and_pinch_zooms(
    new_tab: NewTab, e2e_site: BuiltSite
) -> None:
    tab = new_tab(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = _open_map(tab)
    box = page.locator(".ps-map__canvas").bounding_box()
    assert box
    assert box["x"] == 0 and box["width"] == 390  # edge to edge
    assert 280 <= box["height"] <= 0.62 * 844 + 1
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    # The points fill the canvas both ways (turned a quarter if that draws them larger):
    # no empty bands above and below them.
    data = _points(e2e_site)
    spread = page.evaluate(
        """n => {
          const xs = [], ys = [];
          for (let i = 0; i < n; i++) {
            const [x, y] = window.papersiteMap.clientPoint(i); xs.push(x); ys.push(y);
          }
          return [Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
        }""",
        len(data["x"]),
    )
    assert spread[0] >= 0.95 * (box["width"] - 2 * PAD), (spread, box)
    assert spread[1] >= 0.95 * (box["height"] - 2 * PAD), (spread, box)
    page.locator(".ps-map__canvas").scroll_into_view_if_needed()
    box = page.locator(".ps-map__canvas").bounding_box()
    assert box
    _pinch(page, (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2), 60, 240)
    page.wait_for_function("() => window.papersiteMap.zoom() > 2")
    assert page.evaluate("window.papersiteMap.labels()")  # labels still drawn
    # The legend waits, folded, below the map; a tap opens it, areas in rows.
    head = page.locator(".ps-map__legend-head")
    assert head.get_attribute("aria-expanded") == "false"
    legend_box = page.locator(".ps-map__legend").bounding_box()
    assert legend_box and legend_box["y"] >= box["y"] + box["height"] - 1
    head.tap()
    areas = page.locator(".ps-map__area")
    assert areas.first.is_visible()
    rows = {box["y"] for box in (areas.nth(i).bounding_box() for i in range(areas.count())) if box}
    assert len(rows) < areas.count()  # some row holds two areas, not one per line
    tab.assert_clean()


def _luminance(colour: list[int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _blend(colour: list[int], background: list[int], alpha: float) -> list[int]:
    return [round(alpha * c + (1 - alpha) * b) for c, b in zip(colour, background, strict=False)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colours_stand_out_in_either_scheme(new_tab: NewTab, scheme: str) -> None:
    tab = new_tab(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = _open_map(tab)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    rgb = """s => getComputedStyle(s).backgroundColor.match(/\\d+/g).map(Number)"""
    swatches = page.locator(".ps-map__topic .ps-map__swatch")
    colours = {tuple(swatches.nth(i).evaluate(rgb)) for i in range(swatches.count())}
    assert len(colours) >= 10  # every colour and the grey of "Other"
    background = page.evaluate(
        "getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number)"
    )
    assert (_luminance(background) < 0.05) == (scheme == "dark")
    for colour in colours:  # 3:1 against the background, as WCAG asks of graphics,
        for alpha in (1, 0.9):  # in the legend and as drawn on the map (90% opacity)
            drawn = _luminance(_blend(list(colour), background, alpha))
            ratio = (max(drawn, _luminance(background)) + 0.05) / (
                min(drawn, _luminance(background)) + 0.05
            )
            assert ratio >= 3, (colour, alpha, ratio)
    # Labels are text in the foreground colour, outlined in the background colour.
    label = page.evaluate("window.papersiteMap.labels()")[0]["box"]
    extreme = page.evaluate(
        """([l, t, r, b, dark]) => {
          const c = document.querySelector(".ps-map__canvas");
          const box = c.getBoundingClientRect(), k = c.width / box.width;
          const d = c.getContext("2d").getImageData((l - box.left) * k, (t - box.top) * k,
                                                    (r - l) * k, (b - t) * k).data;
          let max = 0, min = 3 * 255;
          for (let i = 0; i < d.length; i += 4) {
            if (d[i + 3] < 200) continue;
            max = Math.max(max, d[i] + d[i + 1] + d[i + 2]);
            min = Math.min(min, d[i] + d[i + 1] + d[i + 2]);
          }
          return dark ? max : min;
        }""",
        [*label, scheme == "dark"],
    )
    assert extreme > 3 * 180 if scheme == "dark" else extreme < 3 * 75
    tab.assert_clean()


def test_neighbouring_areas_differ_and_every_area_has_its_own_style(
    tab: Tab, e2e_site: BuiltSite
) -> None:
    data = _points(e2e_site)
    topics = data["topics"]
    more = len(data["areas"]) - 1  # "More topics": each of its topics is an area of its own

    def group(i: int) -> tuple[int, int] | None:
        t = data["topic"][i]
        if t < 0 or topics[t]["colour"] < 0:
            return None
        return (topics[t]["area"], t if topics[t]["area"] == more else -1)

    # Papers of different areas within 3% of the map of each other: colours differ.
    xs, ys, near, same = data["x"], data["y"], 0, 0
    reach = 0.03 * data["scale"]
    for i in range(len(xs)):
        for j in range(i):
            a, b = group(i), group(j)
            if a and b and a != b and math.hypot(xs[i] - xs[j], ys[i] - ys[j]) < reach:
                near += 1
                same += topics[data["topic"][i]]["colour"] == topics[data["topic"][j]]["colour"]
    assert near > 50 and same <= 0.01 * near, (same, near)
    # In the legend, areas that share a colour differ in shape.
    page = _open_map(tab)
    looks = page.eval_on_selector_all(
        ".ps-map__area .ps-map__swatch",
        "all => all.map(s => [s.style.background, s.getAttribute('data-shape')])",
    )
    assert len(looks) == len(data["areas"])
    single = [tuple(look) for look in looks if look[1] is not None]
    assert len(single) == len(data["areas"]) - 1  # "More topics" shows its colours
    assert len(set(single)) == len(single)
    assert len({colour for colour, _shape in single}) < len(single)  # colours do repeat here
    tab.assert_clean()


def _label_centre(page: Page) -> tuple[dict[str, Any], float, float]:
    """A drawn label whose centre is on the canvas (not under a button), and its centre."""
    for label in page.evaluate("window.papersiteMap.labels()"):
        left, top, right, bottom = label["box"]
        x, y = (left + right) / 2, (top + bottom) / 2
        on_canvas = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y)?.classList.contains('ps-map__canvas')",
            [x, y],
        )
        if on_canvas:
            return label, x, y
    pytest.fail("no label is clickable")


def test_topic_labels_highlight_their_topic(tab: Tab) -> None:
    page = _open_map(tab)
    canvas = page.locator(".ps-map__canvas")
    label, x, y = _label_centre(page)
    page.mouse.move(x, y)
    assert canvas.evaluate("c => c.style.cursor") == "pointer"
    assert not page.locator(".ps-map__tip").is_visible()  # a label, not a paper
    page.mouse.click(x, y)
    assert page.get_attribute(".ps-map", "data-highlight") == label["slug"]
    assert page.evaluate("location.hash") == f"#topic={label['slug']}"
    button = page.locator(f'.ps-map__topic[data-topic="{label["slug"]}"]')
    assert button.get_attribute("aria-pressed") == "true" and button.is_visible()
    page.wait_for_timeout(100)  # drawn on the next animation frame
    (only,) = page.evaluate("window.papersiteMap.labels()")  # the highlighted topic's
    assert only["slug"] == label["slug"]
    left, top, right, bottom = only["box"]
    page.mouse.click((left + right) / 2, (top + bottom) / 2)  # a second click: all again
    assert page.get_attribute(".ps-map", "data-highlight") == ""
    assert page.evaluate("location.hash") == ""
    page.mouse.move(5, 5)
    assert canvas.evaluate("c => c.style.cursor") == ""
    tab.assert_clean()


def test_a_tap_on_a_label_highlights_its_topic(new_tab: NewTab) -> None:
    tab = new_tab(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = _open_map(tab)
    page.locator(".ps-map__canvas").scroll_into_view_if_needed()
    label, x, y = _label_centre(page)
    page.touchscreen.tap(x, y)
    page.wait_for_function(
        "slug => document.querySelector('.ps-map').dataset.highlight === slug",
        arg=label["slug"],
    )
    tab.assert_clean()


def test_back_to_the_map_shows_the_topic_it_showed(new_tab: NewTab, e2e_site: BuiltSite) -> None:
    """At phone width, the page scrolled, a link followed: Back brought the map again
    without its #topic= (under Material's instant navigation), and no topic highlighted."""
    tab = new_tab(viewport={"width": 390, "height": 844})
    slug = _points(e2e_site)["topics"][3]["slug"]
    page = _open_map(tab, "#topic=" + slug)
    assert page.get_attribute(".ps-map", "data-highlight") == slug
    for _ in range(3):  # a reader's scroll, in steps Material's tracking sees
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(300)
    assert page.evaluate("window.scrollY") > 100
    tab.mark_document()
    page.locator(f"article a[href$='topics/{slug}/']").first.click()
    page.wait_for_url(re.compile(rf"/topics/{slug}/$"))
    page.wait_for_timeout(1000)  # read a moment: Material's scroll handling takes its turn
    page.go_back()
    page.wait_for_selector(READY)
    assert page.get_attribute(".ps-map", "data-highlight") == slug
    assert urlsplit(page.url).fragment == "topic=" + slug
    assert tab.same_document()  # instant navigation throughout, as published
    tab.assert_clean()


def test_back_to_a_map_that_showed_no_paper_shows_none(tab: Tab, e2e_site: BuiltSite) -> None:
    """What Back puts back is the map's own: a later map's paper stays on that map."""
    data = _points(e2e_site)
    page, index, x, y = _hover_a_paper(tab, data)
    page.mouse.click(x, y)  # the paper's page
    wait_for_h1(page, data["title"][index])
    page.locator("article a.md-button", has_text="Show on map").click()  # a map with the paper
    page.wait_for_selector(READY)
    assert page.get_attribute(".ps-map", "data-pinned") == data["url"][index]
    page.go_back()
    wait_for_h1(page, data["title"][index])
    page.go_back()
    page.wait_for_selector(READY)
    assert page.get_attribute(".ps-map", "data-pinned") == ""
    assert urlsplit(page.url).fragment == ""
    tab.assert_clean()
