"""The papersite MkDocs plugin (`plugins: [papersite]`): what papersite adds to every
MkDocs build, `papersite build`, plain `mkdocs build` and `mkdocs serve` alike.

- Before MkDocs reads docs/, run the pipeline's `generate` (generator/pipeline.py): it
  does nothing when the state file says no input changed, as after `papersite build`.
- Put papersite's theme (its page layout, header search, scripts and styles; package
  data in theme/) between the project's own overrides and Material.
- After the build, trim Material's stylesheets to the classes the site uses
  (trim_styles.py); index the site with Pagefind, the site's search (generator/search/).
- Speed-ups, each behind its own option and the version gate (versions.py): pages of
  headings and HTML blocks skip Python-Markdown (fast_markdown.py); a large `mkdocs
  build` renders the pages outside the navigation in worker processes
  (sharded_build.py); theme partials are rendered once per folder (partial_memo.py);
  Pagefind's output is made stable and reused by the next build (search/).
"""

from __future__ import annotations

import html
import logging
import os
import shutil
from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as option
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import InclusionLevel

from generator.compiled_templates import COMPILED_TEMPLATES
from generator.config import (
    PROJECT_OVERRIDES,
    Config,
    ConfigError,
    load_config,
)
from generator.errors import PipelineError
from generator.links import SITE_FEED_DOC
from generator.mkdocs.asset_version import GLOBAL as ASSET_VERSION_GLOBAL
from generator.mkdocs.asset_version import asset_version, theme_assets
from generator.mkdocs.assets import STATIC_TEMPLATES, prepare_theme_files
from generator.mkdocs.compact_html import FILTER as COMPACT_HTML_FILTER
from generator.mkdocs.compact_html import compact
from generator.mkdocs.config_file import (
    absolute_nav_links_in_docs,
    config_file_problem,
    directory_urls_problem,
    left_out_pages,
    nav_paths,
)
from generator.mkdocs.fast_markdown import use_fast_render
from generator.mkdocs.icons import ICON_CLASS_FILTER, IconError, css_class, icon_rules, theme_icons
from generator.mkdocs.instant_navigation import INSTANT_PAGE_LIMIT, limit_instant_navigation
from generator.mkdocs.nav_section import SECTION_CONTEXT, section_of
from generator.mkdocs.page_config import GLOBAL as SLIM_CONFIG_GLOBAL
from generator.mkdocs.page_config import slim_config
from generator.mkdocs.page_settings import make_safe
from generator.mkdocs.partial_memo import install as install_partial_memo
from generator.mkdocs.project_settings import mkdocs_settings_problem
from generator.mkdocs.serve_watch import InputWatch, watched_inputs
from generator.mkdocs.sharded_build import ShardedBuild, finish, shardable, should_shard, start
from generator.mkdocs.site_state import EPOCH_ENV, THEME_DIR
from generator.mkdocs.theme_checks import (
    template_failure,
    theme_folders,
)
from generator.mkdocs.trim_styles import material_stylesheets, trim_site_stylesheets
from generator.mkdocs.versions import SPEEDUPS, Gate, check_versions
from generator.model import Problem
from generator.pipeline import Analyzer, Pipeline, default_analyzer
from generator.redirects import notes
from generator.search.pagefind_index import (
    PAGEFIND_FOLDER,
    PREVIOUS_BUNDLE,
    SearchIndexError,
    build_pagefind_index,
    drop_previous_bundle,
    keep_previous_bundle,
)
from generator.write import (
    generated_pages,
    link_or_copy,
    remove_folder,
    replace_folder,
    staging_folder,
)

log = logging.getLogger("mkdocs.plugins.papersite")


class PapersiteOptions(base.Config):  # type: ignore[no-untyped-call]
    """The plugin's options in mkdocs.yml; each speed-up can be turned off."""

    fast_markdown = option.Type(bool, default=True)
    parallel_pages = option.Type(bool, default=True)
    shared_partials = option.Type(bool, default=True)
    stable_search_index = option.Type(bool, default=True)
    trim_styles = option.Type(bool, default=True)
    # Above this many pages Material's instant navigation is off (0: never).
    instant_navigation_limit = option.Type(int, default=INSTANT_PAGE_LIMIT)


class PapersitePlugin(BasePlugin[PapersiteOptions]):  # type: ignore[no-untyped-call]
    """Generates docs/ from the corpus, adds papersite's theme, indexes the site."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str | None = None
        self.dirty = False
        self.project: Config | None = None
        self.given_project: Config | None = None  # from `papersite build` (--root, --config)
        self.analyzer: Analyzer = default_analyzer
        self.gate: Gate = check_versions()
        self.sharded = ShardedBuild()
        self.site_dir: Path | None = None
        self.served_dir: Path | None = None  # `serve`: the folder served, replaced by a rebuild
        self.rebuilding = False  # `serve`: a rebuild through _keep_serving is under way
        self.input_watch: InputWatch | None = None  # `serve`: what it rebuilds for
        self.theme_dirs: list[str] = []
        self.material_styles: list[tuple[Path, str]] = []
        self.asset_version = ""  # asset_version.py
        self.lit_section: Any = None  # the navigation page marked active (nav_section.py)
        self._epoch_set = False

    def use_project(self, project: Config, analyzer: Analyzer = default_analyzer) -> None:
        """Build this project's settings (as the papersite command read them) instead of
        reading papersite.yml beside mkdocs.yml, analysed by `analyzer`."""
        self.given_project = project
        self.analyzer = analyzer

    def speedup(self, name: str) -> bool:
        """Whether a speed-up runs: its option is on and the version gate allows it."""
        return bool(self.config[name]) and self.gate.allows(name)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember the command: only `mkdocs build` renders pages in worker processes."""
        self.command = command
        self.dirty = dirty

    def on_shutdown(self) -> None:
        """Forget what `papersite build` handed over: MkDocs keeps plugin instances (and
        hands this one to the next config it loads in this process)."""
        self.given_project = None
        self.analyzer = default_analyzer
        self.input_watch = None  # the live server is gone with its watches

    def on_config(self, config: Any) -> Any:
        """Read papersite.yml, take the site name and URL from it, add papersite's theme
        and its static templates."""
        problem = directory_urls_problem(config)
        if problem:
            raise PluginError(f"papersite: {problem}")
        project = self.given_project or self._load_project(config)
        self.project = project
        self.gate = check_versions()
        for notice in project.notices:
            log.info("papersite: %s", notice)
        docs = project.docs.resolve()
        if Path(config.docs_dir).resolve() != docs:  # papersite.yml's docs_dir decides
            log.info("papersite: MkDocs reads the generated pages from %s", docs)
            config["docs_dir"] = str(docs)
        # Material writes the site name into pages unescaped in most places: give it the
        # name HTML-escaped, marked safe so that its few `| e` do not escape it twice.
        config["site_name"] = Markup(html.escape(project.site_name, quote=True))
        if project.site_url and not config.get("site_url"):
            config["site_url"] = project.site_url
        if self.command != "serve":  # pages cite the site's public URL, never serve's own
            project = replace(project, site_url=config.get("site_url") or None)
            self.project = project
        if self.given_project is None:  # `papersite build` checked them as it loaded them
            self._refuse_unsafe_settings(config, project)
        make_safe(config)  # texts Material prints (settings, titles, theme, extra) as text
        self._add_theme(config, project)
        config.theme.static_templates.update(STATIC_TEMPLATES)
        self.theme_dirs = list(config.theme.dirs)
        self.served_dir = None
        if self.command == "serve" and not self.dirty and self.rebuilding:
            self._build_beside(config)
        _turn_off_material_search(config)
        gate_notice = self.gate.notice([name for name in SPEEDUPS if self.config[name]])
        if gate_notice:
            log.info("papersite: %s; building with plain MkDocs and Pagefind", gate_notice)
        return config

    def _refuse_unsafe_settings(self, config: Any, project: Config) -> None:
        """Under plain `mkdocs build` and `serve`, what `papersite build` refuses as it
        loads mkdocs.yml (project_settings.load_mkdocs_settings): unsafe links, site_url
        and folders, an unknown language, override templates that do not parse. `mkdocs
        serve` builds into a temporary folder of its own; `--dirty` empties nothing."""
        serving = self.command == "serve"
        config_file = Path(config.config_file_path)
        # MkDocs has loaded the file already (a hook ran): the build is refused all the same.
        problem = config_file_problem(config_file, project.root)
        problem = problem or mkdocs_settings_problem(
            project, config, config_file, not serving, not self.dirty
        )
        if problem:
            raise PluginError(f"papersite: {problem}")

    def _build_beside(self, config: Any) -> None:
        """`serve` rebuilds into a folder beside the one served (as private as it), which
        a finished rebuild replaces (_keep_serving): one that fails leaves the last good
        site served. The first build fills the served folder itself: there is none yet."""
        served = Path(config.site_dir)
        staging = staging_folder(served)
        remove_folder(staging)
        staging.mkdir(parents=True)
        with suppress(OSError):
            staging.chmod(served.stat().st_mode & 0o777)
        self.served_dir = served
        config["site_dir"] = str(staging)

    def _load_project(self, config: Any) -> Config:
        try:
            return load_config(Path(config.config_file_path).resolve().parent)
        except ConfigError as error:
            raise PluginError(f"papersite: {error}") from None

    @staticmethod
    def _add_theme(config: Any, project: Config) -> None:
        """The project's overrides and papersite's theme before Material's
        (theme_checks.theme_folders)."""
        config.theme.dirs[:] = theme_folders(project, config.theme)

    def on_pre_build(self, config: Any) -> None:
        """Regenerate docs/ unless no input changed; keep the last search index for reuse."""
        assert self.project is not None
        pipeline = Pipeline(self.project, analyzer=self.analyzer, report=_log_problems)
        try:
            generated = pipeline.generate()
        except PipelineError as error:
            raise PluginError(f"papersite: {error}") from None
        if generated.fresh:
            log.info(
                "papersite: %d pages generated (%d of %d files rewritten, %d removed)",
                generated.pages,
                generated.written,
                generated.files,
                generated.removed,
            )
        else:
            log.info("papersite: docs/ is up to date (no input changed)")
        for line in notes(generated.redirects) if generated.redirects else ():
            log.info("papersite: %s", line)  # a note, not a warning: strict builds go on
        if EPOCH_ENV not in os.environ:  # reproducible dates in the sitemap and pages
            os.environ[EPOCH_ENV] = str(generated.state.source_date_epoch)
            self._epoch_set = True
        self.site_dir = Path(config.site_dir)
        if self.speedup("stable_search_index") and self.served_dir is not None:
            with suppress(OSError):  # the served site's bundle, hard-linked: it stays served
                _link_tree(self.served_dir / PAGEFIND_FOLDER, self.site_dir / PREVIOUS_BUNDLE)
        elif self.speedup("stable_search_index"):
            with suppress(OSError):  # then MkDocs removes it, and Pagefind starts afresh
                keep_previous_bundle(self.site_dir)
        else:
            drop_previous_bundle(self.site_dir)

    def on_files(self, files: Any, *, config: Any) -> Any:
        """Refuse settings that drop generated pages; mark generated pages outside the
        nav as such (mkdocs.yml's not_in_nav need not list them: health/ grows parts at
        scale, and a strict build would stop on them). Serve papersite's scripts and
        styles minified, the theme's icons in its stylesheet; leave out Material's search
        files. Tell the theme whether the site has a feed (pages link it in their head);
        turn Material's instant navigation off for a site too large for it.
        Note Material's stylesheets, trimmed after the build (trim_styles.py)."""
        assert self.project is not None
        generated = generated_pages(self.project.docs)
        problem = left_out_pages(files, generated)
        if problem:
            raise PluginError(f"papersite: {config.config_file_path}: {problem}")
        if config.nav is not None:  # without a nav, MkDocs makes one of the pages in it
            listed = nav_paths(config.nav, absolute_nav_links_in_docs(config))
            for file in files:  # reached by links and search, not by the nav
                own = file.src_uri in generated and file.src_uri not in listed
                if own and file.inclusion.is_in_nav():
                    file.inclusion = InclusionLevel.NOT_IN_NAV
        has_feed = files.get_file_from_path(SITE_FEED_DOC) is not None
        config.extra["papersite_feed"] = SITE_FEED_DOC if has_feed else None
        pages = len(files.documentation_pages())
        features = config.theme.get("features", [])
        limit = self.config.instant_navigation_limit
        notice = limit_instant_navigation(features, pages, limit)
        if notice:
            log.info("papersite: %s", notice)
        try:
            icons = icon_rules(theme_icons(config.theme), config.theme.dirs)
        except IconError as error:
            raise PluginError(f"papersite: {config.config_file_path}: {error}") from None
        self.material_styles = material_stylesheets(files)
        assets = theme_assets(files, config.theme)
        files = prepare_theme_files(files, THEME_DIR, icons)
        self.asset_version = asset_version(assets, config.theme)
        return files

    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        """Start rendering the pages outside the navigation in worker processes."""
        assert self.project is not None
        workers = self.project.worker_count()
        pages = shardable(files, nav)
        if self.speedup("parallel_pages") and should_shard(self.command, len(pages), workers):
            start(self.sharded, config, files, nav, workers)
            log.info("papersite: %d pages rendered by worker processes", len(self.sharded.sharded))
        return nav

    def on_pre_page(self, page: Any, *, config: Any, files: Any) -> Any:
        """Let pages of headings and HTML blocks skip Python-Markdown (same HTML, faster)."""
        if self.speedup("fast_markdown"):
            use_fast_render(page)
        return page

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        """Give the theme its partial memo, its function for Material's settings
        (page_config.py), its icon classes (icons.py), `compact` for the palette script
        (a static template: assets.py), compact `tojson` and the templates compiled by an
        earlier build in this process (compiled_templates.py); wait for the worker
        processes before MkDocs writes pages and checks anchors."""
        env.bytecode_cache = COMPILED_TEMPLATES
        install_partial_memo(env, config.theme, THEME_DIR, self.speedup("shared_partials"))
        # Unset settings left out only where Material's script was read (page_config.py).
        tested = self.gate.tested("mkdocs-material")
        env.globals[SLIM_CONFIG_GLOBAL] = partial(slim_config, drop_unset=tested)
        env.filters[ICON_CLASS_FILTER] = css_class
        env.filters[COMPACT_HTML_FILTER] = compact
        env.globals[ASSET_VERSION_GLOBAL] = self.asset_version
        # `tojson` without spaces after `,` and `:`, letters as written (U², not \u00b2):
        # Jinja's documented policy. Paper pages' JSON-LD reads the same in fewer bytes.
        env.policies["json.dumps_kwargs"] = {
            "sort_keys": True,
            "separators": (",", ":"),
            "ensure_ascii": False,
        }
        if self.sharded.pending is not None:
            finish(self.sharded, files)
        return env

    def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        """Mark the navigation page a page outside the navigation belongs under as active
        while it renders (nav_section.py)."""
        self._unmark_section()
        self.lit_section = section_of(page, nav)
        if self.lit_section is not None:
            self.lit_section.active = True
        context[SECTION_CONTEXT] = self.lit_section.file.src_uri if self.lit_section else ""
        return context

    def _unmark_section(self) -> None:
        if self.lit_section is not None:
            self.lit_section.active = False
            self.lit_section = None

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        """Write pages without their templates' indentation (compact_html.py)."""
        self._unmark_section()
        return compact(output)

    def on_post_build(self, *, config: Any) -> None:
        """Trim Material's stylesheets to the classes the site uses; index the built site
        with Pagefind."""
        self.sharded.close()
        self._restore_epoch()
        if self.speedup("trim_styles") and self.material_styles:
            site, search = Path(config.site_dir), (PAGEFIND_FOLDER,)
            workers = self.project.worker_count() if self.project else 1
            before, after = trim_site_stylesheets(site, self.material_styles, search, workers)
            log.info(
                "papersite: Material's styles trimmed to what the site uses: %d -> %d KB",
                before // 1024,
                after // 1024,
            )
        stable = self.speedup("stable_search_index")
        try:
            pages = build_pagefind_index(Path(config.site_dir), stable=stable)
        except SearchIndexError as error:
            raise PluginError(f"papersite: {error}") from None
        log.info("papersite: Pagefind indexed %d pages", pages)
        self._watch_inputs(config)  # `serve`: folders made or named since the last build

    def on_build_error(self, *, error: Exception) -> None:
        """Stop the worker processes of a failed build; remove a kept Pagefind bundle (so
        that site/ never ships it)."""
        self.sharded.cancel()
        self._restore_epoch()
        if self.site_dir is not None:
            drop_previous_bundle(self.site_dir)

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        """Rebuild when the corpus, templates, theme overrides, topics file or
        papersite.yml change (serve_watch.py), and not when docs/ does: papersite writes
        it during the build, and MkDocs watching it would build (and reload the browser)
        a second time after every edit. A rebuild that fails keeps the last site served
        (`_keep_serving`)."""
        project = self.project
        if project is None:
            return server
        with suppress(KeyError):  # MkDocs watches docs_dir (mkdocs/commands/serve.py)
            server.unwatch(config.docs_dir)
        self.input_watch = InputWatch(server)
        self._watch_inputs(config)
        # The live server's `builder` attribute is MkDocs' own, undocumented: replaced on
        # the tested MkDocs only; elsewhere a failed rebuild is MkDocs' as it was.
        if "mkdocs" not in self.gate.untested and callable(getattr(server, "builder", None)):
            server.builder = self._keep_serving(server.builder)
        return server

    def _watch_inputs(self, config: Any) -> None:
        """Watch what `serve` rebuilds for (serve_watch.py), renewed after each build."""
        if self.input_watch is not None and self.project is not None:
            theme_dir = Path(config.theme.custom_dir or self.project.root / PROJECT_OVERRIDES)
            self.input_watch.update(*watched_inputs(self.project, theme_dir))

    def _keep_serving(self, builder: Callable[..., Any]) -> Callable[..., Any]:
        """`builder` for MkDocs' live server that does not fail: a rebuild that stops
        (a broken mkdocs.yml, papersite.yml or template) is one line in the log, the
        last good site stays served (requests do not wait for a build that never
        comes), and the next save that fixes it rebuilds."""

        def rebuild(*args: Any, **kwargs: Any) -> Any:
            self.rebuilding = True
            try:
                result = builder(*args, **kwargs)  # every plugin's events and strict mode
                if self.served_dir is not None:  # the finished site takes the served place
                    replace_folder(self.served_dir, staging_folder(self.served_dir))
                return result
            except (Exception, SystemExit) as error:  # MkDocs' Abort is a SystemExit
                why = serve_failure(error, self.theme_dirs)
                log.error(
                    "papersite: the site was not rebuilt (%s); the last good site is still "
                    "served: fix it and save again",
                    why or f"{type(error).__name__}: {error}",
                    exc_info=not why,  # a bug's traceback is worth having
                )
                return None
            finally:  # also on Ctrl+C: no half-built copy of the site is left behind
                self.rebuilding = False
                if self.served_dir is not None:
                    remove_folder(staging_folder(self.served_dir))

        return rebuild

    def _restore_epoch(self) -> None:
        if self._epoch_set:
            os.environ.pop(EPOCH_ENV, None)
            self._epoch_set = False


def _log_problems(problems: tuple[Problem, ...]) -> None:
    """Data problems of a regeneration, in MkDocs' log (`papersite check` lists them too)."""
    for problem in problems:
        log.info("papersite: %s", problem)


def _turn_off_material_search(config: Any) -> None:
    """The site searches with Pagefind: Material's search plugin, if an older mkdocs.yml
    still lists it, would only add a large index nobody uses."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and getattr(plugin.config, "enabled", False):
            plugin.config.enabled = False
            log.info(
                "papersite: Material's search plugin is off (the site searches with "
                "Pagefind); remove `- search` from the plugins of %s",
                Path(config.config_file_path).name,
            )


def serve_failure(error: BaseException, theme_dirs: list[str]) -> str:
    """Why a `serve` rebuild stopped, in one line; "" for an error of no setting and no
    template (a bug, whose traceback is logged)."""
    from mkdocs.exceptions import Abort, MkDocsException

    if isinstance(error, Abort):  # MkDocs logged the reason just before
        return f"{error} See the error above"
    if isinstance(error, MkDocsException):
        return " ".join(f"{type(error).__name__}: {error}".split())
    return template_failure(error, theme_dirs) or ""


def _link_tree(source: Path, target: Path) -> None:
    """A copy of the folder `source` at `target`, its files hard-linked where possible."""
    if not source.is_dir():
        return
    remove_folder(target)
    shutil.copytree(source, target, copy_function=link_or_copy)
