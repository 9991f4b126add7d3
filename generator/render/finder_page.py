"""The Paper finder page: search plus filters, drawn by finder.js on Pagefind's index."""

from __future__ import annotations

import jinja2

from generator.links import BROWSE_INDEX_DOC, FINDER_DOC, HOME_DOC, TOPICS_INDEX_DOC
from generator.render.context import SiteContext
from generator.render.text import front_matter, html_href


def render_finder(env: jinja2.Environment, site: SiteContext, has_code: set[str]) -> str:
    """The finder page; `has_code` holds the slugs of papers with a code link.

    The page tells finder.js how many papers have each optional field, so a filter or
    sort on a field few papers have can say so instead of leading to "No paper matches".
    """
    papers = site.corpus.papers
    return env.get_template("finder.md.j2").render(
        front=front_matter(
            {"title": "Paper finder", "description": "Find papers by words, topic, year and code."}
        ),
        papers=len(papers),
        dated=sum(1 for p in papers if p.published),
        upvoted=sum(1 for p in papers if p.upvotes),
        with_code=sum(1 for p in papers if p.slug in has_code),
        site_root=html_href(FINDER_DOC, HOME_DOC),
        browse_url=html_href(FINDER_DOC, BROWSE_INDEX_DOC),
        topics_url=html_href(FINDER_DOC, TOPICS_INDEX_DOC),
    )
