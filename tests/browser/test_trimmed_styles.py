"""Trimming Material's stylesheet drops no rule a visitor's page needs: every class of
Material's stylesheet that is on an element of a live page (after its scripts ran: the
header search open, the Paper finder's results, the map drawn, a scrolled page, desktop
and phone, light and, for the home page, dark) is one the trim counted as used
(generator/mkdocs/trim_styles.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from browser_support import page_kinds, wait_until_drawn
from sitebuild import BuiltSite

from generator.mkdocs.trim_styles import MATERIAL_THEME, SELECTOR_CLASS, used_names

if TYPE_CHECKING:
    from conftest import NewTab

pytestmark = pytest.mark.browser

LIVE_CLASSES_JS = """() => Array.from(new Set(Array.from(
  document.querySelectorAll("[class]"), (el) => Array.from(el.classList)).flat()))"""


def test_every_class_on_a_live_page_kept_its_rules(new_tab: NewTab, e2e_site: BuiltSite) -> None:
    """Every page kind in the light scheme; the dark scheme on the home page only (a
    scheme sets attributes, not classes: only the header's scheme toggle differs)."""
    used = used_names(e2e_site.site, ("pagefind",))
    styled = set()
    for sheet in (MATERIAL_THEME / "assets" / "stylesheets").glob("*.min.css"):
        styled.update(SELECTOR_CLASS.findall(sheet.read_text(encoding="utf-8")))
    tab = new_tab(viewport={"width": 1280, "height": 900}, color_scheme="light")
    live: dict[str, str] = {}
    for path, scheme in [*((p, "light") for p in page_kinds(e2e_site.site)), ("", "dark")]:
        tab.page.emulate_media(color_scheme=scheme)
        tab.goto(path)
        wait_until_drawn(tab.page, path)
        if not path:
            tab.page.keyboard.press("/")
            tab.page.locator("[data-ps-search-input]").fill("unet")
            tab.page.locator(".ps-search__result").first.wait_for()
        for width, height in ((1280, 900), (390, 844)):
            tab.page.set_viewport_size({"width": width, "height": height})
            tab.page.mouse.wheel(0, 600)  # Material marks the header of a scrolled page
            tab.page.evaluate("() => new Promise(requestAnimationFrame)")
            for name in tab.page.evaluate(LIVE_CLASSES_JS):
                live.setdefault(name, f"{path or 'home'}, {scheme}, at {width}px")
    assert len(live.keys() & styled) > 50  # the header, the page, the search, ...
    missing = {n: where for n, where in live.items() if n in styled and not used.has(n)}
    assert not missing, missing
    tab.assert_clean()
