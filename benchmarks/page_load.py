"""How fast a built site's pages load, measured in headless Chromium.

For each page kind (home, All papers, a topic, a paper, the topics index), a fresh
browser context loads the page from a local server several times; reported per page:
the median time to DOMContentLoaded and to the load event, the page's HTML size and
its height at 1280 px. Loads are cold (a new context each: no cache), over loopback,
so the figures are the browser's own work, not the network's.

    python -m benchmarks.page_load --site site             # 5 loads of each page
    python -m benchmarks.page_load --site site --loads 9 --page browse/title/
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMING_JS = """() => { const t = performance.getEntriesByType('navigation')[0];
  return [t.domContentLoadedEventEnd, t.loadEventEnd, document.documentElement.scrollHeight]; }"""


@dataclass(frozen=True)
class PageLoad:
    """The median load of one page."""

    path: str
    html_kb: float
    dom_ms: float
    load_ms: float
    height_px: int


def default_pages(site: Path) -> list[str]:
    """Home, All papers, the topics index, the first topic and the first paper of `site`."""
    topic = next(p for p in sorted((site / "topics").iterdir()) if (p / "index.html").is_file())
    paper = next(p for p in sorted((site / "papers").iterdir()) if (p / "index.html").is_file())
    return ["", "browse/", "topics/", f"topics/{topic.name}/", f"papers/{paper.name}/"]


def measure(site: Path, pages: list[str], loads: int) -> list[PageLoad]:
    """Load each page `loads` times in fresh contexts; the medians."""
    sys.path.insert(0, str(ROOT / "tests" / "helpers"))
    from browser_support import browsing

    results = []
    with browsing(site) as (url, browser):
        for path in pages:
            samples = []
            for _ in range(loads):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(url + path, wait_until="load")
                samples.append(page.evaluate(TIMING_JS))
                context.close()
            html = site / path / "index.html"
            results.append(
                PageLoad(
                    path or "/",
                    html.stat().st_size / 1024,
                    statistics.median(s[0] for s in samples),
                    statistics.median(s[1] for s in samples),
                    int(statistics.median(s[2] for s in samples)),
                )
            )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site")
    parser.add_argument("--loads", type=int, default=5, help="loads of each page (median)")
    parser.add_argument("--page", action="append", help="a page's path (repeatable)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site} holds no built site (run `papersite build` first)")
    pages = args.page or default_pages(args.site)
    rows = measure(args.site, pages, args.loads)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"| page | HTML KB | DOMContentLoaded ms | load ms | height px |  (load average {load})")
    print("|---|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row.path} | {row.html_kb:,.1f} | {row.dom_ms:,.0f} | {row.load_ms:,.0f} "
            f"| {row.height_px:,} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
