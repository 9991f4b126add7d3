"""Words a PDF's line breaks split ("predic- tion"), joined again by the corpus's own words.

Abstracts copied from PDFs keep the hyphen and space where a line broke a word. A
hyphen, a space and a lower-case word are joined when the corpus writes the joined
word elsewhere: as one word ("prediction", "manually") or with its hyphen
("first-order", where the line broke at the word's own hyphen), whichever it writes
more often. A suspended hyphen stays ("pre- and post-training", "self- or
cross-attention"), as does any pair the corpus never writes joined. Only the merged
papers' abstracts are mended: titles give ids and slugs, which must not change when
another paper is added.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from generator.model import Paper

_BROKEN_RE = re.compile(r"\b([A-Za-z]{2,})- ([a-z]{2,})\b")
_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
# Words after a suspended hyphen: "pre- and post-", "two- to three-fold".
_CONJUNCTIONS = frozenset({"and", "or", "nor", "to", "as", "versus", "vs", "than"})


def rejoin_broken_words(papers: Sequence[Paper]) -> list[Paper]:
    """The papers with the words their abstracts' line breaks split joined, as the
    corpus's titles and abstracts write them."""
    texts = [text for p in papers for text in (p.title, *p.versions)]
    if not any("- " in text for text in texts):
        return list(papers)
    written = _word_counts(texts)
    return [
        replace(
            p,
            abstract=_rejoined(p.abstract, written),
            versions=tuple(_rejoined(v, written) for v in p.versions),
        )
        if any("- " in v for v in (p.abstract, *p.versions))
        else p
        for p in papers
    ]


def _word_counts(texts: Iterable[str]) -> Counter[str]:
    """How often the corpus writes each word (lower case; hyphenated words whole)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(word.lower() for word in _WORD_RE.findall(text))
    return counts


def _rejoined(text: str, written: Counter[str]) -> str:
    """`text` with each broken word joined as the corpus writes it, if it does."""

    def join(match: re.Match[str]) -> str:
        first, second = match[1], match[2]
        if second in _CONJUNCTIONS:
            return match[0]
        whole, hyphenated = f"{first}{second}", f"{first}-{second}"
        uses = written[whole.lower()], written[hyphenated.lower()]
        if not any(uses):
            return match[0]
        return whole if uses[0] >= uses[1] else hyphenated

    return _BROKEN_RE.sub(join, text) if "- " in text else text
