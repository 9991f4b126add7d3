"""Which phrases may describe a topic: what its papers are about, not the prose around it.

Keywords are ranked by how typical they are of a topic's papers (describe.py), and
abstracts share their prose as much as their subject: three chest CT papers all open
with the "growing workload" of radiologists and the "urgent need" for tools. Such
phrases are filler, whatever their rank. So are the halves of a term ("resonance",
"magnetic" for "magnetic resonance"), words that only head compounds of many kinds
("budget": "FLOP budget", "tuning budget"), inflections of the label ("memorizing"
under "Memorization"), and phrases that another keyword already says in other words or
order ("augmentation hyperparameters" after "hyperparameter augmentation"). A single
word used mostly as a verb ("reduce", "reconstruct") names an action, not a subject.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import NDArray

from generator.analyze.features.acronyms import abbreviates, is_acronym
from generator.analyze.features.documents import Documents
from generator.analyze.features.phrases import MIN_HEAD, PhraseStats
from generator.analyze.features.word_classes import (
    GENERIC,
    IRREGULAR_PARTICIPLES,
    ends_in_participle,
    is_adverb,
    is_participle,
)
from generator.analyze.features.word_families import same_family
from generator.analyze.topics.duplicates import subsumes
from generator.analyze.topics.label_rules import TITLE_VERBS, VAGUE

# Words of scientific prose that say how much, how fast, how urgent, how new or how
# hard something is, that point at the argument rather than its subject, or that are
# verbs of narration: a phrase holding one is filler ("rapid increase", "urgent need",
# "growing workload", "mounting evidence", "wide range", "resulting model", "task
# arrive"); prepositions that no stop-word list holds ("like U-Net", "devices like
# mobile phones"). Keys, as tokens.py writes them (lower case, crude singular). Words that
# are also terms of art ("attention", "instance", "context", "demand") are not here.
PROSE = frozenset(
    """
    need urgent urgently rapid rapidly increase increasing increasingly increased grow
    growing widespread wide range variety number amount lot plethora majority handful
    degree extent mounting evidence aspect issue question fact respect regard manner
    case example setting scenario situation challenge challenging difficulty difficult
    limitation drawback advantage benefit potential possibility opportunity direction
    future progress advance advancement success successful breakthrough resulting
    consequence impact alternative closely related relevant current currently numerous
    several faster slower higher lower larger smaller easier harder powerful popular
    impressive excellent satisfactory reasonable contain contains arrive arrives
    uncover uncovers ensure ensures ensuring assist assists remain remains become
    becomes lead leads help helps tend tends seek seeks suffer suffers lack lacks
    fail fails remarkable substantial substantially considerable considerably
    eventually finally ultimately subsequently initially involve involves prime
    like unlike despite versus popularity gained traction
    """.split()
)
# Nouns that name no subject by themselves but are fine in a phrase ("Gaussian
# process", "test set", "output layer"): filler only as a one-word keyword. So are the
# prefixes a hyphen leaves alone ("self- and cross-attention": "self").
LONE = frozenset(
    """
    solution process term principle strategy element set output input class behavior
    understanding
    effect concept variable sample test speed objective quality design module operation
    order stage pair level component property factor value type form kind step detail
    unit item basis baseline score measure rate option choice idea goal purpose
    self cross semi non pre post co sub inter intra multi
    """.split()
)
# A word used inside one two-word phrase at least this share of the times it is used
# at all is half of that term ("resonance" in "magnetic resonance"): more often in the
# term than anywhere else.
HALF_TERM = 0.5
# A word that ends a compound (a content word right before it in its run) at least this
# share of its uses, where no one modifier makes up TOP_MODIFIER of those, names a
# different thing in each compound and nothing alone: "budget" (92% in 11 compounds),
# "regime" (79%, "training regime" 3 of 15), "flow" (71%: gradient, normalizing,
# information flow), "blocks" (70%: building, convolutional, residual blocks). Words
# with one usual compound stay ("bias": "inductive bias" 21 of 40), as do words mostly
# alone or first ("pruning" 50%, "ImageNet" 4%).
OPEN_HEAD = 0.7
TOP_MODIFIER = 1 / 3
# Endings of comparatives and superlatives, with what the base word ends in instead.
_COMPARATIVE_ENDINGS = (("ier", ("y",)), ("iest", ("y",)), ("er", ("", "e")), ("est", ("", "e")))
# Words of no subject at all: the field's everyday words and title verbs ("deep
# understanding").
_EMPTY = GENERIC | TITLE_VERBS


def is_filler(key: str, vocabulary: dict[str, int]) -> bool:
    """Whether a keyword phrase is prose rather than content.

    Filler: what `says_nothing`; a single word too vague to name a subject (VAGUE:
    "prior"), a title verb ("scaling"), an adverb or a past participle ("trained"); a
    phrase that ends in a
    participle ("feature learned"); a two-word phrase with an adverb ("naturally
    uncover", "closely related", "map adaptively"). `vocabulary` (term -> column) tells
    adverbs and participles by their base word: "accurately" when the corpus also uses
    "accurate", "trained" when it uses "train".
    """
    words = key.split(" ")
    if key in VAGUE or key in TITLE_VERBS or says_nothing(key):
        return True
    if len(words) == 1:
        return is_adverb(key, vocabulary) or is_participle(key, vocabulary)
    if ends_in_participle(key, vocabulary):  # "feature learned", "model trained"
        return True
    return len(words) == 2 and any(is_adverb(word, vocabulary) for word in words)


def says_nothing(key: str) -> bool:
    """Whether a phrase says nothing of a subject, as a keyword or as the reason two
    papers are related ("Shared: stage, understanding"): any word in PROSE; only words of
    no subject (GENERIC, title verbs: "deep understanding"); a single word of the field's
    everyday vocabulary (GENERIC), vague alone (LONE) or an irregular participle
    ("known").

    Title verbs alone ("understanding" is also a noun vague alone: LONE), adverbs and
    participles are left to `is_filler`: as a shared reason "scaling" (two papers on
    scaling laws), "imbalanced" (on imbalanced regression) or "continually" still tells
    something.
    """
    words = key.split(" ")
    if any(word in PROSE for word in words):
        return True
    if len(words) > 1:
        return all(word in _EMPTY for word in words)
    return key in GENERIC or key in LONE or key in IRREGULAR_PARTICIPLES


def telling_terms(stats: PhraseStats) -> NDArray[np.bool_]:
    """Per term column, False where the term `says_nothing` (shown as a shared term, it
    would give no reason: related/top_k.shared_term_mask leaves it to this)."""
    return np.array([not says_nothing(t) for t in stats.terms], dtype=bool)


def prose_terms(stats: PhraseStats) -> NDArray[np.bool_]:
    """Per term column, True where a word of the term is prose ("growing interest")."""
    return np.array([any(w in PROSE for w in t.split(" ")) for t in stats.terms], dtype=bool)


def half_terms(stats: PhraseStats) -> frozenset[str]:
    """Single words used mostly inside one two-word phrase ("magnetic", "resonance")."""
    firsts, seconds = stats.most_used_pairs()
    return frozenset(
        word
        for word in firsts.keys() | seconds.keys()
        if word in stats.index
        and max(firsts.get(word, 0.0), seconds.get(word, 0.0))
        >= HALF_TERM * float(stats.total[stats.index[word]])
    )


def open_heads(stats: PhraseStats, docs: Documents) -> frozenset[str]:
    """Single words that mostly end compounds of many kinds (OPEN_HEAD, TOP_MODIFIER).

    A compound's modifier is counted from the two-word terms of `stats`: a compound too
    rare to be a term is one of the many kinds, which is what the rule looks for.
    """
    _, top = stats.most_used_pairs()
    found = set()
    for word in stats.index:
        compounds = docs.head_counts.get(word, 0) - docs.alone_counts.get(word, 0)
        if " " in word or compounds <= 0:
            continue
        varied = top.get(word, 0.0) < TOP_MODIFIER * compounds
        if varied and compounds >= OPEN_HEAD * docs.word_counts.get(word, 0):
            found.add(word)
    return frozenset(found)


def is_comparative(word: str, stats: PhraseStats) -> bool:
    """Whether a word key is the comparative or superlative of a modifier the corpus
    uses ("deeper", "larger", "bigger", "easiest"): it compares, it names nothing, alone
    or at a phrase's end ("going deeper"). The word must also be used as an adjective at
    least once ("is deeper", "deeper than": PhraseStats.described), for nouns look the
    same: "liver" ("live cell imaging"), "poster", "encoder" (of a verb: PhraseStats.verb),
    "transformer" ("transform" mostly ends its runs)."""
    own = stats.index.get(word)
    if own is None or not stats.described[own]:
        return False
    for ending, replacements in _COMPARATIVE_ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 2:
            continue
        stem_ = word[: -len(ending)]
        bases = [stem_ + r for r in replacements]
        if len(stem_) > 2 and stem_[-1] == stem_[-2]:  # "bigger", "thinnest"
            bases.append(stem_[:-1])
        for base in bases:
            column = stats.index.get(base)
            if column is not None and stats.head[column] < MIN_HEAD and not stats.verb[column]:
                return True
    return False


def repeats_label(key: str, label: Iterable[str], generic: Iterable[str]) -> bool:
    """Whether a keyword repeats the label's phrases (`label`): every word a label word in
    any inflection or a generic word, or the label written as one word ("low-rank")."""
    phrases, common = tuple(label), frozenset(generic)
    words = {w for phrase in phrases for w in phrase.split(" ")}
    if any(_joined(key) == _joined(phrase) for phrase in phrases):
        return True
    return all(w in common or any(same_family(w, lw) for lw in words) for w in key.split(" "))


def repeats_kept(key: str, kept: Iterable[str]) -> bool:
    """Whether a keyword and a kept one are one inside the other, in any order or
    inflection ("connections" and "skip connections"; "hyperparameter augmentation"
    and "augmentation hyperparameters"), or one word written as two ("early-learning")."""
    return any(subsumes(key, other) or _joined(key) == _joined(other) for other in kept)


def spelled_out(shown: str, kept: Sequence[str]) -> int | None:
    """Where a keyword, as shown, and a kept one say one thing, acronym and words ("MLP"
    and "multi-layer perceptrons", "MI" and "mutual information"): the position of the
    kept one, or None."""
    for number, other in enumerate(kept):
        if (is_acronym(shown) and abbreviates(shown, other)) or (
            is_acronym(other) and abbreviates(other, shown)
        ):
            return number
    return None


def _joined(key: str) -> str:
    """A phrase key without its spaces ("early learning" and "earlylearning" alike)."""
    return key.replace(" ", "")
