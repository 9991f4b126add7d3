"""Values read from untrusted input, checked before they become part of a record.

Counts (upvotes, authors) are whole numbers of at most MAX_COUNT_DIGITS digits: longer
ones are not counts anyone meant (and a 5,000-digit number cannot even be converted).
Text from JSON can hold lone UTF-16 surrogates (`"\\udc80"`), which no page can be
written with: they are replaced by U+FFFD, and the caller says so.
"""

from __future__ import annotations

import re

MAX_COUNT_DIGITS = 9
REPLACEMENT = "\ufffd"
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")


def whole_number(text: str) -> int | None:
    """`text` as a non-negative whole number of at most MAX_COUNT_DIGITS digits, else None."""
    text = text.strip()
    if not text.isascii() or not text.isdigit() or len(text.lstrip("0")) > MAX_COUNT_DIGITS:
        return None
    return int(text)


def without_surrogates(text: str) -> tuple[str, bool]:
    """`text` with lone surrogates replaced by U+FFFD, and whether there were any."""
    if not _SURROGATE_RE.search(text):
        return text, False
    return _SURROGATE_RE.sub(REPLACEMENT, text), True
