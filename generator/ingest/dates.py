"""Dates as printed by listings (`Mar 8`, `Oct 12, 2021`, `Sep 16, 2024 5`) and in ISO form."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.ingest.values import whole_number
from generator.model import MONTH_ABBREVIATIONS, PaperDate

# Publication dates outside these years are misreadings (or jokes): left out. The upper
# bound also keeps the site's build date (the newest paper's) within what gzip and
# sitemaps can store.
FIRST_YEAR = 1900
LAST_YEAR = 2099

_MONTHS = {name.lower(): number for number, name in enumerate(MONTH_ABBREVIATIONS, start=1)}
_LISTING_DATE_RE = re.compile(
    r"^(?P<month>[A-Za-z]{3})[a-z]*\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?"
    r"(?:\s+(?P<upvotes>\d+))?$"
)
# The shape of a listing's date line, whatever its values: a month's name (`Sep`, `Sept`,
# `September`), a day, an optional year and an optional number-like upvote count.
_DATE_LINE_SHAPE_RE = re.compile(
    r"^(?P<date>(?P<month>[A-Za-z]+)\.?\s+(?P<day>[0-9]{1,2})(?:,\s*(?P<year>[0-9]+))?)"
    r"(?:\s+(?P<upvotes>[-+\u2212]?[0-9.,]*[0-9]\S*))?$"
)
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
_SHOWN = 20  # characters of an odd value quoted in a message
_ISO_DATE_RE = re.compile(
    r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ListingDate:
    """A date line of a listing; `year` is None when the listing left it out."""

    month: int
    day: int
    year: int | None
    upvotes: int | None
    odd_upvotes: str = ""  # an upvote count too long to be one, left out

    def resolve(self, year: int | None, inferred: bool) -> PaperDate | None:
        """Return the full date, using `year` when the listing printed none."""
        if self.year is not None:
            return _checked(self.year, self.month, self.day, False)
        if year is None:
            return None
        return _checked(year, self.month, self.day, inferred)


def parse_listing_date(text: str) -> ListingDate | None:
    """Parse `Mar 8`, `Oct 12, 2021` or `Sep 16, 2024 5` (date then upvotes); else None."""
    match = _LISTING_DATE_RE.match(text.strip())
    if not match:
        return None
    month = _MONTHS.get(match["month"].lower())
    day = int(match["day"])
    year = int(match["year"]) if match["year"] else None
    if month is None or _checked(2000 if year is None else year, month, day, False) is None:
        return None
    upvotes = whole_number(match["upvotes"]) if match["upvotes"] else None
    odd = match["upvotes"] if match["upvotes"] and upvotes is None else ""
    return ListingDate(month=month, day=day, year=year, upvotes=upvotes, odd_upvotes=odd)


@dataclass(frozen=True)
class DateLine:
    """A listing's date line as read: its date (None when invalid) and what was left out."""

    date: ListingDate | None
    problems: tuple[str, ...] = ()


def read_date_line(text: str) -> DateLine | None:
    """Read a listing's date line (`Sep 16, 2024 5`), also one whose date or upvote count
    is invalid (`Feb 30, 2024`, `Sep 16, 2024 -5`): the invalid part is left out and said
    so. None for a line that is not shaped like a date line."""
    text = text.strip()
    if (parsed := parse_listing_date(text)) is not None:
        odd = parsed.odd_upvotes
        return DateLine(parsed, (_odd_count_message(odd),) if odd else ())
    match = _DATE_LINE_SHAPE_RE.match(text)
    if match is None or (month := _month_number(match["month"])) is None:
        return None
    problems = []
    date: ListingDate | None = None
    if why := _invalid_date(month, match["day"], match["year"]):
        problems.append(f"invalid date {_quoted(match['date'])}: date left out ({why})")
    else:
        year = int(match["year"]) if match["year"] else None
        upvotes = whole_number(match["upvotes"] or "")
        date = ListingDate(month, int(match["day"]), year, upvotes)
    if match["upvotes"] and whole_number(match["upvotes"]) is None:
        problems.append(_odd_count_message(match["upvotes"]))
    return DateLine(date, tuple(problems))


def _month_number(word: str) -> int | None:
    """The month a month's name or abbreviation (`Sep`, `Sept`, `September`) names."""
    word = word.lower()
    if len(word) >= 3 and any(name.startswith(word) for name in _MONTH_NAMES):
        return _MONTHS.get(word[:3])
    return None


def _invalid_date(month: int, day: str, year: str | None) -> str:
    """Why a printed date is no date, else "": no such day, or an implausible year."""
    if year is not None and not (len(year) == 4 and FIRST_YEAR <= int(year) <= LAST_YEAR):
        return f"years {FIRST_YEAR}-{LAST_YEAR} only"
    if _checked(int(year or 2000), month, int(day), False) is None:
        return "no such day"
    return ""


def _odd_count_message(token: str) -> str:
    """Warning for an upvote count that is not a whole number of plausible size."""
    if token.isascii() and token.isdigit():
        return f"upvote count {_quoted(token)} is not a plausible count: left out"
    return f"upvote count {_quoted(token)} is not a count: left out"


def _quoted(text: str) -> str:
    """`text` quoted for a message, cut short when long."""
    return repr(text) if len(text) <= _SHOWN else repr(text[:_SHOWN]) + "…"


def parse_date(text: str) -> PaperDate | None:
    """Parse a full date given as ISO (`2021-10-12`) or as a listing prints it with a year."""
    text = text.strip()
    iso = _ISO_DATE_RE.match(text)
    if iso:
        if iso["hour"] and not _clock_time(iso["hour"], iso["minute"], iso["second"] or "0"):
            return None
        return _checked(int(iso["year"]), int(iso["month"]), int(iso["day"]), False)
    listing = parse_listing_date(text)
    if listing is None or listing.year is None:
        return None
    return listing.resolve(None, False)


def _clock_time(hour: str, minute: str, second: str) -> bool:
    """True for a time of day a clock shows (a leap second included)."""
    return int(hour) < 24 and int(minute) < 60 and int(second) <= 60


def _checked(year: int, month: int, day: int, inferred: bool) -> PaperDate | None:
    """Return a PaperDate when the calendar has that day in a plausible year, else None."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return PaperDate(year=year, month=month, day=day, year_inferred=inferred)
