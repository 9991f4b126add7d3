"""The version mark on papersite's scripts and styles: it follows what they are made of
and nothing else (not the corpus, not where the project sits, not Material's files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

from generator.mkdocs.asset_version import asset_version
from generator.mkdocs.trim_styles import MATERIAL_THEME


class _Theme(dict[str, Any]):
    """What asset_version reads of MkDocs' theme: its folders and settings."""

    def __init__(self, dirs: list[Path], **settings: Any) -> None:
        super().__init__(settings)
        self.dirs = [str(d) for d in dirs]


def _files(*folders: tuple[Path, dict[str, str]]) -> Files:
    files = []
    for root, contents in folders:
        for name, text in contents.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
            files.append(File(name, str(root), str(root.parent / "site"), True))
    return Files(files)


def _mark(
    tmp_path: Path, theme_files: dict[str, str], docs_files: dict[str, str], **settings: Any
) -> str:
    theme, docs = tmp_path / "theme", tmp_path / "docs"
    files = _files((theme, theme_files), (docs, docs_files))
    return asset_version(files, _Theme([theme, MATERIAL_THEME], **settings))


SCRIPT = {"assets/javascripts/papersite.js": "var a = 1;", "assets/stylesheets/p.css": "p{}"}


def test_the_mark_follows_the_themes_files_and_palette(tmp_path: Path) -> None:
    mark = _mark(tmp_path / "a", SCRIPT, {})
    assert mark.startswith("v=") and len(mark) == len("v=") + 8
    assert _mark(tmp_path / "b", SCRIPT, {}) == mark  # another folder, the same files
    edited = dict(SCRIPT, **{"assets/stylesheets/p.css": "p{color:red}"})
    assert _mark(tmp_path / "c", edited, {}) != mark
    added = dict(SCRIPT, **{"assets/javascripts/extra.js": ""})
    assert _mark(tmp_path / "d", added, {}) != mark
    assert _mark(tmp_path / "e", SCRIPT, {}, palette=[{"scheme": "slate"}]) != mark


def test_the_corpus_and_pages_leave_the_mark_alone(tmp_path: Path) -> None:
    """Pages and generated data (the map's points, the search's words) change with the
    corpus; a mark that followed them would rewrite every page for one new paper."""
    mark = _mark(tmp_path / "a", SCRIPT, {"index.md": "# Home", "assets/search/words.json": "[]"})
    more = {"index.md": "# Home, edited", "assets/search/words.json": '["kites"]'}
    assert _mark(tmp_path / "b", SCRIPT, more) == mark
