"""Acronym topics learn the phrase they stand for, as the corpus spells it out.

A topic named by an acronym ("ResNets", "CT") counts only papers that write the
acronym; a paper that says "residual networks" or "computed tomography" instead is as
much about it, but neither earned the phrase bonus nor fitted the label (label_fit.py).
Papers that define an acronym write both ("deep residual networks (ResNets)"), so
the expansion is the phrase, among those the acronym's letters abbreviate, that most
papers write together with it. Candidate discovery already folds an acronym into its
expansion when both are candidates (candidates.py); this covers expansions that are
not topics of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from generator.analyze.features.acronyms import abbreviates, usual_expansion
from generator.analyze.features.display_forms import Surfaces
from generator.analyze.features.phrases import PhraseStats
from generator.analyze.features.word_families import PhraseUse
from generator.analyze.topics.label_rules import is_coined_name
from generator.analyze.topics.seeds import Seed


def with_expansions(
    seeds: Sequence[Seed], stats: PhraseStats, surfaces: Surfaces, uses: PhraseUse
) -> list[Seed]:
    """`seeds` with each acronym seed's expansion added to its phrases, where found."""
    taken = {key for seed in seeds for key in seed.phrases}
    acronyms = {
        number: seed.phrases[0]
        for number, seed in enumerate(seeds)
        if not seed.pinned
        and " " not in seed.phrases[0]
        and is_coined_name(seed.phrases[0], surfaces)
        and not any(abbreviates(seed.phrases[0], surfaces.phrase(k)) for k in seed.phrases[1:])
    }
    if not acronyms:
        return list(seeds)
    readable = np.flatnonzero(stats.readable())
    spelled = {
        number: [
            stats.terms[c]
            for c in readable
            if stats.terms[c][0] == acronym[0]
            and " " in stats.terms[c]
            and stats.terms[c] not in taken
            and acronym not in stats.terms[c].split(" ")
            and abbreviates(acronym, surfaces.phrase(stats.terms[c]))
        ]
        for number, acronym in acronyms.items()
    }
    papers = uses.papers({*acronyms.values(), *(k for keys in spelled.values() for k in keys)})
    result = list(seeds)
    for number, acronym in acronyms.items():
        expansion = usual_expansion(papers[acronym], {key: papers[key] for key in spelled[number]})
        if expansion is not None:
            seed = result[number]
            result[number] = replace(seed, phrases=(*seed.phrases, expansion))
    return result
