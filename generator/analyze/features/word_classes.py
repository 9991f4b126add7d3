"""Which words are adverbs, past participles, verbs or the field's everyday words.

A lone adverb ("accurately"), participle ("trained", "known") or verb ("reduce") names
an action or a manner, not a subject: no keyword or topic label is one, and a phrase
that ends in a participle ("feature learned", "fully connected") is a clause or a
modifier, not a name (keyword_rules.py, label_rules.py). Without a part-of-speech
tagger, a word's class comes from its form and the corpus: an -ly word whose adjective
the corpus uses, an -ed word whose verb it uses, a word that mostly follows "to",
"we" or "can".
"""

from __future__ import annotations

from generator.analyze.features.tokens import STOP_WORDS

# The field's everyday words: no topic, keyword or shared term is made of them alone,
# whatever their combination (its everyday nouns, and the modifiers that go with
# anything: "single image").
GENERIC = frozenset(
    """
    deep neural network net learning learn model convolutional feature dataset benchmark
    data training efficient layer architecture system algorithm task problem application
    analysis image representation end endtoend cnn dnn ann nn dl ml ai single multiple
    large largescale small simple high low real realworld general different various nns
    dcnn machine novel new better fast modern standard existing finding result study insight
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
# A single word that follows "to", "we", "can"... or comes right before a determiner
# ("forces the") at least this share of the times it is used is a verb ("reconstruct"
# 0.83, "detect" 0.79, "fit" 0.65, "reduce" 0.79 in the bundled corpus): it names an
# action, not a subject. Nouns stay far below ("scale" 0.15, "transfer" 0.12;
# documents.Documents.verb_ratio); so do words seen too rarely to tell (fewer than
# MIN_VERB_USES such uses). Words that are both verb and noun pass: "control" 0.45,
# "report" 0.43, "estimate" 0.54; alone, as keywords, they say as little as the verbs.
VERB_SHARE = 0.3
MIN_VERB_USES = 3
# Endings an adverb adds to its adjective ("accurately", "flexibly", "easily").
_ADVERB_ENDINGS = (("ly", ""), ("ly", "e"), ("ly", "l"), ("ily", "y"), ("ally", ""), ("y", "e"))


# Nouns and verbs in -ly whose stem with "-le" is another word: "assembly" (assemble),
# "multiply" (multiple), "apply" (apple), "supply" (supple).
_NOT_ADVERBS = frozenset({"assembly", "multiply", "apply", "supply"})


def is_adverb(word: str, vocabulary: dict[str, int]) -> bool:
    """A word ending in -ly whose adjective is in `vocabulary` ("flexibly": "flexible")."""
    if not word.endswith("ly") or len(word) < 5 or word in _NOT_ADVERBS:
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


def ends_in_participle(key: str, vocabulary: dict[str, int]) -> bool:
    """Whether a phrase of several words ends in a regular past participle: "feature
    learned", "fully connected", "model trained" (a clause or a modifier, not a name).
    Irregular ones are nouns too often at a phrase's end ("chain of thought", "lost and
    found"), so only lone words are judged by IRREGULAR_PARTICIPLES."""
    words = key.split(" ")
    return len(words) > 1 and is_participle(words[-1], vocabulary)
