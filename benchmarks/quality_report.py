"""Measure analysis quality on the bundled corpus: related papers and topic stability.

    python -m benchmarks.quality_report

Related papers: nDCG@5 and precision@5 on the 80 hand-judged queries of
benchmarks/quality/related_judgements.json (graded 0/1/2, pooled from several
configurations; unjudged pairs count as 0), and the rank of each pair of
tests/fixtures/quality/related_pairs.json in both directions.

Topic stability: for five random 90% subsets of the corpus, the share of the
subset's topic slugs still present when the other 10% are added, and the share of
papers whose best subset topic is still one of their topics.
"""

from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ndcg_and_precision(
    related: dict[str, tuple[object, ...]], judged: dict[str, dict[str, int]]
) -> tuple[float, float]:
    """Mean nDCG@5 (queries with any relevant pair) and mean precision@5."""
    ndcgs, precisions = [], []
    for query, grades in judged.items():
        gains = [grades.get(getattr(r, "slug", ""), 0) for r in related[query]][:5]
        ideal = sorted(grades.values(), reverse=True)[:5]
        idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
        if idcg:
            dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
            ndcgs.append(dcg / idcg)
        precisions.append(sum(g > 0 for g in gains) / 5)
    return sum(ndcgs) / len(ndcgs), sum(precisions) / len(precisions)


def main() -> None:
    """Print the quality report."""
    sys.path.insert(0, str(ROOT))
    from generator.analyze import analyze
    from generator.ingest import ingest_files
    from generator.model import Corpus

    corpus = ingest_files(sorted((ROOT / "site_src" / "corpus").glob("*")))
    analysis = analyze(corpus)
    judged = json.loads((ROOT / "benchmarks/quality/related_judgements.json").read_text())
    ndcg, precision = ndcg_and_precision(dict(analysis.related), judged["judgements"])
    print(f"related: nDCG@5 {ndcg:.3f}, P@5 {precision:.3f} on {len(judged['judgements'])} queries")
    slug = {p.title: p.slug for p in corpus.papers}
    pairs = json.loads((ROOT / "tests/fixtures/quality/related_pairs.json").read_text())
    for first, second in pairs:
        a, b = slug[first], slug[second]
        ranks = [
            ([r.slug for r in analysis.related[x]] + [y]).index(y) + 1 for x, y in ((a, b), (b, a))
        ]
        print(f"  ranks {ranks[0]}/{ranks[1]} (6 = not listed): {first[:45]} | {second[:45]}")
    other = next((t for t in analysis.topics if t.slug == "other"), None)
    print(
        f"topics: {len(analysis.topics) - (other is not None)}, Other holds "
        f"{len(other.papers) if other else 0} of {len(corpus.papers)} papers"
    )
    for seed in range(5):
        rng = random.Random(seed)
        base = Corpus(papers=tuple(p for p in corpus.papers if rng.random() >= 0.1))
        before = analyze(base)
        slugs_before = {t.slug for t in before.topics} - {"other"}
        slugs_after = {t.slug for t in analysis.topics}
        kept = [
            topics[0] in analysis.paper_topics[s]
            for s, topics in before.paper_topics.items()
            if topics != ("other",)
        ]
        survive = len(slugs_before & slugs_after) / len(slugs_before)
        print(
            f"stability seed {seed}: {len(base.papers)} -> {len(corpus.papers)} papers, "
            f"slugs kept {survive:.0%}, best topic kept {sum(kept) / len(kept):.0%}"
        )


if __name__ == "__main__":
    main()
