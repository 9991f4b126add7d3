"""All file output of the pipeline, each write all-or-nothing.

- One file: `write_text_atomic` writes through a temporary file and renames it.
- docs/: `write_docs` fills a staging folder beside it (unchanged pages and hand-made
  files hard-linked, so nothing is copied and their times stay) and then puts it in
  docs/'s place. A run that dies leaves the previous docs/ whole; `recover_folder`
  puts it back if the run died between the two renames of the swap.
- site/: `replace_folder` swaps a finished build in the same way (build.py).
- Two runs never write one project's output at once: `exclusive` locks the folder
  that holds docs/ and site/, and a second run (`serve` in one terminal, `build` in
  another) stops with a message instead of removing the first one's staging folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

try:
    import fcntl
except ImportError:  # not on Windows: runs there are not kept apart
    fcntl = None  # type: ignore[assignment]

MANIFEST = ".papersite-manifest"
# papersite's own bookkeeping files in docs/: the manifest (written by write_docs), and
# the state file of earlier versions (now kept beside docs/), left behind.
OWN_FILES = frozenset({MANIFEST, ".papersite-state.json"})


class FolderBusy(Exception):
    """Another run is writing the folder."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"another papersite run is writing {folder} (a `serve`, `build` or `generate` "
            "in another terminal?): try again when it has finished"
        )


_held: dict[Path, int] = {}  # folders whose lock this process holds: runs nest (build, plugin)


@contextmanager
def exclusive(folder: Path) -> Iterator[None]:
    """Hold the lock of the folder that holds `folder` (docs/ and site/: the project)
    while the block runs; FolderBusy at once if another process holds it. The lock is
    the folder's own (flock on it): no file is left behind. The same process may take it
    again."""
    key = folder.absolute().parent
    descriptor = None
    if key not in _held and fcntl is not None:
        key.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(key, os.O_RDONLY)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            raise FolderBusy(folder) from None
        except OSError:  # a file system without locks (some network mounts): run unlocked
            pass
    _held[key] = _held.get(key, 0) + 1
    try:
        yield
    finally:
        _held[key] -= 1
        if not _held[key]:
            del _held[key]
        if descriptor is not None:
            os.close(descriptor)  # closing it releases the lock


def write_text_atomic(path: Path, text: str, *, through_links: bool = False) -> bool:
    """Write `text` to `path` through a temporary file; return False if it was unchanged.

    A symbolic link at `path` is replaced by the file: a link in a project (a cloned
    repository can hold any) never has papersite write outside it. A file the user
    names (`papersite export PATH`) is written `through_links`: a link's target is
    replaced (the link stays), a pipe or device written to directly.
    """
    data = text.encode("utf-8")
    if through_links and path.is_symlink():
        path = path.resolve()
    if through_links and path.exists() and not path.is_file():
        with path.open("wb") as handle:
            handle.write(data)
        return True
    own_file = not path.is_symlink() and path.is_file()  # a link's target is never read
    if own_file and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if own_file else 0o666 & ~_umask()
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


def staging_folder(folder: Path) -> Path:
    """Where the next version of `folder` is built before it takes its place."""
    return folder.with_name(f".{folder.name}.papersite-new")


def _previous_folder(folder: Path) -> Path:
    return folder.with_name(f".{folder.name}.papersite-old")


def recover_folder(folder: Path) -> None:
    """After a run that died: the previous `folder` back in place, no half-built one left.

    A swap renames `folder` away, then the staging folder into its place: a run that
    died between the two left only the previous version, which comes back.
    """
    previous = _previous_folder(folder)
    if previous.is_symlink():  # a run renames real folders only: never followed
        previous.unlink()
    elif previous.is_dir():
        if folder.exists():
            _remove_previous(folder)
        else:
            previous.rename(folder)
    remove_folder(staging_folder(folder))


def replace_folder(folder: Path, new: Path) -> None:
    """Put the finished folder `new` in `folder`'s place; the old one is removed."""
    previous = _previous_folder(folder)
    _remove_previous(folder)
    if folder.exists():
        folder.rename(previous)
    new.rename(folder)
    _remove_previous(folder)


def _remove_previous(folder: Path) -> None:
    """Remove the previous version of `folder`. One that cannot be removed (a read-only
    folder in it) is named, with what to do: left silently, it made every later run
    fail with "Directory not empty"."""
    previous = _previous_folder(folder)
    if previous.is_symlink() or not previous.exists():
        remove_folder(previous)
        return
    try:
        shutil.rmtree(previous)
    except OSError as error:
        raise OSError(
            error.errno,
            f"{error.strerror or error}: it holds the previous {folder.name}/, which could "
            "not be removed and stops every later run (make its folders writable, or "
            "delete it)",
            str(previous),  # rmtree names a file relative to a folder it does not say
        ) from None


def remove_folder(folder: Path) -> None:
    """Remove `folder` if it is there; a symbolic link is removed, never followed."""
    if folder.is_symlink():
        folder.unlink()
    else:
        shutil.rmtree(folder, ignore_errors=True)


class HandMadeCollision(Exception):
    """Files papersite did not write sit where generated pages would go."""

    def __init__(self, docs_dir: Path, paths: list[str]) -> None:
        self.paths = paths
        first = (docs_dir / paths[0]).as_posix()
        more = f" (and {len(paths) - 1} more: {', '.join(paths[1:4])}" if len(paths) > 1 else ""
        more += ", …)" if len(paths) > 4 else (")" if more else "")
        super().__init__(
            f"{first}{more}: papersite did not write this file (it is not in "
            f"{(docs_dir / MANIFEST).as_posix()}) but a generated page has its path; "
            "move or rename it (papersite never overwrites a file it did not write), "
            "or delete it if an earlier run wrote it"
        )


def write_docs(docs_dir: Path, pages: dict[str, str]) -> tuple[int, int]:
    """Make `docs_dir` hold exactly `pages` (plus hand-made files), all at once.

    Returns (files written, files removed): a page whose bytes did not change is not
    rewritten. Only files this tool wrote before (listed in the manifest) are removed,
    so hand-made files in docs/ are kept; one in a page's place is refused
    (HandMadeCollision), before anything is written.
    """
    recover_folder(docs_dir)
    _refuse_collisions(docs_dir, pages)
    staging = staging_folder(docs_dir)
    staging.mkdir(parents=True)
    try:
        previous = generated_pages(docs_dir)
        _keep_hand_made(docs_dir, staging, previous)
        written = 0
        for path, text in sorted(pages.items()):
            written += _stage_page(docs_dir / path, staging / path, text)
        _stage_page(docs_dir / MANIFEST, staging / MANIFEST, "\n".join(sorted(pages)) + "\n")
        removed = sum(1 for stale in previous - set(pages) if (docs_dir / stale).is_file())
        replace_folder(docs_dir, staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return written, removed


def generated_pages(docs_dir: Path) -> set[str]:
    """The pages the last run wrote (none listed outside docs/: such lines are ignored)."""
    try:
        lines = (docs_dir / MANIFEST).read_text(encoding="utf-8").split("\n")
    except OSError:
        return set()
    return {line for line in lines if line and _relative_inside(line)}


def _refuse_collisions(docs_dir: Path, pages: dict[str, str]) -> None:
    """Raise HandMadeCollision if something papersite did not write is in a page's
    place: a file (holding other bytes: a page the same as the file overwrites
    nothing), or a link or file where one of the page's folders goes."""
    generated = generated_pages(docs_dir)
    collisions = {
        path
        for path, text in pages.items()
        if path not in generated
        and ((docs_dir / path).exists() or (docs_dir / path).is_symlink())
        and not _holds(docs_dir / path, text.encode("utf-8"))
    }
    folders = {parent for path in pages for parent in PurePosixPath(path).parents if parent.name}
    for folder in folders:
        place = docs_dir / folder
        if place.is_symlink() or (place.exists() and not place.is_dir()):
            collisions.add(folder.as_posix())
    if collisions:
        raise HandMadeCollision(docs_dir, sorted(collisions))


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.is_file() and path.read_bytes() == data
    except OSError:
        return False


def _keep_hand_made(docs_dir: Path, staging: Path, generated: set[str]) -> None:
    """Carry over everything in docs/ that papersite did not write: files (hard-linked),
    symbolic links (as links, never followed) and empty folders."""
    if not docs_dir.is_dir():
        return
    for folder, folders, files in os.walk(docs_dir):
        here = Path(folder)
        folders.sort()
        for name in sorted([*files, *(f for f in folders if (here / f).is_symlink())]):
            source = here / name
            relative = source.relative_to(docs_dir).as_posix()
            if relative in generated or relative in OWN_FILES:
                continue
            if source.is_symlink():
                (staging / relative).parent.mkdir(parents=True, exist_ok=True)
                os.symlink(os.readlink(source), staging / relative)
            else:
                link_or_copy(source, staging / relative)
        if not folders and not files:
            (staging / here.relative_to(docs_dir)).mkdir(parents=True, exist_ok=True)


def _stage_page(old: Path, new: Path, text: str) -> bool:
    """Put a page into the staging folder: the unchanged old file, or the new text
    (replacing the link `_keep_hand_made` made if the file was the same page, unlisted)."""
    new.unlink(missing_ok=True)
    data = text.encode("utf-8")
    if old.is_file() and old.read_bytes() == data:
        link_or_copy(old, new)
        return False
    new.parent.mkdir(parents=True, exist_ok=True)
    new.write_bytes(data)
    os.chmod(new, 0o666 & ~_umask())
    return True


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """A hard link (same file, no copy), or a copy where the file system has none."""
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _relative_inside(line: str) -> bool:
    """True for a relative path that stays below its folder (no `..`, not absolute)."""
    path = Path(line)
    return not path.is_absolute() and ".." not in path.parts and path.parts != ()
