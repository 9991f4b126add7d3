"""Paths and slugs from settings never lead outside the project or onto another page
(issue 16): refused with the file and line, exit 2, before anything is written; links
out of the project are neither read nor published."""

from __future__ import annotations

import os
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from cli_run import papersite
from paths import REPO
from sitebuild import FIXTURE_CORPUS, fixture_project

from generator.config import ConfigError, load_config
from generator.project_paths import custom_dir_problem


def _project(root: Path, settings: str = "", topics: str = "") -> Path:
    fixture_project(root)
    (root / "papersite.yml").write_text(settings, encoding="utf-8")
    (root / "site_src" / "topics.yml").write_text(topics, encoding="utf-8")
    return root


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.mark.parametrize(
    ("settings", "line", "words"),
    [
        ("docs_dir: ..\n", 1, "must be a path inside the project"),
        ("site_name: x\ndocs_dir: /tmp/elsewhere\n", 2, "must be a path inside the project"),
        ("docs_dir: ''\n", 1, "a folder of its own"),
        ("docs_dir: .\n", 1, "a folder of its own"),
        ("docs_dir: site_src/corpus\n", 1, "overlaps 'site_src"),
        ("docs_dir: site_src\n", 1, "overlaps 'site_src"),
        ("docs_dir: site\n", 1, "overlaps 'site'"),
        # A user's redirects vanished into a hidden copy, pages went into the repository.
        ("docs_dir: redirects.yml\n", 1, "overlaps 'redirects.yml'"),
        ("docs_dir: .git\n", 1, "is a hidden folder or inside one"),
        ("docs_dir: out/.cache/docs\n", 1, "is a hidden folder or inside one"),
        ("corpus: ../../etc\n", 1, "must be a path inside the project"),
        ("topics_file: /etc/passwd\n", 1, "must be a path inside the project"),
        ('docs_dir: "x\\0y"\n', 1, "holds a control character"),
        ('topics_file: "t\\0"\n', 1, "holds a control character"),
        ('corpus: ["site_src/corpus", "a\\nb"]\n', 1, "holds a control character"),
    ],
)
def test_path_settings_outside_or_over_the_inputs_are_refused(
    tmp_path: Path, settings: str, line: int, words: str
) -> None:
    root = _project(tmp_path / "project", settings)
    before = _files(tmp_path)
    result = papersite(root, "generate")
    assert result.exit_code == 2, result.output
    assert f"papersite.yml:{line}: " in result.output and words in result.output
    assert _files(tmp_path) == before  # nothing written anywhere


def test_a_docs_dir_that_is_a_file_is_refused_and_the_file_kept(tmp_path: Path) -> None:
    """It became a folder of pages, the file a hidden copy beside it."""
    root = _project(tmp_path / "project", "docs_dir: NOTES.txt\n")
    (root / "NOTES.txt").write_text("my notes\n", encoding="utf-8")
    before = _files(tmp_path)
    result = papersite(root, "generate")
    assert result.exit_code == 2, result.output
    assert "papersite.yml:1: docs_dir 'NOTES.txt' is a file, not a folder" in result.output
    assert _files(tmp_path) == before
    assert (root / "NOTES.txt").read_text(encoding="utf-8") == "my notes\n"


@pytest.mark.parametrize(
    ("topics", "line", "words"),
    [
        (
            "topics:\n  - label: Rank pruning\n    keywords: [rank]\n    slug: ../../../x\n",
            4,
            "slug '../../../x' must be lower-case",
        ),
        (
            "topics:\n  - label: Rank pruning\n    keywords: [rank]\n    slug: ../papers/x\n",
            4,
            "must be lower-case",
        ),
        (
            "topics:\n  - label: Rank pruning\n    keywords: [rank]\n    slug: UPPER\n",
            4,
            "must be lower-case",
        ),
        ("topics:\n  - label: Index\n    keywords: [rank]\n", 2, "topics index page"),
        (
            "topics:\n  - label: A\n    keywords: [rank]\n    slug: same\n"
            "  - label: B\n    keywords: [pruning]\n    slug: same\n",
            5,
            "already used",
        ),
    ],
)
@pytest.mark.parametrize("command", ["check", "generate"])
def test_topic_slugs_that_leave_topics_or_collide_are_refused(
    tmp_path: Path, topics: str, line: int, words: str, command: str
) -> None:
    """`check` finds what `generate` would refuse: a passing check means a build that
    does not fail on the topics file."""
    root = _project(tmp_path / "project", topics=topics)
    before = _files(tmp_path)
    result = papersite(root, command)
    assert result.exit_code == 2, result.output
    assert f"topics.yml:{line}: " in result.output and words in result.output, result.output
    assert "Traceback" not in result.output
    assert _files(tmp_path) == before


def test_a_docs_dir_of_its_own_is_used_by_generate_and_mkdocs(tmp_path: Path) -> None:
    root = _project(tmp_path / "project", "docs_dir: generated\n")
    shutil.copy(Path(__file__).resolve().parents[1] / "mkdocs.yml", root / "mkdocs.yml")
    result = papersite(root, "build")
    assert result.exit_code == 0, result.output
    assert (root / "generated" / "index.md").is_file() and not (root / "docs").exists()
    assert (root / "site" / "index.html").is_file()


@pytest.mark.parametrize("folder", ["docs", "site"])
def test_an_output_folder_that_is_a_link_out_of_the_project_is_refused(
    tmp_path: Path, folder: str
) -> None:
    """docs/ and site/ are replaced whole: through a link, that would happen elsewhere."""
    root = _project(tmp_path / "project")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("not the project's\n", encoding="utf-8")
    (root / folder).symlink_to(elsewhere)
    before = _files(tmp_path)
    result = papersite(root, "build")
    assert result.exit_code == 2, result.output
    assert f"{folder}_dir '{folder}' goes through a symbolic link" in result.output
    assert "Traceback" not in result.output
    assert _files(elsewhere) == {"keep.txt"} and (root / folder).is_symlink()
    assert _files(tmp_path) - before <= {f"project/{p}" for p in _files(root)}


@pytest.mark.parametrize(
    ("site_dir", "words"),
    [
        ("../elsewhere", "site_dir '{outside}' must be a folder inside the project"),
        ("site_src", "site_dir 'site_src' overlaps 'site_src/corpus'"),
        ("listings/2024", "site_dir 'listings/2024' overlaps 'listings'"),
        (".", "site_dir must name a folder of its own"),
    ],
)
def test_a_site_dir_over_an_input_or_outside_is_refused(
    tmp_path: Path, site_dir: str, words: str
) -> None:
    """mkdocs.yml is a setting too: its site_dir would be replaced whole."""
    root = _project(tmp_path / "project", "corpus: [site_src/corpus, 'listings/*/*.txt']\n")
    (root / "listings" / "2024").mkdir(parents=True)
    shutil.copy(FIXTURE_CORPUS / "001_search.txt", root / "listings" / "2024" / "more.txt")
    mkdocs_yml = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(f"{mkdocs_yml}\nsite_dir: '{site_dir}'\n", encoding="utf-8")
    inputs = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    checked = papersite(root, "check")
    assert checked.exit_code == 2 and not (root / "docs").exists(), checked.output
    result = papersite(root, "build")
    assert result.exit_code == 2, result.output
    assert words.format(outside=tmp_path / "elsewhere") in result.output, result.output
    assert not (root / "docs").exists()  # refused before anything was generated
    assert all(path.read_bytes() == data for path, data in inputs.items())
    assert not (tmp_path / "elsewhere").exists()


def _outside(tmp_path: Path) -> tuple[Path, Path]:
    """A project folder, and a secret file beside it (outside it)."""
    project, secret = tmp_path / "project", tmp_path / "secret.txt"
    (project / "site_src" / "corpus").mkdir(parents=True)
    secret.write_text("CONFIDENTIAL\n", encoding="utf-8")
    return project, secret


def test_a_corpus_file_linked_from_outside_the_project_is_not_read(tmp_path: Path) -> None:
    """It was read and published (a hostile review found "CONFIDENTIAL" on pages)."""
    project, secret = _outside(tmp_path)
    corpus = project / "site_src" / "corpus"
    (corpus / "s.txt").symlink_to(secret)
    (corpus / "own.txt").write_text("x\n", encoding="utf-8")
    (corpus / "alias.txt").symlink_to(corpus / "own.txt")  # a link inside is fine
    files, skipped = load_config(project).corpus_listing()
    assert [f.name for f in files] == ["alias.txt", "own.txt"]
    assert skipped == [(corpus / "s.txt", "a link to a file outside the project (copy it in)")]
    assert str(secret) not in skipped[0][1]  # the reason is published: no path of the machine


def test_settings_that_a_link_takes_outside_the_project_are_refused(tmp_path: Path) -> None:
    project, secret = _outside(tmp_path)
    (project / "site_src" / "topics.yml").symlink_to(secret)
    with pytest.raises(ConfigError, match=r"topics_file 'site_src/topics\.yml' leads to .*outside"):
        load_config(project)
    (project / "site_src" / "topics.yml").unlink()
    (project / "papersite.yml").write_text("site_name: x\ncorpus: [shared]\n", encoding="utf-8")
    (project / "shared").symlink_to(tmp_path)
    with pytest.raises(ConfigError, match=r"papersite.yml:2: corpus 'shared' leads to"):
        load_config(project)


@pytest.mark.parametrize("folder", ["site_src/overrides", "site_src/templates"])
def test_a_link_out_of_the_projects_theme_files_is_refused(tmp_path: Path, folder: str) -> None:
    """Their files are published (overrides/assets/pw.txt -> /etc/passwd was)."""
    project, secret = _outside(tmp_path)
    (project / folder / "assets").mkdir(parents=True)
    (project / folder / "assets" / "pw.txt").symlink_to(secret)
    with pytest.raises(ConfigError) as refused:
        load_config(project)
    assert str(refused.value).startswith(f"{project / folder / 'assets' / 'pw.txt'}: a link to")
    (project / folder / "assets" / "pw.txt").unlink()
    load_config(project)  # fine again
    (project / folder / "assets").rmdir()
    (project / folder).rmdir()
    (project / folder).symlink_to(tmp_path)
    with pytest.raises(ConfigError, match=re.escape(f"{project / folder}: a link to")):
        load_config(project)


def test_a_theme_custom_dir_stays_inside_the_project(tmp_path: Path) -> None:
    project, secret = _outside(tmp_path)
    config = load_config(project)
    assert custom_dir_problem(config.root, None) == ""
    assert "is outside the project" in custom_dir_problem(config.root, str(tmp_path))
    (project / "theme").mkdir()
    assert custom_dir_problem(config.root, str(project / "theme")) == ""
    (project / "theme" / "x.txt").symlink_to(secret)
    assert "x.txt links outside the project" in custom_dir_problem(
        config.root, str(project / "theme")
    )


def test_corpus_globs_never_read_papersites_own_files(tmp_path: Path) -> None:
    """`**/*.txt` and `**/*` read the map's points.json, Pagefind's files and the settings
    after a first build: a second build reported other problems (not byte-identical)."""
    root = _project(tmp_path / "project", 'corpus: ["site_src/corpus/*", "**/*.txt"]\n')
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / ".git").mkdir()
    (root / ".git" / "notes.txt").write_text("not a listing\n", encoding="utf-8")
    first = papersite(root, "build")
    assert first.exit_code == 0, first.output
    (root / "docs" / "stray.txt").write_text("written into docs/ by hand\n", encoding="utf-8")
    (root / "site" / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    config = load_config(root)
    corpus = sorted(p.relative_to(root).as_posix() for p in config.corpus_files())
    assert corpus == sorted(f"site_src/corpus/{p.name}" for p in FIXTURE_CORPUS.iterdir())
    health = (root / "docs" / "health.md").read_bytes()
    again = papersite(root, "build")
    assert again.exit_code == 0, again.output
    assert (root / "docs" / "health.md").read_bytes() == health
    (root / "papersite.yml").write_text('corpus: ["**/*"]\n', encoding="utf-8")
    named = {p.relative_to(root).as_posix() for p in load_config(root).corpus_files()}
    assert set(corpus) <= named
    assert not named & {"papersite.yml", "mkdocs.yml", "site_src/topics.yml"}
    assert not [n for n in named if n.startswith(("docs/", "site/", ".")) or "/." in n]
    (root / ".data").mkdir()  # a hidden folder named on purpose is read
    (root / ".data" / "more.txt").write_text("x\n", encoding="utf-8")
    (root / "papersite.yml").write_text('corpus: [".data/*.txt"]\n', encoding="utf-8")
    assert [p.name for p in load_config(root).corpus_files()] == ["more.txt"]


def test_a_link_out_of_the_project_in_docs_is_never_published(tmp_path: Path) -> None:
    """papersite writes no link into docs/, but publishes one's own files there: a link
    to a secret file was copied into site/ (`check` passed)."""
    root = _project(tmp_path / "project")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    secret = tmp_path / "secret.txt"
    secret.write_text("CONFIDENTIAL\n", encoding="utf-8")
    assert papersite(root, "generate").exit_code == 0
    (root / "docs" / "assets" / "own").mkdir(parents=True)
    (root / "docs" / "assets" / "own" / "notes.txt").write_text("mine\n", encoding="utf-8")
    (root / "docs" / "assets" / "own" / "leak.txt").symlink_to(secret)
    for command in ("check", "build"):
        result = papersite(root, command)
        assert result.exit_code == 2, result.output
        assert "leak.txt links outside the project" in result.output
    assert not (root / "site").exists()
    (root / "docs" / "assets" / "own" / "leak.txt").unlink()
    assert papersite(root, "build").exit_code == 0
    assert (root / "site" / "assets" / "own" / "notes.txt").is_file()


def test_a_link_out_behind_a_linked_folder_in_docs_is_found(tmp_path: Path) -> None:
    """MkDocs follows a link to a folder: docs/x -> ../other, other/secret.txt -> a file
    outside was published (the walk did not enter linked folders)."""
    from generator.project_paths import docs_links_problem

    project, secret = _outside(tmp_path)
    (project / "docs").mkdir()
    (project / "other").mkdir()
    (project / "other" / "fine.txt").write_text("mine\n", encoding="utf-8")
    (project / "docs" / "x").symlink_to(project / "other", target_is_directory=True)
    (project / "docs" / "loop").symlink_to(project / "docs", target_is_directory=True)
    assert docs_links_problem(project, project / "docs") == ""
    (project / "other" / "secret.txt").symlink_to(secret)
    problem = docs_links_problem(project, project / "docs")
    assert problem.startswith("docs_dir: ") and "secret.txt links outside" in problem


@contextmanager
def _pipe_nobody_may_read(path: Path) -> Iterator[list[bool]]:
    """A named pipe at `path`; the list says whether anything opened it to read. A
    reader is let go at once (given an empty file) so a failing test ends, not hangs."""
    os.mkfifo(path)
    opened: list[bool] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(0.02):
            try:  # succeeds only while a reader waits on the pipe
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                continue
            opened.append(True)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        yield opened
    finally:
        stop.set()
        watcher.join()


@pytest.mark.parametrize(
    ("place", "args", "words"),
    [
        ("site_src/overrides/main.html", ["check"], "site_src/overrides/main.html: no file"),
        ("site_src/topics.yml", ["check"], "topics_file 'site_src/topics.yml' is no file"),
        ("settings.yml", ["--config", "{root}/settings.yml", "check"], "settings.yml: no file"),
        ("mkdocs.yml", ["build"], "mkdocs.yml: no file or folder"),
        ("docs/extra.txt", ["build"], "docs_dir: {root}/docs/extra.txt is no file"),
    ],
)
def test_a_named_pipe_among_the_inputs_is_refused_unread(
    tmp_path: Path, place: str, args: list[str], words: str
) -> None:
    """A pipe in docs/ or the theme overrides made a build wait forever (check passed); a
    pipe as the topics file was taken for none."""
    root = _project(tmp_path / "project")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    if place.startswith("docs/"):
        assert papersite(root, "generate").exit_code == 0
    path = root / place
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    with _pipe_nobody_may_read(path) as opened:
        result = papersite(root, *(arg.format(root=root) for arg in args))
    assert result.exit_code == 2, result.output
    assert words.format(root=root) in result.output and "pipe, socket or device" in result.output
    assert not opened


def test_a_folder_where_a_settings_file_goes_is_called_a_folder(tmp_path: Path) -> None:
    """It was called a pipe, socket or device, to be removed."""
    root = _project(tmp_path / "project")
    (root / "mkdocs.yml").mkdir()
    built = papersite(root, "build")
    assert built.exit_code == 2, built.output
    assert "mkdocs.yml: a folder, not MkDocs' settings file" in built.output
    (root / "papersite.yml").unlink()
    (root / "papersite.yml").mkdir()
    checked = papersite(root, "check")
    assert checked.exit_code == 2, checked.output
    assert "papersite.yml: a folder, not a configuration file" in checked.output
