"""The README documents every CLI command and the two set-up commands."""

from __future__ import annotations

from paths import REPO

from generator.cli import main

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented() -> None:
    missing = [name for name in main.commands if f"papersite {name}" not in README]
    assert main.commands, "the CLI has no commands"
    assert missing == []


def test_setup_commands_are_documented() -> None:
    assert "make site" in README
    assert "make test" in README
