"""Topics on a hand-made corpus: clear clusters give clear, well-formed topics."""

from __future__ import annotations

import pytest
from analyze_clusters import CLUSTERS, PAPERS
from analyze_helpers import corpus_of

from generator.analyze import analyze
from generator.links import base_slug
from generator.model import Analysis, Corpus


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return corpus_of(PAPERS)


@pytest.fixture(scope="module")
def analysis(corpus: Corpus) -> Analysis:
    return analyze(corpus)


def _slugs(corpus: Corpus, titles: list[str]) -> set[str]:
    return {p.slug for p in corpus.papers if p.title in titles}


@pytest.mark.parametrize(
    ("cluster", "label"),
    [
        ("optimal transport", "Optimal transport"),
        ("image inpainting", "Image inpainting"),
        ("music tagging", "Music auto-tagging"),
    ],
)
def test_clear_clusters_give_clear_topics(
    corpus: Corpus, analysis: Analysis, cluster: str, label: str
) -> None:
    topic = next(t for t in analysis.topics if t.label == label)
    assert set(topic.papers) == _slugs(corpus, CLUSTERS[cluster])
    assert topic.slug == base_slug(label, "")


def test_loners_go_to_other(corpus: Corpus, analysis: Analysis) -> None:
    other = next(t for t in analysis.topics if t.slug == "other")
    loners = {p.slug for p in corpus.papers} - set().union(
        *(_slugs(corpus, titles) for titles in CLUSTERS.values())
    )
    assert set(other.papers) == loners
    assert all(analysis.paper_topics[s] == ("other",) for s in loners)


def test_every_topic_is_well_formed(analysis: Analysis) -> None:
    slugs = [t.slug for t in analysis.topics]
    assert len(slugs) == len(set(slugs))
    assert slugs[-1] == "other"
    for topic in analysis.topics:
        assert topic.papers
        assert set(topic.related_topics) <= set(slugs) - {topic.slug}
        if topic.slug != "other":
            assert topic.keywords
            assert topic.label.casefold() not in [k.casefold() for k in topic.keywords]
    for slug, topics in analysis.paper_topics.items():
        assert 1 <= len(topics) <= 3
        for topic_slug in topics:
            assert slug in next(t.papers for t in analysis.topics if t.slug == topic_slug)


def test_papers_are_ranked_by_centrality(corpus: Corpus, analysis: Analysis) -> None:
    title = {p.slug: p.title for p in corpus.papers}
    for topic in analysis.topics:
        if topic.slug != "other":
            assert topic.label.split()[0].casefold() in title[topic.papers[0]].casefold()


def test_keywords_describe_the_topic(analysis: Analysis) -> None:
    topic = next(t for t in analysis.topics if t.label == "Optimal transport")
    assert {"Sinkhorn", "Wasserstein distance", "transport plans", "transport maps"} & set(
        topic.keywords
    )
