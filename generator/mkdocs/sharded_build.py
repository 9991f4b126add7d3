"""A MkDocs build that renders the pages outside the navigation in parallel workers.

MkDocs renders pages one after another; at 10,000 papers that is most of a build.
The papersite MkDocs plugin (plugin.py) calls in here, for `papersite build` and plain
`mkdocs build` alike. It uses MkDocs' private page-building steps, so it runs only on
the MkDocs and Material versions it was tested with (versions.py):

- `start` (at `on_nav`, when files and navigation exist and no page is read yet) forks
  workers. Each takes a share of the pages outside the navigation (paper, topic and
  per-year pages), runs MkDocs' own steps on them (read, Markdown, plugin events, theme
  template) and writes their HTML to site/. In the main process those pages become
  `PrebuiltPage`s, which read and convert nothing and use the empty PREBUILT_TEMPLATE,
  so MkDocs writes nothing for them and the worker's file stays. Meanwhile the main
  process renders the navigation's pages as usual.
- `finish` (at `on_env`, after the main process read its pages) waits for the workers,
  re-logs their warnings (so `--strict` counts them) and hands over each page's anchors,
  so MkDocs' anchor-link validation sees every page.

No page embeds another page's content, and pages outside the navigation do not appear
in it, so the HTML a worker writes is the HTML MkDocs writes itself (a test compares
both builds byte for byte). Sharding is used for `mkdocs build` only, for
SHARD_MIN_PAGES pages or more.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from generator.workers import balanced_chunks, run_chunks_async, worker_count

PREBUILT_TEMPLATE = "papersite-prebuilt.html"  # empty: the page's HTML is written already
SHARD_MIN_PAGES = 2000
_SKIPPED_LOG = "Page skipped: '"


class PrebuiltPage(Page):
    """A page that a worker renders: the main process reads its front matter only (plugins
    such as tags use it) and converts nothing."""

    def read_source(self, config: Any) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is None:
            source = _front_matter_text(self.file)
        _, self.meta = get_data(source)
        self.markdown = ""
        self.meta["template"] = PREBUILT_TEMPLATE

    def render(self, config: Any, files: Any) -> None:
        self.content = ""
        self.present_anchor_ids = set()  # the worker's, once `finish` has them
        self.links_to_anchors = {}


@dataclass(frozen=True)
class PageReport:
    """What a worker hands back about one page: its anchors and the links to anchors."""

    src_uri: str
    anchors: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]]


@dataclass(frozen=True)
class ShardReport:
    """What a worker hands back: its pages' reports and the warnings it logged."""

    pages: list[PageReport]
    warnings: list[tuple[str, int, str]]  # logger name, level, message


@dataclass
class ShardedBuild:
    """The sharded pages of one build, the workers rendering them, and the log filter
    that hides MkDocs' notes about the pages they wrote."""

    sharded: set[str] = field(default_factory=set)
    pending: Any = None
    log_filter: logging.Filter | None = None

    def close(self) -> None:
        """Forget the build (it is over) and take the log filter away."""
        if self.log_filter is not None:
            logging.getLogger("mkdocs.commands.build").removeFilter(self.log_filter)
            self.log_filter = None
        self.sharded.clear()

    def cancel(self) -> None:
        """Stop the workers (the build failed) and forget the build."""
        if self.pending is not None:
            self.pending.cancel()
        self.pending = None
        self.close()


def shardable(files: Any, nav: Any) -> list[Any]:
    """The files of the pages outside the navigation, sorted by path."""
    in_nav = {page.file.src_uri for page in nav.pages}
    pages = [f for f in files.documentation_pages() if f.src_uri not in in_nav]
    return sorted(pages, key=lambda f: f.src_uri)


def should_shard(command: str | None, pages: int, workers: int) -> bool:
    """Shard a `build` (not `serve`) of enough pages, with more than one worker."""
    enough = pages >= SHARD_MIN_PAGES and worker_count(pages, SHARD_MIN_PAGES // 4, workers) > 1
    return command == "build" and enough


def start(build: ShardedBuild, config: Any, files: Any, nav: Any, workers: int) -> None:
    """Fork workers rendering the pages outside the navigation; return at once."""
    pages = shardable(files, nav)
    workers = worker_count(len(pages), SHARD_MIN_PAGES // 4, workers)
    sizes = [_source_size(f) for f in pages]

    def render_share(share: Sequence[Any]) -> list[ShardReport]:
        return [_render_pages(share, config, files, nav)]

    build.pending = run_chunks_async(render_share, balanced_chunks(pages, sizes, workers), workers)
    build.sharded = {f.src_uri for f in pages}
    for file in pages:  # after the fork: workers keep MkDocs' own pages
        PrebuiltPage(None, file, config)
    build.log_filter = _SkippedPageFilter(build)
    logging.getLogger("mkdocs.commands.build").addFilter(build.log_filter)


def finish(build: ShardedBuild, files: Any) -> None:
    """Wait for the workers; re-log their warnings and give MkDocs each page's anchors."""
    if build.pending is None:
        return
    reports: list[ShardReport] = build.pending.get()
    build.pending = None
    for report in reports:
        for name, level, message in report.warnings:
            logging.getLogger(name).log(level, message)
        for page_report in report.pages:
            page = files.get_file_from_path(page_report.src_uri).page
            page.present_anchor_ids = set(page_report.anchors)
            page.links_to_anchors = {
                files.get_file_from_path(target): links
                for target, links in page_report.links_to_anchors.items()
                if files.get_file_from_path(target) is not None
            }


def _front_matter_text(file: Any) -> str:
    """A page's YAML front matter block, read without the rest of the file (whose
    Markdown only the worker needs); the whole text when it does not start with one."""
    if file.abs_src_path is None:  # a page generated by a plugin
        return str(file.content_string)
    lines = []
    with open(file.abs_src_path, encoding="utf-8-sig", errors="strict") as source:
        for line in source:
            lines.append(line)
            if len(lines) == 1 and line.rstrip() != "---":
                return str(file.content_string)
            if len(lines) > 1 and line.rstrip() in ("---", "..."):
                return "".join(lines)
    return "".join(lines)


def _source_size(file: Any) -> int:
    """Bytes of a page's Markdown: how long it takes to render, roughly."""
    try:
        return max(1, os.path.getsize(file.abs_src_path))
    except (OSError, TypeError):  # a page generated by a plugin, with no source file
        return 1


def _render_pages(share: Sequence[Any], config: Any, files: Any, nav: Any) -> ShardReport:
    """In a worker: read, convert and write `share`'s pages as MkDocs' build does."""
    from mkdocs.commands.build import _build_page, _populate_page

    captured = _capture_warnings()
    for nav_page in nav.pages:  # the navigation shows their titles
        if nav_page.markdown is None:
            nav_page.read_source(config)
    env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
    doc_files = files.documentation_pages()
    reports = []
    for file in share:
        if file.page is None:  # pages outside the navigation get theirs when read
            Page(None, file, config)
        _populate_page(file.page, config, files)
        _build_page(file.page, config, doc_files, nav, env)
        reports.append(
            PageReport(
                file.src_uri,
                frozenset(file.page.present_anchor_ids or ()),
                {
                    target.src_uri: dict(links)
                    for target, links in (file.page.links_to_anchors or {}).items()
                },
            )
        )
        file.page.content = None  # keep the worker small
    return ShardReport(reports, captured.records)


class _Capture(logging.Handler):
    """Keeps WARNING+ records of a worker, to be logged again by the main process."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []
        self._last: logging.LogRecord | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record is not self._last:  # handled on two loggers in a row: keep it once
            self._last = record
            self.records.append((record.name, record.levelno, record.getMessage()))


def _capture_warnings() -> _Capture:
    """In a worker: collect warnings instead of printing them (the parent prints them)."""
    capture = _Capture()
    for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.addHandler(capture)
    return capture


class _SkippedPageFilter(logging.Filter):
    """Hides MkDocs' "Page skipped" notes for pages a worker wrote."""

    def __init__(self, build: ShardedBuild) -> None:
        super().__init__()
        self.build = build

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if not message.startswith(_SKIPPED_LOG):
            return True
        return message[len(_SKIPPED_LOG) :].split("'", 1)[0] not in self.build.sharded
