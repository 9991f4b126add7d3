"""Tokenise every paper once: title and abstract keys, plus the written forms of words."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.analyze.features.display_forms import Surfaces
from generator.analyze.features.tokens import Tokenizer, Tokens
from generator.model import Paper

# Words after which English puts a verb: "to reduce", "we detect", "can recover". The
# word is read in a lookahead, so that "we can reduce" counts "reduce" as well as "can".
# The first lookahead lets the engine skip words that start with no such letter (the
# same matches, 40% faster).
_VERB_AFTER_RE = re.compile(
    r"\b(?=[tTwWcCmMsSnNaA])(?:to|we|can|could|may|might|will|would|should|must|cannot|not|also)"
    r"\s+(?=([^\W\d_][\w'’-]*))",
    re.IGNORECASE,
)


# A word a space before a determiner (lower case: in the same sentence): a verb with its
# object ("BatchNorm force the", "dropout forces all"), or a preposition (stop words,
# most of them). Of the one-word keywords of the bundled topics, "forces" came first (4
# of 5 uses); the next, "modeling", 10 of 57 (a gerund: "modeling the brain").
_VERB_BEFORE_RE = re.compile(
    r"\b([^\W\d_][\w'’-]*) (?:the|a|an|all|its|their|each|every|this|these|those|our)\b"
)


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

    def head_ratio(self, key: str) -> float:
        """Share of a word's occurrences that end a run: high for nouns, low for modifiers."""
        total = self.word_counts.get(key, 0)
        return self.head_counts.get(key, 0) / total if total else 0.0

    def alone_ratio(self, key: str) -> float:
        """Share of a word's occurrences with no content word beside it ("pruning" 22%)."""
        total = self.word_counts.get(key, 0)
        return self.alone_counts.get(key, 0) / total if total else 0.0

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
    )


def _verb_counts(texts: Iterable[str], tokenizer: Tokenizer) -> Counter[str]:
    """Word keys counted each time they follow a word that a verb follows, or come right
    before a determiner (a transitive verb's object: "dropout forces all units"); a use
    that is both counts once."""
    counts: Counter[str] = Counter()
    for text in texts:
        spans = {m.start(1): m.group(1) for m in _VERB_AFTER_RE.finditer(text)}
        spans.update({m.start(1): m.group(1) for m in _VERB_BEFORE_RE.finditer(text)})
        for raw in spans.values():
            key = tokenizer.key_of(raw)
            if key is not None:
                counts[key] += 1
    return counts
