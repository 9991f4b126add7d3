"""Residual topics: a phrase that only the leftover papers make cohesive names them."""

from __future__ import annotations

from dataclasses import replace

import pytest
from analyze_helpers import corpus_of
from analyze_residual import CLUSTERED, LONERS, PAPERS, REGULARIZATION

from generator.analyze import analyze
from generator.analyze.documents import read_documents
from generator.analyze.phrases import phrase_stats
from generator.analyze.topic_fillers import FILLER_ROUNDS, find_fillers
from generator.analyze.topic_members import assign_members
from generator.analyze.topic_seeds import select_seeds
from generator.analyze.vectors import build_vectors
from generator.model import Analysis, Corpus

RESIDUAL = FILLER_ROUNDS[-1]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return corpus_of(PAPERS)


@pytest.fixture(scope="module")
def analysis(corpus: Corpus) -> Analysis:
    return analyze(corpus)


def _slugs(corpus: Corpus, titles: list[str]) -> set[str]:
    return {p.slug for p in corpus.papers if p.title in titles}


def test_leftover_papers_get_their_own_topic(corpus: Corpus, analysis: Analysis) -> None:
    topic = next(t for t in analysis.topics if t.label == "Regularization")
    assert set(topic.papers) == _slugs(corpus, REGULARIZATION)
    other = next(t for t in analysis.topics if t.slug == "other")
    assert set(other.papers) == _slugs(corpus, LONERS)
    for slug in _slugs(corpus, CLUSTERED):
        assert analysis.paper_topics[slug][0] != topic.slug


def test_residual_candidate_is_judged_on_leftover_papers(corpus: Corpus) -> None:
    docs = read_documents(corpus.papers)
    vectors = build_vectors(docs, 0)
    stats = phrase_stats(vectors, docs)
    titles = [p.title for p in corpus.papers]
    leftover = [i for i, t in enumerate(titles) if t in REGULARIZATION or t in LONERS]
    found = find_fillers(stats, vectors.lsa, docs.surfaces, leftover, (), RESIDUAL, 0.15)
    assert [c.key for c in found] == ["regularization"]
    assert {titles[p] for p in found[0].papers} == set(REGULARIZATION)
    assert found[0].gated
    # Across the whole corpus the word is said in passing: no first-round-style filler.
    first = find_fillers(stats, vectors.lsa, docs.surfaces, leftover, (), FILLER_ROUNDS[0], 0.15)
    assert "regularization" not in [c.key for c in first]


def test_gated_topics_take_only_papers_about_their_phrase(corpus: Corpus) -> None:
    docs = read_documents(corpus.papers)
    vectors = build_vectors(docs, 0)
    stats = phrase_stats(vectors, docs)
    titles = [p.title for p in corpus.papers]
    leftover = [i for i, t in enumerate(titles) if t in REGULARIZATION or t in LONERS]
    found = find_fillers(stats, vectors.lsa, docs.surfaces, leftover, (), RESIDUAL, 0.15)
    gated = select_seeds(found, docs.surfaces)
    open_ = [replace(seed, gated=False) for seed in gated]
    batch = titles.index("Large-Batch Training of Deep Networks")
    assert assign_members(open_, vectors, stats, 0.15, 3).per_paper[batch] == [0]
    members = assign_members(gated, vectors, stats, 0.15, 3).members[0]
    assert {titles[p] for p, _ in members} == set(REGULARIZATION)
