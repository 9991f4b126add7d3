"""mkdocs.yml as a build loads it: problems named as the user wrote the project's path,
the first of several in a fixed order (the plugin's own check shares the chain)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import fixture_project, repository_mkdocs_yml

from generator.config import load_config
from generator.errors import SettingsError
from generator.mkdocs.project_settings import load_mkdocs_settings


def _problem(root: Path, mkdocs_yml: str) -> str:
    fixture_project(root, mkdocs_yml)
    config = load_config(root)
    config.docs.mkdir(parents=True)
    with pytest.raises(SettingsError) as raised:
        load_mkdocs_settings(config, config.docs)
    return str(raised.value)


def test_a_site_dir_outside_comes_before_a_missing_plugin_and_names_the_file_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = repository_mkdocs_yml().replace("site_dir: site", "site_dir: ../outside")
    text = text.replace("  - papersite   #", "  #")
    problem = _problem(Path("p1"), text)
    assert problem.startswith("p1/mkdocs.yml: site_dir"), problem


def test_a_missing_plugin_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = repository_mkdocs_yml().replace("  - papersite   #", "  #")
    problem = _problem(Path("p1"), text)
    assert problem.startswith("p1/mkdocs.yml: the papersite plugin is missing"), problem


def test_a_value_mkdocs_reads_unchecked_is_named_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`custom_dir: 5` under theme ended in MkDocs' TypeError, in check and build."""
    monkeypatch.chdir(tmp_path)
    text = repository_mkdocs_yml().replace(
        "  name: material\n", "  name: material\n  custom_dir: 5\n"
    )
    assert "custom_dir: 5" in text
    problem = _problem(Path("p1"), text)
    assert problem.startswith("p1/mkdocs.yml: a setting MkDocs cannot read ("), problem


def test_a_setting_mkdocs_refuses_is_named_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """MkDocs logged its reason and raised "Aborted with a configuration error!", which
    was all `check` said at the end."""
    monkeypatch.chdir(tmp_path)
    text = repository_mkdocs_yml()
    text = text.replace("site_dir: site\n", "site_dir: site\nsite_author: [1]\n")
    line = text.splitlines().index("site_author: [1]") + 1
    problem = _problem(Path("p1"), text)
    assert problem == (
        f"p1/mkdocs.yml:{line}: site_author: Expected type: <class 'str'> but received: "
        "<class 'list'>"
    ), problem
    assert "Config value" not in caplog.text  # said once, in the error
    # an error comes before a warning MkDocs logged first (an unknown setting)
    warned = text.replace("site_dir: site\n", "site_dir: site\nno_such_setting: 1\n")
    problem = _problem(Path("p2"), warned)
    assert problem.startswith(f"p2/mkdocs.yml:{line + 1}: site_author: "), problem
    assert problem.endswith(" (also: no_such_setting)"), problem


def test_a_bug_in_a_projects_hook_is_not_passed_off_as_a_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hook module that fails on import (`None.attr`) was reported as "a setting MkDocs
    cannot read": its own error, with its file and line, is what its author needs."""
    monkeypatch.chdir(tmp_path)
    text = repository_mkdocs_yml() + "hooks:\n  - broken_hook.py\n"
    fixture_project(Path("p1"), text)
    (Path("p1") / "broken_hook.py").write_text("None.attr\n", encoding="utf-8")
    config = load_config(Path("p1"))
    config.docs.mkdir(parents=True)
    with pytest.raises(AttributeError, match="attr"):
        load_mkdocs_settings(config, config.docs)


def test_a_warning_about_a_setting_is_still_said_when_the_build_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """MkDocs' messages are kept while it loads the settings, for the error; a warning
    that stops nothing (a build that is not strict) is passed on, not lost."""
    fixture_project(tmp_path, repository_mkdocs_yml() + "\nno_such_setting: 1\n")
    config = load_config(tmp_path)
    config.docs.mkdir(parents=True)
    with caplog.at_level("WARNING", logger="mkdocs.config"):
        load_mkdocs_settings(config, config.docs, strict=False)
    assert "Config value 'no_such_setting'" in caplog.text
