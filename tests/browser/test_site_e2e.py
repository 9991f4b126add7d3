"""End-to-end tests of the built bundled site in headless Chromium: links, topics, math,
phones. (Search: test_header_search.py and test_finder.py; the map: test_map.py.)

The site is built once per session and served locally under its public address (see
conftest.py). Every test also checks that its pages logged no console error and fetched
nothing from elsewhere.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser_support import wait_for_h1
from sitebuild import BuiltSite

if TYPE_CHECKING:
    from conftest import NewTab, Tab

pytestmark = pytest.mark.browser

RESIDUAL = "papers/deep-residual-learning-for-image-recognition/"
RESIDUAL_TITLE = "Deep Residual Learning for Image Recognition"


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


def _math_page(site: BuiltSite) -> str:
    for index in sorted((site.site / "papers").glob("*/index.html")):
        if 'class="ps-math"' in index.read_text(encoding="utf-8"):
            return f"papers/{index.parent.name}/"
    pytest.fail("no paper page of the bundled site has math")


HOSTILE_MATH_JS = """(tex) => { const span = document.createElement("span");
  span.className = "ps-math"; span.setAttribute("data-tex", tex); span.textContent = tex;
  document.querySelector(".ps-abstract").appendChild(span); window.papersite.typeset();
  return span.querySelector(".katex") ? span.getBoundingClientRect().width : -1; }"""


def test_math_is_typeset_by_bundled_katex(tab: Tab, e2e_site: BuiltSite) -> None:
    page = tab.page
    tab.goto(_math_page(e2e_site))
    page.wait_for_selector(".ps-math .katex", timeout=10_000)
    page.wait_for_function(
        "() => document.querySelectorAll('.ps-math[data-tex]:not([data-typeset])').length === 0"
    )
    assert page.locator(".ps-math .katex").count() >= 1
    assert page.evaluate("typeof window.katex") == "object"
    # An abstract is untrusted: a 400 em rule covered the page. Sizes are capped.
    width = page.evaluate(HOSTILE_MATH_JS, r"x^{2}\rule{400em}{400em}")
    assert 0 < width < 200, width
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


# The colours of an element's text and of what is behind it (`own`: its own fill, else
# the page's), as [r, g, b] (0-255); a canvas reads any CSS colour (a color-mix too).
_COLOURS_JS = """(el, own) => {
  const rgb = c => { const x = document.createElement('canvas').getContext('2d');
                     x.fillStyle = c; x.fillRect(0, 0, 1, 1);
                     return Array.from(x.getImageData(0, 0, 1, 1).data.slice(0, 3)); };
  const page = getComputedStyle(document.querySelector('.md-main')).backgroundColor
    .replace('rgba(0, 0, 0, 0)', getComputedStyle(document.body).backgroundColor);
  return [rgb(getComputedStyle(el).color), rgb(own ? getComputedStyle(el).backgroundColor : page)];
}"""


def _contrast(first: list[int], second: list[int]) -> float:
    """WCAG contrast ratio of two sRGB colours."""

    def luminance(rgb: list[int]) -> float:
        linear = [(c / 255) / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_outlined_buttons_are_readable_in_both_schemes(new_tab: NewTab, scheme: str) -> None:
    tab = new_tab(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    tab.goto("")
    buttons = tab.page.locator("article .md-button:not(.md-button--primary)")
    assert buttons.count() >= 2
    for index in range(buttons.count()):
        text, page = buttons.nth(index).evaluate(_COLOURS_JS, False)
        ratio = _contrast(text, page)
        assert ratio >= 4.5, f"{buttons.nth(index).inner_text()}: {ratio:.2f}:1 in {scheme}"
    tab.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_hovered_or_focused_button_stays_readable(new_tab: NewTab, scheme: str) -> None:
    """The dark scheme's outline colour stayed on the filled button of a hovered or
    focused button (2.2:1); Material's own fill gave white 4.3:1."""
    tab = new_tab(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    tab.goto("")
    page = tab.page
    buttons = page.locator("article a.md-button")
    assert buttons.count() >= 2
    # The colours a state ends in, at once: Material's transition (0.125 s) left out.
    page.add_style_tag(content="article .md-button { transition: none !important; }")
    for state in ("hover", "focus"):
        for button in buttons.all():
            page.mouse.move(0, 0)
            button.hover() if state == "hover" else button.focus()
            page.evaluate("() => new Promise(requestAnimationFrame)")
            ratio = _contrast(*button.evaluate(_COLOURS_JS, True))
            assert ratio >= 4.5, f"{state} {button.inner_text()}: {ratio:.2f}:1 in {scheme}"
            button.evaluate("(el) => el.blur()")
    tab.assert_clean()


def test_no_key_hint_on_a_touch_screen(new_tab: NewTab) -> None:
    """The home page's search box showed "/" on phones, which have no such key."""
    hint = "article .ps-home-search__box kbd"
    desktop = new_tab(viewport={"width": 1280, "height": 900})
    desktop.goto("")
    assert desktop.page.locator(hint).is_visible()
    phone = new_tab(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone.goto("")
    assert phone.page.locator("article .ps-home-search__box").is_visible()
    assert not phone.page.locator(hint).is_visible()
    desktop.assert_clean()
    phone.assert_clean()


def test_a_generated_title_says_so_in_words_on_a_phone(
    new_tab: NewTab, e2e_site: BuiltSite
) -> None:
    """Italics and a hover title were all that told a title drawn from the abstract: a
    phone shows no hover title."""
    listing = next(
        p
        for p in sorted((e2e_site.site / "topics").glob("*/index.html"))
        if "ps-inferred-title" in p.read_text(encoding="utf-8")
    )
    tab = new_tab(viewport={"width": 390, "height": 844})
    tab.goto(f"topics/{listing.parent.name}/")
    after = tab.page.evaluate(
        "getComputedStyle(document.querySelector('.ps-inferred-title'), '::after').content"
    )
    assert after == '" (no title in the listing)"'
    tab.assert_clean()


def test_the_methods_list_of_names_breaks_between_names_only(new_tab: NewTab) -> None:
    """On a phone a line never opens with the separator ("· JointNet") and a name stays
    whole ("NLCG-" / "Net"): each item, its separator included, sits on one line."""
    tab = new_tab(viewport={"width": 390, "height": 844})
    tab.goto("methods/")
    names = tab.page.locator("ul.ps-methods-alone > li")
    assert names.count() > 20
    lines = names.evaluate_all(
        """(all) => all.map((li) => new Set(Array.from(li.getClientRects(),
            (box) => Math.round(box.top))).size)"""
    )
    assert set(lines) == {1}, lines
    separator = names.first.evaluate("(li) => getComputedStyle(li, '::after').content")
    assert separator.startswith('"\u00a0·'), separator
    tab.assert_clean()


PAGER_JS = """(nav) => Array.from(nav.querySelectorAll("a, strong, .ps-pager__gap"), (el) => {
    const box = el.getBoundingClientRect();
    return { text: el.textContent.trim(), step: el.classList.contains("ps-pager__step"),
      shown: box.width > 0, top: Math.round(box.top), width: box.width, height: box.height };
  })"""


def test_the_pager_fits_a_phone_with_its_steps_above_its_numbers(
    new_tab: NewTab, e2e_site: BuiltSite
) -> None:
    """On a phone the pager wrapped wherever the row ran out ("12 Next »" alone on a second
    line), with targets 20 px tall; a desktop keeps one row."""
    middle = next(
        p.parent.name
        for p in sorted((e2e_site.site / "browse").glob("*/index.html"))
        if p.read_text(encoding="utf-8").count("ps-pager__far") == 2
    )
    phone = new_tab(viewport={"width": 390, "height": 844})
    phone.goto(f"browse/{middle}/")
    items = phone.page.locator("nav.ps-pager").evaluate(PAGER_JS)
    steps = [i for i in items if i["step"]]
    numbers = [i for i in items if not i["step"] and i["shown"]]
    assert [s["text"] for s in steps] == ["« Previous", "Next »"]
    assert len({s["top"] for s in steps}) == 1 and len({n["top"] for n in numbers}) == 1
    assert steps[0]["top"] < numbers[0]["top"]
    assert len(numbers) == len(items) - 2 - 2  # the two pages two away are left out
    targets = [i for i in steps + numbers if i["text"] != "…"]
    assert min(min(i["width"], i["height"]) for i in targets) >= 24
    desktop = new_tab(viewport={"width": 1280, "height": 900})
    desktop.goto(f"browse/{middle}/")
    items = desktop.page.locator("nav.ps-pager").evaluate(PAGER_JS)
    assert all(i["shown"] for i in items) and len({i["top"] for i in items}) == 1
    phone.assert_clean()
    desktop.assert_clean()


def test_printed_pages_leave_screen_controls_out(tab: Tab) -> None:
    """Printed, the home page has no search box or buttons and a topic page no map and
    feed links (nor their dots); the count stays, and no list entry is split between
    pages (its title printed on one, its summary on the next)."""
    page = tab.page
    tab.goto("")
    page.emulate_media(media="print")
    for hidden in (".ps-home-search", ".ps-home-actions"):
        assert not page.locator(hidden).first.is_visible(), hidden
    page.emulate_media(media="screen")
    tab.goto("topics/resnet/")
    page.emulate_media(media="print")
    line = page.locator("article h1 + p")
    text = line.inner_text()
    assert re.fullmatch(r"(Area: .* · )?\d+ papers( \(.*\))?", text), text
    entry = page.locator("article ol > li").first
    assert entry.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    page.emulate_media(media="screen")
    assert "Show on map" in line.inner_text()
    tab.assert_clean()


@pytest.mark.parametrize(
    "address",
    [
        "papers/deep-residual-learning-for-image/",  # copied in part
        "papers/deep-residul-learning-for-image-recognition/",  # a word since corrected
    ],
)
def test_a_broken_paper_address_lists_the_paper_it_meant(
    tab: Tab, e2e_site: BuiltSite, address: str
) -> None:
    """The "Page not found" page (served for any missing address, as GitHub Pages does)
    searches the address's words: the paper a link copied in part, or made before a
    title was corrected, meant is listed first."""
    page = tab.page
    not_found = (e2e_site.site / "404.html").read_text(encoding="utf-8")
    page.route(
        "**/" + address,
        lambda route: route.fulfill(status=404, body=not_found, content_type="text/html"),
    )
    tab.goto(address)
    listed = page.locator(".ps-not-found li a")
    listed.first.wait_for()
    assert 1 <= listed.count() <= 5
    assert (listed.first.text_content() or "") == RESIDUAL_TITLE
    listed.first.click()
    wait_for_h1(page, RESIDUAL_TITLE)
    assert not tab.outside()  # (the browser logs the 404 as an error: not assert_clean)


def test_an_address_of_no_known_words_lists_nothing(tab: Tab, e2e_site: BuiltSite) -> None:
    page = tab.page
    not_found = (e2e_site.site / "404.html").read_text(encoding="utf-8")
    page.route(
        "**/papers/zzqx-vvqk/",
        lambda route: route.fulfill(status=404, body=not_found, content_type="text/html"),
    )
    tab.goto("papers/zzqx-vvqk/")
    page.wait_for_selector(".ps-not-found[data-ps-ready=searched]", state="attached")
    assert not page.locator(".ps-not-found").is_visible()
    assert page.locator("h1").inner_text() == "Page not found"
    assert not tab.outside()
