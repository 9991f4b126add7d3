"""Lines that do not fit their file's format (a heading among bare abstracts, a metadata
line with an invalid date or count, the page's `Load more` button): the file is still
read, and each such line is rejected, read for what it holds or dropped as page chrome,
never turned into a paper of its own."""

from __future__ import annotations

import pytest
from hostile_corpora import check_accounting
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from listing_texts import ABSTRACT, HEADER, OTHER

from generator.ingest import ingest_texts
from generator.ingest.dates import ListingDate, read_date_line
from generator.ingest.readers import ReadOptions
from generator.model import MergeAction, PaperDate, Severity, SourceRef

THIRD = (
    "We introduce a benchmark of graph problems for message passing networks. Classical "
    "heuristics still win on most of them, and depth matters more than width."
)
ABSTRACTS = (ABSTRACT, OTHER, THIRD)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- bare abstracts with a few other lines -------------------------------------------------

BARE_CASES = {
    # name: (lines of the file, number of the line that is no abstract)
    "a note after three abstracts": ([*ABSTRACTS, "Draft notes, see later."], 4),
    "a heading above three abstracts": (["My reading list", *ABSTRACTS], 1),
    "a heading above two abstracts": (["My reading list", ABSTRACT, OTHER], 1),
    "a cut-off line between abstracts": ([ABSTRACT, OTHER, "We propose a", THIRD], 3),
}


@pytest.mark.parametrize("lines, odd", BARE_CASES.values(), ids=BARE_CASES.keys())
def test_bare_abstracts_keep_their_records_and_reject_the_odd_line(
    ingest, accounted, lines, odd
) -> None:
    corpus = ingest({"bare.txt": "\n".join(lines) + "\n"})
    accounted(corpus)
    (summary,) = corpus.files
    good = len(lines) - 1
    assert (summary.format, summary.records, summary.rejected) == ("bare-abstracts", good, 1)
    assert sorted(p.abstract for p in corpus.papers) == sorted(t for t in lines if len(t) > 80)
    assert all(p.sources[0].line != odd for p in corpus.papers)
    (problem,) = corpus.problems
    assert (problem.source, problem.severity) == (SourceRef("bare.txt", odd), Severity.WARNING)
    assert f"only {len(lines[odd - 1])} characters" in problem.message
    assert problem.message.endswith(": rejected")
    (entry,) = [e for e in corpus.merge_log if e.action is MergeAction.REJECTED]
    assert entry.sources == (SourceRef("bare.txt", odd),)


short_lines = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), min_size=1, max_size=79
).filter(lambda t: t.strip() and not t.lstrip().startswith(("{", "Subscribe", "Get trending")))


@SETTINGS
@given(st.lists(st.sampled_from(ABSTRACTS) | short_lines, min_size=1, max_size=12))
def test_bare_abstracts_account_for_every_line(lines) -> None:
    """With two abstracts per other line a file is bare abstracts: each abstract a record,
    each other line rejected at its own line."""
    abstracts = [n for n, line in enumerate(lines, 1) if line in ABSTRACTS]
    others = [n for n, line in enumerate(lines, 1) if line not in ABSTRACTS]
    if len(abstracts) < 2 * len(others):
        return  # not bare abstracts
    text = "\n".join(lines) + "\n"
    corpus = ingest_texts([("bare.txt", text.encode())])
    check_accounting(corpus)
    if corpus.files[0].format == "search-listing":
        return  # short lines and abstracts alternating: titles and their abstracts
    assert [f.format for f in corpus.files] == ["bare-abstracts"]
    assert sorted(s.line for p in corpus.papers for s in p.sources) == abstracts
    rejected = [e for e in corpus.merge_log if e.action is MergeAction.REJECTED]
    assert sorted(s.line for e in rejected for s in e.sources) == others


def test_a_file_of_mostly_other_lines_stays_unrecognised(ingest, accounted) -> None:
    """Two abstracts per other line make a bare-abstracts file; fewer do not, so a file of
    notes with a long line or two is still named and skipped, not read in pieces."""
    readable = ingest({"bare.txt": f"My reading list\n{ABSTRACT}\n{OTHER}\n"})
    assert [f.format for f in readable.files] == ["bare-abstracts"]
    notes = "\n".join(["Notes", "to do", ABSTRACT, OTHER, "see later", "done"]) + "\n"
    corpus = ingest({"notes.txt": notes})
    accounted(corpus)
    assert corpus.papers == ()
    assert [f.format for f in corpus.files] == ["unrecognised"]
    (problem,) = corpus.problems
    assert str(problem).startswith("notes.txt:1: error: unrecognised")
    assert "2 of its 6 lines read like abstracts: too few for bare abstracts" in str(problem)


def test_short_one_sentence_abstracts_among_abstracts_keep_the_file(ingest, accounted) -> None:
    """Lines like "We propose Short1Net, ... on three benchmarks." (80 to 150 characters),
    as many as the abstracts before them, made the whole file unrecognised, its papers
    skipped with it; each short one is now kept, warned about at its line. Sentences
    that say nothing a paper does (a note beside pasted abstracts) do not count."""
    short = [
        f"We propose Short{n}Net, a compact network for image segmentation that is faster "
        "than U-Net on three benchmarks."
        for n in range(3)
    ]
    corpus = ingest({"bare.txt": "\n".join([*ABSTRACTS, *short]) + "\n"})
    accounted(corpus)
    assert [(f.format, f.records, f.rejected) for f in corpus.files] == [("bare-abstracts", 6, 0)]
    warned = [p.source.line for p in corpus.problems if "may be truncated; kept" in p.message]
    assert warned == [4, 5, 6]
    titles = ingest({"titles.txt": "\n".join([*ABSTRACTS, *(s[:-1] for s in short)]) + "\n"})
    assert [f.format for f in titles.files] == ["unrecognised"]  # no full stop: titles
    notes = [
        "These are the papers Anna suggested for the related work section of the survey draft.",
        *ABSTRACTS,
        "Remember to check the licences of the datasets before we cite them in the draft.",
        "Remember to ask Ben whether the second benchmark is public or still under review.",
    ]
    noted = ingest({"notes.txt": "\n".join(notes) + "\n"})
    assert [f.format for f in noted.files] == ["unrecognised"] and noted.papers == ()


# --- daily listings: metadata lines with an invalid date or count --------------------------

DAILY_BAD_META = {
    # name: (metadata line, date kept, warnings at that line)
    "negative count": (
        "Sep 16, 2024 -5",
        PaperDate(2024, 9, 16),
        ["upvote count '-5' is not a count: left out"],
    ),
    "count in exponent notation": (
        "Sep 16, 2024 1e9",
        PaperDate(2024, 9, 16),
        ["upvote count '1e9' is not a count: left out"],
    ),
    "no such day and a huge count": (
        "Feb 30, 2024 99999999999999999999",
        None,
        [
            "invalid date 'Feb 30, 2024': date left out",
            "upvote count '99999999999999999999' is not a plausible count: left out",
        ],
    ),
    "five-digit year": ("Dec 17, 99999", None, ["invalid date 'Dec 17, 99999': date left out"]),
    "year zero": ("Sep 16, 0000", None, ["invalid date 'Sep 16, 0000': date left out"]),
    "no such day without a year": ("Sep 31", None, ["invalid date 'Sep 31': date left out"]),
}


@pytest.mark.parametrize("meta, date, warnings", DAILY_BAD_META.values(), ids=DAILY_BAD_META.keys())
def test_a_metadata_line_with_an_invalid_value_is_still_that_papers(
    ingest, accounted, meta, date, warnings
) -> None:
    text = (
        f"Daily Papers\n\nFirst Paper\n\n{ABSTRACT}\n\n  • 2 authors\n·\n{meta}\n\n"
        f"Second Paper\n\n{OTHER}\n\n  • 3 authors\n·\nMar 8, 2020 7\n"
    )
    corpus = ingest({"d.txt": text})
    accounted(corpus)
    by_title = {p.title: p for p in corpus.papers}
    assert set(by_title) == {"First Paper", "Second Paper"}  # no paper titled `Sep 16, …`
    first = by_title["First Paper"]
    assert (first.abstract, first.authors_count, first.published) == (ABSTRACT, 2, date)
    assert first.upvotes is None
    assert by_title["Second Paper"].upvotes == 7
    messages = [str(p) for p in corpus.problems]
    assert len(messages) == len(warnings)
    for message, expected in zip(messages, warnings, strict=True):
        assert message.startswith(f"d.txt:9: warning: {expected}")


months = st.sampled_from(["Jan", "Feb", "Sep", "Sept", "September", "dec", "Dec."])
years = st.sampled_from(["", ", 0000", ", 1899", ", 2024", ", 2100", ", 99999", ", 24"])
counts = st.sampled_from(["", "-5", "1e9", "5k", "1.5", "007", "9" * 30, "\u22123"]) | (
    st.integers(0, 10**12).map(str)
)


@SETTINGS
@given(months, st.integers(0, 99), years, counts)
def test_no_metadata_line_becomes_a_paper(month, day, year, count) -> None:
    """A metadata line, valid or not, is the metadata of the paper above it: never a
    paper, and what is left out of it is said at the metadata block."""
    meta = f"{month} {day}{year}" + (f" {count}" if count else "")
    text = (
        f"Daily Papers\n\nFirst Paper\n\n{ABSTRACT}\n\n  • 2 authors\n·\n{meta}\n\n"
        f"Second Paper\n\n{OTHER}\n"
    )
    corpus = ingest_texts([("d.txt", text.encode())], ReadOptions(listing_year=2025))
    check_accounting(corpus)
    assert {p.title for p in corpus.papers} == {"First Paper", "Second Paper"}
    first = next(p for p in corpus.papers if p.title == "First Paper")
    assert first.authors_count == 2
    assert all(p.source.line in (7, 9) for p in corpus.problems)  # the metadata block's
    assert all("title" not in p.message for p in corpus.problems)
    if first.published is None or (count and first.upvotes is None):
        assert corpus.problems  # a value left out is said


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sep 16, 2024 5", ListingDate(9, 16, 2024, 5)),
        ("Sept 16, 2024 -5", ListingDate(9, 16, 2024, None)),
        ("September 3 4k", ListingDate(9, 3, None, None)),
        ("Feb 29, 2023", None),
    ],
)
def test_read_date_line(text, expected) -> None:
    read = read_date_line(text)
    assert read is not None
    assert read.date == expected
    assert bool(read.problems) is (text != "Sep 16, 2024 5")


@pytest.mark.parametrize(
    "title", ["Decoder 2 ViT", "May 2 Be Enough", "Mamba 2", "March of Time 3", "Sep 16, 2024 rev"]
)
def test_titles_are_not_date_lines(ingest, title) -> None:
    """Only a month's name, a day, a year and a number-like count make a date line."""
    assert read_date_line(title) is None
    text = f"Daily Papers\n\n{title}\n\n{ABSTRACT}\n\n  • 2 authors\n·\nMar 8, 2020\n"
    assert [p.title for p in ingest({"d.txt": text}).papers] == [title]


# --- the page's `Load more` button ---------------------------------------------------------

LOAD_MORE_CASES = {
    "daily, its own block": (
        f"Daily Papers\n\nFirst Paper\n\n{ABSTRACT}\n\n  • 2 authors\n·\nMar 8, 2020\n\nLoad more\n"
    ),
    "daily, after a paper without metadata": (
        f"Daily Papers\n\nFirst Paper\n\n{ABSTRACT}\n\nLoad more\n\n"
    ),
    "daily, lost its blank line": (
        f"Daily Papers\n\nFirst Paper\n\n{ABSTRACT}\n\n  • 2 authors\n·\nMar 8, 2020\nLoad more\n"
    ),
    "search listing, end of the file": f"{HEADER}SubscribeFirst Paper\n{ABSTRACT}\nLoad more\n",
    "search listing, end of a page": (
        f"{HEADER}SubscribeFirst Paper\n{ABSTRACT}\nLoad more\n{HEADER}Second\n{OTHER}\n"
    ),
}


@pytest.mark.parametrize("text", LOAD_MORE_CASES.values(), ids=LOAD_MORE_CASES.keys())
def test_load_more_is_page_chrome(ingest, accounted, text) -> None:
    corpus = ingest({"l.txt": text})
    accounted(corpus)
    assert "Load more" not in {p.title for p in corpus.papers}
    assert "First Paper" in {p.title for p in corpus.papers}
    assert corpus.problems == ()
