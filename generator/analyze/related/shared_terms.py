"""Why two papers are related: the terms that contribute most to their tf-idf similarity.

The products of the pairs' tf-idf rows (telling terms only) are computed for many pairs
at once; only the choice among each pair's 20 best terms is made one pair at a time.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from generator.analyze.features.acronyms import abbreviates, is_acronym
from generator.analyze.features.cohesion import set_lifts
from generator.analyze.features.display_forms import Surfaces
from generator.analyze.features.documents import Documents
from generator.analyze.features.phrases import MIN_HEAD, PhraseStats
from generator.analyze.features.tokens import contains_phrase
from generator.analyze.features.vectors import Vectors
from generator.analyze.features.word_classes import is_adverb
from generator.analyze.related.candidates import descending_key

# The best shared terms looked at per pair, before nested ones are merged.
CONSIDERED = 20
# Pairs whose row products are held at once (a few MB).
PAIRS_AT_ONCE = 1 << 15
# A modifier is of many things when its most usual next word follows it less than this
# share of the times it modifies, and of many subjects when the papers using it are less
# than this many times as close as two papers picked at random (`open_modifiers`).
TOP_FOLLOWER = 1 / 3
MIN_SUBJECT_LIFT = 2.0
# A word fewer papers use is told by too few to be of many things or subjects (of two
# papers, "hippocampus" and "wavelet" have no two-word term and a lift of chance).
MIN_MODIFIER_PAPERS = 10


class SharedTerms:
    """The terms that contribute most to a pair's tf-idf similarity, in display form."""

    def __init__(
        self,
        vectors: Vectors,
        surfaces: Surfaces,
        telling: NDArray[np.bool_],
        limit: int,
        stats: PhraseStats | None = None,
        modifiers: frozenset[str] | None = None,
        documents: Documents | None = None,
    ) -> None:
        rows = vectors.tfidf.tocsr(copy=True)
        rows.data[~telling[rows.indices]] = 0
        rows.eliminate_zeros()
        rows.sort_indices()
        self.rows: sp.csr_matrix = rows
        self.counts = vectors.counts
        self.terms = vectors.terms
        self.trigram = np.array([t.count(" ") == 2 for t in vectors.terms], dtype=bool) & telling
        self.surfaces = surfaces
        self.limit = limit
        self.index = {t: i for i, t in enumerate(vectors.terms)}
        # A joined phrase starts with no verb ("reconstruct") and ends in a word that can
        # end a noun phrase ("resonance", not "local"); with no stats, none are joined.
        self.verb = stats.verb if stats is not None else None
        self.readable = stats.readable() if stats is not None else np.ones(0, dtype=bool)
        self.shown: dict[str, str] = {}
        # Given by a caller that makes several finders (`open_modifiers` reads every term).
        if modifiers is None:
            modifiers = open_modifiers(stats, vectors) if stats is not None else frozenset()
        self.modifiers = modifiers
        self.empty: dict[str, bool] = {}  # by key: `_alone_says_nothing`
        self.bigram = np.array([t.count(" ") == 1 for t in vectors.terms], dtype=bool)
        self.written: dict[int, frozenset[int]] = {}  # by paper: `_pairs`
        self.split: dict[int, tuple[str, str]] = {}  # by column: `_words`
        self.trigrams: dict[int, frozenset[int]] = {}
        # The papers' words, to see whether both write two shown terms as one (`_chained`).
        self.documents = documents

    def for_pairs(self, a: NDArray[np.int64], b: NDArray[np.int64]) -> list[tuple[str, ...]]:
        """Display forms of the best shared terms of each pair (a[i], b[i])."""
        out: list[tuple[str, ...]] = []
        for start in range(0, a.size, PAIRS_AT_ONCE):
            stop = start + PAIRS_AT_ONCE
            out.extend(self._block(a[start:stop], b[start:stop]))
        return out

    def _block(self, a: NDArray[np.int64], b: NDArray[np.int64]) -> list[tuple[str, ...]]:
        """`for_pairs` for one block of pairs."""
        product = self.rows[a].multiply(self.rows[b]).tocsr()
        product.sort_indices()
        sizes = np.diff(product.indptr)
        pair = np.repeat(np.arange(a.size), sizes)
        # Largest weight first, ties by column (the columns are sorted within each pair).
        order = np.argsort(descending_key(pair, product.data), kind="stable")
        place = np.arange(order.size) - np.repeat(product.indptr[:-1], sizes)
        columns = product.indices[order][place < CONSIDERED].tolist()
        bounds = np.concatenate(([0], np.cumsum(np.minimum(sizes, CONSIDERED)))).tolist()
        out = []
        for i, (x, y) in enumerate(zip(a.tolist(), b.tolist(), strict=True)):
            best = [self.terms[c] for c in columns[bounds[i] : bounds[i + 1]]]
            # Look past the limit so that a phrase can replace its own word ("liver tumor").
            keys = self._longer(_distinct(best, self.limit + 3), x, y)
            out.append(tuple(self._show(key) for key in self._reasons(keys, x, y)))
        return out

    def _reasons(self, keys: list[str], a: int, b: int) -> list[str]:
        """The first `limit` keys that give a reason (`_left_out`), each one left out
        replaced by the next keys (which may be left out too), phrases joined anew each
        time."""
        wanted = self.limit
        while True:
            chosen = self._chosen(keys, a, b, wanted)
            left_out = self._left_out(chosen)
            if not left_out or self.limit + len(left_out) <= wanted:
                break
            wanted = self.limit + len(left_out)
        return [key for key in chosen if key not in left_out][: self.limit]

    def _left_out(self, chosen: list[str]) -> set[str]:
        """The chosen keys that give no reason as shown: a lone adverb ("accurately") or
        modifier of many things ("global", "sparse": `open_modifiers`), and an
        acronym shown beside its words ("NAS" beside "neural architecture search")."""
        left_out = {key for key in chosen if self._alone_says_nothing(key)}
        phrases = [self._show(key) for key in chosen if " " in key or "-" in key]
        for key in chosen:
            shown = self._show(key)
            if is_acronym(shown) and any(abbreviates(shown, phrase) for phrase in phrases):
                left_out.add(key)
        return left_out

    def _chosen(self, keys: list[str], a: int, b: int, limit: int) -> list[str]:
        """The first `limit` distinct keys, with the words both papers write as one phrase
        joined."""
        return self._joined(self._chained(_distinct(keys, limit), a, b), a, b)

    def _alone_says_nothing(self, key: str) -> bool:
        """A lone adverb or modifier of many things gives no reason ("Shared: accurately",
        "global"); it is left out only when shown, so that it can still join a phrase
        ("densely connected", "global context")."""
        found = self.empty.get(key)
        if found is None:
            alone = " " not in key and not self.surfaces.is_coined(key)
            found = alone and (key in self.modifiers or is_adverb(key, self.index))
            self.empty[key] = found
        return found

    def _longer(self, keys: list[str], a: int, b: int) -> list[str]:
        """Each key replaced by a three-word phrase both papers use that contains it.

        Similarity uses words and word pairs only; the reader is better served by
        "implicit neural representations" than by "implicit".
        """
        common = self._trigrams(a) & self._trigrams(b)
        if not common:
            return keys
        trigrams = sorted(self.terms[c] for c in common)
        return [next((t for t in trigrams if f" {k} " in f" {t} "), k) for k in keys]

    def _joined(self, keys: list[str], a: int, b: int) -> list[str]:
        """Two shown terms that both papers write as one phrase, joined in the place of
        the first: "magnetic" and "resonance" (two words the vectors kept apart, for
        "magnetic resonance" never ends a noun phrase) -> "magnetic resonance";
        "magnetic" and "resonance imaging" -> "magnetic resonance imaging". The
        two-word phrase that bridges them must be written by both papers, and the whole
        has at most three words."""
        if self.verb is None or len(keys) < 2:
            return keys
        lasts = {key.rsplit(" ", 1)[-1] for key in keys}
        firsts = {key.split(" ", 1)[0] for key in keys}
        follows: dict[str, set[str]] = {}  # first word of a bridge -> its second words
        for column in self._pairs(a) & self._pairs(b):
            first, second = self._words(column)
            if first in lasts and second in firsts:
                follows.setdefault(first, set()).add(second)
        keys = list(keys)
        while follows and (pair := self._first_join(keys, follows)) is not None:
            _put_together(keys, *pair, f"{keys[pair[0]]} {keys[pair[1]]}")
        return keys

    def _chained(self, keys: list[str], a: int, b: int) -> list[str]:
        """Two shown two-word terms that are the halves of a three-word phrase both
        papers write, shown as that phrase in the place of the first: "state space" and
        "space model" -> "state space model"; "lottery ticket" and "ticket hypothesis"
        -> "lottery ticket hypothesis". The vectors count three-word phrases only when
        two titles use them, so the papers' own words decide."""
        if self.documents is None:
            return keys
        keys = list(keys)
        while (pair := self._first_chain(keys, a, b)) is not None:
            _put_together(keys, *pair, f"{keys[pair[0]]} {keys[pair[1]].split(' ', 1)[1]}")
        return keys

    def _first_chain(self, keys: list[str], a: int, b: int) -> tuple[int, int] | None:
        """The first (left, right) positions of two-word `keys` whose phrase (the left's
        words and the right's last) both papers write in their title or abstract, and
        neither starts nor ends with a verb (each half, a shown term, reads as a term)."""
        pairs = [(i, key.split(" ")) for i, key in enumerate(keys) if key.count(" ") == 1]
        for i, left in pairs:
            for j, right in pairs:
                if i == j or left[1] != right[0] or self._is_verb(left[0], right[1]):
                    continue
                phrase = (*left, right[1])
                if self._writes(a, phrase) and self._writes(b, phrase):
                    return i, j
        return None

    def _is_verb(self, *words: str) -> bool:
        """Whether one of `words` (keys) is used mostly as a verb; unknown words are not."""
        if self.verb is None:
            return False
        return any(bool(self.verb[i]) for w in words if (i := self.index.get(w)) is not None)

    def _writes(self, paper: int, phrase: tuple[str, ...]) -> bool:
        """Whether the paper's title or abstract holds `phrase` (word keys) in one run."""
        docs = self.documents
        return docs is not None and (
            contains_phrase(docs.titles[paper], phrase)
            or contains_phrase(docs.abstracts[paper], phrase)
        )

    def _first_join(self, keys: list[str], follows: dict[str, set[str]]) -> tuple[int, int] | None:
        """The first (left, right) positions of `keys` a bridge joins, or None."""
        for i, left in enumerate(keys):
            after = follows.get(left.rsplit(" ", 1)[-1], set())
            for j, right in enumerate(keys):
                bridged = j != i and right.split(" ", 1)[0] in after
                short = left.count(" ") + right.count(" ") <= 1
                if bridged and short and self._joinable(left, right):
                    return i, j
        return None

    def _joinable(self, left: str, right: str) -> bool:
        """Whether `left right` would start as a noun phrase does (no verb) and end as
        one (a head), or is itself a two-word term ("magnetic resonance" ends no noun
        phrase in a corpus that writes "magnetic resonance imaging", yet reads as one
        thing, not as "magnetic, resonance")."""
        first = self.index.get(left.split(" ", 1)[0])
        last = self.index.get(right.rsplit(" ", 1)[-1])
        if first is None or last is None or self.verb is None or self.verb[first]:
            return False
        return bool(self.readable[last] and not self.verb[last]) or " " not in left + right

    def _words(self, column: int) -> tuple[str, str]:
        """The two words of a two-word term (cached)."""
        found = self.split.get(column)
        if found is None:
            first, second = self.terms[column].split(" ")
            found = self.split[column] = (first, second)
        return found

    def _pairs(self, index: int) -> frozenset[int]:
        """Columns of the two-word phrases a paper uses (cached)."""
        return self._columns(index, self.bigram, self.written)

    def _trigrams(self, index: int) -> frozenset[int]:
        """Columns of the telling three-word phrases a paper uses (cached)."""
        return self._columns(index, self.trigram, self.trigrams)

    def _columns(
        self, index: int, wanted: NDArray[np.bool_], cache: dict[int, frozenset[int]]
    ) -> frozenset[int]:
        """Columns of the `wanted` terms paper `index` uses, kept in `cache`."""
        found = cache.get(index)
        if found is None:
            lo, hi = self.counts.indptr[index], self.counts.indptr[index + 1]
            columns = self.counts.indices[lo:hi]
            found = cache[index] = frozenset(columns[wanted[columns]].tolist())
        return found

    def _show(self, key: str) -> str:
        """Display form of a term key (cached)."""
        if key not in self.shown:
            self.shown[key] = self.surfaces.phrase(key)
        return self.shown[key]


def open_modifiers(stats: PhraseStats, vectors: Vectors) -> frozenset[str]:
    """Single words that modify many different things and are used by papers of many
    subjects: "global" (context, features, pooling ...), "sparse", "theoretical",
    "diverse". Alone they name no subject two papers share.

    A modifier, used by MIN_MODIFIER_PAPERS papers at least, ends a run less than
    MIN_HEAD of the times it is used, and its most usual
    next word follows it less than TOP_FOLLOWER of the times it modifies ("diffusion" is
    followed by "models" 42 of its 71 uses, "medical" by "image" 93 of 139). The papers
    using it are less than MIN_SUBJECT_LIFT times as close as two papers picked at random
    (features/cohesion.py): "global" 1.65, "implicit" 1.92, but "Fourier" 2.61, "music"
    4.93, "entropic" 6.45, which two papers share only on one subject.
    """
    top, _ = stats.most_used_pairs()
    modifiers = [
        column
        for column, (term, head, total) in enumerate(
            zip(stats.terms, stats.head.tolist(), stats.total.tolist(), strict=True)
        )
        if " " not in term
        and stats.papers[column] >= MIN_MODIFIER_PAPERS
        and head < MIN_HEAD
        and top.get(term, 0.0) < TOP_FOLLOWER * (1 - head) * total
    ]
    if not modifiers:
        return frozenset()
    lifts = set_lifts(vectors.counts[:, modifiers], vectors.lsa).tolist()
    return frozenset(
        stats.terms[column]
        for column, lift in zip(modifiers, lifts, strict=True)
        if lift < MIN_SUBJECT_LIFT
    )


def _distinct(keys: list[str], limit: int) -> list[str]:
    """Best-first terms without one inside another ("transport" under "optimal transport")."""
    chosen: list[str] = []  # padded with spaces, so that words match whole
    for key in keys:
        padded = f" {key} "
        if any(padded in c for c in chosen):
            continue
        inside = [c for c in chosen if c in padded]
        if inside:
            chosen[chosen.index(inside[0])] = padded
            chosen = [c for c in chosen if c not in inside[1:]]
        else:
            chosen.append(padded)
        if len(chosen) >= limit:
            break
    return [c[1:-1] for c in chosen]


def _put_together(keys: list[str], i: int, j: int, phrase: str) -> None:
    """Show `phrase` in place of keys i and j, where the first of them stood."""
    keys[min(i, j)] = phrase
    del keys[max(i, j)]
