"""Helpers of the site tests: the fixture corpus's hand-made analysis and built projects.

Sites are built in temporary project folders (mkdocs.yml copied, corpus copied, the
topics file linked), never in the repository's own docs/ and site/.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import pickle
import shutil
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

import pytest
from paths import FIXTURES, REPO

from generator.build import mkdocs_build
from generator.config import Config, load_config
from generator.model import Analysis, Corpus, Method, RelatedPaper, Topic
from generator.pipeline import Analyzer, Pipeline, default_analyzer

T = TypeVar("T")

FIXTURE_CORPUS = FIXTURES / "corpus"
GOLDEN_DIR = REPO / "tests" / "site" / "golden"
FIXTURE_SITE_NAME = "Fixture papers"

# Papers of the fixture corpus, found by the start of their title (slugs are ingest's job).
FIXTURE_TITLES = {
    "nasty": "Stars *and* _underscores_",
    "inject": 'Title with "double quotes" </title>',
    "trp": "TRP: Trained Rank Pruning",
    "trained": "Trained Rank Pruning",
    "versions": "One Title, Two Abstracts",
    "latex": "Naïve Fréchet",
    "bare": "[Escaped links](javascript:alert(1))",  # generated from its abstract
}

# Code URLs of the nasty paper: only the first may become a link.
FIXTURE_CODE_URLS = (
    "https://github.com/owner/repo_(x)*y*",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(2)",
    "data:text/html,<script>alert(3)</script>",
    "//github.com/owner/scheme-less",
    "http://example.com/a b",
)


def fixture_slugs(corpus: Corpus) -> dict[str, str]:
    """Slug of each FIXTURE_TITLES paper present in `corpus`, by key."""
    found = {}
    for key, start in FIXTURE_TITLES.items():
        slugs = [p.slug for p in corpus.papers if p.title.startswith(start)]
        assert len(slugs) <= 1, f"{start!r} starts several titles"
        if slugs:
            found[key] = slugs[0]
    return found


def make_analysis(corpus: Corpus) -> Analysis:
    """A small hand-made analysis of the fixture corpus, full of untrusted-looking text."""
    s = fixture_slugs(corpus)

    def only(*keys: str) -> tuple[str, ...]:
        return tuple(s[k] for k in keys if k in s)

    safety = Topic(
        slug="markdown-safety",
        label="Markdown *safety* | <b>bold</b>",
        keywords=("escape", "<script>", "a|b", "[x](javascript:alert(1))"),
        papers=only("nasty", "inject", "bare"),
        related_topics=("rank-pruning",),
        area="Safety <img src=x onerror=alert(1)>",
        close=only("nasty"),  # a member by resemblance alone
    )
    pruning = Topic(
        slug="rank-pruning",
        label="Rank pruning",
        keywords=("rank", "pruning", "low-rank"),
        papers=only("trained", "trp", "latex", "versions", "nasty"),
        related_topics=("markdown-safety", "no-such-topic"),
        area="Compression & *speed*",
        aliases=("RP <i>x</i>",),
    )
    paper_topics: dict[str, tuple[str, ...]] = {}
    for topic in (safety, pruning):
        for slug in topic.papers:
            paper_topics[slug] = (*paper_topics.get(slug, ()), topic.slug)
    related: dict[str, tuple[RelatedPaper, ...]] = {}
    if {"nasty", "inject", "trp", "trained"} <= s.keys():
        related[s["nasty"]] = (
            RelatedPaper(s["inject"], 0.4234, ("escape", "<script>", "a_b*c", "| x |")),
            RelatedPaper(s["trp"], 0.1, ()),
        )
        related[s["trp"]] = (RelatedPaper(s["trained"], 0.9, ("rank", "pruning")),)
    return Analysis(
        related=related,
        topics=(safety, pruning),
        paper_topics=paper_topics,
        mentions={s["nasty"]: only("trp")} if "nasty" in s else {},
        mentioned_by={s["trp"]: only("nasty")} if "trp" in s else {},
        code_urls={s["nasty"]: FIXTURE_CODE_URLS} if "nasty" in s else {},
        positions=_fixture_positions(corpus),
        search_aliases={s["trained"]: ("TRP", '"><script>alert("alias")</script>')}
        if "trained" in s
        else {},
        alias_sources={s["trained"]: ("trained rank pruning", '"><script>alert("source")</script>')}
        if "trained" in s
        else {},
        methods=tuple(
            Method(name, s[key], only(*by))
            for name, key, by in (("TRP", "trp", ("nasty",)), ("Stars | *pipes*", "nasty", ()))
            if key in s
        ),
    )


def _fixture_positions(corpus: Corpus) -> dict[str, tuple[float, float]]:
    """Made-up map positions: papers spread over the unit square in corpus order."""
    n = len(corpus.papers)
    return {
        p.slug: ((i + 1) / (n + 1), ((3 * i) % max(n, 1) + 1) / (n + 1))
        for i, p in enumerate(corpus.papers)
    }


def fixture_analyzer(corpus: Corpus, config: Config) -> Analysis:
    """The analyzer of built fixture sites."""
    return make_analysis(corpus)


def make_project(
    root: Path, corpus_dir: Path, site_name: str | None = None, site_url: str | None = None
) -> Config:
    """A project folder at `root` with the repository's mkdocs.yml and a copy of `corpus_dir`.

    Without `site_name`, the repository's papersite.yml is used as well; `site_url`
    takes the place of its own.
    """
    (root / "site_src").mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(REPO / "site_src" / "topics.yml", root / "site_src" / "topics.yml")
    shutil.copytree(corpus_dir, root / "site_src" / "corpus")
    if site_name is not None:
        (root / "papersite.yml").write_text(f"site_name: {site_name}\n", encoding="utf-8")
    else:
        shutil.copy(REPO / "papersite.yml", root / "papersite.yml")
    if site_url is not None:
        settings = root / "papersite.yml"
        kept = [
            line
            for line in settings.read_text(encoding="utf-8").splitlines()
            if not line.startswith("site_url:")
        ]
        settings.write_text("\n".join([*kept, f"site_url: {site_url}", ""]), encoding="utf-8")
    return load_config(root)


class _Records(logging.Handler):
    """Collects log records of level WARNING and above."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record not in self.records:
            self.records.append(record)


@contextmanager
def capture_warnings() -> Iterator[list[logging.LogRecord]]:
    """Collect WARNING+ records logged by MkDocs, its plugins and hooks (and anyone else)."""
    handler = _Records()
    loggers = [logging.getLogger(), logging.getLogger("mkdocs")]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


def run_strict_build(
    config: Config, analyzer: Analyzer = default_analyzer
) -> tuple[list[str], BaseException | None]:
    """Build site/ as `papersite build --force` does (MkDocs runs even if site/ is up to
    date: tests build one project again with other speed-ups); return the warnings logged
    and any error."""
    error: BaseException | None = None
    with capture_warnings() as records:
        try:
            mkdocs_build(config, strict=True, analyzer=analyzer, force=True)
        except Exception as failure:  # strict mode aborts after warnings
            error = failure
    return [f"{r.name}: {r.levelname}: {r.getMessage()}" for r in records], error


def mkdocs_strict_build(config: Config, analyzer: Analyzer = default_analyzer) -> list[str]:
    """Build site/ strictly; fail the test if MkDocs aborts. Return the warnings logged."""
    warnings, error = run_strict_build(config, analyzer)
    if error is not None:
        pytest.fail(f"strict MkDocs build failed: {error!r}; {warnings}")
    return warnings


def file_hashes(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under `folder`, by relative path."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@dataclass(frozen=True)
class BuiltSite:
    """A project built once: its config, corpus, analyzer and the analysis it gave, build
    warnings and file hashes."""

    config: Config
    corpus: Corpus
    analyzer: Analyzer
    analysis: Analysis
    warnings: tuple[str, ...]
    site_hashes: dict[str, str]

    @property
    def site(self) -> Path:
        """The built site folder."""
        return self.config.root / "site"

    @property
    def docs(self) -> Path:
        """The generated docs folder."""
        return self.config.root / self.config.docs_dir

    def page(self, url: str) -> str:
        """HTML of the page at a site-relative directory URL such as `papers/x/`."""
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def generate_with(config: Config, analyzer: Analyzer, force: bool = False) -> Corpus:
    """Generate docs/ with `analyzer` (the project's own, or a test's); the corpus read."""
    pipeline = Pipeline(config, analyzer=analyzer)
    generated = pipeline.generate(force)
    return generated.corpus if generated.corpus is not None else pipeline.read_corpus()


def build_once(
    root: Path,
    corpus_dir: Path,
    analyzer: Analyzer,
    site_name: str | None,
    site_url: str | None = None,
) -> BuiltSite:
    """Make a project, generate docs/ and build site/ strictly, as `papersite build` does."""
    config = make_project(root, corpus_dir, site_name, site_url)
    analyses: list[Analysis] = []

    def recording(corpus: Corpus, config: Config) -> Analysis:
        analyses.append(analyzer(corpus, config))
        return analyses[-1]

    corpus = generate_with(config, recording)
    warnings = mkdocs_strict_build(config, analyzer)
    site_hashes = file_hashes(config.root / "site")
    return BuiltSite(config, corpus, analyzer, analyses[0], tuple(warnings), site_hashes)


def once_per_run(shared: Path, name: str, compute: Callable[[Path], T]) -> T:
    """`compute(folder)` paid once per test run however many xdist workers ask for it.

    The first worker to ask computes it in the folder `name` under `shared` (a folder
    every worker of the run sees) while the others wait on a lock; every worker then
    takes the pickled result, written whole or not at all. When the computation fails,
    the workers that come later fail with its error, not with a missing file.
    """
    folder, record = shared / name, shared / f"{name}.pickle"
    failure = shared / f"{name}.failed"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if failure.is_file():
            pytest.fail(f"{name} failed in another worker:\n{failure.read_text('utf-8')}")
        if not record.is_file():
            try:
                folder.mkdir()
                result = compute(folder)
            except BaseException:
                failure.write_text(traceback.format_exc(), encoding="utf-8")
                raise
            partial = record.with_suffix(".partial")
            partial.write_bytes(pickle.dumps(result))
            partial.replace(record)
    loaded: T = pickle.loads(record.read_bytes())
    return loaded


def build_shared(
    shared: Path | None,
    name: str,
    root: Path,
    corpus_dir: Path,
    analyzer: Analyzer,
    site_name: str | None,
    site_url: str | None = None,
) -> BuiltSite:
    """`build_once`, paid once per test run (`once_per_run`); each worker works on its own
    copy at `root`, times kept (papersite's state holds no path outside the project, so
    the copy is as built). Without workers (`shared` None) the site is built at `root`.
    """
    if shared is None:
        return build_once(root, corpus_dir, analyzer, site_name, site_url)
    site = once_per_run(
        shared,
        name,
        lambda folder: build_once(folder / "project", corpus_dir, analyzer, site_name, site_url),
    )
    shutil.copytree(site.config.root, root, symlinks=True)
    return replace(site, config=load_config(root))


def fixture_project(root: Path, mkdocs_yml: str | None = None) -> Path:
    """A project at `root` holding a copy of the fixture corpus (site_src/corpus), and
    `mkdocs_yml` as its mkdocs.yml when given. Everything else is left to defaults."""
    shutil.copytree(FIXTURE_CORPUS, root / "site_src" / "corpus")
    if mkdocs_yml is not None:
        (root / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    return root


def repository_mkdocs_yml() -> str:
    """The repository's own mkdocs.yml (what `papersite init` writes)."""
    return (REPO / "mkdocs.yml").read_text(encoding="utf-8")


def project_with_mkdocs_lines(root: Path, extra: str) -> Path:
    """A project at `root`: the fixture corpus and the repository's mkdocs.yml with
    `extra` lines added at its end (settings under test)."""
    return fixture_project(root, repository_mkdocs_yml() + extra)
