"""End-to-end benchmark: synthetic corpora through the whole pipeline, one table.

    python -m benchmarks.run                      # 1,000, 10,000 and 50,000 papers
    python -m benchmarks.run --sizes 500          # what CI runs (a smoke test)
    python -m benchmarks.run --sizes 100000 --no-mkdocs   # generation only
    python -m benchmarks.run --sizes 1000 --peers  # against MkDocs (and Hugo, Zensical)

Each size runs in a fresh process, on a temporary project (benchmarks/project.py: the
repository's mkdocs.yml, templates and hooks, and n synthetic papers in the three
listing formats). It runs what `papersite build` runs and reports:

- seconds per stage: ingest, analyze, render, write (docs/), mkdocs (site/, with the
  search index), and their total;
- peak memory: the largest proportional set size (PSS) of the process and all its
  children (forked workers, Pagefind) at once, sampled every 0.2 s;
- site size, file count and the average size of a paper page (HTML);
- what a visitor downloads for the first search: headless Chromium (/usr/bin/chromium)
  opens the home page, types the query into the header search key by key and waits for
  the results (benchmarks/search_visit.py): KB of the search's own files and of the
  whole visit, as served, and the time from the last key to the results on screen;
- a no-change rebuild: `papersite generate` run again (a new process), its time and the
  number of files it rewrote in docs/.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = (1000, 10_000, 50_000)
QUERY = "segmentation"
COLUMNS = (
    ("papers", "papers", "{:,}"),
    ("ingest", "ingest s", "{:.1f}"),
    ("analyze", "analyze s", "{:.1f}"),
    ("render", "render s", "{:.1f}"),
    ("write", "write s", "{:.1f}"),
    ("mkdocs", "mkdocs s", "{:.1f}"),
    ("total", "total s", "{:.1f}"),
    ("peak_mb", "peak MB", "{:,.0f}"),
    ("site_mb", "site MB", "{:,.0f}"),
    ("files", "files", "{:,}"),
    ("paper_kb", "paper KB", "{:.1f}"),
    ("search_kb", "1st search KB", "{}"),
    ("visit_kb", "visit KB", "{}"),
    ("result_ms", "key to result ms", "{}"),
    ("again_s", "no-change s", "{:.2f}"),
    ("again_files", "rewritten", "{}"),
)


def measure(
    papers: int, workdir: Path, mkdocs: bool, browser: bool, workers: int | None = None
) -> dict[str, Any]:
    """Build a synthetic site of `papers` papers in `workdir`; return the measurements."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.project import make_project
    from generator.build import mkdocs_build
    from generator.config import load_config
    from generator.pipeline import Pipeline

    root = make_project(workdir / "project", papers)
    config = load_config(root)
    if workers is not None:
        config = replace(config, workers=workers)
    row: dict[str, Any] = {"papers": papers}
    with PeakMemory() as memory:
        pipeline = Pipeline(config)
        times = pipeline.times
        pages = pipeline.generate(force=True).pages  # as `papersite build` does
        gc.collect()
        if mkdocs:
            times.run("mkdocs", lambda: mkdocs_build(config))  # strict, as `papersite build`
    row.update({name: round(seconds, 2) for name, seconds in times.seconds.items()})
    row["total"] = round(sum(times.seconds.values()), 2)
    row["peak_mb"] = round(memory.peak_mb)
    row["pages"] = pages
    row.update(_rebuild_without_changes(root))
    site = root / "site"
    if mkdocs:
        row.update(_site_sizes(site))
        if browser:
            row.update(first_search_bytes(site))
    return row


def _rebuild_without_changes(root: Path) -> dict[str, Any]:
    """Run `papersite generate` again in a new process: its time and files rewritten."""
    docs = root / "docs"
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    command = [sys.executable, "-m", "generator", "--root", str(root), "-q", "generate"]
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    after = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    rewritten = sum(1 for p, stamp in after.items() if before.get(p) != stamp)
    return {"again_s": round(seconds, 2), "again_files": rewritten}


def _site_sizes(site: Path) -> dict[str, Any]:
    """Total size and file count of site/, and the average paper page's size."""
    files = [p for p in site.rglob("*") if p.is_file()]
    papers = list((site / "papers").glob("*/index.html"))
    paper_bytes = sum(p.stat().st_size for p in papers) / max(1, len(papers))
    return {
        "site_mb": round(sum(p.stat().st_size for p in files) / 1e6, 1),
        "files": len(files),
        "paper_kb": round(paper_bytes / 1e3, 1),
    }


def first_search_bytes(site: Path) -> dict[str, Any]:
    """A home visit and its first search of QUERY (benchmarks/search_visit.py): bytes of
    the search alone and of the whole visit, and the time from the last key to results."""
    if not Path("/usr/bin/chromium").exists():
        return {"search_kb": "n/a", "visit_kb": "n/a", "result_ms": "n/a"}
    from benchmarks.search_visit import measure_visits

    visit = measure_visits(site, [QUERY])[0]
    return {
        "search_kb": f"{visit.search_bytes / 1024:,.0f}",
        "visit_kb": f"{visit.visit_bytes / 1024:,.0f}",
        "result_ms": f"{visit.result_ms:,.0f}",
    }


class PeakMemory:
    """Samples the summed PSS of this process and its descendants; keeps the peak."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        total = sum(_pss_kb(pid) for pid in _process_tree(os.getpid()))
        self.peak_mb = max(self.peak_mb, total / 1024)


def _process_tree(pid: int) -> list[int]:
    """`pid` and all its descendants (Linux /proc)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            with contextlib.suppress(OSError):  # the process just ended
                queue.extend(int(child) for child in task.read_text().split())
    return found


def _pss_kb(pid: int) -> int:
    """Proportional set size of a process in KB (shared pages split between sharers)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def table(rows: Sequence[dict[str, Any]]) -> str:
    """A Markdown table of benchmark rows."""
    present = [(key, title, fmt) for key, title, fmt in COLUMNS if any(key in r for r in rows)]
    lines = ["| " + " | ".join(title for _, title, _ in present) + " |"]
    lines.append("|" + "|".join(" ---: " for _ in present) + "|")
    for row in rows:
        cells = [fmt.format(row[key]) if key in row else "" for key, _, fmt in present]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--no-mkdocs", action="store_true", help="stop after docs/ (no site)")
    parser.add_argument("--no-browser", action="store_true", help="skip the download test")
    parser.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    parser.add_argument("--keep", type=Path, help="build here and keep the projects")
    parser.add_argument("--workers", type=int, help="worker processes (default: one per core)")
    parser.add_argument(
        "--peers",
        action="store_true",
        help="build each size with papersite and its peers, interleaved (benchmarks/peers.py)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each tool (--peers)")
    parser.add_argument(
        "--no-generated-peer",
        action="store_true",
        help="--peers: skip plain MkDocs on the generated pages (slow at 10,000 papers)",
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size
    args = parser.parse_args(argv)
    if args.peers:
        return _peers(args.sizes, args.rounds, not args.no_generated_peer)
    if args.one is not None:  # the parent passes --keep and removes the projects itself
        workdir = Path(tempfile.mkdtemp(dir=args.keep))
        row = measure(args.one, workdir, not args.no_mkdocs, not args.no_browser, args.workers)
        print(json.dumps(row))
        return 0
    # Projects are removed only after the last size: ext4 passes over inodes freed in the
    # last one to six minutes when it allocates new ones, so a size built just after the
    # previous size's 30,000 files were deleted would spend seconds creating its own.
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="papersite-benchmark-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        rows = [_run_size(size, workdir, args) for size in args.sizes]
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"{_machine()}\n")
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


def _peers(sizes: Sequence[int], rounds: int, generated_peer: bool) -> int:
    """Each size built by papersite and by its peers, interleaved; one table per size."""
    from benchmarks.peers import compare
    from benchmarks.peers import table as peers_table

    print(f"{_machine()}\n")
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="papersite-peers-") as workdir:
            rows = compare(size, rounds, Path(workdir), generated_peer)
        print(peers_table(rows, f"{size:,} papers") + "\n")
    return 0


def _run_size(size: int, workdir: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Measure one size in a fresh process, with a project under `workdir`; its row."""
    command = [sys.executable, "-m", "benchmarks.run", "--one", str(size), "--keep", str(workdir)]
    command += ["--no-mkdocs"] * args.no_mkdocs + ["--no-browser"] * args.no_browser
    command += ["--workers", str(args.workers)] if args.workers else []
    print(f"benchmark: {size:,} papers...", file=sys.stderr, flush=True)
    run = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=False)
    if run.returncode != 0:
        raise RuntimeError(f"benchmark of {size} papers failed (exit {run.returncode})")
    row: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    print(table([row]), file=sys.stderr, flush=True)
    return row


def _machine() -> str:
    """One line about the machine the benchmark ran on."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        memory_kb = 0
    return (
        f"Machine: {os.cpu_count()} cores ({cpu}), {memory_kb / 1024**2:.0f} GB RAM, "
        f"Python {sys.version.split()[0]}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
