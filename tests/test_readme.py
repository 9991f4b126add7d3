"""The README documents every CLI command and the two set-up commands."""

from __future__ import annotations

from paths import REPO

from generator.cli import main
from generator.scaffold import FILES

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented() -> None:
    missing = [name for name in main.commands if f"papersite {name}" not in README]
    assert main.commands, "the CLI has no commands"
    assert missing == []


def test_setup_commands_are_documented() -> None:
    assert "make site" in README
    assert "make test" in README


def test_plain_mkdocs_is_documented_with_the_step_it_needs_first() -> None:
    """MkDocs refuses a missing docs_dir before the plugin runs, and docs/ is git-ignored
    (scaffold/files/gitignore): a clean clone needs `papersite generate` (review 5)."""
    assert "/docs/" in (FILES / "gitignore").read_text(encoding="utf-8").split()
    plain = README.split("Plain MkDocs works too:")[1].split("\n\n")[0]
    assert "run `papersite generate` once first (or `mkdir docs`)" in plain
