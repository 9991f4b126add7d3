"""The last stage: site/ from docs/ with MkDocs, built beside the old site and swapped in.

`build_site` is `papersite build`: mkdocs.yml checked before anything is generated,
then `Pipeline.generate`, then MkDocs, whose papersite plugin calls `generate` again
and finds docs/ up to date. A site/ the build would write again byte for byte is kept
(mkdocs/site_state.py); a failed or killed build leaves the previous site whole.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.config import Config
from generator.errors import BuildError, PipelineError, writing
from generator.mkdocs.project_settings import PLUGIN_NAME, load_mkdocs_settings
from generator.mkdocs.site_state import (
    forget_site_state,
    save_site_state,
    site_is_current,
    site_key,
)
from generator.mkdocs.theme_checks import template_failure
from generator.pipeline import Analyzer, Generated, Pipeline, default_analyzer
from generator.search.pagefind_index import PAGEFIND_FOLDER, PREVIOUS_BUNDLE
from generator.write import (
    FolderBusy,
    exclusive,
    link_or_copy,
    recover_folder,
    replace_folder,
    staging_folder,
)


def build_site(
    pipeline: Pipeline,
    site_url: str | None = None,
    force: bool = False,
    on_generated: Callable[[Generated], None] = lambda _generated: None,
) -> bool:
    """`papersite build`: check mkdocs.yml, generate docs/ (`on_generated` hears what it
    did), then build site/ strictly (warnings fail the build); whether MkDocs ran."""
    pipeline.use_build_settings(site_url)
    on_generated(pipeline.generate(force))
    return pipeline.times.run(
        "mkdocs",
        lambda: mkdocs_build(pipeline.config, site_url, True, pipeline.analyzer, force),
    )


def mkdocs_build(
    config: Config,
    site_url: str | None = None,
    strict: bool = True,
    analyzer: Analyzer = default_analyzer,
    force: bool = False,
) -> bool:
    """Build site/ with MkDocs from the project's mkdocs.yml; its papersite plugin runs
    `generate` with these settings and `analyzer`, and finds docs/ up to date after a
    `generate` of the same inputs. Unless `force`, a site/ that this build would write
    again byte for byte is kept (mkdocs/site_state.py); whether MkDocs ran."""
    config.docs.mkdir(parents=True, exist_ok=True)  # MkDocs checks it before the plugin runs
    mkdocs_config = load_mkdocs_settings(config, config.docs, site_url, strict)
    plugin = mkdocs_config.plugins[PLUGIN_NAME]
    plugin.use_project(config, analyzer)  # --root, --config, --listing-year, as given
    site = Path(mkdocs_config.site_dir)
    try:
        with writing(site), exclusive(site):
            options = {"site_url": site_url, "strict": strict}
            key = site_key(config, mkdocs_config, options) if analyzer is default_analyzer else None
            if key is not None and not force and site_is_current(site, key):
                return False
            forget_site_state(site)
            _build_into(site, mkdocs_config)
            save_site_state(site, key)  # also what says papersite built site/
    except FolderBusy as error:
        raise PipelineError(str(error)) from None
    return True


def _build_into(site: Path, mkdocs_config: Any) -> None:
    """Build into a staging folder and swap it in for `site`."""
    from mkdocs.commands.build import build

    mkdocs_config["site_dir"] = str(_stage_site(site))
    mkdocs_config.plugins.on_startup(command="build", dirty=False)
    try:
        with _abort_as_build_error(mkdocs_config):
            build(mkdocs_config)
            _carry_hidden(site, Path(mkdocs_config.site_dir))
            replace_folder(site, Path(mkdocs_config.site_dir))
    finally:
        shutil.rmtree(mkdocs_config.site_dir, ignore_errors=True)
        mkdocs_config.plugins.on_shutdown()


def _stage_site(site: Path) -> Path:
    """A new folder beside site/ for MkDocs to build into: site/ is replaced only by a
    finished build, so a failed or killed build leaves the previous site whole. The last
    search index is handed to the new build to reuse (hard links: nothing is copied)."""
    recover_folder(site)
    staging = staging_folder(site)
    staging.mkdir(parents=True)
    index = site / PAGEFIND_FOLDER
    if index.is_dir():
        shutil.copytree(index, staging / PREVIOUS_BUNDLE, copy_function=link_or_copy)
    return staging


def _carry_hidden(site: Path, staging: Path) -> None:
    """Keep site/'s hidden entries (a gh-pages worktree's `.git`, `.nojekyll`), as MkDocs
    does when it cleans site/: hard-linked into the new site, so a run killed before the
    swap still leaves them in the old one."""
    if not site.is_dir() or site.is_symlink():
        return
    for entry in sorted(site.iterdir()):
        target = staging / entry.name
        if not entry.name.startswith(".") or entry.name.startswith(".papersite"):
            continue
        if target.exists() or target.is_symlink():
            continue  # the build made its own (docs/.nojekyll, say): it wins
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, target, symlinks=True, copy_function=link_or_copy)
        elif entry.is_symlink():
            target.symlink_to(os.readlink(entry))
        else:
            link_or_copy(entry, target)


class _Errors(logging.Handler):
    """The error messages MkDocs logs, for the one line that says why a build stopped."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _abort_as_build_error(mkdocs_config: Any = None) -> Iterator[None]:
    """MkDocs' own failures (strict warnings, plugin errors) as a BuildError that says why;
    so is an error in a theme template (a project's override that does not render), named
    by its file and line."""
    from mkdocs.exceptions import Abort, MkDocsException

    errors = _Errors()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(errors)
    try:
        yield
    except PipelineError:
        raise
    except (Abort, MkDocsException) as error:
        reason = errors.messages[0] if errors.messages else str(error)
        raise BuildError(f"MkDocs could not build the site: {reason}") from None
    except Exception as error:
        folders = [str(folder) for folder in mkdocs_config.theme.dirs] if mkdocs_config else []
        where = template_failure(error, folders)
        if where is None:
            raise
        raise BuildError(f"MkDocs could not build the site: {where}") from None
    finally:
        logger.removeHandler(errors)
