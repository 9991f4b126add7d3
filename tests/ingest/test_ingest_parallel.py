"""Corpus files read by forked workers give the corpus one process gives."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator.ingest.pipeline as pipeline
from generator.ingest import ingest_files
from generator.parallel import WORKERS_ENV

BUNDLED = Path(__file__).resolve().parents[2] / "site_src" / "corpus"


def test_files_read_in_workers_make_the_same_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(BUNDLED.iterdir())
    assert len(files) > 2
    monkeypatch.setenv(WORKERS_ENV, "1")
    alone = ingest_files(files)
    monkeypatch.setenv(WORKERS_ENV, "2")
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)
    calls: list[int] = []
    real = pipeline.run_chunks_async

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "run_chunks_async", counted)
    assert ingest_files(files) == alone
    assert calls == [1]  # the workers really read them
