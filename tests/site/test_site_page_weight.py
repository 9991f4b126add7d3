"""What keeps paper pages light (benchmarks/README.md, page sizes): the theme writes no
hidden table of contents, no inline icon SVG and no inline copy of Material's shared
scripts into them, and Material's settings leave out its (unused) search. Each test
fails if one of these savings is lost; the browser tests check that the header, the
drawer and the palette still work.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sitebuild import BuiltSite
from sitehtml import Node, html_pages, palette_switch, parse, parse_file

from generator.mkdocs.icons import css_class

ICON_CLASS_RE = re.compile(r"\bps-icon--[\w-]+")


def _paper_pages(site: BuiltSite) -> list[Path]:
    return sorted((site.site / "papers").glob("*/index.html"))


def _outside_article(html: str) -> str:
    """The page without its <article> (the theme's part: head, header, sidebars, footer)."""
    start, end = html.index("<article"), html.index("</article>")
    return html[:start] + html[end:]


def test_paper_pages_have_no_hidden_toc_sidebar(built_site: BuiltSite) -> None:
    for page in _paper_pages(built_site)[:50]:
        tree = parse_file(page)
        assert not tree.find_all(cls="md-sidebar--secondary"), page
        assert tree.find_all(cls="md-sidebar--primary"), page  # the drawer's navigation stays
    topics = parse_file(built_site.site / "topics" / "index.html")  # a page with a toc
    toc = topics.find(cls="md-sidebar--secondary")
    assert "hidden" not in toc.attrs


def test_theme_icons_are_not_inline_svg(built_site: BuiltSite) -> None:
    """Header, drawer and back-to-top icons are classes that the shared stylesheet
    paints; every icon class a page (or the palette switch it is given) uses has its
    rule there."""
    css = (built_site.site / "assets" / "stylesheets" / "papersite.css").read_text("utf-8")
    used = set(ICON_CLASS_RE.findall(palette_switch(built_site.site)))
    for page in [built_site.site / "index.html", *_paper_pages(built_site)[:50]]:
        html = page.read_text(encoding="utf-8")
        theme_part = _outside_article(html)
        assert "<svg" not in theme_part, page
        used |= set(ICON_CLASS_RE.findall(theme_part))
        tree = parse(html)
        for selector in ("md-header", "md-nav--primary", "md-top"):
            assert tree.find(cls=selector).find_all(cls="ps-icon"), (page, selector)
    expected = {
        css_class(name)
        for name in (
            "material/menu",
            "material/magnify",
            "material/library",
            "material/arrow-up",
            "material/weather-night",
            "material/weather-sunny",
        )
    }
    assert used == expected
    for name in used:
        assert f'.{name}{{--ps-icon:url("data:image/svg+xml' in css, name


def test_controls_keep_their_labels(fixture_site: BuiltSite) -> None:
    """Icons without SVG: the header's buttons still say what they do (the palette
    switch as its script writes it in)."""
    page = _paper_pages(fixture_site)[0]
    header = parse_file(page).find("header")
    search = header.find("button", cls="ps-search-open")
    assert search.attrs["aria-label"] == "Search"
    switch = parse(palette_switch(fixture_site.site))
    labels = [n for n in switch.find_all("label") if n.attrs.get("title")]
    assert [n.attrs["title"] for n in labels] == ["Switch to dark mode", "Switch to light mode"]
    assert all(n.find(cls="ps-icon") for n in labels)
    inputs = switch.find("form").find_all("input")
    assert [n.attrs["aria-label"] for n in inputs] == [n.attrs["title"] for n in labels]
    logo = header.find("a", cls="md-logo")
    assert logo.attrs["aria-label"] == fixture_site.config.site_name


def _scripts(tree: Node) -> list[Node]:
    return tree.find_all("script")


# papersite's files that every page names.
OWN_FILES = {"scope.js", "palette.js", "papersite.js", "papersite.css"}


def test_shared_scripts_are_files_not_inline(built_site: BuiltSite) -> None:
    """Material's settings helpers and palette script are loaded from shared files; the
    content-tab script is left out of pages without tabs; the settings JSON has no
    search settings. Only the page's own data stays inline. papersite's files are asked
    for with the build's version mark (mkdocs/asset_version.py), one on every page."""
    marks = set()
    for page in [built_site.site / "index.html", *_paper_pages(built_site)[:50]]:
        tree = parse_file(page)
        inline = [n for n in _scripts(tree) if "src" not in n.attrs]
        kinds = sorted(n.attrs.get("type", "") or n.attrs.get("id", "") for n in inline)
        assert all(kind in {"application/json", "application/ld+json"} for kind in kinds), page
        addresses = [n.attrs["src"] for n in _scripts(tree) if "src" in n.attrs]
        styles = [n.attrs.get("href", "") for n in tree.find_all("link")]
        addresses += [href for href in styles if "stylesheets/" in href]
        names = [a.split("?")[0].rsplit("/", 1)[-1] for a in addresses]
        assert names[:2] == ["scope.js", "palette.js"], page
        own = [a for a, n in zip(addresses, names, strict=True) if n in OWN_FILES]
        assert len(own) == len(OWN_FILES), page
        marks.update(a.split("?", 1)[1] if "?" in a else "" for a in own)
        config = json.loads(_config_text(tree))
        assert "search" not in config
        assert not [key for key in config["translations"] if key.startswith("search.")]
        assert config["base"] and config["features"]
    assert len(marks) == 1 and marks.pop().startswith("v="), marks


def _config_text(tree: Node) -> str:
    script = next(n for n in tree.find_all("script") if n.attrs.get("id") == "__config")
    return "".join(c for c in script.children if isinstance(c, str))


def test_paper_pages_theme_part_stays_small(bundled_site: BuiltSite) -> None:
    """The theme's share of a paper page (all but the <article>) is deterministic output:
    6.4 KB on average with the savings above, 11.2 KB without them."""
    sizes = [
        len(_outside_article(p.read_text("utf-8")).encode()) for p in _paper_pages(bundled_site)
    ]
    assert max(sizes) < 8_000, max(sizes)


def test_no_page_loses_its_header_controls(built_site: BuiltSite) -> None:
    """Every built page with Material's header (404 included) has its menu, palette and
    search. The palette switch is written in by the shared palette script (0.9 KB of
    every page before), in the header, before the search button."""
    pages = [p for p in html_pages(built_site.site) if "md-header" in p.read_text("utf-8")]
    assert built_site.site / "404.html" in pages
    for page in pages[:80]:
        header = parse_file(page).find("header")
        assert header.find("label", cls="md-header__button").attrs.get("for") == "__drawer"
        assert not header.find_all("form") and not header.find_all("input"), page
        controls = [n for n in header.iter() if n.tag in {"script", "button"}]
        assert controls[0].attrs["src"].split("?")[0].endswith("javascripts/palette.js"), page
        assert "ps-search-open" in controls[1].attrs.get("class", ""), page
    switch = parse(palette_switch(built_site.site)).find("form")
    assert switch.attrs["data-md-component"] == "palette"
    assert len(switch.find_all("input")) == 2


def test_the_site_writes_no_file_nothing_reads(built_site: BuiltSite) -> None:
    """The tags plugin's tags.json (every page's topics, 0.2 KB a paper) is not exported,
    and paper pages carry their graph's layout, not its SVG (graph.js draws it)."""
    assert not (built_site.site / "tags.json").exists()
    for page in _paper_pages(built_site)[:50]:
        html = page.read_text(encoding="utf-8")
        assert "<svg" not in html, page
        if "ps-graph-figure" in html:
            assert "data-graph='" in html, page
