"""Whether a phrase reads like a topic label a researcher would write.

Labels must read like a researcher's phrase: candidates that end in a modifier
("deep convolutional": see phrases.MIN_HEAD), that are made only of the field's
everyday words ("neural networks"), that open with a title verb ("Rethinking"), that
end in a past participle ("Feature learned", "Fully connected": word_classes.py), or
single words that are neither names, processes nor frequent title words ("norm"),
are not labels. Cohesion (cohesion.py) must also be high: a label names papers that
belong together.
"""

from __future__ import annotations

import re

from generator.analyze.features.display_forms import Surfaces
from generator.analyze.features.phrases import PhraseStats
from generator.analyze.features.word_classes import GENERIC, ends_in_participle

# Cohesion lift (mean pairwise LSA cosine of its papers over the corpus mean).
MIN_LIFT_PHRASE = 3.0
MIN_LIFT_NAME = 2.5
MIN_LIFT_WORD = 3.0
# Single-word labels are coined names ("U-Net", "MRI"), or words that
# - name a process or field ("quantization") or head many titles ("hyperparameters"),
# - stand alone often enough (no content word beside them: "pruning" 22%, "distillation"
#   16%; but "estimation" 11%, "synthesis" 0%: they live in compounds such as "pose
#   estimation"), and
# - are bursty: repeated by the papers that use them, as content words are (Church and
#   Gale 1995): "pruning" 3.9 and "calibration" 2.2 uses per paper; "encoder" 1.8,
#   "mechanism" 1.5, "convergence" 1.5 are said in passing.
PROCESS_RE = re.compile(r"(?:tion|sion|ing|ment|ness|ity|sis|ics|ance|ence|ism)$")
WORD_TITLES = 4
MIN_ALONE = 0.15
MIN_BURSTINESS = 2.0
# A residual topic's word need not be bursty when its papers are this cohesive across
# the whole corpus: a term of art that many papers name once ("trained with
# backpropagation": 1.5 uses per paper) while a few are about it (lift 4.65). The single
# words that fail only burstiness have lifts up to 3.45 ("interpolating") or from 4.36
# ("foundation", "normalization", "backpropagation", "nonlinearity"): 4.0 sits in the gap.
MIN_LIFT_UNREPEATED = 4.0
# Single words too vague to be a topic by themselves (fine inside a phrase:
# "neural architecture search", "nuclear norm").
VAGUE = frozenset(
    """
    search norm manifold bound function method metric shape space structure prior relu
    """.split()
)
# Verbs that open titles ("Rethinking ...", "Evaluating ..."): never a label on their own.
TITLE_VERBS = frozenset(
    """
    evaluating rethinking revisiting understanding exploring improving learning training
    making going using leveraging enhancing boosting scaling solving finding designing
    building bridging unleashing unveiling harnessing extending compressing accelerating
    optimizing towards toward beyond characterizing analyzing investigating
    """.split()
)


def worthy(
    stats: PhraseStats,
    column: int,
    lift: float,
    surfaces: Surfaces,
    relax: float = 0.0,
    relax_words: bool = False,
    corpus_lift: float = 0.0,
    word_relax: float = 0.0,
) -> bool:
    """Whether a phrase reads like a topic a researcher would name.

    `relax` lowers the cohesion floors of phrases and names (for fillers, which must
    gather leftover papers); single words are held to the first-round floor unless
    `relax_words` (residual topics, whose `lift` is judged on leftover papers only and
    `corpus_lift` on all papers about the word), which lowers theirs by `word_relax`.
    """
    key = stats.terms[column]
    words = key.split(" ")
    if all(w in GENERIC for w in words) or words[0] in TITLE_VERBS or key in VAGUE:
        return False
    if ends_in_participle(key, stats.index):  # "Feature learned", "Fully connected"
        return False
    coined = any(is_coined_name(w, surfaces) for w in words)
    if len(words) > 1 or coined:
        return lift + relax >= (MIN_LIFT_NAME if coined else MIN_LIFT_PHRASE)
    if stats.verb[column] or stats.describing[column]:  # "Reconstruct", "Predictive"
        return False
    process = bool(PROCESS_RE.search(key))
    # A relaxed single word must name a process or field: "regularization", not "weights".
    titled = stats.title_papers[column] >= WORD_TITLES and not relax_words
    bursty = stats.total[column] >= MIN_BURSTINESS * stats.papers[column] or (
        relax_words and corpus_lift >= MIN_LIFT_UNREPEATED
    )
    return (
        (process or titled)
        and stats.alone[column] >= MIN_ALONE
        and bursty
        and lift + word_relax >= MIN_LIFT_WORD
    )


def is_coined_name(key: str, surfaces: Surfaces) -> bool:
    """A coined name or acronym with at least two letters ("U-Net", "CT"; not "3D")."""
    return surfaces.is_coined(key) and sum(ch.isalpha() for ch in key) >= 2
