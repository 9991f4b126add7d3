"""Method mentions: abstracts that name a method defined by another paper.

Names come from titles (names.py) and from abstracts that coin them (coined.py; a name
a title defines is the title's). Mentions are matched case-sensitively on
word boundaries, plural or singular ("MobileNet" for "MobileNets"). To avoid false
links: a paper's own method names are removed from its text first (so "3D ShapeNets"
does not mention "ShapeNet"); possible duplicates never link; and short all-capital
names ("SNIP", "WDM", "TRP") or names that are also common words only link papers
whose content is similar once the name itself is left out; and a name many papers write
is not the name of a paper none of them resembles, when only its title says it (a title
"ImageNet: ..." on bananas).

Several titles may name the same method ("UNet++: A Nested U-Net ..." and its journal
version "UNet++: Redesigning Skip Connections ..."). Those whose content is similar
(or that are possible duplicates) are one method, listed once with its first paper;
namesakes with unrelated content stay separate methods, each with its own mentions.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from generator.analyze.features.documents import Documents
from generator.analyze.features.tokens import phrase_key
from generator.analyze.features.vectors import Vectors
from generator.analyze.methods.coined import Coinage, abbreviated_terms, coinages
from generator.analyze.methods.names import (
    coined,
    method_name,
    name_forms,
    names_a_dataset,
    singular,
)
from generator.model import Method, Paper

# An ambiguous name links papers whose tf-idf cosine, without the name's own terms,
# reaches this (about the 93rd percentile of all pairs in the bundled corpus: WDM the
# wavelet diffusion model and WDM the wafer defect map score 0.02 once "WDM" is removed).
MIN_SIMILARITY = 0.08
# A name a title alone gives its paper, that this many papers write, must be written by
# one similar to that paper (`_unlike_their_definers`).
CHECKED_WRITERS = 5
# A name that more papers coin than this (papers that copy a coinage, or a name many
# give their own method) links a mention to the ones closest to the mentioning paper
# only: one abstract of 50,000 synthetic papers linked 161 papers that all coin "DRP-Net".
MAX_NAMESAKES = 3
_SHORT = 5
CASE_FREE_LETTERS = 5
_PUNCT = "()[]{},.;:!?\"'“”‘’"


@dataclass(frozen=True)
class MethodLinks:
    """Methods of the corpus and who mentions whom (paper slug -> paper slugs)."""

    methods: tuple[Method, ...]
    mentions: dict[str, tuple[str, ...]]
    mentioned_by: dict[str, tuple[str, ...]]


def find_methods(papers: Sequence[Paper], docs: Documents, vectors: Vectors) -> MethodLinks:
    """Methods defined by titles and abstracts, and for each paper the methods' papers it
    mentions."""
    common = frozenset(w for w, forms in docs.surfaces.forms().items() if _written_lower(forms))
    texts = [" ".join(p.versions or (p.abstract,)) for p in papers]
    # Each text's words that hold a capital or digit, stripped of punctuation: every name
    # does (the rest are not kept: they were 48 MB at 10,000 papers).
    tokens = [
        {t.strip(_PUNCT) for t in itertools.filterfalse(str.islower, set(text.split()))}
        for text in texts
    ]
    defined, own = _defined_names(papers, texts, tokens, common)
    duplicates = _duplicate_pairs(papers)
    patterns = _Patterns(common)
    similar = _Similarity(vectors, docs)
    by_token = _loose_keys(defined)
    loose = functools.cache(_loose)  # for this corpus only
    by_name: dict[str, dict[int, set[int]]] = {}  # name -> paper -> the papers it names
    for index, text in enumerate(texts):
        keys = _text_keys(tokens[index], loose)
        for name in own.get(index, ()):
            if keys & _name_keys(name):
                text = patterns.remove(name, text)
        # The words before removal: a few more names to look for, each then searched for
        # in the text as it is now.
        names = {n for w in by_token.keys() & keys for n in by_token[w]}
        for name in sorted(names):
            if name in own.get(index, ()) or not patterns.get(name).search(text):
                continue
            targets = [o for o in defined[name] if (index, o) not in duplicates]
            if targets and _ambiguous(name, common):
                targets = similar.among(name, index, targets)
            if len(targets) > MAX_NAMESAKES:
                targets = similar.closest(name, index, targets, MAX_NAMESAKES)
            if targets:
                by_name.setdefault(name, {})[index] = set(targets)

    def written(name: str, paper: int) -> bool:
        return patterns.get(name).search(texts[paper]) is not None

    for name in _unlike_their_definers(by_name, defined, written, similar):
        del by_name[name], defined[name]
    groups = {
        name: _same_method(name, owners, duplicates, similar) for name, owners in defined.items()
    }
    links = _links(papers, groups, by_name)
    slugs = [p.slug for p in papers]
    return replace(
        links, mentioned_by=_closest_first(links.mentioned_by, slugs, vectors.family_tfidf)
    )


def _defined_names(
    papers: Sequence[Paper],
    texts: Sequence[str],
    tokens: Sequence[set[str]],
    common: frozenset[str],
) -> tuple[dict[str, list[int]], dict[int, list[str]]]:
    """Who defines which name (name -> papers in corpus order) and each paper's names.

    A title's name comes first; an abstract's coinage counts unless a title defines the
    name (the title is the surer sign) or it abbreviates an established term.
    """
    defined: dict[str, list[int]] = {}
    own: dict[int, list[str]] = {}
    for index, paper in enumerate(papers):
        name = None if paper.title_inferred else method_name(paper.title, common)
        if name:
            defined.setdefault(name, []).append(index)
            own[index] = [name]
    titled = {_loose(name) for name in defined}  # "MDUnet" in a title is "MDU-Net" too
    coined_by: dict[str, list[tuple[int, Coinage]]] = {}
    for index, text in enumerate(texts):
        variants = tuple(f"{name}-" for name in own.get(index, ()))
        for coinage in coinages(text, common):
            # A variant of the title's own method ("UKBOB-manual", a subset of UKBOB) is
            # that method, not another.
            if _loose(coinage.name) not in titled and not coinage.name.startswith(variants):
                coined_by.setdefault(coinage.name, []).append((index, coinage))
    abbreviated = abbreviated_terms(coined_by, texts, tokens)
    for name, owners in coined_by.items():
        if name not in abbreviated:
            defined[name] = [index for index, _ in owners]
            for index, _ in owners:
                own.setdefault(index, []).append(name)
    return defined, own


def _same_method(
    name: str, owners: list[int], duplicates: set[tuple[int, int]], similar: _Similarity
) -> list[list[int]]:
    """The papers defining `name`, grouped into methods: papers joined (transitively)
    when possible duplicates or similar once the name is left out. Groups and their
    papers keep corpus order; a lone definer is a group of one."""
    group = {o: o for o in owners}

    def root(o: int) -> int:
        while group[o] != o:
            o = group[o]
        return o

    for i, a in enumerate(owners):
        later = owners[i + 1 :]
        if not later:
            break
        joined = {b for b in later if (a, b) in duplicates}
        joined.update(similar.among(name, a, [b for b in later if b not in joined]))
        for b in joined:
            group[root(b)] = root(a)
    out: dict[int, list[int]] = {}
    for o in owners:
        out.setdefault(root(o), []).append(o)
    return list(out.values())


class _Patterns:
    """Mention patterns, compiled when first needed (most names are never looked for)."""

    def __init__(self, common: frozenset[str]) -> None:
        self.common = common
        self.compiled: dict[str, re.Pattern[str]] = {}

    def get(self, name: str) -> re.Pattern[str]:
        """The pattern of a name."""
        pattern = self.compiled.get(name)
        if pattern is None:
            pattern = self.compiled[name] = _mention_pattern(name, _case_free(name, self.common))
        return pattern

    def remove(self, name: str, text: str) -> str:
        """The text without the name."""
        return self.get(name).sub(" ", text)


class _Similarity:
    """tf-idf cosine of two papers without the terms of a method name."""

    def __init__(self, vectors: Vectors, docs: Documents) -> None:
        self.tfidf: sp.csr_matrix = vectors.tfidf
        self.terms = vectors.terms
        self.tokenizer = docs.tokenizer
        self.dense = np.zeros(self.tfidf.shape[1], dtype=np.float64)
        self.words: dict[str, set[str]] = {}

    def among(self, name: str, a: int, targets: list[int]) -> list[int]:
        """The targets similar enough to paper a once the name's terms are left out."""
        scores = self.scores(name, a, targets)
        return [t for t, total in zip(targets, scores, strict=True) if total >= MIN_SIMILARITY]

    def scores(self, name: str, a: int, targets: list[int]) -> list[float]:
        """Each target's cosine with paper a once the name's terms are left out: the sum,
        in the target row's order and in float64, of the products over the terms both
        papers use (the same sums as term by term)."""
        words = self.words.get(name)
        if words is None:
            words = self.words[name] = set((phrase_key(name, self.tokenizer) or "").split(" "))
        lo, hi = self.tfidf.indptr[a], self.tfidf.indptr[a + 1]
        columns = self.tfidf.indices[lo:hi]
        kept = np.array(
            [not words.intersection(self.terms[c].split(" ")) for c in columns.tolist()], dtype=bool
        )
        columns = columns[kept]
        self.dense[columns] = self.tfidf.data[lo:hi][kept]
        sums = self._sums(np.array(targets, dtype=np.int64))
        self.dense[columns] = 0.0
        return sums

    def closest(self, name: str, a: int, targets: list[int], count: int) -> list[int]:
        """The `count` targets most similar to paper a (see `scores`), in corpus order."""
        scores = self.scores(name, a, targets)
        ranked = sorted(range(len(targets)), key=lambda i: (-scores[i], targets[i]))
        return sorted(targets[i] for i in ranked[:count])

    def _sums(self, rows: NDArray[np.int64]) -> list[float]:
        """Each row's nonzero products with `dense`, summed in the row's order, as Python sums."""
        starts = self.tfidf.indptr[rows]
        sizes = self.tfidf.indptr[rows + 1] - starts
        line = np.repeat(np.arange(rows.size), sizes)
        at = np.arange(line.size) - np.repeat(np.cumsum(sizes) - sizes, sizes) + starts[line]
        products = self.tfidf.data[at].astype(np.float64) * self.dense[self.tfidf.indices[at]]
        shared = products != 0
        counts = np.bincount(line[shared], minlength=rows.size).tolist()
        values = products[shared].tolist()
        ends = np.cumsum(counts).tolist()
        return [sum(values[end - count : end]) for end, count in zip(ends, counts, strict=True)]


def _loose(text: str) -> str:
    """A word as the prefilter compares it: no hyphens, lower case, no plural "s"
    ("nnUNet" and "nnU-Net", "MLP-mixers" and "MLP-Mixer" are one)."""
    return singular(text.replace("-", "").replace(" ", "").lower())


def _loose_keys(defined: dict[str, list[int]]) -> dict[str, list[str]]:
    """Map the loose form of each name, of its first word and of what it starts with
    before a hyphen or space, to the names: a text that writes the name in any way
    `_mention_pattern` finds ("nnUNet", "nnU Net", "Swin-UNETR") holds one of them."""
    by_key: dict[str, list[str]] = {}
    for name in sorted(defined):
        for key in _name_keys(name):
            by_key.setdefault(key, []).append(name)
    return by_key


def _name_keys(name: str) -> set[str]:
    """The loose forms of a name, of its first word and of what it starts with before a
    hyphen or space ("nnU" for "nnU Net"); its ends stripped as a text's words are
    (`{{7*7}}Net` is found as `7*7}}Net`)."""
    name = name.strip(_PUNCT) or name
    head = re.split(r"[-\s]", name, maxsplit=1)[0]
    return {_loose(name), _loose(name.split()[0]), _loose(head)}


def _text_keys(tokens: set[str], loose: Callable[[str], str] = _loose) -> set[str]:
    """The loose forms of a text's words that hold a capital or digit (every name does;
    "resnext" in lower case is not looked for), and of what each starts with before a
    hyphen ("Swin-UNETR" for "Swin UNETR"). `loose`: _loose, memoised by the caller
    (the same words come back paper after paper)."""
    marked = list(itertools.filterfalse(str.islower, tokens))
    heads = [word.split("-", 1)[0] for word in marked if "-" in word]
    return set(map(loose, marked)).union(map(loose, heads))


def _links(
    papers: Sequence[Paper],
    groups: dict[str, list[list[int]]],
    by_name: dict[str, dict[int, set[int]]],
) -> MethodLinks:
    """Assemble the sorted, slug-keyed result: one Method per group of a name, mentioned
    by the papers that write that name and so link to one of the group's papers (not
    those that name another method of the same paper: "EfficientDet" is no mention of
    the BiFPN its abstract coins)."""
    slugs = [p.slug for p in papers]
    mentions: dict[int, set[int]] = {}  # paper -> the papers it names, by any name
    for named in by_name.values():
        for paper, cited in named.items():
            mentions.setdefault(paper, set()).update(cited)
    forward = {slugs[i]: tuple(sorted(slugs[t] for t in cited)) for i, cited in mentions.items()}
    backward: dict[str, set[str]] = {}
    for source, targets in forward.items():
        for target in targets:
            backward.setdefault(target, set()).add(source)
    methods = tuple(
        Method(
            name,
            slugs[group[0]],
            tuple(
                sorted(
                    slugs[source]
                    for source, targets in by_name.get(name, {}).items()
                    if targets.intersection(group)
                )
            ),
            tuple(slugs[o] for o in group[1:]),
            # the title's own name: an abstract's coinage in a dataset's paper is a method
            dataset=name in papers[group[0]].title and names_a_dataset(papers[group[0]].title),
        )
        for name, named in sorted(groups.items(), key=lambda item: (item[0].casefold(), item[0]))
        for group in named
    )
    return MethodLinks(
        methods=methods,
        mentions={s: forward.get(s, ()) for s in slugs},
        mentioned_by={s: tuple(sorted(backward.get(s, ()))) for s in slugs},
    )


def _closest_first(
    backward: Mapping[str, Sequence[str]], slugs: Sequence[str], tfidf: sp.csr_matrix
) -> dict[str, tuple[str, ...]]:
    """Each paper's mentioners, the closest in content first (the cosine related papers
    are scored by), ties by slug: a paper page shows the first few of a long list ("ViT"
    is named by hundreds), and the closest are the ones building on it.

    Sparse products, summed in row order without BLAS: the same order on every machine.
    """
    row = {slug: i for i, slug in enumerate(slugs)}
    pairs = [
        (row[target], row[source]) for target, sources in backward.items() for source in sources
    ]
    order: dict[str, tuple[str, ...]] = {s: () for s in slugs}
    if not pairs:
        return order
    targets, sources = (np.array(column, dtype=np.int64) for column in zip(*pairs, strict=True))
    cosines = np.asarray(tfidf[targets].multiply(tfidf[sources]).sum(axis=1)).ravel()
    scored: dict[str, list[tuple[float, str]]] = {}
    for target, source, cosine in zip(
        targets.tolist(), sources.tolist(), cosines.tolist(), strict=True
    ):
        scored.setdefault(slugs[target], []).append((-round(cosine, 6), slugs[source]))
    for target, entries in scored.items():
        order[target] = tuple(source for _, source in sorted(entries))
    return order


def _mention_pattern(name: str, case_free: bool = False) -> re.Pattern[str]:
    """Word-bounded match of a name, its plural and singular ("MobileNet(s)"), with its
    hyphens and spaces written as either or left out ("nnUNet", "Swin-UNETR"); in any
    case when `case_free` ("ResNext", "MLP-mixers"), and then with a hyphen anywhere
    ("MDU-Net" for "MDUnet"; not a space: "a simple net" is no SimpleNet)."""
    forms = sorted(name_forms(name), key=len, reverse=True)

    def written(part: str) -> str:  # a hyphen anywhere, never a space ("simple net")
        return "-?".join(map(re.escape, part)) if case_free else re.escape(part)

    body = "|".join(r"[-\s]?".join(map(written, re.split(r"[-\s]+", f))) for f in forms)
    flags = re.IGNORECASE if case_free else 0
    return re.compile(rf"(?<![\w+\-^])(?:{body})(?![\w+\-^]|\+\+)", flags)


def _case_free(name: str, common: frozenset[str]) -> bool:
    """Whether a name may be matched in any case: every word coined (a capital after
    its first letter, a digit: names.coined), some letter small, at least
    CASE_FREE_LETTERS long, so that no word of the corpus reads as it ("ResNeXt",
    "nnU-Net"; not "RECALL", "ELLE", "U-Net", nor a capitalised word: "Mamba")."""
    letters = re.sub(r"[-\s]", "", name)
    mixed = any(ch.islower() for ch in letters) and all(map(coined, name.split()))
    return mixed and len(letters) >= CASE_FREE_LETTERS and _loose(name) not in common


def _unlike_their_definers(
    by_name: Mapping[str, Mapping[int, set[int]]],
    defined: Mapping[str, list[int]],
    written: Callable[[str, int], bool],
    similar: _Similarity,
) -> list[str]:
    """Names that a title gives its paper without its abstract ever writing them, that
    at least CHECKED_WRITERS papers write, not one of them similar to the paper: a title
    "ImageNet: ..." on bananas, written by sixty papers on images, names another thing.
    (`written(name, paper)`: whether the paper's abstract writes the name.) A paper that
    writes its name ("We introduce Adam, ...") keeps it whoever writes it after; a few
    writers tell nothing (MobileNets' three writers in the bundled corpus are unlike it,
    and rightly link); the U-Net paper, whose abstract never says "U-Net", has writers
    like it."""
    return [
        name
        for name, writers in by_name.items()
        if len(writers) >= CHECKED_WRITERS
        and not any(written(name, paper) for paper in defined[name])
        and not any(
            similar.among(name, index, sorted(targets)) for index, targets in writers.items()
        )
    ]


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
