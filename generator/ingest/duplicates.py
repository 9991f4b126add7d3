"""Flag papers that are probably the same work under different titles (never merged).

Three signals, each cheap at 100,000 papers:
- one title is the other without its `Name:` prefix (`TRP: Trained Rank Pruning…`);
- both titles open with the same method name (`UNet++: A Nested…`, `UNet++: Redesigning…`);
- the abstracts share word 5-grams: at least SHARED_SHINGLES of the shorter one's.
  On the bundled corpus, true pairs (journal and conference versions) share 14–51 %
  and the most-overlapping unrelated pair 6 %, hence the threshold of 12 %.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from itertools import combinations

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from generator.ingest.clean import normalize_key
from generator.model import MergeAction, MergeEntry, Paper

SHINGLE_WORDS = 5
SHARED_SHINGLES = 0.12
MAX_SHINGLE_PAPERS = 50  # a 5-gram in more papers than this is boilerplate, not evidence
_NAME_PREFIX_RE = re.compile(r"^\s*([^:]{2,40}):\s+(.+)$")
MIN_NAME_LENGTH = 3
_HASH_MULTIPLIER = np.uint64(0x100000001B3)  # FNV-1a's 64-bit prime


def flag_possible_duplicates(papers: list[Paper]) -> tuple[list[Paper], list[MergeEntry]]:
    """Return papers with `possible_duplicates` filled, and a log entry per flagged pair."""
    reasons: dict[tuple[int, int], str] = {}
    for pair, reason in [*_title_pairs(papers), *_abstract_pairs(papers)]:
        reasons.setdefault(pair, reason)
    partners: dict[int, set[str]] = defaultdict(set)
    log = []
    for (i, j), reason in sorted(reasons.items()):
        partners[i].add(papers[j].slug)
        partners[j].add(papers[i].slug)
        sources = (*papers[i].sources, *papers[j].sources)
        detail = f"{papers[i].title!r} and {papers[j].title!r}: {reason}; not merged"
        log.append(MergeEntry(MergeAction.POSSIBLE_DUPLICATE, papers[i].slug, sources, detail))
    flagged = [
        replace(p, possible_duplicates=tuple(sorted(partners[i]))) if i in partners else p
        for i, p in enumerate(papers)
    ]
    return flagged, log


def _title_pairs(papers: list[Paper]) -> list[tuple[tuple[int, int], str]]:
    """Pairs whose titles match once a `Name:` prefix is set aside, or share that name."""
    by_title: dict[str, list[int]] = defaultdict(list)
    by_core: dict[str, list[int]] = defaultdict(list)
    by_name: dict[str, list[int]] = defaultdict(list)
    for index, paper in enumerate(papers):
        if paper.title_inferred:
            continue
        by_title[normalize_key(paper.title)].append(index)
        match = _NAME_PREFIX_RE.match(paper.title)
        if match:
            name = normalize_key(match[1])
            by_core[normalize_key(match[2])].append(index)
            if len(name.replace(" ", "")) >= MIN_NAME_LENGTH and len(name.split()) <= 3:
                by_name[match[1].strip().casefold()].append(index)
    pairs = []
    for core, indexes in by_core.items():
        for i in indexes:
            for j in by_title.get(core, []):
                pairs.append((_ordered(i, j), "same title once the name prefix is set aside"))
    for name, indexes in by_name.items():
        for i, j in combinations(indexes, 2):
            pairs.append((_ordered(i, j), f"both titles name the method {name!r}"))
    return pairs


def _abstract_pairs(papers: list[Paper]) -> list[tuple[tuple[int, int], str]]:
    """Pairs whose abstracts share many word 5-grams.

    A sparse papers-by-5-grams matrix times its transpose counts the 5-grams each pair
    shares; 5-grams held by one paper, or by too many to be evidence, are left out first.
    """
    rows, grams = _shingle_table(papers)
    if not len(grams):
        return []
    gram_ids, columns = np.unique(grams, return_inverse=True)
    holders = np.bincount(columns, minlength=len(gram_ids))
    keep = (holders[columns] > 1) & (holders[columns] <= MAX_SHINGLE_PAPERS)
    sizes = np.bincount(rows, minlength=len(papers))
    matrix = sparse.csr_matrix(
        (np.ones(int(keep.sum()), dtype=np.int32), (rows[keep], columns[keep])),
        shape=(len(papers), len(gram_ids)),
    )
    shared = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    overlap = shared.data / np.minimum(sizes[shared.row], sizes[shared.col])
    found = overlap >= SHARED_SHINGLES
    return [
        ((int(i), int(j)), f"abstracts share {value:.0%} of their word 5-grams")
        for i, j, value in zip(shared.row[found], shared.col[found], overlap[found], strict=True)
    ]


def _shingle_table(papers: list[Paper]) -> tuple[NDArray[np.int64], NDArray[np.uint64]]:
    """(paper number, 5-gram hash) for every distinct word 5-gram of every abstract.

    Words are numbered in order of first appearance and a 5-gram hashed from its five
    numbers with 64-bit arithmetic, so hashes are the same in every run.
    """
    vocabulary: dict[str, int] = {}
    rows: list[NDArray[np.int64]] = []
    grams: list[NDArray[np.uint64]] = []
    for number, paper in enumerate(papers):
        words = normalize_key(paper.abstract).split()
        if len(words) < SHINGLE_WORDS:
            continue
        ids = np.array([vocabulary.setdefault(w, len(vocabulary)) for w in words], np.uint64)
        count = len(ids) - SHINGLE_WORDS + 1
        hashed = np.zeros(count, dtype=np.uint64)
        for k in range(SHINGLE_WORDS):
            hashed = hashed * _HASH_MULTIPLIER + ids[k : k + count]
        distinct = np.unique(hashed)
        grams.append(distinct)
        rows.append(np.full(len(distinct), number, dtype=np.int64))
    if not grams:
        return np.zeros(0, np.int64), np.zeros(0, np.uint64)
    return np.concatenate(rows), np.concatenate(grams)


def _ordered(i: int, j: int) -> tuple[int, int]:
    return (i, j) if i < j else (j, i)
