"""`papersite serve`: the live preview regenerates on a corpus edit and its search follows."""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from cli_run import papersite
from sitebuild import FIXTURE_CORPUS, make_project

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bytes(response.read())
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(check, seconds: float = 90) -> object:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    pytest.fail("the live preview did not get there in time")


# `papersite serve` with Ctrl+C's handler whatever this process inherited: a shell starts
# a background job with SIGINT ignored, and the server then ran on until killed.
INTERRUPTIBLE = (
    "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "sys.argv[0] = 'papersite'; runpy.run_module('generator', run_name='__main__')"
)


@contextmanager
def _serving(root: Path, log_path: Path) -> Iterator[str]:
    """`papersite serve` of the project at `root`, its log in `log_path`: its URL. Stopped
    as Ctrl+C stops it, so that MkDocs removes its temporary site."""
    port = _free_port()
    command = [sys.executable, "-c", INTERRUPTIBLE, "--root", str(root), "serve"]
    command += ["-a", f"127.0.0.1:{port}"]
    with log_path.open("w") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=30)


def test_edits_while_serving_are_served_and_a_broken_rebuild_keeps_the_last_site(
    tmp_path: Path,
) -> None:
    """A corpus edit while serving regenerates the page, its old address and the search
    index. Other plugins and hooks run their on_post_build after papersite's: the finished
    site takes the served one's place only once the whole build is done (a swap at
    papersite's on_post_build made the first build fail and rebuilds lose the file).
    A rebuild that stops (mkdocs.yml, then a theme override, broken) is one line in the
    log; the last good site stays served (no request waits for it) and the next save
    that fixes it rebuilds. (One server for both: each start is a whole first build.)"""
    config = make_project(tmp_path / "project", FIXTURE_CORPUS, "Fixture papers")
    shutil.rmtree(config.root / "docs", ignore_errors=True)  # serve makes it
    overrides = config.root / "site_src" / "overrides"  # as `papersite init` makes it
    overrides.mkdir()
    (config.root / "hooks.py").write_text(
        "from pathlib import Path\n\n"
        "def on_post_build(config):\n"
        "    Path(config.site_dir, 'hooked.txt').write_text('yes', encoding='utf-8')\n",
        encoding="utf-8",
    )
    mkdocs_yml = config.root / "mkdocs.yml"
    mkdocs_yml.write_text(mkdocs_yml.read_text("utf-8") + "hooks:\n  - hooks.py\n", "utf-8")
    log_path = tmp_path / "serve.log"
    with _serving(config.root, log_path) as url:
        first = _wait_for(lambda: _get(url + "pagefind/pagefind-entry.json"))
        assert _get(url + "hooked.txt") == b"yes"
        old = _get(url + "papers/trp-trained-rank-pruning-for-efficient-deep-networks/")
        assert old is not None and b"Trained Rank Pruning" in old
        corpus = config.root / "site_src" / "corpus" / "001_search.txt"
        text = corpus.read_text(encoding="utf-8")
        assert "Trained Rank Pruning for Efficient" in text
        edited = text.replace("Trained Rank Pruning for Efficient", "Zebracorn Rank Pruning for")
        corpus.write_text(edited, encoding="utf-8")
        new_url = url + "papers/trp-zebracorn-rank-pruning-for-deep-networks/"
        page = _wait_for(lambda: _get(new_url))
        assert b"Zebracorn Rank Pruning" in page  # type: ignore[operator]
        moved = _get(url + "papers/trp-trained-rank-pruning-for-efficient-deep-networks/")
        assert moved is not None  # the old URL, open in the reader's tab, leads on
        assert b'url=../trp-zebracorn-rank-pruning-for-deep-networks/"' in moved
        entry = _wait_for(lambda: (e := _get(url + "pagefind/pagefind-entry.json")) != first and e)
        meta = json.loads(entry)["languages"]["en"]["hash"]  # type: ignore[arg-type]
        index = _get(f"{url}pagefind/pagefind.{meta}.pf_meta")
        assert index, "the new index is not served"
        assert _get(url + "hooked.txt") == b"yes"  # the rebuilt site kept the hook's file
        assert not list((tmp_path).glob("**/*.papersite-new"))  # no copy left behind
        # The corpus folder moved away and back: its watch ended with it, and no later
        # edit was served.
        folder = corpus.parent
        folder.rename(tmp_path / "away")  # no corpus: the rebuild fails, the site stays
        _wait_for(lambda: "not rebuilt" in log_path.read_text("utf-8"), 30)
        (tmp_path / "away").rename(folder)
        corpus.write_text(edited.replace("Zebracorn", "Quaggacorn"), encoding="utf-8")
        page = _wait_for(
            lambda: _get(url + "papers/trp-quaggacorn-rank-pruning-for-deep-networks/")
        )
        assert b"Quaggacorn Rank Pruning" in page  # type: ignore[operator]
        log = log_path.read_text("utf-8")
        assert log.count("not rebuilt") == 1 and "Traceback" not in log

        def logged(text: str) -> int:
            return log_path.read_text(encoding="utf-8").count(text)

        good = mkdocs_yml.read_text(encoding="utf-8")
        mkdocs_yml.write_text(good + "not: [valid\n", encoding="utf-8")
        _wait_for(lambda: logged("the site was not rebuilt") == 2)
        home = _get(url)  # at once (in 5 s): the request does not wait for a rebuild
        assert home is not None and b"Fixture papers" in home
        (overrides / "main.html").write_text(
            '{% extends "base.html" %}{% block content %}{{ 1/0 }}{% endblock %}', "utf-8"
        )
        mkdocs_yml.write_text(good, encoding="utf-8")  # fixed; the override fails later
        _wait_for(lambda: logged("the site was not rebuilt") == 3)
        topics = _get(url + "topics/")  # the last site, whole
        assert topics is not None and b"Fixture papers" in topics
        text = log_path.read_text(encoding="utf-8")
        assert "Traceback" not in text, text
        assert "main.html:1: ZeroDivisionError: division by zero" in text
        built = logged("Documentation built")
        (overrides / "main.html").unlink()
        _wait_for(lambda: logged("Documentation built") > built)
        assert _get(url + "papers/trp-quaggacorn-rank-pruning-for-deep-networks/")


def test_an_address_that_cannot_be_served_on_is_named_before_the_build() -> None:
    from generator.cli import address_problem

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert address_problem(f"127.0.0.1:{port}") == "Address already in use"
    for bad in ("127.0.0.1:99999", "127.0.0.1:0", "no-port", "127.0.0.1:http"):
        assert "port from 1 to 65535" in address_problem(bad), bad
    assert address_problem(f"127.0.0.1:{_free_port()}") == ""


class _Server:
    """The little of MkDocs' live server that on_serve uses."""

    def __init__(self) -> None:
        self.builder = lambda *args, **kwargs: None

    def watch(self, path: str) -> None:
        pass

    def unwatch(self, path: str) -> None:
        raise KeyError(path)


def test_a_failed_rebuild_is_held_only_on_the_tested_mkdocs(tmp_path: Path) -> None:
    """The live server's `builder` is MkDocs' own, undocumented attribute: on another
    MkDocs the plugin leaves it alone (a failed rebuild is then MkDocs' as it was)."""
    from mkdocs.config import load_config as load_mkdocs_config

    from generator.mkdocs.versions import Gate

    config = make_project(tmp_path / "project", FIXTURE_CORPUS, "Fixture papers")
    config.docs.mkdir(parents=True, exist_ok=True)
    mkdocs_config = load_mkdocs_config(str(config.root / "mkdocs.yml"))
    plugin = mkdocs_config.plugins["papersite"]
    plugin.use_project(config)
    plugin.on_config(mkdocs_config)
    tested, other = _Server(), _Server()
    plain = tested.builder
    plugin.on_serve(tested, config=mkdocs_config, builder=plain)
    assert tested.builder is not plain  # held: _keep_serving
    plugin.gate = Gate({"mkdocs": "1.7.0"})
    plain = other.builder
    plugin.on_serve(other, config=mkdocs_config, builder=plain)
    assert other.builder is plain
    plugin.on_shutdown()


def test_a_file_error_of_the_first_build_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It read "cannot serve on 127.0.0.1:8766: No such file or directory"."""
    from mkdocs.commands import serve

    def missing(**_: object) -> None:
        raise FileNotFoundError(2, "No such file or directory", "/gone/site/hooked.txt")

    monkeypatch.setattr(serve, "serve", missing)
    config = make_project(tmp_path / "project", FIXTURE_CORPUS, "Fixture papers")
    address = f"127.0.0.1:{_free_port()}"
    result = papersite(config.root, "serve", "-a", address)
    assert result.exit_code != 0
    assert "cannot serve (/gone/site/hooked.txt): No such file or directory" in result.output
    assert address not in result.output.split("Error:")[-1]


def test_serve_refuses_a_mkdocs_yml_that_would_run_code(tmp_path: Path) -> None:
    """`serve` let MkDocs load mkdocs.yml unchecked: a code tag ran before anything was
    served (`build` and `check` refuse it before loading)."""
    marker = tmp_path / "CODE_RAN"
    config = make_project(tmp_path / "project", FIXTURE_CORPUS, "Fixture papers")
    mkdocs_yml = config.root / "mkdocs.yml"
    code = f'extra:\n  x: !!python/object/apply:os.system ["touch {marker}"]\n'
    mkdocs_yml.write_text(mkdocs_yml.read_text("utf-8") + code, encoding="utf-8")
    command = [sys.executable, "-m", "generator", "--root", str(config.root), "serve"]
    result = subprocess.run(
        [*command, "-a", f"127.0.0.1:{_free_port()}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "would run code while the file is loaded" in result.stderr
    assert not marker.exists()
