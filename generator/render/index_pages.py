"""Site-wide pages: home and methods (all papers: browse_pages.py; corpus health:
health_page.py)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import jinja2
from markupsafe import Markup

from generator.links import (
    BROWSE_INDEX_DOC,
    FINDER_DOC,
    HEALTH_DOC,
    HOME_DOC,
    MAP_DOC,
    METHODS_DOC,
    SITE_FEED_DOC,
    TOPICS_INDEX_DOC,
    markdown_link,
    methods_doc,
)
from generator.model import Method
from generator.render.context import SiteContext, enough_papers_have
from generator.render.feeds import feed_papers
from generator.render.rich_text import rich_text
from generator.render.text import front_matter, html_href

HOME_LIST_LENGTH = 10
HOME_TOPICS = 12


def render_home(env: jinja2.Environment, site: SiteContext) -> str:
    """Render the home page: what the site holds, search, ways in, newest papers."""
    papers = site.corpus.papers
    # In the orders of the All papers pages.
    dated = [p for p in site.orders["newest"] if p.published]
    upvoted = [p for p in site.orders["upvotes"] if p.upvotes]
    largest = sorted(site.named_topics, key=lambda t: (-len(t.papers), t.label))
    return env.get_template(
        "home.md.j2"
    ).render(
        front=front_matter(
            # no title: the browser tab shows the site name
            {"description": _home_description(site)}
        ),
        site_name=site.site_name,
        intro=" ".join(site.intro.split()) if site.intro else None,  # one line: one HTML block
        paper_count=len(papers),
        topic_count=len(site.named_topics),
        largest_topics=[
            (t.label, site.topic_href(HOME_DOC, t.slug), len(t.papers))
            for t in largest[:HOME_TOPICS]
        ],
        newest=[site.paper_link(HOME_DOC, p.slug, html=True) for p in dated[:HOME_LIST_LENGTH]],
        show_newest=enough_papers_have(len(dated), len(papers)),
        most_upvoted=[
            site.paper_link(HOME_DOC, p.slug, html=True) for p in upvoted[:HOME_LIST_LENGTH]
        ],
        show_upvoted=enough_papers_have(len(upvoted), len(papers)),
        topics_href=_href(HOME_DOC, TOPICS_INDEX_DOC),
        finder_href=_href(HOME_DOC, FINDER_DOC),
        map_href=_href(HOME_DOC, MAP_DOC),
        browse_href=_href(HOME_DOC, BROWSE_INDEX_DOC),
        health_href=_href(HOME_DOC, HEALTH_DOC),
        feed_href=_href(HOME_DOC, SITE_FEED_DOC) if feed_papers(papers) else None,
    )


def render_methods(env: jinja2.Environment, site: SiteContext) -> dict[str, str]:
    """Render the named methods with their origin paper and the papers that mention them.

    Above METHODS_SINGLE_LIMIT methods, the page becomes an index of per-letter pages
    (`methods/<letter>.md`; method_places.py says which method is where).
    """
    front = front_matter(
        {
            "title": "Methods",
            "description": "Methods named in the corpus.",
        }
    )
    by_group: dict[str, list[Method]] = defaultdict(list)
    for method, place in site.method_places.items():
        by_group[place.group].append(method)
    if not any(by_group):  # one page
        return {
            METHODS_DOC: env.get_template("methods.md.j2").render(
                front=front,
                groups=[],
                heading="Methods",
                **_listings(site, METHODS_DOC, by_group[""]),
            )
        }
    pages = {}
    groups = []
    for letter in sorted(by_group):
        doc = methods_doc(letter)
        name = letter.upper() if len(letter) == 1 else letter.capitalize()
        heading = f"Methods: {name}"
        pages[doc] = env.get_template("methods.md.j2").render(
            front=front_matter({"title": heading}),
            **_listings(site, doc, by_group[letter]),
            groups=[],
            heading=heading,
            index_href=html_href(doc, METHODS_DOC),
        )
        groups.append((name, _href(METHODS_DOC, doc), len(by_group[letter])))
    pages[METHODS_DOC] = env.get_template("methods.md.j2").render(
        front=front,
        methods=[],
        datasets=[],
        groups=groups,
        heading="Methods",
        total=len(site.method_places),
    )
    return pages


def _listings(site: SiteContext, doc: str, methods: list[Method]) -> dict[str, list[Any]]:
    """The rows of the methods, and of the datasets, among `methods`."""
    return {
        "methods": _method_rows(site, doc, [m for m in methods if not m.dataset]),
        "datasets": _method_rows(site, doc, [m for m in methods if m.dataset]),
    }


def _method_rows(site: SiteContext, doc: str, methods: list[Method]) -> list[Any]:
    """(name, origin links, mentioning links, row id) per method: the methods other papers
    mention first, most mentioned first; then the rest, by name (the page lists those
    compactly, linking the first origin only). A method named by several papers' titles
    (Method.also) is one row whose origins are all of them."""
    rows = [
        (
            rich_text(m.name, links=False),
            [site.paper_link(doc, s, html=True) for s in (m.paper, *m.also) if s in site.papers],
            [site.paper_link(doc, s, html=True) for s in m.mentioned_by if s in site.papers],
            site.method_places[m].anchor,
        )
        for m in methods
    ]
    mentioned = sorted((r for r in rows if r[2]), key=lambda r: -len(r[2]))  # stable: by name
    return mentioned + [r for r in rows if not r[2]]


def _href(from_doc: str, to_doc: str) -> Markup:
    return Markup(markdown_link(from_doc, to_doc))


def _home_description(site: SiteContext) -> str:
    papers, topics = len(site.corpus.papers), len(site.named_topics)
    return f"{papers} research papers in {topics} topics, cross-linked and searchable."
