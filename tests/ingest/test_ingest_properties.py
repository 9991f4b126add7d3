"""Property tests: ingest never raises, is deterministic and accounts for every record."""

from __future__ import annotations

import json

from hostile_corpora import check_accounting, corpora
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ingest import ingest_texts
from generator.ingest.clean import normalize_key
from generator.model import Corpus

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def ingest(files: dict[str, bytes]) -> Corpus:
    return ingest_texts(list(files.items()))


@SETTINGS
@given(corpora)
def test_ingest_accounts_for_every_record(files) -> None:
    corpus = ingest(files)
    check_accounting(corpus)
    assert [f.file for f in corpus.files] == list(files)


@SETTINGS
@given(corpora)
def test_ingest_is_deterministic_and_independent_of_file_order(files) -> None:
    corpus = ingest(files)
    assert ingest(files) == corpus
    reordered = ingest(dict(reversed(files.items())))
    assert reordered.papers == corpus.papers
    assert sorted(map(repr, reordered.merge_log)) == sorted(map(repr, corpus.merge_log))
    assert sorted(map(repr, reordered.problems)) == sorted(map(repr, corpus.problems))


@SETTINGS
@given(corpora)
def test_papers_are_well_formed(files) -> None:
    corpus = ingest(files)
    slugs = {p.slug for p in corpus.papers}
    assert len(slugs) == len({p.id for p in corpus.papers}) == len(corpus.papers)
    for paper in corpus.papers:
        assert paper.title and paper.title == paper.title.strip()
        assert paper.url == f"papers/{paper.slug}/"
        assert set(paper.possible_duplicates) <= slugs - {paper.slug}
        assert paper.abstract == (paper.versions[0] if paper.versions else "")
    for problem in corpus.problems:
        assert problem.source.file in files
        assert problem.message


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=2000))
def test_ingest_never_raises_on_arbitrary_text(text) -> None:
    for name in ("a.txt", "a.jsonl", "a.csv"):
        check_accounting(ingest({name: text.encode("utf-8", "surrogatepass")}))


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000))
def test_ingest_never_raises_on_arbitrary_bytes(data) -> None:
    for name in ("a.txt", "a.jsonl", "a.csv"):
        check_accounting(ingest({name: data}))


# --- round trips: well-formed listings of any size are read back exactly -----------------

WORDS = [
    "network",
    "Deep",
    "learning",
    "Fréchet",
    "α-divergence",
    "U-Net++",
    "graph",
    "of",
    "sparse",
    "3D",
    "segmentation",
    "model",
    "for",
    "the",
    "Kernel",
    "attention",
    "on",
]
title_words = st.lists(st.sampled_from(WORDS), min_size=2, max_size=12)
titles = title_words.map(lambda ws: " ".join(ws).capitalize()) | title_words.map(
    lambda ws: f"{ws[0].upper()}: {' '.join(ws[1:])}"
)
sentence = st.lists(st.sampled_from(WORDS), min_size=6, max_size=18).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
abstracts = st.lists(sentence, min_size=3, max_size=6).map(" ".join).filter(lambda a: len(a) >= 120)
# Titles that differ only in case or punctuation are one paper by design: keep them apart.
papers = st.lists(
    st.tuples(titles, abstracts), min_size=1, max_size=12, unique_by=lambda p: normalize_key(p[0])
)


def _search_listing(pairs: list[tuple[str, str]]) -> tuple[str, dict[str, int]]:
    lines = ["Get trending papers in your email inbox!"]
    where = {}
    for index, (title, abstract) in enumerate(pairs):
        where[title] = len(lines) + 1
        lines += [("Subscribe" if index == 0 else "") + title, abstract]
    return "\n".join(lines) + "\n", where


def _daily_listing(pairs: list[tuple[str, str]]) -> tuple[str, dict[str, int]]:
    lines = ["Daily Papers", "", "Oct 30", ""]
    where = {}
    for index, (title, abstract) in enumerate(pairs):
        where[title] = len(lines) + 1
        lines += [title, "", abstract, ""]
        if index % 3:  # some papers have no metadata block
            lines += [f"  • {index} author{'s' if index > 1 else ''}", "·", "Mar 8, 2021 4", ""]
    return "\n".join(lines), where


def _by_title(corpus: Corpus) -> dict[str, tuple[str, int]]:
    return {p.title: (p.abstract, p.sources[0].line) for p in corpus.papers}


@SETTINGS
@given(papers, st.sampled_from([_search_listing, _daily_listing]))
def test_listings_round_trip(pairs, render) -> None:
    text, where = render(pairs)
    corpus = ingest({"listing.txt": text.encode()})
    assert corpus.problems == ()
    assert _by_title(corpus) == {t: (a, where[t]) for t, a in pairs}
    metadata = {p.title: p.authors_count for p in corpus.papers}
    if render is _search_listing:  # a search listing carries no metadata at all
        expected = {t: None for t, _ in pairs}
    else:  # every third daily entry has no metadata block
        expected = {t: (i if i % 3 else None) for i, (t, _) in enumerate(pairs)}
    assert metadata == expected


@SETTINGS
@given(papers)
def test_structured_files_round_trip(pairs) -> None:
    jsonl = "\n".join(json.dumps({"title": t, "abstract": a}) for t, a in pairs)
    rows = "".join(f'"{t}","{a}"\n' for t, a in pairs)
    for name, text, first in [("p.jsonl", jsonl, 1), ("p.csv", "title,abstract\n" + rows, 2)]:
        corpus = ingest({name: text.encode()})
        assert corpus.problems == ()
        assert _by_title(corpus) == {t: (a, first + i) for i, (t, a) in enumerate(pairs)}
