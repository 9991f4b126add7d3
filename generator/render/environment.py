"""The Jinja2 environment for Markdown page templates: corpus text is escaped by default.

Values are Markdown-escaped; inside `{% autoescape true %}` (a template's raw HTML
blocks) they are HTML-escaped instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2.nodes import EvalContext
from markupsafe import Markup

from generator.render.text import md_escape

# papersite's page templates (package data); a project's own folder comes first.
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


@jinja2.pass_eval_context
def _finalize(context: EvalContext, value: Any) -> Any:
    """Escape every interpolated value unless it is explicitly marked safe.

    Markdown escaping, or none inside an autoescape block, where Jinja HTML-escapes.
    """
    if value is None:
        return ""
    if isinstance(value, Markup) or context.autoescape:
        return value
    return md_escape(str(value))


def make_environment(project_templates: Sequence[Path] = ()) -> jinja2.Environment:
    """Return the environment; `{{ x }}` is Markdown-escaped, `Markup` passes through.

    A template in one of `project_templates` replaces papersite's own of that name.
    """
    folders = [str(folder) for folder in project_templates if folder.is_dir()]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*folders, str(TEMPLATES_DIR)]),
        autoescape=False,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env
