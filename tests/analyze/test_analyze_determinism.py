"""Same corpus, same output: analysis JSON is byte-identical across runs."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from generator.analyze import AnalysisSettings, analyze
from generator.model import Analysis, Corpus
from generator.parallel import WORKERS_ENV


def _json(analysis: Analysis) -> str:
    return json.dumps(asdict(analysis), sort_keys=False, ensure_ascii=False)


def test_two_runs_give_identical_output(bundled_corpus: Corpus, bundled_analysis: Analysis) -> None:
    again = analyze(bundled_corpus, AnalysisSettings(n_jobs=1))
    assert _json(again) == _json(bundled_analysis)


def test_the_same_in_one_process_as_with_the_projection_in_a_worker(
    bundled_corpus: Corpus, bundled_analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The map's projection runs in a forked process when a second core is there."""
    monkeypatch.setenv(WORKERS_ENV, "1")
    alone = analyze(bundled_corpus)
    assert _json(alone) == _json(bundled_analysis)


def test_every_mapping_covers_every_paper(
    bundled_corpus: Corpus, bundled_analysis: Analysis
) -> None:
    slugs = [p.slug for p in bundled_corpus.papers]
    for mapping in ("related", "paper_topics", "mentions", "mentioned_by", "code_urls"):
        assert list(getattr(bundled_analysis, mapping)) == slugs, mapping
