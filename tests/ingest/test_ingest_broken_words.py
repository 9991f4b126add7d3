"""Words split by a PDF's line breaks are joined as the corpus writes them, never guessed."""

from __future__ import annotations

from analyze_helpers import corpus_of
from listing_texts import HEADER

from generator.ingest import ingest_texts
from generator.ingest.broken_words import rejoin_broken_words


def _abstracts(*abstracts: str) -> list[str]:
    """The abstracts of papers read from a listing (their titles "Paper 1", ...), in order."""
    corpus = corpus_of([(f"Paper {n}", text) for n, text in enumerate(abstracts, 1)])
    by_title = {p.title: p for p in corpus.papers}
    return [by_title[f"Paper {n}"].abstract for n in range(1, len(abstracts) + 1)]


def test_a_broken_word_the_corpus_writes_whole_is_joined() -> None:
    first, second = _abstracts(
        "Depth predic- tion from one view of a scene, com- pared manu- ally with the truth.",
        "Our prediction of depth was compared manually with laser scans of the same scene.",
    )
    assert first == "Depth prediction from one view of a scene, compared manually with the truth."
    assert second.startswith("Our prediction of depth")


def test_a_break_at_the_words_own_hyphen_keeps_it() -> None:
    first, _ = _abstracts(
        "A first- order method for training deep networks on large image datasets.",
        "First-order methods and first-order bounds for convex problems in statistics.",
    )
    assert first.startswith("A first-order method")


def test_suspended_hyphens_and_unknown_joins_stay() -> None:
    text = "Pre- and post-training; self- or cross-attention; photomet- ric losses for images."
    first, _ = _abstracts(text, "Pretraining and selfor nothing else in this abstract of ours.")
    assert first == text  # "selfor" is written, yet "or" is a conjunction


def test_every_version_is_mended() -> None:
    corpus = corpus_of(
        [
            ("Paper", "Depth predic- tion from one view of a scene with a small network."),
            ("Paper", "Depth predic- tion from two views of a scene with a small network."),
            ("Other", "Our prediction of depth uses laser scans of the same scene."),
        ]
    )
    paper = next(p for p in corpus.papers if p.title == "Paper")
    assert len(paper.versions) == 2 and paper.abstract == paper.versions[0]
    assert all("depth prediction from" in v.lower() for v in paper.versions)


def test_papers_without_a_broken_word_are_left_as_they_are() -> None:
    corpus = corpus_of([("Paper", "No broken word in this abstract about kidney segmentation.")])
    assert rejoin_broken_words(corpus.papers) == list(corpus.papers)


def test_titles_keep_their_words_so_ids_and_slugs_never_depend_on_other_papers() -> None:
    """A title joined by another paper's words changed the paper's id and slug."""
    alone = HEADER + "Segmen- tation of cells with graphs\nWe segment cells with graphs.\n"
    other = HEADER + "Segmentation of kidneys\nWe segment kidneys with segmentation nets.\n"
    (paper,) = ingest_texts([("a.txt", alone.encode())]).papers
    both = ingest_texts([("a.txt", alone.encode()), ("b.txt", other.encode())]).papers
    same = next(p for p in both if p.id == paper.id)
    assert same.slug == paper.slug and same.title == paper.title
