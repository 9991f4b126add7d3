"""Does each use of worker processes pay? Stage by stage, one worker against several,
interleaved (A B A B ...) so that the machine's drift falls on both alike.

    python -m benchmarks.bench_workers --papers 10000 --repeat 3

Times the steps that can use workers, in this process, on a synthetic corpus: reading the
corpus files, the analysis (its map projection runs in a worker beside the rest), and
rendering the pages; the sharded MkDocs build is measured end to end by
`benchmarks.run --workers 1` against the default. Prints the median of each and their
ratio (below 1: the workers pay).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from benchmarks.project import write_corpus
    from generator.analyze import AnalysisSettings, analyze
    from generator.ingest import ingest_files
    from generator.ingest import pipeline as ingest_pipeline
    from generator.render import render_site

    with tempfile.TemporaryDirectory() as folder:
        files = write_corpus(Path(folder), args.papers)
        ingest_pipeline.PARALLEL_MIN_BYTES = 0  # measure the workers at any corpus size
        corpus = ingest_files(files)
        analysis = analyze(corpus)
        steps: dict[str, Callable[[int], object]] = {
            "ingest": lambda n: ingest_files(files, workers=n),
            "analyze": lambda n: analyze(corpus, AnalysisSettings(workers=n)),
            "render": lambda n: render_site(corpus, analysis, "Synthetic", workers=n),
        }
        print(f"{args.papers:,} papers, {args.repeat} runs each, 1 against {args.workers} workers")
        print("| step | 1 worker s | workers s | ratio |\n| --- | ---: | ---: | ---: |")
        for name, step in steps.items():
            alone, shared = [], []
            for _ in range(args.repeat):
                alone.append(_seconds(lambda step=step: step(1)))
                shared.append(_seconds(lambda step=step: step(args.workers)))
            one, many = statistics.median(alone), statistics.median(shared)
            print(f"| {name} | {one:.2f} | {many:.2f} | {many / one:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
