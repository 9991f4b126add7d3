"""What `papersite serve` watches for changes, kept watched as folders come and go.

MkDocs' live server watches a folder with a polling watch that ends when the folder is
deleted: a corpus folder deleted and made again, or moved away and back, was never
watched again, and a folder that did not exist when serving began never was. So the
project's source folder (site_src) is watched whole where it holds the inputs, and the
watches are renewed after every build (a corpus folder added to papersite.yml, one made
again elsewhere). Only MkDocs' public `watch` and `unwatch` are used.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path
from typing import Any

from generator.config import CONFIG_NAME, SOURCE_DIR, Config
from generator.project_paths import fixed_part

log = logging.getLogger("mkdocs.plugins.papersite")


def watched_inputs(project: Config, theme_dir: Path | None) -> tuple[list[Path], list[str]]:
    """The paths to watch (existing ones, none inside another) and the corpus entries
    left unwatched: one at the project root ("*.txt") would watch docs/ and site/, which
    every build writes, and rebuild for ever."""
    root = project.root.resolve()
    corpus = [(entry, root / fixed_part(entry)) for entry in project.corpus]
    unwatched = [entry for entry, path in corpus if path.resolve() == root]
    candidates = [root / SOURCE_DIR, *(path for _, path in corpus)]
    candidates += [root / project.topics_file, root / CONFIG_NAME]
    if theme_dir is not None:
        candidates.append(theme_dir)
    paths: list[Path] = []
    for path in (p.resolve() for p in candidates):
        if path != root and path.exists() and path not in paths:
            paths.append(path)
    inner = [p for p in paths if any(p != q and p.is_relative_to(q) for q in paths)]
    return [p for p in paths if p not in inner], unwatched


class InputWatch:
    """The inputs one live server watches, renewed by `update` after each build: a path
    that is new, gone, or another folder of the same name (deleted and made again) is
    unwatched and watched again (the watch MkDocs has for it may have ended)."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self.watched: dict[Path, tuple[int, int]] = {}  # path -> identity when watched
        self.warned: set[str] = set()

    def update(self, paths: Iterable[Path], unwatched: Iterable[str] = ()) -> None:
        now = {path: _identity(path) for path in paths}
        for path, identity in list(self.watched.items()):
            if now.get(path) != identity:
                with suppress(KeyError):  # (not watched by this server after all)
                    self.server.unwatch(str(path))
                del self.watched[path]
        for path, found in now.items():
            if path not in self.watched and found is not None:
                self.server.watch(str(path))
                self.watched[path] = found
        for entry in unwatched:
            if entry not in self.warned:
                self.warned.add(entry)
                log.warning(
                    "papersite: serve does not watch corpus entry %r (at the project root, "
                    "beside docs/ and site/): save %s to rebuild after editing its files",
                    entry,
                    CONFIG_NAME,
                )


def _identity(path: Path) -> tuple[int, int] | None:
    """Which folder or file `path` is. Not its change time, which an edit moves: watched
    again, an edit made between the old watch's last look and the new watch's first
    was never seen. (A folder made again under the same inode number, between two
    builds, stays unwatched: site_src, watched whole, holds the usual ones.)"""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino
