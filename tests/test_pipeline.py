"""The pipeline driver: typed errors, the state file as the one channel to MkDocs, and
settings handed to the MkDocs plugin."""

from __future__ import annotations

import logging
import os
import shutil
import socket
from pathlib import Path

import pytest
from cli_run import papersite
from paths import REPO
from sitebuild import file_hashes, fixture_project, repository_mkdocs_yml

from generator.build import build_site, mkdocs_build
from generator.config import load_config
from generator.errors import BuildError, DataError, PipelineError, SettingsError
from generator.pipeline import Pipeline
from generator.state import inputs_fingerprint

BAD_FILE = "bad.txt"


def _project(root: Path, mkdocs_yml: str | None = None, bad: bool = False) -> Path:
    fixture_project(root, mkdocs_yml if mkdocs_yml is not None else repository_mkdocs_yml())
    if bad:  # an empty corpus file: a data problem
        (root / "site_src" / "corpus" / BAD_FILE).write_text("", encoding="utf-8")
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
    text = (REPO / "mkdocs.yml").read_text("utf-8").replace("plugins:\n", "plugins:\n  - search\n")
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
    build_site(Pipeline(given))
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "<title>Given</title>" in home and "From the file" not in home


def test_a_failed_build_leaves_the_previous_site_whole(tmp_path: Path) -> None:
    """MkDocs builds beside site/; only a finished build takes its place (issue 16)."""
    root = _project(tmp_path)
    config = load_config(root)
    build_site(Pipeline(config))
    before = file_hashes(root / "site")
    (root / "docs" / "broken.md").write_text("[gone](missing.md)\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"warnings? in strict mode"):
        build_site(Pipeline(config))
    assert file_hashes(root / "site") == before
    hidden = sorted(p.name for p in root.iterdir() if p.name.startswith("."))
    # no staging folder left behind; site/ is still papersite's (a record with no key)
    assert hidden == [".docs.papersite-state.json", ".site.papersite-build.json"]
    (root / "docs" / "broken.md").unlink()
    build_site(Pipeline(config))  # and the next build reuses the index, with the same result
    assert file_hashes(root / "site") == before


def test_the_site_name_is_text_in_every_page(tmp_path: Path) -> None:
    """papersite.yml is untrusted too: its site name never becomes markup (issue 16)."""
    root = _project(tmp_path)
    name = '<script>alert("x")</script> & "Co" <b>'
    (root / "papersite.yml").write_text(f"site_name: '{name}'\n", encoding="utf-8")
    build_site(Pipeline(load_config(root)))
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


def test_a_corpus_file_whose_name_hides_characters_is_named_escaped_not_read(
    tmp_path: Path,
) -> None:
    """U+202E in a name reversed the About page's sources line; a line break in one (or in
    a folder's, shown when two files share a name) split a warning into two lines, the
    second of the name's own making; a name that is not UTF-8 crashed the build."""
    root = _project(tmp_path)
    corpus = root / "site_src" / "corpus"
    good = sorted(p.name for p in corpus.iterdir())
    for name in ("\u202eLPS.txt", "a\nwarning: fake.txt", "b\nwarning: fake/x.txt"):
        (corpus / name).parent.mkdir(exist_ok=True)
        shutil.copy(corpus / good[0], corpus / name)
    shutil.copy(corpus / good[0], corpus / os.fsdecode(b"bad\xff.txt"))
    # Format characters of names stay readable: a Persian name's zero-width non-joiner.
    shutil.copy(corpus / good[0], corpus / "mi\u200cravam.txt")
    good = sorted([*good, "mi\u200cravam.txt"])
    (root / "papersite.yml").write_text("corpus: [site_src/corpus/**/*.txt]\n", encoding="utf-8")
    read, skipped = _read_and_skipped(root)
    assert read == good
    why = "its name, or a folder's on its path, holds a control or invisible character"
    assert sorted(line.split(": ", 2)[0] for line in skipped) == [
        "\\u202eLPS.txt",
        "a\\u000awarning",  # the escaped line break, then the name's own ": "
        "bad\\udcff.txt",
        "x.txt",
    ]
    assert all(why in line and "\n" not in line for line in skipped), skipped
    assert len(inputs_fingerprint(load_config(root))) == 64


def test_a_site_url_that_is_no_plain_web_address_is_refused_from_every_source(
    tmp_path: Path,
) -> None:
    """From the command line (before anything is generated) and from mkdocs.yml: exit 2."""

    root = _project(tmp_path)
    bad = 'https://x.org/"><script>alert(1)</script>'
    result = papersite(root, "build", "--site-url", bad)
    assert result.exit_code == 2 and "--site-url" in result.output, result.output
    assert not (root / "docs").exists() and not (root / "site").exists()

    mkdocs_yml = root / "mkdocs.yml"
    mkdocs_yml.write_text(f"{mkdocs_yml.read_text('utf-8')}\nsite_url: '{bad}'\n", "utf-8")
    with pytest.raises(SettingsError, match=r"mkdocs\.yml: site_url .* cannot hold unencoded"):
        mkdocs_build(load_config(root))
    assert not (root / "site").exists()


def test_a_disk_that_refuses_writes_is_one_line_and_the_old_docs_stay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from generator import write

    root = _project(tmp_path)
    config = load_config(root)
    Pipeline(config).generate()
    before = file_hashes(root / "docs")

    def full(*_args: object) -> bool:
        raise OSError(errno.ENOSPC, "No space left on device", str(root / "docs" / "x.md"))

    monkeypatch.setattr(write, "_stage_page", full)
    with pytest.raises(PipelineError, match=r"cannot write .*x\.md: No space left on device"):
        Pipeline(config).generate(force=True)
    assert file_hashes(root / "docs") == before


def test_a_second_run_on_the_same_docs_stops_instead_of_racing(tmp_path: Path) -> None:
    """`serve` in one terminal and `build` in another must not remove each other's
    staging folder: the run that comes second says why it stops (issue 16)."""
    import subprocess
    import sys

    root = _project(tmp_path)
    config = load_config(root)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from generator.write import exclusive\n"
            "with exclusive(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(30)",
            str(root / "docs"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(PipelineError, match="another papersite run is writing"):
            Pipeline(config).generate()
        assert not (root / "docs").exists()
    finally:
        holder.kill()
        holder.wait()
    assert Pipeline(config).generate().fresh  # the lock went with the process


def test_a_template_moved_into_a_subfolder_is_an_input_changed(tmp_path: Path) -> None:
    root = _project(tmp_path)
    templates = root / "site_src" / "templates"
    templates.mkdir(parents=True)
    home = (REPO / "generator" / "render" / "templates" / "home.md.j2").read_text("utf-8")
    (templates / "home.md.j2").write_text(home.replace("# ", "# Our ", 1), encoding="utf-8")
    config = load_config(root)
    Pipeline(config).generate()
    assert "# Our " in (root / "docs" / "index.md").read_text(encoding="utf-8")
    (templates / "old").mkdir()
    (templates / "home.md.j2").rename(templates / "old" / "home.md.j2")
    assert Pipeline(config).generate().fresh  # not "up to date"
    assert "# Our " not in (root / "docs" / "index.md").read_text(encoding="utf-8")


def test_site_keeps_its_hidden_entries_as_mkdocs_does(tmp_path: Path) -> None:
    """A gh-pages worktree's .git or a .nojekyll in site/ survive a build; the CLI names
    the folder mkdocs.yml builds into."""
    root = _project(tmp_path)
    text = (REPO / "mkdocs.yml").read_text("utf-8") + "\nsite_dir: public\n"
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    (root / "public" / ".git").mkdir(parents=True)
    (root / "public" / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", "utf-8")
    (root / "public" / ".nojekyll").write_text("", encoding="utf-8")
    result = papersite(root, "build")
    assert result.exit_code == 0, result.output
    assert f"Site built in {root / 'public'}" in result.output
    assert (root / "public" / ".git" / "HEAD").read_text("utf-8") == "ref: refs/heads/gh-pages\n"
    assert (root / "public" / ".nojekyll").is_file() and (root / "public" / "index.html").is_file()


def test_check_refuses_what_the_build_would_and_runs_no_hook(tmp_path: Path) -> None:
    root = _project(tmp_path)
    marker = tmp_path / "hook-ran"
    (root / "hook.py").write_text(f"open({str(marker)!r}, 'w').write('x')\n", "utf-8")
    base = (REPO / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(base + "\nhooks: [hook.py]\n", encoding="utf-8")
    assert papersite(root, "check").exit_code == 0
    assert not marker.exists()  # checking settings runs none of the project's code
    flat = base + "\nuse_directory_urls: false\n"
    (root / "mkdocs.yml").write_text(flat, encoding="utf-8")
    result = papersite(root, "check")
    assert result.exit_code == 2 and "use_directory_urls must be true" in result.output


def test_check_refuses_a_nav_page_the_build_will_not_have(tmp_path: Path) -> None:
    """A strict build stops on a nav entry with no page: `check` says so first, and
    accepts generated pages, paper and topic pages and hand-made files in docs/."""
    root = _project(tmp_path)
    methods = "  - Methods: methods.md\n"
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    text = text.replace(methods, methods + "  - About: about.md\n")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    result = papersite(root, "check")
    assert result.exit_code == 2, result.output
    assert "nav names about.md, which the site will not have" in result.output
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    assert papersite(root, "check").exit_code == 0
    # any entry that is no address is a file of docs/ to MkDocs (not only .md): `check`
    # passed these and the build stopped on them
    named = text.replace(methods, methods + "  - Notes: notes.html\n  - More: about\n")
    (root / "mkdocs.yml").write_text(named, encoding="utf-8")
    result = papersite(root, "check")
    assert result.exit_code == 2, result.output
    assert "nav names about, notes.html, which the site will not have" in result.output
    # a hand-made file, the site's own feed, addresses (an absolute path is one to
    # MkDocs by default) pass
    (root / "docs" / "notes.html").write_text("<p>notes</p>\n", encoding="utf-8")
    addresses = ("https://example.org/x", "mailto:lab@example.org", "feed.xml", "/papers/")
    entries = "".join(f"  - Lab {n}: {a}\n" for n, a in enumerate(addresses))
    linked = text.replace(methods, methods + "  - Notes: notes.html\n" + entries)
    (root / "mkdocs.yml").write_text(linked, encoding="utf-8")
    result = papersite(root, "check")
    assert result.exit_code == 0, result.output


def test_exclude_docs_that_drops_generated_pages_is_refused(tmp_path: Path) -> None:
    root = _project(tmp_path)
    text = (REPO / "mkdocs.yml").read_text("utf-8") + "\nexclude_docs: |\n  papers/\n"
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    config = load_config(root)
    with pytest.raises(BuildError, match=r"exclude_docs or draft_docs .* leave out \d+ generated"):
        build_site(Pipeline(config))


def test_a_file_system_without_locks_still_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some network mounts refuse flock: the run goes on unlocked, not with an error."""
    import errno
    import fcntl

    def no_locks(*_args: object) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    root = _project(tmp_path)
    assert Pipeline(load_config(root)).generate().fresh


def test_generated_pages_outside_the_nav_never_stop_a_strict_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At scale the health page grows parts (health/<list>-<n>.md); an mkdocs.yml whose
    not_in_nav does not name them (every project before this) must still build."""
    from generator.render import health_page

    monkeypatch.setattr(health_page, "HEALTH_INLINE", 0)
    monkeypatch.setattr(health_page, "HEALTH_PART", 1)
    text = (REPO / "mkdocs.yml").read_text("utf-8").replace("  /health/\n", "")
    root = _project(tmp_path, text)
    build_site(Pipeline(load_config(root)))
    assert list((root / "site" / "health").glob("*/index.html"))
    nav = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "All papers" in nav and "Paper finder" in nav  # the nav still lists its pages


def _docs_dir_line(mkdocs_yml: str) -> int:
    """The line of mkdocs.yml's own docs_dir setting."""
    return next(n for n, x in enumerate(mkdocs_yml.splitlines(), 1) if x.startswith("docs_dir"))


def test_a_docs_dir_in_mkdocs_yml_that_papersite_yml_overrides_is_named(tmp_path: Path) -> None:
    """papersite.yml's docs_dir decides where pages go: mkdocs.yml's other folder was
    overridden without a word, in check and build alike."""
    root = _project(tmp_path)
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(text.replace("docs_dir: docs", "docs_dir: pages"), "utf-8")
    line = _docs_dir_line(text)
    result = papersite(root, "check")
    assert result.exit_code == 0, result.output
    said = f"mkdocs.yml:{line}: warning: docs_dir 'pages' is not where the pages are: "
    assert said in result.output
    # the same folder, written another way, is no conflict
    (root / "mkdocs.yml").write_text(text.replace("docs_dir: docs", "docs_dir: ./docs/"), "utf-8")
    assert "docs_dir" not in papersite(root, "check").output


def test_serve_reads_the_pages_from_papersite_ymls_docs_dir_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`papersite serve` handed MkDocs mkdocs.yml as written: its other docs_dir, not yet
    made, stopped the server ("isn't an existing directory"), with no word on why."""
    import mkdocs.commands.serve

    root = _project(tmp_path)
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(text.replace("docs_dir: docs", "docs_dir: pages"), "utf-8")
    served: list[dict[str, object]] = []
    monkeypatch.setattr(mkdocs.commands.serve, "serve", lambda **options: served.append(options))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = papersite(root, "serve", "-a", f"127.0.0.1:{port}")
    assert result.exit_code == 0, result.output
    said = (
        f"mkdocs.yml:{_docs_dir_line(text)}: warning: docs_dir 'pages' is not where the pages are"
    )
    assert said in result.output
    assert [options["docs_dir"] for options in served] == [str(root / "docs")]
