"""Bad input: a clear message naming file and line, never a traceback, good records still read."""

from __future__ import annotations

import json

import pytest
from listing_texts import ABSTRACT, HEADER, OTHER

from generator.model import MergeAction, PaperDate, Severity, SourceRef

GOOD = (
    "Get trending papers in your email inbox!\n"
    f"SubscribeGood Paper One\n{ABSTRACT}\nGood Paper Two\n{OTHER}\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4

BAD_CASES = {
    # name: (file name, content, line of the message, severity, words of the message)
    "unrecognised file": ("bad.txt", b"hello\nworld\n", 1, Severity.ERROR, "unrecognised format"),
    "unrecognised after blank lines": ("bad.txt", b"\n\nhello\n", 3, Severity.ERROR, "'hello'"),
    "empty file": ("bad.txt", b"", 1, Severity.ERROR, "empty file"),
    "blank file": ("bad.txt", b"\n \n\t\n", 1, Severity.ERROR, "empty file"),
    "binary file": ("bad.txt", PNG, 2, Severity.ERROR, "binary"),  # \x1a after \r\n
    "binary after text": ("bad.txt", b"text\nmore text\n\x00\x01\x02", 3, Severity.ERROR, "binary"),
    "non-UTF-8 line": (
        "bad.txt",
        (HEADER + "A Caf\xe9 Paper\n" + ABSTRACT + "\n").encode("cp1252"),
        2,
        Severity.WARNING,
        "not valid UTF-8",
    ),
    "truncated daily abstract": (
        "bad.txt",
        (
            f"Daily Papers\n\nFirst\n\n{ABSTRACT}\n\n  • 2 authors\n·\nMar 8, 2020\n\n"
            "Cut\n\nWe propose a"
        ).encode(),
        13,
        Severity.WARNING,
        "truncated",
    ),
    "truncated daily metadata": (
        "bad.txt",
        f"Daily Papers\n\nFirst\n\n{ABSTRACT}\n\n  • 2 au".encode(),
        7,
        Severity.WARNING,
        "unreadable metadata line '• 2 au'",
    ),
    "truncated line among bare abstracts": (
        "bad.txt",
        "".join(f"{ABSTRACT} Variant {n}.\n" for n in range(4)).encode() + b"We propose a way to\n",
        5,
        Severity.WARNING,
        "only 19 characters",
    ),
    "truncated abstract in a search listing": (
        "bad.txt",
        (HEADER + f"A Title\nWe propose a\nB Title\n{ABSTRACT}\n").encode(),
        3,
        Severity.WARNING,
        "may be truncated",
    ),
    "title with no abstract": (
        "bad.txt",
        (HEADER + f"Lonely Title\nAnother Title\n{ABSTRACT}\n").encode(),
        2,
        Severity.WARNING,
        "title with no abstract",
    ),
    "title at the end of the file": (
        "bad.txt",
        (HEADER + f"A Title\n{ABSTRACT}\nLast Title\n").encode(),
        4,
        Severity.WARNING,
        "file ends after the title",
    ),
    "1 MB line": (
        "bad.txt",
        (HEADER + f"A Title\n{ABSTRACT}\nHuge\n" + "x" * 1_000_000 + "\n").encode(),
        5,
        Severity.ERROR,
        "1,000,000 characters",
    ),
    "bad JSON line": (
        "bad.jsonl",
        (json.dumps({"title": "A Title", "abstract": ABSTRACT}) + '\n{"title": "Broken\n').encode(),
        2,
        Severity.ERROR,
        "invalid JSON",
    ),
    "JSON line that is not an object": (
        "bad.jsonl",
        (json.dumps({"title": "A Title", "abstract": ABSTRACT}) + "\n[1, 2]\n").encode(),
        2,
        Severity.ERROR,
        "not an object",
    ),
    "deeply nested JSON": (
        "bad.jsonl",
        (
            json.dumps({"title": "A Title", "abstract": ABSTRACT})
            + '\n{"a": '
            + "[" * 50_000
            + "\n"
        ).encode(),
        2,
        Severity.ERROR,
        "nested too deeply",
    ),
    "JSON title a number too long to read": (
        "bad.txt",
        b'{"title": ' + b"9" * 5000 + b"}\n",
        1,
        Severity.ERROR,
        "title must be text, not a number (99999999999999999999…, 5,000 digits): rejected",
    ),
    "CSV row with no abstract value": (
        "bad.csv",
        f'title,abstract\nA Title,"{ABSTRACT}"\nNo Abstract,\n'.encode(),
        3,
        Severity.WARNING,
        "title with no abstract",
    ),
    "CSV with no abstract column": (
        "bad.csv",
        b"title,date\nA Title,2020-01-01\nB Title,\n",
        3,
        Severity.WARNING,
        "title with no abstract",
    ),
    "CSV with neither title nor abstract column": (
        "bad.csv",
        b"\nname,text\nA Title,some text\n",
        2,
        Severity.ERROR,
        "no title or abstract column (columns: 'name', 'text')",
    ),
    "CSV cell with a line over the line limit": (
        "bad.csv",
        ('title,abstract\nA Title,"' + ABSTRACT + '"\nHuge,"' + "y" * 100_001 + '\n"\n').encode(),
        3,
        Severity.ERROR,
        "line is 100,007 characters long",
    ),
    "JSON count that is not a number": (
        "bad.jsonl",
        json.dumps({"title": "A Title", "abstract": ABSTRACT, "upvotes": "²"}).encode(),
        1,
        Severity.WARNING,
        "expected a whole number",
    ),
}


@pytest.mark.parametrize(
    "name, data, line, severity, words", BAD_CASES.values(), ids=BAD_CASES.keys()
)
def test_bad_input_is_reported_at_its_file_and_line(
    ingest, accounted, name, data, line, severity, words
) -> None:
    corpus = ingest({"good.txt": GOOD, name: data})
    accounted(corpus)
    messages = [str(p) for p in corpus.problems if p.source.file == name]
    expected = f"{name}:{line}: {severity}: "
    assert any(m.startswith(expected) and words in m for m in messages), messages
    # the good file is read in full, whatever happened to the bad one
    good = [p for p in corpus.papers if p.sources[0].file == "good.txt"]
    assert sorted(p.title for p in good) == ["Good Paper One", "Good Paper Two"]
    assert [f.records for f in corpus.files if f.file == "good.txt"] == [2]
    assert not [p for p in corpus.problems if p.source.file == "good.txt"]


def test_rejected_input_is_in_the_merge_log(ingest) -> None:
    corpus = ingest({"good.txt": GOOD, "bad.txt": b"hello\n", "bad.jsonl": b'{"x": \n'})
    rejected = [e for e in corpus.merge_log if e.action is MergeAction.REJECTED]
    assert sorted(e.sources for e in rejected) == [
        (SourceRef("bad.jsonl", 1),),
        (SourceRef("bad.txt", 1),),
    ]
    assert corpus.has_errors()
    summary = {f.file: (f.format, f.records, f.rejected) for f in corpus.files}
    assert summary["bad.txt"] == ("unrecognised", 0, 1)
    assert summary["bad.jsonl"] == ("jsonl", 0, 1)


def test_records_around_bad_lines_are_still_read(ingest) -> None:
    text = HEADER + f"A Title\n{ABSTRACT}\nHuge\n" + "x" * 1_000_000 + f"\nB Title\n{OTHER}\n"
    corpus = ingest({"s.txt": text})
    assert {p.title: p.abstract for p in corpus.papers} == {
        "A Title": ABSTRACT,
        "Huge": "",  # its abstract was rejected: kept without one, with a warning
        "B Title": OTHER,
    }
    assert [str(p.source) for p in corpus.problems] == ["s.txt:4", "s.txt:5"]
    (warning,) = [str(p) for p in corpus.problems if p.severity is Severity.WARNING]
    assert "(the line after it, 5, was rejected)" in warning  # the line, not a guess


@pytest.mark.parametrize("tail", ["", "B Title\nShort but real abstract of cells here.\n"])
def test_a_rejected_abstract_line_leaves_its_title_alone(ingest, tail: str) -> None:
    """The rejected line was "file ends after the title", or the next title was read as
    the first one's short abstract and the next abstract as a title."""
    text = HEADER + f"A Title\n{ABSTRACT}\nHuge\n" + "x " * 60_000 + "\n" + tail
    corpus = ingest({"s.txt": text})
    titles = {p.title: p.abstract for p in corpus.papers}
    assert titles["Huge"] == "" and titles["A Title"] == ABSTRACT
    if tail:
        assert titles["B Title"] == "Short but real abstract of cells here."
    warnings = [str(p) for p in corpus.problems if p.severity is Severity.WARNING]
    assert "s.txt:4: warning: title with no abstract (the line after it, 5, was rejected)" in (
        " ".join(warnings)
    )


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_a_stray_carriage_return_is_a_space_not_a_line_break(ingest, ending: str) -> None:
    """Split at the CR, an abstract of bare abstracts was cut in two: its tail became a
    title and the file read as a search listing, every later line number one off."""
    abstracts = [f"{ABSTRACT} Variant {n}." for n in range(4)]
    abstracts[0] = abstracts[0].replace(" Variant 0.", " Variant\r0.")
    corpus = ingest({"b.txt": ending.join(abstracts) + ending})
    assert corpus.files[0].format == "bare-abstracts"
    assert sorted(str(s) for p in corpus.papers for s in p.sources) == [
        f"b.txt:{n}" for n in range(1, 5)
    ]
    assert any(p.abstract.endswith("Variant 0.") for p in corpus.papers)
    (warning,) = [p for p in corpus.problems if "carriage return" in p.message]
    assert str(warning.source) == "b.txt:1"


@pytest.mark.parametrize(
    "ends",
    [
        ["\r"] * 4,  # classic Mac
        ["\r", "\r", "\r", "\r\n"],  # with a final CRLF
        ["\r", "\r", "\n", "\n"],  # a CR file joined to an LF one
    ],
)
def test_a_file_of_carriage_return_line_ends_is_split_at_them(ingest, ends: list[str]) -> None:
    corpus = ingest(
        {"b.txt": "".join(f"{ABSTRACT} Variant {n}.{end}" for n, end in enumerate(ends))}
    )
    assert len(corpus.papers) == 4 and not corpus.problems


def test_an_old_excel_csv_ends_rows_with_cr_and_breaks_cells_with_lf(ingest) -> None:
    rows = [f'"P{n}","{ABSTRACT}\nVariant {n}."' for n in range(2)]
    corpus = ingest({"c.csv": "title,abstract\r" + "\r".join(rows) + "\r"})
    assert sorted(p.title for p in corpus.papers) == ["P0", "P1"]
    assert all(p.abstract.endswith(f"Variant {p.title[1]}.") for p in corpus.papers)


def test_a_file_of_short_abstracts_is_read_each_warned_about(ingest) -> None:
    """One-sentence abstracts of under 300 characters: the file was skipped whole."""
    sentence = (
        "We study deep neural networks for image segmentation and evaluate them on several "
        "benchmarks with careful ablations of the training procedure and the losses used"
    )
    corpus = ingest({"b.txt": "".join(f"{sentence} {n}.\n" for n in range(4)) + "Short note\n"})
    assert len(corpus.papers) == 4
    warned = sorted(p.source.line for p in corpus.problems if "may be truncated; kept" in p.message)
    assert warned == [1, 2, 3, 4]
    (rejected,) = [p for p in corpus.problems if "too short for an abstract" in p.message]
    assert rejected.source.line == 5


def test_non_utf8_line_is_read_as_windows_1252(ingest) -> None:
    data = (HEADER + "A Caf\xe9 Paper \u2013 Na\xefve\n" + ABSTRACT + "\n").encode("cp1252")
    corpus = ingest({"s.txt": data})
    assert [p.title for p in corpus.papers] == ["A Café Paper – Naïve"]


def test_truncated_daily_abstract_is_kept_with_its_title(ingest) -> None:
    text = (
        f"Daily Papers\n\nFirst\n\n{ABSTRACT}\n\n  • 2 authors\n·\nMar 8, 2020\n\n"
        "Cut Short\n\nWe propose a method that\n\n  • 3 authors\n·\nMar 9, 2020\n"
    )
    corpus = ingest({"d.txt": text})
    cut = next(p for p in corpus.papers if p.title == "Cut Short")
    assert cut.abstract == "We propose a method that"
    assert cut.authors_count == 3
    assert len(corpus.papers) == 2


def test_truncated_metadata_creates_no_paper(ingest) -> None:
    text = f"Daily Papers\n\nFirst\n\n{ABSTRACT}\n\n  • 2 authors\n·\nMa\n\nSecond\n\n{OTHER}\n"
    corpus = ingest({"d.txt": text})
    assert sorted(p.title for p in corpus.papers) == ["First", "Second"]
    first = next(p for p in corpus.papers if p.title == "First")
    assert first.authors_count == 2 and first.published is None
    assert [str(p.source) for p in corpus.problems] == ["d.txt:9"]


def test_a_second_metadata_block_is_named_and_the_first_kept(ingest) -> None:
    """The second silently replaced the first (authors, date and upvotes)."""
    text = (
        f"Daily Papers\n\nFirst\n\n{ABSTRACT}\n\n  • 3 authors\n·\nMar 8, 2024\n\n"
        "  • 5 authors\n·\nApr 9, 2023\n"
    )
    corpus = ingest({"d.txt": text})
    (paper,) = corpus.papers
    assert (paper.authors_count, paper.published) == (3, PaperDate(2024, 3, 8))
    assert [f"{p.source}: {p.message}" for p in corpus.problems] == [
        "d.txt:11: second metadata for the paper (first: line 7): ignored"
    ]


def test_metadata_block_that_lost_its_blank_line_keeps_the_next_title(ingest) -> None:
    text = (
        f"Daily Papers\n\nFirst\n\n{ABSTRACT}\n\n  • 2 authors\n·\nMar 8, 2020\n"
        f"Second Paper Title\n\n{OTHER}\n"
    )
    corpus = ingest({"d.txt": text})
    assert {p.title: p.authors_count for p in corpus.papers} == {
        "First": 2,
        "Second Paper Title": None,
    }


def test_unreadable_file_on_disk_is_rejected(tmp_path) -> None:
    from generator.ingest import ingest_files

    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    corpus = ingest_files([good, tmp_path / "missing.txt"])
    assert len(corpus.papers) == 2
    assert [str(p.source) for p in corpus.problems] == ["missing.txt"]
    assert "cannot read file" in corpus.problems[0].message
    assert corpus.records_read == 3  # the two papers and the rejected file


def test_files_with_the_same_name_are_named_by_their_path(tmp_path) -> None:
    """Pages and messages said `listing.txt:3` for either file (a warning said the
    sources were ambiguous); they name each by its path in the project now."""
    from generator.ingest import ingest_files

    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "listing.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "other.txt").write_text("", encoding="utf-8")
    files = [
        tmp_path / "two" / "listing.txt",
        tmp_path / "other.txt",
        tmp_path / "one" / "listing.txt",
    ]
    corpus = ingest_files(files, root=tmp_path)
    names = sorted(f.file for f in corpus.files)
    assert names == ["one/listing.txt", "other.txt", "two/listing.txt"]
    (tmp_path / "three").mkdir()  # a link is named as written, not as what it points to
    (tmp_path / "three" / "listing.txt").symlink_to(tmp_path / "two" / "listing.txt")
    linked = ingest_files([*files, tmp_path / "three" / "listing.txt"], root=tmp_path)
    assert "three/listing.txt" in {f.file for f in linked.files}
    sources = {str(s) for paper in corpus.papers for s in paper.sources}
    assert {s.split(":")[0] for s in sources} == {"one/listing.txt", "two/listing.txt"}
    assert [p.source.file for p in corpus.problems] == ["other.txt"]  # empty, by its name


def test_a_binary_file_is_judged_by_its_start_without_reading_it_whole(tmp_path) -> None:
    from generator.ingest.pipeline import read_corpus_file

    blob = tmp_path / "video.txt"
    blob.write_bytes(bytes(range(32)) * 1000 + b"x" * 10_000_000)
    assert len(read_corpus_file(blob)) == 8192
    text = tmp_path / "good.txt"
    text.write_text(GOOD * 500, encoding="utf-8")
    assert read_corpus_file(text) == text.read_bytes()


def test_a_corpus_file_over_the_size_limit_is_named_and_skipped(tmp_path, monkeypatch) -> None:
    from generator.ingest import ingest_files, pipeline

    monkeypatch.setattr(pipeline, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text(GOOD * 10, encoding="utf-8")
    corpus = ingest_files([big])
    assert corpus.papers == ()
    (problem,) = corpus.problems
    assert str(problem.source) == "big.txt"
    assert "more than the 0 MiB a corpus file may be" in problem.message
    assert corpus.records_read == 1
