"""Daily listings: blank-line separated blocks of title, abstract and `• N authors · date`."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.ingest.dates import ListingDate, parse_listing_date, read_date_line
from generator.ingest.pairing import Item, Metadata, looks_like_abstract, pair_items, rejected_lines
from generator.ingest.readers.types import ReadOptions, ReadResult
from generator.ingest.source import Line, SourceText
from generator.ingest.values import whole_number
from generator.model import Problem, Severity, SourceRef

_AUTHORS_RE = re.compile(r"^[•*·-]?\s*(\d+)\s+authors?$", re.IGNORECASE)
_SEPARATOR = "·"
_BULLET = "•"
_SHORT_META = 12  # a line this short inside a metadata block is a cut-off piece of it
PAGE_FURNITURE = frozenset(
    {
        "new",
        "get trending papers in your email inbox!",
        "get trending papers in your email inbox once a day!",
        "subscribe",
        "daily papers",
        "byak and the research community",
        "load more",  # the button under a page's last paper
    }
)
# Chrome that could also be a paper's title: skipped only above the first paper or
# beside chrome no title could be.
_MAYBE_TITLES = frozenset({"new", "subscribe"})
_SURE, _MAYBE = "sure", "maybe"


@dataclass(frozen=True)
class _RawMeta:
    """Metadata before its date's year is known."""

    line: int
    authors_count: int | None
    date: ListingDate | None


def read_daily_listing(source: SourceText, options: ReadOptions) -> ReadResult:
    """Read a daily listing, attaching each metadata block to the paper above it."""
    items: list[Item] = []
    raw_meta: dict[int, _RawMeta] = {}
    problems: list[Problem] = []
    blocks = _blocks(source.lines)
    chrome = [_chrome(block) for block in blocks]
    in_header = True
    for number, block in enumerate(blocks):
        texts = [line.text.strip() for line in block]
        beside = chrome[number - 1 : number] + chrome[number + 1 : number + 2]
        if chrome[number] == _SURE or (chrome[number] and (not items or _SURE in beside)):
            in_header = True  # a page's header (two pages pasted into one file: anywhere)
            continue
        if in_header and len(texts) == 1 and parse_listing_date(texts[0]):
            continue  # the listing's own date, in the page header
        in_header = False
        meta, rest = _parse_meta(source.file, block, problems)
        if meta is not None:
            raw_meta[len(items)] = meta
            items.append(Item("meta", block[0], Metadata(line=meta.line)))
        for line in rest:
            if _chrome([line]) == _SURE:
                continue  # the page's own line that lost its blank line (`Load more`)
            kind = "abstract" if looks_like_abstract(line.text) else "title"
            items.append(Item(kind, Line(line.number, line.text.strip())))
    metas = list(raw_meta.values())
    year, inferred = _listing_year(source.file, metas, options, problems)
    items = [_resolved(i, item, raw_meta, year, inferred) for i, item in enumerate(items)]
    records, pairing_problems = pair_items(source.file, items, rejected_lines(source))
    problems.extend(pairing_problems)
    problems.extend(_lost_dates(source.file, metas, year))
    return ReadResult(tuple(records), tuple(problems))


def _chrome(block: list[Line]) -> str:
    """_SURE for a block of the listing page's own lines, _MAYBE when they are all
    words a title could be ("New"), "" for content."""
    texts = {line.text.strip().lower() for line in block}
    if not texts <= PAGE_FURNITURE:
        return ""
    return _MAYBE if texts <= _MAYBE_TITLES else _SURE


def _blocks(lines: tuple[Line, ...]) -> list[list[Line]]:
    """Split lines into blank-line separated blocks."""
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if line.text.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _parse_meta(
    file: str, block: list[Line], problems: list[Problem]
) -> tuple[_RawMeta | None, list[Line]]:
    """Split a block into its metadata (`• 2 authors`, `·`, `Mar 8`) and the lines after it.

    A block that does not open with metadata is all text. A line the metadata does not
    explain is a truncated metadata line when short or bulleted (warned about), otherwise
    the start of text that lost its blank line (returned for reading as title/abstract).
    """
    authors: int | None = None
    date: ListingDate | None = None
    saw_marker = False
    for index, line in enumerate(block):
        text = line.text.strip()
        if match := _AUTHORS_RE.match(text):
            authors, saw_marker = whole_number(match[1]), True
            if authors is None:
                message = f"author count {match[1][:20]!r}… is not a plausible count: left out"
                problems.append(Problem(SourceRef(file, line.number), Severity.WARNING, message))
        elif text == _SEPARATOR:
            saw_marker = True
        elif (date_line := read_date_line(text)) is not None:
            date, saw_marker = date_line.date, True  # an invalid date is still this line's
            for message in date_line.problems:
                problems.append(Problem(SourceRef(file, line.number), Severity.WARNING, message))
        elif _broken_meta(text, first=index == 0) and _chrome([line]) != _SURE:
            message = f"unreadable metadata line {text!r} (truncated?): ignored"
            problems.append(Problem(SourceRef(file, line.number), Severity.WARNING, message))
            saw_marker = True
        elif index == 0 or not (saw_marker or date is not None):
            return None, block
        else:
            return _RawMeta(block[0].number, authors, date), block[index:]
    if not saw_marker and date is None:
        return None, block
    return _RawMeta(line=block[0].number, authors_count=authors, date=date), []


def _broken_meta(text: str, first: bool) -> bool:
    """True for a line that can only be a cut-off piece of metadata."""
    return text.startswith(_BULLET) or (not first and len(text) <= _SHORT_META)


def _listing_year(
    file: str, metas: list[_RawMeta], options: ReadOptions, problems: list[Problem]
) -> tuple[int | None, bool]:
    """Year for dates printed without one: configured, else inferred from dated papers."""
    if options.listing_year is not None:
        return options.listing_year, False
    years = [m.date.year for m in metas if m.date and m.date.year]
    if not years or not any(m.date and m.date.year is None for m in metas):
        return None, False
    inferred = max(years) + 1
    yearless = [m.line for m in metas if m.date and m.date.year is None]
    counted = "a date" if len(yearless) == 1 else f"{len(yearless)} dates (the first here)"
    message = (
        f"{counted} without a year read as {inferred}, one "
        "after the newest year printed; set listing_year in papersite.yml to be sure"
    )
    problems.append(Problem(SourceRef(file, yearless[0]), Severity.WARNING, message))
    return inferred, True


def _resolved(
    index: int, item: Item, raw_meta: dict[int, _RawMeta], year: int | None, inferred: bool
) -> Item:
    """Give a metadata item its full date now that the listing year is known."""
    raw = raw_meta.get(index)
    if raw is None:
        return item
    date = raw.date.resolve(year, inferred) if raw.date else None
    upvotes = raw.date.upvotes if raw.date else None
    meta = Metadata(line=raw.line, authors_count=raw.authors_count, date=date, upvotes=upvotes)
    return replace(item, meta=meta)


def _lost_dates(file: str, metas: list[_RawMeta], year: int | None) -> list[Problem]:
    """Warn about each date left out: its year is unknown, or that year has no such day."""
    problems = []
    for meta in metas:
        if meta.date is None or meta.date.resolve(year, False) is not None:
            continue
        if year is None:
            message = "date has no year and none could be inferred: left out; set listing_year"
        else:
            message = f"date {meta.date.month}/{meta.date.day} does not exist in {year}: left out"
        problems.append(Problem(SourceRef(file, meta.line), Severity.WARNING, message))
    return problems
