"""Method names an abstract coins: "we introduce the Dense Convolutional Network
(DenseNet)", "our models, named ResNeXt", "this paper proposes ... (MatQuant)".

A title names at most one method (names.py); many papers name theirs only in the
abstract, so without this their pages get no "Mentioned by". Two risks are guarded:
a name used, not made ("we use a model called Mamba", "the recently proposed
Kolmogorov-Arnold Network (KAN)"), and an established term that the paper merely
abbreviates ("modern Convolutional Neural Networks (ConvNets)", "plug-and-play (PnP)").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from generator.analyze.methods.names import coined, is_method_name, name_forms

# A sentence claims a name when its authors make something or name it: "we introduce",
# "we embrace this observation and introduce", "this paper proposes", "we call", "our
# models, named". A finite verb only: "we evaluate the recently proposed X", "the
# development of X" claim nothing. Every gap is bounded, so that a text of any length is
# read in one pass (a lazy ".*?" after each "we" made hostile text cubic).
_VERBS = "propose|introduce|present|develop|design|devise"
_SENTENCE_END = re.compile(r"(?<!e\.g\.)(?<!i\.e\.)(?<=[.!?])\s+(?=[A-Z])")
_CLAIM = re.compile(
    rf"\bwe(?:\s+(?:also|further|first|then|here|now|thus|therefore|instead|\w+ly))?\s+"
    rf"(?:(?:{_VERBS})d?|(?:{_VERBS[:-6]}ed|devised)|call|name|dub|term)\b"
    rf"|\bthis\s+(?:paper|work|study|article|letter)\s+(?:\w+ly\s+)?(?:{_VERBS})s\b"
    rf"|\bwe\b[^.;:]{{0,80}}?\band\s+(?:then\s+|also\s+)?(?:{_VERBS})\b"
    r"|\bour\b[^.;:]{0,40}?\b(?:called|named|dubbed|termed)\b",
    re.IGNORECASE,
)
# Between the claim and the name, words that say the name is another's: the paper
# studies, compares with, builds on or uses it ("we present an analysis of Neural
# Radiance Fields (NeRFs)", "a comparison with the network named DenseNet-BC", "we
# propose to use ..."). Not "with", "of", "for", "based on": names and their own
# descriptions hold them ("Re-scoring with Constrained Image-level Neighborhood
# (RsCIN)", "a network based on U-Net, named RU-Net").
_NOT_OWN = re.compile(
    r"(?<![\w-])(?:analys[ie]s|comparisons?|stud(?:y|ies)|evaluations?|reviews?|surveys?|"
    r"overview|investigations?|benchmarks?|applications?|use|usage|existing|"
    r"recent(?:ly)?|previous(?:ly)?|popular|well-known|standard|original|"
    r"to|against|than|upon|into)(?![\w-])",
    re.IGNORECASE,
)
# "..., called GenBaB", "named ResNeXt", "which we call PSEUDO-IID", "we call it FooNet":
# one word, not the first of a longer name ("called DEeP Embedded RegularIzed ClusTering").
_NAMED = re.compile(
    r"\b(?:called|named|dubbed|termed|coined|referred to as|"
    r"(?i:we) (?:call|name|dub|term)(?: (?:it|them|this \w+|our \w+))?)\s+"
    r"[\"“'‘]?(?P<name>[^\s,;:()\"“”'‘’]{3,30})(?=[,;:.()\"”'’]|\s+[^A-Z\s]|$)"
)
# Words one of which a naming sentence holds: plain substring tests, to skip the rest.
_NAMING_WORDS = (
    "called",
    "named",
    "dubbed",
    "termed",
    "coined",
    "referred",
    "e call",
    "e name",
    "e dub",
    "e term",
)
# A bracketed name has a capital, digit or "+" after its first character, and a small
# letter, digit or "+" somewhere (names.coined and names._strongly_coined): quick tests
# first, which plain acronyms ("(CNN)", "(SOTA)") fail.
_MARKED = re.compile(r".[A-Z0-9+]")
_NOT_ALL_CAPS = re.compile(r"[a-z0-9+]")
_BRACKET = re.compile(r"\((?P<name>[^()\s]{3,30})\)")
# A name is a word: letters and digits, joined by hyphens, with "+", "^", apostrophes
# ("UNet++", "U^2-Net", "R2U-Net"); not markup or punctuation ("(<b>Net</b>)").
_NAME_CHARS = re.compile(r"[^\W_][\w+^'’-]*")
# A named word that a few more words and a bracket follow, with no punctuation between,
# opens a longer name the bracket abbreviates ("named Re-scoring with Constrained
# Image-level Neighborhood (RsCIN)", "named IterNorm with trace loss (INTL)").
_LONGER_NAME = re.compile(r"(?:\s+[^\s,;:.()]+){1,6}\s*\(")
# "... the Dense Convolutional Network (DenseNet)": a bracket at most this many words
# after the claim's verb, with no ";" or ":" between.
BRACKET_REACH = 12
BRACKET_CHARS = 240  # the reach in characters, tested first
# Names one abstract may coin, the first in its text (the bundled corpus's coin at most
# 2; an abstract of a thousand "we propose X" claims cannot fill the methods page).
MAX_COINED = 5
SPELLED_WORDS = 8  # what a bracketed name stands for is looked for this far back
_BREAK = re.compile(r"[;:]")
_WORD = re.compile(r"[\w'’-]+")
# Punctuation to spaces, so that a split gives the words _WORD finds (and a few more).
_SPACES = str.maketrans({ch: " " for ch in '()[]{},.;:!?"“”/\\<>=+*&%$#@~`|^'})


@dataclass(frozen=True)
class Coinage:
    """A name an abstract coins; `spelled` is what a bracketed name stands for ("dense
    convolutional network", `_spelled`), None for a named one ("called GenBaB") or when
    the words before it do not spell it."""

    name: str
    spelled: str | None = None


def coinages(abstract: str, common_words: Collection[str]) -> list[Coinage]:
    """The names an abstract coins, in order of first appearance (MAX_COINED at most).

    A named word must be coined or an uncommon capitalised word (names.is_method_name); a
    bracketed one must be coined with a digit, `++` or mixed case once a plural "s" is
    left out ("(DenseNet)", "(FIt-SNE)"; not "(CNNs)", "(SOTA)", "(Hourglass)"). A
    named word is none when it opens a longer name (`_LONGER_NAME`).
    """
    hits: list[tuple[int, Coinage]] = []
    claims: _Claims | None = None  # read once a name is in sight
    naming = any(word in abstract for word in _NAMING_WORDS)
    for match in _NAMED.finditer(abstract) if naming else ():
        name = match["name"].rstrip(".")
        if _LONGER_NAME.match(abstract, match.end("name")):
            continue  # "named Re-scoring with Constrained ... (RsCIN)": the bracket's name
        if _NAME_CHARS.fullmatch(name) and is_method_name(name, common_words):
            claims = claims or _Claims(abstract)
            verb = claims.before(match.start("name"))
            if verb is not None and not _NOT_OWN.search(abstract, verb, match.start()):
                hits.append((match.start(), Coinage(name)))
    for match in _BRACKET.finditer(abstract):
        name = match["name"]
        singular = name[:-1] if name.endswith("s") else name  # "(CNNs)": plain acronyms
        if not _NAME_CHARS.fullmatch(name):
            continue
        if not (_MARKED.search(singular) and _NOT_ALL_CAPS.search(singular)) or not (
            coined(singular) and is_method_name(singular, common_words, strict=True)
        ):
            continue
        claims = claims or _Claims(abstract)
        verb = claims.before(match.start())
        if verb is None or match.start() - verb > BRACKET_CHARS:
            continue
        between = abstract[verb : match.start()]
        if (
            len(between.split()) <= BRACKET_REACH
            and not _BREAK.search(between)
            and not _NOT_OWN.search(between)
        ):
            hits.append((match.start(), Coinage(name, _spelled(name, between))))
    found: dict[str, Coinage] = {}
    for _, coinage in sorted(hits, key=lambda hit: hit[0]):
        found.setdefault(coinage.name, coinage)
    return list(found.values())[:MAX_COINED]


class _Claims:
    """The claims of a text and its sentences, each found once."""

    def __init__(self, text: str) -> None:
        self.sentences = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
        self.ends = [m.end() for m in _CLAIM.finditer(text)]

    def before(self, at: int) -> int | None:
        """Where the last claim ending before `at` in the same sentence ends, or None."""
        start = self.sentences[bisect.bisect_right(self.sentences, at) - 1]
        place = bisect.bisect_right(self.ends, at) - 1
        return self.ends[place] if place >= 0 and self.ends[place] >= start else None


def _spelled(name: str, before: str) -> str | None:
    """The words a bracketed name stands for: from the nearest word before the bracket
    that starts with the name's letter and leaves at least as many words (hyphenated
    parts count) as the name has capitals ("Neural Architecture Search Network" for
    NASNet, not "Network"; "prototypical part network" for ProtoPNet), within
    SPELLED_WORDS words; lower case."""
    words = _WORD.findall(before)[-SPELLED_WORDS:]
    first = name[0].lower()
    capitals = max(sum(ch.isupper() for ch in name.rstrip("s")), 1)
    parts = 0
    for start in range(len(words) - 1, -1, -1):
        parts += len([part for part in words[start].split("-") if part])
        if words[start][0].lower() == first and parts >= capitals:
            return " ".join(words[start:]).lower()
    return None


def abbreviated_terms(
    coined_by: dict[str, list[tuple[int, Coinage]]],
    texts: Sequence[str],
    tokens: Sequence[set[str]],
) -> set[str]:
    """Bracketed names that abbreviate an established term: more other papers write the
    term out than write the name ("Convolutional Neural Networks" 95, "ConvNets" 4;
    "Dense Convolutional Network" 0, "DenseNet" 4). A comparison, not a threshold, so
    the rule holds at any corpus size.

    `coined_by` maps each name to the papers (index, coinage) that coin it; `tokens` are
    each text's words with their punctuation stripped (those with a capital or digit
    suffice: every form of a name has one).
    """
    checked = {
        name: owners
        for name, owners in coined_by.items()
        if any(c.spelled is not None for _, c in owners)
    }
    if not checked:
        return set()
    spelled = {c.spelled for owners in checked.values() for _, c in owners if c.spelled}
    needed = {w for phrase in spelled for w in _WORD.findall(phrase)}
    holders: dict[str, set[int]] = {w: set() for w in needed}
    form_names: dict[str, list[str]] = {}
    for name in checked:
        for form in name_forms(name):
            form_names.setdefault(form, []).append(name)
    writers: dict[str, set[int]] = {name: set() for name in checked}
    for index, (text, words) in enumerate(zip(texts, tokens, strict=True)):
        for form in words & form_names.keys():
            for name in form_names[form]:
                writers[name].add(index)
        for word in set(text.lower().translate(_SPACES).split()) & needed:
            holders[word].add(index)
    abbreviated: set[str] = set()
    for name, owners in checked.items():
        own = {index for index, _ in owners}
        named = len(writers[name] - own)
        for _, coinage in owners:
            if coinage.spelled is None:
                continue
            near = set.intersection(*(holders[w] for w in _WORD.findall(coinage.spelled)))
            if sum(1 for i in near - own if coinage.spelled in texts[i].lower()) > named:
                abbreviated.add(name)
    return abbreviated
