"""Search aliases: the acronym a paper does not write for the phrase it does, and back.

A researcher searches "resnet", "cnn" or "vit"; a paper that only writes "residual
networks", "convolutional neural networks" or "vision transformers" should be found
too (on the bundled corpus, 64 papers write the phrase of "CNNs" and not the acronym).
Which phrase an acronym stands for is learnt from the corpus, as topics learn it
(topics/expansions.py): among the phrases its letters spell out (and, when papers define
it in parentheses, among the phrases they give), the one most papers write together with
it, if enough do. Each paper then gets, as search aliases, the acronyms of the phrases
it writes, and the phrase of each acronym it writes when the acronym has one meaning
here (papers define it otherwise less than a fifth of the time: "AD" is Alzheimer's
disease in one paper, anomaly detection in another; a paper defining it otherwise never
gets the corpus's phrase). A topic labelled by an acronym or by its phrase gets the
other name. The aliases are searched, never shown (render/paper_page.py,
render/topic_pages.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise

from generator.analyze.features.acronyms import (
    MAX_WORDS,
    MIN_TOGETHER,
    spells_out,
    usual_expansion,
)
from generator.analyze.features.documents import Documents
from generator.analyze.features.phrases import PhraseStats
from generator.analyze.features.tokens import Tokenizer, phrase_key
from generator.analyze.features.vectors import Vectors
from generator.analyze.features.word_families import same_phrase

# Longest acronym considered (the phrase it stands for has at most acronyms.MAX_WORDS).
MAX_LETTERS = 8
# An acronym that papers define as another phrase this share of the times it is defined
# or more has no one meaning: the papers writing it alone get no phrase for it. Below
# it, as far as definitions tell, its phrase is right for four in five of them or more.
AMBIGUOUS_SHARE = 0.2
# Letters two words of definitions start with alike to be one word in another form.
SAME_START = 5


@dataclass(frozen=True)
class Meaning:
    """An acronym key, the phrase key it stands for here, and the papers writing each."""

    acronym: str
    phrase: str
    writing_acronym: frozenset[int]
    writing_phrase: frozenset[int]


@dataclass(frozen=True)
class AcronymAliases:
    """Search aliases of papers (by slug, sorted) and of topic labels."""

    papers: dict[str, tuple[str, ...]]
    # What each of a paper's aliases stands for as the corpus writes it, in `papers`'
    # order ("ViT" -> "vision transformers"): a result found by an alias alone shows
    # the words its abstract writes for it (papersite.js excerptFor).
    sources: dict[str, tuple[str, ...]]
    # Each acronym key and phrase key of a meaning -> the other, as written.
    other_name: dict[str, str]
    tokenizer: Tokenizer

    def of_label(self, label: str) -> tuple[str, ...]:
        """The other name of a topic labelled by an acronym or by the phrase of one: the
        topic "Vision transformers" is found by "vit"."""
        key = phrase_key(label, self.tokenizer)
        if key is None:
            return ()
        if key in self.other_name:
            return (self.other_name[key],)
        return tuple(other for name, other in self.other_name.items() if same_phrase(name, key))


def acronym_aliases(
    docs: Documents, vectors: Vectors, stats: PhraseStats, texts: Sequence[str] = ()
) -> AcronymAliases:
    """The search aliases of every paper with any, and of the corpus's acronyms. With
    the papers' `texts` (title and abstract), a paper gets an acronym's phrase only when
    it writes the acronym with a capital: "cs" in "apc.cs.princeton.edu" is no "CS"
    (compressed sensing), which a search for it then found."""
    meanings = acronym_meanings(docs, vectors, stats)
    defined_otherwise = _defined_otherwise(docs, meanings)
    ambiguous = _ambiguous(docs, defined_otherwise)
    found: dict[int, dict[str, str]] = {}  # paper -> alias -> the words it writes for it
    other_name = {}
    for meaning in meanings:
        acronym = docs.surfaces.word(meaning.acronym)
        phrase = docs.surfaces.phrase(meaning.phrase)
        other_name[meaning.phrase] = acronym
        for paper in meaning.writing_phrase - meaning.writing_acronym:
            found.setdefault(paper, {}).setdefault(acronym, phrase)
        if meaning.acronym in ambiguous:  # a paper, or a topic "AD", may mean either
            continue
        other_name[meaning.acronym] = phrase
        written = _acronym_pattern(acronym)  # once per acronym, not per paper
        otherwise = defined_otherwise.get(meaning.acronym, set())
        for paper in meaning.writing_acronym - meaning.writing_phrase - otherwise:
            if not texts or _writes_capitalised(texts[paper], written):
                found.setdefault(paper, {}).setdefault(phrase, acronym)
    ordered = {docs.slugs[paper]: sorted(names.items()) for paper, names in sorted(found.items())}
    return AcronymAliases(
        papers={slug: tuple(alias for alias, _ in pairs) for slug, pairs in ordered.items()},
        sources={slug: tuple(source for _, source in pairs) for slug, pairs in ordered.items()},
        other_name=other_name,
        tokenizer=docs.tokenizer,
    )


def _acronym_pattern(acronym: str) -> re.Pattern[str]:
    """`acronym` or its plural as a word, in any case."""
    base = acronym[:-1] if len(acronym) > 2 and acronym.endswith("s") else acronym
    return re.compile(r"(?<![^\W_])" + re.escape(base) + r"s?(?![^\W_])", re.IGNORECASE)


def _writes_capitalised(text: str, acronym: re.Pattern[str]) -> bool:
    """Whether `text` writes the acronym (`_acronym_pattern`) with a capital in it."""
    return any(not written.islower() for written in acronym.findall(text))


def acronym_meanings(docs: Documents, vectors: Vectors, stats: PhraseStats) -> list[Meaning]:
    """The meaning of each acronym whose phrase the corpus tells, by acronym.

    Which papers write a term is read from the term counts (a column per term); a
    defined phrase of three words or more, which has none, is looked for in the papers
    that have its word pairs. A phrase is spelled out letter by letter only once enough
    papers write it beside the acronym: at 10,000 papers, most candidates never are.
    """
    counted = vectors.counts.tocsc()
    columns: dict[str, frozenset[int]] = {}

    def column(key: str) -> frozenset[int]:
        if key not in columns:
            start, end = counted.indptr[stats.index[key] : stats.index[key] + 2]
            columns[key] = frozenset(counted.indices[start:end].tolist())
        return columns[key]

    def writing(phrase: str) -> frozenset[int]:
        if phrase in stats.index:
            return column(phrase)
        words = phrase.split(" ")
        pieces = [" ".join(pair) for pair in pairwise(words)] + words
        found = [column(piece) for piece in pieces if piece in stats.index]
        # (No word or pair of it counted, a rare case: every paper is read.)
        candidates = sorted(frozenset.intersection(*found)) if found else range(len(docs))
        return frozenset(i for i in candidates if f" {phrase} " in text(i))

    texts: dict[int, str] = {}

    def text(paper: int) -> str:
        """A paper's keys as one string, runs apart: a phrase is found by `in`."""
        if paper not in texts:
            texts[paper] = " " + " ".join(key or "|" for key in docs.full(paper)) + " "
        return texts[paper]

    defined = _definitions(docs)
    by_initials: dict[tuple[str, ...], list[str]] = {}
    for term in stats.terms:
        if " " in term:
            by_initials.setdefault(tuple(w[0] for w in term.split(" ")), []).append(term)
    meanings = []
    for acronym in stats.terms:
        if not (
            " " not in acronym
            and acronym.isalpha()
            and 2 <= len(acronym) <= MAX_LETTERS
            and docs.surfaces.is_coined(acronym)
        ):
            continue
        if acronym in defined:  # the papers that say what it stands for decide
            options = {
                form: frozenset().union(*map(writing, forms))
                for form, forms in _forms(defined[acronym]).items()
            }
        else:
            options = {
                term: column(term)
                for initials in _initials(acronym)
                for term in by_initials.get(initials, ())
            }
        uses = column(acronym)
        shown = docs.surfaces.word(acronym)
        spelled = {
            phrase: found
            for phrase, found in options.items()
            if len(uses & found) >= MIN_TOGETHER
            and acronym not in phrase.split(" ")
            and spells_out(shown, docs.surfaces.phrase(phrase))
        }
        meaning = usual_expansion(uses, spelled)
        if meaning is not None:
            meanings.append(Meaning(acronym, meaning, uses, spelled[meaning]))
    return meanings


def _forms(definitions: Counter[str]) -> dict[str, list[str]]:
    """The phrases an acronym is defined as, forms of one phrase together ("convolution
    neural network" with "convolutional neural networks"), under the form most papers
    give."""
    forms: dict[str, list[str]] = {}
    for phrase, _ in sorted(definitions.items(), key=lambda item: (-item[1], item[0])):
        usual = next((form for form in forms if same_phrase(form, phrase)), phrase)
        forms.setdefault(usual, []).append(phrase)
    return forms


def _definitions(docs: Documents) -> dict[str, Counter[str]]:
    """For each acronym key some paper defines, how often each phrase key is given."""
    found: dict[str, Counter[str]] = {}
    for defined in docs.defined:
        for acronym, phrase in defined.items():
            found.setdefault(acronym, Counter())[phrase] += 1
    return found


def _defined_otherwise(docs: Documents, meanings: Iterable[Meaning]) -> dict[str, set[int]]:
    """The papers that define an acronym as another phrase than the corpus's meaning
    (not merely another form of it: "convolution neural network" for "CNN",
    "chest-X-ray" written as one word for "chest X-ray"), by acronym."""
    meaning = {m.acronym: m.phrase for m in meanings}
    found: dict[str, set[int]] = {}
    for paper, defined in enumerate(docs.defined):
        for acronym, phrase in defined.items():
            if acronym in meaning and not _same_meaning(phrase, meaning[acronym]):
                found.setdefault(acronym, set()).add(paper)
    return found


def _same_meaning(phrase: str, meaning: str) -> bool:
    """Whether a defined phrase key is another form of the meaning's: its inflection
    ("convolution neural network"), written joined ("chest-X-ray"), or its words
    starting alike ("computed tomographic", "computerized tomography": SAME_START)."""
    words, others = phrase.split(" "), meaning.split(" ")
    return (
        same_phrase(phrase, meaning)
        or phrase.replace(" ", "") == meaning.replace(" ", "")
        or (
            len(words) == len(others)
            and all(w[:SAME_START] == o[:SAME_START] for w, o in zip(words, others, strict=True))
        )
    )


def _ambiguous(docs: Documents, defined_otherwise: dict[str, set[int]]) -> set[str]:
    """Acronyms that papers define otherwise at least AMBIGUOUS_SHARE of the time: a
    paper that writes one alone may mean either ("AD": anomaly detection, Alzheimer's
    disease and attention decoder once each). One stray definition among many does not
    make a common acronym so ("CT": computed tomography ten times, conditional transport
    once, correlation thresholding once): the papers that write it alone get its phrase,
    but for those that define it otherwise."""
    defining = Counter(acronym for defined in docs.defined for acronym in defined)
    return {
        acronym
        for acronym, papers in defined_otherwise.items()
        if len(papers) >= AMBIGUOUS_SHARE * defining[acronym]
    }


def _initials(acronym: str) -> list[tuple[str, ...]]:
    """The first letters a phrase the acronym abbreviates may have: its first letter,
    then any later letters in order ("resnet": r-e, r-s, r-n, ... r-e-s, ...)."""
    rest = range(1, len(acronym))
    return [
        (acronym[0], *(acronym[i] for i in chosen))
        for size in range(1, min(len(acronym), MAX_WORDS))
        for chosen in combinations(rest, size)
    ]
