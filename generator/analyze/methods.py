"""Method mentions: abstracts that name a method defined by another paper's title.

Names come from titles (method_names.py). Mentions are matched case-sensitively on
word boundaries, plural or singular ("MobileNet" for "MobileNets"). To avoid false
links: a paper's own method name is removed from its text first (so "3D ShapeNets"
does not mention "ShapeNet"); possible duplicates never link; and short all-capital
names ("SNIP", "WDM", "TRP") or names that are also common words only link papers
whose content is similar once the name itself is left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import scipy.sparse as sp

from generator.analyze.documents import Documents
from generator.analyze.method_names import method_name
from generator.analyze.text import phrase_key
from generator.analyze.vectors import Vectors
from generator.model import Method, Paper

# An ambiguous name links papers whose tf-idf cosine, without the name's own terms,
# reaches this (about the 93rd percentile of all pairs in the bundled corpus: WDM the
# wavelet diffusion model and WDM the wafer defect map score 0.02 once "WDM" is removed).
MIN_SIMILARITY = 0.08
_SHORT = 5
_PUNCT = "()[]{},.;:!?\"'“”‘’"


@dataclass(frozen=True)
class MethodLinks:
    """Methods of the corpus and who mentions whom (paper slug -> paper slugs)."""

    methods: tuple[Method, ...]
    mentions: dict[str, tuple[str, ...]]
    mentioned_by: dict[str, tuple[str, ...]]


def find_methods(papers: Sequence[Paper], docs: Documents, vectors: Vectors) -> MethodLinks:
    """Methods defined by titles, and for each paper the methods' papers it mentions."""
    common = frozenset(w for w, forms in docs.surfaces.forms().items() if _written_lower(forms))
    defined: dict[str, list[int]] = {}
    own: dict[int, str] = {}
    for index, paper in enumerate(papers):
        name = None if paper.title_inferred else method_name(paper.title, common)
        if name:
            defined.setdefault(name, []).append(index)
            own[index] = name
    duplicates = _duplicate_pairs(papers)
    patterns = {name: _mention_pattern(name) for name in defined}
    by_token = _first_tokens(defined)
    mentions: dict[int, set[int]] = {}
    by_method: dict[str, set[int]] = {}
    for index, paper in enumerate(papers):
        text = " ".join(paper.versions or (paper.abstract,))
        if index in own:
            text = patterns[own[index]].sub(" ", text)
        names = {n for t in text.split() for n in by_token.get(t.strip(_PUNCT), ())}
        for name in sorted(names):
            if index in defined[name] or not patterns[name].search(text):
                continue
            targets = [o for o in defined[name] if (index, o) not in duplicates]
            if _ambiguous(name, common):
                targets = [o for o in targets if _similar(vectors, docs, name, index, o)]
            if targets:
                mentions.setdefault(index, set()).update(targets)
                by_method.setdefault(name, set()).add(index)
    return _links(papers, defined, mentions, by_method)


def _similar(vectors: Vectors, docs: Documents, name: str, a: int, b: int) -> bool:
    """Whether two papers are similar in content once the name's own terms are left out."""
    words = set((phrase_key(name, docs.tokenizer) or "").split(" "))
    tfidf: sp.csr_matrix = vectors.tfidf
    row_a = dict(_row(tfidf, a))
    total = sum(
        weight * row_a[column]
        for column, weight in _row(tfidf, b)
        if column in row_a and not words.intersection(vectors.terms[column].split(" "))
    )
    return total >= MIN_SIMILARITY


def _row(matrix: sp.csr_matrix, index: int) -> list[tuple[int, float]]:
    """(column, value) pairs of one sparse row."""
    lo, hi = matrix.indptr[index], matrix.indptr[index + 1]
    return list(zip(matrix.indices[lo:hi].tolist(), matrix.data[lo:hi].tolist(), strict=True))


def _first_tokens(defined: dict[str, list[int]]) -> dict[str, list[str]]:
    """Map the first word of each name (and its plural/singular) to the names."""
    by_token: dict[str, list[str]] = {}
    for name in sorted(defined):
        first = name.split()[0]
        stem = first[:-1] if first.endswith("s") and not first.endswith("ss") else first
        for form in {first, stem, stem + "s"}:
            by_token.setdefault(form, []).append(name)
    return by_token


def _links(
    papers: Sequence[Paper],
    defined: dict[str, list[int]],
    mentions: dict[int, set[int]],
    by_method: dict[str, set[int]],
) -> MethodLinks:
    """Assemble the sorted, slug-keyed result."""
    slugs = [p.slug for p in papers]
    methods = tuple(
        Method(name, slugs[owner], tuple(sorted(slugs[i] for i in by_method.get(name, ()))))
        for name, owners in sorted(defined.items(), key=lambda item: (item[0].casefold(), item[0]))
        for owner in owners
    )
    forward = {
        slugs[i]: tuple(sorted(slugs[t] for t in targets)) for i, targets in mentions.items()
    }
    backward: dict[str, set[str]] = {}
    for source, targets in forward.items():
        for target in targets:
            backward.setdefault(target, set()).add(source)
    return MethodLinks(
        methods=methods,
        mentions={s: forward.get(s, ()) for s in slugs},
        mentioned_by={s: tuple(sorted(backward.get(s, ()))) for s in slugs},
    )


def _mention_pattern(name: str) -> re.Pattern[str]:
    """Case-sensitive, word-bounded match of a name, its plural and singular ("MobileNet(s)")."""
    stem = name[:-1] if name.endswith("s") and not name.endswith("ss") else name
    forms = sorted({name, stem, stem + "s"}, key=len, reverse=True)
    body = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w+\-^]){body}(?![\w+\-^]|\+\+)")


def _ambiguous(name: str, common: frozenset[str]) -> bool:
    """Short capitals-only names and common words need similar content to link."""
    letters = "".join(ch for ch in name if ch.isalpha())
    short_caps = len(name) <= _SHORT and letters.isupper()
    return short_caps or name.replace("-", "").lower() in common


def _written_lower(forms: Mapping[str, int]) -> bool:
    """Whether a word is commonly written in lower case in the corpus (an ordinary word)."""
    lower = sum(c for f, c in forms.items() if f == f.lower())
    return bool(lower >= 0.25 * max(sum(forms.values()), 1))


def _duplicate_pairs(papers: Sequence[Paper]) -> set[tuple[int, int]]:
    """Possible-duplicate pairs (both directions): a copy mentioning itself is no link."""
    index = {p.slug: i for i, p in enumerate(papers)}
    pairs: set[tuple[int, int]] = set()
    for i, paper in enumerate(papers):
        for slug in paper.possible_duplicates:
            if slug in index:
                pairs.update({(i, index[slug]), (index[slug], i)})
    return pairs
