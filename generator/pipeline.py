"""The pipeline: the one driver behind every command and the MkDocs plugin.

    corpus files --ingest--> Corpus --analyze--> Analysis --render--> pages
                 --write--> docs/ (and its state file) --mkdocs--> site/

`Pipeline.generate` runs the first four stages, or nothing at all when the state file
in docs/ says no input changed (generator/state.py); `Pipeline.build` then runs MkDocs,
whose papersite plugin calls `generate` again and finds docs/ up to date. Failures are
typed (`PipelineError` and its kinds) so that the CLI can exit with the right code and
the plugin can stop MkDocs with a one-line message.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from generator.analyze import AnalysisSettings
from generator.config import (
    Config,
    ConfigError,
    as_written,
    custom_dir_problem,
    site_dir_problem,
    site_url_problem,
)
from generator.ingest import ingest_files
from generator.ingest.readers import ReadOptions
from generator.links import DATA_SIZED_FOLDERS, FIXED_DOCS, paper_doc, topic_doc, topic_feed_doc
from generator.mkdocs.config_file import (
    config_file_problem,
    directory_urls_problem,
    missing_nav_pages,
)
from generator.mkdocs.page_settings import settings_problem
from generator.mkdocs.site_state import (
    foreign_site_problem,
    forget_site_state,
    save_site_state,
    site_is_current,
    site_key,
)
from generator.mkdocs.theme_checks import (
    override_templates_problem,
    template_failure,
    theme_language_problem,
    theme_settings_problem,
)
from generator.model import Analysis, Corpus, Problem, Severity, SourceRef
from generator.redirects import (
    REDIRECTS_NAME,
    TOPICS_RECORD,
    Redirects,
    RedirectsError,
    found_moves,
    found_topic_moves,
    load_moves,
    previous_papers,
    previous_topics,
    save_moves,
    settle,
    topics_record,
    without_stale,
)
from generator.render import DuplicatePathError, render_site
from generator.render.environment import TemplateProblem
from generator.render.redirect_pages import redirect_pages
from generator.search.pagefind_index import PAGEFIND_FOLDER, PREVIOUS_BUNDLE
from generator.search.terminal import SEARCH_DOCUMENTS, documents_json
from generator.state import (
    GeneratedState,
    forget_state,
    inputs_fingerprint,
    save_state,
    unchanged_state,
)
from generator.write import (
    FolderBusy,
    HandMadeCollision,
    exclusive,
    generated_pages,
    recover_folder,
    replace_folder,
    staging_folder,
    write_docs,
)

Analyzer = Callable[[Corpus, Config], Analysis]
PLUGIN_NAME = "papersite"  # the MkDocs plugin's entry point (pyproject.toml)
T = TypeVar("T")


class PipelineError(Exception):
    """A run that cannot go on; the message says why and names the file."""

    exit_code = 1


class SettingsError(PipelineError):
    """papersite.yml, the topics file or mkdocs.yml cannot be used."""

    exit_code = 2


class DataError(PipelineError):
    """The corpus gives nothing to build, or (under --strict) has problems."""


class BuildError(PipelineError):
    """MkDocs could not build the site."""


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
    prints them, the plugin logs them). A custom `analyzer` (tests) makes runs that the
    state file cannot vouch for: they are never skipped and never skip later runs.
    """

    config: Config
    strict: bool = False
    times: StageTimes = field(default_factory=StageTimes)
    analyzer: Analyzer = default_analyzer
    report: Callable[[tuple[Problem, ...]], None] = lambda _problems: None
    site_dir: Path | None = None  # where `build` writes the site, once mkdocs.yml is read
    nav: Any = None  # mkdocs.yml's nav, once read

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
            Problem(SourceRef(path.name, 0), Severity.WARNING, f"{why}: not read")
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
        path = self.config.root / REDIRECTS_NAME
        try:
            moves = load_moves(path)
        except RedirectsError as error:
            raise SettingsError(str(error)) from None
        topics = analysis.topics if analysis is not None else ()
        found = {
            "papers": found_moves(previous or [], corpus.papers),
            "topics": found_topic_moves(previous_topic_papers or {}, topics),
        }
        added = {
            kind: {old: new for old, new in found[kind].items() if moves[kind].get(old) != new}
            for kind in found
        }
        if any(added.values()):
            for kind, new_moves in added.items():
                moves[kind] = without_stale({**moves[kind], **new_moves}, new_moves)
            save_moves(path, moves)
        settled_papers = settle(moves["papers"], {p.slug for p in corpus.papers})
        settled_topics = settle(moves["topics"], {t.slug for t in topics}, kind="topic")
        return replace(
            settled_papers,
            added=len(added["papers"]),
            unused=settled_papers.unused + (settled_topics.unused if topics else ()),
            topics=settled_topics.moves,
            added_topics=len(added["topics"]),
        )

    def _moved_pages(
        self, redirects: Redirects, corpus: Corpus, analysis: Analysis, pages: dict[str, str]
    ) -> dict[str, str]:
        """The pages at moved papers' and topics' old URLs, and each moved topic's feed at
        its old address (a feed reader follows no redirect page)."""
        site_url = self.config.site_url
        moved = redirect_pages(redirects.moves, _titles(corpus), site_url)
        labels = {t.slug: t.label for t in analysis.topics}
        moved.update(redirect_pages(redirects.topics, labels, site_url, kind="topic"))
        for old, new in redirects.topics.items():
            if topic_feed_doc(new) in pages:
                moved[topic_feed_doc(old)] = pages[topic_feed_doc(new)]
        return moved

    @staticmethod
    def _write(docs: Path, pages: dict[str, str]) -> tuple[int, int]:
        try:
            return write_docs(docs, pages)
        except HandMadeCollision as error:
            raise SettingsError(str(error)) from None

    def build(self, site_url: str | None = None, force: bool = False) -> Generated:
        """`generate`, then build site/ with MkDocs (strictly: warnings fail the build)."""
        self.use_build_settings(site_url)
        generated = self.generate(force)
        self.times.run(
            "mkdocs", lambda: mkdocs_build(self.config, site_url, True, self.analyzer, force)
        )
        return generated

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

    def check_nav(self, corpus: Corpus, analysis: Analysis) -> None:
        """SettingsError when mkdocs.yml's nav names a page the build will not have (a
        strict build would stop on it): not a page papersite generates for this corpus,
        nor a hand-made file in docs/. Pages whose number depends on the data (browse/,
        methods/ and health/ parts) are left to the build."""
        docs = self.config.docs
        made_before = generated_pages(docs)
        pages = {*FIXED_DOCS, *map(paper_doc, (p.slug for p in corpus.papers))}
        pages.update(topic_doc(t.slug) for t in analysis.topics)

        def is_page(path: str) -> bool:
            hand_made = path not in made_before and (docs / path).is_file()
            return path in pages or hand_made

        missing = missing_nav_pages(self.nav, is_page, DATA_SIZED_FOLDERS)
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
        pages[SEARCH_DOCUMENTS] = documents_json(corpus)
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
        mkdocs_config = load_mkdocs_config(str(config_file), **options)
    except MkDocsException as error:
        raise SettingsError(f"{config_file}: {error}") from None
    problem = directory_urls_problem(mkdocs_config) or settings_problem(mkdocs_config, config_file)
    if problem:
        raise SettingsError(problem)
    problem = (
        site_url_problem(mkdocs_config.site_url)
        or site_dir_problem(config, mkdocs_config.site_dir)
        or custom_dir_problem(config, mkdocs_config.theme.custom_dir)
        or foreign_site_problem(
            Path(mkdocs_config.site_dir), as_written(config, mkdocs_config.site_dir)
        )
    )
    if problem:
        raise SettingsError(f"{config_file}: {problem}")
    if mkdocs_config.plugins.get(PLUGIN_NAME) is None:
        raise SettingsError(
            f"{config_file}: the papersite plugin is missing: add `- {PLUGIN_NAME}` to plugins"
        )
    problem = theme_language_problem(config, mkdocs_config)
    problem = problem or theme_settings_problem(config, mkdocs_config)
    if problem:
        raise SettingsError(f"{config_file}: {problem}")
    problem = override_templates_problem(config, mkdocs_config)
    if problem:
        raise SettingsError(problem)
    return mkdocs_config


def _stage_site(site: Path) -> Path:
    """A new folder beside site/ for MkDocs to build into: site/ is replaced only by a
    finished build, so a failed or killed build leaves the previous site whole. The last
    search index is handed to the new build to reuse (hard links: nothing is copied)."""
    recover_folder(site)
    staging = staging_folder(site)
    staging.mkdir(parents=True)
    index = site / PAGEFIND_FOLDER
    if index.is_dir():
        shutil.copytree(index, staging / PREVIOUS_BUNDLE, copy_function=_link_or_copy)
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
            shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
        elif entry.is_symlink():
            target.symlink_to(os.readlink(entry))
        else:
            _link_or_copy(str(entry), str(target))


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


@contextmanager
def writing(folder: Path) -> Iterator[None]:
    """Disk errors while writing `folder` (full, read-only, no permission) as one line
    naming the file; what was there before is left whole by the writers."""
    try:
        yield
    except OSError as error:
        where = error.filename or folder
        raise PipelineError(f"cannot write {where}: {error.strerror or error}") from None


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
