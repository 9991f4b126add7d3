"""Residual topics: a phrase that only the leftover papers make cohesive names them."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from analyze_clusters import CLUSTERED, LONERS, REGULARIZATION, RESIDUAL_PAPERS
from analyze_helpers import corpus_of

from generator.analyze import analyze
from generator.analyze.features.documents import Documents, read_documents
from generator.analyze.features.phrases import PhraseStats, phrase_stats
from generator.analyze.features.vectors import Vectors, build_vectors
from generator.analyze.features.word_families import PhraseUse
from generator.analyze.topics.candidates import Candidate
from generator.analyze.topics.fillers import FILLER_ROUNDS, find_fillers
from generator.analyze.topics.members import assign_members
from generator.analyze.topics.seeds import select_seeds
from generator.model import Analysis, Corpus

RESIDUAL = FILLER_ROUNDS[-1]


@dataclass(frozen=True)
class Steps:
    """The corpus taken through the steps before topics, with its leftover papers."""

    docs: Documents
    vectors: Vectors
    stats: PhraseStats
    titles: list[str]
    leftover: list[int]

    def fillers(self, round_number: int) -> list[Candidate]:
        """The fillers one round finds for the leftover papers."""
        rules = FILLER_ROUNDS[round_number]
        lsa, surfaces = self.vectors.lsa, self.docs.surfaces
        return find_fillers(self.stats, lsa, surfaces, self.leftover, (), rules, 0.15)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return corpus_of(RESIDUAL_PAPERS)


@pytest.fixture(scope="module")
def analysis(corpus: Corpus) -> Analysis:
    return analyze(corpus)


@pytest.fixture(scope="module")
def steps(corpus: Corpus) -> Steps:
    docs = read_documents(corpus.papers)
    vectors = build_vectors(docs, 0)
    titles = [p.title for p in corpus.papers]
    leftover = [i for i, t in enumerate(titles) if t in REGULARIZATION or t in LONERS]
    return Steps(docs, vectors, phrase_stats(vectors, docs), titles, leftover)


def _slugs(corpus: Corpus, titles: list[str]) -> set[str]:
    return {p.slug for p in corpus.papers if p.title in titles}


def test_leftover_papers_get_their_own_topic(corpus: Corpus, analysis: Analysis) -> None:
    topic = next(t for t in analysis.topics if t.label == "Regularization")
    assert set(topic.papers) == _slugs(corpus, REGULARIZATION)
    other = next(t for t in analysis.topics if t.slug == "other")
    assert set(other.papers) == _slugs(corpus, LONERS)
    for slug in _slugs(corpus, CLUSTERED):
        assert analysis.paper_topics[slug][0] != topic.slug


def test_residual_candidate_is_judged_on_leftover_papers(steps: Steps) -> None:
    found = steps.fillers(-1)
    assert [c.key for c in found] == ["regularization"]
    assert {steps.titles[p] for p in found[0].papers} == set(REGULARIZATION)
    assert found[0].gated
    # Across the whole corpus the word is said in passing: no first-round-style filler.
    assert "regularization" not in [c.key for c in steps.fillers(0)]


def test_gated_topics_take_only_papers_about_their_phrase(steps: Steps) -> None:
    gated = select_seeds(steps.fillers(-1), steps.docs.surfaces)
    open_ = [replace(seed, gated=False) for seed in gated]
    batch = steps.titles.index("Large-Batch Training of Deep Networks")
    uses = PhraseUse(steps.docs)
    assert assign_members(open_, uses, steps.vectors, 0.15, 3).per_paper[batch] == [0]
    members = assign_members(gated, uses, steps.vectors, 0.15, 3).members[0]
    assert {steps.titles[p] for p, _ in members} == set(REGULARIZATION)
