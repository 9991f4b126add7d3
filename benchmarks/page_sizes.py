"""How large a built site's paper pages are, and where their bytes go.

For every site/papers/<slug>/index.html: the mean and largest size, as written and
gzipped (level 9, about what a server sends), and the mean size of each part of the
page: the head, the header, the navigation sidebar, the table-of-contents sidebar, the
article (the related-paper graph apart) and what follows it (footer, settings, scripts).

    python -m benchmarks.page_sizes --site site
    python -m benchmarks.page_sizes --site site --compare old-site   # two builds side by side
"""

from __future__ import annotations

import argparse
import gzip
import statistics
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

# Where each part starts; a part ends where the next one found in the page starts.
PARTS = (
    ("head", "<!doctype"),
    ("body start", "</head>"),
    ("header", "<header"),
    ("navigation", "md-sidebar--primary"),
    ("toc sidebar", "md-sidebar--secondary"),
    ("article", "<article"),
    ("graph", '<figure class="ps-links ps-graph-figure"'),
    ("article", "</figure>"),
    ("after article", "</article>"),
)


@dataclass(frozen=True)
class PageSizes:
    """The paper pages of one built site."""

    pages: int
    mean: float
    largest: int
    mean_gzip: float
    largest_gzip: int
    parts: dict[str, float]  # mean bytes per part


def page_parts(html: str) -> dict[str, int]:
    """Bytes of each part of one page (parts it lacks count 0)."""
    starts = sorted((html.find(mark), name) for name, mark in PARTS if html.find(mark) >= 0)
    sizes = dict.fromkeys((name for name, _ in PARTS), 0)
    bounds = [*starts, (len(html), "")]
    for (start, name), (end, _) in pairwise(bounds):
        sizes[name] += len(html[start:end].encode())
    return sizes


def measure(site: Path) -> PageSizes:
    """Sizes of every paper page of `site`."""
    files = sorted((site / "papers").glob("*/index.html"))
    if not files:
        raise SystemExit(f"no paper pages in {site}/papers")
    raw = [f.read_bytes() for f in files]
    sizes = [len(b) for b in raw]
    zipped = [len(gzip.compress(b, 9, mtime=0)) for b in raw]
    per_part = [page_parts(b.decode("utf-8")) for b in raw]
    parts = {name: statistics.mean(p[name] for p in per_part) for name in per_part[0]}
    return PageSizes(
        len(files), statistics.mean(sizes), max(sizes), statistics.mean(zipped), max(zipped), parts
    )


def _kb(size: float) -> str:
    return f"{size / 1024:.1f}"


def report(sites: list[tuple[str, PageSizes]]) -> str:
    """A Markdown table: one column per site."""
    header = "| paper pages (KB = 1,024 bytes) | " + " | ".join(name for name, _ in sites) + " |"
    rows = [header, "|---" + "|---:" * len(sites) + "|"]

    def row(label: str, values: list[str]) -> None:
        rows.append(f"| {label} | " + " | ".join(values) + " |")

    row("pages", [str(s.pages) for _, s in sites])
    row("mean KB", [_kb(s.mean) for _, s in sites])
    row("largest KB", [_kb(s.largest) for _, s in sites])
    row("mean gzip KB", [_kb(s.mean_gzip) for _, s in sites])
    row("largest gzip KB", [_kb(s.largest_gzip) for _, s in sites])
    for part in sites[0][1].parts:
        row(f"{part}, mean KB", [_kb(s.parts[part]) for _, s in sites])
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="a built site")
    parser.add_argument("--compare", type=Path, help="another built site, shown first")
    args = parser.parse_args(argv)
    sites = [(str(args.compare), measure(args.compare))] if args.compare else []
    sites.append((str(args.site), measure(args.site)))
    print(report(sites))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
