"""What every reader takes and returns."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import MergeEntry, Problem, Record


@dataclass(frozen=True)
class ReadOptions:
    """Reader settings: the year of listings that print dates without one, if known."""

    listing_year: int | None = None


@dataclass(frozen=True)
class ReadResult:
    """Records read from one file, with the problems met and the input rejected."""

    records: tuple[Record, ...]
    problems: tuple[Problem, ...] = ()
    rejected: tuple[MergeEntry, ...] = ()
