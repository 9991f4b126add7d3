"""MkDocs hooks: what papersite adds to every MkDocs build (`papersite build`, plain
`mkdocs build` and `mkdocs serve` alike).

- Regenerate docs/ from the corpus before MkDocs reads it, unless no input changed.
  `papersite build` generates docs/ itself and sets PAPERSITE_GENERATED (see
  `generator.site.mkdocs_build`) so the hook does not do the work twice.
- Set up the search engine the corpus size calls for (Material's or Pagefind) and, for
  Pagefind, index the built site, reusing the last build's index files
  (generator/search_backend.py).
- Render the pages outside the navigation in worker processes for a large `mkdocs
  build` (generator/sharded_build.py).
- Convert pages written as headings and raw HTML blocks (paper pages) without
  Python-Markdown, with the same result (generator/html_blocks.py).
- Render the theme's navigation once per folder for pages outside it
  (generator/template_memo.py).
"""

from __future__ import annotations

import logging
import os
from contextlib import suppress
from pathlib import Path
from typing import Any

from generator.config import Config, ConfigError, load_config
from generator.fingerprint import inputs_fingerprint, unchanged_state
from generator.html_blocks import use_fast_render
from generator.links import PAPERS_FOLDER
from generator.search_backend import (
    MATERIAL,
    PAGEFIND,
    SearchIndexError,
    build_pagefind_index,
    choose_backend,
    drop_previous_bundle,
    keep_previous_bundle,
)
from generator.sharded_build import (
    ShardedBuild,
    finish,
    shardable,
    should_shard,
    start,
)
from generator.site import GENERATED_ENV, SEARCH_ENV, StageTimes, generate, load
from generator.template_memo import install as install_template_memo

log = logging.getLogger("mkdocs.plugins.papersite")
_build = ShardedBuild()  # pages rendered by worker processes (large `mkdocs build`s)
_command: list[str] = []  # the MkDocs command running: build, serve or gh-deploy
_site_dirs: list[Path] = []  # the site folder of the build running


def _project_root(mkdocs_config: Any) -> Path:
    return Path(mkdocs_config.config_file_path).resolve().parent


def on_startup(command: str, **_: Any) -> None:
    """Remember the command: only `mkdocs build` renders pages in worker processes."""
    _command[:] = [command]


def on_config(config: Any, **_: Any) -> Any:
    """Take the site name and URL from papersite.yml, so one file configures both tools.

    Generated pages link to each other by built URLs (`../other-paper/`) in raw HTML,
    which MkDocs does not rewrite: the site needs `use_directory_urls: true`.
    """
    if not config.get("use_directory_urls", True):
        raise SystemExit(
            f"papersite: {config.config_file_path}: use_directory_urls must be true "
            "(papersite's pages link to each other as folder URLs such as ../other-paper/)"
        )
    try:
        project = load_config(_project_root(config))
    except ConfigError as error:
        raise SystemExit(f"papersite: {error}") from None
    config["site_name"] = project.site_name
    if project.site_url and not config.get("site_url"):
        config["site_url"] = project.site_url
    return config


def on_pre_build(config: Any, **_: Any) -> None:
    """Regenerate docs/ before MkDocs reads it (skipped when papersite already did).

    Then set up the search engine the corpus size calls for (see generator.search_backend)
    and, for Pagefind, keep the last build's bundle out of MkDocs' way for reuse.
    """
    root = _project_root(config)
    try:
        project = load_config(root)
    except ConfigError as error:
        raise SystemExit(f"papersite: {error}") from None
    backend = os.environ.get(SEARCH_ENV, "")
    if not os.environ.get(GENERATED_ENV):
        backend = _regenerate(project)
    if backend not in (MATERIAL, PAGEFIND):
        papers = root / project.docs_dir / PAPERS_FOLDER
        count = sum(1 for _ in papers.glob("*.md")) if papers.is_dir() else 0
        backend = choose_backend(project.search, count)
    use_search_backend(config, backend)
    _site_dirs[:] = [Path(config.site_dir)]
    if backend == PAGEFIND:
        with suppress(OSError):  # then MkDocs removes it, and Pagefind starts afresh
            keep_previous_bundle(Path(config.site_dir))
    else:  # one left by a killed build: MkDocs would leave the hidden folder in site/
        drop_previous_bundle(Path(config.site_dir))


def _regenerate(project: Config) -> str:
    """Regenerate docs/ unless no input changed; return the site's search engine."""
    docs = project.root / project.docs_dir
    try:
        fingerprint = inputs_fingerprint(project)
        state = unchanged_state(docs, fingerprint)
    except (ConfigError, OSError) as error:
        raise SystemExit(f"papersite: {error}") from None
    if state is not None:
        log.info("papersite: docs/ is up to date (no input changed)")
        return state.search_backend
    from generator.analyze import TopicsFileError  # loads the analysis: only when needed

    try:
        corpus = load(project)
        result = generate(project, corpus, StageTimes(), fingerprint=fingerprint)
    except (ConfigError, TopicsFileError, OSError) as error:
        raise SystemExit(f"papersite: {error}") from None
    log.info(
        "papersite: %d pages generated (%d rewritten, %d removed)",
        result.pages,
        result.written,
        result.removed,
    )
    return result.search_backend


def use_search_backend(config: Any, backend: str) -> None:
    """Turn Material's search off for Pagefind, and tell the templates which engine runs."""
    config.extra["papersite_search"] = backend
    material_search = config.plugins.get("material/search") or config.plugins.get("search")
    if material_search is not None:
        material_search.config.enabled = backend == MATERIAL


def on_nav(nav: Any, config: Any, files: Any, **_: Any) -> Any:
    """Start rendering the paper pages in worker processes, for a large build."""
    material_search = config.extra.get("papersite_search") != PAGEFIND
    command = _command[0] if _command else None
    if should_shard(command, material_search, len(shardable(files, nav))):
        start(_build, config, files, nav)
        log.info("papersite: %d pages rendered by worker processes", len(_build.sharded))
    return nav


def on_pre_page(page: Any, **_: Any) -> Any:
    """Let pages of headings and HTML blocks skip Python-Markdown (same HTML, faster)."""
    use_fast_render(page)
    return page


def on_env(env: Any, config: Any, files: Any, **_: Any) -> Any:
    """Give the theme the partial memo (generator/template_memo.py); wait for the worker
    processes before MkDocs writes pages and checks anchors."""
    install_template_memo(env, config.theme)
    if _build.pending is not None:
        log.debug("papersite: waiting for the worker processes")
        finish(_build, files)
        log.debug("papersite: worker processes done")
    return env


def on_build_error(error: Exception, **_: Any) -> None:
    """Stop the worker processes of a failed build; remove a kept Pagefind bundle (so
    that site/ never ships it)."""
    _build.cancel()
    for site_dir in _site_dirs:
        drop_previous_bundle(site_dir)


def on_post_build(config: Any, **_: Any) -> None:
    """Index the built site with Pagefind when the site uses it."""
    _build.sharded.clear()
    if config.extra.get("papersite_search") != PAGEFIND:
        return
    log.debug("papersite: Pagefind indexing %s", config.site_dir)
    try:
        pages = build_pagefind_index(Path(config.site_dir))
    except SearchIndexError as error:
        raise SystemExit(f"papersite: {error}") from None
    log.info("papersite: Pagefind indexed %d pages", pages)


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
