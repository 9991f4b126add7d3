"""Helpers of the site tests: the fixture corpus's hand-made analysis and built projects.

Sites are built in temporary project folders (mkdocs.yml copied, templates, overrides
and hooks linked, corpus copied), never in the repository's own docs/ and site/.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.config import Config, load_config
from generator.hooks import GENERATED_ENV
from generator.model import Analysis, Corpus, Method, RelatedPaper, Topic
from generator.site import StageTimes, generate, generated_state, load, mkdocs_build

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
FIXTURE_CORPUS = HERE / "fixtures" / "corpus"
GOLDEN_DIR = HERE / "golden"
FIXTURE_SITE_NAME = "Fixture papers"

# Papers of the fixture corpus, found by the start of their title (slugs are ingest's job).
FIXTURE_TITLES = {
    "nasty": "Stars *and* _underscores_",
    "inject": 'Title with "double quotes" </title>',
    "trp": "TRP: Trained Rank Pruning",
    "trained": "Trained Rank Pruning",
    "versions": "One Title, Two Abstracts",
    "latex": "Naïve Fréchet",
    "bare": '<script>alert("bare")</script>',
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
    )
    pruning = Topic(
        slug="rank-pruning",
        label="Rank pruning",
        keywords=("rank", "pruning", "low-rank"),
        papers=only("trained", "trp", "latex", "versions", "nasty"),
        related_topics=("markdown-safety", "no-such-topic"),
        area="Compression & *speed*",
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
    root: Path, corpus_dir: Path, site_name: str | None = None, search: str | None = None
) -> Config:
    """A project folder at `root` using the repository's mkdocs.yml, templates and hooks.

    Without `site_name`, the repository's papersite.yml is used as well; `search` sets
    the search engine (material, pagefind or auto).
    """
    (root / "site_src").mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("templates", "overrides", "topics.yml"):
        if (REPO / "site_src" / name).exists():
            (root / "site_src" / name).symlink_to(REPO / "site_src" / name)
    shutil.copytree(corpus_dir, root / "site_src" / "corpus")
    (root / "generator").mkdir()
    (root / "generator" / "hooks.py").symlink_to(REPO / "generator" / "hooks.py")
    if site_name is not None:
        (root / "papersite.yml").write_text(f"site_name: {site_name}\n", encoding="utf-8")
    elif (REPO / "papersite.yml").exists():
        shutil.copy(REPO / "papersite.yml", root / "papersite.yml")
    if search is not None:
        settings_file = root / "papersite.yml"
        text = settings_file.read_text(encoding="utf-8") if settings_file.exists() else ""
        settings = yaml.safe_load(text) or {}
        settings_file.write_text(yaml.safe_dump({**settings, "search": search}), encoding="utf-8")
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


def run_strict_build(config: Config, corpus: Corpus) -> tuple[list[str], BaseException | None]:
    """Build site/ as `papersite build` does; return the warnings logged and any error."""
    error: BaseException | None = None
    with pytest.MonkeyPatch.context() as patch, capture_warnings() as records:
        patch.setenv(GENERATED_ENV, "1")
        # set then delete: the patch restores the variable mkdocs_build sets by default
        patch.setenv("SOURCE_DATE_EPOCH", "0")
        patch.delenv("SOURCE_DATE_EPOCH")
        try:
            mkdocs_build(config, generated_state(config, corpus), strict=True, site_url=None)
        except (Exception, SystemExit) as failure:  # strict mode aborts after warnings
            error = failure
    return [f"{r.name}: {r.levelname}: {r.getMessage()}" for r in records], error


def mkdocs_strict_build(config: Config, corpus: Corpus) -> list[str]:
    """Build site/ strictly; fail the test if MkDocs aborts. Return the warnings logged."""
    warnings, error = run_strict_build(config, corpus)
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


Analyzer = Callable[[Corpus, Config], Analysis]


@dataclass(frozen=True)
class BuiltSite:
    """A project built once: its config, corpus, analysis, build warnings and file hashes."""

    config: Config
    corpus: Corpus
    analyzer: Analyzer
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


def build_once(
    root: Path,
    corpus_dir: Path,
    analyzer: Analyzer,
    site_name: str | None,
    search: str | None = None,
) -> BuiltSite:
    """Make a project, generate docs/ and build site/ strictly, as `papersite build` does."""
    config = make_project(root, corpus_dir, site_name, search)
    corpus = load(config)
    generate(config, corpus, StageTimes(), analyzer)
    warnings = mkdocs_strict_build(config, corpus)
    site_hashes = file_hashes(config.root / "site")
    return BuiltSite(config, corpus, analyzer, tuple(warnings), site_hashes)
