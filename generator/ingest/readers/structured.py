"""Structured input for users with their own metadata: JSON Lines and CSV.

Recognised fields (case-insensitive): title, abstract (or summary), date (or published),
authors (a list, or a string separated by `;` or ` and `), authors_count, url, upvotes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from generator.ingest.dates import parse_date
from generator.ingest.pairing import make_record
from generator.ingest.readers.types import ReadOptions, ReadResult
from generator.ingest.source import SourceText
from generator.model import MergeAction, MergeEntry, Problem, Record, Severity, SourceRef

_ALIASES = {
    "summary": "abstract",
    "published": "date",
    "publication_date": "date",
    "n_authors": "authors_count",
    "link": "url",
}


def read_jsonl(source: SourceText, options: ReadOptions) -> ReadResult:
    """Read one JSON object per line."""
    rows: list[tuple[int, Any]] = []
    problems: list[Problem] = []
    rejected: list[MergeEntry] = []
    for line in source.lines:
        if not line.text.strip():
            continue
        try:
            rows.append((line.number, json.loads(line.text)))
        except RecursionError:
            _reject(source.file, line.number, "JSON nested too deeply", problems, rejected)
        except ValueError as error:  # JSONDecodeError, or a number too long to convert
            reason = error.msg if isinstance(error, json.JSONDecodeError) else "number too long"
            _reject(source.file, line.number, f"invalid JSON ({reason})", problems, rejected)
    return _read_rows(source.file, rows, problems, rejected)


def read_csv(source: SourceText, options: ReadOptions) -> ReadResult:
    """Read a CSV (or tab-separated) file whose first row names the columns."""
    numbers = [line.number for line in source.lines]
    text = "\n".join(line.text for line in source.lines)
    first = next((line.text for line in source.lines if line.text.strip()), "")
    dialect = "excel-tab" if "\t" in first else "excel"
    rows: list[tuple[int, Any]] = []
    problems: list[Problem] = []
    rejected: list[MergeEntry] = []
    header: list[str] | None = None
    for line, cells in _numbered_rows(text, dialect, numbers, source.file, problems, rejected):
        if header is None:
            header = cells
            _check_columns(header, line, source.file, problems)
            continue
        if len(cells) > len(header):
            _warn(source.file, line, "more cells than column names: extra cells ignored", problems)
        rows.append((line, dict(zip(header, cells, strict=False))))
    return _read_rows(source.file, rows, problems, rejected)


def _check_columns(names: list[str], line: int, file: str, problems: list[Problem]) -> None:
    """Report a header row that names neither a title nor an abstract column."""
    columns = set(_normalise_keys(dict.fromkeys(names)))
    if not columns & {"title", "abstract"}:
        message = f"no title or abstract column (columns: {', '.join(map(repr, names[:10]))})"
        problems.append(Problem(SourceRef(file, line), Severity.ERROR, message))


def _numbered_rows(
    text: str,
    dialect: str,
    numbers: list[int],
    file: str,
    problems: list[Problem],
    rejected: list[MergeEntry],
) -> Iterator[tuple[int, list[str]]]:
    """Yield (file line where the row starts, cells) for each row that holds any text.

    A CSV syntax error becomes a rejection of the rest of the file, never a traceback.
    """
    reader = csv.reader(io.StringIO(text), dialect=dialect)
    start = 1  # the parser's count of the line where the next row starts
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield _real_line(numbers, start), cells
            start = reader.line_num + 1
    except csv.Error as error:
        message = f"CSV error in the row starting here ({error}); this row and the rest of the file"
        _reject(file, _real_line(numbers, start), message, problems, rejected)


def _real_line(numbers: list[int], logical: int) -> int:
    """The file line number of the `logical`-th line handed to the CSV parser."""
    return numbers[min(logical, len(numbers)) - 1] if numbers else logical


def _read_rows(
    file: str, rows: list[tuple[int, Any]], problems: list[Problem], rejected: list[MergeEntry]
) -> ReadResult:
    """Turn parsed rows into records."""
    records = []
    for line, row in rows:
        if not isinstance(row, Mapping):
            _reject(file, line, "not an object with named fields", problems, rejected)
            continue
        record = _record_from_row(file, line, _normalise_keys(row), problems)
        if record is None:
            _reject(file, line, "row has neither title nor abstract", problems, rejected)
        else:
            records.append(record)
    return ReadResult(tuple(records), tuple(problems), tuple(rejected))


def _normalise_keys(row: Mapping[Any, Any]) -> dict[str, Any]:
    """Lower-case field names and map common aliases to the canonical ones."""
    fields: dict[str, Any] = {}
    for key, value in row.items():
        name = str(key).strip().lower()
        fields.setdefault(_ALIASES.get(name, name), value)
    return fields


def _record_from_row(
    file: str, line: int, row: dict[str, Any], problems: list[Problem]
) -> Record | None:
    """Build one record from a row, warning about values that cannot be used."""
    title, abstract = _text(row.get("title")), _text(row.get("abstract"))
    if not title and not abstract:
        return None
    if not abstract:
        _warn(file, line, "title with no abstract: kept without an abstract", problems)
    record = make_record(file, line, title or None, abstract)
    authors = _authors(row.get("authors"))
    date = None
    if raw_date := _text(row.get("date")):
        date = parse_date(raw_date)
        if date is None:
            _warn(file, line, f"unrecognised date {raw_date!r}: left out", problems)
    return replace(
        record,
        authors=authors,
        authors_count=_count(row.get("authors_count"), file, line, problems)
        or len(authors)
        or None,
        date=date,
        upvotes=_count(row.get("upvotes"), file, line, problems),
        url=_text(row.get("url")) or None,
    )


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _authors(value: Any) -> tuple[str, ...]:
    """Authors from a JSON list or a `;`/` and `-separated string."""
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if str(v).strip())
    text = _text(value)
    if not text:
        return ()
    parts = text.split(";") if ";" in text else text.replace(" and ", ",").split(",")
    return tuple(p.strip() for p in parts if p.strip())


def _count(value: Any, file: str, line: int, problems: list[Problem]) -> int | None:
    """A non-negative whole number, or None with a warning when the value is not one."""
    text = _text(value)
    if not text:
        return None
    if text.isdecimal():
        return int(text)
    _warn(file, line, f"expected a whole number, got {text!r}: left out", problems)
    return None


def _warn(file: str, line: int, message: str, problems: list[Problem]) -> None:
    problems.append(Problem(SourceRef(file, line), Severity.WARNING, message))


def _reject(
    file: str, line: int, message: str, problems: list[Problem], rejected: list[MergeEntry]
) -> None:
    problems.append(Problem(SourceRef(file, line), Severity.ERROR, f"{message}: rejected"))
    rejected.append(MergeEntry(MergeAction.REJECTED, "", (SourceRef(file, line),), message))
