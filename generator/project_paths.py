"""Where a project's settings may lead: inside the project folder only (papersite reads
and publishes only what is inside it), never through a link out of it, and output
folders apart from every input."""

from __future__ import annotations

import itertools
import os
from collections.abc import Sequence
from pathlib import Path

OUTSIDE = "outside the project (papersite reads and publishes only what is inside it)"
SPECIAL_FILE = (
    "no file or folder but a pipe, socket or device (reading it would wait forever): remove it"
)
# Beside each folder papersite writes, the state of the run that wrote it: generate's
# beside docs/ (state.py), build's beside site/ (mkdocs/site_state.py).
STATE_SUFFIX = ".papersite-state.json"
BUILD_STATE_SUFFIX = ".papersite-build.json"


def state_beside(folder: Path, suffix: str) -> Path:
    """The hidden file beside `folder` that keeps the state of the run that wrote it."""
    return folder.parent / f".{folder.name}{suffix}"


def written_or_hidden(
    root: Path, path: Path, named: Path | None = None, written: dict[Path, bool] | None = None
) -> bool:
    """Whether `path`, inside the project at `root`, is hidden (a state file, `.git/`) or
    lies in a folder papersite wrote (a state file beside it: docs/, a built site/).
    Folders of `named` (a glob's part before its first wildcard: `.data/` in
    `.data/*.jsonl`) were named on purpose: hidden, they still count. `written` keeps
    each folder's answer across calls (the files of a glob share their folders)."""
    if path.name.startswith("."):
        return True
    known = {} if written is None else written
    folder = path.parent
    while folder != root and root in folder.parents:
        if folder not in known:
            suffixes = (STATE_SUFFIX, BUILD_STATE_SUFFIX)
            known[folder] = any(state_beside(folder, suffix).is_file() for suffix in suffixes)
        hidden = folder.name.startswith(".") and not (named and named.is_relative_to(folder))
        if hidden or known[folder]:
            return True
        folder = folder.parent
    return False


class Inside:
    """Tells paths that a symbolic link takes outside the project folder (papersite
    reads and publishes only what is inside it), looking each folder up once."""

    def __init__(self, root: Path) -> None:
        self.root = os.path.join(os.path.realpath(root), "")
        self._folders: dict[str, str] = {}

    def leaves(self, path: Path | str) -> str:
        """The real path of `path` when it is outside the project, else ""."""
        path = os.path.abspath(path)
        folder, name = os.path.split(path)
        real_folder = self._folders.get(folder)
        if real_folder is None:
            real_folder = self._folders[folder] = os.path.realpath(folder)
        real = os.path.realpath(path) if os.path.islink(path) else os.path.join(real_folder, name)
        return "" if os.path.join(real, "").startswith(self.root) else real

    def first_unsafe_entry(self, folder: Path) -> str:
        """The first entry under `folder` (itself included) that links out or is no
        file or folder (a pipe, socket or device: reading it waits forever), or "";
        `why` says which. Entries are read once each (a folder's listing says which are
        links: docs/ holds two files per paper)."""
        if self.leaves(folder):
            return str(folder)
        stack, seen = [str(folder)], {os.path.realpath(folder)}
        while stack:
            try:
                with os.scandir(stack.pop()) as listing:
                    entries = sorted(listing, key=lambda entry: entry.name)
            except OSError:  # unreadable: nothing in it is read or published either
                continue
            for entry in entries:
                if entry.is_symlink() and self.leaves(entry.path):
                    return entry.path
                if not entry.is_file() and not entry.is_dir() and os.path.exists(entry.path):
                    return entry.path
            # MkDocs follows links to folders: a link inside leads on (once each).
            for entry in reversed(entries):
                if entry.is_dir(follow_symlinks=True):
                    real = os.path.realpath(entry.path) if entry.is_symlink() else entry.path
                    if real not in seen:
                        seen.add(real)
                        stack.append(entry.path)
        return ""

    def why(self, path: str) -> str:
        """What is wrong with an entry `first_unsafe_entry` found."""
        return f"links {OUTSIDE}" if self.leaves(path) else f"is {SPECIAL_FILE}"


def custom_dir_problem(root: Path, custom_dir: str | None) -> str:
    """Why mkdocs.yml's theme custom_dir (absolute, as MkDocs resolved it) cannot be
    published from the project at `root`, or "": it, or a link in it, leads outside."""
    inside = Inside(root)
    link = inside.first_unsafe_entry(Path(custom_dir)) if custom_dir else ""
    if not link:
        return ""
    if link == str(Path(custom_dir or "")):  # the folder itself
        return f"theme custom_dir {custom_dir!r} is {OUTSIDE}"
    return f"theme custom_dir: {link} {inside.why(link)}"


def docs_links_problem(root: Path, docs: Path) -> str:
    """Why the pages folder cannot be published from the project at `root`, or "": a
    link in it leads outside (MkDocs copies what a link points to into the site; papersite
    writes no link, but a file of one's own in docs/ is published too)."""
    inside = Inside(root)
    link = inside.first_unsafe_entry(docs) if docs.is_dir() else ""
    return f"docs_dir: {link} {inside.why(link)}" if link else ""


def path_problem(key: str, entries: Sequence[str]) -> str:
    """Why a path setting (`key`, its `entries`) leads outside the project folder (or is
    no path at all), or ""."""
    for entry in entries:
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in entry):
            return f"{key} {entry!r} holds a control character: it cannot be a file name"
        path = Path(entry)
        if path.is_absolute() or ".." in path.parts:
            return f"{key} {entry!r} must be a path inside the project (no '..', not absolute)"
    return ""


def as_written(root: Path, path: str) -> str:
    """A path MkDocs made absolute, as mkdocs.yml writes it: relative to the project at
    `root` when inside it."""
    absolute, real_root = Path(path), root.resolve()
    return (
        absolute.relative_to(real_root).as_posix() if absolute.is_relative_to(real_root) else path
    )


def output_folder_problem(root: Path, folder: str, key: str, apart_from: Sequence[str]) -> str:
    """Why `folder` (docs_dir, or MkDocs' site_dir) cannot be an output folder of the
    project at `root`, or "": papersite replaces it whole, so it must be a plain folder of
    its own inside the project, apart from every input and the other output folder
    (`apart_from`, as written)."""
    root = root.resolve()
    given = Path(os.path.normpath(root / folder))
    if folder.strip() in ("", ".") or given == root:
        return f"{key} must name a folder of its own inside the project, not the project itself"
    if not given.is_relative_to(root):
        return f"{key} {folder!r} must be a folder inside the project"
    if any(part.startswith(".") for part in given.relative_to(root).parts):
        return (
            f"{key} {folder!r} is a hidden folder or inside one (`.git`, `.venv`): "
            "papersite replaces it whole; choose a plain folder of its own"
        )
    if given.exists() and not given.is_dir():
        return (
            f"{key} {folder!r} is a file, not a folder: papersite would put its pages in "
            "its place; choose a folder of its own"
        )
    target = given.resolve()
    if target != given:
        return (
            f"{key} {folder!r} goes through a symbolic link (to {str(target)!r}): papersite "
            "replaces it whole and writes only inside the project; make it a plain folder"
        )
    inside, real_root = str(target) + os.sep, str(root)
    inside_root = os.path.join(real_root, "")
    for entry in dict.fromkeys(apart_from):  # as strings: a corpus may list 100,000 files
        used = os.path.realpath(os.path.join(real_root, entry))
        if used == real_root:  # a glob over the whole project (`*.txt`): reads files only
            continue
        if used == str(target) or inside.startswith(used + os.sep) or used.startswith(inside):
            name = os.path.relpath(used, real_root) if used.startswith(inside_root) else used
            return (
                f"{key} {folder!r} overlaps {str(name)!r}, which papersite reads "
                "or MkDocs writes: choose a folder of its own"
            )
    return ""


def fixed_part(entry: str) -> str:
    """The folder a corpus entry names before its first glob wildcard (`a/*/x` -> `a`)."""
    parts = Path(entry).parts
    fixed = list(itertools.takewhile(lambda part: not any(c in part for c in "*?["), parts))
    return str(Path(*fixed)) if fixed else "."
