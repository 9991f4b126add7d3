"""Same corpus, same output: analysis JSON is byte-identical across runs."""

from __future__ import annotations

import json
from dataclasses import asdict

from generator.analyze import AnalysisSettings, analyze
from generator.model import Analysis, Corpus


def _json(analysis: Analysis) -> str:
    return json.dumps(asdict(analysis), sort_keys=False, ensure_ascii=False)


def test_two_runs_give_identical_output(bundled_corpus: Corpus, bundled_analysis: Analysis) -> None:
    again = analyze(bundled_corpus, AnalysisSettings(workers=1))
    assert _json(again) == _json(bundled_analysis)


def test_the_same_in_one_process_as_with_workers(
    bundled_corpus: Corpus, bundled_analysis: Analysis
) -> None:
    """With a second worker the map's projection runs in a worker process, and the
    similarity search in two threads: the analysis is the same."""
    assert _json(analyze(bundled_corpus, AnalysisSettings(workers=2))) == _json(bundled_analysis)


def test_every_mapping_covers_every_paper(
    bundled_corpus: Corpus, bundled_analysis: Analysis
) -> None:
    slugs = [p.slug for p in bundled_corpus.papers]
    for mapping in ("related", "paper_topics", "mentions", "mentioned_by", "code_urls"):
        assert list(getattr(bundled_analysis, mapping)) == slugs, mapping
