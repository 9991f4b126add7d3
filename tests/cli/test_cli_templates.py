"""A project's broken templates, theme overrides and theme language are one-line errors
naming the file (and line), never a traceback; `check` finds what it can find without
building, with the build's own message."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from cli_run import papersite
from click.testing import Result
from paths import REPO
from sitebuild import FIXTURE_CORPUS, make_project

pytestmark = pytest.mark.slow  # they build small sites


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A small project with the repository's mkdocs.yml."""
    return make_project(tmp_path / "project", FIXTURE_CORPUS, "Fixture papers").root


def _run(root: Path, *args: str) -> Result:

    return papersite(root, "-q", *args)


def _error(result: Result) -> str:
    """The one error line of a command that failed cleanly (no exception escaped)."""
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, result.output
    return errors[0]


def test_a_page_template_that_is_not_utf8_is_named(root: Path) -> None:
    templates = root / "site_src" / "templates"
    templates.mkdir()
    (templates / "home.md.j2").write_bytes(b"\xff\xfe bad")
    result = _run(root, "generate")
    assert result.exit_code == 2
    message = _error(result)
    assert f"{templates / 'home.md.j2'}: not UTF-8 text" in message


def _override(root: Path, text: str | bytes, name: str = "main.html") -> Path:
    overrides = root / "site_src" / "overrides"
    path = overrides / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("{% extends 'base.html' %}\n{% if %}\n", ":2: TemplateSyntaxError: Expected an expr"),
        (b"\xff{% extends 'base.html' %}", ": not UTF-8 text"),
        ("{% extends 'main.html' %}\n", ":1: uses itself"),  # a RecursionError
        ("{% extends 'base.html' %}\n\n{% extends './main.html' if 1 else 'x' %}", ":3: uses"),
        (
            "{% extends 'base.html' %}{% block c %}{% include 'main.html' %}{% endblock %}",
            ":1: uses itself",
        ),
    ],
)
def test_a_broken_theme_override_fails_check_and_build_alike(
    root: Path, text: str | bytes, why: str
) -> None:
    path = _override(root, text)
    check, build = _run(root, "check"), _run(root, "build")
    assert check.exit_code == build.exit_code == 2
    assert _error(check) == _error(build)
    assert _error(build).startswith(f"Error: {path}{why}"), _error(build)


def test_a_broken_override_of_the_palette_script_is_named_as_a_template(root: Path) -> None:
    """The palette script is a template the plugin adds as the build starts: `check`
    parses a project's copy of it too, and says what the build would."""
    path = _override(root, "var a = 1;\n{% if %}\n", "assets/javascripts/palette.js")
    check, build = _run(root, "check"), _run(root, "build")
    assert check.exit_code == build.exit_code == 2
    assert _error(check) == _error(build)
    assert _error(check).startswith(f"Error: {path}:2: TemplateSyntaxError"), _error(check)


def test_a_theme_override_that_fails_while_rendering_is_named(root: Path) -> None:
    path = _override(
        root, '{% extends "base.html" %}\n{% block content %}{{ 1/0 }}{% endblock %}\n'
    )
    assert _run(root, "check").exit_code == 0  # it compiles: only a build finds it
    build = _run(root, "build")
    assert build.exit_code == 1
    message = _error(build)
    assert f"{path}:2: ZeroDivisionError: division by zero" in message, message


def _with_language(root: Path, line: str) -> tuple[Path, Result, Result]:
    """mkdocs.yml with `line` for its theme language, then check and build."""
    mkdocs_yml = root / "mkdocs.yml"
    mkdocs_yml.write_text(mkdocs_yml.read_text("utf-8").replace("language: en", line), "utf-8")
    return mkdocs_yml, _run(root, "check"), _run(root, "build")


def test_a_theme_language_material_lacks_fails_check_and_build(root: Path) -> None:
    mkdocs_yml, check, build = _with_language(root, "language: xx")
    assert check.exit_code == build.exit_code == 2
    assert _error(check) == _error(build)
    assert _error(build).startswith(f"Error: {mkdocs_yml}: theme language 'xx'")
    assert "Material has no language 'xx'" in _error(build)
    # a language of the project's own (Material's way to add one) is found
    own = root / "site_src" / "overrides" / "partials" / "languages"
    own.mkdir(parents=True)
    material = Path(__import__("material").__file__).parent / "templates"
    (own / "xx.html").write_text(
        (material / "partials" / "languages" / "en.html").read_text("utf-8"), "utf-8"
    )
    assert _run(root, "check").exit_code == 0


def test_an_interrupt_while_the_command_loads_ends_cleanly(tmp_path: Path) -> None:
    """Ctrl+C in the first tenths of a second (the imports): "Aborted!", no traceback."""
    script = textwrap.dedent(
        """
        import sys

        class Interrupt:  # Ctrl+C as the pipeline's module starts loading
            def find_spec(self, name, path=None, target=None):
                # What SIGINT's handler raises, raised here: a signal sent to the
                # process may be taken by another thread (numpy's) and reach the main
                # one only after --help is done, on a loaded machine.
                if name == "generator.pipeline":
                    raise KeyboardInterrupt
                return None

        sys.meta_path.insert(0, Interrupt())
        sys.argv = ["papersite", "--help"]
        from generator.console import run
        run()
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stderr.strip() == "Aborted!"
    assert done.returncode == 1


@pytest.mark.parametrize("trouble", ["long name", "link loop"])
def test_a_file_the_system_refuses_ends_with_its_name_not_a_traceback(
    tmp_path: Path, trouble: str
) -> None:
    """A corpus entry too long for the file system, or corpus files whose links loop,
    ended in an OSError's or pathlib's RuntimeError's traceback."""
    corpus = tmp_path / "site_src" / "corpus"
    corpus.mkdir(parents=True)
    entry = "site_src/" + "a" * 300
    if trouble == "link loop":
        (corpus / "one.txt").symlink_to("two.txt")
        (corpus / "two.txt").symlink_to("one.txt")
        entry = "site_src/corpus"
    (tmp_path / "papersite.yml").write_text(f"corpus: [{entry}]\n", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from generator.console import run; run()",
            "--root",
            str(tmp_path),
            "generate",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 1
    said = done.stderr.strip().splitlines()[-1]
    # (Python 3.13's resolve() no longer raises on a loop: the system's ELOOP then)
    expected = (
        ("File name too long",)
        if trouble == "long name"
        else ("Symlink loop from", "Too many levels of symbolic links")
    )
    assert said.startswith("Error: ") and any(e in said for e in expected), said
    assert ("a" * 300 if trouble == "long name" else "one.txt") in said or "two.txt" in said


def test_a_theme_language_left_empty_fails_check_and_build(root: Path) -> None:
    """`language:` with no value is "None" to Material: check passed, the build failed."""
    mkdocs_yml, check, build = _with_language(root, "language:")
    assert check.exit_code == build.exit_code == 2
    assert _error(check) == _error(build)
    assert _error(build).startswith(f"Error: {mkdocs_yml}: theme language 'None'")
