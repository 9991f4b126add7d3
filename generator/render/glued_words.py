"""Words the site's search cannot find by themselves: parts glued to another word.

Pagefind (1.5) reads ASCII punctuation as a space between the parts of a word and also
splits each part at its case and digit changes: "FPN/SpineNet" is indexed as
*fpnspinenet*, *fpn*, *spine* and *net*. A query finds words by their start, so
"SpineNet" itself found nothing, nor did "ConvKAN" in "S-ConvKAN". Other punctuation
(an em dash, a curly apostrophe, an ellipsis) it does not split at all:
"techniques—SMOOTHGRAD" is one word, and "SMOOTHGRAD" found nothing. A paper page gives
Pagefind such parts as metadata (`parts`, searched at the default weight; papersite.js
counts them among the words a result holds): a part after ASCII punctuation when it is
itself a compound (Pagefind holds only its pieces), any part after other punctuation.
A part that starts with a digit ("17dB"), is shorter than three characters or has no
letter, web addresses, and parts the page writes standing alone are left out: adding
what Pagefind holds already would only count it twice in the ranking.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterable

_PART_RE = re.compile(r"[^\W_]+")  # letters and digits
_ASCII_PUNCTUATION = frozenset(string.punctuation)
# Web and mail addresses ("https://github.com/lab/x", "github.com/lab/x", "a@b.org").
_ADDRESS_RE = re.compile(r"://|www\.|@|[^\W_]\.[a-z]{2,}/", re.IGNORECASE)
MIN_LENGTH = 3


def glued_parts(texts: Iterable[str]) -> list[str]:
    """The parts of the words in `texts` that Pagefind does not index by themselves,
    each once (the first spelling), in the order they come."""
    alone: set[str] = set()
    glued: dict[str, str] = {}
    for text in texts:
        for token in text.split():
            if _ADDRESS_RE.search(token):
                continue
            parts = list(_PART_RE.finditer(token))
            if len(parts) == 1:
                alone.add(parts[0].group().casefold())
            for before, match in itertools.pairwise(parts):
                part = match.group()
                between = token[before.end() : match.start()]
                split = all(c in _ASCII_PUNCTUATION for c in between)
                if split and not _is_compound(part):
                    continue  # Pagefind holds it as a piece
                if len(part) >= MIN_LENGTH and part[0].isalpha():
                    glued.setdefault(part.casefold(), part)
    return [part for key, part in glued.items() if key not in alone]


def _is_compound(part: str) -> bool:
    """Whether Pagefind splits `part` into pieces: a case change ("SpineNet", "EDim") or a
    change between letters and digits ("UNet3", "V2X")."""
    for first, second, third in zip(part, part[1:], part[2:] + " ", strict=False):
        if first.islower() and second.isupper():
            return True
        if first.isupper() and second.isupper() and third.islower():
            return True
        if first.isalpha() != second.isalpha():
            return True
    return False
