"""Shared fixtures: the bundled corpus and its analysis, computed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.analyze import AnalysisSettings, analyze
from generator.ingest import ingest_files
from generator.model import Analysis, Corpus

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def bundled_corpus() -> Corpus:
    """The bundled corpus (site_src/corpus), ingested."""
    return ingest_files(sorted((ROOT / "site_src" / "corpus").glob("*")))


@pytest.fixture(scope="session")
def bundled_analysis(bundled_corpus: Corpus) -> Analysis:
    """The bundled corpus analysed with default settings (once per session)."""
    return analyze(bundled_corpus, AnalysisSettings())
