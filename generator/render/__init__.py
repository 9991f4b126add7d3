"""Render: models in, Markdown page texts out (pure; writing is write.py's job)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.links import (
    FINDER_DOC,
    HOME_DOC,
    SEARCH_WORDS_DOC,
    TOPICS_INDEX_DOC,
    paper_doc,
    topic_doc,
)
from generator.model import Analysis, Corpus, Paper
from generator.render.browse_pages import render_browse
from generator.render.context import SiteContext
from generator.render.environment import make_environment
from generator.render.feeds import render_feeds
from generator.render.finder_page import render_finder
from generator.render.health_page import render_health
from generator.render.index_pages import render_home, render_methods
from generator.render.map_page import render_map
from generator.render.paper_page import papers_with_code, render_paper
from generator.render.search_words import search_words_json
from generator.render.topic_pages import render_topic, render_topics_index
from generator.workers import start_chunked

# Below this many papers per core, forking workers costs more than it saves.
PAPERS_PER_WORKER = 500


class DuplicatePathError(ValueError):
    """Two items would be written to the same page path."""


def render_site(
    corpus: Corpus,
    analysis: Analysis,
    site_name: str,
    workers: int = 1,
    templates: Sequence[Path] = (),
    site_url: str | None = None,
    intro: str | None = None,
) -> dict[str, str]:
    """Render every page; return {docs-relative path: Markdown text}.

    Paper pages render in up to `workers` worker processes; a template found in one of
    `templates` (a project's own folder) is used instead of papersite's. Pages cite
    `site_url`, the site's public address, when it is known; `intro` opens the home page.
    """
    env = make_environment(templates)
    site = SiteContext(corpus, analysis, site_name, site_url, intro)
    pages: dict[str, str] = {}
    taken: dict[str, str] = {}  # case-folded: one file on case-insensitive file systems

    def add(path: str, text: str) -> None:
        if path.casefold() in taken:
            clash = taken[path.casefold()]
            where = f"docs/{path}" if clash == path else f"docs/{clash} and docs/{path}"
            raise DuplicatePathError(f"two pages would be written to {where}")
        taken[path.casefold()] = path
        pages[path] = text

    def render_papers(papers: Sequence[Paper]) -> list[tuple[str, str]]:
        return [(paper_doc(p.slug), render_paper(env, site, p)) for p in papers]

    # Paper pages render in worker processes while this process renders the others.
    paper_pages = start_chunked(render_papers, corpus.papers, PAPERS_PER_WORKER, workers)
    try:
        add(HOME_DOC, render_home(env, site))
        add(TOPICS_INDEX_DOC, render_topics_index(env, site))
        for path, text in render_methods(env, site).items():
            add(path, text)
        for path, text in render_health(env, site).items():
            add(path, text)
        with_code = papers_with_code(corpus, analysis)  # lists and the finder say so
        for path, text in render_browse(env, site, with_code).items():
            add(path, text)
        add(FINDER_DOC, render_finder(env, site, with_code))
        for path, text in render_map(env, site).items():
            add(path, text)
        add(SEARCH_WORDS_DOC, search_words_json(corpus.papers))
        for path, text in render_feeds(site).items():
            add(path, text)
        for topic in analysis.topics:
            add(topic_doc(topic.slug), render_topic(env, site, topic))
        for path, text in paper_pages.get():
            add(path, text)
    except BaseException:
        paper_pages.cancel()
        raise
    return pages
