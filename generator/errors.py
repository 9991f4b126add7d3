"""What a run can fail with: typed, so that the CLI exits with the right code and the
MkDocs plugin stops with a one-line message naming the file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class PipelineError(Exception):
    """A run that cannot go on; the message says why and names the file."""

    exit_code = 1


class SettingsError(PipelineError):
    """papersite.yml, the topics file or mkdocs.yml cannot be used."""

    exit_code = 2


class DataError(PipelineError):
    """The corpus gives nothing to build, or (under --strict) has problems."""


class BuildError(PipelineError):
    """MkDocs could not build the site."""


@contextmanager
def writing(folder: Path) -> Iterator[None]:
    """Disk errors while writing `folder` (full, read-only, no permission) as one line
    naming the file; what was there before is left whole by the writers."""
    try:
        yield
    except OSError as error:
        where = error.filename or folder
        raise PipelineError(f"cannot write {where}: {error.strerror or error}") from None
