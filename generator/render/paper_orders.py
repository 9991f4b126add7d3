"""The orders papers are listed in: newest first, title A-Z, most upvoted.

All papers' pages list them in these orders (browse_pages.py), and the Paper finder
sorts its results in the same ones: each paper page tells Pagefind the paper's place in
each order (`positions`), a number of a few digits. The keys it carried before (its date,
upvotes or title start, then its slug to break ties) were 0.4 KB of every paper page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from generator.model import Paper
from generator.render.text import title_order


def newest_first(paper: Paper) -> tuple[int, str, str]:
    """Sort key: newest first, then by title (as the reader sorts titles), then slug."""
    stamp = int(paper.published.iso().replace("-", "")) if paper.published else 0
    return (-stamp, title_order(paper.title), paper.slug)


def by_title(paper: Paper) -> tuple[str, str]:
    """Sort key: titles A-Z (accents, case and leading symbols folded), then slug."""
    return (title_order(paper.title), paper.slug)


def most_upvoted(paper: Paper) -> tuple[int, str, str]:
    """Sort key: most upvotes first (none after zero), then by title, then slug."""
    return (
        -(paper.upvotes if paper.upvotes is not None else -1),
        title_order(paper.title),
        paper.slug,
    )


# The finder's name of each order (finder.js: ORDERS) and its sort key.
ORDERS: dict[str, Callable[[Paper], Any]] = {
    "newest": newest_first,
    "title": by_title,
    "upvotes": most_upvoted,
}


def orders(papers: Iterable[Paper]) -> dict[str, list[Paper]]:
    """The papers in each order, by the order's name."""
    papers = list(papers)
    return {name: sorted(papers, key=key) for name, key in ORDERS.items()}


def positions(ordered: dict[str, list[Paper]]) -> dict[str, list[tuple[str, str]]]:
    """Each paper's place in each of the `ordered` lists (of one set of papers), by slug:
    [(order name, place), ...], the place zero-padded to one width, so that it sorts the
    same as text and as a number."""
    places: dict[str, list[tuple[str, str]]] = {}
    for name, papers in ordered.items():
        width = len(str(max(len(papers) - 1, 0)))
        for place, paper in enumerate(papers):
            places.setdefault(paper.slug, []).append((name, str(place).zfill(width)))
    return places
