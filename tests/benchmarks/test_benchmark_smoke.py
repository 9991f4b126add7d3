"""The scale benchmark at a small size (200 papers), as CI's smoke test.

Times are printed, never asserted (they depend on the machine); what must hold at any
speed is asserted: every stage ran, the site uses Pagefind, a no-change regenerate
rewrites nothing, and the first search stays under 500 KB.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from paths import REPO

CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.slow
def test_benchmark_smallest_size_runs_and_meets_its_size_targets(tmp_path: Path) -> None:
    results = tmp_path / "rows.json"
    command = [sys.executable, "-m", "benchmarks.run", "--sizes", "200", "--json", str(results)]
    if not CHROMIUM.exists():
        command.append("--no-browser")
    run = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    print(run.stdout)
    (row,) = json.loads(results.read_text(encoding="utf-8"))
    assert row["papers"] == 200
    for stage in ("ingest", "analyze", "render", "write", "mkdocs"):
        assert row[stage] > 0, stage
    assert row["again_files"] == 0
    assert row["files"] > 2 * 200 and row["paper_kb"] > 5
    if CHROMIUM.exists():
        visit = float(row["visit_kb"].replace(",", ""))
        search = float(row["search_kb"].replace(",", ""))
        assert 0 < search < visit <= 650, row  # a home visit and its first search
    assert "| 200 |" in run.stdout
