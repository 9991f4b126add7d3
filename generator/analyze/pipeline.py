"""Run every analysis step in order and assemble the `Analysis`."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

import numpy as np
from numpy.typing import NDArray
from threadpoolctl import threadpool_limits

from generator.analyze.acronym_aliases import acronym_aliases
from generator.analyze.code_urls import find_urls
from generator.analyze.features.display_forms import Surfaces
from generator.analyze.features.documents import read_documents
from generator.analyze.features.phrases import PhraseStats, phrase_stats
from generator.analyze.features.vectors import build_vectors
from generator.analyze.methods.mentions import find_methods
from generator.analyze.projection import project
from generator.analyze.related.top_k import related_papers, shared_term_mask
from generator.analyze.settings import AnalysisSettings
from generator.analyze.topics.discover import discover_topics
from generator.analyze.topics.keyword_rules import prose_terms, telling_terms
from generator.analyze.topics.topics_file import load_topics_file
from generator.analyze.topics.works import work_numbers
from generator.model import Analysis, Corpus, Paper, first_words
from generator.stage_times import StageTimes
from generator.workers import Background

T = TypeVar("T")


def analyze(corpus: Corpus, settings: AnalysisSettings | None = None) -> Analysis:
    """Analyse a corpus: related papers, topics, method mentions, code URLs, map positions."""
    return analyze_timed(corpus, settings)[0]


def analyze_timed(
    corpus: Corpus, settings: AnalysisSettings | None = None
) -> tuple[Analysis, StageTimes]:
    """`analyze`, also returning the time spent in each step."""
    settings = settings or AnalysisSettings()
    times = StageTimes()
    spec = times.run("topics file", lambda: load_topics_file(settings.topics_file))
    papers = tuple(_analysed(p) for p in corpus.papers)
    docs = times.run("tokenize", lambda: read_documents(papers))
    vectors = times.run("vectors", lambda: build_vectors(docs, settings.seed))
    # The map's projection needs only the vectors: it runs on the second core meanwhile.
    projection = Background(lambda: _project_alone(vectors.lsa, settings.seed), settings.workers)
    try:
        stats = times.run("phrases", lambda: phrase_stats(vectors, docs))
        related = times.run(
            "related",
            lambda: related_papers(
                papers,
                vectors,
                docs.surfaces,
                shared_term_columns(stats, docs.surfaces),
                settings.related_k,
                shared_terms=settings.shared_terms,
                min_score=settings.min_related_score,
                workers=settings.workers,
                stats=stats,
                fallback=fallback_term_columns(stats),
                documents=docs,
            ),
        )
        texts = [f"{p.title}\n{p.abstract}" for p in papers]
        row = {p.slug: i for i, p in enumerate(papers)}
        neighbours = [[row[r.slug] for r in related[p.slug]] for p in papers]
        topics = times.run(
            "topics",
            lambda: discover_topics(
                docs, vectors, stats, settings, spec, texts, neighbours, work_numbers(papers)
            ),
        )
        links = times.run("methods", lambda: find_methods(papers, docs, vectors))
        urls = times.run(  # from every word: a link may close a long abstract
            "code urls",
            lambda: {p.slug: find_urls(p.versions or (p.abstract,)) for p in corpus.papers},
        )
        aliases = times.run("search aliases", lambda: acronym_aliases(docs, vectors, stats, texts))
        points = times.run("projection", projection.get)  # the wait (all of it alone)
    except BaseException:
        projection.cancel()
        raise
    analysis = Analysis(
        related=related,
        topics=tuple(replace(t, aliases=aliases.of_label(t.label)) for t in topics.topics),
        paper_topics=topics.paper_topics,
        mentions=links.mentions,
        mentioned_by=links.mentioned_by,
        code_urls=urls,
        methods=links.methods,
        positions={p.slug: (float(x), float(y)) for p, (x, y) in zip(papers, points, strict=True)},
        search_aliases=aliases.papers,
        alias_sources=aliases.sources,
    )
    return analysis, times


def _analysed(paper: Paper) -> Paper:
    """The paper as the analysis reads it: each abstract up to MAX_ANALYSED_WORDS words."""
    cut = first_words(paper.abstract)
    versions = tuple(first_words(v) for v in paper.versions)
    if cut is paper.abstract and versions == paper.versions:  # nothing cut: as it is
        return paper
    return replace(paper, abstract=cut, versions=versions)


def shared_term_columns(stats: PhraseStats, surfaces: Surfaces) -> NDArray[np.bool_]:
    """The terms a related link may show as shared: fit to be shown
    (related/top_k.shared_term_mask) and saying something of a subject
    (topics/keyword_rules.telling_terms: not "stage", "CNNs", "growing interest")."""
    return shared_term_mask(stats, surfaces) & telling_terms(stats)


def fallback_term_columns(stats: PhraseStats) -> NDArray[np.bool_]:
    """The terms a link that shares no telling one may show: readable phrases, however
    common ("convolutional neural networks"), but no prose ("growing interest"), so that
    every link gives a reason."""
    multiword = np.array([" " in t for t in stats.terms], dtype=bool)
    return np.asarray(multiword & stats.readable() & ~prose_terms(stats))


def _project_alone(lsa: Any, seed: int) -> Any:
    """The projection with one BLAS and OpenMP thread: it shares the machine with the
    other analysis steps."""
    with threadpool_limits(limits=1):
        return project(lsa, seed)
