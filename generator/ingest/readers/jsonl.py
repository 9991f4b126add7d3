"""JSON Lines input: one JSON object per line, its fields read as structured.py reads
any row."""

from __future__ import annotations

import json
from typing import Any

from generator.ingest.readers.structured import LongNumber, read_rows, reject, warn
from generator.ingest.readers.types import ReadOptions, ReadResult
from generator.ingest.source import SourceText
from generator.model import MergeEntry, Problem


def read_jsonl(source: SourceText, options: ReadOptions) -> ReadResult:
    """Read one JSON object per line."""
    rows: list[tuple[int, Any]] = []
    problems: list[Problem] = []
    rejected: list[MergeEntry] = []
    for line in source.lines:
        if not line.text.strip():
            continue
        repeated: list[str] = []
        try:
            row = json.loads(
                line.text, object_pairs_hook=_LastValue(repeated), parse_int=_whole_number
            )
        except RecursionError:
            reject(source.file, line.number, "JSON nested too deeply", problems, rejected)
            continue
        except ValueError as error:  # JSONDecodeError
            reason = error.msg if isinstance(error, json.JSONDecodeError) else str(error)
            reject(source.file, line.number, f"invalid JSON ({reason})", problems, rejected)
            continue
        for key in dict.fromkeys(repeated):
            message = f"field {key!r} given twice: the last is used"
            warn(source.file, line.number, message, problems)
        rows.append((line.number, row))
    return read_rows(source.file, rows, problems, rejected)


class _LastValue:
    """JSON object hook: a dict keeping the last value of a repeated key, as `json` does,
    noting the key so the reader can say so."""

    def __init__(self, repeated: list[str]) -> None:
        self.repeated = repeated

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for key, value in pairs:
            if key in row:
                self.repeated.append(key)
            row[key] = value
        return row


def _whole_number(digits: str) -> int | LongNumber:
    return int(digits) if len(digits.lstrip("-")) <= 4000 else LongNumber(digits)
