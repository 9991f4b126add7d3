"""Related papers on a hand-made corpus: clear neighbours, right shared terms, scale-safe."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from analyze_clusters import CLUSTERS, PAPERS
from analyze_helpers import corpus_of, slug_of

import generator.analyze.related.top_k as related_module
from generator.analyze import AnalysisSettings, analyze
from generator.analyze.features.documents import read_documents
from generator.analyze.features.phrases import phrase_stats
from generator.analyze.features.tokens import contains_phrase, phrase_key
from generator.analyze.features.vectors import build_vectors
from generator.analyze.pipeline import fallback_term_columns
from generator.analyze.related.top_k import related_papers
from generator.analyze.topics.keyword_rules import says_nothing
from generator.model import Analysis, Corpus


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return corpus_of(PAPERS)


@pytest.fixture(scope="module")
def analysis(corpus: Corpus) -> Analysis:
    return analyze(corpus)


@pytest.mark.parametrize("cluster", sorted(CLUSTERS))
def test_neighbours_come_from_the_same_cluster(
    corpus: Corpus, analysis: Analysis, cluster: str
) -> None:
    members = {slug_of(corpus, t) for t in CLUSTERS[cluster]}
    for slug in members:
        top = [r.slug for r in analysis.related[slug][: len(members) - 1]]
        assert set(top) <= members, (slug, top)


def test_shared_terms_explain_the_pair(corpus: Corpus, analysis: Analysis) -> None:
    slug = slug_of(corpus, "Sparse Optimal Transport Plans")
    best = analysis.related[slug][0]
    assert "optimal transport" in best.shared_terms or "transport plans" in best.shared_terms
    inpainting = slug_of(corpus, "Image Inpainting with Contextual Attention")
    terms = {t for r in analysis.related[inpainting] for t in r.shared_terms}
    assert "image inpainting" in terms
    assert all(len(r.shared_terms) <= 5 for rs in analysis.related.values() for r in rs)


def test_shared_terms_say_something_or_are_the_fields_phrases_alone(
    bundled_analysis: Analysis,
) -> None:
    """ "Shared: stage, understanding, baseline" gave no reason (pipeline.py passes
    keyword_rules.telling_terms to the related-paper step). Only a link that shares no
    telling term shows the field's common phrases instead ("convolutional neural
    networks"), and then only those (17 links without a reason got one)."""
    links = [r for found in bundled_analysis.related.values() for r in found]
    shown = {t for r in links for t in r.shared_terms}
    assert len(shown) > 1000
    empty = {t for t in shown if says_nothing(phrase_key(t) or "")}
    for link in links:
        if empty.intersection(link.shared_terms):
            assert set(link.shared_terms) <= empty, link
            assert all(" " in t for t in link.shared_terms), link
    assert 0 < sum(bool(empty.intersection(r.shared_terms)) for r in links) < 0.01 * len(links)


def test_no_link_shows_the_halves_of_a_phrase_both_papers_write(
    bundled_corpus: Corpus, bundled_analysis: Analysis
) -> None:
    """ "Shared: state space, space model" (and "lottery ticket, ticket hypothesis",
    "global average, average pooling"): two reasons that are one phrase of both papers,
    which the analysis passes to the related-paper step to join (SharedTerms._chained)."""
    docs = read_documents(bundled_corpus.papers)
    row = {slug: i for i, slug in enumerate(docs.slugs)}
    halves, phrases = [], 0
    for slug, found in bundled_analysis.related.items():
        for link in found:
            keys = [(phrase_key(t) or "").split(" ") for t in link.shared_terms]
            phrases += sum(len(k) == 3 for k in keys)
            for left in (k for k in keys if len(k) == 2):
                for right in (k for k in keys if len(k) == 2 and k[0] == left[1]):
                    whole = (*left, right[1])
                    if all(contains_phrase(docs.full(row[s]), whole) for s in (slug, link.slug)):
                        halves.append(link.shared_terms)
    assert not halves, halves
    assert phrases > 100  # three-word reasons are shown


def test_a_link_shares_the_fields_phrases_when_it_shares_nothing_else() -> None:
    """A link that shares no telling term showed no reason; it now shows the common
    phrases it shares."""
    papers = [
        (
            "Convolutional Networks for Sentences",
            "Convolutional neural networks classify "
            "sentences of movie reviews with word vectors and dropout.",
        ),
        (
            "Convolutional Networks for Adult Content",
            "Convolutional neural networks recognise "
            "adult content in photographs with a mixture of experts.",
        ),
        (
            "Sparse Optimal Transport Plans",
            "Sparse transport plans between measures by "
            "regularised optimal transport with squared norms.",
        ),
    ]
    corpus = corpus_of(papers)
    docs = read_documents(corpus.papers)
    vectors = build_vectors(docs, 0)
    stats = phrase_stats(vectors, docs)
    nothing = np.zeros(len(vectors.terms), dtype=bool)

    def links(fallback: np.ndarray | None) -> list[tuple[str, ...]]:
        found = related_papers(
            corpus.papers, vectors, docs.surfaces, nothing, 5, stats=stats, fallback=fallback
        )
        return [r.shared_terms for rs in found.values() for r in rs]

    assert links(None) and all(terms == () for terms in links(None))  # as before
    assert links(nothing) == links(None)
    common = links(fallback_term_columns(stats))
    assert common and all(common)
    assert {t.lower() for terms in common for t in terms} <= {
        "convolutional networks",
        "neural networks",
        "convolutional neural networks",
    }


def test_lists_are_sorted_rounded_and_exclude_self(analysis: Analysis) -> None:
    for slug, related in analysis.related.items():
        assert len(related) <= 5
        assert slug not in [r.slug for r in related]
        scores = [r.score for r in related]
        assert scores == sorted(scores, reverse=True)
        assert all(round(s, 4) == s and 0 < s <= 1 for s in scores)


def test_k_is_configurable(corpus: Corpus) -> None:
    result = analyze(corpus, AnalysisSettings(related_k=2))
    assert max(len(r) for r in result.related.values()) == 2


def test_possible_duplicates_are_not_related(corpus: Corpus) -> None:
    a, b = corpus.papers[0], corpus.papers[1]
    papers = list(corpus.papers)
    papers[0] = dataclasses.replace(a, possible_duplicates=(b.slug,))
    result = analyze(dataclasses.replace(corpus, papers=tuple(papers)))
    assert b.slug not in [r.slug for r in result.related[a.slug]]
    assert a.slug not in [r.slug for r in result.related[b.slug]]


def test_chunking_and_threads_do_not_change_results(
    corpus: Corpus, analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(related_module, "CHUNK_CELLS", 2 * len(corpus.papers))
    one_thread = analyze(corpus, AnalysisSettings(workers=1))
    assert one_thread.related == analysis.related


def test_tiny_corpora() -> None:
    assert analyze(Corpus(papers=())).related == {}
    single = corpus_of([("Only One Paper", "A lonely abstract about nothing in particular.")])
    result = analyze(single)
    assert result.related == {single.papers[0].slug: ()}
    assert [t.slug for t in result.topics] == ["other"]
