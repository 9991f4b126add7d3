"""Corpus files read by forked workers give the corpus one process gives."""

from __future__ import annotations

import pytest
from paths import BUNDLED_CORPUS

import generator.ingest.pipeline as pipeline
from generator.ingest import ingest_files

BUNDLED = BUNDLED_CORPUS


def test_files_read_in_workers_make_the_same_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(BUNDLED.iterdir())
    assert len(files) > 2
    alone = ingest_files(files, workers=1)
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)
    calls: list[int] = []
    real = pipeline.run_chunks_async

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "run_chunks_async", counted)
    assert ingest_files(files, workers=2) == alone
    assert calls == [1]  # the workers really read them
