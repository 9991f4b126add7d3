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

from generator.ingest.clean import normalize_key
from generator.model import MergeAction, MergeEntry, Paper

SHINGLE_WORDS = 5
SHARED_SHINGLES = 0.12
MAX_SHINGLE_PAPERS = 50  # a 5-gram in more papers than this is boilerplate, not evidence
_NAME_PREFIX_RE = re.compile(r"^\s*([^:]{2,40}):\s+(.+)$")
MIN_NAME_LENGTH = 3


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
    """Pairs whose abstracts share many word 5-grams, found through an inverted index."""
    shingles = [_shingles(p.abstract) for p in papers]
    index: dict[str, list[int]] = defaultdict(list)
    for number, grams in enumerate(shingles):
        for gram in grams:
            index[gram].append(number)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for holders in index.values():
        if 1 < len(holders) <= MAX_SHINGLE_PAPERS:
            for i, j in combinations(holders, 2):
                shared[(i, j)] += 1
    pairs = []
    for (i, j), count in shared.items():
        overlap = count / min(len(shingles[i]), len(shingles[j]))
        if overlap >= SHARED_SHINGLES:
            pairs.append(((i, j), f"abstracts share {overlap:.0%} of their word 5-grams"))
    return pairs


def _shingles(text: str) -> set[str]:
    words = normalize_key(text).split()
    return {" ".join(words[k : k + SHINGLE_WORDS]) for k in range(len(words) - SHINGLE_WORDS + 1)}


def _ordered(i: int, j: int) -> tuple[int, int]:
    return (i, j) if i < j else (j, i)
