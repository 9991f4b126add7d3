"""`papersite init`: a new project folder, as the repository itself is laid out.

    mkdocs.yml          MkDocs settings, with the papersite plugin
    papersite.yml       papersite's settings, every key at its default
    site_src/corpus/    the corpus files go here
    site_src/topics.yml curated topics (all commented out: no curation)
    site_src/templates/ page templates that replace papersite's of the same name
    site_src/overrides/ theme files that replace papersite's and Material's
    .gitignore          docs/ and site/ are generated

The files are package data (files/); the repository's own copies are the same (a test
checks it).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

FILES = Path(__file__).resolve().parent / "files"
# Package data cannot be named .gitignore (build tools skip it): it is renamed here.
RENAMED = {"gitignore": ".gitignore"}


class ScaffoldError(ValueError):
    """The project cannot be created there."""


def init_project(directory: Path) -> list[Path]:
    """Create the project files in `directory` (new or empty); return what was written.

    Nothing is overwritten: a folder that already holds a mkdocs.yml or papersite.yml
    is refused.
    """
    if directory.is_symlink() and not directory.exists():
        raise ScaffoldError(f"{directory} is a link to {os.readlink(directory)}, which is gone")
    if directory.exists() and not directory.is_dir():
        raise ScaffoldError(f"{directory} is a file, not a folder")
    for name in ("mkdocs.yml", "papersite.yml"):
        if (directory / name).exists() or (directory / name).is_symlink():
            raise ScaffoldError(f"{directory / name} exists already: not overwritten")
    written = []
    try:
        for source in sorted(FILES.rglob("*")):
            relative = source.relative_to(FILES)
            target = directory / RENAMED.get(str(relative), str(relative))
            if source.is_dir():
                target.mkdir(parents=True, exist_ok=True)
            elif source.name != ".gitkeep" and not target.exists() and not target.is_symlink():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
                written.append(target)
    except OSError as error:
        where = error.filename or directory
        raise ScaffoldError(f"cannot create {where}: {error.strerror or error}") from None
    return written
