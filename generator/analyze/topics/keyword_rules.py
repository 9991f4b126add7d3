"""Which phrases may describe a topic: what its papers are about, not the prose around it.

Keywords are ranked by how typical they are of a topic's papers (describe.py), and
abstracts share their prose as much as their subject: three chest CT papers all open
with the "growing workload" of radiologists and the "urgent need" for tools. Such
phrases are filler, whatever their rank. So are the halves of a term ("resonance",
"magnetic" for "magnetic resonance"), inflections of the label ("memorizing" under
"Memorization"), and phrases that another keyword already says in other words or
order ("augmentation hyperparameters" after "hyperparameter augmentation"). A single
word used mostly as a verb ("reduce", "reconstruct") names an action, not a subject.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.analyze.features.documents import Documents
from generator.analyze.features.phrases import PhraseStats
from generator.analyze.features.tokens import STOP_WORDS
from generator.analyze.features.word_families import same_family
from generator.analyze.topics.duplicates import subsumes
from generator.analyze.topics.label_rules import GENERIC, TITLE_VERBS, VAGUE

# Words of scientific prose that say how much, how fast, how urgent, how new or how
# hard something is, that point at the argument rather than its subject, or that are
# verbs of narration: a phrase holding one is filler ("rapid increase", "urgent need",
# "growing workload", "mounting evidence", "wide range", "resulting model", "task
# arrive"). Keys, as tokens.py writes them (lower case, crude singular). Words that
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
    """.split()
)
# Irregular past participles ("known", "shown"): alone, a keyword that names nothing,
# as do the regular ones (is_participle).
IRREGULAR_PARTICIPLES = frozenset(
    """
    known given shown seen done made taken found built chosen drawn grown proven written
    begun broken driven held kept led lost meant sent spent told thought understood
    """.split()
)
# Nouns that name no subject by themselves but are fine in a phrase ("Gaussian
# process", "test set", "output layer"): filler only as a one-word keyword.
LONE = frozenset(
    """
    solution process term principle strategy element set output input class behavior
    effect concept variable sample test speed objective quality design module operation
    order stage pair level component property factor value type form kind step detail
    unit item basis baseline score measure rate option choice idea goal purpose
    """.split()
)
# A word used inside one two-word phrase at least this share of the times it is used
# at all is half of that term ("resonance" in "magnetic resonance"): more often in the
# term than anywhere else.
HALF_TERM = 0.5
# A single word that follows "to", "we", "can"... at least this share of the times it
# is used is a verb ("reconstruct" 0.72, "detect" 0.71, "fit" 0.43, "reduce" 0.39 in the
# bundled corpus): it names an action, not a subject. Nouns stay far below ("scale"
# 0.13, "transfer" 0.06; documents.Documents.verb_ratio); so do words seen too rarely
# to tell (fewer than MIN_VERB_USES such uses).
VERB_SHARE = 0.3
MIN_VERB_USES = 3
# Endings an adverb adds to its adjective ("accurately", "flexibly", "easily").
_ADVERB_ENDINGS = (("ly", ""), ("ly", "e"), ("ly", "l"), ("ily", "y"), ("ally", ""), ("y", "e"))
# Words of no subject at all: the field's everyday words and title verbs ("deep
# understanding").
_EMPTY = GENERIC | TITLE_VERBS


def is_filler(key: str, vocabulary: dict[str, int]) -> bool:
    """Whether a keyword phrase is prose rather than content.

    Filler: any word in PROSE; only words of no subject (GENERIC, title verbs: "deep
    understanding"); a single word that is vague alone (LONE, VAGUE), an adverb, a
    past participle ("trained", "known") or a title verb; a two-word phrase with an
    adverb ("naturally uncover", "closely related", "map adaptively"). `vocabulary`
    (term -> column) tells adverbs and participles by their base word: "accurately"
    when the corpus also uses "accurate", "trained" when it uses "train".
    """
    words = key.split(" ")
    if any(word in PROSE for word in words) or all(word in _EMPTY for word in words):
        return True
    if len(words) == 1:
        vague = key in LONE or key in VAGUE or key in IRREGULAR_PARTICIPLES
        return vague or is_adverb(key, vocabulary) or is_participle(key, vocabulary)
    return len(words) == 2 and any(is_adverb(word, vocabulary) for word in words)


def is_adverb(word: str, vocabulary: dict[str, int]) -> bool:
    """A word ending in -ly whose adjective is in `vocabulary` ("flexibly": "flexible")."""
    if not word.endswith("ly") or len(word) < 5:
        return False
    for ending, base in _ADVERB_ENDINGS:
        adjective = word[: -len(ending)] + base
        if word.endswith(ending) and (adjective in vocabulary or adjective in STOP_WORDS):
            return True
    return False


def is_participle(word: str, vocabulary: dict[str, int]) -> bool:
    """A word ending in -ed whose verb is in `vocabulary` ("trained": "train",
    "processed": "process", "varied": "vary", "planned": "plan", "scaled": "scale")."""
    if not word.endswith("ed") or len(word) < 5:
        return False
    stem = word[:-2]
    bases = [stem, word[:-1], stem[:-1] + "y" if stem.endswith("i") else ""]
    if len(stem) > 2 and stem[-1] == stem[-2]:  # a doubled consonant: "planned"
        bases.append(stem[:-1])
    return any(base and (base in vocabulary or base in STOP_WORDS) for base in bases)


def half_terms(stats: PhraseStats) -> frozenset[str]:
    """Single words used mostly inside one two-word phrase ("magnetic", "resonance")."""
    inside: dict[str, float] = {}
    for term, total in zip(stats.terms, stats.total.tolist(), strict=True):
        if term.count(" ") == 1:
            first, second = term.split(" ")
            inside[first] = max(inside.get(first, 0.0), total)
            inside[second] = max(inside.get(second, 0.0), total)
    return frozenset(
        word
        for word, most in inside.items()
        if word in stats.index and most >= HALF_TERM * float(stats.total[stats.index[word]])
    )


def verbs(docs: Documents) -> frozenset[str]:
    """Single words used mostly as verbs ("reduce", "detect"): no keyword on their own."""
    return frozenset(
        word
        for word, uses in docs.verb_counts.items()
        if uses >= MIN_VERB_USES and docs.verb_ratio(word) >= VERB_SHARE
    )


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


def _joined(key: str) -> str:
    """A phrase key without its spaces ("early learning" and "earlylearning" alike)."""
    return key.replace(" ", "")
