"""The Jinja2 environment for Markdown page templates: corpus text is escaped by default.

Values are Markdown-escaped; inside `{% autoescape true %}` (a template's raw HTML
blocks) they are HTML-escaped instead. A template that cannot be read or rendered (a
project's copy from an older papersite, whose variables have changed since) is a
TemplateProblem naming its file and line, not a traceback.
"""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2.nodes import EvalContext
from markupsafe import Markup

from generator.compiled_templates import COMPILED_TEMPLATES
from generator.render.rich_text import unicode_scripts
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


class TemplateProblem(Exception):
    """A page template that cannot be read or rendered: its file and line, and why."""


class _Template(jinja2.Template):
    def render(self, *args: Any, **kwargs: Any) -> str:
        try:
            return super().render(*args, **kwargs)
        except TemplateProblem:  # a template it includes or extends: that one is named
            raise
        except Exception as error:
            line = next(
                (
                    n
                    for f, n in reversed(list(traceback.walk_tb(error.__traceback__)))
                    if f.f_code.co_filename == self.filename
                ),
                None,
            )
            raise TemplateProblem(
                _problem(self.filename or self.name or "?", line, error)
            ) from None


class _Environment(jinja2.Environment):
    template_class = _Template

    def get_template(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().get_template(*args, **kwargs)
        except jinja2.TemplateSyntaxError as error:
            raise TemplateProblem(
                _problem(error.filename or error.name or "?", error.lineno, error)
            ) from None
        except UnicodeDecodeError as error:
            name = self._file_of(args[0] if args else kwargs.get("name"))
            raise TemplateProblem(
                f"{name}: not UTF-8 text ({error.reason} at byte {error.start}): "
                "templates are read as UTF-8; save it in that encoding"
            ) from None
        except OSError as error:
            name = error.filename or self._file_of(args[0] if args else kwargs.get("name"))
            raise TemplateProblem(f"{name}: cannot be read ({error.strerror or error})") from None

    def _file_of(self, name: Any) -> str:
        """The file the loader reads for template `name` (the first folder holding it)."""
        folders = getattr(self.loader, "searchpath", [])
        for folder in folders:
            path = Path(folder, *str(name).split("/"))
            if path.is_file():
                return str(path)
        return str(name)


def _problem(file: str, line: int | None, error: Exception) -> str:
    where = f"{file}:{line}" if line else file
    own = Path(file).resolve().is_relative_to(TEMPLATES_DIR)
    hint = (
        ""
        if own
        else (
            f" (a project template: papersite's own {Path(file).name} may have changed since "
            "it was copied; compare the two)"
        )
    )
    return f"{where}: {type(error).__name__}: {error}{hint}"


def make_environment(project_templates: Sequence[Path] = ()) -> jinja2.Environment:
    """Return the environment; `{{ x }}` is Markdown-escaped, `Markup` passes through.

    A template in one of `project_templates` replaces papersite's own of that name.
    """
    folders = [str(folder) for folder in project_templates if folder.is_dir()]
    env = _Environment(
        loader=jinja2.FileSystemLoader([*folders, str(TEMPLATES_DIR)]),
        autoescape=False,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=COMPILED_TEMPLATES,
    )
    # For text that cannot hold markup (a tooltip): "SL^{2}A" as "SL²A", "ell_1" as "ℓ₁".
    env.filters["plain_math"] = unicode_scripts
    return env
