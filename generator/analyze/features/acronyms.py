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
# Fewest papers writing both an acronym and a phrase it abbreviates, and least share of
# the phrase's papers that write the acronym too, for the phrase to be what the corpus
# means by it. On the bundled corpus "computed tomography" is written with "CT" by 11 of
# its 14 papers and "residual networks" with "ResNet" by 3 of 10, while a phrase that
# merely has the letters ("convolutional network" for "ConvNet") shares 1 of 38, and
# "neural networks" is written with "NN" by 10 of about 270.
MIN_TOGETHER = 2
MIN_TOGETHER_SHARE = 0.25


def abbreviates(acronym: str, phrase: str) -> bool:
    """True when `acronym` is made of leading letters of the words of `phrase`, in order.

    "vit" abbreviates "vision transformers", "kan" "Kolmogorov-Arnold networks".
    """
    words = [w for w in re.split(r"[\s-]+", phrase.lower()) if w]
    letters = acronym.lower()
    return len(words) > 1 and _splits(letters, words)


def spells_out(shown: str, phrase: str) -> bool:
    """True when the acronym as written abbreviates `phrase` letter for letter: "ResNet"
    "residual networks", "CNNs" "convolutional neural networks", but not "BraTS" "brain
    tumor" (its capital S is a letter of the name, not a plural's)."""
    words = [w for w in re.split(r"[\s-]+", phrase.lower()) if w]
    letters = shown.lower()
    if len(letters) > 2 and shown.endswith("s"):
        letters = letters[:-1]
    return len(words) > 1 and _splits(letters, words, plural=False)


def usual_expansion(
    writing_acronym: frozenset[int], options: dict[str, frozenset[int]]
) -> str | None:
    """Of phrases an acronym abbreviates (key -> papers writing it), the one most papers
    write together with the acronym (`writing_acronym`), if enough do."""
    scored = sorted(
        ((len(writing_acronym & found), len(found), key) for key, found in options.items()),
        key=lambda s: (-s[0], -s[1], s[2]),
    )
    if not scored:
        return None
    together, total, key = scored[0]
    if together >= MIN_TOGETHER and together >= MIN_TOGETHER_SHARE * total:
        return key
    return None


def is_acronym(shown: str) -> bool:
    """One word of mostly capitals ("MLP", "PCs", "KAN"), as the corpus writes it."""
    return " " not in shown and sum(ch.isupper() for ch in shown) >= max(2, len(shown) - 1)


def _splits(letters: str, words: list[str], plural: bool = True) -> bool:
    """Whether `letters` splits into non-empty prefixes of every word, in order (and,
    with `plural`, a last "s")."""
    if not words:
        return letters == "" or (plural and letters == "s")
    head, rest = words[0], words[1:]
    return any(
        head.startswith(letters[:size]) and _splits(letters[size:], rest, plural)
        for size in range(1, min(len(letters), len(head)) + 1)
    )


def definitions(text: str) -> list[tuple[str, str]]:
    """(acronym, words) for each acronym `text` defines in parentheses after the words it
    stands for (the fewest last words, up to MAX_WORDS, whose initials spell it: one word
    only of several parts, "Cauchy-Schwarz")."""
    found = []
    for match in _ACRONYM_RE.finditer(text):
        acronym = match.group(1)
        before = text[max(0, match.start() - 120) : match.start()]
        # A line ends the words: the title's, before an abstract that opens with one.
        words = before[before.rfind("\n") + 1 :].split(" ")[-MAX_WORDS:]
        letters = acronym[:-1] if len(acronym) > 2 and acronym.endswith("s") else acronym
        for size in range(1, len(words) + 1):  # one word of parts: "Cauchy-Schwarz (CS)"
            if not all(_WORD_RE.fullmatch(word) for word in words[-size:]):
                break
            phrase = " ".join(words[-size:])
            if abbreviates(letters, phrase):
                found.append((acronym, phrase))
                break
    return found
