"""Pair title lines with abstract lines (and optional metadata) into records.

Both listing formats are a run of title, abstract and (daily listings) metadata items.
Pairing by what a line looks like, not by position, keeps one truncated or missing
line from shifting every later title onto the wrong abstract.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.ingest.clean import clean_text
from generator.ingest.source import Line, SourceText
from generator.ingest.titles import split_sentences, title_from_abstract
from generator.model import PaperDate, Problem, Record, Severity, SourceRef
from generator.visible_text import has_visible_character

_WORD_RE = re.compile(r"\w")


def looks_like_abstract(text: str) -> bool:
    """True for prose of abstract length; False for a title-sized line."""
    text = text.strip()
    if len(text) >= 300:
        return True
    sentences = len(split_sentences(text))
    return len(text) >= 120 and sentences >= 2 and text[-1:] in ".!?)"


@dataclass(frozen=True)
class Metadata:
    """Metadata printed under a daily-listing paper."""

    line: int
    authors_count: int | None = None
    date: PaperDate | None = None
    upvotes: int | None = None


@dataclass(frozen=True)
class Item:
    """One classified piece of a listing: a title line, an abstract line or metadata."""

    kind: str  # "title" | "abstract" | "short-abstract" | "meta"
    line: Line
    meta: Metadata | None = None


def make_record(file: str, line: int, title: str | None, abstract: str) -> Record:
    """Build a cleaned record; without a title, generate one and flag it as inferred."""
    abstract = clean_text(abstract)
    cleaned_title = clean_text(title) if title else ""
    if cleaned_title:
        return Record(SourceRef(file, line), cleaned_title, abstract)
    generated = title_from_abstract(abstract) if abstract else "Untitled record"
    return Record(SourceRef(file, line), generated, abstract, title_inferred=True)


def settle_kinds(items: list[Item], rejected: frozenset[int] = frozenset()) -> list[Item]:
    """Re-read a title-sized line as a short abstract where the layout says it is one.

    A line after a title, not followed by an abstract, is that title's (short or
    truncated) abstract; a title followed by a title and then an abstract has none; a
    line after a rejected one (`rejected`: line numbers) follows no title.
    """
    settled: list[Item] = []
    for index, item in enumerate(items):
        after = items[index + 1] if index + 1 < len(items) else None
        if (
            item.kind == "title"
            and settled
            and settled[-1].kind == "title"
            and not _rejected_between(rejected, settled[-1].line.number, item.line.number)
            and (after is None or after.kind != "abstract")
        ):
            item = replace(item, kind="short-abstract")
        settled.append(item)
    return settled


def pair_items(
    file: str, items: list[Item], rejected: frozenset[int] = frozenset()
) -> tuple[list[Record], list[Problem]]:
    """Turn classified items into records, warning about every item that does not fit.
    `rejected`: the numbers of lines already rejected (too long), which a title's
    warning names when its abstract was one of them."""
    records: list[Record] = []
    problems: list[Problem] = []
    pending: Line | None = None
    with_metadata: dict[int, int] = {}  # records that have their metadata: its line

    def warn(line: int, message: str) -> None:
        problems.append(Problem(SourceRef(file, line), Severity.WARNING, message))

    def flush_title_without_abstract(context: str) -> None:
        assert pending is not None
        warn(pending.number, f"title with no abstract ({context}): kept without an abstract")
        records.append(make_record(file, pending.number, pending.text, ""))

    for item in settle_kinds(items, rejected):
        if item.kind != "meta" and is_invisible(item.line.text):
            warn(item.line.number, "line holds only invisible characters: ignored")
            continue
        lost = pending and _rejected_between(rejected, pending.number, item.line.number)
        if lost:  # its abstract line was rejected
            flush_title_without_abstract(f"the line after it, {lost}, was rejected")
            pending = None
        if item.kind == "short-abstract":
            warn(item.line.number, short_abstract_message(item.line.text))
        if item.kind == "title":
            if pending is not None:
                flush_title_without_abstract("next line is another title")
            pending = item.line
        elif item.kind in ("abstract", "short-abstract"):
            if pending is None:
                warn(item.line.number, "abstract with no title before it: title generated")
                records.append(make_record(file, item.line.number, None, item.line.text))
            else:
                records.append(make_record(file, pending.number, pending.text, item.line.text))
            pending = None
        else:
            if pending is not None:
                flush_title_without_abstract("metadata follows the title")
                pending = None
            if not records or item.meta is None:
                warn(item.line.number, "metadata with no paper before it: ignored")
                continue
            if len(records) in with_metadata:  # it silently replaced the first
                first = with_metadata[len(records)]
                warn(
                    item.line.number,
                    f"second metadata for the paper (first: line {first}): ignored",
                )
                continue
            with_metadata[len(records)] = item.line.number
            records[-1] = _with_metadata(records[-1], item.meta)
    if pending is not None:
        lost = _rejected_between(rejected, pending.number, float("inf"))
        flush_title_without_abstract(
            f"the line after it, {lost}, was rejected" if lost else "file ends after the title"
        )
    return records, problems


def _rejected_between(rejected: frozenset[int], after: int, before: float) -> int | None:
    """The first rejected line between two lines (exclusive), or None."""
    return min((n for n in rejected if after < n < before), default=None)


def rejected_lines(source: SourceText) -> frozenset[int]:
    """The numbers of a file's lines rejected as it was read (too long)."""
    return frozenset(ref.line for entry in source.rejected for ref in entry.sources)


def is_invisible(text: str) -> bool:
    """True for a line of zero-width, format and control characters only."""
    return _WORD_RE.search(text) is None and not has_visible_character(text)


def short_abstract_message(
    text: str, kept: str = "kept as the abstract of the title above it"
) -> str:
    """Warning for an abstract too short to look like one."""
    return f"abstract is only {len(text.strip())} characters long: may be truncated; {kept}"


def _with_metadata(record: Record, meta: Metadata) -> Record:
    """Attach metadata to the record it follows."""
    return replace(record, authors_count=meta.authors_count, date=meta.date, upvotes=meta.upvotes)
