"""On a phone, the navigation drawer and a page's contents inside it work from the
keyboard: Material opens them from labels Tab never reached, and the closed drawer's
links, off screen, were tab stops (papersite.js: syncDrawer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import NewTab
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
MENU = ".md-header button[data-ps-menu]"

FOCUSED_JS = """() => { const el = document.activeElement; const box = el.getBoundingClientRect();
  return { where: el.closest(".md-sidebar--primary") ? "drawer" : el === document.body ? "body"
      : "page", shown: box.width > 0 && box.right > 0 && box.left < innerWidth,
    text: (el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 40) }; }"""


def _focused(page: Page) -> dict[str, object]:
    focused: dict[str, object] = page.evaluate(FOCUSED_JS)
    return focused


def _has_focus(page: Page, selector: str) -> bool:
    return bool(page.evaluate("(s) => document.activeElement.matches(s)", selector))


def _tab_to(page: Page, selector: str, limit: int = 12) -> list[dict[str, object]]:
    """Press Tab until `selector` has the focus; the stops passed on the way."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if _has_focus(page, selector):
            return stops
        stops.append(_focused(page))
    raise AssertionError(f"{selector} not reached by Tab; stops: {stops}")


def test_the_menu_opens_from_the_keyboard_and_holds_the_focus_until_escape(
    new_tab: NewTab,
) -> None:
    tab = new_tab(viewport=PHONE)
    tab.goto("methods/")
    page = tab.page
    passed = _tab_to(page, MENU)
    assert all(stop["where"] == "page" and stop["shown"] for stop in passed), passed
    menu = page.locator(MENU)
    assert menu.get_attribute("aria-label") == "Menu"
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert page.locator("#__drawer").is_checked()
    assert menu.get_attribute("aria-expanded") == "true"
    inside = []
    for _ in range(12):  # round the drawer and back: never behind the overlay
        inside.append(_focused(page))
        page.keyboard.press("Tab")
    assert {stop["where"] for stop in inside} <= {"drawer", "body"}, inside
    assert any(stop["text"] == "Topics" for stop in inside), inside
    page.keyboard.press("Escape")
    assert not page.locator("#__drawer").is_checked()
    assert _has_focus(page, MENU)
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")  # a button inside closes it too (no Escape on a phone)
    close = page.get_by_role("button", name="Close menu")
    _tab_to(page, ".ps-drawer-close")
    on_top = """(b) => { const r = b.getBoundingClientRect();
        const x = r.x + r.width / 2, y = r.y + r.height / 2;
        return r.width > 40 && document.elementFromPoint(x, y) === b; }"""
    assert close.evaluate(on_top)  # seen when focused, above the drawer's title
    page.keyboard.press("Enter")
    assert not page.locator("#__drawer").is_checked()
    assert _has_focus(page, MENU)
    page.keyboard.press(" ")
    assert page.locator("#__drawer").is_checked()
    tab.assert_clean()


def test_a_pages_contents_open_and_close_inside_the_drawer(new_tab: NewTab) -> None:
    tab = new_tab(viewport=PHONE)
    tab.goto("topics/")  # the topic index: one heading per area, so a contents panel
    page = tab.page
    _tab_to(page, MENU)
    page.keyboard.press("Enter")
    opener = '.md-sidebar--primary label.md-nav__link[for="__toc"]'
    _tab_to(page, opener)
    page.keyboard.press("Enter")  # once: Material's own Enter on a label is not added
    assert page.locator("#__toc").is_checked()
    back = '.md-sidebar--primary label.md-nav__title[for="__toc"]'
    assert _has_focus(page, back)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.closest('.md-nav--secondary') !== null")
    assert focused, _focused(page)  # the first heading's link, not a link under the panel
    page.keyboard.press("Escape")  # closes the contents first, then the drawer
    assert not page.locator("#__toc").is_checked() and page.locator("#__drawer").is_checked()
    assert _has_focus(page, opener)
    page.keyboard.press(" ")  # Space as well
    assert page.locator("#__toc").is_checked()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    assert not page.locator("#__drawer").is_checked()
    tab.assert_clean()


def test_on_a_desktop_the_navigation_stays_in_the_tab_order(new_tab: NewTab) -> None:
    tab = new_tab(viewport={"width": 1280, "height": 900})
    tab.goto("methods/")
    page = tab.page
    stops = []
    for _ in range(12):
        page.keyboard.press("Tab")
        stops.append(_focused(page))
    assert any(stop["where"] == "drawer" and stop["text"] == "Topics" for stop in stops), stops
    assert not any(stop["text"] == "Close menu" for stop in stops), stops  # no drawer here
    assert page.locator(".md-sidebar--primary").evaluate("(el) => el.inert") is False
    assert not page.locator(MENU).is_visible()  # no drawer, no menu button
    tab.assert_clean()


def test_a_pointer_opens_without_moving_the_focus_and_closing_gives_it_back(
    new_tab: NewTab,
) -> None:
    """Focusing the first link on a tap painted it in the accent colour; a tap on the
    overlay left the focus nowhere (the link it was on turned inert)."""
    tab = new_tab(viewport=PHONE)
    tab.goto("methods/")
    page = tab.page
    page.locator(MENU).click()
    assert page.locator("#__drawer").is_checked()
    assert _focused(page)["where"] != "drawer"
    page.locator(".md-sidebar--primary .md-nav__link").nth(1).focus()
    page.mouse.click(PHONE["width"] - 20, PHONE["height"] // 2)  # on the overlay
    assert not page.locator("#__drawer").is_checked()
    assert _has_focus(page, MENU)
    tab.assert_clean()


def test_a_drawer_left_open_on_a_wider_window_is_closed(new_tab: NewTab) -> None:
    """Material kept it checked: narrowed back, it opened again, holding the focus."""
    tab = new_tab(viewport=PHONE)
    tab.goto("methods/")
    page = tab.page
    page.locator(MENU).click()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.wait_for_function("() => !document.getElementById('__drawer').checked")
    page.set_viewport_size(PHONE)
    assert not page.locator("#__drawer").is_checked()
    outside = page.evaluate(
        """() => Array.from(document.querySelectorAll("[inert]"))
            .filter((el) => !el.closest(".md-sidebar--primary")).map((el) => el.className)"""
    )
    assert outside == [], outside  # only the closed drawer is inert
    tab.assert_clean()
