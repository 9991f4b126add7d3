"""Theme templates that fail are named by file and line; Python bugs keep their traceback."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.mkdocs.theme_checks import template_failure


def _render_error(folder: Path, text: str, **filters: object) -> BaseException:
    (folder / "t.html").write_text(text, encoding="utf-8")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)))
    env.filters.update(filters)
    with pytest.raises(Exception) as caught:
        env.get_template("t.html").render()
    return caught.value


def test_an_error_the_template_makes_is_named_by_its_line(tmp_path: Path) -> None:
    error = _render_error(tmp_path, "line one\n{{ 1/0 }}\n")
    assert template_failure(error, [str(tmp_path)]) == (
        f"{tmp_path / 't.html'}:2: ZeroDivisionError: division by zero"
    )


def test_a_bug_in_python_the_template_calls_is_no_template_error(tmp_path: Path) -> None:
    """A filter's KeyError was reported as `t.html:2: KeyError`, its traceback lost."""

    def broken(value: object) -> object:
        return {}["missing"]

    error = _render_error(tmp_path, "line one\n{{ 1 | broken }}\n", broken=broken)
    assert template_failure(error, [str(tmp_path)]) is None


def test_generated_code_is_no_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Frames of code made by exec or dataclasses are named "<string>": relative to the
    working folder they looked like a theme file."""
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec("def fail():\n    raise ValueError('bug')\n", namespace)
    with pytest.raises(ValueError) as caught:
        namespace["fail"]()  # type: ignore[operator]
    assert template_failure(caught.value, [str(tmp_path)]) is None
