"""The whole pipeline: ingest, analyze, render, write docs/, and build the site with MkDocs."""

from __future__ import annotations

import ctypes
import datetime as dt
import gc
import os
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from dataclasses import dataclass, field
from typing import TypeVar

from generator.analyze import AnalysisSettings
from generator.config import Config
from generator.fingerprint import GeneratedState, forget_state, save_state
from generator.ingest import ingest_files
from generator.ingest.readers import ReadOptions
from generator.model import Analysis, Corpus
from generator.render import render_site
from generator.search_backend import choose_backend
from generator.write import write_docs

Analyzer = Callable[[Corpus, Config], Analysis]
GENERATED_ENV = "PAPERSITE_GENERATED"  # tells the MkDocs hook that docs/ is fresh
SEARCH_ENV = "PAPERSITE_SEARCH"  # and which search engine the pages were rendered for
T = TypeVar("T")


@dataclass
class StageTimes:
    """Seconds spent in each pipeline stage, in order; `show` wraps each stage (progress)."""

    seconds: dict[str, float] = field(default_factory=dict)
    show: Callable[[str], AbstractContextManager[object]] = lambda _name: nullcontext()

    def run(self, name: str, work: Callable[[], T]) -> T:
        """Run `work`, recording how long it took under `name`."""
        start = time.perf_counter()
        with self.show(name):
            result = work()
        self.seconds[name] = time.perf_counter() - start
        return result


@dataclass(frozen=True)
class GenerateResult:
    """What `generate` produced."""

    corpus: Corpus
    analysis: Analysis
    pages: int
    written: int
    removed: int
    state: GeneratedState

    @property
    def search_backend(self) -> str:
        """The search engine the pages were rendered for."""
        return self.state.search_backend


def default_analyzer(corpus: Corpus, config: Config) -> Analysis:
    """Find related papers, topics and methods, with the user's topics file if there is one.

    Raises TopicsFileError (a ValueError naming the file and line) for a bad topics file.
    """
    from generator.analyze import analyze  # scikit-learn: loaded only when analysing

    topics_file = config.root / config.topics_file
    settings = AnalysisSettings(
        related_k=config.related_k, topics_file=topics_file if topics_file.is_file() else None
    )
    return analyze(corpus, settings)


def load(config: Config) -> Corpus:
    """Ingest the configured corpus files."""
    return ingest_files(config.corpus_files(), ReadOptions(listing_year=config.listing_year))


def generate(
    config: Config,
    corpus: Corpus,
    times: StageTimes,
    analyzer: Analyzer = default_analyzer,
    fingerprint: str | None = None,
) -> GenerateResult:
    """Analyze the corpus, render every page and write the changed ones to docs/.

    With the `fingerprint` of the inputs (generator.fingerprint), a later run with the
    same inputs can skip all of this; without it (a custom analyzer), it cannot.
    """
    state = generated_state(config, corpus, fingerprint or "")
    backend = state.search_backend
    analysis = times.run("analyze", lambda: analyzer(corpus, config))
    pages = times.run("render", lambda: render_site(corpus, analysis, config.site_name, backend))
    docs = config.root / config.docs_dir
    written, removed = times.run("write", lambda: write_docs(docs, pages))
    if fingerprint:
        save_state(docs, state)
    else:
        forget_state(docs)
    return GenerateResult(corpus, analysis, len(pages), written, removed, state)


def generated_state(config: Config, corpus: Corpus, fingerprint: str = "") -> GeneratedState:
    """What the MkDocs build needs to know of a generated corpus."""
    backend = choose_backend(config.search, len(corpus.papers))
    return GeneratedState(fingerprint, backend, source_date_epoch(corpus))


def source_date_epoch(corpus: Corpus) -> int:
    """A reproducible build timestamp: the newest paper date (noon UTC), else 2000-01-01."""
    dates = [p.published for p in corpus.papers if p.published]
    newest = max(dates) if dates else None
    day = dt.date(newest.year, newest.month, newest.day) if newest else dt.date(2000, 1, 1)
    return int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp())


def mkdocs_build(config: Config, state: GeneratedState, strict: bool, site_url: str | None) -> None:
    """Build site/ with MkDocs from the project's mkdocs.yml, reproducibly.

    docs/ must be generated already (`state` says how): the MkDocs hook is told not to
    regenerate it.
    """
    _release_free_memory()  # what generation freed, before the build's workers fork
    from mkdocs.commands.build import build
    from mkdocs.config import load_config as load_mkdocs_config

    settings = {GENERATED_ENV: "1", SEARCH_ENV: state.search_backend}
    if "SOURCE_DATE_EPOCH" not in os.environ:
        settings["SOURCE_DATE_EPOCH"] = str(state.source_date_epoch)
    config_file = str(config.root / "mkdocs.yml")
    with _environment(settings):
        if site_url:
            mkdocs_config = load_mkdocs_config(config_file, strict=strict, site_url=site_url)
        else:
            mkdocs_config = load_mkdocs_config(config_file, strict=strict)
        mkdocs_config.plugins.on_startup(command="build", dirty=False)
        try:
            build(mkdocs_config)
        finally:
            mkdocs_config.plugins.on_shutdown()


def _release_free_memory() -> None:
    """Collect garbage and hand freed heap pages back to the system (glibc's malloc_trim;
    elsewhere a no-op), so the build and Pagefind do not add to generation's peak."""
    gc.collect()
    with suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


@contextmanager
def _environment(settings: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the duration of a block, then restore them."""
    saved = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
