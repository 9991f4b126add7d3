"""Acronyms and the words they stand for, and where a paper defines one.

"vit" abbreviates "vision transformers". A paper that writes "conditional transport
(CT)" uses "CT" for conditional transport, not for the computed tomography most papers
mean by it: word_families.PhraseUse does not count its "CT" as a use of the acronym
the corpus means.
"""

from __future__ import annotations

import re

# An acronym alone in parentheses, after the words it stands for: "conditional transport
# (CT)". The parenthesis is found first (a literal lets the engine skip ahead), then the
# words before it: a pattern for the words too tried every position of every abstract.
_ACRONYM_RE = re.compile(r" \(([A-Za-z][A-Za-z0-9]{1,5})\)")
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
MAX_WORDS = 5


def abbreviates(acronym: str, phrase: str) -> bool:
    """True when `acronym` is made of leading letters of the words of `phrase`, in order.

    "vit" abbreviates "vision transformers", "kan" "Kolmogorov-Arnold networks".
    """
    words = [w for w in re.split(r"[\s-]+", phrase.lower()) if w]
    letters = acronym.lower()
    return len(words) > 1 and _splits(letters, words)


def is_acronym(shown: str) -> bool:
    """One word of mostly capitals ("MLP", "PCs", "KAN"), as the corpus writes it."""
    return " " not in shown and sum(ch.isupper() for ch in shown) >= max(2, len(shown) - 1)


def _splits(letters: str, words: list[str]) -> bool:
    """Whether `letters` splits into non-empty prefixes of every word, in order."""
    if not words:
        return letters in ("", "s")
    head, rest = words[0], words[1:]
    return any(
        head.startswith(letters[:size]) and _splits(letters[size:], rest)
        for size in range(1, min(len(letters), len(head)) + 1)
    )


def definitions(text: str) -> list[tuple[str, str]]:
    """(acronym, words) for each acronym `text` defines in parentheses after the words it
    stands for (the fewest last words, two to MAX_WORDS, whose initials spell it)."""
    found = []
    for match in _ACRONYM_RE.finditer(text):
        acronym = match.group(1)
        words = text[max(0, match.start() - 120) : match.start()].split(" ")[-MAX_WORDS:]
        letters = acronym[:-1] if len(acronym) > 2 and acronym.endswith("s") else acronym
        for size in range(2, len(words) + 1):
            if not all(_WORD_RE.fullmatch(word) for word in words[-size:]):
                break
            phrase = " ".join(words[-size:])
            if abbreviates(letters, phrase):
                found.append((acronym, phrase))
                break
    return found
