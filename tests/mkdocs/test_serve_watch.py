"""What `papersite serve` watches: the inputs, renewed as folders come and go (a polling
watch ends with its folder: a corpus folder deleted and made again was never watched
again, nor a corpus glob, whose path never exists)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from generator.config import Config
from generator.mkdocs.serve_watch import InputWatch, watched_inputs


class Server:
    """MkDocs' live server as the plugin uses it: watch and unwatch, counted."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def watch(self, path: str) -> None:
        self.calls.append(("watch", path))

    def unwatch(self, path: str) -> None:
        self.calls.append(("unwatch", path))


def _project(root: Path, *corpus: str) -> Config:
    for folder in ("site_src/corpus", "site_src/overrides", "papers"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "papersite.yml").write_text("{}\n", encoding="utf-8")
    return Config(root=root, corpus=corpus or ("site_src/corpus",))


def test_the_source_folder_is_watched_whole_and_a_glob_by_its_folder(tmp_path: Path) -> None:
    root = tmp_path.resolve()
    project = _project(root, "site_src/corpus", "papers/*.txt", "*.csv")
    paths, unwatched = watched_inputs(project, root / "site_src" / "overrides")
    # the corpus, topics file and overrides are inside site_src; docs/ and site/ are not
    assert paths == [root / "site_src", root / "papers", root / "papersite.yml"]
    assert unwatched == ["*.csv"]  # the project root holds docs/ and site/: never watched


def test_a_folder_made_again_or_new_is_watched_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = tmp_path.resolve()
    project = _project(root, "papers")
    server = Server()
    watch = InputWatch(server)
    watch.update(*watched_inputs(project, None))
    papers = str(root / "papers")
    assert ("watch", papers) in server.calls
    server.calls.clear()
    watch.update(*watched_inputs(project, None))
    assert server.calls == []  # nothing changed: nothing renewed
    (root / "papers" / "a.txt").write_text("edited", encoding="utf-8")
    (root / "papersite.yml").write_text("{} # edited\n", encoding="utf-8")
    watch.update(*watched_inputs(project, None))
    assert server.calls == []  # an edit is no reason to watch again (one could be missed)
    (root / "papers").rename(root / "away")
    (root / "papers").mkdir()  # another folder of that name: its old watch has ended
    watch.update(*watched_inputs(project, None))
    assert server.calls == [("unwatch", papers), ("watch", papers)]
    server.calls.clear()
    shutil.rmtree(root / "papers")
    watch.update(*watched_inputs(project, None))
    assert server.calls == [("unwatch", papers)]  # gone
    (root / "more").mkdir()
    with caplog.at_level(logging.WARNING):
        for _ in range(2):
            watch.update(*watched_inputs(Config(root=root, corpus=("more", "*.txt")), None))
    assert ("watch", str(root / "more")) in server.calls  # named in papersite.yml later
    warnings = [r.getMessage() for r in caplog.records if "does not watch" in r.getMessage()]
    assert len(warnings) == 1 and "'*.txt'" in warnings[0]  # said once
