"""The scale benchmark at a small size (200 papers), as CI's smoke test.

Times are printed, never asserted (they depend on the machine); what must hold at any
speed is asserted: every stage ran, the site uses Pagefind and a no-change regenerate
rewrites nothing. The bytes of a visit and its first search are measured on the bundled
site by a browser test (tests/browser/test_header_search.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from paths import REPO


@pytest.mark.slow
def test_benchmark_smallest_size_runs_and_a_second_run_rewrites_nothing(tmp_path: Path) -> None:
    results = tmp_path / "rows.json"
    command = [sys.executable, "-m", "benchmarks.run", "--sizes", "200", "--no-browser"]
    command += ["--json", str(results)]
    run = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    print(run.stdout)
    (row,) = json.loads(results.read_text(encoding="utf-8"))
    assert row["papers"] == 200
    for stage in ("ingest", "analyze", "render", "write", "mkdocs"):
        assert row[stage] > 0, stage
    assert row["again_files"] == 0
    assert row["files"] > 2 * 200 and row["paper_kb"] > 5
    assert "| 200 |" in run.stdout
