"""The project's theme, checked as MkDocs will use it: its language exists, its override
templates compile, and a template that fails while a page renders is named by file and
line (not a Jinja traceback). `papersite check`, `papersite build` and the MkDocs plugin
run the same checks, so a passing check means the build will not fail on them."""

from __future__ import annotations

import os
import re
import traceback
from pathlib import Path
from typing import Any

from generator.config import PROJECT_OVERRIDES, Config
from generator.mkdocs.site_state import THEME_DIR


def theme_folders(config: Config, mkdocs_config: Any) -> list[Path]:
    """The theme's folders as the build will have them: the project's overrides
    (custom_dir, or site_src/overrides), papersite's theme, Material's (plugin.py)."""
    dirs = [Path(folder) for folder in mkdocs_config.theme.dirs]
    overrides = config.root / PROJECT_OVERRIDES
    if not mkdocs_config.theme.custom_dir and overrides.is_dir():
        dirs.insert(0, overrides)
    return [*dirs, THEME_DIR]


def theme_language_problem(config: Config, mkdocs_config: Any) -> str:
    """Why Material cannot show its texts in mkdocs.yml's theme language, or "": it
    imports partials/languages/<language>.html from the theme (a project may add its
    own in its overrides), and a build without one stops."""
    theme = mkdocs_config.theme
    language = theme.get("language") if theme.name == "material" else None
    if language is None:
        return ""
    name = str(language)
    wanted = f"partials/languages/{name}.html"
    plain = name and "/" not in name and "\\" not in name and not name.startswith(".")
    if plain and any(
        (folder / wanted).is_file() for folder in theme_folders(config, mkdocs_config)
    ):
        return ""
    return (
        f"theme language {name!r}: Material has no language {name!r} (no {wanted} in the "
        "theme or the project's overrides); use one of Material's language codes (en, de, "
        "fr, zh, ...)"
    )


def override_templates_problem(config: Config, mkdocs_config: Any) -> str:
    """The first of the project's theme templates (site_src/overrides, or theme
    custom_dir) that the build could not compile, as `file:line: why`, or "": not UTF-8,
    unreadable, or a Jinja syntax error. Templates are only parsed, not rendered: an
    error while a page renders is named by the build (`_abort_as_build_error`)."""
    import jinja2

    custom = mkdocs_config.theme.custom_dir
    folder = Path(custom) if custom else config.root / PROJECT_OVERRIDES
    if not folder.is_dir():
        return ""
    shown = config.root / os.path.relpath(folder, config.root.resolve()) if custom else folder
    env = mkdocs_config.theme.get_env()  # MkDocs' own: the same tags and extensions
    static_templates = set(mkdocs_config.theme.static_templates)
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        # what MkDocs reads as templates: the others are copied as they are
        template = path.suffix == ".html" or relative.as_posix() in static_templates
        if not template or not path.is_file():
            continue
        where = shown / relative
        try:
            env.parse(path.read_text(encoding="utf-8"), path.name, str(where))
        except UnicodeDecodeError as error:
            return (
                f"{where}: not UTF-8 text ({error.reason} at byte {error.start}): theme "
                "templates are read as UTF-8; save it in that encoding"
            )
        except OSError as error:
            return f"{where}: cannot be read ({error.strerror or error})"
        except jinja2.TemplateSyntaxError as error:
            return f"{where}:{error.lineno}: {type(error).__name__}: {error.message}"
    return ""


def template_failure(error: BaseException, theme_dirs: list[str]) -> str | None:
    """`file:line: why` for an error raised while a theme template compiled or rendered
    (the innermost template frame of its traceback, as Jinja rewrites it), or None for
    an error of no template (a bug: its traceback is worth having)."""
    import jinja2

    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        return f"{error.filename}:{error.lineno}: {type(error).__name__}: {error.message}"
    folders = [os.path.join(os.path.abspath(folder), "") for folder in theme_dirs]
    frames = [(f.f_code.co_filename, n) for f, n in traceback.walk_tb(error.__traceback__)]
    remote = getattr(error.__cause__, "tb", None)  # a worker process's (multiprocessing)
    if isinstance(remote, str):
        frames += [(m[1], int(m[2])) for m in re.finditer(r'File "([^"]+)", line (\d+)', remote)]
    found = None
    for file, line in frames:
        name = os.path.abspath(file)
        if not name.endswith(".py") and any(name.startswith(folder) for folder in folders):
            found = f"{file}:{line}"
    if found is None:
        if not isinstance(error, jinja2.TemplateError):
            return None
        return f"a theme template: {type(error).__name__}: {error}"
    return f"{found}: {type(error).__name__}: {error}"
