"""Topic stability: adding 10% papers keeps most topic slugs and memberships (the
issue's 85%; subset 2 kept 79% of best topics while "Regularization" sat on its lift floor:
topics/fillers.py, WORD_RELAX_RESIDUAL)."""

from __future__ import annotations

import random

import pytest

from generator.analyze import analyze
from generator.model import Analysis, Corpus


# The subset that once kept 79% (seed 2; 2026-12-07: 89% of slugs, 87% of best topics);
# benchmarks.quality_report runs five. Seed 0 (92%, 88%) ran here too: 8 s of a suite
# at its time budget.
@pytest.mark.parametrize("seed", [2])
def test_adding_ten_percent_keeps_topics(
    bundled_corpus: Corpus, bundled_analysis: Analysis, seed: int
) -> None:
    rng = random.Random(seed)
    base = Corpus(papers=tuple(p for p in bundled_corpus.papers if rng.random() >= 0.1))
    before = analyze(base)
    after = bundled_analysis
    slugs_before = {t.slug for t in before.topics} - {"other"}
    slugs_after = {t.slug for t in after.topics}
    assert len(slugs_before & slugs_after) >= 0.85 * len(slugs_before)
    kept = [
        topics[0] in after.paper_topics[slug]
        for slug, topics in before.paper_topics.items()
        if topics != ("other",)
    ]
    assert sum(kept) >= 0.85 * len(kept)
