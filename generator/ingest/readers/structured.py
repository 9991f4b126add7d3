"""Structured input for users with their own metadata: JSON Lines and CSV.

Recognised fields (case-insensitive): title, abstract (or summary), date (or published),
authors (a list, or a string separated by `;` or ` and `), authors_count, url, upvotes.

Every field is read as its kind. A title or abstract that is not text (a number, true,
an object, NaN) rejects its row, with the file and line; any other field of the wrong
kind is left out with a warning; a count written as text in JSON is read, with a warning.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from generator.ingest.dates import parse_date
from generator.ingest.pairing import make_record
from generator.ingest.readers.types import ReadOptions, ReadResult
from generator.ingest.source import SourceText
from generator.ingest.values import MAX_COUNT_DIGITS, whole_number, without_surrogates
from generator.model import (
    MergeAction,
    MergeEntry,
    PaperDate,
    Problem,
    Record,
    Severity,
    SourceRef,
)

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
    first = next((line.text for line in source.lines if line.text.strip()), "")
    dialect = "excel-tab" if "\t" in first else "excel"
    rows: list[tuple[int, Any]] = []
    problems: list[Problem] = []
    rejected: list[MergeEntry] = []
    header: list[str] | None = None
    for line, cells in _numbered_rows(source, dialect, problems, rejected):
        if header is None:
            header = cells
            _check_columns(header, line, source.file, problems)
            continue
        if len(cells) > len(header):
            _warn(source.file, line, "more cells than column names: extra cells ignored", problems)
        rows.append((line, dict(zip(header, cells, strict=False))))
    return _read_rows(source.file, rows, problems, rejected, texts_only=True)


def _check_columns(names: list[str], line: int, file: str, problems: list[Problem]) -> None:
    """Report a header row that names neither a title nor an abstract column."""
    columns = set(_normalise_keys(dict.fromkeys(names)))
    if not columns & {"title", "abstract"}:
        message = f"no title or abstract column (columns: {', '.join(map(repr, names[:10]))})"
        problems.append(Problem(SourceRef(file, line), Severity.ERROR, message))


def _numbered_rows(
    source: SourceText, dialect: str, problems: list[Problem], rejected: list[MergeEntry]
) -> Iterator[tuple[int, list[str]]]:
    """Yield (file line where the row starts, cells) for each row that holds any text.

    The parser is strict: a row it cannot read (an unterminated quote, text after a
    closing quote) is rejected at the line where it starts, and reading goes on from
    the next line, so one bad row never swallows the good rows after it.
    """
    lines = source.lines
    start = 0  # index into `lines` of the first line not read yet
    while start < len(lines):
        texts = (line.text + "\n" for line in lines[start:])
        reader = csv.reader(texts, dialect=dialect, strict=True)
        row_start = start
        try:
            for cells in reader:
                if any(cell.strip() for cell in cells):
                    yield lines[row_start].number, cells
                row_start = start + reader.line_num
            return
        except csv.Error as error:
            hint = " (an unterminated quote?)" if "end of data" in str(error) else ""
            message = f"CSV row cannot be read: {error}{hint}"
            _reject(source.file, lines[row_start].number, message, problems, rejected)
            start = row_start + 1


def _read_rows(
    file: str,
    rows: list[tuple[int, Any]],
    problems: list[Problem],
    rejected: list[MergeEntry],
    texts_only: bool = False,
) -> ReadResult:
    """Turn parsed rows into records. `texts_only`: every value is text (CSV), so a
    number written as text is what the format has, not a reason to warn."""
    records = []
    for line, row in rows:
        if not isinstance(row, Mapping):
            _reject(file, line, "not an object with named fields", problems, rejected)
            continue
        fields = _Fields(file, line, _normalise_keys(row), problems, texts_only)
        record = fields.record()
        if isinstance(record, str):
            _reject(file, line, record, problems, rejected)
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


class _WrongType(Exception):
    """A field holds a value of another kind than it must (a number for a title)."""


@dataclass
class _Fields:
    """The fields of one row, each read as its kind, with warnings at the row's line."""

    file: str
    line: int
    row: dict[str, Any]
    problems: list[Problem]
    texts_only: bool

    def record(self) -> Record | str:
        """The row's record, or why the row is rejected."""
        try:
            title, abstract = self.text("title"), self.text("abstract")
        except _WrongType as error:
            return str(error)
        if not title and not abstract:
            return "row has neither title nor abstract"
        if not abstract:
            self.warn("title with no abstract: kept without an abstract")
        record = make_record(self.file, self.line, title or None, abstract)
        authors = self.authors()
        return replace(
            record,
            authors=authors,
            authors_count=self.count("authors_count") or len(authors) or None,
            date=self.date(),
            upvotes=self.count("upvotes"),
            url=self.optional_text("url") or None,
        )

    def warn(self, message: str) -> None:
        _warn(self.file, self.line, message, self.problems)

    def text(self, name: str) -> str:
        """A text field; _WrongType for a value of another kind."""
        value = self.row.get(name)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise _WrongType(f"{name} must be text, not {_describe(value)}")
        text, replaced = without_surrogates(value.strip())
        if replaced:
            self.warn(f"{name} holds invalid characters (lone surrogates): replaced by U+FFFD")
        return text

    def optional_text(self, name: str) -> str:
        """A text field that is left out, with a warning, when it holds another kind."""
        try:
            return self.text(name)
        except _WrongType as error:
            self.warn(f"{error}: left out")
            return ""

    def authors(self) -> tuple[str, ...]:
        """Authors from a list of names or a `;`/` and `-separated string."""
        value = self.row.get("authors")
        if isinstance(value, list):
            names = []
            for item in value:
                if not isinstance(item, str):
                    self.warn(f"an author must be text, not {_describe(item)}: left out")
                    continue
                name, replaced = without_surrogates(item.strip())
                if replaced:
                    self.warn("an author's name holds invalid characters: replaced by U+FFFD")
                if name:
                    names.append(name)
            return tuple(names)
        text = self.optional_text("authors")
        if not text:
            return ()
        parts = text.split(";") if ";" in text else text.replace(" and ", ",").split(",")
        return tuple(p.strip() for p in parts if p.strip())

    def date(self) -> PaperDate | None:
        raw = self.optional_text("date")
        if not raw:
            return None
        date = parse_date(raw)
        if date is None:
            self.warn(f"unrecognised date {raw[:40]!r}: left out")
        return date

    def count(self, name: str) -> int | None:
        """A whole number; a number given as text in JSON is read, with a warning."""
        value = self.row.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            if 0 <= value < 10**MAX_COUNT_DIGITS:
                return value
            self.warn(f"{name} {_describe(value)} is not a plausible count: left out")
            return None
        if isinstance(value, str):
            number = whole_number(value)
            if number is None:
                self.warn(f"{name}: expected a whole number, got {value.strip()[:40]!r}: left out")
            elif not self.texts_only:
                self.warn(f"{name} given as text ({value.strip()!r}): read as the number {number}")
            return number
        self.warn(f"{name} must be a whole number, not {_describe(value)}: left out")
        return None


def _describe(value: Any) -> str:
    """What a JSON value is, for messages."""
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, float) and math.isnan(value):
        return "not-a-number (NaN)"
    if isinstance(value, float) and math.isinf(value):
        return "infinity"
    if isinstance(value, int | float):
        text = str(value)
        return f"a number ({text if len(text) <= 20 else text[:20] + '…'})"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _warn(file: str, line: int, message: str, problems: list[Problem]) -> None:
    problems.append(Problem(SourceRef(file, line), Severity.WARNING, message))


def _reject(
    file: str, line: int, message: str, problems: list[Problem], rejected: list[MergeEntry]
) -> None:
    problems.append(Problem(SourceRef(file, line), Severity.ERROR, f"{message}: rejected"))
    rejected.append(MergeEntry(MergeAction.REJECTED, "", (SourceRef(file, line),), message))
