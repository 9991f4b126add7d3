"""What Material's instant navigation costs a visitor as a site grows.

Instant navigation downloads the site's sitemap.xml on every page load and reads every
`<url>` into a map before it can take a click (Material's bundle: `fetchSitemap`). This
writes sitemaps of N pages as MkDocs does (slugs of synthetic titles, a `lastmod` each),
serves them, and times that reading in headless Chromium, the page's main thread busy
throughout: median of `--runs`, at full speed and with the CPU slowed 4× as a phone's.
The figures set `generator/mkdocs/instant_navigation.INSTANT_PAGE_LIMIT`.

    python -m benchmarks.sitemap_parse                  # 1,000 / 5,000 / 10,000 / 50,000
    python -m benchmarks.sitemap_parse --pages 20000 --runs 5
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Material's reading of a sitemap (fetchSitemap and its parser), as plain script.
READ_JS = """async (name) => {
  const start = performance.now();
  const text = await (await fetch(name)).text();
  const fetched = performance.now();
  const sitemap = new DOMParser().parseFromString(text, "application/xml");
  const pages = new Map();
  for (const url of sitemap.querySelectorAll("url")) {
    const address = new URL(url.querySelector("loc").textContent);
    const urls = [address];
    for (const other of url.querySelectorAll("[rel=alternate]")) urls.push(new URL(other.href));
    pages.set(`${address}`, urls);
  }
  return [fetched - start, performance.now() - fetched, pages.size];
}"""


def sitemap(pages: int, seed: int = 1) -> str:
    """A sitemap of `pages` paper addresses (slugs of synthetic titles), laid out as
    MkDocs 1.6 writes one."""
    from slugify import slugify

    from benchmarks.synthetic import SyntheticCorpus, bundled_sources

    corpus = SyntheticCorpus(bundled_sources(), seed)
    urls = {
        f"https://lab.example.org/reading-group/papers/{slugify(corpus.paper(i).title)}-{i}/": None
        for i in range(pages)
    }
    entries = [
        f"    <url>\n         <loc>{url}</loc>\n         <lastmod>2026-12-07</lastmod>\n    </url>"
        for url in urls
    ]
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    head += '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    return head + "\n".join(entries) + "\n</urlset>\n"


def measure(sizes: list[int], runs: int) -> list[tuple[int, int, int, float, float]]:
    """Per size: pages, bytes, gzipped bytes, median parse ms at full speed and at 4×."""
    sys.path.insert(0, str(ROOT / "tests" / "helpers"))
    from browser_support import browsing

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        texts = {size: sitemap(size) for size in sizes}
        for size, text in texts.items():
            (Path(folder) / f"sitemap-{size}.xml").write_text(text, encoding="utf-8")
        (Path(folder) / "index.html").write_text("<!doctype html><title>x</title>")
        with browsing(Path(folder)) as (url, browser):
            medians = {}
            for slowdown in (1, 4):
                page = browser.new_page()
                cdp = page.context.new_cdp_session(page)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
                page.goto(url)
                for size in sizes:
                    times = [page.evaluate(READ_JS, f"sitemap-{size}.xml")[1] for _ in range(runs)]
                    medians[size, slowdown] = statistics.median(times)
                page.close()
        for size, text in texts.items():
            data = text.encode()
            rows.append(
                (size, len(data), len(gzip.compress(data)), medians[size, 1], medians[size, 4])
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 5000, 10000, 50000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print("pages   sitemap KB  gzipped KB  parse ms  at 4x slower  µs a page")
    for pages, size, packed, full, slow in measure(args.pages, args.runs):
        print(
            f"{pages:6,}  {size / 1024:10,.0f}  {packed / 1024:10,.0f}  {full:8.0f}  "
            f"{slow:12.0f}  {1000 * full / pages:9.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
