"""papersite's theme: its copies of Material's partials still match Material, and the
theme folders are searched in the order that lets a project override anything."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from mkdocs.config import load_config
from paths import REPO

from generator.config import load_config as load_project
from generator.mkdocs.plugin import THEME_DIR, PapersitePlugin

MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"
# papersite's changes in a copied partial sit between these markers.
MARKED = re.compile(r"[ \t]*\{#- papersite: begin -#\}.*?\{#- papersite: end -#\}\n", re.S)
LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.S)


def _outside_changes(text: str) -> list[str]:
    """The lines of a template outside papersite's marked changes and its head comment."""
    return [line for line in MARKED.split(LEADING_COMMENT.sub("", text)) if line]


COPIED_PARTIALS = [
    "partials/header.html",
    "partials/javascripts/base.html",
    "partials/javascripts/content.html",
    "partials/logo.html",
    "partials/palette.html",
    "partials/progress.html",
    "partials/top.html",
]


@pytest.mark.parametrize("partial", COPIED_PARTIALS)
def test_copied_partials_match_the_installed_material_outside_the_marked_changes(
    partial: str,
) -> None:
    ours = (THEME_DIR / partial).read_text(encoding="utf-8")
    theirs = LEADING_COMMENT.sub("", (MATERIAL_TEMPLATES / partial).read_text(encoding="utf-8"))
    position = 0
    for piece in _outside_changes(ours):
        found = theirs.find(piece, position)
        assert found >= 0, f"{partial}: Material changed this part:\n{piece}"
        position = found + len(piece)
    assert len(MARKED.findall(ours)) >= 1


def test_every_copied_partial_is_checked() -> None:
    copied = [
        str(p.relative_to(THEME_DIR))
        for p in THEME_DIR.rglob("*.html")
        if (MATERIAL_TEMPLATES / p.relative_to(THEME_DIR)).is_file()
        and "copied from mkdocs-material" in p.read_text(encoding="utf-8")
    ]
    assert sorted(copied) == COPIED_PARTIALS


def _stripped_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_main_htmls_copy_of_the_sidebars_matches_materials_base_html() -> None:
    """main.html leaves the toc sidebar out of pages that hide it with a copy of the rest
    of Material's site_nav block: the copy, line for line, as in Material's base.html."""
    ours = (THEME_DIR / "main.html").read_text(encoding="utf-8")
    copy = ours.split("{#- papersite: copied from base.html, block site_nav -#}")[1]
    copy = copy.split("{#- papersite: end of copy -#}")[0]
    lines = _stripped_lines(copy)
    theirs = _stripped_lines((MATERIAL_TEMPLATES / "base.html").read_text(encoding="utf-8"))
    block = theirs[theirs.index("{% block site_nav %}") + 1 :]
    assert block[: len(lines)] == lines
    assert block[len(lines)] == '{% if "toc.integrate" not in features %}'


def _inline_script(partial: str) -> str:
    text = (MATERIAL_TEMPLATES / partial).read_text(encoding="utf-8")
    found = re.search(r"<script>(.*?)</script>", text, re.S)
    assert found
    return found.group(1)


def _script_code(name: str) -> str:
    text = (THEME_DIR / "assets" / "javascripts" / name).read_text(encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if not line.startswith("//"))


def test_shared_copies_of_materials_inline_scripts_match_material() -> None:
    """palette.js ends in Material's palette script; scope.js is its settings helpers, with the
    site's root from the script's own URL instead of the page's base URL."""
    palette = _script_code("palette.js").splitlines()  # a template: its last line is code
    assert palette[-1] == _inline_script("partials/javascripts/palette.html")
    material = _inline_script("partials/javascripts/base.html")
    page_scope = 'new URL("{{ config.extra.scope | d(base_url) }}",location)'
    assert page_scope in material
    own_scope = 'new URL("../..",document.currentScript.src)'
    assert _script_code("scope.js") == material.replace(page_scope, own_scope)


def _configured(root: Path, custom_dir: str | None = None) -> object:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if custom_dir:
        text = text.replace("  name: material\n", f"  name: material\n  custom_dir: {custom_dir}\n")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    config = load_config(str(root / "mkdocs.yml"))
    plugin = config.plugins["papersite"]
    assert isinstance(plugin, PapersitePlugin)
    plugin.use_project(load_project(root))
    try:
        return plugin.on_config(config)
    finally:
        plugin.on_shutdown()


def test_a_projects_overrides_come_before_papersites_theme_and_material(tmp_path: Path) -> None:
    overrides = tmp_path / "site_src" / "overrides" / "partials"
    overrides.mkdir(parents=True)
    (overrides / "search-button.html").write_text("<!-- mine -->\n", encoding="utf-8")
    config = _configured(tmp_path)
    dirs = [Path(d).resolve() for d in config.theme.dirs]  # type: ignore[attr-defined]
    assert dirs[:2] == [(tmp_path / "site_src" / "overrides").resolve(), THEME_DIR]
    assert dirs[2] == MATERIAL_TEMPLATES
    env = config.theme.get_env()  # type: ignore[attr-defined]
    assert env.get_template("partials/search-button.html").render() == "<!-- mine -->"
    assert Path(env.get_template("main.html").filename).parent == THEME_DIR


def test_a_custom_dir_in_mkdocs_yml_comes_first(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    config = _configured(tmp_path, custom_dir="mine")
    dirs = [Path(d).resolve() for d in config.theme.dirs]  # type: ignore[attr-defined]
    assert dirs[:3] == [(tmp_path / "mine").resolve(), THEME_DIR, MATERIAL_TEMPLATES]
