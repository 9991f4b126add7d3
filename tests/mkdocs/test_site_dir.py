"""A build replaces site_dir whole: only a folder papersite (or MkDocs) built, or one with
nothing to lose, is replaced; any other folder is refused, by `check` too, and kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import papersite
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.exceptions import PluginError
from sitebuild import fixture_project, repository_mkdocs_yml

from generator.mkdocs.site_state import foreign_site_problem, save_site_state
from generator.project_paths import BUILD_STATE_SUFFIX


def _project(root: Path, site_dir: str = "site", extra: str = "") -> Path:
    text = repository_mkdocs_yml().replace("site_dir: site", f"site_dir: {site_dir}")
    return fixture_project(root, text + extra)


def test_a_folder_papersite_did_not_build_is_refused_and_kept(tmp_path: Path) -> None:
    root = _project(tmp_path, "mysite")
    (root / "mysite").mkdir()
    (root / "mysite" / "keep.txt").write_text("precious\n", encoding="utf-8")
    for command in ("build", "check"):
        result = papersite(root, command)
        assert result.exit_code == 2, result.output
        message = result.output.strip().splitlines()[-1]
        assert message.startswith(f"Error: {root / 'mkdocs.yml'}: site_dir 'mysite'"), message
        assert "did not build" in message and "keep.txt" in message
    assert (root / "mysite" / "keep.txt").read_text("utf-8") == "precious\n"
    assert sorted(p.name for p in (root / "mysite").iterdir()) == ["keep.txt"]
    # plain `mkdocs build` (which empties site_dir itself) is refused by the plugin too
    (root / "docs").mkdir()  # MkDocs wants it before the plugin runs
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml")]
    plain = subprocess.run(command, capture_output=True, text=True, timeout=300)  # its own
    assert plain.returncode != 0 and "did not build" in plain.stderr  # logging set-up
    assert (root / "mysite" / "keep.txt").read_text("utf-8") == "precious\n"


def test_plain_mkdocs_build_dirty_may_write_into_a_folder_it_does_not_empty(
    tmp_path: Path,
) -> None:
    """`mkdocs build --dirty` keeps what site_dir holds: the plugin refuses a folder
    papersite did not build only when the build empties it."""
    root = _project(tmp_path, "mysite")
    (root / "mysite").mkdir()
    (root / "mysite" / "keep.txt").write_text("precious\n", encoding="utf-8")
    (root / "docs").mkdir()  # MkDocs wants it before the plugin runs
    for dirty in (True, False):
        config = load_mkdocs_config(config_file=str(root / "mkdocs.yml"))
        plugin = config.plugins["papersite"]
        plugin.on_startup(command="build", dirty=dirty)
        if dirty:
            plugin.on_config(config)
        else:
            with pytest.raises(PluginError, match=r"site_dir 'mysite'.*did not build"):
                plugin.on_config(config)
        plugin.on_shutdown()


def test_a_file_at_site_dir_is_refused_and_kept(tmp_path: Path) -> None:
    root = _project(tmp_path, "notes.txt")
    (root / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = papersite(root, "build")
    assert result.exit_code == 2 and "site_dir 'notes.txt' is a file, not a folder" in result.output
    assert (root / "notes.txt").read_text("utf-8") == "mine\n"


@pytest.mark.parametrize("before", ["empty", "hidden entries only", "built by papersite"])
def test_a_folder_with_nothing_to_lose_is_replaced(tmp_path: Path, before: str) -> None:
    root = _project(tmp_path, "mysite")
    site = root / "mysite"
    site.mkdir()
    if before == "hidden entries only":  # a gh-pages worktree: they are carried over
        (site / ".nojekyll").write_text("", encoding="utf-8")
    if before == "built by papersite":
        (site / "old-page.html").write_text("<p>old</p>", encoding="utf-8")
        save_site_state(site, None)
    result = papersite(root, "build")
    assert result.exit_code == 0, result.output
    assert (site / "index.html").is_file() and not (site / "old-page.html").exists()
    assert (site / ".nojekyll").is_file() == (before == "hidden entries only")
    assert (root / f".mysite{BUILD_STATE_SUFFIX}").is_file()


def test_every_build_marks_its_site_as_papersites(tmp_path: Path) -> None:
    """A build whose site the key cannot vouch for (hooks: never skipped) still records
    that papersite built it, so the next build replaces it; so does a site of an older
    papersite (no state file) that MkDocs built."""
    root = _project(tmp_path, extra="\nhooks: [hook.py]\n")
    (root / "hook.py").write_text("", encoding="utf-8")
    assert papersite(root, "build").exit_code == 0
    assert (root / f".site{BUILD_STATE_SUFFIX}").is_file()
    (root / "site" / "stray.txt").write_text("left by hand\n", encoding="utf-8")
    again = papersite(root, "build")
    assert again.exit_code == 0, again.output
    assert not (root / "site" / "stray.txt").exists()
    (root / f".site{BUILD_STATE_SUFFIX}").unlink()  # as an earlier papersite left it
    (root / "site" / "stray.txt").write_text("left by hand\n", encoding="utf-8")
    assert foreign_site_problem(root / "site", "site") == ""
    older = papersite(root, "build")
    assert older.exit_code == 0, older.output
    assert not (root / "site" / "stray.txt").exists()


def test_what_looks_like_a_built_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    (site / "index.html").write_text("<p>mine</p>", encoding="utf-8")
    assert "did not build" in foreign_site_problem(site, "site")  # no assets/, no .gz
    (site / "sitemap.xml.gz").write_bytes(b"")
    (site / "assets").mkdir()
    assert foreign_site_problem(site, "site") == ""
