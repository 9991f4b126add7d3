"""All file output: atomic writes that leave the old file intact if anything fails."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text_atomic(path: Path, text: str) -> bool:
    """Write `text` to `path` through a temporary file; return False if it was unchanged."""
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.is_file() else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)  # mkstemp makes files private (0600): give the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _umask() -> int:
    """The process's file-creation mask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


MANIFEST = ".papersite-manifest"


def write_docs(docs_dir: Path, pages: dict[str, str]) -> tuple[int, int]:
    """Write generated pages under `docs_dir`: only changed files, stale ones removed.

    Returns (files written, files removed). Only files this tool wrote before (listed
    in the manifest) are ever removed, so hand-made files in docs/ are left alone.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    written = sum(write_text_atomic(docs_dir / path, text) for path, text in sorted(pages.items()))
    manifest = docs_dir / MANIFEST
    previous = set(manifest.read_text(encoding="utf-8").split("\n")) if manifest.exists() else set()
    removed = 0
    for stale in sorted(previous - set(pages) - {""}):
        target = docs_dir / stale
        if _inside(target, docs_dir) and target.is_file():
            target.unlink()
            removed += 1
            _remove_empty_parents(target.parent, docs_dir)
    write_text_atomic(manifest, "\n".join(sorted(pages)) + "\n")
    return written, removed


def _inside(path: Path, folder: Path) -> bool:
    """True when `path` is below `folder` (a manifest line never reaches outside docs/)."""
    return path.resolve().is_relative_to(folder.resolve()) and path.resolve() != folder.resolve()


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    """Remove folders left empty by stale-file removal, up to (not including) `stop`."""
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
