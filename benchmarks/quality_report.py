"""Measure analysis quality on the bundled corpus: related papers and topic stability.

    python -m benchmarks.quality_report

Related papers: nDCG@5 and precision@5 on the 80 hand-judged queries of
benchmarks/quality/related_judgements.json (graded 0/1/2, pooled from several
configurations; unjudged pairs count as 0), and the rank of each pair of
tests/fixtures/quality/related_pairs.json in both directions. Pairs sharing meaning
rather than words: nDCG@5 and P@5 on the 30 queries of
tests/fixtures/quality/related_meaning_judgements.json, the recall of their clearly
related pairs (either direction) and of those among them with few words in common
(word tf-idf cosine under 0.15), and the ranks of the three held-out misses that
issue 15 names (manual/analysis.md, "Pairs that share meaning rather than words").

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
from typing import Any

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
        print(f"  ranks {_ranks(analysis, a, b)} (6 = not listed): {first[:45]} | {second[:45]}")
    _meaning_report(corpus, analysis)
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


def _ranks(analysis: Any, a: str, b: str) -> str:
    """Rank of b among a's related papers and of a among b's ("6" when not listed)."""
    ranks = [
        ([r.slug for r in analysis.related[x]] + [y]).index(y) + 1 for x, y in ((a, b), (b, a))
    ]
    return f"{ranks[0]}/{ranks[1]}"


# The held-out misses issue 15 names: pairs that share meaning but few words.
NAMED_MISSES = (
    ("Sparsity-Constrained Optimal Transport", "Displacement-Sparse Neural Optimal Transport"),
    ("Grokking at the Edge of Numerical Stability", "To grok or not to grok"),
    ("A Method on Searching Better Activation Functions", "Evolving Normalization-Activation"),
)
FEW_WORDS = 0.15


def _meaning_report(corpus: Any, analysis: Any) -> None:
    """The second judged set's measures and the named misses' ranks."""
    from generator.analyze.features.documents import read_documents
    from generator.analyze.features.vectors import build_vectors
    from generator.analyze.settings import AnalysisSettings

    meaning = json.loads(
        (ROOT / "tests/fixtures/quality/related_meaning_judgements.json").read_text()
    )
    ndcg, precision = ndcg_and_precision(dict(analysis.related), meaning["queries"])
    print(
        f"meaning set: nDCG@5 {ndcg:.3f}, P@5 {precision:.3f} on {len(meaning['queries'])} queries"
    )
    tfidf = build_vectors(read_documents(corpus.papers), AnalysisSettings().seed).tfidf
    row = {p.slug: i for i, p in enumerate(corpus.papers)}
    listed = {slug: {r.slug for r in related} for slug, related in analysis.related.items()}
    clear = [
        (q, s) for q, grades in meaning["queries"].items() for s, g in grades.items() if g == 2
    ]
    found = [s in listed[q] or q in listed[s] for q, s in clear]
    few = [
        hit
        for (q, s), hit in zip(clear, found, strict=True)
        if (tfidf[row[q]] @ tfidf[row[s]].T).toarray()[0, 0] < FEW_WORDS
    ]
    print(
        f"  clearly related pairs found {sum(found)}/{len(found)}, "
        f"few words in common {sum(few)}/{len(few)}"
    )
    for first, second in NAMED_MISSES:
        a = next(p.slug for p in corpus.papers if p.title.startswith(first))
        b = next(p.slug for p in corpus.papers if p.title.startswith(second))
        print(f"  named miss ranks {_ranks(analysis, a, b)}: {first[:40]} | {second[:40]}")


if __name__ == "__main__":
    main()
