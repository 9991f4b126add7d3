"""Run the command line in-process, as a user would type it for one project."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from generator.cli import main


def papersite(root: Path | str, *args: str) -> Result:
    """`papersite --root ROOT ARGS...`; an exception is caught into the result."""
    return CliRunner().invoke(main, ["--root", str(root), *args])
