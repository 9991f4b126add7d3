"""Words split by a PDF's line breaks are joined as the corpus writes them, never guessed."""

from __future__ import annotations

from generator.ingest.broken_words import rejoin_broken_words
from generator.model import Record, SourceRef


def _records(*abstracts: str) -> list[Record]:
    return [
        Record(SourceRef("a.txt", n), f"Title {n}", text) for n, text in enumerate(abstracts, 1)
    ]


def test_a_broken_word_the_corpus_writes_whole_is_joined() -> None:
    records = _records(
        "Depth predic- tion from one view, com- pared manu- ally.",
        "Our prediction was compared manually.",
    )
    (first, second) = rejoin_broken_words(records)
    assert first.abstract == "Depth prediction from one view, compared manually."
    assert second == records[1]


def test_a_break_at_the_words_own_hyphen_keeps_it() -> None:
    records = _records("A first- order method.", "First-order methods and first-order bounds.")
    assert rejoin_broken_words(records)[0].abstract == "A first-order method."


def test_suspended_hyphens_and_unknown_joins_stay() -> None:
    records = _records(
        "Pre- and post-training; self- or cross-attention; photomet- ric losses.",
        "Pretraining and selfor nothing.",  # "selfor" written, yet "or" is a conjunction
    )
    assert rejoin_broken_words(records)[0].abstract == records[0].abstract


def test_titles_are_joined_too_and_records_stay_in_order() -> None:
    records = [
        Record(SourceRef("a.txt", 1), "Segmen- tation of cells", "Cells."),
        Record(SourceRef("a.txt", 2), "Other", "Segmentation of cells."),
    ]
    joined = rejoin_broken_words(records)
    assert [r.source for r in joined] == [r.source for r in records]
    assert joined[0].title == "Segmentation of cells"
