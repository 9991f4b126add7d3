"""Templates compiled once per process: a new environment set up the same way reuses
the code; an edited template, or one set up differently, compiles afresh."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import jinja2.ext
import pytest

from generator.compiled_templates import CompiledTemplates


def _environment(
    folder: Path, cache: CompiledTemplates | None, **settings: Any
) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)), bytecode_cache=cache, **settings
    )


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from now on."""
    names: list[str] = []
    compile_source = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: Any, name: Any = None, *args: Any) -> Any:
        names.append(name)
        return compile_source(self, source, name, *args)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return names


def test_a_second_environment_set_up_alike_reuses_the_code(
    tmp_path: Path, compiles: list[str]
) -> None:
    (tmp_path / "page.html").write_text("{% include 'part.html' %} {{ x|upper }}", "utf-8")
    (tmp_path / "part.html").write_text("part", "utf-8")
    cache = CompiledTemplates()
    first = _environment(tmp_path, cache).get_template("page.html").render(x="a")
    assert sorted(compiles) == ["page.html", "part.html"]
    second = _environment(tmp_path, cache).get_template("page.html").render(x="a")
    assert second == first == "part A"
    assert len(compiles) == 2


def test_an_edited_template_compiles_afresh(tmp_path: Path, compiles: list[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text("one", "utf-8")
    cache = CompiledTemplates()
    assert _environment(tmp_path, cache).get_template("page.html").render() == "one"
    page.write_text("two", "utf-8")
    assert _environment(tmp_path, cache).get_template("page.html").render() == "two"
    assert compiles == ["page.html", "page.html"]


def _loud(value: str) -> str:
    return value.upper()


def _shout(value: str) -> str:
    return value.upper() + "!!"


@jinja2.pass_context
def _loud_with_context(context: Any, value: str) -> str:
    return value.upper() + "!"


@pytest.mark.parametrize(
    ("settings", "other"),
    [
        ({"trim_blocks": False}, {"trim_blocks": True}),
        ({"autoescape": False}, {"autoescape": True}),
        ({"autoescape": False}, {"autoescape": jinja2.select_autoescape(["html"])}),
        ({}, {"variable_start_string": "[[", "variable_end_string": "]]"}),
        ({"finalize": None}, {"finalize": lambda value: f"<{value}>"}),
        ({"filters": {"loud": _loud}}, {"filters": {"loud": _loud_with_context}}),
        ({"filters": {}}, {"filters": {"loud": _loud}}),
        ({"filters": {"loud": _loud}}, {"filters": {"loud": _shout}}),
        ({"policies": {"truncate.leeway": 5}}, {"policies": {"truncate.leeway": 0}}),
    ],
    ids=[
        "trim_blocks",
        "autoescape",
        "autoescape by name",
        "syntax",
        "finalize",
        "filter",
        "filters",
        "same filter name",  # the optimiser calls a filter on a constant when compiling
        "policies",  # truncate reads its leeway when called: on a constant, then
    ],
)
def test_an_environment_set_up_differently_compiles_its_own_code(
    tmp_path: Path, settings: dict[str, Any], other: dict[str, Any]
) -> None:
    """Each environment renders what one without the cache would."""
    (tmp_path / "page.html").write_text(
        "{% if true %}\n{{ x }}[[ x ]]{% if loud %}{{ x|loud }}{{ 'c'|loud }}{% endif %}"
        "{{ 'twelve chars'|truncate(9) }}{% endif %}",
        "utf-8",
    )
    cache = CompiledTemplates()
    for setup in (settings, other, settings):
        filters, policies = setup.get("filters", {}), setup.get("policies", {})
        plain = {key: value for key, value in setup.items() if key not in ("filters", "policies")}
        cached, fresh = (
            _environment(tmp_path, cache, **plain),
            _environment(tmp_path, None, **plain),
        )  # type: ignore[arg-type]
        for env in (cached, fresh):
            env.filters.update(filters)
            env.policies.update(policies)
        values = {"x": "<b>", "loud": bool(filters)}
        expected = fresh.get_template("page.html").render(values)
        assert cached.get_template("page.html").render(values) == expected


class _Shout(jinja2.ext.Extension):
    """An extension whose effect on the code the cache cannot know."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return source.upper() if getattr(self.environment, "shout", False) else source


def test_an_environment_with_an_unknown_extension_is_never_cached(
    tmp_path: Path, compiles: list[str]
) -> None:
    (tmp_path / "page.html").write_text("hello", "utf-8")
    cache = CompiledTemplates()
    for shout in (False, True):
        env = _environment(tmp_path, cache, extensions=[_Shout])
        env.shout = shout  # type: ignore[attr-defined]
        assert env.get_template("page.html").render() == ("HELLO" if shout else "hello")
    assert compiles == ["page.html", "page.html"]


def test_gettext_of_either_style_compiles_its_own_code(tmp_path: Path) -> None:
    """MkDocs' environments have the i18n extension; `{% trans %}` compiles to calls
    that differ with new-style gettext."""
    (tmp_path / "page.html").write_text("{% trans n=2 %}%(n)s items{% endtrans %}", "utf-8")
    cache = CompiledTemplates()
    for newstyle in (False, True, False):
        env = _environment(tmp_path, cache, extensions=["jinja2.ext.i18n"])
        fresh = _environment(tmp_path, None, extensions=["jinja2.ext.i18n"])
        for each in (env, fresh):
            each.install_null_translations(newstyle=newstyle)  # type: ignore[attr-defined]
        expected = fresh.get_template("page.html").render()
        assert env.get_template("page.html").render() == expected
