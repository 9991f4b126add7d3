"""Search listings: header lines, then title and abstract lines alternating."""

from __future__ import annotations

import re

from generator.ingest.pairing import Item, looks_like_abstract, pair_items
from generator.ingest.readers.types import ReadOptions, ReadResult
from generator.ingest.source import Line, SourceText

HEADER_RE = re.compile(r"^\s*(get trending papers\b.*|subscribe)\s*$", re.IGNORECASE)
# The first title is glued to the page's "Subscribe" button: "SubscribeInteractive ...".
_SUBSCRIBE_PREFIX_RE = re.compile(r"^Subscribe(?=[A-Z0-9\"'(\[])")


def read_search_listing(source: SourceText, options: ReadOptions) -> ReadResult:
    """Read a search listing, pairing each title line with the abstract line after it."""
    items: list[Item] = []
    for line in source.lines:
        text = line.text.strip()
        if not text or HEADER_RE.match(text):
            continue
        text = _SUBSCRIBE_PREFIX_RE.sub("", text)
        kind = "abstract" if looks_like_abstract(text) else "title"
        items.append(Item(kind, Line(line.number, text)))
    records, problems = pair_items(source.file, items)
    return ReadResult(tuple(records), tuple(problems))
