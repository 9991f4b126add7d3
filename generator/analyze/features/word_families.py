"""Word families: a paper uses a phrase when it writes it in any inflection.

"Deep Linear Networks can Benignly Overfit" uses "benign overfitting"; "interpretable"
and "interpretability" are one family. Words are reduced to their Snowball (Porter2)
English stem, a well-kept stemmer, rather than by hand-made suffix rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
import scipy.sparse as sp
import snowballstemmer

from generator.analyze.features.documents import Documents
from generator.analyze.features.tokens import Tokens

_STEMMER = snowballstemmer.stemmer("english")
# A word and its stem share their first letters (Porter2 strips and rewrites endings
# only), so only the words sharing this many first letters with a wanted word are
# stemmed: a few hundred words, not the whole vocabulary.
_PREFIX = 3
# Porter2 also strips endings that change the meaning ("visual" and "visualization",
# "regular" and "regularization", "general" and "generalization" share a stem): two
# words of one stem are one family only when, past the letters they share, neither has
# more than this many ("overfit"/"overfitting" 0/4, "benign"/"benignly" 0/2,
# "interpretable"/"interpretability" 2/5, "regularizer"/"regularization" 2/5; but
# "visual"/"visualization" 0/7).
MAX_ENDING = 5
# Latin and Greek plurals, which the tokenizer's crude singular leaves as they are (a
# key ending, then the singular endings that may replace it): "matrices" and "matrix",
# "vertices" and "vertex", "hypotheses" and "hypothesis", "spectra" and "spectrum",
# "criteria" and "criterion", "radii" and "radius". Only two words the corpus both
# writes are joined, so "notice" finds no "notix". (Changing the tokenizer's keys
# instead moved 10 bundled papers' topics through the vectors.)
_IRREGULAR_PLURALS = (
    ("ice", ("ix", "ex")),
    ("ese", ("esis",)),  # not any -se: "base" is no "basis"
    ("yse", ("ysis",)),
    ("ose", ("osis",)),
    ("a", ("um",)),
    ("ia", ("ion",)),  # "criteria"; not "plasma" and "plasmon"
    ("na", ("non",)),  # "phenomena"
    ("i", ("us",)),
)
# Letters a plural keeps before its ending: "radii" (radi-), not "mini" and "minus".
MIN_PLURAL_STEM = 4
_PLURAL_ENDINGS = tuple(ending for ending, _ in _IRREGULAR_PLURALS)
# For each word of a phrase, the word keys that count as it.
Family = tuple[frozenset[str], ...]


@lru_cache(maxsize=1 << 16)
def stem(key: str) -> str:
    """Snowball stem of one word key ("overfitting" and "overfit" -> "overfit")."""
    return str(_STEMMER.stemWord(key))


def same_family(word: str, other: str) -> bool:
    """Whether two word keys are forms of one word ("benignly" and "benign")."""
    if word == other:
        return True
    plural = word.endswith(_PLURAL_ENDINGS) or other.endswith(_PLURAL_ENDINGS)
    if plural and (_plural_of(word, other) or _plural_of(other, word)):
        return True
    shared = 0
    while shared < min(len(word), len(other)) and word[shared] == other[shared]:
        shared += 1
    if len(word) - shared > MAX_ENDING or len(other) - shared > MAX_ENDING:
        return False
    return stem(word) == stem(other)


def same_phrase(phrase: str, other: str) -> bool:
    """Whether two phrase keys are forms of one phrase, word by word ("convolution neural
    network" and "convolutional neural networks")."""
    words, others = phrase.split(" "), other.split(" ")
    return len(words) == len(others) and all(map(same_family, words, others))


def _plural_of(plural: str, singular: str) -> bool:
    """Whether a key is the Latin or Greek plural of another (_IRREGULAR_PLURALS)."""
    for ending, singulars in _IRREGULAR_PLURALS:
        stem_ = plural[: -len(ending)]
        long_enough = plural.endswith(ending) and len(stem_) >= MIN_PLURAL_STEM
        if long_enough and any(singular == stem_ + single for single in singulars):
            return True
    return False


class PhraseUse:
    """Where the corpus uses each phrase in any inflection, found once per phrase."""

    def __init__(self, docs: Documents) -> None:
        self.docs = docs
        # Phrase key -> (uses in each title, uses in each abstract), by paper.
        self._uses: dict[str, tuple[Counter[int], Counter[int]]] = {}
        self._papers: dict[str, frozenset[int]] = {}  # key -> papers using it anywhere
        self._meanings: dict[str, frozenset[int]] | None = None  # `_other_meanings`

    def hits(
        self, phrases: Sequence[Sequence[str]]
    ) -> tuple[sp.csr_matrix, sp.csr_matrix, sp.csr_matrix]:
        """Papers x groups: 1 where the paper uses a phrase of the group in any inflection.

        Returns (anywhere, in the title, about): *about* as for a phrase (phrases.py):
        the title uses one, or the abstract uses them at least twice in all.
        """
        self._find(sorted({key for group in phrases for key in group} - self._uses.keys()))
        anywhere: list[tuple[int, int]] = []
        titled: list[tuple[int, int]] = []
        about: list[tuple[int, int]] = []
        for number, group in enumerate(phrases):
            in_title: Counter[int] = Counter()
            in_abstract: Counter[int] = Counter()
            for key in set(group):
                in_title.update(self._uses[key][0])
                in_abstract.update(self._uses[key][1])
            for paper in sorted(in_title.keys() | in_abstract.keys()):
                anywhere.append((paper, number))
                if in_title[paper]:
                    titled.append((paper, number))
                if in_title[paper] or in_abstract[paper] >= 2:
                    about.append((paper, number))
        shape = (len(self.docs), len(phrases))
        return _matrix(anywhere, shape), _matrix(titled, shape), _matrix(about, shape)

    def papers(self, keys: Iterable[str]) -> dict[str, frozenset[int]]:
        """The papers that use each phrase key anywhere, in any inflection (cheaper than
        `hits` when sets are all that is wanted)."""
        wanted = set(keys)
        self._find(sorted(wanted - self._uses.keys()))
        for key in wanted - self._papers.keys():
            in_title, in_abstract = self._uses[key]
            self._papers[key] = frozenset(in_title.keys() | in_abstract.keys())
        return {key: self._papers[key] for key in wanted}

    def _find(self, keys: list[str]) -> None:
        """Count the uses of new phrase keys in every title and abstract (one pass)."""
        forms = _forms({w for key in keys for w in key.split(" ")}, self.docs)
        starts: dict[str, list[tuple[Family, str]]] = {}
        for key in keys:
            fam = tuple(forms[w] for w in key.split(" "))
            for first in fam[0]:
                starts.setdefault(first, []).append((fam, key))
            self._uses[key] = (Counter(), Counter())
        if not starts:
            return
        for paper, (title, abstract) in enumerate(
            zip(self.docs.titles, self.docs.abstracts, strict=True)
        ):
            for key in _uses(title, starts):
                self._uses[key][0][paper] += 1
            for key in _uses(abstract, starts):
                self._uses[key][1][paper] += 1
        for key in keys:
            for paper in self._other_meanings().get(key, ()):
                for counts in self._uses[key]:
                    counts.pop(paper, None)

    def _other_meanings(self) -> dict[str, frozenset[int]]:
        """For each acronym key the corpus mostly defines one way ("ct": "computed
        tomography", by 10 papers), the papers that define it another way ("conditional
        transport (CT)"): their acronym is another term, no use of this one. With no
        meaning defined by two papers more than any other, none is the corpus's."""
        if self._meanings is None:
            ways: dict[str, Counter[str]] = {}
            for defined in self.docs.defined:
                for acronym, phrase in defined.items():
                    ways.setdefault(acronym, Counter())[phrase] += 1
            usual = {}
            for acronym, counts in ways.items():
                (best, most), (_, next_most) = [*counts.most_common(2), ("", 0)][:2]
                if most >= 2 and most > next_most:
                    usual[acronym] = best
            others: dict[str, set[int]] = {}
            for paper, defined in enumerate(self.docs.defined):
                for acronym, phrase in defined.items():
                    if not same_phrase(usual.get(acronym, phrase), phrase):
                        others.setdefault(acronym, set()).add(paper)
            self._meanings = {acronym: frozenset(papers) for acronym, papers in others.items()}
        return self._meanings


def _forms(words: set[str], docs: Documents) -> dict[str, frozenset[str]]:
    """For each wanted word key, the corpus's word keys of its family (itself included)."""
    wanted = {word[:_PREFIX] for word in words}
    by_prefix: dict[str, list[str]] = {}
    for key in docs.word_counts:
        if key is not None and key[:_PREFIX] in wanted:
            by_prefix.setdefault(key[:_PREFIX], []).append(key)
    return {
        word: frozenset(
            [word, *(k for k in by_prefix.get(word[:_PREFIX], ()) if same_family(k, word))]
        )
        for word in words
    }


def _uses(tokens: Tokens, starts: dict[str, list[tuple[Family, str]]]) -> list[str]:
    """The phrase keys `tokens` use, once per use, in any inflection (inside one run)."""
    found: list[str] = []
    for first in starts.keys() & set(tokens):
        position = -1
        while True:
            try:
                position = tokens.index(first, position + 1)
            except ValueError:
                break
            for fam, key in starts[first]:
                following = tokens[position + 1 : position + len(fam)]
                if len(following) == len(fam) - 1 and all(
                    t in forms for t, forms in zip(following, fam[1:], strict=True)
                ):
                    found.append(key)
    return found


def _matrix(cells: list[tuple[int, int]], shape: tuple[int, int]) -> sp.csr_matrix:
    """A 0/1 float32 sparse matrix with ones at `cells`."""
    if not cells:
        return sp.csr_matrix(shape, dtype=np.float32)
    rows, columns = zip(*cells, strict=True)
    data = np.ones(len(cells), dtype=np.float32)
    return sp.csr_matrix((data, (rows, columns)), shape=shape)
