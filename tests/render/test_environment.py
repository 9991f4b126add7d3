"""Page templates: a project's template that cannot be read or rendered is a message
naming its file and line (exit 2), not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import papersite
from sitebuild import FIXTURE_CORPUS

from generator.render.environment import TemplateProblem, make_environment


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{% if %}\n", "home.md.j2:1: TemplateSyntaxError"),
        ("# Home\n\n{{ no_such_value }}\n", "home.md.j2:3: UndefinedError"),
        ("{% for a, b, c in [(1, 2)] %}{{ a }}{% endfor %}\n", "home.md.j2:1: ValueError"),
    ],
)
def test_a_broken_project_template_names_its_file_and_line(
    tmp_path: Path, template: str, message: str
) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "home.md.j2").write_text(template, encoding="utf-8")
    env = make_environment([folder])
    with pytest.raises(TemplateProblem, match=message) as caught:
        env.get_template("home.md.j2").render()
    assert "may have changed since it was copied" in str(caught.value)


def test_generate_with_an_outdated_paper_template_exits_2(tmp_path: Path) -> None:
    """A paper.md.j2 copied from an older papersite (its loops expect other values)."""
    import shutil

    shutil.copytree(FIXTURE_CORPUS, tmp_path / "site_src" / "corpus")
    templates = tmp_path / "site_src" / "templates"
    templates.mkdir()
    (templates / "paper.md.j2").write_text(
        "# A paper\n{% for link, terms, score in related %}{{ score }}{% endfor %}\n",
        encoding="utf-8",
    )
    result = papersite(tmp_path, "generate")
    assert result.exit_code == 2, result.output
    assert "paper.md.j2:2: ValueError" in result.output
    assert "Traceback" not in result.output
