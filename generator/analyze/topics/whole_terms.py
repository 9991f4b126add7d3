"""Two-word keywords that are two thirds of a three-word term, shown whole.

Phrases are counted up to two words (three only when titles repeat them, vectors.py),
so a three-word term reaches a topic's keywords as its halves: "cumulative
distribution" and "distribution function", "deep metric" and "metric learning",
"monocular depth". A pair that the corpus writes inside one three-word phrase most of
the times it writes it at all is shown as that phrase, and the other half then repeats
a kept keyword (keyword_rules.repeats_kept) and is skipped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

import scipy.sparse as sp

from generator.analyze.features.documents import Documents
from generator.analyze.features.phrases import MIN_HEAD, PhraseStats
from generator.analyze.features.word_classes import VERB_SHARE
from generator.analyze.topics.keyword_rules import is_filler

# Share of a pair's uses inside its most common three-word phrase: "monocular depth"
# 9 of 9 ("... estimation"), "medical image" 0.71 ("... segmentation"), "dense
# prediction" 0.58 ("... task": it stands alone as often), "image segmentation" 0.72
# in the bundled corpus (of medical images; a topic shows the whole term only when its
# own papers write it).
WHOLE_SHARE = 0.6
# Papers that must write the three-word phrase (and, for a topic's keyword, papers of
# the topic): one paper's habit is not a term.
MIN_PAPERS = 2
# Papers read to count a pair's uses, the first in corpus order: enough for a share,
# and the cost stays flat at any corpus size.
SAMPLE = 200


class WholeTerms:
    """The three-word term each two-word keyword is part of, if one; found on demand."""

    def __init__(self, docs: Documents, stats: PhraseStats, presence: sp.csc_matrix) -> None:
        self._docs = docs
        self._stats = stats
        self._presence = presence
        # Pair -> (the whole term, the papers read that write it), or (pair, none).
        self._found: dict[str, tuple[str, frozenset[int]]] = {}

    def of(self, key: str, members: Collection[int] | None = None) -> str:
        """The whole term holding the pair `key`, or `key` itself; with `members` (a
        topic's papers), only a term MIN_PAPERS of them write ("medical image
        segmentation" is no keyword of a topic that segments no medical images)."""
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = self._whole(key)
        phrase, writers = found
        if members is not None and len(writers.intersection(members)) < MIN_PAPERS:
            return key
        return phrase

    def _whole(self, key: str) -> tuple[str, frozenset[int]]:
        words = key.split(" ")
        column = self._stats.index.get(key)
        none: frozenset[int] = frozenset()
        if len(words) != 2 or column is None:
            return key, none
        column_papers = self._presence.indices[
            self._presence.indptr[column] : self._presence.indptr[column + 1]
        ]
        uses = 0
        longer: Counter[str] = Counter()
        papers: dict[str, set[int]] = {}
        for paper in sorted(column_papers.tolist())[:SAMPLE]:
            for tokens in (self._docs.titles[paper], self._docs.abstracts[paper]):
                for phrase in _three_word_uses(tokens, words[0], words[1]):
                    if phrase is None:
                        uses += 1
                        continue
                    longer[phrase] += 1
                    papers.setdefault(phrase, set()).add(paper)
        if not longer:
            return key, none
        # Ties go to the first phrase in alphabetical order.
        count, phrase = min((-c, p) for p, c in longer.items())
        if -count < WHOLE_SHARE * uses or len(papers[phrase]) < MIN_PAPERS:
            return key, none
        if not self._reads_as_term(phrase, words):
            return key, none
        return self._as_counted(phrase), frozenset(papers[phrase])

    def _as_counted(self, phrase: str) -> str:
        """The phrase as the corpus also writes it with one hyphen, when it does
        ("lowrank approximation" for "low rank approximation": shown "low-rank")."""
        a, b, c = phrase.split(" ")
        return next((v for v in (f"{a}{b} {c}", f"{a} {b}{c}") if v in self._stats.index), phrase)

    def _reads_as_term(self, phrase: str, pair: list[str]) -> bool:
        """No word is mostly a verb ("to aid gradient flow"), a word added at the end
        can end a noun phrase, and the whole is not filler ("like mobile phones")."""
        words = phrase.split(" ")
        if any(self._docs.verb_ratio(word) >= VERB_SHARE for word in words):
            return False
        if words[:2] == pair and self._docs.head_ratio(words[-1]) < MIN_HEAD:
            return False
        return not is_filler(phrase, self._stats.index)


def _three_word_uses(tokens: tuple[str | None, ...], first: str, second: str) -> list[str | None]:
    """Each use of the pair in `tokens`: a three-word phrase holding it, once for the
    word before and once for the word after (when they are content words), plus one
    `None` per use, to count the uses themselves."""
    found: list[str | None] = []
    start = 0
    while True:
        try:
            at = tokens.index(first, start)
        except ValueError:
            return found
        start = at + 1
        if at + 1 < len(tokens) and tokens[at + 1] == second:
            found.append(None)
            before = tokens[at - 1] if at > 0 else None
            after = tokens[at + 2] if at + 2 < len(tokens) else None
            if before is not None:
                found.append(f"{before} {first} {second}")
            if after is not None:
                found.append(f"{first} {second} {after}")
