"""Fixtures of the search tests: the bundled corpus's paper index, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest import ingest_files
from generator.model import Analysis, Corpus
from generator.search import SearchIndex, build_search_index

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def search_corpus() -> Corpus:
    """The bundled corpus (site_src/corpus), ingested."""
    return ingest_files(sorted((ROOT / "site_src" / "corpus").glob("*")))


@pytest.fixture(scope="session")
def search_index(search_corpus: Corpus) -> SearchIndex:
    """The paper index of the bundled corpus, without topics (an empty analysis)."""
    return build_search_index(search_corpus, Analysis())
