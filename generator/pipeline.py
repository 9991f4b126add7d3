"""The pipeline: the one driver behind every command and the MkDocs plugin.

    corpus files --ingest--> Corpus --analyze--> Analysis --render--> pages
                 --write--> docs/ (and its state file beside it) --mkdocs--> site/

`Pipeline.generate` runs the first four stages, or nothing at all when the state file
beside docs/ says no input changed (generator/state.py); build.py runs the last, MkDocs,
whose papersite plugin calls `generate` again and finds docs/ up to date. Failures are
typed (errors.py) so that the CLI can exit with the right code and the plugin can stop
MkDocs with a one-line message.
"""

from __future__ import annotations

import datetime as dt
import gc
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from generator.analyze import AnalysisSettings
from generator.config import (
    REDIRECTS_NAME,
    Config,
    ConfigError,
)
from generator.errors import DataError, PipelineError, SettingsError, writing
from generator.ingest import ingest_files
from generator.ingest.readers import ReadOptions
from generator.links import (
    DATA_SIZED_FOLDERS,
    FEEDS_FOLDER,
    FIXED_DOCS,
    SITE_FEED_FIRST_DOC,
    paper_doc,
    topic_doc,
    topic_feed_doc,
)
from generator.mkdocs.config_file import absolute_nav_links_in_docs, missing_nav_pages
from generator.mkdocs.project_settings import docs_dir_warning, load_mkdocs_settings
from generator.model import Analysis, Corpus, Problem, Severity, SourceRef
from generator.redirects import (
    TOPICS_RECORD,
    Redirects,
    RedirectsError,
    previous_papers,
    previous_topics,
    topics_record,
    update_redirects,
)
from generator.render import DuplicatePathError, render_site
from generator.render.environment import TemplateProblem
from generator.render.redirect_pages import redirect_pages
from generator.search.terminal import SEARCH_DOCUMENTS, documents_json
from generator.stage_times import StageTimes
from generator.state import (
    GeneratedState,
    forget_state,
    inputs_fingerprint,
    save_state,
    unchanged_state,
)
from generator.visible_text import escaped_name
from generator.write import (
    FolderBusy,
    HandMadeCollision,
    exclusive,
    generated_pages,
    recover_folder,
    write_docs,
)

Analyzer = Callable[[Corpus, Config], Analysis]
T = TypeVar("T")


@dataclass(frozen=True)
class Generated:
    """What `generate` did: `fresh` is False when docs/ was up to date and nothing ran."""

    state: GeneratedState
    fresh: bool
    corpus: Corpus | None = None
    analysis: Analysis | None = None
    pages: int = 0  # Markdown pages
    files: int = 0  # every file written to docs/: pages, their data files, search data
    written: int = 0
    removed: int = 0
    redirects: Redirects | None = None


def default_analyzer(corpus: Corpus, config: Config) -> Analysis:
    """Find related papers, topics and methods, with the user's topics file if there is one.

    Raises TopicsFileError (a ValueError naming the file and line) for a bad topics file.
    """
    from generator.analyze import analyze  # scikit-learn: loaded only when analysing

    topics_file = config.root / config.topics_file
    settings = AnalysisSettings(
        related_k=config.related_k,
        topics_file=topics_file if topics_file.is_file() else None,
        workers=config.worker_count(),
    )
    return analyze(corpus, settings)


@dataclass
class Pipeline:
    """One project's run: its settings, how strict it is, and who hears of problems.

    `report` receives the corpus's data problems as soon as the corpus is read (the CLI
    prints them, the plugin logs them); `warn` a line about settings that work but may
    not do what the user meant. A custom `analyzer` (tests) makes runs that the
    state file cannot vouch for: they are never skipped and never skip later runs.
    """

    config: Config
    strict: bool = False
    times: StageTimes = field(default_factory=StageTimes)
    analyzer: Analyzer = default_analyzer
    report: Callable[[tuple[Problem, ...]], None] = lambda _problems: None
    warn: Callable[[str], None] = lambda _line: None
    site_dir: Path | None = None  # where `build` writes the site, once mkdocs.yml is read
    nav: Any = None  # mkdocs.yml's nav, once read
    nav_absolute_in_docs: bool = False  # whether its "/x.md" entries name files of docs/

    def read_corpus(self) -> Corpus:
        """Ingest the configured corpus files; DataError when nothing can be built."""
        corpus = self.ingest()
        if not corpus.papers:
            raise DataError("no paper could be read from the corpus")
        self._check_strict(len(corpus.problems))
        return corpus

    def ingest(self) -> Corpus:
        """Ingest the configured corpus files and report their problems; DataError when
        there are none."""
        config = self.config
        try:
            files, skipped = config.corpus_listing()
        except ConfigError as error:
            raise SettingsError(str(error)) from None
        if not files:
            raise DataError(f"no corpus files found in {', '.join(config.corpus)}")
        options = ReadOptions(listing_year=config.listing_year)
        corpus = ingest_files(files, options, config.worker_count(), config.root)
        notes = tuple(
            Problem(SourceRef(escaped_name(path.name), 0), Severity.WARNING, f"{why}: not read")
            for path, why in skipped
        )
        corpus = replace(corpus, problems=(*notes, *corpus.problems))
        self.report(corpus.problems)
        return corpus

    def analyze(self, corpus: Corpus) -> Analysis:
        """Run the analysis; a bad topics file is a SettingsError."""
        from generator.analyze import TopicsFileError  # loads the analysis: only when needed

        try:
            return self.analyzer(corpus, self.config)
        except TopicsFileError as error:
            raise SettingsError(str(error)) from None

    def generate(self, force: bool = False) -> Generated:
        """Ingest, analyze, render and write docs/, unless no input changed since the
        last run (`force` regenerates anyway); one run at a time per docs/."""
        try:
            with writing(self.config.docs), exclusive(self.config.docs):
                return self._generate(force)
        except FolderBusy as error:
            raise PipelineError(str(error)) from None

    def _generate(self, force: bool) -> Generated:
        custom = self.analyzer is not default_analyzer
        fingerprint = "" if custom else self._fingerprint()
        docs = self.config.docs
        recover_folder(docs)  # a run killed mid-swap left the previous docs/ aside
        state = None if force or custom else unchanged_state(docs, fingerprint)
        if state is not None:
            self._check_strict(state.problems)
            return Generated(state, fresh=False)
        corpus = self.times.run("ingest", self.read_corpus)
        analysis = self.times.run("analyze", lambda: self.analyze(corpus))
        pages = self.times.run("render", lambda: self._render(corpus, analysis))
        redirects = self.redirects(corpus, previous_papers(docs), analysis, previous_topics(docs))
        pages.update(self._moved_pages(redirects, corpus, analysis, pages))
        written, removed = self.times.run("write", lambda: self._write(docs, pages))
        if (redirects.added or redirects.added_topics) and fingerprint:  # an input changed
            fingerprint = self._fingerprint()
        state = GeneratedState(fingerprint, source_date_epoch(corpus), len(corpus.problems))
        if fingerprint:
            state = save_state(docs, state)
        else:
            forget_state(docs)
        # hand what generation freed back before MkDocs and its workers start
        gc.collect()
        markdown = sum(1 for path in pages if path.endswith(".md"))
        return Generated(
            state, True, corpus, analysis, markdown, len(pages), written, removed, redirects
        )

    def redirects(
        self,
        corpus: Corpus,
        previous: list[tuple[str, str, str]] | None = None,
        analysis: Analysis | None = None,
        previous_topic_papers: dict[str, tuple[str, ...]] | None = None,
    ) -> Redirects:
        """The moves of redirects.yml plus those found since the `previous` run's papers
        and topics (then saved to redirects.yml), settled against the papers and topics
        now; SettingsError for a redirects.yml that cannot be used."""
        topics = analysis.topics if analysis is not None else ()
        try:
            return update_redirects(
                self.config.root / REDIRECTS_NAME,
                corpus.papers,
                topics,
                previous or [],
                previous_topic_papers or {},
            )
        except RedirectsError as error:
            raise SettingsError(str(error)) from None

    def _moved_pages(
        self, redirects: Redirects, corpus: Corpus, analysis: Analysis, pages: dict[str, str]
    ) -> dict[str, str]:
        """The pages at moved papers' and topics' old URLs, and each moved topic's feed at
        its old address (a feed reader follows no redirect page)."""
        site_url = self.config.site_url
        moved = redirect_pages(redirects.moves, _titles(corpus), site_url)
        labels = {t.slug: t.label for t in analysis.topics}
        moved.update(redirect_pages(redirects.topics, labels, site_url, kind="topic"))
        for old, new in redirects.topics.items():  # never over a file of the site's own
            if topic_feed_doc(new) in pages and topic_feed_doc(old) not in pages:
                moved[topic_feed_doc(old)] = pages[topic_feed_doc(new)]
        return moved

    @staticmethod
    def _write(docs: Path, pages: dict[str, str]) -> tuple[int, int]:
        try:
            return write_docs(docs, pages)
        except HandMadeCollision as error:
            raise SettingsError(str(error)) from None

    def use_build_settings(self, site_url: str | None = None) -> None:
        """Check mkdocs.yml before anything is generated, and take the site's public URL
        as the build will have it (pages cite it): `site_url` (--site-url), else
        mkdocs.yml's, else papersite.yml's."""
        docs = self.config.docs
        with tempfile.TemporaryDirectory() as empty:  # MkDocs wants docs_dir to exist
            mkdocs_config = load_mkdocs_settings(
                self.config, docs if docs.is_dir() else Path(empty), site_url, run_hooks=False
            )
        self.config = replace(self.config, site_url=mkdocs_config.site_url or self.config.site_url)
        self.site_dir = Path(mkdocs_config.site_dir)
        self.nav = mkdocs_config.nav
        self.nav_absolute_in_docs = absolute_nav_links_in_docs(mkdocs_config)
        warning = docs_dir_warning(self.config)
        if warning:
            self.warn(warning)

    def check_nav(self, corpus: Corpus, analysis: Analysis) -> None:
        """SettingsError when mkdocs.yml's nav names a page the build will not have (a
        strict build would stop on it): not a page papersite generates for this corpus,
        nor a hand-made file in docs/. Pages whose number depends on the data (browse/,
        methods/ and health/ parts) are left to the build."""
        docs = self.config.docs
        made_before = generated_pages(docs)
        pages = {*FIXED_DOCS, SITE_FEED_FIRST_DOC, *map(paper_doc, (p.slug for p in corpus.papers))}
        pages.update(topic_doc(t.slug) for t in analysis.topics)

        def is_page(path: str) -> bool:
            # a page left from an earlier corpus does not count; a file that is no page
            # (a feed, an image) is the site's whatever made it
            kept = path not in made_before or not path.endswith(".md")
            return path in pages or (kept and (docs / path).is_file())

        open_folders = (*DATA_SIZED_FOLDERS, FEEDS_FOLDER)  # feeds: one per dated topic
        missing = missing_nav_pages(self.nav, is_page, open_folders, self.nav_absolute_in_docs)
        if missing:
            more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
            raise SettingsError(
                f"mkdocs.yml: nav names {', '.join(missing[:3])}{more}, which the site will "
                f"not have: add the file to {self.config.docs_dir}/ or take it out of nav"
            )

    def _fingerprint(self) -> str:
        try:
            return inputs_fingerprint(self.config)
        except ConfigError as error:
            raise SettingsError(str(error)) from None
        except OSError as error:
            raise DataError(f"cannot read an input: {error}") from None

    def _render(self, corpus: Corpus, analysis: Analysis) -> dict[str, str]:
        """Every page, and the papers' text for the terminal search (`papersite search`)."""
        config = self.config
        try:
            pages = render_site(
                corpus,
                analysis,
                config.site_name,
                config.worker_count(),
                config.project_templates(),
                config.site_url,
                config.intro,
            )
        except (DuplicatePathError, TemplateProblem) as error:
            raise SettingsError(str(error)) from None
        pages[SEARCH_DOCUMENTS] = documents_json(corpus, analysis.search_aliases)
        pages[TOPICS_RECORD] = topics_record(analysis.topics)
        return pages

    def _check_strict(self, problems: int) -> None:
        if self.strict and problems:
            raise DataError(
                f"--strict: the corpus has {problems} data problems; see `papersite check`"
            )


def _titles(corpus: Corpus) -> dict[str, str]:
    return {p.slug: p.title for p in corpus.papers}


def source_date_epoch(corpus: Corpus) -> int:
    """A reproducible build timestamp: the newest paper date (noon UTC), else 2000-01-01."""
    dates = [p.published for p in corpus.papers if p.published]
    newest = max(dates) if dates else None
    day = dt.date(newest.year, newest.month, newest.day) if newest else dt.date(2000, 1, 1)
    return int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp())
