"""Tokenise every paper once: title and abstract keys, plus the written forms of words."""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

from generator.analyze.features.acronyms import definitions
from generator.analyze.features.display_forms import Surfaces
from generator.analyze.features.tokens import Tokenizer, Tokens, phrase_key
from generator.analyze.features.word_classes import MIN_VERB_USES, VERB_SHARE, is_adverb
from generator.model import Paper

# Words after which English puts a verb: "to reduce", "we detect", "can recover", read in
# lower case. The word is read in a lookahead, so that "we can reduce" counts "reduce" as
# well as "can". Every pattern here starts with one character class or literal (`\W`, a
# space, "ly") rather than a word boundary, which lets the engine skip ahead: the same
# matches, two to five times faster.
_VERB_AFTER_RE = re.compile(
    r"\W(?:to|we|can|could|may|might|will|would|should|must|cannot|not|also)"
    r"(?=\s+([^\W\d_][\w'’-]*))"
)
# A word a space before a determiner (lower case: in the same sentence): a verb with its
# object ("BatchNorm force the", "dropout forces all"), or a preposition (stop words,
# most of them). Of the one-word keywords of the bundled topics, "forces" came first (4
# of 5 uses); the next, "modeling", 10 of 57 (a gerund: "modeling the brain"). The
# space is found first, then the word before it (`_LAST_WORD_RE`).
_BEFORE_DETERMINER_RE = re.compile(
    r" (?=(?:the|a|an|all|its|their|each|every|this|these|those|our)\b)"
)
_LAST_WORD_RE = re.compile(r"\b[^\W\d_][\w'’-]*\Z")
MAX_WORD_CHARS = 64
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# Words after which English puts an adjective rather than a noun: a copula, "very",
# "too" or an adverb ("is plausible", "physically plausible", "highly predictive"); the
# adverb is told by its adjective (word_classes.is_adverb), once the vocabulary is known.
# Capitalised copulas, at a sentence's start, are rare.
_AFTER_COPULA_RE = re.compile(
    r" (?:is|are|was|were|be|been|being|become|becomes|became|remains?|remained|seems?|very"
    r"|too) (?=([^\W\d_][\w'’-]*))"
)
_AFTER_LY_RE = re.compile(r"ly\s+(?=([^\W\d_][\w'’-]*))")
# Nouns of the stop list, and "than", before which a word modifies or compares, though
# its run ends there ("predictive performance", "top-1 accuracy", "deeper than").
_BEFORE_STOP_NOUN_RE = re.compile(r" (?=(?:performances?|accuracy|accuracies|than)\b)")


@dataclass(frozen=True)
class Documents:
    """The tokenised corpus, in corpus order, with the tokenizer and written forms."""

    slugs: tuple[str, ...]
    titles: tuple[Tokens, ...]
    abstracts: tuple[Tokens, ...]
    tokenizer: Tokenizer
    surfaces: Surfaces
    # How often each word key occurs, ends a run (is a phrase head), is a run alone.
    word_counts: Counter[str | None]
    head_counts: Counter[str | None]
    alone_counts: Counter[str | None]
    # How often each word key follows a word that a verb follows ("to", "we", "can").
    verb_counts: Counter[str]
    # How often each word key is used as an adjective is: after a copula or an adverb, or
    # before a stop-listed noun ("is plausible", "predictive performance").
    described_counts: Counter[str]
    # Per paper, the acronyms it defines, as keys: {"ct": "conditional transport"}.
    defined: tuple[dict[str, str], ...] = ()

    def head_ratio(self, key: str) -> float:
        """Share of a word's occurrences that end a run: high for nouns, low for modifiers."""
        total = self.word_counts.get(key, 0)
        return self.head_counts.get(key, 0) / total if total else 0.0

    def alone_ratio(self, key: str) -> float:
        """Share of a word's occurrences with no content word beside it ("pruning" 22%)."""
        total = self.word_counts.get(key, 0)
        return self.alone_counts.get(key, 0) / total if total else 0.0

    def noun_head_ratio(self, key: str) -> float:
        """Share of a word's uses that end a run, less those that read as an adjective's
        (`described_counts`): "predictive" 0.43 as a run's end, 0.00 as a noun ("predictive
        performance", "is predictive of"); "segmentation" 0.69 and 0.64."""
        total = self.word_counts.get(key, 0)
        heads = self.head_counts.get(key, 0) - self.described_counts.get(key, 0)
        return max(heads, 0) / total if total else 0.0

    def verbs(self) -> frozenset[str]:
        """Single words used mostly as verbs ("reduce", "detect"): no keyword on their own
        (word_classes.VERB_SHARE)."""
        return frozenset(
            word
            for word, uses in self.verb_counts.items()
            if uses >= MIN_VERB_USES and self.verb_ratio(word) >= VERB_SHARE
        )

    def verb_ratio(self, key: str) -> float:
        """Share of a word's occurrences right after "to", "we", "can"...: high for verbs
        ("reconstruct" 0.78, "reduce" 0.39), low for nouns ("scale" 0.13, "error" 0.02)."""
        total = self.word_counts.get(key, 0)
        return self.verb_counts.get(key, 0) / total if total else 0.0

    def __len__(self) -> int:
        return len(self.slugs)

    def full(self, index: int) -> Tokens:
        """Title and abstract keys of one paper, separated by a run break."""
        return (*self.titles[index], None, *self.abstracts[index])


def read_documents(papers: Sequence[Paper]) -> Documents:
    """Tokenise titles and abstracts; count written forms for display."""
    tokenizer = Tokenizer()
    abstract_forms: Counter[str] = Counter()
    title_forms: Counter[str] = Counter()
    titles = tuple(tokenizer.tokens(p.title, title_forms) for p in papers)
    abstracts = tuple(tokenizer.tokens(p.abstract, abstract_forms) for p in papers)
    word_counts: Counter[str | None] = Counter()
    head_counts: Counter[str | None] = Counter()
    alone_counts: Counter[str | None] = Counter()
    for tokens in (*titles, *abstracts):
        word_counts.update(tokens)
        ends = [t for t, after in zip(tokens, (*tokens[1:], None), strict=False) if after is None]
        head_counts.update(ends)
        alone_counts.update(
            t
            for before, t, after in zip((None, *tokens), tokens, (*tokens[1:], None), strict=False)
            if before is None and after is None
        )
    return Documents(
        slugs=tuple(p.slug for p in papers),
        titles=titles,
        abstracts=abstracts,
        tokenizer=tokenizer,
        surfaces=Surfaces(abstract_forms, title_forms, tokenizer),
        word_counts=word_counts,
        head_counts=head_counts,
        alone_counts=alone_counts,
        verb_counts=_verb_counts((t for p in papers for t in (p.title, p.abstract)), tokenizer),
        described_counts=_described_counts(
            (t for p in papers for t in (p.title, p.abstract)), tokenizer, word_counts
        ),
        defined=tuple(_defined(f"{p.title}\n{p.abstract}", tokenizer) for p in papers),
    )


def _defined(text: str, tokenizer: Tokenizer) -> dict[str, str]:
    """The acronyms `text` defines (acronyms.definitions), as keys: a phrase of several
    words, or one word of several parts ("Cauchy-Schwarz (CS)", one key)."""
    found: dict[str, str] = {}
    for acronym, words in definitions(text):
        key, phrase = tokenizer.key_of(acronym), phrase_key(words, tokenizer)
        if key is not None and phrase is not None and (" " in phrase or "-" in words):
            found.setdefault(key, phrase)
    return found


def _verb_counts(texts: Iterable[str], tokenizer: Tokenizer) -> Counter[str]:
    """Word keys counted each time they follow a word that a verb follows, or come right
    before a determiner (a transitive verb's object: "dropout forces all units"); a use
    that is both counts once."""
    counts: Counter[str] = Counter()
    for text in texts:
        # The space: a text's first "We" follows a non-word. ASCII only, so that offsets
        # stay those of `text` ("İ" lower-cased is two characters).
        lower = " " + text.translate(_ASCII_LOWER)
        spans = {m.start(1) - 1: m.group(1) for m in _VERB_AFTER_RE.finditer(lower)}
        for m in _BEFORE_DETERMINER_RE.finditer(text):
            spans.update(_word_before(text, m.start()))
        for raw in spans.values():
            key = tokenizer.key_of(raw)
            if key is not None:
                counts[key] += 1
    return counts


def _word_before(text: str, end: int) -> dict[int, str]:
    """The word that ends at `end` (a space), by its start, if it is one. A token longer
    than MAX_WORD_CHARS is none: a hostile "a-a-a-...-a" made the search quadratic."""
    start = text.rfind(" ", 0, end) + 1
    if end - start > MAX_WORD_CHARS:
        return {}
    found = _LAST_WORD_RE.search(text, start, end)
    return {found.start(): found.group()} if found else {}


def _described_counts(
    texts: Iterable[str], tokenizer: Tokenizer, vocabulary: Counter[str | None]
) -> Counter[str]:
    """Word keys counted each time they are used as adjectives are: after a copula or an
    adverb, before a stop-listed noun or "than"; a use that is both counts once."""
    counts: Counter[str] = Counter()
    known = cast(dict[str, int], vocabulary)
    adverbs: dict[str | None, bool] = {}
    for text in texts:
        spans = {m.start(1): m.group(1) for m in _AFTER_COPULA_RE.finditer(text)}
        for m in _BEFORE_STOP_NOUN_RE.finditer(text):
            spans.update(_word_before(text, m.start()))
        for m in _AFTER_LY_RE.finditer(text):
            ly = tokenizer.key_of(text[text.rfind(" ", 0, m.start()) + 1 : m.start() + 2])
            if ly not in adverbs:
                adverbs[ly] = ly is not None and is_adverb(ly, known)
            if adverbs[ly]:
                spans[m.start(1)] = m.group(1)
        for raw in spans.values():
            key = tokenizer.key_of(raw)
            if key is not None:
                counts[key] += 1
    return counts
