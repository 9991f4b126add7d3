"""Fixtures for the ingest tests: ingest inline file contents, and the bundled corpus once."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from paths import BUNDLED_CORPUS

from generator.ingest import ingest_texts
from generator.ingest.readers import ReadOptions
from generator.model import Corpus, MergeAction

CORPUS_DIR = BUNDLED_CORPUS

Ingest = Callable[..., Corpus]


def run_ingest(files: dict[str, str | bytes], listing_year: int | None = None) -> Corpus:
    """Ingest {file name: content} in the given order."""
    data = [
        (name, text.encode() if isinstance(text, str) else text) for name, text in files.items()
    ]
    return ingest_texts(data, ReadOptions(listing_year=listing_year))


def assert_accounted(corpus: Corpus) -> None:
    """Every record read is in exactly one paper or rejected in the merge log."""
    sources = [s for p in corpus.papers for s in p.sources]
    rejected = [e for e in corpus.merge_log if e.action is MergeAction.REJECTED]
    assert len(sources) == len(set(sources))
    assert len(sources) == sum(f.records for f in corpus.files)
    assert corpus.records_read == len(sources) + len(rejected)


@pytest.fixture
def accounted() -> Callable[[Corpus], None]:
    """Assert that every record read is in exactly one paper or rejected in the merge log."""
    return assert_accounted


@pytest.fixture
def ingest() -> Ingest:
    """Ingest inline contents: `ingest({"a.txt": "..."}, listing_year=None)`."""
    return run_ingest
