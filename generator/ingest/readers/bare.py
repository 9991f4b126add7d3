"""Bare abstracts: one abstract per line, no title and no metadata."""

from __future__ import annotations

from generator.ingest.pairing import (
    is_invisible,
    looks_like_abstract,
    make_record,
    short_abstract_message,
)
from generator.ingest.readers.types import ReadOptions, ReadResult
from generator.ingest.source import SourceText
from generator.model import MergeAction, MergeEntry, Problem, Severity, SourceRef

SHORT_ABSTRACT = 80


def read_bare_abstracts(source: SourceText, options: ReadOptions) -> ReadResult:
    """Read every non-blank line as one abstract, generating a title for it; a line too
    short to be one (a heading, a note, a cut-off abstract) is rejected at its line."""
    records = []
    problems = []
    rejected = []
    for line in source.lines:
        where = SourceRef(source.file, line.number)
        if not line.text.strip():
            continue
        if is_invisible(line.text):
            message = "line holds only invisible characters: ignored"
            problems.append(Problem(where, Severity.WARNING, message))
            continue
        if (length := len(line.text.strip())) < SHORT_ABSTRACT:
            reason = f"only {length} characters, too short for an abstract (a heading, a note?)"
            problems.append(Problem(where, Severity.WARNING, f"{reason}: rejected"))
            rejected.append(MergeEntry(MergeAction.REJECTED, "", (where,), reason))
            continue
        if not looks_like_abstract(line.text):
            message = short_abstract_message(line.text, "kept")
            problems.append(Problem(where, Severity.WARNING, message))
        records.append(make_record(source.file, line.number, None, line.text))
    return ReadResult(tuple(records), tuple(problems), tuple(rejected))
