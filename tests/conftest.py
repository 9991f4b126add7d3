"""Fixtures shared by every test folder, and the test tiers.

`make test-fast` runs the tests not marked `slow` or `browser`: those that build a
whole site, drive Chromium or analyse the bundled corpus are marked here from the
fixtures they use, so a new test is tiered without anyone remembering to mark it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from paths import BUNDLED_CORPUS
from sitebuild import (
    FIXTURE_CORPUS,
    FIXTURE_SITE_NAME,
    BuiltSite,
    build_shared,
    fixture_analyzer,
    make_analysis,
    once_per_run,
)

from generator.analyze import AnalysisSettings, analyze
from generator.ingest import ingest_files
from generator.model import Analysis, Corpus
from generator.pipeline import default_analyzer
from generator.render import render_site

# Where the bundled test site says it is published (a project site, under a path).
PUBLISHED_AT = "https://lab.example.org/reading-group/"

# Fixtures that build sites or run the whole analysis: their tests are slow.
SLOW_FIXTURES = frozenset(
    {"bundled_analysis", "bundled_site", "fixture_site", "built_site", "e2e_site", "base_url"}
)


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that use slow fixtures as `slow`, and put each module's tests in
    one xdist group unless they name theirs: `--dist loadgroup` hands out every other
    test alone, and a module split between workers computed its module fixtures (a
    browser, an analysis) in each."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))


def _run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """A folder every xdist worker of this run sees (None without workers): sites the
    workers' sessions all use are built there once (sitebuild.build_shared)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return None
    return tmp_path_factory.getbasetemp().parent


@pytest.fixture(scope="session")
def bundled_corpus() -> Corpus:
    """The bundled corpus (site_src/corpus), ingested once per test session."""
    return ingest_files(sorted(BUNDLED_CORPUS.iterdir()))


@pytest.fixture(scope="session")
def bundled_analysis(bundled_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    """The bundled corpus analysed with default settings, once per test run."""
    shared = _run_folder(tmp_path_factory)
    if shared is None:
        return analyze(bundled_corpus, AnalysisSettings())
    return once_per_run(
        shared, "bundled-analysis", lambda _: analyze(bundled_corpus, AnalysisSettings())
    )


@pytest.fixture(scope="session")
def fixture_corpus() -> Corpus:
    """The fixture corpus, ingested."""
    return ingest_files(sorted(FIXTURE_CORPUS.iterdir()))


@pytest.fixture(scope="session")
def fixture_pages(fixture_corpus: Corpus) -> dict[str, str]:
    """Every page of the fixture site, rendered (not written)."""
    return render_site(fixture_corpus, make_analysis(fixture_corpus), FIXTURE_SITE_NAME)


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The bundled corpus with the project's own analysis, built once, as a published site
    is (`papersite build --site-url`, the Pages workflow): with its public address, so
    Material's instant navigation runs and the sitemap and feeds carry addresses."""
    root = tmp_path_factory.mktemp("bundled") / "project"
    shared = _run_folder(tmp_path_factory)
    return build_shared(
        shared, "bundled", root, BUNDLED_CORPUS, default_analyzer, None, PUBLISHED_AT
    )


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture corpus with its hand-made analysis, built once."""
    root = tmp_path_factory.mktemp("fixture") / "project"
    shared = _run_folder(tmp_path_factory)
    return build_shared(
        shared, "fixture", root, FIXTURE_CORPUS, fixture_analyzer, FIXTURE_SITE_NAME
    )


@pytest.fixture(scope="session", params=["bundled", "fixture"])
def built_site(request: pytest.FixtureRequest) -> BuiltSite:
    """Each built site in turn."""
    site: BuiltSite = request.getfixturevalue(f"{request.param}_site")
    return site
