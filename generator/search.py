"""The Paper finder's prebuilt lunr index: build it, serialize it, and search it in Python.

The same normalisation runs on the text before indexing and on every query (here and in
`site_src/overrides/assets/javascripts/finder.js`, which must stay in step with it):
accents are folded (`Fréchet` -> `frechet`), `++` is spelled `pp` (`UNet++` -> `unetpp`),
and a hyphenated word is indexed as its parts and as its joined forms (`nnU-Net` ->
`nnu`, `net`, `nnunet`), so `nnunet`, `u-net`, `unet++` and `naive` find their papers.
Tokens reach lunr already split, so lunr's own tokenizer separator never applies.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import lunr
from lunr.builder import Builder
from lunr.index import Index
from lunr.query import Query

from generator.links import paper_url
from generator.model import Analysis, Corpus, Paper

FORMAT_VERSION = 1
# Field boosts: a query word in the title weighs ten times one in the abstract.
FIELD_BOOSTS: tuple[tuple[str, int], ...] = (("title", 10), ("abstract", 1))
# BM25 parameters, written out although they are lunr's defaults.
BM25_B = 0.75
BM25_K1 = 1.2
# Query clause boosts: the word as typed, its hyphen-split parts, and the prefix of the
# last word (search as you type).
WORD_BOOST = 1.0
PART_BOOST = 0.2
PREFIX_BOOST = 0.1
MIN_PREFIX_LENGTH = 3
# Words of more parts than this are indexed as their parts and one full join only.
MAX_JOINED_PARTS = 5
SUMMARY_CHARS = 220

# Letters that Unicode decomposition does not split into a base letter and a mark.
FOLDS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})
# A word: letter/digit runs (each maybe ending in `++`) joined by hyphens, `^`, `_` or
# apostrophes. Python's `[^\W_]` and JavaScript's `[\p{L}\p{N}]` match the same characters.
WORD_RE = re.compile(r"[^\W_]+(?:\+\+)?(?:[-\u2010\u2011^_'\u2019]+[^\W_]+(?:\+\+)?)*")
PART_RE = re.compile(r"[^\W_]+(?:\+\+)?")


@dataclass(frozen=True)
class SearchDocument:
    """What the finder shows for one paper: the lunr index holds only its position."""

    slug: str
    title: str
    url: str
    year: int | None
    topics: tuple[str, ...]
    summary: str


@dataclass(frozen=True, order=True)
class SearchTopic:
    """A topic offered by the finder's topic filter."""

    slug: str
    label: str


@dataclass(frozen=True)
class SearchIndex:
    """A serialized lunr index with the documents (ref `i` is `documents[i]`) and topics."""

    lunr: Mapping[str, Any]
    documents: tuple[SearchDocument, ...]
    topics: tuple[SearchTopic, ...]


@dataclass(frozen=True)
class Hit:
    """One search result: a paper, its title and its lunr score."""

    slug: str
    title: str
    score: float


def fold(text: str) -> str:
    """Lower-case `text` and fold accents and ligatures to plain letters."""
    lowered = unicodedata.normalize("NFKD", text).lower().translate(FOLDS)
    decomposed = unicodedata.normalize("NFKD", lowered)
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", kept)


def _spell(part: str) -> str:
    """A word part as a token: `unet++` is spelled `unetpp`."""
    return part[:-2] + "pp" if part.endswith("++") else part


def word_parts(text: str) -> list[list[str]]:
    """Split folded text into words, each a list of parts (`u-net++` -> [`u`, `net++`])."""
    return [PART_RE.findall(word) for word in WORD_RE.findall(fold(text))]


def _joins(parts: list[str]) -> Iterator[str]:
    """Joined forms of a hyphenated word: every run of two or more contiguous parts."""
    spelled = [_spell(p) for p in parts]
    if len(spelled) > MAX_JOINED_PARTS:
        yield "".join(spelled)
        return
    for start in range(len(spelled) - 1):
        for end in range(start + 2, len(spelled) + 1):
            yield "".join(spelled[start:end])


def index_tokens(text: str) -> list[str]:
    """Tokens indexed for `text`: each part (and its `++`-less base) and the joined forms."""
    tokens: list[str] = []
    for parts in word_parts(text):
        for part in parts:
            tokens.append(_spell(part))
            if part.endswith("++") and len(part) > 2:
                tokens.append(part[:-2])
        if len(parts) > 1:
            tokens.extend(_joins(parts))
    return tokens


@dataclass(frozen=True)
class QueryTerm:
    """One clause of a query: a token, its boost, and whether it matches as a prefix."""

    term: str
    boost: float
    prefix: bool = False


def query_terms(query: str) -> list[QueryTerm]:
    """Clauses for a query: each word joined, its parts weaker, the last word as a prefix."""
    words = word_parts(query)
    terms: list[QueryTerm] = []
    for number, parts in enumerate(words):
        joined = "".join(_spell(p) for p in parts)
        terms.append(QueryTerm(joined, WORD_BOOST))
        if len(parts) > 1:
            terms.extend(QueryTerm(_spell(p), PART_BOOST) for p in parts)
        last = number == len(words) - 1
        if last and len(parts) == 1 and len(joined) >= MIN_PREFIX_LENGTH:
            terms.append(QueryTerm(joined, PREFIX_BOOST, prefix=True))
    return terms


def summary(abstract: str, limit: int = SUMMARY_CHARS) -> str:
    """The abstract's opening, cut at a word boundary near `limit` characters."""
    text = " ".join(abstract.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"


def _document(paper: Paper, analysis: Analysis) -> SearchDocument:
    return SearchDocument(
        slug=paper.slug,
        title=paper.title,
        url=paper_url(paper.slug),
        year=paper.published.year if paper.published else None,
        topics=tuple(sorted(analysis.paper_topics.get(paper.slug, ()))),
        summary=summary(paper.abstract),
    )


def _builder() -> Builder:
    """A lunr builder with every setting written out (lunr.js 2.3.9 can load its index)."""
    builder = lunr.get_default_builder()  # pipeline: trimmer, stopWordFilter, stemmer
    builder.ref("ref")
    for name, boost in FIELD_BOOSTS:
        builder.field(name, boost=boost)
    builder.b(BM25_B)
    builder.k1(BM25_K1)
    return builder


def build_search_index(corpus: Corpus, analysis: Analysis) -> SearchIndex:
    """Index every paper's title and abstract; keep what the finder shows beside it.

    A paper's lunr ref is its position in `documents` (short refs keep the index small).
    """
    papers = sorted(corpus.papers, key=lambda p: p.slug)
    builder = _builder()
    for number, paper in enumerate(papers):
        builder.add(
            {
                "ref": str(number),
                "title": index_tokens(paper.title),
                "abstract": index_tokens(paper.abstract),
            }
        )
    topics = tuple(sorted(SearchTopic(t.slug, t.label) for t in analysis.topics))
    return SearchIndex(
        lunr=builder.build().serialize(),
        documents=tuple(_document(p, analysis) for p in papers),
        topics=topics,
    )


def index_json(index: SearchIndex) -> str:
    """The index as deterministic JSON (sorted keys, no timestamps), for the finder page."""
    data = {
        "format": FORMAT_VERSION,
        "index": index.lunr,
        "documents": [
            {
                "slug": d.slug,
                "title": d.title,
                "url": d.url,
                "year": d.year,
                "topics": list(d.topics),
                "summary": d.summary,
            }
            for d in index.documents
        ],
        "topics": [{"slug": t.slug, "label": t.label} for t in index.topics],
    }
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def load_index_json(text: str) -> SearchIndex:
    """Read JSON written by `index_json` back into a SearchIndex."""
    data = json.loads(text)
    if data.get("format") != FORMAT_VERSION:
        raise ValueError(f"unsupported search index format: {data.get('format')!r}")
    documents = tuple(
        SearchDocument(
            slug=d["slug"],
            title=d["title"],
            url=d["url"],
            year=d["year"],
            topics=tuple(d["topics"]),
            summary=d["summary"],
        )
        for d in data["documents"]
    )
    topics = tuple(SearchTopic(t["slug"], t["label"]) for t in data["topics"])
    return SearchIndex(lunr=data["index"], documents=documents, topics=topics)


def _add_clauses(query: Query, terms: list[QueryTerm]) -> None:
    """Add the normalised terms to a lunr query (the browser adds the same clauses)."""
    for term in terms:
        if term.prefix:
            query.term(
                term.term, boost=term.boost, wildcard=Query.WILDCARD_TRAILING, use_pipeline=False
            )
        else:
            query.term(term.term, boost=term.boost)


def search(index: SearchIndex, query: str, limit: int = 10) -> list[Hit]:
    """Rank papers for `query`, best first (ties by slug), at most `limit` of them."""
    terms = query_terms(query)
    if not terms or limit <= 0:
        return []
    loaded = Index.load(dict(index.lunr))
    results = loaded.query(callback=lambda q: _add_clauses(q, terms))
    documents = [index.documents[int(r["ref"])] for r in results]
    ranked = sorted((-r["score"], d.slug, d.title) for r, d in zip(results, documents, strict=True))
    return [Hit(slug, title, round(-score, 4)) for score, slug, title in ranked[:limit]]


def title_aliases(title: str) -> tuple[str, ...]:
    """Forms of a title's words that Material's search cannot derive (`nnunet`, `frechet`).

    Material splits on whitespace and hyphens and neither folds accents nor joins parts;
    pages can carry these forms (hidden) so its search finds `nnunet` or `naive` too.
    """
    words = re.split(r"[\s\-]+", title.lower())
    plain = {w.strip("!\"#$%&'()*,./:;<=>?@[\\]^_`{|}~") for w in words}
    seen: dict[str, None] = {}
    for token in index_tokens(title):
        if token not in plain and token not in seen:
            seen[token] = None
    return tuple(seen)
