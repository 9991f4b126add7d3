"""A paper page's header in headless Chromium: Cite drops the citation down and copies
it, Show on map finds the paper on the map, names read with their scripts raised."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sitebuild import BuiltSite

if TYPE_CHECKING:
    from conftest import NewTab

pytestmark = pytest.mark.browser

U2NET = "papers/u-2-net-going-deeper-with-nested-u-structure-for-salient-object-detection/"


def test_cite_copies_the_bibtex_and_the_plain_line(new_tab: NewTab) -> None:
    tab = new_tab(viewport={"width": 390, "height": 844})
    tab.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab.goto(U2NET)
    assert not tab.page.is_visible("#cite-bibtex")
    button = tab.page.locator(".ps-cite > summary")
    closed_at = button.bounding_box()
    button.click()
    assert button.bounding_box() == closed_at  # it jumped to a row of its own
    panel = tab.page.locator(".ps-cite__body").bounding_box()
    assert panel and panel["x"] >= 0 and panel["x"] + panel["width"] <= 390
    lookups = tab.page.locator(".ps-lookups").bounding_box()
    assert lookups and lookups["y"] + lookups["height"] <= panel["y"]  # links in sight
    # On a phone the title is smaller than Material's 2em (a long one filled the first
    # screen) and the sections stay a step below it.
    base, title, section = tab.page.evaluate(
        "() => ['article', 'h1.ps-title', 'article h2'].map("
        "s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"
    )
    assert title <= 1.6 * base and section < title, (base, title, section)
    shown = tab.page.inner_text("#cite-bibtex")
    assert shown.startswith("@misc{") and "title = {{U$^{2}$-Net: Going Deeper" in shown
    # each Copy button is named by what it copies ("Copy BibTeX", then "Copied BibTeX")
    for target, name in (("cite-bibtex", "BibTeX"), ("cite-plain", "Plain text")):
        tab.page.get_by_role("button", name=f"Copy {name}", exact=True).click()
        tab.page.wait_for_function(
            f"document.querySelector('button[data-copy={target}]').textContent === 'Copied'"
        )
        assert tab.page.get_by_role("button", name=f"Copied {name}", exact=True).count() == 1
        copied = tab.page.evaluate("navigator.clipboard.readText()")
        assert copied == tab.page.text_content(f"#{target}")
    tab.page.keyboard.press("Tab")  # from the last Copy button out of the panel
    assert not tab.page.is_visible("#cite-bibtex")
    button.click()
    tab.page.focus("button[data-copy=cite-bibtex]")
    tab.page.keyboard.press("Escape")  # the focus is on a Copy button, inside
    assert not tab.page.is_visible("#cite-bibtex")
    assert tab.page.evaluate("document.activeElement.matches('.ps-cite > summary')")
    button.click()
    tab.page.click("article h1.ps-title")  # a click elsewhere closes it too
    assert not tab.page.is_visible("#cite-bibtex")
    # Printed, the citation shows under the header, in the page's flow; no buttons
    # (they printed as empty boxes): the code's link prints as its name and address, the
    # look-up links stay (they lead on from a PDF). Printed from dark mode, the page is
    # light to its margins (Material's color-scheme tag painted them black).
    tab.page.emulate_media(media="print", color_scheme="dark")
    tab.page.wait_for_function("document.querySelector('details.ps-cite').open")
    assert tab.page.is_visible("#cite-plain") and tab.page.is_visible("#cite-bibtex")
    assert (
        tab.page.eval_on_selector(".ps-cite__body", "e => getComputedStyle(e).position") == "static"
    )
    for hidden in (".ps-cite > summary", "text=Show on map", ".ps-copy"):
        assert not tab.page.locator(hidden).first.is_visible(), hidden
    assert tab.page.is_visible(".ps-lookups")
    code = tab.page.locator(".ps-actions > a", has_text="Code (GitHub)")
    after = code.evaluate("e => getComputedStyle(e, '::after').content")
    assert after == '": https://github.com/NathanUA/U-2-Net"', after
    assert code.evaluate("e => getComputedStyle(e).borderTopWidth") == "0px"
    scheme = tab.page.evaluate("getComputedStyle(document.documentElement).colorScheme")
    assert scheme == "light", scheme
    tab.page.emulate_media(media="screen")
    tab.page.wait_for_function("!document.querySelector('details.ps-cite').open")
    tab.assert_clean()


def test_show_on_map_zooms_to_the_paper_and_names_it(new_tab: NewTab) -> None:
    tab = new_tab(viewport={"width": 1280, "height": 900})
    tab.goto(U2NET)
    tab.page.click("text=Show on map")
    tab.page.wait_for_selector(".ps-map[data-ready=ready]")
    assert tab.page.get_attribute(".ps-map", "data-pinned") == U2NET
    tip = tab.page.locator(".ps-map__tip")
    assert tip.is_visible() and tip.inner_text().startswith("U2-Net: Going Deeper")  # raised
    assert (tip.text_content() or "").startswith("U^2-Net: Going Deeper")  # as written
    assert tip.locator("sup").first.inner_text() == "2"
    zoom = tab.page.evaluate("window.papersiteMap.zoom()")
    assert zoom > 1
    tab.assert_clean()


def test_the_title_reads_u2_net_and_keeps_its_text(new_tab: NewTab) -> None:
    tab = new_tab(viewport={"width": 1280, "height": 900})
    tab.goto(U2NET)
    title = tab.page.locator("article h1.ps-title")
    assert title.inner_text().startswith("U2-Net: Going Deeper")  # what a reader sees
    assert title.text_content().startswith("U^2-Net: Going Deeper")  # what the page holds
    assert tab.page.title().startswith("U²-Net: Going Deeper")  # plain text: raised too
    # the title reads in the text's colour, not Material's light grey, and not thin
    shown = "s => [getComputedStyle(document.querySelector(s))].map(c => [c.color, c.fontWeight])"
    for scheme in ("light", "dark"):
        tab.page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        ((colour, weight),), ((text, _),) = (
            tab.page.evaluate(shown, s) for s in ("article h1.ps-title", ".ps-abstract")
        )
        assert colour == text and int(weight) >= 400, (scheme, colour, text, weight)
    tab.assert_clean()


def test_the_palette_switch_is_written_once_and_the_choice_follows_the_reader(
    new_tab: NewTab,
) -> None:
    """The switch comes from the shared palette script (not the page): one per page, and
    the reader's choice holds on the next page (Material's instant navigation keeps the
    header) and after a reload."""
    tab = new_tab(viewport={"width": 1280, "height": 900})
    page = tab.page
    tab.goto(U2NET)
    switch = page.locator("header form[data-md-component=palette]")
    assert switch.count() == 1
    page.locator("header label[title='Switch to dark mode']").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    page.locator(".ps-related > li > a").first.click()
    page.wait_for_function("() => !location.pathname.includes('u-2-net')")
    page.wait_for_selector("article h1")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert switch.count() == 1
    assert page.locator("header label[title='Switch to light mode']").is_visible()
    page.reload()
    page.wait_for_selector("article h1")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert switch.count() == 1
    tab.assert_clean()


# Per label of the graph: [halo's stroke, halo's fill, text's stroke, halo before text].
GRAPH_LABELS_JS = """() => Array.from(document.querySelectorAll(
  "article svg.ps-graph .ps-graph__node, article svg.ps-graph .ps-graph__self"
)).map((group) => {
  const [halo, text] = group.querySelectorAll("text");
  const style = (el, name) => getComputedStyle(el).getPropertyValue(name);
  return [style(halo, "stroke"), style(halo, "fill"), style(text, "stroke"),
          halo.nextElementSibling === text, halo.textContent === text.textContent];
})"""


def test_a_graph_labels_halo_never_covers_a_line_of_it(new_tab: NewTab) -> None:
    """A label was one text with a halo: on a phone the second line's halo cut the foot
    of the first ("Fully Convolutional" in half). Each label is now its halo, then its
    lines without one."""
    tab = new_tab(viewport={"width": 390, "height": 844})
    tab.goto(U2NET)
    tab.page.wait_for_selector("article svg.ps-graph")
    labels = tab.page.evaluate(GRAPH_LABELS_JS)
    assert len(labels) >= 3
    for halo_stroke, halo_fill, text_stroke, in_order, same in labels:
        assert halo_stroke != "none" and halo_fill == "none" and text_stroke == "none"
        assert in_order and same
    # The picture's name and the centre's tooltip: the title as the heading holds it (the
    # layout no longer carries it a second time).
    label, tooltip = tab.page.evaluate(
        "() => [document.querySelector('article svg.ps-graph').getAttribute('aria-label'),"
        " document.querySelector('article .ps-graph__self > title').textContent]"
    )
    assert label.startswith("U^2-Net: Going Deeper") and label.endswith(" related papers")
    assert tooltip.startswith("U^2-Net: Going Deeper")
    tab.assert_clean()


def test_a_graph_drawn_after_the_heading_is_typeset_names_the_title_in_plain_text(
    new_tab: NewTab,
) -> None:
    """A heading with math holds KaTeX's output once typeset (on a reload, or after
    instant navigation, KaTeX is there first): the graph is named by the title in plain
    text ("Beyond ℓ₁ sparse coding"), not "Beyond ℓ1\\ell_1ℓ1 sparse coding"."""
    tab = new_tab(viewport={"width": 1280, "height": 900})
    tab.goto("papers/beyond-ell-1-sparse-coding-in-v1/")
    tab.page.wait_for_selector("article h1 .ps-math .katex")
    label = tab.page.evaluate(
        """() => { document.querySelector('article svg.ps-graph')?.remove();
                   window.papersite.drawGraphs();
                   const svg = document.querySelector('article svg.ps-graph');
                   return svg.getAttribute('aria-label'); }"""
    )
    assert label.startswith("Beyond ℓ₁ sparse coding in V1 and "), label
    # Search results show it so too; search still matches the listing's words.
    tab.page.keyboard.press("/")
    tab.page.locator("[data-ps-search-input]").fill("ell_1 sparse coding V1")
    first = tab.page.locator(".ps-search__result .ps-search__title").first
    first.wait_for()
    assert first.inner_text().strip() == "Beyond ℓ₁ sparse coding in V1"
    tab.assert_clean()


def test_another_version_of_the_abstract_shows_no_pencil(
    new_tab: NewTab, e2e_site: BuiltSite
) -> None:
    """Material's "note" icon (a pencil) on "Version 2" read as "edit this"."""
    page_file = next(
        p
        for p in sorted((e2e_site.site / "papers").glob("*/index.html"))
        if 'class="ps-version"' in p.read_text(encoding="utf-8")
    )
    tab = new_tab(viewport={"width": 1280, "height": 900})
    tab.goto(f"papers/{page_file.parent.name}/")
    summary = tab.page.locator(".ps-version > summary").first
    assert summary.is_visible()
    assert summary.evaluate("(el) => getComputedStyle(el, '::before').display") == "none"
    tab.assert_clean()
