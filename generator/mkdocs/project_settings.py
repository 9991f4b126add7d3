"""mkdocs.yml as a papersite build loads it: checked before anything is generated.

`load_mkdocs_settings` serves `papersite build` and `check`; `mkdocs_settings_problem`
is the part of its checks the plugin also runs under plain `mkdocs build` and `serve`.
"""

from __future__ import annotations

import logging
import os
import re
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.config import Config
from generator.errors import SettingsError
from generator.mkdocs.config_file import (
    config_file_problem,
    directory_urls_problem,
    docs_dir_written,
    pin_file_extensions,
)
from generator.mkdocs.page_settings import settings_problem
from generator.mkdocs.site_state import foreign_site_problem
from generator.mkdocs.theme_checks import (
    override_templates_problem,
    theme_language_problem,
    theme_settings_problem,
)
from generator.project_paths import (
    SPECIAL_FILE,
    as_written,
    custom_dir_problem,
    docs_links_problem,
)
from generator.setting_values import site_url_problem

PLUGIN_NAME = "papersite"  # the MkDocs plugin's entry point (pyproject.toml)


def load_mkdocs_settings(
    config: Config,
    docs: Path,
    site_url: str | None = None,
    strict: bool = True,
    run_hooks: bool = True,
) -> Any:
    """The project's mkdocs.yml as MkDocs loads it for a build from `docs` (an existing
    folder), checked: the papersite plugin is on, pages are folder URLs, and site_url
    and site_dir are safe. Without `run_hooks`, the `hooks:` it names are not imported
    (checking settings runs no code of the project's)."""
    from mkdocs.config import load_config as load_mkdocs_config
    from mkdocs.exceptions import MkDocsException

    config_file = config.root / "mkdocs.yml"
    if config_file.is_dir():
        raise SettingsError(f"{config_file}: a folder, not MkDocs' settings file")
    if config_file.exists() and not config_file.is_file():
        raise SettingsError(f"{config_file}: {SPECIAL_FILE}")
    if not config_file.is_file():
        raise SettingsError(f"{config_file}: no such file (`papersite init` writes one)")
    problem = config_file_problem(config_file, config.root)
    if problem:
        raise SettingsError(problem)
    options: dict[str, Any] = {"strict": strict, "docs_dir": str(docs.resolve())}
    if not run_hooks:
        options["hooks"] = []
    if site_url:
        problem = site_url_problem(site_url, "--site-url")
        if problem:
            raise SettingsError(problem)
        options["site_url"] = site_url
    try:
        with _config_messages() as said:
            try:
                mkdocs_config = load_mkdocs_config(str(config_file), **options)
            except MkDocsException as error:
                problem = _config_failure(config_file, said, str(error))
                said.clear()  # said in the error
                raise SettingsError(problem) from None
    except (TypeError, AttributeError) as error:  # a value MkDocs reads unchecked ...
        if _raised_in(error, config.root):  # ... not a bug in the project's own hooks
            raise
        message = f"{config_file}: a setting MkDocs cannot read ({error})"
        raise SettingsError(message) from None
    problem = directory_urls_problem(mkdocs_config)
    problem = problem or mkdocs_settings_problem(config, mkdocs_config, config_file)
    if problem:
        raise SettingsError(problem)
    return mkdocs_config


@contextmanager
def _config_messages() -> Iterator[list[logging.LogRecord]]:
    """MkDocs' warnings and errors about settings while it loads them, kept: it logs
    each ("Config value 'site_author': Expected type ...") and then raises only "Aborted
    with a configuration error!". Those left in the list are logged as MkDocs would
    when the block ends (a load that goes on, or fails otherwise); its other lines
    pass."""
    kept: list[logging.LogRecord] = []

    def keep(record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        kept.append(record)
        return False

    logger = logging.getLogger("mkdocs.config")
    logger.addFilter(keep)
    try:
        yield kept
    finally:
        logger.removeFilter(keep)
        for record in kept:
            logger.handle(record)


_CONFIG_VALUE_RE = re.compile(r"Config value '([^']*)': (.*)", re.DOTALL)


def _config_failure(config_file: Path, said: list[logging.LogRecord], fallback: str) -> str:
    """MkDocs' first error about a setting (else its first warning: strict), at the line
    that sets it, with the names of the others; else its own words (`fallback`)."""
    ordered = sorted(said, key=lambda record: -record.levelno)  # errors first, stable
    found = [m for m in (_CONFIG_VALUE_RE.fullmatch(r.getMessage()) for r in ordered) if m]
    if not found:
        return f"{config_file}: {fallback}"
    name, why = found[0].groups()
    try:
        text = config_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    at = re.search(rf"^{re.escape(name)}[ \t]*:", text, re.MULTILINE)
    line = f":{text.count(chr(10), 0, at.start()) + 1}" if at else ""
    others = list(dict.fromkeys(m.group(1) for m in found[1:] if m.group(1) != name))
    more = f" (also: {', '.join(others)})" if others else ""
    return f"{config_file}{line}: {name}: {why}{more}"


def docs_dir_warning(project: Config) -> str:
    """A warning when mkdocs.yml names another docs_dir than papersite.yml's, which
    decides for papersite's commands (MkDocs is handed it), else "": the user may think
    pages go where mkdocs.yml says."""
    config_file = project.root / "mkdocs.yml"
    written = docs_dir_written(config_file)
    if written is None:
        return ""
    folder, line = written
    if (project.root / folder).resolve() == project.docs.resolve():
        return ""
    return (
        f"{config_file.name}:{line}: warning: docs_dir {folder!r} is not where the pages "
        f"are: papersite.yml's docs_dir ({project.docs_dir!r}) is, for papersite's "
        "commands (plain `mkdocs` still wants this folder to exist); remove it here or "
        "give both the same folder"
    )


def _raised_in(error: BaseException, root: Path) -> bool:
    """Whether `error` was raised in code of the project's folder (a hook module), not
    of an installed package (a virtualenv may sit in the project)."""
    inside = str(root.resolve()) + os.sep
    return any(
        path.startswith(inside) and "site-packages" not in path
        for path in (os.path.abspath(f.filename) for f in traceback.extract_tb(error.__traceback__))
    )


def mkdocs_settings_problem(
    project: Config,
    mkdocs_config: Any,
    config_file: Path,
    builds_site_dir: bool = True,
    empties_site_dir: bool = True,
) -> str:
    """What makes mkdocs.yml (`config_file`, as the messages name it) unsafe or unusable
    for `project`, or "": unsafe texts and links (page_settings.py), site_url, the theme's
    folder, no papersite plugin, an unknown language or theme setting, override
    templates that do not parse; site_dir when the build writes it (`builds_site_dir`:
    `mkdocs serve` builds into a folder of its own), and a folder papersite did not build
    when the build empties it (`empties_site_dir`: not under --dirty)."""
    problem = settings_problem(mkdocs_config, config_file)
    if problem:
        return problem
    site_dir = mkdocs_config.site_dir
    problem = site_url_problem(mkdocs_config.get("site_url"))
    if builds_site_dir:
        problem = problem or project.site_dir_problem(site_dir)
    problem = problem or custom_dir_problem(project.root, mkdocs_config.theme.custom_dir)
    problem = problem or docs_links_problem(project.root, project.docs)
    problem = problem or pin_file_extensions(mkdocs_config, project.root)
    if builds_site_dir and empties_site_dir:
        problem = problem or foreign_site_problem(
            Path(site_dir), as_written(project.root, site_dir)
        )
    if not problem and mkdocs_config.plugins.get(PLUGIN_NAME) is None:
        problem = f"the papersite plugin is missing: add `- {PLUGIN_NAME}` to plugins"
    problem = problem or theme_language_problem(project, mkdocs_config)
    problem = problem or theme_settings_problem(project, mkdocs_config)
    if problem:
        return f"{config_file}: {problem}"
    return override_templates_problem(project, mkdocs_config)
