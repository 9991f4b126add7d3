"""`papersite search`: the site's search in the terminal, with the same first result.

The site searches with Pagefind, whose index is a set of binary chunks made for a
browser. The terminal reads instead the papers' titles and abstracts, which `generate`
writes beside the pages (SEARCH_DOCUMENTS, a dotfile MkDocs does not publish), and
ranks them the way Pagefind ranks the site's paper pages:

- every word of the query must match (a query with no such paper falls back to papers
  matching any word but "the", "of" ..., the most words first, as the site's search
  box does, and says so);
- a query word matches a word of the paper whose Snowball stem starts with its stem, as
  Pagefind indexes and searches stems (`models` finds *model* and *modelling*, `coding`
  finds *code*, `study` finds *studies*), accents and case folded (`frechet` finds
  *Fréchet*), a word of several parts (hyphens, camel case) read as its parts and as
  one word, as Pagefind splits them (`nnunet` finds *nnU-Net*, `u-net` finds *UNet*,
  `net` finds *ResNet*: `tokens`);
- a paper scores BM25 over its abstract as its page reads (the text Pagefind indexes:
  math as plain text, "ℓ₁", folded here to "l1", which the site finds once, in the
  page's `parts` metadata, so it ranks such a paper lower; the words typed for a
  title's math are search aliases on both), plus a boost for the query's words in its
  title (Pagefind searches the title as metadata and boosts pages whose title holds the
  query's rare words);
- its search aliases (the acronym of a phrase it writes, or the phrase of an acronym:
  analyze/acronym_aliases.py) match too, boosting it as its title does (the site gives
  Pagefind's `aliases` metadata the title's weight: papersite.js RANKING).

Every weight is written out below; tests check that the site's first paper and this
module's agree on the sample queries.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import snowballstemmer

from generator.folding import fold
from generator.links import paper_url
from generator.model import Corpus
from generator.render.plain_math import typed_math_words
from generator.render.rich_text import unicode_scripts
from generator.render.search_words import MIN_LETTERS, search_words

SEARCH_DOCUMENTS = ".papersite-search.json"  # under docs/; MkDocs skips dotfiles
DOCUMENTS_FORMAT = 1
# BM25 over the abstract: Pagefind's defaults.
BM25_K1 = 1.2
BM25_B = 0.75
# A query word found in the title adds TITLE_WEIGHT times its idf (Pagefind's default
# title weight), squared coverage of the query's idf by title words on top: a title
# holding all of the query's rare words wins, as on the site.
TITLE_WEIGHT = 5.0
# A word whose stem extends the query's (`segment` -> `segmentation`) counts less the
# longer the extension, so whole-word matches rank first: Pagefind's length bonus, a
# Gaussian of the stems' length difference (its `termSimilarity`, default 1).
TERM_SIMILARITY = 1.0
# A part of a word of n parts ("net" of "UNet") counts (24 / n + 1) / 25 of a whole word
# in the abstract, as Pagefind weighs them (13, 9 and 7 against 25 in its index files);
# n = 4 stands for more.
WEIGHT_OF_PARTS = {n: (24 / n + 1) / 25 for n in (2, 3, 4)}
# An abstract whose math may read otherwise on its page (`_as_read`): a script, a brace,
# a backslash, or a sign written as its command's word.
_SCRIPTED_RE = re.compile(r"[\^_{}$\\]|(?<![A-Za-z])(?:pm|leq|geq|approx|cdot|circ)(?![A-Za-z])")
# A query word among the search aliases boosts as in the title (papersite.js RANKING).
ALIAS_WEIGHT = TITLE_WEIGHT
# Among this many first papers, those whose title names the query come first
# (papersite.js TITLED_AMONG: the header search's list).
TITLED_AMONG = 8
# Query words a title need not hold (papersite.js STOP_WORDS).
_TITLE_STOP_WORDS = frozenset({"a", "an", "and", "for", "in", "of", "on", "the", "to", "with"})

# A word: letter/digit runs joined by hyphens, `^`, `_` or apostrophes (`nnU-Net`, `U^2`).
_WORD_RE = re.compile(r"[^\W_]+(?:[-\u2010\u2011^_'\u2019]+[^\W_]+)*")
_PART_RE = re.compile(r"[^\W_]+")
# An ASCII word `_camel_parts` may cut: digits and letters meeting, a capital after a small
# letter or before a capital and a small letter (a word beyond ASCII always goes there).
_CAMEL_RE = re.compile(r"[A-Za-z]\d|\d[A-Za-z]|[a-z][A-Z]|[A-Z][A-Z][a-z]")
_STEMMER = snowballstemmer.stemmer("english")


@dataclass(frozen=True)
class SearchDocument:
    """What the terminal search reads of one paper."""

    slug: str
    title: str
    abstract: str
    year: int | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """One result: a paper and its score."""

    slug: str
    title: str
    score: float


@dataclass(frozen=True)
class SearchResult:
    """The ranked papers of a query; `all_words` is False for any-word fallback results,
    `lifted` True when a title that names the query put a paper above a higher score.
    `unknown`: the query's words no paper holds; `nearest`: the corpus's look-alike of
    each that has one; `searched`: the corrected query the hits are for, when every
    unknown word had a look-alike and some paper holds the corrected query's every word
    (the site's header search does the same)."""

    hits: tuple[Hit, ...]
    all_words: bool
    lifted: bool = False
    unknown: tuple[str, ...] = ()
    nearest: Mapping[str, str] = field(default_factory=dict)
    searched: str = ""


def _as_read(abstract: str) -> str:
    """An abstract's text as its page reads with its math as plain text ("ℓ₁": "l1" finds
    it), where its math may read otherwise (_SCRIPTED_RE): reading every abstract made
    the index 55% slower to build (11,000 papers: 1.3 s -> 2.0 s)."""
    return unicode_scripts(abstract, names=False) if _SCRIPTED_RE.search(abstract) else abstract


def documents_json(corpus: Corpus, aliases: Mapping[str, Sequence[str]] | None = None) -> str:
    """The papers' searchable text as deterministic JSON (written with the pages);
    `aliases`: Analysis.search_aliases."""
    papers = [
        {
            "slug": p.slug,
            "title": p.title,
            "abstract": p.abstract,
            "aliases": list((aliases or {}).get(p.slug, ())),
            "year": p.published.year if p.published else None,
            "url": paper_url(p.slug),
        }
        for p in sorted(corpus.papers, key=lambda p: p.slug)
    ]
    data = {"format": DOCUMENTS_FORMAT, "papers": papers}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def load_documents(text: str) -> list[SearchDocument]:
    """Read what `documents_json` wrote; ValueError when it is not such a file."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != DOCUMENTS_FORMAT:
        raise ValueError("not a papersite search file of a known format")
    try:
        return [
            SearchDocument(
                str(p["slug"]),
                str(p["title"]),
                str(p["abstract"]),
                p["year"],
                tuple(str(alias) for alias in p.get("aliases", ())),  # older files have none
            )
            for p in data["papers"]
        ]
    except (KeyError, TypeError) as error:
        raise ValueError(f"malformed search file: {error}") from None


def tokens(text: str, parts_of: dict[int, list[str]] | None = None) -> list[str]:
    """The words of `text` split as Pagefind splits them, folded: a word of several parts
    (joined by hyphens, or cut where the case changes or digits meet letters: "UNet" is
    U and Net, "ResNeSt" Res, Ne and St, "MDUnet" MD and Unet, "node2vec" node, 2 and
    vec) as its parts of two bytes or more and as one word ("x-ray": ray, xray;
    "Focal-UNet": focal, net, focalunet; "3D": 3d), a word of one part whatever its
    length. Given `parts_of`, the parts go there instead, by their word's number of
    parts (4: four or more), as an abstract weighs them less (WEIGHT_OF_PARTS)."""
    found: list[str] = []
    for word in _WORD_RE.findall(unicodedata.normalize("NFC", text)):
        ascii_word = word.isascii()
        if ascii_word and word.isalpha() and (word.islower() or word[1:].islower()):
            found.append(word.lower())  # most words: one part, no capital inside (fast)
            continue
        if not ascii_word or _CAMEL_RE.search(word):
            pieces = (fold(p) for piece in _PART_RE.findall(word) for p in _camel_parts(piece))
            parts = [part for piece in pieces for part in _PART_RE.findall(piece)]  # ½: 1⁄2
        else:
            parts = _PART_RE.findall(word.lower())
        if len(parts) > 1:
            kept = [part for part in parts if len(part.encode()) > 1]
            if parts_of is None:
                found.extend(kept)
            else:  # weighed apart: parts of a word of n parts (WEIGHT_OF_PARTS)
                parts_of.setdefault(min(len(parts), 4), []).extend(kept)
            found.append("".join(parts))
        else:
            found.extend(parts)
    return found


def _camel_parts(piece: str) -> list[str]:
    """`piece` cut where a capital follows a small letter (DeepLab), where a capital
    followed by a small letter follows a capital (MD|Unet, U|Net), and where digits and
    letters meet (node|2|vec, 3|DGS)."""
    parts, start = [], 0
    for i in range(1, len(piece)):
        before, here = piece[i - 1], piece[i]
        after = piece[i + 1 : i + 2]
        if (
            (before.islower() and here.isupper())
            or (before.isupper() and here.isupper() and after.islower())
            or (before.isalpha() and here.isdigit())
            or (before.isdigit() and here.isalpha())
        ):
            parts.append(piece[start:i])
            start = i
    parts.append(piece[start:])
    return parts


@dataclass(frozen=True)
class QueryWord:
    """A word of a query as typed (folded; a hyphenated word joined: `u-net` -> `unet`),
    its Snowball stem where the word starts with it (else the word: what a scan looks
    for, `_probe`), and its Snowball stem, which the stems of the words it matches start
    with (`coding`: `code`; `study`: `studi`)."""

    typed: str
    stem: str
    family: str


def query_words(query: str) -> list[QueryWord]:
    """The words of a query, each once."""
    words = ["".join(_PART_RE.findall(word)) for word in _WORD_RE.findall(fold(query))]
    unique = dict.fromkeys(word for word in words if word)
    return [QueryWord(word, _stem(word), _family(word)) for word in unique]


@lru_cache(maxsize=4096)
def _stem(word: str) -> str:
    stem = _family(word)
    return stem if word.startswith(stem) else word


@lru_cache(maxsize=65536)
def _family(word: str) -> str:
    """Snowball's stem of `word` (Pagefind's stemmer is Snowball's too)."""
    stem: str = _STEMMER.stemWord(word)
    return stem


def _probe(word: QueryWord) -> str:
    """What every word the query word matches starts with, for a quick scan: its stem,
    or less of it when Snowball's stem drops or alters a letter in some forms (`code`,
    `coding`: `cod`; `study`, `studies`: `stud`); at least two letters where the stem has
    them, or a scan would stem nearly every word (`ai`, `dying`)."""
    trimmed = word.family[:-1] if word.family.endswith(("e", "i")) else word.family
    for family in (trimmed, word.family):
        start = _common_start(word.stem, family)
        if len(start) >= min(2, len(word.stem)):
            return start
    return word.stem


def _common_start(one: str, other: str) -> str:
    for i, (a, b) in enumerate(zip(one, other, strict=False)):
        if a != b:
            return one[:i]
    return one[: len(other)]


class TerminalIndex:
    """The papers prepared for ranking: their title and abstract words."""

    def __init__(self, documents: Sequence[SearchDocument]) -> None:
        self.documents = list(documents)
        self._titles = [" ".join(tokens(d.title)) for d in self.documents]
        # An abstract's words, and apart those that are parts of a word (weighed less).
        self._abstract_texts: list[str] = []
        self._abstract_parts: list[dict[int, str]] = []
        lengths = []
        for d in self.documents:
            parts: dict[int, list[str]] = {}
            whole = tokens(_as_read(d.abstract), parts)
            self._abstract_texts.append(" ".join(whole))
            self._abstract_parts.append({n: " ".join(words) for n, words in parts.items()})
            lengths.append(len(whole) + sum(len(words) for words in parts.values()))
        self._lengths = lengths  # in words, parts counted
        # and, as on the site, the words typed for its title's math ("l1" for ℓ₁)
        self._aliases = [
            " ".join(tokens(" ".join([*d.aliases, *typed_math_words([d.title])])))
            for d in self.documents
        ]
        self._average_length = sum(lengths) / len(lengths) if lengths else 0.0
        self._words: list[tuple[str, str]] | None = None  # the corpus's words, folded too
        self._known: set[str] = set()  # their folded forms

    def search(self, query: str, limit: int = 10) -> SearchResult:
        """Papers matching every query word, best first; else those matching any. A
        query whose every word no paper has has a look-alike in the corpus is answered
        by the corrected query (`SearchResult.searched`) when a paper holds all of it."""
        found = self._search(query, limit)
        typos = [word for word in found.unknown if word in found.nearest]
        if not typos or len(typos) < len(found.unknown):
            return found
        fixed = corrected_query(query, found.nearest)
        again = self._search(fixed, limit)
        if not again.hits or not again.all_words or again.unknown:
            return found
        return replace(again, unknown=found.unknown, nearest=found.nearest, searched=fixed)

    def _search(self, query: str, limit: int) -> SearchResult:
        """`search` as typed: the unknown words named, each one's look-alike found."""
        words = query_words(query)
        if not words or limit <= 0 or not self.documents:
            return SearchResult((), True)
        matches = {word: self._matches(word) for word in words}
        unknown = tuple(word.typed for word in words if not matches[word])
        nearest = self._nearest(unknown) if unknown else {}
        idf = {word: self._idf(len(found)) for word, found in matches.items()}
        every = set.intersection(*(set(m) for m in matches.values()))
        if every or len(words) == 1:
            all_words = True
            scored = sorted(
                (-self._score(i, words, matches, idf), self.documents[i].slug, i) for i in every
            )
        else:
            all_words = False
            scored = self._any_word(words, matches, idf)
        ranked = [
            Hit(self.documents[i].slug, self.documents[i].title, round(-score, 4))
            for score, _, i in scored[: max(limit, TITLED_AMONG)]
        ]
        hits = tuple(titled_first(ranked, query)[:limit])
        # a lower score listed where a higher one would be (equal scores swapped: no)
        lifted = any(hit.score < best.score for hit, best in zip(hits, ranked, strict=False))
        return SearchResult(hits, all_words, lifted, unknown, nearest)

    def _any_word(
        self,
        words: Sequence[QueryWord],
        matches: dict[QueryWord, dict[int, tuple[float, float, float]]],
        idf: dict[QueryWord, float],
    ) -> list[tuple[float, str, int]]:
        """No paper holds every word: papers holding some, as the site's search box
        ranks them (search.js `find`): each word but "the", "of" ... searched alone, most
        words held first, then the sum of their scores alone. Papers holding only those
        small words are none ("the trasnformer" listed every paper with "the")."""
        terms = [word for word in words if matches[word] and word.typed not in _TITLE_STOP_WORDS]
        held: dict[int, list[QueryWord]] = {}
        for term in terms:
            for i in matches[term]:
                held.setdefault(i, []).append(term)
        ranked = sorted(
            (
                -len(found),
                -sum(self._score(i, [term], matches, idf) for term in found),
                self.documents[i].slug,
                i,
            )
            for i, found in held.items()
        )
        return [(score, slug, i) for _, score, slug, i in ranked]

    def _nearest(self, typed: Sequence[str]) -> dict[str, str]:
        """The corpus's look-alike of each typed word, as the site finds it
        (papersite.js `nearestOf`, over render/search_words.py's list)."""
        if self._words is None:
            self._words = [(word, fold(word)) for word in search_words(self.documents)]
            self._known = {folded for _, folded in self._words}
        return {
            word: best
            for word in typed
            if len(word) >= MIN_LETTERS and word not in self._known
            if (best := _look_alike(word, self._words))
        }

    def _matches(self, query_word: QueryWord) -> dict[int, tuple[float, float, float]]:
        """Papers holding the word: (its count in the abstract, each match weighted by
        closeness; how many stems of it the title holds; and the aliases). Pagefind adds
        the word's idf to the title boost once per stem the title holds: "Similarity"
        and "Similarity-Distance" twice for `similarity`."""
        probe = _probe(query_word)
        pattern = re.compile(r"(?<![^\W_])" + re.escape(probe) + r"[^\W_]*")
        family = query_word.family

        def close(found: str) -> float:
            return _closeness(family, _family(found))

        def matching(words: list[str]) -> list[str]:  # Pagefind's: the stem extends the query's
            return [w for w in words if _family(w).startswith(family)]

        found: dict[int, tuple[float, float, float]] = {}
        texts = zip(self._titles, self._abstract_texts, self._aliases, strict=True)
        for i, (title, abstract, aliases) in enumerate(texts):
            in_title = matching(pattern.findall(title))
            in_abstract = matching(pattern.findall(abstract)) if probe in abstract else []
            weighed = [
                (WEIGHT_OF_PARTS[n], w)
                for n, text in self._abstract_parts[i].items()
                if probe in text
                for w in matching(pattern.findall(text))
            ]
            in_aliases = matching(pattern.findall(aliases)) if probe in aliases else []
            if in_title or in_abstract or in_aliases or weighed:
                found[i] = (
                    sum(close(w) for w in in_abstract) + sum(k * close(w) for k, w in weighed),
                    float(len({_family(w) for w in in_title})),
                    float(len({_family(w) for w in in_aliases})),
                )
        return found

    def _idf(self, frequency: int) -> float:
        total = len(self.documents)
        return math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))

    def _score(
        self,
        i: int,
        words: Iterable[QueryWord],
        matches: dict[QueryWord, dict[int, tuple[float, float, float]]],
        idf: dict[QueryWord, float],
    ) -> float:
        length = self._lengths[i] or 1
        norm = BM25_K1 * (1 - BM25_B + BM25_B * length / (self._average_length or 1))
        body = title_idf = alias_idf = query_idf = 0.0
        for word in words:
            query_idf += idf[word]
            count, in_title, in_aliases = matches[word].get(i, (0.0, 0.0, 0.0))
            body += idf[word] * count * (BM25_K1 + 1) / (count + norm)
            title_idf += idf[word] * in_title
            alias_idf += idf[word] * in_aliases
        score = body
        for weight, meta_idf in ((TITLE_WEIGHT, title_idf), (ALIAS_WEIGHT, alias_idf)):
            coverage = meta_idf / query_idf if query_idf else 0.0
            score += weight * meta_idf * coverage * coverage
        return score


def _look_alike(typed: str, words: Sequence[tuple[str, str]]) -> str:
    """The word of `words` (most common first, with its folded form) one slip from
    `typed` (two for seven letters or more; two letters swapped are one slip): of those
    as near, one that starts as the typed word does, then the first; "" for none."""
    most = 2 if len(typed) >= 7 else 1
    best, best_rank = "", 2 * most + 2
    for word, folded in words:
        distance = edit_distance(typed, folded, most)
        rank = 2 * distance + (folded[:1] != typed[:1])
        if distance <= most and rank < best_rank:
            best, best_rank = word, rank
            if best_rank <= 2:
                break
    return best


def edit_distance(a: str, b: str, most: int) -> int:
    """Optimal string alignment distance of `a` and `b` (two letters swapped count as
    one), or `most` + 1 once it is over `most`."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    before: list[int] | None = None
    row = list(range(len(b) + 1))
    last_low = 0
    for i in range(1, len(a) + 1):
        current = [i]
        low = i
        for j in range(1, len(b) + 1):
            cost = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (a[i - 1] != b[j - 1]))
            if before and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
            low = min(low, cost)
        if low > most and last_low > most:
            return most + 1
        last_low = low
        before, row = row, current
    return min(row[len(b)], most + 1)


def corrected_query(query: str, nearest: Mapping[str, str]) -> str:
    """`query` with each typed word that has a look-alike replaced by it (whole words,
    as folded: papersite.js `correctedQuery` also mends a typo inside a compound)."""
    words = []
    for word in query.split():
        key = "".join(_PART_RE.findall(fold(word)))
        words.append(nearest.get(key, word))
    return " ".join(words)


def _closeness(stem: str, found: str) -> float:
    """Pagefind's `word_length_bonus`: highest (0.89) for a word of the query's stem,
    less the more `found`'s stem is longer or shorter, down to 1/e."""
    differential = abs(len(found) - len(stem)) + 1
    base = math.exp(-0.5 * differential**2 / 4)
    return math.exp(base * TERM_SIMILARITY) / math.exp(TERM_SIMILARITY)


def titled_first(hits: Sequence[Hit], query: str) -> list[Hit]:
    """Among the first TITLED_AMONG hits, those whose title names the query first, each
    group in its order; a query of one word left as ranked (papersite.js `titledFirst`:
    Pagefind boosts a title's words one by one, so a paper titled with every word of the
    query can rank below one whose abstract holds them). The site also reads a title as
    shown, math in Unicode; the listed title is read here (one bundled paper differs)."""
    if len(_terms(query)) < 2:
        return list(hits)
    head = list(hits[:TITLED_AMONG])
    titled = [names_label(query, f"{hit.title} {_apart(hit.title)}") for hit in head]
    first = [hit for hit, named in zip(head, titled, strict=True) if named]
    rest = [hit for hit, named in zip(head, titled, strict=True) if not named]
    return first + rest + list(hits[TITLED_AMONG:])


def names_label(query: str, label: str) -> bool:
    """Whether every word of the query (but "of", "the" ...) is a word of `label`, or its
    plural or singular; the last may be the start of one, as while typed (papersite.js
    `namesLabel`, which names a topic the same way)."""
    words = _plain_words(label)
    terms = _terms(query)

    def named(term: str, last: bool) -> bool:
        for word in words:
            if _same_word(word, term):
                return True
            rest = word[len(term) :]
            if last and len(term) >= 4 and word.startswith(term) and rest[:1].isalpha():
                return True
        return False

    return bool(terms) and all(named(term, i == len(terms) - 1) for i, term in enumerate(terms))


def _terms(query: str) -> list[str]:
    return [term for term in _plain_words(query) if term not in _TITLE_STOP_WORDS]


def _same_word(word: str, term: str) -> bool:
    """A word or its plural or singular: "model" and "models", "study" and "studies"."""
    if term in (word, word + "s") or word == term + "s":
        return True
    return (word.endswith("ies") and term == word[:-3] + "y") or (
        term.endswith("ies") and word == term[:-3] + "y"
    )


def _apart(title: str) -> str:
    """The title with the words its punctuation joins set apart ("Sparse-View")."""
    return "".join(
        c
        if c.isalpha()
        or c.isnumeric()
        or c.isspace()
        or c == "+"
        or unicodedata.category(c).startswith("M")
        else " "
        for c in title
    )


def _plain_words(text: str) -> list[str]:
    """Letters, digits and plus signs in lower case, accents off, split at spaces
    (papersite.js `plain`: "U-Net" and "unet" alike, "UNet++" apart)."""
    kept = "".join(
        c
        for c in unicodedata.normalize("NFKD", text)
        if c.isalpha() or c.isnumeric() or c.isspace() or c == "+"
    )
    return [word for word in kept.lower().split() if any(c.isalnum() for c in word)]
