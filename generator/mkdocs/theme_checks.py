"""The project's theme, checked as MkDocs will use it: its language exists and its
override templates parse (`papersite check`, `papersite build` and the MkDocs plugin run
the same checks); a template that fails later, while it compiles (an unknown filter) or
renders, is named by the build by file and line, not with a Jinja traceback."""

from __future__ import annotations

import os
import posixpath
import re
import traceback
from pathlib import Path
from typing import Any

from generator.config import PROJECT_OVERRIDES, Config
from generator.mkdocs.assets import STATIC_TEMPLATES
from generator.mkdocs.icons import icons_problem
from generator.mkdocs.site_state import THEME_DIR


def theme_folders(config: Config, theme: Any) -> list[str]:
    """The theme's folders, first found wins: the project's overrides (theme custom_dir,
    which MkDocs puts first, or site_src/overrides), papersite's theme, then Material's.
    The plugin gives MkDocs this list (plugin._add_theme); the checks look through it."""
    dirs = list(theme.dirs)
    overrides = config.root / PROJECT_OVERRIDES
    position = 1 if theme.custom_dir else 0
    if not theme.custom_dir and overrides.is_dir() and str(overrides) not in dirs:
        dirs.insert(0, str(overrides))
        position = 1
    if str(THEME_DIR) not in dirs:
        dirs.insert(position, str(THEME_DIR))
    return dirs


def theme_language_problem(config: Config, mkdocs_config: Any) -> str:
    """Why Material cannot show its texts in mkdocs.yml's theme language, or "": it
    imports partials/languages/<language>.html from the theme (a project may add its
    own in its overrides), and a build without one stops."""
    theme = mkdocs_config.theme
    if theme.name != "material":
        return ""
    name = str(theme.get("language"))  # `language:` left empty is "None" to Material too
    wanted = f"partials/languages/{name}.html"
    plain = name and "/" not in name and "\\" not in name and not name.startswith(".")
    if plain and any(
        Path(folder, wanted).is_file() for folder in theme_folders(config, mkdocs_config.theme)
    ):
        return ""
    return (
        f"theme language {name!r}: Material has no language {name!r} (no {wanted} in the "
        "theme or the project's overrides); use one of Material's language codes (en, de, "
        "fr, zh, ...)"
    )


def theme_settings_problem(config: Config, mkdocs_config: Any) -> str:
    """Why the theme cannot draw what mkdocs.yml asks for, or "": a setting of the wrong
    shape, an icon that is not in the theme (theme icon, palette toggles, extra.social,
    feedback ratings), an analytics provider Material has no partial for. The build
    would stop on each, naming a template of Material's; `papersite check` names the
    setting."""
    theme = mkdocs_config.theme
    if theme.name != "material":
        return ""
    problem = _theme_shape_problem(theme)
    if problem:
        return f"theme {problem}"
    extra = mkdocs_config.extra
    for key, what in (("social", "icons and links"), ("alternate", "names and links")):
        entries = extra.get(key) or []
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            return f"extra {key}: {entries!r} is no list of {what}"
    analytics = extra.get("analytics") or {}
    if not isinstance(analytics, dict):
        return f"extra analytics: {analytics!r} is no provider and property"
    folders = theme_folders(config, theme)
    problem = icons_problem(theme, folders, _named_icons(theme, extra, analytics))
    if problem:
        return f"theme: {problem}"
    return _provider_problem(analytics.get("provider"), folders)


_FONT_KEYS = ("text", "code")
_COLOUR_EXAMPLES = {
    "media": "(prefers-color-scheme: dark)",
    "scheme": "slate",
    "primary": "indigo",
    "accent": "indigo",
}
_COLOUR_KEYS = tuple(_COLOUR_EXAMPLES)


def _theme_shape_problem(theme: Any) -> str:
    """Why a theme setting Material's templates read has the wrong shape, or "": the
    build stopped on `features: 5` in a template; `features: [1]`, `font: 5` (Roboto
    fetched from Google Fonts), `palette: [1]` or `favicon: 5` built without a word and
    without what was asked for."""
    features = theme.get("features")
    if features is not None and (
        not isinstance(features, list) or not all(isinstance(f, str) for f in features)
    ):
        return f"features: {features!r} is no list of feature names (like navigation.instant)"
    font = theme.get("font")
    if (
        font is not None
        and font is not False
        and (
            not isinstance(font, dict)
            or not all(isinstance(font.get(key) or "", str) for key in _FONT_KEYS)
        )
    ):
        return f"font: {font!r} is neither false nor a text: and code: font name"
    palette = theme.get("palette")
    options = [palette] if isinstance(palette, dict) else palette
    for option in options if isinstance(options, list) else []:
        if not isinstance(option, dict):
            return f"palette: {option!r} is no palette (like scheme: slate, primary: indigo)"
        for key in _COLOUR_KEYS:
            if not isinstance(option.get(key) or "", str):  # empty: Material's default
                return f"palette {key}: {option[key]!r} is no name (like {_COLOUR_EXAMPLES[key]})"
    for key in ("logo", "favicon"):
        if theme.get(key) is not None and not isinstance(theme.get(key), str):
            return f"{key}: {theme.get(key)!r} is no file name (like assets/images/{key}.svg)"
    return ""


def _named_icons(theme: Any, extra: Any, analytics: dict[str, Any]) -> list[Any]:
    """The icons settings name beside the header's (icons.theme_icons): theme.icon's
    repo, edit, admonition.note, ... (Material includes each as .icons/<name>.svg),
    extra.social's and the feedback ratings'. An empty one is Material's default
    ("repo:" left blank)."""
    icons = theme.get("icon")
    named = [
        name
        for value in (icons.values() if isinstance(icons, dict) else ())
        for name in (value.values() if isinstance(value, dict) else [value])
    ]
    feedback = analytics.get("feedback") or {}
    ratings = feedback.get("ratings") if isinstance(feedback, dict) else None
    rated = [r.get("icon") for r in ratings or [] if isinstance(r, dict)]
    social = [entry.get("icon") for entry in extra.get("social") or []]
    return [name for name in [*named, *social, *rated] if name]


def _provider_problem(provider: Any, folders: list[str]) -> str:
    """Why Material cannot include the analytics `provider`'s partial, or ""."""
    if provider is None:
        return ""
    partial = f"partials/integrations/analytics/{provider}.html"
    plain = isinstance(provider, str) and re.fullmatch(r"[A-Za-z0-9_-]+", provider)
    if plain and any(Path(folder, partial).is_file() for folder in folders):
        return ""
    return (
        f"extra analytics provider {provider!r}: Material has no such provider (no "
        f"{partial} in the theme or the project's overrides); use google, or add the "
        "partial to the overrides"
    )


def override_templates_problem(config: Config, mkdocs_config: Any) -> str:
    """The first of the project's theme templates (site_src/overrides, or theme
    custom_dir) that cannot be read or parsed, as `file:line: why`, or "": not UTF-8,
    unreadable, a Jinja syntax error, or one that extends or includes itself (`{% extends
    "main.html" %}` in main.html: the build recursed until Python stopped it).
    Templates are only parsed: an unknown filter (plugins add filters as the build
    starts) or an error while a page renders is named by the build (template_failure)."""
    import jinja2

    custom = mkdocs_config.theme.custom_dir
    folder = Path(custom) if custom else config.root / PROJECT_OVERRIDES
    if not folder.is_dir():
        return ""
    shown = config.root / os.path.relpath(folder, config.root.resolve()) if custom else folder
    env = mkdocs_config.theme.get_env()  # MkDocs' own: the same tags and extensions
    # MkDocs' own and the plugin's (added as the build starts, after `check` has run)
    static_templates = {*mkdocs_config.theme.static_templates, *STATIC_TEMPLATES}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        # what MkDocs reads as templates: the others are copied as they are
        template = path.suffix == ".html" or relative.as_posix() in static_templates
        if not template or not path.is_file():
            continue
        where = shown / relative
        try:
            tree = env.parse(path.read_text(encoding="utf-8"), path.name, str(where))
        except UnicodeDecodeError as error:
            return (
                f"{where}: not UTF-8 text ({error.reason} at byte {error.start}): theme "
                "templates are read as UTF-8; save it in that encoding"
            )
        except OSError as error:
            return f"{where}: cannot be read ({error.strerror or error})"
        except jinja2.TemplateSyntaxError as error:
            return f"{where}:{error.lineno}: {type(error).__name__}: {error.message}"
        for node in tree.find_all((jinja2.nodes.Extends, jinja2.nodes.Include)):
            if relative.as_posix() in _names(node.template):
                return (
                    f"{where}:{node.lineno}: uses itself (this file replaces the theme's "
                    f"{relative.as_posix()}, so the build would loop): extend the template "
                    "the theme's own extends, such as base.html"
                )
    return ""


def _names(template: Any) -> set[str]:
    """The template names an `extends` or `include` may load: its constant names, of
    either branch of an `if` too, as paths (`./main.html` is main.html)."""
    import jinja2

    return {
        posixpath.normpath(str(const.value))
        for const in [template, *template.find_all(jinja2.nodes.Const)]
        if isinstance(const, jinja2.nodes.Const) and isinstance(const.value, str)
    }


def template_failure(error: BaseException, theme_dirs: list[str]) -> str | None:
    """`file:line: why` for an error a theme template caused while it compiled or
    rendered (its innermost template frame, as Jinja rewrites tracebacks), or None for an
    error of Python code, even code a template called (a bug: its traceback is worth
    having): after the last template frame, only Jinja's and MarkupSafe's own frames."""
    import jinja2

    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        return f"{error.filename}:{error.lineno}: {type(error).__name__}: {error.message}"
    folders = [os.path.join(os.path.abspath(folder), "") for folder in theme_dirs]
    frames = [(f.f_code.co_filename, n) for f, n in traceback.walk_tb(error.__traceback__)]
    remote = getattr(error.__cause__, "tb", None)  # a worker process's (multiprocessing)
    if isinstance(remote, str):
        frames += [(m[1], int(m[2])) for m in re.finditer(r'File "([^"]+)", line (\d+)', remote)]
    last = None
    for number, (file, _) in enumerate(frames):
        if file.startswith("<") or not os.path.isabs(file) or file.endswith(".py"):
            continue  # generated code ("<string>"), or Python
        if any(os.path.abspath(file).startswith(folder) for folder in folders):
            last = number
    if last is None:
        if not isinstance(error, jinja2.TemplateError):
            return None
        return f"a theme template: {type(error).__name__}: {error}"
    after = [file for file, _ in frames[last + 1 :]]
    if not isinstance(error, jinja2.TemplateError) and not all(map(_template_machinery, after)):
        return None  # raised by Python code the template called
    file, line = frames[last]
    return f"{file}:{line}: {type(error).__name__}: {error}"


def _template_machinery(file: str) -> bool:
    """Whether a traceback frame's file is Jinja's or MarkupSafe's own code."""
    parts = Path(file).parts
    return "jinja2" in parts or "markupsafe" in parts
