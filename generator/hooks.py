"""MkDocs hooks: plain `mkdocs build` / `mkdocs serve` regenerate docs/ from the corpus.

`papersite build` generates docs/ itself and sets PAPERSITE_GENERATED (see
`generator.site.mkdocs_build`) so the hook does not do the work twice.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from generator.analyze import TopicsFileError
from generator.config import ConfigError, load_config
from generator.site import GENERATED_ENV, StageTimes, generate, load

log = logging.getLogger("mkdocs.plugins.papersite")


def _project_root(mkdocs_config: Any) -> Path:
    return Path(mkdocs_config.config_file_path).resolve().parent


def on_config(config: Any, **_: Any) -> Any:
    """Take the site name and URL from papersite.yml, so one file configures both tools."""
    try:
        project = load_config(_project_root(config))
    except ConfigError as error:
        raise SystemExit(f"papersite: {error}") from None
    config["site_name"] = project.site_name
    if project.site_url and not config.get("site_url"):
        config["site_url"] = project.site_url
    return config


def on_pre_build(config: Any, **_: Any) -> None:
    """Regenerate docs/ before MkDocs reads it (skipped when papersite already did)."""
    if os.environ.get(GENERATED_ENV):
        return
    root = _project_root(config)
    try:
        project = load_config(root)
        corpus = load(project)
    except ConfigError as error:
        raise SystemExit(f"papersite: {error}") from None
    try:
        result = generate(project, corpus, StageTimes())
    except TopicsFileError as error:
        raise SystemExit(f"papersite: {error}") from None
    log.info(
        "papersite: %d pages generated (%d rewritten, %d removed)",
        result.pages,
        result.written,
        result.removed,
    )


def on_serve(server: Any, config: Any, builder: Any, **_: Any) -> Any:
    """Rebuild when the corpus, templates, topics file or configuration change."""
    root = _project_root(config)
    try:
        project = load_config(root)
    except ConfigError:
        return server
    watched = [*(root / entry for entry in project.corpus), root / "site_src" / "templates"]
    watched += [root / project.topics_file, root / "papersite.yml"]
    for path in watched:
        if path.exists():
            server.watch(str(path))
    return server
