"""The Paper finder page and the prebuilt lunr index it loads."""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from generator.links import (
    BROWSE_INDEX_DOC,
    FINDER_DOC,
    HOME_DOC,
    SEARCH_INDEX_DOC,
    TOPICS_INDEX_DOC,
    built_link,
)
from generator.model import Analysis, Corpus
from generator.render.text import LIST_PAGE_SEARCH, front_matter
from generator.search import build_search_index, index_json
from generator.search_backend import MATERIAL, PAGEFIND


def render_finder(
    env: jinja2.Environment, corpus: Corpus, analysis: Analysis, search_backend: str = MATERIAL
) -> dict[str, str]:
    """Return the finder page and its index JSON (lunr only), keyed by their docs/ paths."""
    if search_backend == PAGEFIND:
        return {FINDER_DOC: _pagefind_finder(env, len(corpus.papers))}
    index = build_search_index(corpus, analysis)
    page = env.get_template("finder.md.j2").render(
        front=front_matter(
            {
                "title": "Paper finder",
                "description": "Find papers by words, topic and year.",
                "search": LIST_PAGE_SEARCH,
            }
        ),
        papers=len(index.documents),
        index_url=_link(SEARCH_INDEX_DOC),
        site_root=_link(HOME_DOC),
        browse_url=_link(BROWSE_INDEX_DOC),
        topics_url=_link(TOPICS_INDEX_DOC),
    )
    return {FINDER_DOC: page, SEARCH_INDEX_DOC: index_json(index)}


def _pagefind_finder(env: jinja2.Environment, papers: int) -> str:
    """The finder page on Pagefind: its search box, with topic and year filters."""
    return env.get_template("finder_pagefind.md.j2").render(
        front=front_matter(
            {
                "title": "Paper finder",
                "description": "Find papers by words, topic and year.",
                "search": LIST_PAGE_SEARCH,
            }
        ),
        papers=papers,
        site_root=_link(HOME_DOC),
        browse_url=_link(BROWSE_INDEX_DOC),
        topics_url=_link(TOPICS_INDEX_DOC),
    )


def _link(target: str) -> Markup:
    return Markup(built_link(FINDER_DOC, target))
