"""Time the analysis stage on synthetic corpora and record peak memory.

    python -m benchmarks.bench_analyze --sizes 1000 10000 100000
    python -m benchmarks.bench_analyze --recall 30000

Each size runs in its own process (so peak memory is that size's own): the papers
are generated (benchmarks/synthetic.py), turned into a `Corpus` directly (ingest is
not timed here), and analysed with default settings. The table gives seconds per
analysis step, the total, the resident memory before analysis and the peak resident
memory of the process (getrusage ru_maxrss).

`--recall N` compares the related papers of N synthetic papers found with the
inverted-file index (used from `related.IVF_MIN_PAPERS` papers on) with those of the
exact search: the share of the exact lists' papers kept, and the seconds of each.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STEPS = (
    "tokenize",
    "vectors",
    "phrases",
    "related",
    "topics",
    "methods",
    "code urls",
    "search aliases",
    "projection",
)


def measure(size: int, seed: int) -> dict[str, float]:
    """Generate `size` papers, analyse them, and return timings and memory (MB)."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.synthetic import SyntheticCorpus, bundled_sources
    from generator.analyze import analyze_timed

    start = time.perf_counter()
    corpus = corpus_of(SyntheticCorpus(bundled_sources(), seed).papers(size))
    generated = time.perf_counter() - start
    before = _rss_mb()
    start = time.perf_counter()
    analysis, times = analyze_timed(corpus)
    total = time.perf_counter() - start
    row = {name: round(times.seconds.get(name, 0.0), 2) for name in STEPS}
    row.update(
        papers=size,
        total=round(total, 2),
        generate=round(generated, 2),
        rss_before_mb=round(before),
        peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        n_topics=len(analysis.topics),
    )
    return row


def corpus_of(papers: Sequence[object]) -> object:
    """A `Corpus` of synthetic papers, with unique slugs as ingest would give."""
    from benchmarks.synthetic import SyntheticPaper
    from generator.links import paper_url, unique_slugs
    from generator.model import Corpus, Paper, PaperDate, SourceRef

    typed = [p for p in papers if isinstance(p, SyntheticPaper)]
    slugs = unique_slugs((str(i), p.title) for i, p in enumerate(typed))
    return Corpus(
        papers=tuple(
            Paper(
                id=str(i),
                slug=slugs[str(i)],
                url=paper_url(slugs[str(i)]),
                title=p.title,
                title_inferred=False,
                abstract=p.abstract,
                versions=(p.abstract,),
                sources=(SourceRef("synthetic.txt", i + 1),),
                authors_count=p.authors,
                published=PaperDate(p.year, p.month, p.day),
                upvotes=p.upvotes,
            )
            for i, p in enumerate(typed)
        )
    )


def recall(size: int, seed: int) -> dict[str, float]:
    """Related papers of `size` synthetic papers by the index and exactly, compared."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.synthetic import SyntheticCorpus, bundled_sources
    from generator.analyze import related
    from generator.analyze.features.documents import read_documents
    from generator.analyze.features.phrases import phrase_stats
    from generator.analyze.features.vectors import build_vectors
    from generator.analyze.pipeline import shared_term_columns
    from generator.model import Corpus

    corpus = corpus_of(SyntheticCorpus(bundled_sources(), seed).papers(size))
    assert isinstance(corpus, Corpus)
    papers = corpus.papers
    docs = read_documents(papers)
    vectors = build_vectors(docs, 0)
    telling = shared_term_columns(phrase_stats(vectors, docs), docs.surfaces)
    found, seconds = {}, {}
    for name, threshold in (("exact", size + 1), ("index", 0)):
        related.IVF_MIN_PAPERS = threshold
        start = time.perf_counter()
        found[name] = related.related_papers(papers, vectors, docs.surfaces, telling, 5)
        seconds[name] = round(time.perf_counter() - start, 2)
    exact, index = found["exact"], found["index"]
    kept = sum(len({r.slug for r in exact[s]} & {r.slug for r in index[s]}) for s in exact)
    return {
        "papers": size,
        "recall": round(kept / max(1, sum(len(r) for r in exact.values())), 4),
        "identical_lists": round(sum(exact[s] == index[s] for s in exact) / len(exact), 4),
        "exact_s": seconds["exact"],
        "index_s": seconds["index"],
    }


def _rss_mb() -> float:
    """Current resident memory of this process, in MB (Linux)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * resource.getpagesize() / 2**20


def table(rows: Sequence[dict[str, float]]) -> str:
    """Rows as a Markdown table."""
    columns = ["papers", *STEPS, "total", "rss_before_mb", "peak_rss_mb", "n_topics"]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(str(row.get(c, "")) for c in columns) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Run every size in a fresh process and print the table."""
    parser = argparse.ArgumentParser(description="Benchmark the analysis stage.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--recall", type=int, metavar="N", help="index vs exact at N papers")
    args = parser.parse_args(argv)
    if args.recall is not None:
        print(json.dumps(recall(args.recall, args.seed)))
        return
    if args.one is not None:
        print(json.dumps(measure(args.one, args.seed)))
        return
    rows = []
    for size in args.sizes:
        command = [sys.executable, "-m", "benchmarks.bench_analyze", "--one", str(size)]
        command += ["--seed", str(args.seed)]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"size {size} failed:\n{done.stderr}", file=sys.stderr)
            continue
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"{size} papers: {rows[-1]['total']} s", file=sys.stderr)
    print(table(rows))


if __name__ == "__main__":
    main()
