"""Words the site's search cannot find by themselves: parts glued to another word.

Pagefind indexes a run of text between spaces as one word with its punctuation taken
out: "FPN/SpineNet" as "fpnspinenet", "techniques---SMOOTHGRAD" as
"techniquessmoothgrad", "E[EDim(ell)]" as "eedimell". A query finds a word by its start,
so "FPN" finds such a paper and "SpineNet" does not: the finder said no paper has the
word. (A single hyphen between letters is Pagefind's own case: it indexes the parts too.)
A paper page gives Pagefind these parts as metadata, searched at the default weight
(`parts`; papersite.js counts them among the words a result holds). Web addresses are
left out; a part the page also writes standing alone needs no help.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A part: letters, digits and single hyphens between them; anything else glues two parts.
_PART_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# Web and mail addresses ("https://github.com/lab/x", "github.com/lab/x", "a@b.org").
_ADDRESS_RE = re.compile(r"://|www\.|@|[^\W_]\.[a-z]{2,}/", re.IGNORECASE)
MIN_LENGTH = 3  # shorter parts ("pi", "s" of "model's") would only find noise


def glued_parts(texts: Iterable[str]) -> list[str]:
    """The parts of the words in `texts` that Pagefind holds only inside a longer word,
    each once (the first spelling), in the order they come. LaTeX commands ("\\cdot")
    are not words."""
    alone: set[str] = set()
    glued: dict[str, str] = {}
    for text in texts:
        for token in text.split():
            if _ADDRESS_RE.search(token):
                continue
            parts = list(_PART_RE.finditer(token))
            if not parts:
                continue
            # The first part is found by its start; a hyphenated word's parts by Pagefind.
            first = parts[0].group()
            alone.update(piece.casefold() for piece in (first, *first.split("-")))
            for match in parts[1:]:
                part = match.group()
                command = token[match.start() - 1] == "\\"
                if not command and len(part) >= MIN_LENGTH and any(c.isalpha() for c in part):
                    glued.setdefault(part.casefold(), part)
    return [part for key, part in glued.items() if key not in alone]
