"""Search listings: header lines, then title and abstract lines alternating."""

from __future__ import annotations

import re

from generator.ingest.pairing import Item, looks_like_abstract, pair_items
from generator.ingest.readers.types import ReadOptions, ReadResult
from generator.ingest.source import Line, SourceText

HEADER_RE = re.compile(r"^\s*(get trending papers\b.*|subscribe)\s*$", re.IGNORECASE)
# The first title is glued to the page's "Subscribe" button: "SubscribeInteractive ...".
_SUBSCRIBE = "Subscribe"
_TITLE_OPENERS = "0123456789\"'(["


def read_search_listing(source: SourceText, options: ReadOptions) -> ReadResult:
    """Read a search listing, pairing each title line with the abstract line after it."""
    items: list[Item] = []
    for line in source.lines:
        text = line.text.strip()
        if not text:
            continue
        if not items:  # the page's header, before the first paper
            if HEADER_RE.match(text):
                continue
            text = strip_subscribe(text)
        kind = "abstract" if looks_like_abstract(text) else "title"
        items.append(Item(kind, Line(line.number, text)))
    records, problems = pair_items(source.file, items)
    return ReadResult(tuple(records), tuple(problems))


def strip_subscribe(text: str) -> str:
    """Drop a `Subscribe` glued to a title (`SubscribeΑ-Nets`), not the start of `Subscriber`."""
    rest = text[len(_SUBSCRIBE) :]
    glued = rest[:1].isupper() or (rest[:1] != "" and rest[0] in _TITLE_OPENERS)
    return rest if text.startswith(_SUBSCRIBE) and glued else text
