"""The version mark on papersite's scripts and styles: it follows what they are made of,
as the build serves them, and nothing else (not the corpus, not where the project sits,
not Material's files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

from generator.mkdocs.asset_version import asset_version, theme_assets
from generator.mkdocs.assets import prepare_theme_files
from generator.mkdocs.trim_styles import MATERIAL_THEME


class _Theme(dict[str, Any]):
    """What the mark reads of MkDocs' theme: its folders and settings."""

    def __init__(self, dirs: list[Path], **settings: Any) -> None:
        super().__init__(settings)
        self.dirs = [str(d) for d in dirs]


THEME = {
    "assets/javascripts/papersite.js": "/* a comment */\nvar a = 1;\n",
    "assets/stylesheets/papersite.css": "p { color: red; }\n",
    "partials/palette.html": "<form></form>\n",
    "main.html": "{% extends 'base.html' %}\n",
}


def _mark(root: Path, theme_files: dict[str, str], docs: dict[str, str], **settings: Any) -> str:
    """The mark of a build of `theme_files` and the pages `docs`, as the plugin takes it:
    the theme's assets chosen, then minified (prepare_theme_files), then hashed."""
    theme, pages = root / "theme", root / "docs"
    files = []
    for folder, contents in ((theme, theme_files), (pages, docs)):
        for name, text in contents.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
            if not name.endswith(".html"):  # MkDocs reads templates, it does not copy them
                files.append(File(name, str(folder), str(root / "site"), True))
    mkdocs_theme = _Theme([theme, MATERIAL_THEME], **settings)
    built = Files(files)
    assets = theme_assets(built, mkdocs_theme)
    prepare_theme_files(built, theme, "")
    return asset_version(assets, mkdocs_theme)


def _edited(name: str, text: str) -> dict[str, str]:
    return {**THEME, name: text}


def test_the_mark_follows_what_the_theme_serves(tmp_path: Path) -> None:
    mark = _mark(tmp_path / "a", THEME, {})
    assert mark.startswith("v=") and len(mark) == len("v=") + 8
    assert _mark(tmp_path / "b", THEME, {}) == mark  # another folder, the same files
    changed = [
        _edited("assets/stylesheets/papersite.css", "p { color: blue; }\n"),
        _edited("assets/javascripts/papersite.js", "var a = 2;\n"),
        {**THEME, "assets/javascripts/extra.js": "var b;\n"},
        _edited("partials/palette.html", "<form class=x></form>\n"),  # palette.js's partial
    ]
    for number, theme in enumerate(changed):
        assert _mark(tmp_path / f"c{number}", theme, {}) != mark, theme
    assert _mark(tmp_path / "d", THEME, {}, palette=[{"scheme": "slate"}]) != mark
    # What minifying takes out changes nothing a browser gets.
    same = _edited("assets/javascripts/papersite.js", "/* another comment */\nvar a = 1;\n")
    assert _mark(tmp_path / "e", same, {}) == mark


def test_the_corpus_and_pages_leave_the_mark_alone(tmp_path: Path) -> None:
    """Pages and generated data (the map's points, the search's words) change with the
    corpus; a mark that followed them would rewrite every page for one new paper."""
    mark = _mark(tmp_path / "a", THEME, {"index.md": "# Home", "assets/search/words.json": "[]"})
    more = {"index.md": "# Home, edited", "assets/search/words.json": '["kites"]'}
    assert _mark(tmp_path / "b", THEME, more) == mark
