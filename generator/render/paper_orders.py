"""The orders papers are listed in: newest first, title A-Z, most upvoted.

The All papers pages list the papers in these orders (browse_pages.py) and the home page
takes its newest and most upvoted papers from them, sorted once (SiteContext.orders).
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


# Each order's name (as in All papers' addresses: browse_pages.Order) and its sort key.
ORDERS: dict[str, Callable[[Paper], Any]] = {
    "newest": newest_first,
    "title": by_title,
    "upvotes": most_upvoted,
}


def orders(papers: Iterable[Paper]) -> dict[str, list[Paper]]:
    """The papers in each order, by the order's name."""
    papers = list(papers)
    return {name: sorted(papers, key=key) for name, key in ORDERS.items()}
