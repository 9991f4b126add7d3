"""Material's instant navigation, kept to sites whose sitemap a visitor can afford.

Instant navigation decides which links it may load in place from the site's sitemap.xml,
which it downloads and parses on every page load, before the first click: about 200
bytes (25 gzipped) and 14-20 µs of the page's main thread per page of the site in
headless Chromium on a 2-core machine, three to five times that with the CPU slowed as
a phone's (`python -m benchmarks.sitemap_parse`). At 50,000 papers: 10 MB (1.2 MB
gzipped) and 0.7 s, 3.4 s on a phone, for clicks that plain page loads serve too, with
the styles and scripts from the browser's cache. Above INSTANT_PAGE_LIMIT pages (a
sitemap of 1 MB, 124 KB gzipped, read in 0.08 s, 0.3 s on a phone) the feature is
turned off, unless the plugin's `instant_navigation_limit` says otherwise: links load
pages as links do; a reader loses the progress bar (and prefetching and previews, where
turned on), not a page or a link.
"""

from __future__ import annotations

INSTANT_PAGE_LIMIT = 5_000  # the plugin's `instant_navigation_limit` (0: no limit)
INSTANT_FEATURE = "navigation.instant"


def limit_instant_navigation(
    features: list[str], pages: int, limit: int = INSTANT_PAGE_LIMIT
) -> str:
    """Take instant navigation (and its progress bar, prefetch and previews) out of the
    theme's `features` when the site has more than `limit` `pages` (0: no limit); what
    was done, for the build's notes, or ""."""
    if not limit or pages <= limit or INSTANT_FEATURE not in features:
        return ""
    features[:] = [f for f in features if f.split(".")[:2] != INSTANT_FEATURE.split(".")]
    return (
        f"Material's instant navigation is off: the site has {pages:,} pages, and every "
        f"visit would download and parse its whole sitemap.xml first (above "
        f"{limit:,} pages; links load pages as usual; the plugin's "
        f"instant_navigation_limit sets the limit, 0 keeps it at any size)"
    )
