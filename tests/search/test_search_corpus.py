"""The Python search over the bundled corpus's prebuilt index, and the index's JSON."""

from __future__ import annotations

import bisect
import json
import random
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest
from lunr.stemmer import porter_stemmer
from search_papers import make_paper

from generator.links import paper_url
from generator.model import Analysis, Corpus, Topic
from generator.search import (
    SUMMARY_CHARS,
    SearchIndex,
    build_search_index,
    index_json,
    index_tokens,
    load_index_json,
    search,
)

ROOT = Path(__file__).resolve().parents[2]
QUERIES = json.loads((ROOT / "tests/fixtures/quality/search_queries.json").read_text("utf-8"))


def _titles(index: SearchIndex, pattern: str) -> set[str]:
    return {d.title for d in index.documents if re.search(pattern, d.title)}


@pytest.mark.parametrize(("query", "titles"), QUERIES, ids=[q for q, _ in QUERIES])
def test_example_queries_find_their_paper_first(
    search_index: SearchIndex, query: str, titles: list[str]
) -> None:
    hits = search(search_index, query, 5)
    assert hits and hits[0].title in titles


@pytest.mark.parametrize(
    ("query", "pattern"),
    [
        ("nnunet", r"^nnU-Net"),
        ("nnU-Net", r"^nnU-Net"),
        ("unet++", r"^UNet\+\+"),
        ("u-net", r"\bU-?Net\b"),
        ("frechet", r"Fréchet"),
        ("Fréchet", r"Fréchet"),
        ("naive", r"Na[iï]ve"),
        ("poincare", r"Poincaré"),
    ],
)
def test_spelling_variants_find_their_paper_first(
    search_index: SearchIndex, query: str, pattern: str
) -> None:
    hits = search(search_index, query, 5)
    assert hits and hits[0].title in _titles(search_index, pattern)


def test_naive_finds_the_paper_that_writes_naive_with_a_diaeresis(
    search_index: SearchIndex,
) -> None:
    titles = [h.title for h in search(search_index, "naive", 3)]
    assert any("Naïve" in t for t in titles)


def test_unet_plus_plus_finds_only_unet_plus_plus_papers(search_index: SearchIndex) -> None:
    hits = search(search_index, "unet++", 10)
    assert len(hits) >= 2 and all("UNet++" in h.title for h in hits[:2])


def _abstract_only_words(corpus: Corpus, count: int) -> list[tuple[str, str]]:
    """(word, slug): words of one paper's abstract whose stem and prefix no other paper has."""
    tokens = {p.slug: set(index_tokens(f"{p.title} {p.abstract}")) for p in corpus.papers}
    stems: dict[str, set[str]] = defaultdict(set)
    for slug, words in tokens.items():
        for word in words:
            stems[porter_stemmer.stem(word)].add(slug)
    everywhere = sorted((t, s) for s, ws in tokens.items() for t in ws)
    candidates = sorted(
        (word, paper.slug)
        for paper in corpus.papers
        for word in set(index_tokens(paper.abstract)) - set(index_tokens(paper.title))
        if len(word) >= 8 and word.isalpha() and stems[porter_stemmer.stem(word)] == {paper.slug}
    )
    random.Random(5).shuffle(candidates)

    def prefix_unique(word: str, slug: str) -> bool:
        start = bisect.bisect_left(everywhere, (word, ""))
        owners = {s for t, s in everywhere[start : start + 50] if t.startswith(word)}
        return owners == {slug}

    return [c for c in candidates if prefix_unique(*c)][:count]


def test_words_found_only_in_an_abstract_find_theirmake_paper(
    search_corpus: Corpus, search_index: SearchIndex
) -> None:
    missed = [
        (word, slug)
        for word, slug in _abstract_only_words(search_corpus, 20)
        if [h.slug for h in search(search_index, word, 1)] != [slug]
    ]
    assert not missed


def test_title_words_weigh_more_than_abstract_words(search_index: SearchIndex) -> None:
    hits = search(search_index, "dropout", 10)
    assert "Dropout" in hits[0].title
    assert any("Dropout" not in h.title for h in hits)


def test_hits_are_ranked_and_limited(search_index: SearchIndex) -> None:
    hits = search(search_index, "segmentation", 7)
    assert len(hits) == 7
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert search(search_index, "", 5) == [] and search(search_index, "zzzqqq", 5) == []
    assert search(search_index, "segmentation", 0) == []


def test_documents_carry_what_the_finder_shows(
    search_corpus: Corpus, search_index: SearchIndex
) -> None:
    papers = {p.slug: p for p in search_corpus.papers}
    assert [d.slug for d in search_index.documents] == sorted(papers)
    for doc in search_index.documents:
        paper = papers[doc.slug]
        assert doc.url == paper_url(doc.slug) and doc.title == paper.title
        assert doc.year == (paper.published.year if paper.published else None)
        assert 0 < len(doc.summary) <= SUMMARY_CHARS + 1


def test_json_is_deterministic_and_round_trips(
    search_corpus: Corpus, search_index: SearchIndex
) -> None:
    text = index_json(search_index)
    shuffled = list(search_corpus.papers)
    random.Random(1).shuffle(shuffled)
    again = build_search_index(replace(search_corpus, papers=tuple(shuffled)), Analysis())
    assert index_json(again) == text
    data = json.loads(text)
    assert list(data) == sorted(data) and data["index"]["version"] == "2.3.9"
    loaded = load_index_json(text)
    assert loaded.documents == search_index.documents
    query = "dropout underfitting"
    assert search(loaded, query, 3) == search(search_index, query, 3)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="format"):
        load_index_json('{"format": 99}')


def test_topics_come_from_the_analysis() -> None:
    corpus = Corpus(
        papers=(make_paper("b", "Beta nets", "About beta."), make_paper("a", "Alpha", "On a."))
    )
    analysis = Analysis(
        topics=(Topic("zeta", "Zeta", (), ("b",)), Topic("eta", "Eta", (), ("a", "b"))),
        paper_topics={"b": ("zeta", "eta"), "a": ("eta",)},
    )
    index = build_search_index(corpus, analysis)
    assert [(t.slug, t.label) for t in index.topics] == [("eta", "Eta"), ("zeta", "Zeta")]
    assert {d.slug: d.topics for d in index.documents} == {"a": ("eta",), "b": ("eta", "zeta")}
    assert [h.slug for h in search(index, "beta", 5)] == ["b"]
