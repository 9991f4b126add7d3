"""Material's instant navigation, kept to sites whose sitemap a visitor can afford.

Instant navigation decides which links it may load in place from the site's sitemap.xml,
which it downloads and parses on every page load, before the first click: about 200
bytes (25 gzipped) and 14-20 µs of the page's main thread per page of the site in
headless Chromium on a 2-core machine, four to five times that with the CPU slowed as a
phone's (`python -m benchmarks.sitemap_parse`). At 50,000 papers: 10 MB (1.2 MB gzipped)
and 0.7 s, 3.4 s on a phone, for clicks a plain page load serves from the cache nearly
as fast. Above INSTANT_PAGE_LIMIT pages (a sitemap of 1 MB, 124 KB gzipped, read in
0.08 s, 0.3 s on a phone) the feature is turned off: links load pages as links do, and
the site loses nothing a reader uses.
"""

from __future__ import annotations

INSTANT_PAGE_LIMIT = 5_000
INSTANT_FEATURE = "navigation.instant"


def limit_instant_navigation(features: list[str], pages: int) -> str:
    """Take instant navigation (and its progress bar, prefetch and previews) out of the
    theme's `features` when the site has more than INSTANT_PAGE_LIMIT `pages`; what was
    done, for the build's log, or ""."""
    if pages <= INSTANT_PAGE_LIMIT or INSTANT_FEATURE not in features:
        return ""
    features[:] = [f for f in features if f.split(".")[:2] != INSTANT_FEATURE.split(".")]
    return (
        f"Material's instant navigation is off: the site has {pages:,} pages, and every "
        f"visit would download and parse its whole sitemap.xml first (above "
        f"{INSTANT_PAGE_LIMIT:,} pages; links load pages as usual)"
    )
