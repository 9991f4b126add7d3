"""The page left at a moved paper's or topic's old URL: it sends the reader (and search
engines) on to its page now, keeping the `#fragment` of the link that was followed.

It is a static HTML file in docs/ (MkDocs copies it as it is): no navigation, no search
entry and no sitemap line for a page that only points elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import escape

from generator.links import paper_url, topic_url

_PAGE = """\
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: {title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={href}">
<script>location.replace("{href}" + location.hash)</script>
</head>
<body>
<p>This {kind}'s page has moved to <a href="{href}">{title}</a>.</p>
</body>
</html>
"""


def redirect_pages(
    moves: Mapping[str, str],
    titles: Mapping[str, str],
    site_url: str | None = None,
    kind: str = "paper",
) -> dict[str, str]:
    """A page at each old slug's URL for the paper (or topic, for `kind` "topic") now at
    the new slug, keyed by its docs/ path; the canonical link is absolute when the
    site's address is known. `titles`: the title (or label) of each new slug."""
    url = topic_url if kind == "topic" else paper_url
    pages = {}
    for old, new in sorted(moves.items()):
        href = f"../{new}/"  # slugs are [a-z0-9-]: safe in HTML, a URL and a JS string
        canonical = f"{site_url.rstrip('/')}/{url(new)}" if site_url else href
        pages[f"{url(old)}index.html"] = _PAGE.format(
            kind=kind, title=escape(titles[new]), href=href, canonical=escape(canonical)
        )
    return pages
