"""Hostile and careless input (issue 16): each case reproduced first, then read without a
traceback, every record accounted for, and every problem named by file and line."""

from __future__ import annotations

import json

from listing_texts import ABSTRACT, HEADER, OTHER

from generator.model import Corpus, MergeAction

THIRD = (
    "We introduce a benchmark of graph problems and evaluate message passing networks "
    "against classical heuristics, finding that depth matters more than width."
)


def _messages(corpus: Corpus) -> list[str]:
    return [str(p) for p in corpus.problems]


def _titles(corpus: Corpus) -> set[str]:
    return {p.title for p in corpus.papers}


def _jsonl(*rows: str) -> bytes:
    return ("\n".join(rows) + "\n").encode()


def _row(**fields: object) -> str:
    return json.dumps({"abstract": ABSTRACT, **fields})


def _raw(**fields: str) -> str:
    """A JSON line whose values are written as given (`NaN`, `"\\udc80"`)."""
    return "{" + ", ".join(f'"{key}": {value}' for key, value in fields.items()) + "}"


def test_lone_surrogates_are_replaced_and_said(ingest, accounted) -> None:
    """`"Bad \\udc80 Name"` in JSON is valid JSON but no page can hold it."""
    text = _jsonl(
        _raw(
            title='"Surrogate author"',
            abstract=json.dumps(ABSTRACT),
            authors='["Bad \\udc80 Name"]',
        ),
        _raw(title='"Surrogate url"', abstract=json.dumps(OTHER), url='"https://x.org/\\udc80"'),
    )
    corpus = ingest({"a.jsonl": text})
    accounted(corpus)
    by_title = {p.title: p for p in corpus.papers}
    assert by_title["Surrogate author"].authors == ("Bad \ufffd Name",)
    assert by_title["Surrogate url"].external_url == "https://x.org/\ufffd"
    assert any(m.startswith("a.jsonl:1: warning: an author's name") for m in _messages(corpus))
    assert any(m.startswith("a.jsonl:2: warning: url holds invalid") for m in _messages(corpus))
    for paper in corpus.papers:  # every field can be written as UTF-8
        for value in (paper.title, paper.abstract, *paper.authors, paper.external_url or ""):
            value.encode("utf-8")


def test_titles_and_abstracts_of_the_wrong_kind_reject_their_row(ingest, accounted) -> None:
    rows = [
        _row(title="Kept"),
        _raw(title="42", abstract=json.dumps(ABSTRACT)),
        _raw(title="true", abstract=json.dumps(ABSTRACT)),
        _raw(title='"Nested"', abstract='{"nested": 1}'),
        _raw(title="NaN", abstract=json.dumps(ABSTRACT)),
        _raw(title="Infinity", abstract=json.dumps(ABSTRACT)),
        _raw(title='["a", "list"]', abstract=json.dumps(ABSTRACT)),
    ]
    corpus = ingest({"a.jsonl": _jsonl(*rows)})
    accounted(corpus)
    assert _titles(corpus) == {"Kept"}
    rejected = {
        e.sources[0].line: e.detail for e in corpus.merge_log if e.action is MergeAction.REJECTED
    }
    assert rejected == {
        2: "title must be text, not a number (42)",
        3: "title must be text, not true/false (true)",
        4: "abstract must be text, not an object",
        5: "title must be text, not not-a-number (NaN)",
        6: "title must be text, not infinity",
        7: "title must be text, not a list",
    }


def test_other_fields_of_the_wrong_kind_are_left_out_with_a_warning(ingest, accounted) -> None:
    rows = [
        _row(title="Null author", authors=["Ada", None, 3]),
        _row(title="Bool authors", authors=True),
        _row(title="Float upvotes", upvotes=5.5),
        _row(title="Text upvotes", upvotes="12"),
        _row(title="Negative upvotes", upvotes=-3),
        _row(title="Huge text upvotes", upvotes="9" * 5000),
        _row(title="Number date", date=2021),
    ]
    corpus = ingest({"a.jsonl": _jsonl(*rows)})
    accounted(corpus)
    by_title = {p.title: p for p in corpus.papers}
    assert len(by_title) == 7
    assert by_title["Null author"].authors == ("Ada",)
    assert by_title["Bool authors"].authors == ()
    assert by_title["Float upvotes"].upvotes is None
    assert by_title["Text upvotes"].upvotes == 12
    assert by_title["Negative upvotes"].upvotes is None
    assert by_title["Huge text upvotes"].upvotes is None
    assert by_title["Number date"].published is None
    lines = sorted({p.source.line for p in corpus.problems})
    assert lines == [1, 2, 3, 4, 5, 6, 7]  # each row's warning at its own line
    assert "a.jsonl:4: warning: upvotes given as text ('12'): read as the number 12" in (
        _messages(corpus)
    )


def test_dates_beyond_any_plausible_year_are_left_out(ingest, accounted) -> None:
    corpus = ingest({"a.jsonl": _jsonl(_row(title="Far future", date="2200-01-01"))})
    accounted(corpus)
    (paper,) = corpus.papers
    assert paper.published is None
    assert any("2200-01-01" in m and m.startswith("a.jsonl:1: warning") for m in _messages(corpus))


def test_absurd_counts_in_a_daily_listing_are_left_out(ingest, accounted) -> None:
    digits = "9" * 5000
    text = (
        f"Daily Papers\n\nFirst Paper\n\n{ABSTRACT}\n\n  • {digits} authors\n·\n"
        f"Mar 8, 2020 {digits}\n\nSecond Paper\n\n{OTHER}\n"
    )
    corpus = ingest({"d.txt": text})
    accounted(corpus)
    by_title = {p.title: p for p in corpus.papers}
    assert set(by_title) == {"First Paper", "Second Paper"}
    first = by_title["First Paper"]
    assert (first.authors_count, first.upvotes) == (None, None)
    assert first.published is not None and first.published.year == 2020
    assert sum("not a plausible count" in m for m in _messages(corpus)) == 2


def test_an_unterminated_quote_in_csv_loses_no_following_row(ingest, accounted) -> None:
    csv = (
        "title,abstract\n"
        f'First,"{ABSTRACT}"\n'
        f'Broken,"{OTHER}\n'
        f'Third,"{THIRD}"\n'
        f"Fourth,{ABSTRACT.replace(',', '')} again\n"
    )
    corpus = ingest({"p.csv": csv})
    accounted(corpus)
    assert _titles(corpus) == {"First", "Third", "Fourth"}
    rejected = [e for e in corpus.merge_log if e.action is MergeAction.REJECTED]
    assert [e.sources[0].line for e in rejected] == [3]
    assert "p.csv:3: error: CSV row cannot be read" in _messages(corpus)[0]


def test_a_stray_nul_byte_costs_only_itself(ingest, accounted) -> None:
    text = f"{HEADER}SubscribeFirst Paper\n{ABSTRACT}\nSecond\x00 Paper\n{OTHER}\n".encode()
    corpus = ingest({"a.txt": text})
    accounted(corpus)
    assert _titles(corpus) == {"First Paper", "Second Paper"}
    assert _messages(corpus) == [
        "a.txt:4: warning: NUL bytes (corrupted text?) removed from this line"
    ]


def test_utf16_without_a_byte_order_mark_is_read(ingest, accounted) -> None:
    text = f"{HEADER}SubscribeFirst Paper\n{ABSTRACT}\nSecond Paper\n{OTHER}\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        corpus = ingest({"a.txt": text.encode(encoding)})
        accounted(corpus)
        assert _titles(corpus) == {"First Paper", "Second Paper"}, encoding
        assert _messages(corpus) == [
            f"a.txt:1: warning: no byte-order mark: read as {encoding.upper()}"
        ]
