"""papersite against its peers, side by side: the same papers built by each, interleaved.

For one corpus (the bundled one, or n synthetic papers), each round runs, one after the
other, in fresh processes:

- `papersite build` from nothing (no docs/, no site/, no state), then again with
  nothing changed;
- MkDocs + Material (its own search on) building the Markdown papersite generated, the
  same pages without papersite's plugin;
- MkDocs + Material building bare pages: one page per paper holding its title and
  abstract, and nothing else: the floor a static-site generator of these pages sits on
  (with Material's search, as a plain site has it, and without any search);
- Hugo on the bare pages, and Zensical on the generated ones, when installed (else a
  note says they were skipped).

Rounds alternate the tools (A B C A B C ...), so that the machine's drift over the run
falls on all of them alike; each row gives the median, the ratio to papersite's median
and the load average over the rounds.

    python -m benchmarks.peers                   # the bundled corpus, 3 rounds
    python -m benchmarks.peers --papers 10000 --rounds 3
    python -m benchmarks.run --sizes 1000 --peers   # the same, from the main benchmark
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "site_src" / "corpus"
# A plain MkDocs + Material project: what a user without papersite would write. The nav
# names the top pages only, as papersite's does: without a nav, MkDocs puts every page in
# every page's navigation, and the build grows with the square of the papers.
PLAIN_MKDOCS = """\
site_name: {name}
use_directory_urls: true
theme:
  name: material
  font: false
nav:
{nav}
not_in_nav: |
  /papers/
  /topics/
  /browse/
  /health.md
  /health/
  /methods/
plugins:
{plugins}
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
"""


GENERATED_HELP = "skip plain MkDocs on papersite's generated pages (slow at 10,000 papers)"


def compare(
    papers: int | None, rounds: int, workdir: Path, generated_peer: bool = True
) -> list[dict[str, object]]:
    """Rows of (work, tool, median seconds, ratio to papersite, load average). Without
    `generated_peer`, plain MkDocs does not build papersite's pages (at 10,000 papers it
    takes over 12 minutes on one core)."""
    project = _papersite_project(workdir / "papersite", papers)
    _run([sys.executable, "-m", "generator", "--root", str(project), "-q", "build"])
    generated = workdir / "generated"
    _plain_project(generated, "Generated pages", nav=_nav_of(project / "mkdocs.yml"))
    shutil.copytree(project / "docs", generated / "docs", ignore=_papersite_own_files)
    bare = workdir / "bare"
    _plain_project(bare, "Bare pages")
    _bare_pages(project / "docs" / ".papersite-search.json", bare / "docs")
    unsearched = workdir / "bare-no-search"
    _plain_project(unsearched, "Bare pages", search=False)
    shutil.copytree(bare / "docs", unsearched / "docs")

    def papersite_fresh() -> None:
        for leftover in ("docs", "site", ".docs.papersite-state.json"):
            path = project / leftover
            shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
        _run([sys.executable, "-m", "generator", "--root", str(project), "-q", "build"])

    def papersite_again() -> None:
        _run([sys.executable, "-m", "generator", "--root", str(project), "-q", "build"])

    def mkdocs(folder: Path) -> Callable[[], None]:
        return lambda: _run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=folder)

    tools: dict[str, Callable[[], None]] = {
        "papersite, fresh build": papersite_fresh,
        "papersite, nothing changed": papersite_again,
        "MkDocs + Material, generated pages": mkdocs(generated),
        "MkDocs + Material, bare pages": mkdocs(bare),
        "MkDocs + Material, bare pages, no search": mkdocs(unsearched),
    }
    notes = []
    if not generated_peer:
        del tools["MkDocs + Material, generated pages"]
        notes.append("MkDocs + Material on the generated pages: not run (--no-generated-peer)")
    hugo = shutil.which("hugo")
    if hugo:
        _hugo_project(bare, workdir / "hugo")
        tools["Hugo, bare pages"] = lambda: _run([hugo, "--quiet"], cwd=workdir / "hugo")
    else:
        notes.append("Hugo not installed: skipped")
    zensical = shutil.which("zensical")
    if zensical:
        tools["Zensical, generated pages"] = lambda: _run([zensical, "build"], cwd=generated)
    else:
        notes.append("Zensical not installed: skipped")
    seconds: dict[str, list[float]] = {name: [] for name in tools}
    loads = []
    for _ in range(rounds):
        for name, work in tools.items():
            start = time.perf_counter()
            work()
            seconds[name].append(time.perf_counter() - start)
            loads.append(os.getloadavg()[0])
    base = statistics.median(seconds["papersite, fresh build"])
    again = statistics.median(seconds["papersite, nothing changed"])
    rows: list[dict[str, object]] = []
    for name, times in seconds.items():
        median = statistics.median(times)
        peer = not name.startswith("papersite")
        rows.append(
            {
                "tool": name,
                "median_s": round(median, 2),
                "runs": [round(t, 2) for t in times],
                "papersite_ratio": round(base / median, 2) if peer else None,
                "again_ratio": round(again / median, 2) if peer else None,
            }
        )
    rows.append({"notes": notes, "load": [round(min(loads), 1), round(max(loads), 1)]})
    return rows


def table(rows: list[dict[str, object]], papers: str) -> str:
    """The rows as a Markdown table, the notes and load average under it."""
    lines = [
        f"| {papers} | median s | runs s | papersite fresh / this | nothing changed / this |",
        "|---|---:|---|---:|---:|",
    ]
    footer = rows[-1]
    for row in rows[:-1]:
        runs = ", ".join(f"{t:.1f}" for t in row["runs"])  # type: ignore[attr-defined]
        ratios = [
            f"{r:.2f}×" if isinstance(r, float) else ""
            for r in (row["papersite_ratio"], row["again_ratio"])
        ]
        lines.append(f"| {row['tool']} | {row['median_s']:.1f} | {runs} | {' | '.join(ratios)} |")
    low, high = footer["load"]  # type: ignore[misc]
    notes = "; ".join(footer["notes"])  # type: ignore[arg-type]
    lines.append(f"\nLoad average {low}-{high} over the rounds. {notes}".rstrip())
    return "\n".join(lines)


def _papersite_project(root: Path, papers: int | None) -> Path:
    if papers is None:
        root.mkdir(parents=True)
        shutil.copytree(BUNDLED, root / "site_src" / "corpus")
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copy(ROOT / "papersite.yml", root / "papersite.yml")
        shutil.copy(ROOT / "site_src" / "topics.yml", root / "site_src" / "topics.yml")
        return root
    sys.path.insert(0, str(ROOT))
    from benchmarks.project import make_project

    return make_project(root, papers)


def _plain_project(root: Path, name: str, search: bool = True, nav: str = "") -> None:
    root.mkdir(parents=True)
    plugins = "  - search" if search else "  []"
    text = PLAIN_MKDOCS.format(name=name, plugins=plugins, nav=nav or "  - Home: index.md")
    (root / "mkdocs.yml").write_text(text.replace("plugins:\n  []", "plugins: []"), "utf-8")


def _nav_of(mkdocs_yml: Path) -> str:
    """The `nav:` entries of a mkdocs.yml, as its lines."""
    lines = mkdocs_yml.read_text(encoding="utf-8").splitlines()
    start = lines.index("nav:") + 1
    entries = []
    for line in lines[start:]:
        if not line.startswith("  - "):
            break
        entries.append(line)
    return "\n".join(entries)


def _papersite_own_files(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if n.startswith(".papersite")]


def _bare_pages(documents: Path, docs: Path) -> None:
    """One Markdown page per paper, its title and abstract only, and a home page."""
    papers = json.loads(documents.read_text(encoding="utf-8"))["papers"]
    (docs / "papers").mkdir(parents=True)
    (docs / "index.md").write_text(f"# Papers\n\n{len(papers)} papers.\n", encoding="utf-8")
    for paper in papers:
        text = f"# {_plain(paper['title'])}\n\n{_plain(paper['abstract'])}\n"
        (docs / "papers" / f"{paper['slug']}.md").write_text(text, encoding="utf-8")


def _plain(text: str) -> str:
    """Corpus text with Markdown's and HTML's special characters escaped."""
    for char in "\\`*_{}[]<>()#+-.!|$&":
        text = text.replace(char, "\\" + char)
    return text


def _hugo_project(bare: Path, root: Path) -> None:
    """The bare pages as a Hugo site with a minimal layout."""
    (root / "content" / "papers").mkdir(parents=True)
    (root / "layouts" / "_default").mkdir(parents=True)
    (root / "hugo.toml").write_text('title = "Bare pages"\n', encoding="utf-8")
    page = "<html><body>{{ .Content }}</body></html>\n"
    for name in ("single.html", "list.html"):
        (root / "layouts" / "_default" / name).write_text(page, encoding="utf-8")
    for source in (bare / "docs" / "papers").iterdir():
        shutil.copy(source, root / "content" / "papers" / source.name)


def _run(command: list[str], cwd: Path = ROOT) -> None:
    quiet = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's notice about MkDocs 2
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, env=quiet)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, help="synthetic papers (default: the bundled corpus)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every tool")
    parser.add_argument("--no-generated-peer", action="store_true", help=GENERATED_HELP)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="papersite-peers-") as workdir:
        rows = compare(args.papers, args.rounds, Path(workdir), not args.no_generated_peer)
    label = f"{args.papers:,} papers" if args.papers else "bundled corpus"
    print(table(rows, label))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
