"""Fixtures of the site tests: the fixture corpus and sites built once per session."""

from __future__ import annotations

import pytest
from sitebuild import (
    FIXTURE_CORPUS,
    FIXTURE_SITE_NAME,
    REPO,
    BuiltSite,
    build_once,
    fixture_analyzer,
    make_analysis,
)

from generator.ingest import ingest_files
from generator.model import Corpus
from generator.render import render_site
from generator.site import default_analyzer


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
    """The bundled corpus with the project's own analysis, built once."""
    root = tmp_path_factory.mktemp("bundled") / "project"
    return build_once(root, REPO / "site_src" / "corpus", default_analyzer, None)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture corpus with its hand-made analysis, built once."""
    root = tmp_path_factory.mktemp("fixture") / "project"
    return build_once(root, FIXTURE_CORPUS, fixture_analyzer, FIXTURE_SITE_NAME)


@pytest.fixture(scope="session", params=["bundled", "fixture"])
def built_site(request: pytest.FixtureRequest) -> BuiltSite:
    """Each built site in turn."""
    site: BuiltSite = request.getfixturevalue(f"{request.param}_site")
    return site
