"""Dates as printed by listings (`Mar 8`, `Oct 12, 2021`, `Sep 16, 2024 5`) and in ISO form."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.ingest.values import whole_number
from generator.model import PaperDate

# Publication dates outside these years are misreadings (or jokes): left out. The upper
# bound also keeps the site's build date (the newest paper's) within what gzip and
# sitemaps can store.
FIRST_YEAR = 1900
LAST_YEAR = 2099

_MONTHS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}
_LISTING_DATE_RE = re.compile(
    r"^(?P<month>[A-Za-z]{3})[a-z]*\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?"
    r"(?:\s+(?P<upvotes>\d+))?$"
)
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
    if month is None or _checked(year or 2000, month, day, False) is None:
        return None
    upvotes = whole_number(match["upvotes"]) if match["upvotes"] else None
    odd = match["upvotes"] if match["upvotes"] and upvotes is None else ""
    return ListingDate(month=month, day=day, year=year, upvotes=upvotes, odd_upvotes=odd)


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
