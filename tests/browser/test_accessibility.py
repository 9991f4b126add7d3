"""Every kind of page passes axe-core's checks (WCAG 2 A and AA rules and axe's best
practices), light and dark, and so do the lists that stack on a phone (at 390 px; their
structure, in the light scheme), the navigation drawer open there, the header search
open on its results and a paper's Cite box opened: names for controls, contrast of text
and links, no focusable content inside a listbox option, all content inside landmarks.
No finding is allowed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from browser_support import page_kinds, wait_until_drawn
from sitebuild import BuiltSite

if TYPE_CHECKING:
    from conftest import NewTab, Tab
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser


# The rules a colour scheme can change. In the dark scheme every rule runs on the home
# page (the header's scheme toggle differs by scheme), these only elsewhere: a page's
# structure is the same in either scheme.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# Pages the dark scheme need not check again: their elements and colours are those of
# others (the All papers list and the topics index are a topic page's, the not-found
# page the home page's, the About page's notes and tables the methods page's).
SAME_COLOURS = ("browse/", "404.html", "topics/", "health/")


def _findings(page: Page, where: str, colour_only: bool = False) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    # Only violations are read: axe then keeps one node of each passing rule, not all.
    options: dict[str, Any] = {"resultTypes": ["violations"]}
    if colour_only:
        options["runOnly"] = {"type": "rule", "values": COLOUR_RULES}
    response = Axe().run(page, options=options).response
    violations: list[dict[str, Any]] = response["violations"]
    found = []
    for violation in violations:
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            summary = node.get("failureSummary", "").replace("\n", " ")
            found.append(f"{where}: {violation['id']} at {target}: {summary}")
    return found


SLID_IN_JS = """() => { const drawer = document.querySelector(".md-sidebar--primary");
  const contents = drawer.querySelector(".md-nav--secondary");
  return drawer.getBoundingClientRect().left === 0
    && contents.getBoundingClientRect().left === 0; }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_and_the_search_pass_axe(new_tab: NewTab, e2e_site: BuiltSite, scheme: str) -> None:
    tab = new_tab(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    findings: list[str] = []
    dark = scheme == "dark"
    for path in page_kinds(e2e_site.site):
        if dark and path in SAME_COLOURS:
            continue
        tab.goto(path)
        wait_until_drawn(tab.page, path)
        colour_only = dark and path != ""
        findings += _findings(tab.page, path or "home", colour_only)
        if path.startswith("papers/"):
            tab.page.locator(".ps-cite > summary").click()  # focused, open: was white on a tint
            findings += _findings(tab.page, path + " with Cite open", colour_only)
    tab.goto("")
    tab.page.keyboard.press("/")
    tab.page.locator("[data-ps-search-input]").fill("segmentation")
    tab.page.locator("[data-ps-search-results] [aria-selected=true]").wait_for()
    findings += _findings(tab.page, "search dialog", dark)
    tab.page.set_viewport_size({"width": 390, "height": 844})
    # Lists that stack on a phone: their structure, once (their colours are the
    # desktop's, checked in both schemes above).
    for path in ("finder/?query=segmentation", "topics/") if not dark else ():
        tab.goto(path)
        wait_until_drawn(tab.page, path)
        findings += _findings(tab.page, f"{path or 'home'} at 390 px", dark)
    tab.goto("")
    tab.page.locator(".md-header [data-ps-menu]").click()
    tab.page.locator('.md-sidebar--primary label[for="__toc"]').first.click()
    tab.page.wait_for_function(SLID_IN_JS)  # axe measures colours mid-slide otherwise
    findings += _findings(tab.page, "drawer and contents open at 390 px", dark)
    assert findings == []
    tab.assert_clean()


DECORATION_JS = "(el) => getComputedStyle(el).textDecorationLine"


def test_links_in_running_text_are_underlined_and_buttons_and_title_lines_are_not(
    tab: Tab, e2e_site: BuiltSite
) -> None:
    topic = max(e2e_site.analysis.topics, key=lambda t: len(t.papers)).slug
    tab.goto(f"topics/{topic}/")
    page = tab.page
    assert page.locator(".ps-map-link").evaluate(DECORATION_JS) == "underline"
    title_line = page.locator("article ol li > a:first-child").first
    assert title_line.evaluate(DECORATION_JS) == "none"
    tab.goto("")
    buttons = page.locator("article a.md-button")
    assert buttons.count() >= 2
    assert set(buttons.evaluate_all(f"(all) => all.map({DECORATION_JS})")) == {"none"}
    tab.assert_clean()


def test_keyboard_focus_shows_a_ring_on_tags_links_and_header_buttons(tab: Tab) -> None:
    """The theme only recoloured a focused tag or navigation link; a ring shows it."""
    tab.goto("topics/")
    page = tab.page
    seen: dict[str, str] = {}
    for _ in range(40):
        page.keyboard.press("Tab")
        kind, outline = page.evaluate(
            """() => { const el = document.activeElement; const style = getComputedStyle(el);
            const kind = el.closest(".md-header") ? "header" : el.closest(".md-nav") ? "nav"
                : el.closest("article") ? "article" : "other";
            return [kind, style.outlineStyle + " " + style.outlineWidth]; }"""
        )
        seen.setdefault(kind, outline)
    for kind in ("header", "nav", "article"):
        assert kind in seen and seen[kind].startswith("solid") and " 0px" not in seen[kind], seen
    tab.assert_clean()
