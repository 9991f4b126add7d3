"""Each input format read from small inline strings: records, metadata, provenance, detection."""

from __future__ import annotations

import json

import pytest

from generator.ingest.dates import parse_date, parse_listing_date
from generator.ingest.detect import detect_format
from generator.ingest.source import decode_source
from generator.model import PaperDate, Severity, SourceRef

ABSTRACT_A = (
    "We propose a segmentation network for medical images. It outperforms earlier "
    "convolutional baselines on three public benchmarks while using fewer parameters."
)
# One sentence of 170 characters: short for an abstract, long for a title.
SHORT = (
    "We study deep neural networks for image segmentation and evaluate them on several "
    "benchmarks with careful ablations of the training procedure and the losses used"
)
ABSTRACT_B = (
    "This paper studies stochastic gradient descent on nonconvex objectives. We prove "
    "tight convergence rates and confirm them with experiments on standard datasets."
)
ABSTRACT_C = (
    "Sparse attention lets transformers read long documents. Our kernel cuts memory "
    "by half and keeps accuracy on question answering and summarisation tasks."
)
SEARCH_HEADER = (
    "Get trending papers in your email inbox once a day!\n"
    "Get trending papers in your email inbox!\n"
)
DAILY_HEADER = (
    "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\n"
    "byAK and the research community\n\nOct 30\n\n"
)


def line_of(text: str, needle: str) -> int:
    """1-based number of the first line of `text` that contains `needle`."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


# --- search listings -----------------------------------------------------------------------

SEARCH_CASES = {
    "header and Subscribe prefix": (
        SEARCH_HEADER
        + f"SubscribeInteractive Segmentation\n{ABSTRACT_A}\nSGD Rates\n{ABSTRACT_B}\n",
        [("Interactive Segmentation", 3), ("SGD Rates", 5)],
    ),
    "Subscribe before a digit": (
        SEARCH_HEADER + f"Subscribe3D U-Net\n{ABSTRACT_A}\nSGD Rates\n{ABSTRACT_B}\n",
        [("3D U-Net", 3), ("SGD Rates", 5)],
    ),
    "Subscribe on its own line": (
        f"Get trending papers in your email inbox!\nSubscribe\nSGD Rates\n{ABSTRACT_B}\n",
        [("SGD Rates", 3)],
    ),
    "no header, alternating lines": (
        f"Interactive Segmentation\n{ABSTRACT_A}\nSGD Rates\n{ABSTRACT_B}\n",
        [("Interactive Segmentation", 1), ("SGD Rates", 3)],
    ),
    "blank lines and CRLF": (
        (
            SEARCH_HEADER
            + f"\nSubscribeSGD Rates\n\n{ABSTRACT_B}\n\nSparse Attention\n{ABSTRACT_C}"
        ).replace("\n", "\r\n"),
        [("SGD Rates", 4), ("Sparse Attention", 8)],
    ),
    "Subscribe before a coined name in lower case": (
        SEARCH_HEADER + f"SubscribennU-Net Revisited\n{ABSTRACT_A}\nSGD Rates\n{ABSTRACT_B}\n",
        [("nnU-Net Revisited", 3), ("SGD Rates", 5)],
    ),
    "a title that starts with Subscriber is kept whole": (
        SEARCH_HEADER + f"Subscriber Churn Models\n{ABSTRACT_A}\n",
        [("Subscriber Churn Models", 3)],
    ),
    "a title that starts with Subscriber- is kept whole": (
        SEARCH_HEADER
        + f"Subscriber-Level Churn\n{ABSTRACT_A}\nSubscriberNet: Churn\n{ABSTRACT_B}\n",
        [("Subscriber-Level Churn", 3), ("SubscriberNet: Churn", 5)],
    ),
}


@pytest.mark.parametrize("text, expected", SEARCH_CASES.values(), ids=SEARCH_CASES.keys())
def test_search_listing(ingest, text, expected) -> None:
    corpus = ingest({"listing.txt": text})
    assert [f.format for f in corpus.files] == ["search-listing"]
    found = sorted((p.title, p.sources[0].line) for p in corpus.papers)
    assert found == sorted(expected)
    assert not any(p.title_inferred for p in corpus.papers)
    assert all(p.abstract in (ABSTRACT_A, ABSTRACT_B, ABSTRACT_C) for p in corpus.papers)
    assert corpus.problems == ()


def test_search_listing_pairs_each_title_with_the_abstract_after_it(ingest) -> None:
    text = (
        SEARCH_HEADER + f"SubscribeFirst\n{ABSTRACT_A}\nSecond\n{ABSTRACT_B}\nThird\n{ABSTRACT_C}\n"
    )
    corpus = ingest({"s.txt": text})
    assert {p.title: p.abstract for p in corpus.papers} == {
        "First": ABSTRACT_A,
        "Second": ABSTRACT_B,
        "Third": ABSTRACT_C,
    }


# --- daily listings ------------------------------------------------------------------------

DAILY = (
    DAILY_HEADER
    + f"Segmentation Net\n\n{ABSTRACT_A}\n\n  • 1 author\n·\nSep 16, 2024 5\n\n"
    + f"SGD Rates\n\n{ABSTRACT_B}\n\n  • 3 authors\n·\nMar 8\n\n"
    + f"Sparse Attention\n\n{ABSTRACT_C}\n"
)


def test_daily_listing_reads_papers_and_skips_page_furniture(ingest) -> None:
    corpus = ingest({"daily.txt": DAILY}, listing_year=2025)
    assert [f.format for f in corpus.files] == ["daily-listing"]
    by_title = {p.title: p for p in corpus.papers}
    assert sorted(by_title) == ["SGD Rates", "Segmentation Net", "Sparse Attention"]
    assert {p.title: p.sources for p in corpus.papers} == {  # each record at its title line
        "Segmentation Net": (SourceRef("daily.txt", 13),),
        "SGD Rates": (SourceRef("daily.txt", 21),),
        "Sparse Attention": (SourceRef("daily.txt", 29),),
    }
    assert by_title["SGD Rates"].abstract == ABSTRACT_B
    assert corpus.problems == ()


def test_page_furniture_words_below_the_header_are_titles(ingest) -> None:
    """ "New" or "Subscribe" is the listing page's chrome only above its first paper: a
    paper of that title further down is read, not dropped without a word."""
    daily = DAILY + f"\nNew\n\n{ABSTRACT_B.replace('stochastic', 'adaptive')}\n"
    titles = {p.title for p in ingest({"daily.txt": daily}, listing_year=2025).papers}
    assert titles == {"SGD Rates", "Segmentation Net", "Sparse Attention", "New"}
    search = SEARCH_HEADER + f"SubscribeFirst\n{ABSTRACT_A}\nSubscribe\n{ABSTRACT_B}\n"
    by_title = {p.title: p.abstract for p in ingest({"s.txt": search}).papers}
    assert by_title == {"First": ABSTRACT_A, "Subscribe": ABSTRACT_B}


def test_two_listing_pages_pasted_into_one_file_read_as_two(ingest) -> None:
    """The second page's header (its "new", "Subscribe", "Daily Papers", date) is chrome
    too, not papers; a title glued to its "Subscribe" loses it."""
    more = ABSTRACT_C.replace("Sparse", "Dense")
    daily = DAILY + "\n" + DAILY_HEADER + f"Dense Attention\n\n{more}\n"
    corpus = ingest({"daily.txt": daily}, listing_year=2025)
    titles = sorted(p.title for p in corpus.papers)
    assert titles == ["Dense Attention", "SGD Rates", "Segmentation Net", "Sparse Attention"]
    assert corpus.problems == ()
    search = SEARCH_HEADER + f"SubscribeFirst\n{ABSTRACT_A}\n" + SEARCH_HEADER
    search += f"SubscribeSecond\n{ABSTRACT_B}\n"
    corpus = ingest({"s.txt": search})
    assert sorted(p.title for p in corpus.papers) == ["First", "Second"]
    assert corpus.problems == ()


def test_daily_listing_metadata(ingest) -> None:
    corpus = ingest({"daily.txt": DAILY}, listing_year=2025)
    meta = {p.title: (p.authors_count, p.published, p.upvotes) for p in corpus.papers}
    assert meta == {
        "Segmentation Net": (1, PaperDate(2024, 9, 16), 5),  # `• 1 author`, date then upvotes
        "SGD Rates": (3, PaperDate(2025, 3, 8), None),
        "Sparse Attention": (None, None, None),  # no metadata block
    }


@pytest.mark.parametrize(
    "listing_year, expected, inferred, warned",
    [
        (2023, PaperDate(2023, 3, 8), False, False),  # configured year: not inferred
        (None, PaperDate(2025, 3, 8, year_inferred=True), True, True),  # newest printed + 1
    ],
    ids=["configured", "inferred"],
)
def test_daily_listing_year_for_dates_without_one(
    ingest, listing_year, expected, inferred, warned
) -> None:
    corpus = ingest({"daily.txt": DAILY}, listing_year=listing_year)
    paper = next(p for p in corpus.papers if p.title == "SGD Rates")
    assert paper.published == expected
    assert paper.date_inferred is inferred
    printed = next(p for p in corpus.papers if p.title == "Segmentation Net")
    assert printed.published == PaperDate(2024, 9, 16) and not printed.date_inferred
    warnings = [p for p in corpus.problems if "without a year" in p.message]
    if warned:  # at the first date without a year, naming the year used and the setting
        assert [str(p.source) for p in warnings] == [f"daily.txt:{line_of(DAILY, '3 authors')}"]
        assert "2025" in warnings[0].message and "listing_year" in warnings[0].message
    else:
        assert warnings == []


def test_daily_listing_without_any_printed_year_warns_per_date(ingest) -> None:
    text = f"Daily Papers\n\nSGD Rates\n\n{ABSTRACT_B}\n\n  • 2 authors\n·\nMar 8\n"
    corpus = ingest({"d.txt": text})
    (paper,) = corpus.papers
    assert paper.authors_count == 2 and paper.published is None
    assert [str(p.source) for p in corpus.problems] == [f"d.txt:{line_of(text, '2 authors')}"]
    assert "no year" in corpus.problems[0].message


def test_daily_listing_date_missing_in_the_configured_year_is_reported(ingest) -> None:
    text = f"Daily Papers\n\nSGD Rates\n\n{ABSTRACT_B}\n\n  • 2 authors\n·\nFeb 29\n"
    corpus = ingest({"d.txt": text}, listing_year=2023)
    assert corpus.papers[0].published is None
    assert [(str(p.source), "does not exist in 2023" in p.message) for p in corpus.problems] == [
        (f"d.txt:{line_of(text, '2 authors')}", True)
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mar 8", (3, 8, None, None)),
        ("Oct 12, 2021", (10, 12, 2021, None)),
        ("Sep 16, 2024 5", (9, 16, 2024, 5)),
        ("Sept 3", (9, 3, None, None)),
        ("Feb 29, 2024", (2, 29, 2024, None)),
        ("  Dec 17, 2024  ", (12, 17, 2024, None)),
    ],
)
def test_parse_listing_date(text, expected) -> None:
    date = parse_listing_date(text)
    assert date is not None
    assert (date.month, date.day, date.year, date.upvotes) == expected


@pytest.mark.parametrize("text", ["Feb 30", "Feb 29, 2023", "Foo 3", "Mar", "8 Mar", "Mar 8th"])
def test_parse_listing_date_rejects_non_dates(text) -> None:
    assert parse_listing_date(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2021-10-12", PaperDate(2021, 10, 12)),
        ("2021-10-12T08:00:00Z", PaperDate(2021, 10, 12)),
        ("Oct 12, 2021", PaperDate(2021, 10, 12)),
        ("Oct 12", None),  # a full date needs its year
        ("2021-13-01", None),
        ("yesterday", None),
    ],
)
def test_parse_date(text, expected) -> None:
    assert parse_date(text) == expected


# --- bare abstracts ------------------------------------------------------------------------


def test_bare_abstracts_get_generated_titles(ingest) -> None:
    text = f"{ABSTRACT_A}\n\n{ABSTRACT_B}\n"
    corpus = ingest({"bare.txt": text})
    assert [f.format for f in corpus.files] == ["bare-abstracts"]
    by_line = {p.sources[0].line: p for p in corpus.papers}
    assert sorted(by_line) == [1, 3]
    assert all(p.title_inferred for p in corpus.papers)
    assert by_line[1].title == "A segmentation network for medical images"  # "We propose ..."
    assert by_line[3].title == "Stochastic gradient descent on nonconvex objectives"
    assert by_line[1].abstract == ABSTRACT_A
    assert corpus.problems == ()


# --- structured files ----------------------------------------------------------------------

JSONL = "\n".join(
    [
        json.dumps(
            {
                "title": "Segmentation Net",
                "abstract": ABSTRACT_A,
                "date": "2021-10-12",
                "authors": ["Ada Lovelace", "Alan Turing"],
                "url": "https://example.org/seg",
                "upvotes": 4,
            }
        ),
        "",
        json.dumps(
            {
                "Title": "SGD Rates",
                "summary": ABSTRACT_B,
                "published": "Mar 8, 2020",
                "authors": "A. One; B. Two; C. Three",
            }
        ),
        json.dumps({"title": "Sparse Attention", "abstract": ABSTRACT_C, "authors_count": "7"}),
    ]
)


def test_jsonl_fields_aliases_and_lines(ingest) -> None:
    corpus = ingest({"papers.jsonl": JSONL})
    assert [f.format for f in corpus.files] == ["jsonl"]
    by_title = {p.title: p for p in corpus.papers}
    seg, sgd, sparse = (
        by_title["Segmentation Net"],
        by_title["SGD Rates"],
        by_title["Sparse Attention"],
    )
    assert [seg.sources, sgd.sources, sparse.sources] == [
        (SourceRef("papers.jsonl", 1),),
        (SourceRef("papers.jsonl", 3),),
        (SourceRef("papers.jsonl", 4),),
    ]
    assert (seg.published, seg.authors_count, seg.upvotes, seg.external_url) == (
        PaperDate(2021, 10, 12),
        2,
        4,
        "https://example.org/seg",
    )
    assert seg.authors == ("Ada Lovelace", "Alan Turing")
    assert (sgd.abstract, sgd.published, sgd.authors_count) == (
        ABSTRACT_B,
        PaperDate(2020, 3, 8),
        3,
    )
    assert sparse.authors_count == 7  # written as text in JSON: read, and said so
    assert [str(p) for p in corpus.problems] == [
        "papers.jsonl:4: warning: authors_count given as text ('7'): read as the number 7"
    ]


FIRST_A, REST_A = ABSTRACT_A.split(". ", 1)  # a cell broken over two lines
QUOTED_C = ABSTRACT_C.replace("Our", 'Our ""fast""')  # CSV doubles quotes inside a cell
CSV = (
    "title,abstract,date,authors\n"
    f'"Segmentation Net","{FIRST_A}.\n{REST_A}",2021-10-12,"A. One; B. Two"\n'
    f'"SGD Rates, Revisited","{ABSTRACT_B}",,\n'
    f'Sparse Attention,"{QUOTED_C}",Oct 12 2021,\n'
)


def test_csv_quoted_multiline_cells_and_line_numbers(ingest) -> None:
    corpus = ingest({"papers.csv": CSV})
    assert [f.format for f in corpus.files] == ["csv"]
    by_title = {p.title: p for p in corpus.papers}
    assert {t: p.sources[0].line for t, p in by_title.items()} == {
        "Segmentation Net": 2,
        "SGD Rates, Revisited": 4,  # the cell above spans lines 2 and 3
        "Sparse Attention": 5,
    }
    seg = by_title["Segmentation Net"]
    assert seg.abstract == ABSTRACT_A
    assert (seg.published, seg.authors_count) == (PaperDate(2021, 10, 12), 2)
    assert 'Our "fast" kernel' in by_title["Sparse Attention"].abstract
    assert [str(p) for p in corpus.problems] == [
        "papers.csv:5: warning: unrecognised date 'Oct 12 2021': left out"
    ]


def test_csv_blank_lines_keep_line_numbers(ingest) -> None:
    text = (
        f'\n\ntitle,abstract\nSGD Rates,"{ABSTRACT_B}"\n'
        f'\n  \n,\n"Sparse\nAttention","{ABSTRACT_C}"\n'  # blank, spaces, empty cells
    )
    corpus = ingest({"p.csv": text})
    assert sorted((p.title, str(p.sources[0])) for p in corpus.papers) == [
        ("SGD Rates", "p.csv:4"),
        ("Sparse Attention", "p.csv:8"),
    ]
    assert corpus.problems == ()


def test_tab_separated_file(ingest) -> None:
    corpus = ingest({"papers.tsv": f"Title\tSummary\nSGD Rates\t{ABSTRACT_B}\n"})
    assert [(p.title, p.abstract, p.sources[0].line) for p in corpus.papers] == [
        ("SGD Rates", ABSTRACT_B, 2)
    ]


def test_csv_extra_cells_are_reported(ingest) -> None:
    corpus = ingest({"p.csv": f'title,abstract\nSGD Rates,"{ABSTRACT_B}",surplus\n'})
    assert corpus.papers[0].title == "SGD Rates"
    assert [str(p.source) for p in corpus.problems] == ["p.csv:2"]
    assert "more cells than column names" in corpus.problems[0].message


def test_a_csv_file_of_a_header_alone_says_so(ingest) -> None:
    """It read as nothing at all, without a word."""
    corpus = ingest({"p.csv": "\n\ntitle,abstract\n"})
    assert corpus.papers == ()
    assert [str(p.source) for p in corpus.problems] == ["p.csv:3"]
    assert "only a header row: the file holds no papers" in corpus.problems[0].message
    # a row it could not read is said at its line, and the file had more than a header
    for row in ('"unclosed,quote', "a," + "b" * 200_000):
        corpus = ingest({"p.csv": f"title,abstract\n{row}\n"})
        assert [str(p.source) for p in corpus.problems] == ["p.csv:2"]
        assert "rejected" in corpus.problems[0].message


# --- format detection ----------------------------------------------------------------------

DETECT_CASES = {
    "search header": ("a.txt", SEARCH_HEADER + f"SubscribeX\n{ABSTRACT_A}\n", "search-listing"),
    "search by alternation": ("a.txt", f"X\n{ABSTRACT_A}\nY\n{ABSTRACT_B}\n", "search-listing"),
    "daily by heading": ("a.txt", f"Daily Papers\n\nX\n\n{ABSTRACT_A}\n", "daily-listing"),
    "daily by authors line": (
        "a.txt",
        f"X\n\n{ABSTRACT_A}\n\n  • 1 author\n·\nMar 8\n",
        "daily-listing",
    ),
    "bare abstracts": ("a.txt", f"{ABSTRACT_A}\n{ABSTRACT_B}\n", "bare-abstracts"),
    "bare abstracts, one cut short": (
        "a.txt",
        f"{ABSTRACT_A}\n{ABSTRACT_B}\n{ABSTRACT_C}\n{ABSTRACT_A} Also.\nWe propose\n",
        "bare-abstracts",
    ),
    "jsonl by name": ("a.jsonl", '{"title": "X"}\n', "jsonl"),
    "ndjson by name": ("a.ndjson", '{"title": "X"}\n', "jsonl"),
    "jsonl by content": ("a.txt", '{"title": "X", "abstract": "Y"}\n', "jsonl"),
    "jsonl with a broken first line": ("a.txt", '{"title": "X", \n', "jsonl"),
    "csv by name": ("a.csv", "name,text\nx,y\n", "csv"),
    "csv by header": ("a.txt", "title,abstract,date\nx,y,z\n", "csv"),
    "tsv by header": ("a.txt", "Title\tSummary\nx\ty\n", "csv"),
    "braced prose is not JSON": ("a.txt", f"{{{ABSTRACT_A}}}\n{ABSTRACT_B}\n", "search-listing"),
    "unrecognised": ("a.txt", "hello\nworld\n", None),
    "short one-sentence abstracts": (
        "a.txt",
        "".join(f"{SHORT} {n}.\n" for n in range(4)),
        "bare-abstracts",
    ),
    "long titles are no abstracts": ("a.txt", "".join(f"{SHORT} {n}?\n" for n in range(4)), None),
    "a note of two paragraphs": ("a.txt", "".join(f"{SHORT} {n}.\n" for n in range(2)), None),
    "blank": ("a.txt", "\n  \n", None),
}


@pytest.mark.parametrize("name, text, expected", DETECT_CASES.values(), ids=DETECT_CASES.keys())
def test_detect_format(name, text, expected) -> None:
    source = decode_source(name, text.encode())
    assert detect_format(name, source.lines) == expected


# --- provenance ----------------------------------------------------------------------------


def test_every_record_keeps_its_exact_file_and_line(ingest) -> None:
    files = {
        "b.txt": f"{ABSTRACT_A}\n\n\n{ABSTRACT_B}\n",
        "s.txt": SEARCH_HEADER + f"SubscribeSparse Attention\n{ABSTRACT_C}\n",
        "d.txt": f"Daily Papers\n\nSeg Net\n\n{ABSTRACT_A} Again.\n\n  • 2 authors\n·\nMar 8\n",
        "j.jsonl": "\n\n" + json.dumps({"title": "J", "abstract": ABSTRACT_B + " More."}) + "\n",
        "c.csv": f'title,abstract\n"C\nC",x\nD,"{ABSTRACT_C} Also."\n',
    }
    corpus = ingest(files)
    assert sorted(str(s) for p in corpus.papers for s in p.sources) == sorted(
        ["b.txt:1", "b.txt:4", "s.txt:3", "d.txt:3", "j.jsonl:3", "c.csv:2", "c.csv:4"]
    )
    assert [f.records for f in corpus.files] == [2, 1, 1, 1, 2]
    assert not [p for p in corpus.problems if p.severity is Severity.ERROR]
