"""Hostile and careless input (issue 16): each case reproduced first, then read without a
traceback, every record accounted for, and every problem named by file and line."""

from __future__ import annotations

import json

import pytest
from listing_texts import ABSTRACT, HEADER, OTHER

from generator.model import MAX_ANALYSED_WORDS, Corpus, MergeAction, first_words

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


def test_a_field_given_twice_keeps_one_value_and_says_which(ingest, accounted) -> None:
    """A repeated JSON key, a repeated CSV column and an alias beside its field each
    leave text unread: the reader says so at the line, instead of dropping it quietly."""
    jsonl = _jsonl(
        '{"title": "First", "title": "Second", "abstract": ' + json.dumps(ABSTRACT) + "}",
        json.dumps({"title": "Both", "abstract": OTHER, "summary": "A shorter summary."}),
    )
    csv = f'title,abstract,title\nKept,"{THIRD}",Dropped\n'
    corpus = ingest({"a.jsonl": jsonl, "b.csv": csv})
    accounted(corpus)
    assert _titles(corpus) == {"Second", "Both", "Kept"}
    assert _messages(corpus) == [
        "a.jsonl:1: warning: field 'title' given twice: the last is used",
        "a.jsonl:2: warning: 'abstract' and 'summary' both give the abstract: 'summary' ignored",
        "b.csv:1: warning: column 'title' appears twice: the first is used",
    ]


def test_a_csv_field_longer_than_the_csv_modules_limit_is_one_field(ingest, accounted) -> None:
    long_abstract = " ".join([ABSTRACT] * 800)  # about 190,000 characters over many lines
    wrapped = "\n".join(long_abstract[i : i + 5000] for i in range(0, len(long_abstract), 5000))
    csv = f'title,abstract\nLong,"{wrapped}"\nNext,"{OTHER}"\n'
    corpus = ingest({"p.csv": csv})
    accounted(corpus)
    assert _titles(corpus) == {"Long", "Next"}
    assert not [e for e in corpus.merge_log if e.action is MergeAction.REJECTED]


HUGE = "x" * 100_001  # one character over source.MAX_LINE_CHARS (checked below)


@pytest.mark.parametrize(
    ("row", "said"),
    [
        # The quote opens before the long line: the abstract was published without it.
        (
            '"Spanning","First part.\n{huge}\nLast part."',
            "p.csv:2: error: CSV row runs over line 3",
        ),
        # Two long lines make the row: each is said once, no more (one was said twice).
        ('A,"{huge}\n{huge}"', "p.csv:3: error: line is 100,002 characters long"),
        # The long line opens it: its last line was read as a paper of its own.
        (
            'A,"{huge}\nHow we did it, ""fast"" and more."',
            "p.csv:3: error: CSV row runs over line 2",
        ),
    ],
)
def test_a_csv_row_over_a_line_rejected_as_too_long_is_rejected_whole(
    ingest, accounted, row: str, said: str
) -> None:
    from generator.ingest.source import MAX_LINE_CHARS

    assert len(HUGE) == MAX_LINE_CHARS + 1
    corpus = ingest({"p.csv": f'title,abstract\n{row.format(huge=HUGE)}\nNext,"{OTHER}"\n'})
    accounted(corpus)
    assert _titles(corpus) == {"Next"}
    rejected = [e for e in corpus.merge_log if e.action is MergeAction.REJECTED]
    assert sorted(e.sources[0].line for e in rejected) == [2, 3]
    assert any(m.startswith(said) for m in _messages(corpus)), _messages(corpus)


def test_a_stray_byte_in_utf16_costs_one_character(ingest, accounted) -> None:
    text = f"{HEADER}SubscribeFirst Paper\n{ABSTRACT}\nSecond Paper\n{OTHER}\n"
    data = text.encode("utf-16-le")
    cut = data.index("Second".encode("utf-16-le"))
    damaged = data[:cut] + b"\x00\xdc" + data[cut:]  # a lone low surrogate before "Second"
    corpus = ingest({"a.txt": damaged})
    accounted(corpus)
    assert _titles(corpus) == {"First Paper", "\ufffdSecond Paper"}
    assert _messages(corpus)[1] == (
        "a.txt:4: warning: bytes that are not UTF-16 text (the first on this line) shown as \ufffd"
    )


def test_records_of_invisible_characters_only_are_rejected_not_untitled(ingest, accounted) -> None:
    invisible = "\u200b\u200d\ufeff"
    jsonl = _jsonl(json.dumps({"title": invisible, "abstract": invisible}), _row(title="Real"))
    listing = f"{HEADER}SubscribeFirst Paper\n{ABSTRACT}\n{invisible}\nSecond Paper\n{OTHER}\n"
    corpus = ingest({"a.jsonl": jsonl, "b.txt": listing, "c.txt": f"{ABSTRACT}\n{invisible}\n"})
    accounted(corpus)
    assert "Untitled record" not in _titles(corpus)
    assert {"Real", "First Paper", "Second Paper"} <= _titles(corpus)
    messages = _messages(corpus)
    assert "a.jsonl:1: error: title and abstract hold no visible characters: rejected" in messages
    assert "b.txt:4: warning: line holds only invisible characters: ignored" in messages
    assert "c.txt:2: warning: line holds only invisible characters: ignored" in messages


def test_iso_times_that_no_clock_shows_are_not_dates(ingest, accounted) -> None:
    rows = [
        _row(title=f"At {when}", date=when)
        for when in ("2021-1-1T99:99", "2021-01-01 12:75", "2021-01-01Tnonsense")
    ]
    good = [
        _row(title=f"At {when}", date=when)
        for when in ("2021-01-01T23:59:60Z", "2021-01-01 08:30+02:00", "2021-01-01T08:30:00.5")
    ]
    corpus = ingest({"a.jsonl": _jsonl(*rows, *good)})
    accounted(corpus)
    dated = {p.title for p in corpus.papers if p.published is not None}
    assert dated == {
        "At 2021-01-01T23:59:60Z",
        "At 2021-01-01 08:30+02:00",
        "At 2021-01-01T08:30:00.5",
    }
    warned = sorted(p.source.line for p in corpus.problems if "unrecognised date" in p.message)
    assert warned == [1, 2, 3]


def test_a_count_too_long_to_convert_leaves_out_only_that_field(ingest, accounted) -> None:
    digits = "4" * 4400
    corpus = ingest(
        {"a.jsonl": _jsonl(_raw(title='"Huge"', abstract=json.dumps(ABSTRACT), upvotes=digits))}
    )
    accounted(corpus)
    (paper,) = corpus.papers
    assert (paper.title, paper.upvotes) == ("Huge", None)
    (message,) = _messages(corpus)
    assert message.startswith("a.jsonl:1: warning: upvotes a number (44444444444444444444…, 4,400")
    rejected = ingest({"b.jsonl": _jsonl(_raw(title=digits, abstract=json.dumps(ABSTRACT)))})
    accounted(rejected)
    assert "title must be text, not a number" in _messages(rejected)[0]


def test_a_link_that_is_no_web_address_is_kept_and_said(ingest, accounted) -> None:
    """Pages never link `javascript:` (render/rich_text.external_href); it was dropped from
    them without a word."""
    rows = [
        _row(title="Script link", url="javascript:alert('url')"),
        _row(title="Web link", url="https://arxiv.org/abs/2103.00001"),
        _row(title="Broken host", url="http://[oops"),  # urlsplit raised: a traceback
    ]
    corpus = ingest({"a.jsonl": _jsonl(*rows)})
    accounted(corpus)
    by_title = {p.title: p for p in corpus.papers}
    assert by_title["Script link"].external_url == "javascript:alert('url')"  # the export keeps it
    messages = _messages(corpus)
    assert "a.jsonl:1: warning: url \"javascript:alert('url')\" is no http(s) address" in (
        " ".join(messages)
    )
    assert not any(m.startswith("a.jsonl:2:") for m in messages)
    assert "a.jsonl:3: warning: url 'http://[oops' is no http(s) address" in " ".join(messages)


def test_control_characters_in_json_strings_are_removed_and_said(ingest, accounted) -> None:
    """A text file's NUL bytes were warned about; JSON's "\\u0000" went without a word."""
    row = _raw(title='"Null\\u0000 byte"', abstract=json.dumps(ABSTRACT + "\a\x1b\a"))
    corpus = ingest({"a.jsonl": _jsonl(row)})
    accounted(corpus)
    assert [p.title for p in corpus.papers] == ["Null byte"]
    assert "\a" not in corpus.papers[0].abstract
    assert _messages(corpus) == [
        "a.jsonl:1: warning: title holds control characters (U+0000): removed",
        "a.jsonl:1: warning: abstract holds control characters (U+0007, U+001B): removed",
    ]


def test_bidirectional_and_invisible_characters_leave_authors_and_links(ingest, accounted) -> None:
    """Titles and abstracts lost them; an author's U+202E reversed the rest of the facts
    line, the citation and citation_author."""
    text = _jsonl(
        _row(title="Listed authors", authors=["Eve \u202eevil", "Zero\u200bWidth", r"Erd{\H{o}}s"]),
        _row(title="Joined authors", abstract=OTHER, authors="A. \u2066One\u2069; B. Two"),
        _row(title="A link", abstract=ABSTRACT + " More.", url="https://x.org/\u202ea"),
    )
    corpus = ingest({"a.jsonl": text})
    accounted(corpus)
    by_title = {p.title: p for p in corpus.papers}
    assert by_title["Listed authors"].authors == ("Eve evil", "ZeroWidth", "Erdős")
    assert by_title["Joined authors"].authors == ("A. One", "B. Two")
    assert by_title["A link"].external_url == "https://x.org/a"


def test_an_abstract_longer_than_the_analysis_reads_is_kept_whole_and_said(
    ingest, accounted
) -> None:
    """500 lines of 14,000 random words each (50 MB, every line under the reader's
    limit) took 7.4 GB in the analysis: it reads the first MAX_ANALYSED_WORDS words of
    an abstract, the page keeps them all, and the listing's line is named."""
    words = [f"w{n % 997}x" for n in range(MAX_ANALYSED_WORDS + 50)]
    long = "We propose " + " ".join(words) + "."
    corpus = ingest({"a.jsonl": _jsonl(_row(title="Short"), _row(title="Long", abstract=long))})
    accounted(corpus)
    paper = next(p for p in corpus.papers if p.title == "Long")
    assert paper.abstract == long  # the page shows it whole
    said = [m for m in _messages(corpus) if "topics and related papers read" in m]
    assert said == [
        f"a.jsonl:2: warning: an abstract of {MAX_ANALYSED_WORDS + 52:,} words: topics and "
        f"related papers read its first {MAX_ANALYSED_WORDS:,}; the paper's page shows it whole"
    ]
    cut = first_words(long)
    assert len(cut.split()) == MAX_ANALYSED_WORDS and long.startswith(cut)
    assert first_words(ABSTRACT) is ABSTRACT  # an abstract as long as they come: whole
    exact = " ".join(words[:MAX_ANALYSED_WORDS]) + " \n"  # the limit, then a line's end
    assert first_words(exact) is exact
