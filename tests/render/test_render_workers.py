"""Paper pages rendered by worker processes, while the main process renders the others."""

from __future__ import annotations

import pytest
from sitebuild import FIXTURE_SITE_NAME, make_analysis

import generator.render as render
from generator.model import Corpus


def test_pages_rendered_in_workers_are_those_of_one_process(
    fixture_corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    analysis = make_analysis(fixture_corpus)
    alone = render.render_site(fixture_corpus, analysis, FIXTURE_SITE_NAME, workers=1)
    monkeypatch.setattr(render, "PAPERS_PER_WORKER", 1)
    shared = render.render_site(fixture_corpus, analysis, FIXTURE_SITE_NAME, workers=2)
    assert list(shared.items()) == list(alone.items())  # same pages, same order
    assert sum(path.startswith("papers/") for path in shared) == len(fixture_corpus.papers)
