"""Hypothesis strategies for hostile corpora: pieces of every input format, mixed with
arbitrary text and bytes, so that generated files reach deep into each reader."""

from __future__ import annotations

import json

from hypothesis import strategies as st
from listing_texts import ABSTRACT, OTHER

from generator.model import Corpus, MergeAction

FRAGMENTS = [
    "",
    "Get trending papers in your email inbox!",
    "Subscribe",
    "SubscribeA Title",
    "new",
    "Daily Papers",
    "byAK and the research community",
    "Oct 30",
    "A Title",
    "TRP: Trained Rank Pruning",
    "Trained Rank Pruning",
    "UNet++: Nested",
    ABSTRACT,
    OTHER,
    ABSTRACT[:50],
    r"{\em any} 90\% ``quoted'' \textcolor[rgb]{1, 0, 0}{red} Poincar\'e mathcal{O}(T^{-1/2d})",
    "  • 2 authors",
    "  • 1 author",
    "  • 3 au",
    "·",
    "Mar 8",
    "Feb 29",
    "Sep 16, 2024 5",
    "Oct 12, 2021",
    json.dumps({"title": "A Title", "abstract": ABSTRACT, "date": "2021-02-03", "upvotes": 2}),
    json.dumps({"abstract": OTHER, "authors": ["x", "y"]}),
    json.dumps({"title": "", "abstract": ""}),
    '{"title": ',
    json.dumps({"title": "A Title", "upvotes": "²", "authors_count": 2.5}),
    '{"a": ' + "[" * 3000,
    '{"n": ' + "1" * 5000 + "}",
    "[1, 2]",
    "title,abstract,date",
    f'A Title,"{ABSTRACT}",2020-01-01',
    '"unterminated,',
    "x" * 300,
]
NAMES = ["a.txt", "b.txt", "c.jsonl", "d.csv", "e.tsv"]

line = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30))
listing = st.lists(line, max_size=30).map("\n".join)
content = st.one_of(
    listing.map(str.encode),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=300),
)
corpora = st.dictionaries(st.sampled_from(NAMES), content, max_size=4)


def check_accounting(corpus: Corpus) -> None:
    """Every record read is in exactly one paper, or reported as rejected."""
    sources = [s for p in corpus.papers for s in p.sources]
    rejected = [e for e in corpus.merge_log if e.action is MergeAction.REJECTED]
    assert len(sources) == len(set(sources)), "a record is in two papers"
    assert len(sources) == sum(f.records for f in corpus.files)
    assert corpus.records_read == len(sources) + len(rejected)
    assert sum(f.rejected for f in corpus.files) == len(rejected)


# --- corpora that hold papers: a well-formed listing of hostile titles, among bad files ---

INJECTIONS = [
    '<script>alert("x")</script>',
    "{{ 7*7 }} {% raw %}",
    "&lt;b&gt; *not* _emphasis_ [link](javascript:alert(1))",
    "\u202eexe.png",
    "../../etc/passwd",
    "$x^2$ and $$ y $$",
    "mathcal" + "{" * 3000 + "x^" + "{^" * 1000,  # math nested past any stack
]
WORDS = ABSTRACT.split() + OTHER.split()
hostile_text = st.one_of(st.sampled_from(INJECTIONS), st.text(min_size=1, max_size=25))
titles = st.tuples(st.lists(st.sampled_from(WORDS), min_size=2, max_size=6), hostile_text).map(
    lambda parts: " ".join(parts[0]).capitalize() + " " + parts[1]
)
abstracts = st.tuples(st.sampled_from([ABSTRACT, OTHER]), hostile_text).map(" ".join)
papers = st.lists(st.tuples(titles, abstracts), min_size=1, max_size=6)


def _search_listing(pairs: list[tuple[str, str]]) -> bytes:
    lines = ["Get trending papers in your email inbox!"]
    for index, (title, abstract) in enumerate(pairs):
        lines += [("Subscribe" if index == 0 else "") + " ".join(title.split()), abstract]
    return ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")


def _jsonl(pairs: list[tuple[str, str]]) -> bytes:
    rows = [json.dumps({"title": t, "abstract": a, "authors": [t[:10]]}) for t, a in pairs]
    return "\n".join(rows).encode()


formats = st.sampled_from([("papers.txt", _search_listing), ("papers.jsonl", _jsonl)])
listings = st.tuples(papers, formats)
# One file of papers (so that pages get written), often beside hostile files.
corpora_with_papers = st.tuples(listings, corpora).map(
    lambda c: {c[0][1][0]: c[0][1][1](c[0][0]), **c[1]}
)


# A "billion laughs" YAML document: 12 lines whose aliases expand to 9**11 values.
YAML_BOMB = "".join(
    [
        "a0: &a0 [lol]\n",
        *(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 12)),
    ]
)
