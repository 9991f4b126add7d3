"""The live preview's turnaround: seconds from saving a corpus file to the edited page
being served, and how many builds one edit causes.

A copy of the bundled project is served by `papersite serve` on a free port. After the
first build, each round renames one paper in a corpus file and polls the paper's new
URL; the builds are counted from MkDocs' log ("Building documentation…").

    python -m benchmarks.serve_reload            # 3 edits, median and each
    python -m benchmarks.serve_reload --edits 5
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "site_src" / "corpus"
BUILD_LINE = "Building documentation"
SETTLE_SECONDS = 8  # after the page appears: time for a second build to show up


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _served(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _wait(check, seconds: float) -> float:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if check():
            return time.monotonic() - started
        time.sleep(0.1)
    raise TimeoutError(f"not served within {seconds} s")


def _builds(log: Path) -> int:
    return log.read_text(encoding="utf-8", errors="replace").count(BUILD_LINE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        shutil.copytree(CORPUS, root / "site_src" / "corpus")
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copy(ROOT / "papersite.yml", root / "papersite.yml")
        port = _free_port()
        url = f"http://127.0.0.1:{port}/"
        log = root / "serve.log"
        command = [sys.executable, "-m", "generator", "--root", str(root), "serve"]
        with log.open("w") as out:
            server = subprocess.Popen(
                [*command, "-a", f"127.0.0.1:{port}"], stdout=out, stderr=subprocess.STDOUT
            )
            try:
                first = _wait(lambda: _served(url), 300)
                print(f"first build served after {first:.1f} s")
                target = next(CORPUS.glob("003_*.txt")).name
                corpus = root / "site_src" / "corpus" / target
                seconds = []
                for edit in range(1, args.edits + 1):
                    time.sleep(SETTLE_SECONDS)
                    before = _builds(log)
                    text = corpus.read_text(encoding="utf-8")
                    title = f"Zebracorn edit {edit} of the live preview"
                    lines = text.split("\n")
                    lines[2] = title  # the listing's first title (after the header lines)
                    corpus.write_text("\n".join(lines), encoding="utf-8")
                    page = url + "papers/" + title.lower().replace(" ", "-") + "/"
                    took = _wait(lambda page=page: _served(page), 300)
                    time.sleep(SETTLE_SECONDS)
                    builds = _builds(log) - before
                    seconds.append(took)
                    print(f"edit {edit}: page served after {took:.1f} s, {builds} build(s)")
                print(f"median: {statistics.median(seconds):.1f} s over {len(seconds)} edits")
            finally:
                server.terminate()
                server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
