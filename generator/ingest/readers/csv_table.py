"""CSV (or tab-separated) input whose first row names the columns, its rows read as
structured.py reads any row."""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Iterator
from typing import Any

from generator.ingest.pairing import rejected_lines
from generator.ingest.readers.structured import normalise_keys, read_rows, reject, warn
from generator.ingest.readers.types import ReadOptions, ReadResult
from generator.ingest.source import Line, SourceText
from generator.model import MergeEntry, Problem, Severity, SourceRef


def read_csv(source: SourceText, options: ReadOptions) -> ReadResult:
    """Read a CSV (or tab-separated) file whose first row names the columns."""
    first = next((line.text for line in source.lines if line.text.strip()), "")
    dialect = "excel-tab" if "\t" in first else "excel"
    rows: list[tuple[int, Any]] = []
    problems: list[Problem] = []
    rejected: list[MergeEntry] = []
    header: list[str] | None = None
    header_line = 0
    for line, cells in _numbered_rows(source, dialect, problems, rejected):
        if header is None:
            header, header_line = cells, line
            _check_columns(header, line, source.file, problems)
            continue
        if len(cells) > len(header):
            warn(source.file, line, "more cells than column names: extra cells ignored", problems)
        row: dict[str, str] = {}
        for name, cell in zip(header, cells, strict=False):
            row.setdefault(name, cell)
        rows.append((line, row))
    # (a blank file is reported before it is read; a row rejected is reported at its line)
    later = [s for e in (*rejected, *source.rejected) for s in e.sources if s.line > header_line]
    if header is not None and not rows and not later:
        warn(source.file, header_line, "only a header row: the file holds no papers", problems)
    return read_rows(source.file, rows, problems, rejected, texts_only=True)


def _check_columns(names: list[str], line: int, file: str, problems: list[Problem]) -> None:
    """Report a header row that names neither a title nor an abstract column, and columns
    whose values are not read because another column gives the same field."""
    for name in dict.fromkeys(n for i, n in enumerate(names) if n in names[:i]):
        warn(file, line, f"column {name!r} appears twice: the first is used", problems)
    columns, ignored = normalise_keys(dict.fromkeys(names))
    for message in ignored:
        warn(file, line, message, problems)
    if not set(columns) & {"title", "abstract"}:
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
    with _fields_up_to(sum(len(line.text) + 1 for line in lines)):
        yield from _rows_from(source, lines, dialect, problems, rejected)


@contextlib.contextmanager
def _fields_up_to(chars: int) -> Iterator[None]:
    """Let one CSV field be as long as the whole file (the csv module stops at 131,072
    characters, and the lines of a longer field would be read as rows of their own)."""
    previous = csv.field_size_limit()
    csv.field_size_limit(max(previous, chars + 1))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _rows_from(
    source: SourceText,
    lines: tuple[Line, ...],
    dialect: str,
    problems: list[Problem],
    rejected: list[MergeEntry],
) -> Iterator[tuple[int, list[str]]]:
    start = 0  # index into `lines` of the first line not read yet
    lost = rejected_lines(source)
    # A rejected line stands in as its quotes' parity, so that a cell it opens or closes
    # still does: the rows it belongs to are then rejected whole, not read in pieces.
    stand_ins = [Line(n, '"' if n in source.odd_quotes else "") for n in lost]
    lines = tuple(sorted([*lines, *stand_ins], key=lambda line: line.number))
    while start < len(lines):
        texts = (line.text + "\n" for line in lines[start:])
        reader = csv.reader(texts, dialect=dialect, strict=True)
        row_start = start
        try:
            for cells in reader:
                end = start + reader.line_num  # index of the line after the row
                first = lines[row_start].number
                over = [line.number for line in lines[row_start:end] if line.number in lost]
                rest = [line.number for line in lines[row_start:end] if line.number not in lost]
                if over and rest:
                    # A cell ran over (or began in) a line rejected as too long: the rest
                    # of the row goes too, never read as if whole.
                    message = (
                        f"CSV row runs over line {over[0]}, rejected (too long): "
                        "the row is rejected whole"
                    )
                    reject(source.file, rest[0], message, problems, rejected)
                elif not over and any(cell.strip() for cell in cells):
                    yield first, cells
                row_start = end
            return
        except csv.Error as error:
            if lines[row_start].number not in lost:  # (a rejected line is said once)
                hint = " (an unterminated quote?)" if "end of data" in str(error) else ""
                message = f"CSV row cannot be read: {error}{hint}"
                reject(source.file, lines[row_start].number, message, problems, rejected)
            start = row_start + 1
