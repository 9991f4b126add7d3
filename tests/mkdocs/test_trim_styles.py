"""Material's stylesheet trimmed to the classes a site uses: a rule goes only when an
element it needs can never be on a page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuild import BuiltSite

import generator.mkdocs.trim_styles as trim_styles
from generator.mkdocs.trim_styles import (
    MATERIAL_THEME,
    SELECTOR_CLASS,
    UsedNames,
    trim_site_stylesheets,
    trim_stylesheet,
    used_names,
)


def used(*names: str, prefixes: tuple[str, ...] = ()) -> UsedNames:
    return UsedNames(frozenset(names), prefixes)


def test_rules_that_need_an_unused_class_go() -> None:
    css = ".a{color:red}.b{color:blue}.a .b{margin:0}.a>.c{padding:0}"
    assert trim_stylesheet(css, used("a", "b")) == ".a{color:red}.b{color:blue}.a .b{margin:0}"


def test_a_selector_list_keeps_its_selectors_that_may_match() -> None:
    css = ".a,.gone,p.b:hover{color:red}"
    assert trim_stylesheet(css, used("a", "b")) == ".a,p.b:hover{color:red}"


def test_element_attribute_and_id_selectors_are_never_judged() -> None:
    css = "p{margin:0}[data-md-color-scheme=slate]{color:#fff}#main{padding:0}:root{--x:1}"
    assert trim_stylesheet(css, used()) == css


def test_classes_in_brackets_or_escapes_keep_their_rule() -> None:
    """A class inside :not(...) or :has(...) need not be on any element; an attribute
    value is not a class; an escaped name is not read at all."""
    css = (
        ".a:not(.gone){color:red}.a:has(.gone){color:red}"
        '.a[title=".gone{"]{color:red}.gone\\:x{color:red}'
    )
    assert trim_stylesheet(css, used("a")) == css


def test_grouping_rules_are_trimmed_inside_and_dropped_when_empty() -> None:
    css = (
        "@media screen and (min-width:60em){.a{color:red}.gone{color:blue}}"
        "@media print{.gone{display:none}}"
        "@supports (display:grid){.gone{display:grid}}"
    )
    assert trim_stylesheet(css, used("a")) == "@media screen and (min-width:60em){.a{color:red}}"


def test_other_at_rules_and_strings_with_braces_are_kept_whole() -> None:
    css = (
        '@charset "UTF-8";@font-face{font-family:x;src:url("a{b}.woff")}'
        "@keyframes spin{0%{transform:none}to{transform:rotate(1turn)}}"
        '.a:after{content:"}"}.gone:after{content:"{"}'
    )
    expected = css.replace('.gone:after{content:"{"}', "")
    assert trim_stylesheet(css, used("a")) == expected


def test_comments_between_rules_go() -> None:
    css = "/* a { comment } */.a{color:red}/*# sourceMappingURL=x.map */"
    assert trim_stylesheet(css, used("a")) == ".a{color:red}"


def test_classes_come_from_pages_and_scripts(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        "<div class=\"md-grid  hero\"><p class='lead'>x</p><span class=bare></span>"
        '<script>el.classList.add("md-inline")</script></div>',
        encoding="utf-8",
    )
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app.js").write_text(
        'x.className="md-dialog md-dialog--active";y=`md-source__fact--${kind}`;z="tab-"+i;'
        'w="md-chip--".concat(kind)',
        encoding="utf-8",
    )
    for folder in ("pagefind", ".git"):  # a search bundle's scripts, a hidden folder
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "ui.js").write_text('c="md-ignored"', encoding="utf-8")
    names = used_names(tmp_path, leave_out=("pagefind",))
    assert not names.has("md-ignored")
    for name in ("md-grid", "hero", "lead", "bare", "md-inline", "md-dialog--active"):
        assert names.has(name), name
    assert names.has("md-source__fact--stars") and names.has("tab-3")
    assert names.has("md-chip--large")
    assert not names.has("md-source__fact") and not names.has("md-tabs")


def test_raw_html_classes_count_in_any_case_and_after_a_stray_class_in_text(
    tmp_path: Path,
) -> None:
    """A page's own HTML: `CLASS=` (attribute names have no case), `class="` in its text
    (which must not run on into the next tag and hide its class), entities in a value,
    an event handler that adds a class, and a module script."""
    (tmp_path / "index.html").write_text(
        '<p>In HTML, write class="name to start a class attribute.</p>\n'
        '<div class="admonition note"><p class="admonition-title">Note</p></div>'
        '<div CLASS="tabbed-set"></div><span class="md-&#116;ypeset"></span>'
        "<button onclick=\"this.classList.toggle('md-dialog--active')\">x</button>",
        encoding="utf-8",
    )
    (tmp_path / "extra.mjs").write_text('e.className="md-banner"', encoding="utf-8")
    names = used_names(tmp_path)
    for name in ("admonition", "tabbed-set", "md-typeset", "md-dialog--active", "md-banner"):
        assert names.has(name), name


def test_each_build_trims_materials_original(tmp_path: Path) -> None:
    """A page that starts using a class gets its rules back: the site's copy is trimmed
    from Material's file every time, never from last build's trimmed copy."""
    source = tmp_path / "material" / "main.css"
    source.parent.mkdir()
    source.write_text(".md-grid{margin:0}.admonition{padding:1em}", encoding="utf-8")
    site = tmp_path / "site"
    (site / "assets" / "stylesheets").mkdir(parents=True)
    target = site / "assets" / "stylesheets" / "main.css"
    target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    page = site / "index.html"
    styles = [(source, "assets/stylesheets/main.css")]

    page.write_text('<div class="md-grid"></div>', encoding="utf-8")
    assert trim_site_stylesheets(site, styles) == (42, 18)
    assert target.read_text(encoding="utf-8") == ".md-grid{margin:0}"

    page.write_text('<div class="md-grid"><div class="admonition"></div></div>', encoding="utf-8")
    trim_site_stylesheets(site, styles)
    assert target.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    assert [p.name for p in target.parent.iterdir()] == ["main.css"]


def test_the_built_site_downloads_under_two_thirds_of_materials_styles(
    bundled_site: BuiltSite,
) -> None:
    stylesheets = bundled_site.site / "assets" / "stylesheets"
    (built,) = stylesheets.glob("main.*.min.css")
    original = MATERIAL_THEME / "assets" / "stylesheets" / built.name
    assert built.stat().st_size < original.stat().st_size * 2 / 3
    assert built.read_text(encoding="utf-8") == trim_stylesheet(
        original.read_text(encoding="utf-8"), used_names(bundled_site.site, ("pagefind",))
    )


def test_no_script_of_the_site_builds_a_class_name_from_a_suffix(
    bundled_site: BuiltSite,
) -> None:
    """Class names built from a known prefix are kept (`md-tag--${x}`); one built by
    appending to an unknown value (`name + "--active"`) could not be: none may exist."""
    appended = re.compile(r"""(?:\+|\.concat\()\s*["'`][-_][\w-]""")
    for script in sorted(bundled_site.site.rglob("*.js")):
        if "pagefind" in script.parts or "katex" in script.parts:
            continue  # they add no class of Material's
        found = appended.findall(script.read_text(encoding="utf-8"))
        assert not found, (script.name, found[:3])


def test_materials_stylesheets_come_through_whole_when_every_class_is_used() -> None:
    """The statement reader on Material's real files: with every class used, the trim
    gives back each file as it was, byte for byte."""
    sheets = sorted((MATERIAL_THEME / "assets" / "stylesheets").glob("*.min.css"))
    assert len(sheets) == 2  # main and palette
    for sheet in sheets:
        css = sheet.read_text(encoding="utf-8")
        everything = UsedNames(frozenset(SELECTOR_CLASS.findall(css)), ())
        assert trim_stylesheet(css, everything) == css, sheet.name


def test_worker_processes_find_the_same_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages read by two processes, each reading a repeated attribute once, give the
    names one process finds; structured data (JSON-LD) is not read as a script."""
    for number in range(6):
        page = tmp_path / f"p{number}" / "index.html"
        page.parent.mkdir()
        page.write_text(
            f'<div class="md-grid only-{number}"><script>x="shared"</script>'
            f'<script type="application/ld+json">{{"name": "md-not-a-class-{number}"}}</script>'
            "</div>",
            encoding="utf-8",
        )
    alone = used_names(tmp_path)
    monkeypatch.setattr(trim_styles, "FILES_PER_WORKER", 1)
    assert used_names(tmp_path, workers=2) == alone
    assert alone.has("only-5") and alone.has("md-grid") and alone.has("shared")
    assert not any(alone.has(f"md-not-a-class-{n}") for n in range(6))
