"""Same corpus, same output: analysis JSON is byte-identical across runs."""

from __future__ import annotations

import json
from dataclasses import asdict

from generator.analyze import AnalysisSettings, analyze
from generator.model import Analysis, Corpus


def _json(analysis: Analysis) -> str:
    return json.dumps(asdict(analysis), sort_keys=False, ensure_ascii=False)


def test_another_run_with_workers_gives_identical_output(
    bundled_corpus: Corpus, bundled_analysis: Analysis
) -> None:
    """Another run, with a second worker: the map's projection runs in a worker process,
    and the similarity search in two threads. The analysis is byte-identical to the
    shared one, computed with one worker (under xdist, by whichever process asked first:
    often another, whose hash seed differs; a new process's build is compared in
    tests/site/test_site_built.py)."""
    assert _json(analyze(bundled_corpus, AnalysisSettings(workers=2))) == _json(bundled_analysis)


def test_every_mapping_covers_every_paper(
    bundled_corpus: Corpus, bundled_analysis: Analysis
) -> None:
    slugs = [p.slug for p in bundled_corpus.papers]
    for mapping in ("related", "paper_topics", "mentions", "mentioned_by", "code_urls"):
        assert list(getattr(bundled_analysis, mapping)) == slugs, mapping
