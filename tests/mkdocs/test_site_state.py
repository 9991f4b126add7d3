"""`papersite build` keeps a site/ it would write again byte for byte, and rebuilds on
anything the build reads: docs/, mkdocs.yml, theme overrides, options, site/ itself."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from cli_run import papersite
from click.testing import Result
from paths import REPO
from sitebuild import FIXTURE_CORPUS, file_hashes

from generator.config import load_config
from generator.mkdocs.project_settings import load_mkdocs_settings
from generator.mkdocs.site_state import site_key

UP_TO_DATE = "nothing rebuilt"


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project, built once for the module."""
    root = tmp_path_factory.mktemp("built") / "project"
    (root / "site_src").mkdir(parents=True)
    shutil.copytree(FIXTURE_CORPUS, root / "site_src" / "corpus")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    first = build(root)
    assert "Site built in" in first.output, first.output
    return root


@pytest.fixture
def built(built_once: Path, tmp_path: Path) -> Path:
    """A copy of the built project for one test, times kept (as `cp -a` copies): the
    state papersite keeps holds no path outside the project."""
    return Path(shutil.copytree(built_once, tmp_path / "project", symlinks=True))


def build(root: Path, *options: str) -> Result:
    result = papersite(root, "build", *options)
    assert result.exit_code == 0, result.output
    return result


def test_nothing_changed_keeps_the_site_and_says_so(built: Path) -> None:
    index = built / "site" / "index.html"
    before, inode = file_hashes(built / "site"), index.stat().st_ino
    again = build(built)
    assert UP_TO_DATE in again.output and "Site built" not in again.output
    assert file_hashes(built / "site") == before and index.stat().st_ino == inode
    forced = build(built, "--force")
    assert "Site built in" in forced.output
    assert file_hashes(built / "site") == before  # what the skipped build would have written
    assert index.stat().st_ino != inode


@pytest.mark.parametrize(
    "change",
    [
        "mkdocs.yml",
        "theme override",
        "hand-made file",
        "hand-made file, same size and time",
        "linked folder's file",
        "build date",
        "site file",
        "site file gone",
    ],
)
def test_anything_the_build_reads_or_wrote_changed_rebuilds(
    built: Path, change: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if change == "mkdocs.yml":
        text = (built / "mkdocs.yml").read_text("utf-8")
        (built / "mkdocs.yml").write_text(text.replace("indigo", "teal", 1), "utf-8")
    elif change == "theme override":
        overrides = built / "site_src" / "overrides"
        overrides.mkdir()
        (overrides / "main.html").write_text(
            '{% extends "base.html" %}{% block footer %}Our lab{% endblock %}', "utf-8"
        )
    elif change == "hand-made file":
        (built / "docs" / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    elif change == "hand-made file, same size and time":  # restored with `cp -p`, say
        robots = built / "docs" / "robots.txt"
        robots.write_text("User-agent: a\n", encoding="utf-8")
        build(built)
        times = robots.stat()
        robots.write_text("User-agent: b\n", encoding="utf-8")
        os.utime(robots, ns=(times.st_atime_ns, times.st_mtime_ns))
    elif change == "linked folder's file":  # MkDocs follows links: so does the key
        shared = built / "shared"
        shared.mkdir()
        (shared / "a.txt").write_text("v1\n", encoding="utf-8")
        (built / "docs" / "shared").symlink_to(shared)
        build(built)
        (shared / "a.txt").write_text("v2\n", encoding="utf-8")
    elif change == "build date":
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    elif change == "site file":
        (built / "site" / "index.html").write_text("tampered", encoding="utf-8")
    else:
        (built / "site" / "feed.xml").unlink()
    again = build(built)
    assert "Site built in" in again.output and UP_TO_DATE not in again.output
    assert (built / "site" / "feed.xml").is_file()
    assert "tampered" not in (built / "site" / "index.html").read_text("utf-8")
    if change == "theme override":
        assert "Our lab" in (built / "site" / "index.html").read_text("utf-8")
    if change == "hand-made file":
        assert (built / "site" / "robots.txt").is_file()
    if change == "hand-made file, same size and time":
        assert (built / "site" / "robots.txt").read_text("utf-8") == "User-agent: b\n"
    if change == "linked folder's file":
        assert (built / "site" / "shared" / "a.txt").read_text("utf-8") == "v2\n"


@pytest.mark.parametrize(
    "setting",
    [
        "hooks: [hook.py]",  # a hook may read anything
        "markdown_extensions:\n  - pymdownx.snippets",  # pages include files outside docs/
        "extra:\n  named: !!python/name:os.getcwd",  # code the key cannot see
    ],
)
def test_a_build_the_key_cannot_vouch_for_is_never_skipped(built: Path, setting: str) -> None:
    (built / "hook.py").write_text("", encoding="utf-8")
    text = (built / "mkdocs.yml").read_text("utf-8") + f"\n{setting}\n"
    (built / "mkdocs.yml").write_text(text, encoding="utf-8")
    build(built)
    assert UP_TO_DATE not in build(built).output


def test_an_unreadable_file_in_docs_means_build(built: Path) -> None:
    """A dangling link: the listing cannot vouch for docs/, so the build runs (it never
    hashes a placeholder that would match whatever docs/ holds); an editor's dangling
    lock file (.#page.md), which MkDocs ignores, does not stop the skip."""
    (built / "docs" / ".#index.md").symlink_to("user@host.1:1")
    build(built)
    assert UP_TO_DATE in build(built).output
    config = load_config(built)
    mkdocs_config = load_mkdocs_settings(config, config.docs)
    assert site_key(config, mkdocs_config, {}) is not None
    (built / "docs" / "gone.txt").symlink_to(built / "nowhere")
    assert site_key(config, mkdocs_config, {}) is None
