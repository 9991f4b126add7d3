"""The version gate: speed-ups run only on the versions they were tested with."""

from __future__ import annotations

import tomllib

from packaging.requirements import Requirement
from paths import REPO

from generator.mkdocs.versions import SPEEDUPS, TESTED, Gate, check_versions


def test_the_installed_versions_are_the_tested_ones() -> None:
    """CI installs what pyproject.toml pins: every speed-up runs there."""
    gate = check_versions()
    assert gate.untested == {}
    assert all(gate.allows(name) for name in SPEEDUPS)


def test_pyproject_pins_the_tested_ranges() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {}
    for line in project["dependencies"]:
        requirement = Requirement(line)
        pins[requirement.name] = requirement.specifier
    pins["pagefind-bin"] = pins["pagefind"]  # pagefind[bin] installs the binary's wheel
    for package, tested in TESTED.items():
        assert pins[package] == tested, package


def test_an_untested_version_turns_off_the_speedups_that_lean_on_it() -> None:
    gate = Gate({"mkdocs-material": "9.9.0"})
    assert gate.allows("fast_markdown") and gate.allows("stable_search_index")
    assert not gate.allows("parallel_pages") and not gate.allows("shared_partials")
    notice = gate.notice(list(SPEEDUPS))
    assert notice is not None
    assert "parallel_pages, shared_partials" in notice
    assert "mkdocs-material 9.9.0 (tested: <9.9,>=9.8.2)" in notice
    assert gate.notice(["fast_markdown"]) is None  # nothing it leans on is untested
    assert not gate.tested("mkdocs-material") and gate.tested("mkdocs")
