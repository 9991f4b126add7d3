"""One reader per input format; each turns decoded lines into records and problems."""

from __future__ import annotations

from collections.abc import Callable

from generator.ingest.readers.bare import read_bare_abstracts
from generator.ingest.readers.csv_table import read_csv
from generator.ingest.readers.daily import read_daily_listing
from generator.ingest.readers.jsonl import read_jsonl
from generator.ingest.readers.search_listing import read_search_listing
from generator.ingest.readers.types import ReadOptions, ReadResult
from generator.ingest.source import SourceText

Reader = Callable[[SourceText, ReadOptions], ReadResult]

READERS: dict[str, Reader] = {
    "bare-abstracts": read_bare_abstracts,
    "search-listing": read_search_listing,
    "daily-listing": read_daily_listing,
    "jsonl": read_jsonl,
    "csv": read_csv,
}

__all__ = ["READERS", "ReadOptions", "ReadResult", "Reader"]
