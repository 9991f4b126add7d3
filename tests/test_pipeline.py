"""The pipeline driver: typed errors, the state file as the one channel to MkDocs, and
settings handed to the MkDocs plugin."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
from paths import REPO
from sitebuild import FIXTURE_CORPUS, file_hashes

from generator.config import load_config
from generator.pipeline import BuildError, DataError, Pipeline, SettingsError, mkdocs_build

BAD_FILE = "bad.txt"


def _project(root: Path, mkdocs_yml: str | None = None, bad: bool = False) -> Path:
    (root / "site_src").mkdir(parents=True)
    shutil.copytree(FIXTURE_CORPUS, root / "site_src" / "corpus")
    if bad:  # an empty corpus file: a data problem
        (root / "site_src" / "corpus" / BAD_FILE).write_text("", encoding="utf-8")
    text = mkdocs_yml if mkdocs_yml is not None else (REPO / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    return root


def test_strict_fails_on_problems_even_when_docs_is_up_to_date(tmp_path: Path) -> None:
    config = load_config(_project(tmp_path, bad=True))
    assert Pipeline(config).generate().fresh  # a plain run: the problem is only reported
    again = Pipeline(config).generate()
    assert not again.fresh and again.state.problems >= 1
    with pytest.raises(DataError, match="--strict: the corpus has"):
        Pipeline(config, strict=True).generate()


def test_no_corpus_files_is_a_data_error(tmp_path: Path) -> None:
    root = _project(tmp_path)
    for path in (root / "site_src" / "corpus").iterdir():
        path.unlink()
    with pytest.raises(DataError, match="no corpus files found"):
        Pipeline(load_config(root)).generate()


def test_an_old_mkdocs_yml_with_the_hooks_file_gets_one_clear_line(tmp_path: Path) -> None:
    old = (
        (REPO / "mkdocs.yml")
        .read_text("utf-8")
        .replace("  - papersite   #", "  - tags\n\nhooks:\n  - generator/hooks.py   #")
    )
    root = _project(tmp_path, old)
    config = load_config(root)
    Pipeline(config).generate()
    with pytest.raises(SettingsError) as raised:
        mkdocs_build(config)
    line = next(n for n, text in enumerate(old.splitlines(), 1) if "generator/hooks.py" in text)
    assert str(raised.value).startswith(f"{root / 'mkdocs.yml'}:{line}: generator/hooks.py is gone")
    assert "plugins: [papersite]" in str(raised.value)


def test_a_mkdocs_yml_without_the_plugin_is_refused(tmp_path: Path) -> None:
    text = (REPO / "mkdocs.yml").read_text("utf-8").replace("  - papersite", "  - search")
    root = _project(tmp_path, text)
    config = load_config(root)
    Pipeline(config).generate()
    with pytest.raises(SettingsError, match="the papersite plugin is missing"):
        mkdocs_build(config)


def test_materials_search_plugin_is_turned_off_with_a_notice(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = (REPO / "mkdocs.yml").read_text("utf-8").replace("  - tags", "  - tags\n  - search")
    root = _project(tmp_path, text)
    config = load_config(root)
    Pipeline(config).generate()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.papersite"):
        mkdocs_build(config)
    assert any("Material's search plugin is off" in r.getMessage() for r in caplog.records)
    assert not (root / "site" / "search" / "search_index.json").exists()
    assert (root / "site" / "pagefind" / "pagefind.js").is_file()
    assert not (root / "site" / "assets" / "javascripts" / "lunr").exists()


def test_the_build_uses_the_settings_it_was_given(tmp_path: Path) -> None:
    """`papersite --listing-year` and `--config` reach the plugin: no regeneration with
    papersite.yml's settings in the middle of the build."""
    root = _project(tmp_path)
    (root / "papersite.yml").write_text("site_name: From the file\n", encoding="utf-8")
    config = load_config(root)
    given = config.__class__(**{**config.__dict__, "site_name": "Given"})
    Pipeline(given).build()
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "<title>Given</title>" in home and "From the file" not in home


def test_a_failed_build_leaves_the_previous_site_whole(tmp_path: Path) -> None:
    """MkDocs builds beside site/; only a finished build takes its place (issue 16)."""
    root = _project(tmp_path)
    config = load_config(root)
    Pipeline(config).build()
    before = file_hashes(root / "site")
    (root / "docs" / "broken.md").write_text("[gone](missing.md)\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"warnings? in strict mode"):
        Pipeline(config).build()
    assert file_hashes(root / "site") == before
    hidden = sorted(p.name for p in root.iterdir() if p.name.startswith("."))
    assert hidden == [".docs.papersite-state.json"]  # no staging folder left behind
    (root / "docs" / "broken.md").unlink()
    Pipeline(config).build()  # and the next build reuses the index, with the same result
    assert file_hashes(root / "site") == before


def test_the_site_name_is_text_in_every_page(tmp_path: Path) -> None:
    """papersite.yml is untrusted too: its site name never becomes markup (issue 16)."""
    root = _project(tmp_path)
    name = '<script>alert("x")</script> & "Co" <b>'
    (root / "papersite.yml").write_text(f"site_name: '{name}'\n", encoding="utf-8")
    Pipeline(load_config(root)).build()
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Co&quot; &lt;b&gt;"
    paper = next((root / "site" / "papers").glob("*/index.html"))
    for page in (root / "site" / "index.html", paper):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<b>" not in text
        assert text.count(escaped) >= 3  # the tab title, the header and the navigation


def _read_and_skipped(root: Path) -> tuple[list[str], list[str]]:
    """The corpus files read, and the messages about entries not read."""
    reported: list[str] = []
    pipeline = Pipeline(load_config(root), report=lambda ps: reported.extend(map(str, ps)))
    read = sorted(f.file for f in pipeline.read_corpus().files)
    return read, sorted(m for m in reported if m.endswith(": not read"))


def test_a_corpus_folder_reads_corpus_files_only_and_says_what_it_skips(tmp_path: Path) -> None:
    root = _project(tmp_path)
    corpus = root / "site_src" / "corpus"
    good = sorted(p.name for p in corpus.iterdir())
    for name in ("page.html", "001_search.txt~", ".hidden.txt", "notes.md"):
        (corpus / name).write_text("<html>not a listing</html>\n", encoding="utf-8")
    read, skipped = _read_and_skipped(root)
    assert read == good
    assert skipped == [
        ".hidden.txt: warning: a hidden file: not read",
        "001_search.txt~: warning: not a corpus file (read from folders: "
        ".txt .jsonl .ndjson .csv .tsv): not read",
        "notes.md: warning: not a corpus file (read from folders: "
        ".txt .jsonl .ndjson .csv .tsv): not read",
        "page.html: warning: not a corpus file (read from folders: "
        ".txt .jsonl .ndjson .csv .tsv): not read",
    ]


def test_pipes_folders_and_broken_links_in_the_corpus_are_named_not_read(tmp_path: Path) -> None:
    """A named pipe would block the run forever; a subfolder is not read recursively."""
    root = _project(tmp_path)
    corpus = root / "site_src" / "corpus"
    good = sorted(p.name for p in corpus.iterdir())
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "older.txt").mkdir()
    (corpus / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (root / "papersite.yml").write_text(
        "corpus: [site_src/corpus, site_src/corpus/pipe.txt]\n", encoding="utf-8"
    )
    read, skipped = _read_and_skipped(root)  # returns: the pipe is never opened
    assert read == good
    assert skipped == [
        "gone.txt: warning: not a regular file (a pipe, device or broken link): not read",
        "older.txt: warning: a folder (corpus folders are not read recursively: name it, "
        "or use a glob): not read",
        "pipe.txt: warning: not a regular file (a pipe, device or broken link): not read",
    ]


def test_a_site_url_that_is_no_plain_web_address_is_refused_from_every_source(
    tmp_path: Path,
) -> None:
    """From the command line (before anything is generated) and from mkdocs.yml: exit 2."""
    from click.testing import CliRunner

    from generator.cli import main

    root = _project(tmp_path)
    bad = 'https://x.org/"><script>alert(1)</script>'
    result = CliRunner().invoke(main, ["--root", str(root), "build", "--site-url", bad])
    assert result.exit_code == 2 and "--site-url" in result.output, result.output
    assert not (root / "docs").exists() and not (root / "site").exists()

    mkdocs_yml = root / "mkdocs.yml"
    mkdocs_yml.write_text(f"{mkdocs_yml.read_text('utf-8')}\nsite_url: '{bad}'\n", "utf-8")
    with pytest.raises(SettingsError, match=r"mkdocs\.yml: site_url .* cannot hold unencoded"):
        mkdocs_build(load_config(root))
    assert not (root / "site").exists()
