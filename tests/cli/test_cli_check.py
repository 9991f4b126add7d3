"""`papersite check`: the data-quality report and its exit codes."""

from __future__ import annotations

import re

import pytest
from listing_texts import ABSTRACT, OTHER

GOOD = (
    f"Get trending papers in your email inbox!\nSubscribeGood One\n{ABSTRACT}\nGood Two\n{OTHER}\n"
)


def no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_check_on_the_bundled_corpus(run, bundled_project) -> None:
    result = run(bundled_project, "check")
    no_traceback(result)
    assert result.exit_code == 0, result.output
    out = result.stdout
    for line in [
        "000_2cf868ebae2d3eae.txt: bare-abstracts, 11 records",
        "001_d40257772ba45713.txt: search-listing, 118 records",
        "002_37f48f278cb7398b.txt: search-listing, 218 records",
        "003_529b8b2590b21ef5.txt: search-listing, 172 records",
        "004_585faca4712b7a6e.txt: daily-listing, 64 records",
    ]:
        assert line in out
    assert "Read 583 records into 554 papers: 29 merges, 1 multi-version papers" in out
    assert "Merged (29):" in out
    assert "Several versions (1):" in out
    assert "fully-convolutional-networks-for-semantic-segmentation: 2 different abstracts" in out
    assert "Possible duplicates (not merged) (5):" in out
    assert "Generated titles (11):" in out
    assert "Dates with an inferred year (14):" in out
    assert re.search(r"^  004_585faca4712b7a6e\.txt:\d+: warning: .*2025", out, re.MULTILINE)
    assert "Errors" not in out


def test_listing_year_option_removes_inferred_dates(run, project) -> None:
    paper = "\n\n{}\n\n{}\n\n  • 3 authors\n·\n{}\n"
    daily = "Daily Papers\n\nOct 30" + paper.format("Good One", ABSTRACT, "Oct 12, 2019 7")
    daily += paper.format("Good Two", OTHER, "Mar 8")
    root = project({"daily.txt": daily})
    inferred = run(root, "check")
    assert inferred.exit_code == 0
    assert "Dates with an inferred year (1):" in inferred.stdout
    result = run(root, "--listing-year", "2025", "check")
    assert result.exit_code == 0
    assert "Dates with an inferred year" not in result.stdout
    assert "Warnings" not in result.stdout


def test_check_with_a_bad_file_names_it_and_still_counts_good_records(run, project) -> None:
    root = project({"good.txt": GOOD, "bad.txt": "hello\nworld\n"})
    result = run(root, "check")
    no_traceback(result)
    assert result.exit_code == 1
    assert "good.txt: search-listing, 2 records" in result.stdout
    assert "bad.txt: unrecognised, 0 records, 1 rejected" in result.stdout
    assert "Read 3 records into 2 papers" in result.stdout
    assert "bad.txt:1: error: unrecognised format" in result.stdout
    assert "Error:" in result.stderr


@pytest.mark.parametrize(
    "name, content, where",
    [
        ("bad.jsonl", '{"title": "x", "abstract": "y"}\n{"title": \n', "bad.jsonl:2: error"),
        ("bad.txt", b"\x00\x01\x02\x03binary", "bad.txt:1: error: binary"),
        ("bad.txt", "", "bad.txt:1: error: empty file"),
    ],
)
def test_check_fails_on_rejected_input(run, project, name, content, where) -> None:
    result = run(project({"good.txt": GOOD, name: content}), "check")
    no_traceback(result)
    assert result.exit_code == 1
    assert where in result.stdout
    assert "good.txt: search-listing, 2 records" in result.stdout


def test_warnings_pass_check_but_fail_under_strict(run, project) -> None:
    root = project({"good.txt": GOOD + "Lonely Title\n"})
    result = run(root, "check")
    assert result.exit_code == 0
    assert "good.txt:6: warning: title with no abstract" in result.stdout
    strict = run(root, "--strict", "check")
    no_traceback(strict)
    assert strict.exit_code == 1
    assert "--strict" in strict.stderr


def test_strict_fails_on_a_bad_file(run, project) -> None:
    result = run(project({"good.txt": GOOD, "bad.txt": "hello\n"}), "--strict", "check")
    no_traceback(result)
    assert result.exit_code == 1
    assert "bad.txt:1: error" in result.stdout


def test_clean_corpus_passes_strict(run, project) -> None:
    result = run(project({"good.txt": GOOD}), "--strict", "check")
    assert result.exit_code == 0, result.output


def test_check_with_no_corpus_files_fails_clearly(run, project) -> None:
    result = run(project({}), "check")
    no_traceback(result)
    assert result.exit_code != 0
    assert "no corpus files" in result.stderr
