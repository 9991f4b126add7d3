"""A visitor's first search, measured in headless Chromium.

For each query: a fresh browser context opens the home page, presses `/`, types the
query key by key (`--delay` ms apart, as a person types) and waits until the header
search shows the results of the whole query. Reported per query: the bytes of every
response of the visit (home page and search, as served: uncompressed unless the file
is compressed on disk, as Pagefind's are), the time from the last keystroke to the
results on screen, the first result's title, and any address downloaded twice.

    python -m benchmarks.search_visit --site site                    # sample queries
    python -m benchmarks.search_visit --site site --queries FILE --delay 150
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_QUERIES = ROOT / "tests" / "fixtures" / "quality" / "search_queries.json"
DONE_JS = (
    "q => document.querySelector('[data-ps-search-dialog]')"
    ".getAttribute('data-ps-search-done') === q"
)


@dataclass(frozen=True)
class Visit:
    """One home visit and its first search."""

    query: str
    first: str | None
    visit_bytes: int
    search_bytes: int
    result_ms: float
    repeated: tuple[str, ...] = ()  # addresses the visit downloaded more than once


def measure_visits(site: Path, queries: list[str], delay_ms: float = 120) -> list[Visit]:
    """Visit the home page of the built `site` and search each query in a fresh context."""
    sys.path.insert(0, str(ROOT / "tests" / "helpers"))
    from browser_support import browsing

    with browsing(site) as (url, browser):
        visits = [visit(browser, url, query, delay_ms) for query in queries]
    return visits


def visit(browser: object, url: str, query: str, delay_ms: float) -> Visit:
    """Open the home page at `url` in a fresh context of `browser` and search `query`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    bodies: list[tuple[bool, int]] = []
    addresses: list[str] = []
    searching = [False]

    def on_response(response: object) -> None:
        try:
            size = len(response.body())  # type: ignore[attr-defined]
        except Exception:  # a redirect or an aborted request has no body
            size = 0
        bodies.append((searching[0], size))
        addresses.append(response.url)  # type: ignore[attr-defined]

    page.on("response", on_response)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    searching[0] = True
    page.keyboard.press("/")
    field = page.locator("[data-ps-search-input]")
    field.wait_for()
    field.press_sequentially(query, delay=delay_ms)
    page.wait_for_function(DONE_JS, arg=query, timeout=30_000)
    page.wait_for_load_state("networkidle")
    titles = page.locator(".ps-search__result .ps-search__title")
    first = titles.first.text_content() if titles.count() else None
    shown = page.locator("[data-ps-search-results]").get_attribute("data-ps-search-ms")
    result_ms = float(shown or 0)
    context.close()
    return Visit(
        query,
        first,
        sum(size for _, size in bodies),
        sum(size for during, size in bodies if during),
        result_ms,
        tuple(sorted(a for a, times in Counter(addresses).items() if times > 1)),
    )


def summary(visits: list[Visit]) -> dict[str, float]:
    """Median and largest visit, median search bytes and keystroke-to-result time."""
    return {
        "visit_kb_median": statistics.median(v.visit_bytes for v in visits) / 1024,
        "visit_kb_max": max(v.visit_bytes for v in visits) / 1024,
        "search_kb_median": statistics.median(v.search_bytes for v in visits) / 1024,
        "result_ms_median": statistics.median(v.result_ms for v in visits),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--queries", type=Path, default=SAMPLE_QUERIES)
    parser.add_argument("--delay", type=float, default=120, help="ms between keys")
    args = parser.parse_args(argv)
    cases = json.loads(args.queries.read_text(encoding="utf-8"))
    queries = [case[0] if isinstance(case, list) else case for case in cases]
    expected = {case[0]: case[1] for case in cases if isinstance(case, list)}
    visits = measure_visits(args.site, queries, args.delay)
    for visit in visits:
        mark = ""
        if visit.query in expected:
            mark = "ok " if visit.first in expected[visit.query] else "MISS "
        print(
            f"{mark}{visit.visit_bytes / 1024:6.0f} KB visit, {visit.search_bytes / 1024:5.0f} KB "
            f"search, {visit.result_ms:5.0f} ms  {visit.query!r} -> {visit.first}"
        )
        for address in visit.repeated:
            print(f"    downloaded twice: {address}")
    print(" ".join(f"{key} {value:.0f}" for key, value in summary(visits).items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
