"""Site-wide pages: home, all papers (split by year when large), methods, corpus health."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import jinja2
from markupsafe import Markup

from generator.links import (
    BROWSE_INDEX_DOC,
    HEALTH_DOC,
    HOME_DOC,
    METHODS_DOC,
    TOPICS_INDEX_DOC,
    browse_doc,
    relative_link,
)
from generator.model import MergeAction, Paper
from generator.render.context import SiteContext
from generator.render.text import LIST_PAGE_SEARCH, OVERVIEW_PAGE_SEARCH, front_matter
from generator.render.topic_pages import areas_for

SINGLE_INDEX_LIMIT = 1000  # above this many papers, the all-papers index is split by year
HOME_LIST_LENGTH = 10
UNDATED = "undated"


def render_home(env: jinja2.Environment, site: SiteContext) -> str:
    """Render the home page: what the corpus is, topics by area, newest and top papers."""
    papers = site.corpus.papers
    dated = sorted((p for p in papers if p.published), key=lambda p: (p.published, p.slug))
    upvoted = sorted(
        (p for p in papers if p.upvotes), key=lambda p: (-(p.upvotes or 0), p.slug)
    )
    merged = sum(1 for e in site.corpus.merge_log if e.action is MergeAction.MERGED)
    return env.get_template("home.md.j2").render(
        front=front_matter(
            # no title: the browser tab shows the site name
            {"description": _home_description(site), "search": OVERVIEW_PAGE_SEARCH}
        ),
        site_name=site.site_name,
        paper_count=len(papers),
        file_count=len(site.corpus.files),
        record_count=site.corpus.records_read,
        merged_count=merged,
        topic_count=len(site.analysis.topics),
        areas=areas_for(site, HOME_DOC),
        newest=[site.paper_link(HOME_DOC, p.slug) for p in reversed(dated[-HOME_LIST_LENGTH:])],
        most_upvoted=[site.paper_link(HOME_DOC, p.slug) for p in upvoted[:HOME_LIST_LENGTH]],
        topics_href=_href(HOME_DOC, TOPICS_INDEX_DOC),
        browse_href=_href(HOME_DOC, BROWSE_INDEX_DOC),
        methods_href=_href(HOME_DOC, METHODS_DOC),
        health_href=_href(HOME_DOC, HEALTH_DOC),
    )


def render_browse(env: jinja2.Environment, site: SiteContext) -> dict[str, str]:
    """Render the all-papers index: one page, or an index of per-year pages."""
    papers = sorted(site.corpus.papers, key=_newest_first)
    front = front_matter(
        {
            "title": "All papers",
            "description": "Every paper of the corpus.",
            "search": LIST_PAGE_SEARCH,
        }
    )
    if len(papers) <= SINGLE_INDEX_LIMIT:
        rows = _rows(site, BROWSE_INDEX_DOC, papers)
        page = env.get_template("browse_index.md.j2").render(
            front=front, paper_count=len(papers), groups=[], rows=rows
        )
        return {BROWSE_INDEX_DOC: page}
    by_group: dict[str, list[Paper]] = defaultdict(list)
    for paper in papers:
        by_group[str(paper.published.year) if paper.published else UNDATED].append(paper)
    pages = {}
    for group, members in by_group.items():
        doc = browse_doc(group)
        heading = "Papers without a date" if group == UNDATED else f"Papers of {group}"
        pages[doc] = env.get_template("browse_group.md.j2").render(
            front=front_matter({"title": heading, "search": LIST_PAGE_SEARCH}),
            heading=heading,
            rows=_rows(site, doc, members),
            index_href=_href(doc, BROWSE_INDEX_DOC),
        )
    groups = [(g, _href(BROWSE_INDEX_DOC, browse_doc(g)), len(m)) for g, m in by_group.items()]
    pages[BROWSE_INDEX_DOC] = env.get_template("browse_index.md.j2").render(
        front=front, paper_count=len(papers), groups=groups, rows=[]
    )
    return pages


def render_methods(env: jinja2.Environment, site: SiteContext) -> str:
    """Render the named methods with their origin paper and the papers that mention them."""
    methods = [
        (
            m.name,
            site.paper_link(METHODS_DOC, m.paper),
            [site.paper_link(METHODS_DOC, s) for s in m.mentioned_by if s in site.papers],
        )
        for m in sorted(site.analysis.methods, key=lambda m: m.name.casefold())
        if m.paper in site.papers
    ]
    front = front_matter(
        {
            "title": "Methods",
            "description": "Methods named in the corpus.",
            "search": LIST_PAGE_SEARCH,
        }
    )
    return env.get_template("methods.md.j2").render(front=front, methods=methods)


def render_health(env: jinja2.Environment, site: SiteContext) -> str:
    """Render the corpus health page: files, merge log, inferred data, problems."""
    corpus = site.corpus
    sections = [
        (heading, _entries(site, action))
        for action, heading in [
            (MergeAction.MERGED, "Merged listings"),
            (MergeAction.VERSION, "Papers with several versions"),
            (MergeAction.CONFLICT, "Metadata conflicts"),
            (MergeAction.POSSIBLE_DUPLICATE, "Possible duplicates"),
            (MergeAction.REJECTED, "Rejected input"),
        ]
    ]
    return env.get_template("health.md.j2").render(
        front=front_matter({"title": "Corpus health", "search": LIST_PAGE_SEARCH}),
        files=corpus.files,
        record_count=corpus.records_read,
        paper_count=len(corpus.papers),
        sections=sections,
        inferred_titles=[
            site.paper_link(HEALTH_DOC, p.slug) for p in corpus.papers if p.title_inferred
        ],
        inferred_dates=[
            site.paper_link(HEALTH_DOC, p.slug) for p in corpus.papers if p.date_inferred
        ],
        problems=[str(p) for p in corpus.problems],
    )


def _entries(site: SiteContext, action: MergeAction) -> list[dict[str, Any]]:
    return [
        {
            "papers": [site.paper_link(HEALTH_DOC, e.paper)] if e.paper in site.papers else [],
            "detail": e.detail,
            "sources": ", ".join(str(s) for s in e.sources),
        }
        for e in site.corpus.merge_log
        if e.action is action
    ]


def _rows(site: SiteContext, doc: str, papers: list[Paper]) -> list[Any]:
    return [
        (
            site.paper_link(doc, p.slug),
            [(t.label, site.topic_href(doc, t.slug)) for t in site.paper_topics(p.slug)],
        )
        for p in papers
    ]


def _newest_first(paper: Paper) -> tuple[int, str, str]:
    stamp = int(paper.published.iso().replace("-", "")) if paper.published else 0
    return (-stamp, paper.title.casefold(), paper.slug)


def _href(from_doc: str, to_doc: str) -> Markup:
    return Markup(relative_link(from_doc, to_doc))


def _home_description(site: SiteContext) -> str:
    papers, topics = len(site.corpus.papers), len(site.analysis.topics)
    return f"{papers} research papers in {topics} topics, cross-linked and searchable."
