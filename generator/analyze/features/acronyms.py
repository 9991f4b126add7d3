"""Acronyms and the words they stand for, and where a paper defines one.

"vit" abbreviates "vision transformers". A paper that writes "conditional transport
(CT)" uses "CT" for conditional transport, not for the computed tomography most papers
mean by it: word_families.PhraseUse does not count its "CT" as a use of the acronym
the corpus means.
"""

from __future__ import annotations

import re

# Two to five words, then an acronym alone in parentheses: "conditional transport (CT)".
_DEFINITION_RE = re.compile(r"((?:[^\W\d_][\w'’-]*[ ]+){2,5})\(([A-Za-z][A-Za-z0-9]{1,5})\)")


def abbreviates(acronym: str, phrase: str) -> bool:
    """True when `acronym` is made of leading letters of the words of `phrase`, in order.

    "vit" abbreviates "vision transformers", "kan" "Kolmogorov-Arnold networks".
    """
    words = [w for w in re.split(r"[\s-]+", phrase.lower()) if w]
    letters = acronym.lower()
    return len(words) > 1 and _splits(letters, words)


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
    stands for (the fewest last words whose initials spell it)."""
    found = []
    for match in _DEFINITION_RE.finditer(text):
        words, acronym = match.group(1).split(), match.group(2)
        letters = acronym[:-1] if len(acronym) > 2 and acronym.endswith("s") else acronym
        for size in range(2, len(words) + 1):
            phrase = " ".join(words[-size:])
            if abbreviates(letters, phrase):
                found.append((acronym, phrase))
                break
    return found
