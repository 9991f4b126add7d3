"""The rows of structured input (JSON Lines: jsonl.py; CSV: csv_table.py) as records.

Recognised fields (case-insensitive): title, abstract (or summary), date (or published),
authors (a list, or a string separated by `;` or ` and `), authors_count, url, upvotes.

Every field is read as its kind. A title or abstract that is not text (a number, true,
an object, NaN) rejects its row, with the file and line; any other field of the wrong
kind is left out with a warning; a count written as text in JSON is read, with a warning.
A field given twice (a repeated JSON key or CSV column, or `abstract` beside its alias
`summary`) keeps one value and says which, so no text goes missing without a word.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from generator.ingest.clean import clean_text, without_invisible
from generator.ingest.dates import parse_date
from generator.ingest.pairing import make_record
from generator.ingest.readers.types import ReadResult
from generator.ingest.values import MAX_COUNT_DIGITS, whole_number, without_surrogates
from generator.links import is_web_address
from generator.model import (
    MergeAction,
    MergeEntry,
    PaperDate,
    Problem,
    Record,
    Severity,
    SourceRef,
)
from generator.visible_text import has_visible_character

_ALIASES = {
    "summary": "abstract",
    "published": "date",
    "publication_date": "date",
    "n_authors": "authors_count",
    "link": "url",
}


# Control characters that text never holds (not tab, line breaks or separators, which
# become spaces): a JSON string may write them as escapes.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1b\x7f]")


@dataclass(frozen=True)
class LongNumber:
    """A JSON integer with more digits than Python converts (4,300): kept as its digits,
    so the field it is in is reported, not the whole row."""

    digits: str


def read_rows(
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
            reject(file, line, "not an object with named fields", problems, rejected)
            continue
        fields, ignored = normalise_keys(row)
        if not texts_only:  # a CSV file's header says this once, for every row
            for message in ignored:
                warn(file, line, message, problems)
        record = _Fields(file, line, fields, problems, texts_only).record()
        if isinstance(record, str):
            reject(file, line, record, problems, rejected)
        else:
            records.append(record)
    return ReadResult(tuple(records), tuple(problems), tuple(rejected))


def normalise_keys(row: Mapping[Any, Any]) -> tuple[dict[str, Any], list[str]]:
    """Lower-case field names and map common aliases to the canonical ones; the first
    name given for a field wins, and a message names each one left unread."""
    fields: dict[str, Any] = {}
    given_as: dict[str, str] = {}
    ignored: list[str] = []
    for key, value in row.items():
        name = str(key).strip().lower()
        field = _ALIASES.get(name, name)
        if field in fields:
            first, again = given_as[field], str(key)
            ignored.append(f"{first!r} and {again!r} both give the {field}: {again!r} ignored")
            continue
        fields[field] = value
        given_as[field] = str(key)
    return fields, ignored


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
        if not has_visible_character(title + abstract):
            return "title and abstract hold no visible characters"
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
            url=self.link("url"),
        )

    def warn(self, message: str) -> None:
        warn(self.file, self.line, message, self.problems)

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
        controls = sorted(set(_CONTROL_RE.findall(text)))
        if controls:  # JSON may write "\u0000"; cleaning removes them (ingest/clean.py)
            codes = ", ".join(f"U+{ord(c):04X}" for c in controls)
            self.warn(f"{name} holds control characters ({codes}): removed")
        return text

    def link(self, name: str) -> str | None:
        """A link field. One that is no web address is kept (the export has it) with a
        warning: pages do not link it (`javascript:`, `data:`, a bare word)."""
        url = without_invisible(self.optional_text(name))
        if url.strip() and not is_web_address(url):
            self.warn(f"{name} {url[:80]!r} is no http(s) address: not linked on pages")
        return url or None

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
                names.append(name)
        else:
            text = self.optional_text("authors")
            names = text.split(";") if ";" in text else text.replace(" and ", ",").split(",")
        # Cleaned as titles are: invisible and bidirectional characters go, LaTeX accents
        # are composed ({\"o} is ö).
        cleaned = [clean_text(name) for name in names]
        return tuple(name for name in cleaned if name)

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
        if isinstance(value, LongNumber):
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
    if isinstance(value, LongNumber):
        return f"a number ({value.digits[:20]}…, {len(value.digits):,} digits)"
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


def warn(file: str, line: int, message: str, problems: list[Problem]) -> None:
    problems.append(Problem(SourceRef(file, line), Severity.WARNING, message))


def reject(
    file: str, line: int, message: str, problems: list[Problem], rejected: list[MergeEntry]
) -> None:
    problems.append(Problem(SourceRef(file, line), Severity.ERROR, f"{message}: rejected"))
    rejected.append(MergeEntry(MergeAction.REJECTED, "", (SourceRef(file, line),), message))
