"""Search listings: header lines, then title and abstract lines alternating."""

from __future__ import annotations

import re

from generator.ingest.pairing import Item, looks_like_abstract, pair_items, rejected_lines
from generator.ingest.readers.types import ReadOptions, ReadResult
from generator.ingest.source import Line, SourceText

HEADER_RE = re.compile(r"^\s*(get trending papers\b.*|subscribe)\s*$", re.IGNORECASE)
# The first title is glued to the page's "Subscribe" button: "SubscribeInteractive ...".
_SUBSCRIBE = "Subscribe"
_TITLE_OPENERS = "0123456789\"'(["
_LOAD_MORE = "load more"  # the button under a page's last paper


def read_search_listing(source: SourceText, options: ReadOptions) -> ReadResult:
    """Read a search listing, pairing each title line with the abstract line after it."""
    items: list[Item] = []
    after_header = True  # the file's start, or a page header line just above
    lines = [line for line in source.lines if line.text.strip()]
    for index, line in enumerate(lines):
        text = line.text.strip()
        if text.lower() == _LOAD_MORE and _ends_page(lines, index):
            continue
        header = HEADER_RE.match(text)
        # "Get trending papers…" is the page's own anywhere (two pages pasted into one
        # file); a bare or glued "Subscribe" only right after it or above the first paper.
        if header and (after_header or text.lower() != _SUBSCRIBE.lower()):
            after_header = True
            continue
        if after_header:  # also true above the first paper
            text = strip_subscribe(text)
        after_header = False
        kind = "abstract" if looks_like_abstract(text) else "title"
        items.append(Item(kind, Line(line.number, text)))
    records, problems = pair_items(source.file, items, rejected_lines(source))
    return ReadResult(tuple(records), tuple(problems))


def _ends_page(lines: list[Line], index: int) -> bool:
    """True when the line at `index` is the file's last or a page header follows it."""
    return index + 1 == len(lines) or HEADER_RE.match(lines[index + 1].text.strip()) is not None


def strip_subscribe(text: str) -> str:
    """Drop a `Subscribe` glued to a title (`SubscribeΑ-Nets`, `SubscribennU-Net`), not
    the start of `Subscriber`: the title starts with a capital, a title opener, or a
    coined word in lower case (a capital or digit further on: "nnU-Net", "t-SNE")."""
    rest = text[len(_SUBSCRIBE) :]
    first = rest.split(" ", 1)[0]
    # "Subscribe" + r/d/s is an English word ("Subscriber-Level", "SubscriberNet").
    coined = first[:1] not in ("r", "d", "s") and any(
        ch.isupper() or ch.isdigit() for ch in first[1:]
    )
    glued = rest[:1].isupper() or (rest[:1] != "" and rest[0] in _TITLE_OPENERS) or coined
    return rest if text.startswith(_SUBSCRIBE) and glued else text
