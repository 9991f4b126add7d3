"""Label fit: how well a topic's label describes its members.

A member *fits* its topic's label when its title or abstract uses one of the topic's
phrases (the label's phrase, an absorbed variant or its acronym) in some inflection,
or uses every content word of the label (a light head such as "mechanism" is
not one: LIGHT_HEADS) in some inflection, wherever they stand
("Learning correspondences of cardiac motion from images" and MRI; a paper on
"recognition" of "images" fits "Image recognition"). Word families are those of
word_families.py ("regularizers" fits "Regularization"). The *label fit* of a topic is
the share of its members that fit. A reader who opens a topic should find its label's
words in most of its papers: the target is MIN_FIT.

Membership keeps every discovered topic at MIN_FIT or above (members.py, second_pass.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from generator.analyze.features.word_families import PhraseUse

# Share of a topic's members that must fit its label (the issue's "describes most of
# its members"). At 0.6 the bundled corpus loses 7 first-pass members to Other or to
# their next topic (measured: manual/analysis.md); 0.5 is what naming the phrase alone
# already guaranteed.
MIN_FIT = 0.6
# Heads that add nothing to the word before them (light nouns): an "attention
# mechanism" is attention, a "pooling module" is pooling. A paper about attention fits
# "Attention mechanism" without writing "mechanism". ("Method", "approach" and
# "technique" are stop words, never in a phrase key: tokens.py. "Strategy" is not
# light: "evolution strategies" are a family of methods, not evolution.)
LIGHT_HEADS = frozenset("mechanism module scheme".split())


def content_words(key: str) -> list[str]:
    """The words of a label's phrase key that a fitting paper must use: all but a
    light head ("attention mechanism" -> attention)."""
    words = key.split(" ")
    return words[:-1] if len(words) > 1 and words[-1] in LIGHT_HEADS else words


def fitting(uses: PhraseUse, phrases: Sequence[Sequence[str]]) -> list[set[int]]:
    """For each topic (its phrase keys, label phrase first), the papers that fit its label."""
    label_words = [content_words(group[0]) if group else [] for group in phrases]
    papers = uses.papers(
        {k for group in phrases for k in group} | {w for ws in label_words for w in ws}
    )
    fits: list[set[int]] = []
    for group, words in zip(phrases, label_words, strict=True):
        said: set[int] = set().union(*(papers[key] for key in group))
        if words:
            said |= frozenset.intersection(*(papers[word] for word in words))
        fits.append(said)
    return fits


def label_fit(members: Sequence[int], fits: set[int]) -> float:
    """Share of `members` that fit the label (1.0 for a topic without members)."""
    if not members:
        return 1.0
    return sum(p in fits for p in members) / len(members)


def fit_matrix(uses: PhraseUse, phrases: Sequence[Sequence[str]], n: int) -> sp.csc_matrix:
    """Papers x topics, 1 where one of `n` papers fits the topic's label (`fitting`)."""
    fits = fitting(uses, phrases)
    cells = [(p, t) for t, papers in enumerate(fits) for p in sorted(papers)]
    if not cells:
        return sp.csc_matrix((n, len(fits)), dtype=np.float32)
    rows, columns = zip(*cells, strict=True)
    data = np.ones(len(cells), dtype=np.float32)
    return sp.csc_matrix((data, (rows, columns)), shape=(n, len(fits)))
