"""Bare abstracts: one abstract per line, no title and no metadata."""

from __future__ import annotations

from generator.ingest.pairing import is_invisible, make_record
from generator.ingest.readers.types import ReadOptions, ReadResult
from generator.ingest.source import SourceText
from generator.model import Problem, Severity, SourceRef

_SHORT_ABSTRACT = 80


def read_bare_abstracts(source: SourceText, options: ReadOptions) -> ReadResult:
    """Read every non-blank line as one abstract, generating a title for it."""
    records = []
    problems = []
    for line in source.lines:
        if not line.text.strip():
            continue
        if is_invisible(line.text):
            message = "line holds only invisible characters: ignored"
            problems.append(Problem(SourceRef(source.file, line.number), Severity.WARNING, message))
            continue
        if (length := len(line.text.strip())) < _SHORT_ABSTRACT:
            message = f"only {length} characters, short for an abstract (truncated?): kept as one"
            problems.append(Problem(SourceRef(source.file, line.number), Severity.WARNING, message))
        records.append(make_record(source.file, line.number, None, line.text))
    return ReadResult(tuple(records), tuple(problems))
