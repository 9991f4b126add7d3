"""Site-wide pages: home, methods, corpus health (all papers: browse_pages.py)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import jinja2
from markupsafe import Markup

from generator.ingest.clean import normalize_key
from generator.links import (
    BROWSE_INDEX_DOC,
    FINDER_DOC,
    HEALTH_DOC,
    HOME_DOC,
    MAP_DOC,
    METHODS_DOC,
    SITE_FEED_DOC,
    TOPICS_INDEX_DOC,
    health_part_doc,
    markdown_link,
    methods_doc,
)
from generator.model import MergeAction, Method
from generator.render.context import SiteContext, enough_papers_have
from generator.render.feeds import feed_papers
from generator.render.rich_text import rich_text
from generator.render.text import front_matter, html_href

METHODS_SINGLE_LIMIT = 500  # above this many methods, the methods page is split by letter
HEALTH_INLINE = 200  # a longer health list shows this many entries and links to its pages
HEALTH_PART = 1000  # entries per page of a long health list
HOME_LIST_LENGTH = 10
HOME_TOPICS = 12


def render_home(env: jinja2.Environment, site: SiteContext) -> str:
    """Render the home page: what the site holds, search, ways in, newest papers."""
    papers = site.corpus.papers
    dated = sorted((p for p in papers if p.published), key=lambda p: (p.published, p.slug))
    upvoted = sorted((p for p in papers if p.upvotes), key=lambda p: (-(p.upvotes or 0), p.slug))
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
        newest=[
            site.paper_link(HOME_DOC, p.slug, html=True)
            for p in reversed(dated[-HOME_LIST_LENGTH:])
        ],
        dated_count=len(dated),
        show_newest=enough_papers_have(len(dated), len(papers)),
        most_upvoted=[
            site.paper_link(HOME_DOC, p.slug, html=True) for p in upvoted[:HOME_LIST_LENGTH]
        ],
        upvoted_count=len(upvoted),
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
    (`methods/<letter>.md`).
    """
    methods = [
        m
        for m in sorted(site.analysis.methods, key=lambda m: (m.name.casefold(), m.name))
        if m.paper in site.papers
    ]
    front = front_matter(
        {
            "title": "Methods",
            "description": "Methods named in the corpus.",
        }
    )
    if len(methods) <= METHODS_SINGLE_LIMIT:
        rows = _method_rows(site, METHODS_DOC, methods)
        return {
            METHODS_DOC: env.get_template("methods.md.j2").render(
                front=front, methods=rows, groups=[], heading="Methods"
            )
        }
    by_letter: dict[str, list[Method]] = defaultdict(list)
    for method in methods:
        by_letter[_initial(method.name)].append(method)
    pages = {}
    groups = []
    for letter in sorted(by_letter):
        doc = methods_doc(letter)
        name = letter.upper() if len(letter) == 1 else letter.capitalize()
        heading = f"Methods: {name}"
        pages[doc] = env.get_template("methods.md.j2").render(
            front=front_matter({"title": heading}),
            methods=_method_rows(site, doc, by_letter[letter]),
            groups=[],
            heading=heading,
            index_href=html_href(doc, METHODS_DOC),
        )
        groups.append((name, _href(METHODS_DOC, doc), len(by_letter[letter])))
    pages[METHODS_DOC] = env.get_template("methods.md.j2").render(
        front=front, methods=[], groups=groups, heading="Methods", total=len(methods)
    )
    return pages


def _method_rows(site: SiteContext, doc: str, methods: list[Method]) -> list[Any]:
    """(name, origin links, mentioning links) per method: the methods other papers
    mention first, most mentioned first; then the rest, by name (the page lists those
    compactly, linking the first origin only). A method named by several papers' titles
    (Method.also) is one row whose origins are all of them."""
    rows = [
        (
            rich_text(m.name, links=False),
            [site.paper_link(doc, s, html=True) for s in (m.paper, *m.also) if s in site.papers],
            [site.paper_link(doc, s, html=True) for s in m.mentioned_by if s in site.papers],
        )
        for m in methods
    ]
    mentioned = sorted((r for r in rows if r[2]), key=lambda r: -len(r[2]))  # stable: by name
    return mentioned + [r for r in rows if not r[2]]


def _initial(name: str) -> str:
    """The group of a method name: its first letter (accents folded), `0-9` or `other`."""
    folded = normalize_key(name)[:1]
    if folded.isascii() and folded.isalpha():
        return folded
    return "0-9" if folded.isdigit() else "other"


def render_health(env: jinja2.Environment, site: SiteContext) -> dict[str, str]:
    """Render the corpus health page: files, merge log, inferred data, problems.

    A list longer than HEALTH_INLINE entries shows its first ones and links to pages of
    HEALTH_PART entries holding all of it (`health/<list>-<n>.md`), so the page stays
    small at any corpus size while every entry is still on some page.
    """
    corpus = site.corpus
    lists: list[tuple[str, str, str, list[Any]]] = [
        (heading, slug, "merge", _entries(site, action))
        for action, heading, slug in [
            (MergeAction.MERGED, "Merged listings", "merged"),
            (MergeAction.VERSION, "Papers with several versions", "versions"),
            (MergeAction.CONFLICT, "Metadata conflicts", "conflicts"),
            (MergeAction.POSSIBLE_DUPLICATE, "Possible duplicates", "possible-duplicates"),
            (MergeAction.REJECTED, "Rejected input", "rejected"),
        ]
    ]
    inferred_titles = [p.slug for p in corpus.papers if p.title_inferred]
    inferred_dates = [p.slug for p in corpus.papers if p.date_inferred]
    lists += [
        ("Generated titles", "generated-titles", "title", inferred_titles),
        ("Inferred dates", "inferred-dates", "date", inferred_dates),
        ("Warnings and errors", "problems", "problem", [str(p) for p in corpus.problems]),
    ]
    pages: dict[str, str] = {}
    sections = []
    for heading, slug, kind, entries in lists:
        parts = [entries[i : i + HEALTH_PART] for i in range(0, len(entries), HEALTH_PART)]
        if len(entries) <= HEALTH_INLINE:
            parts = []
        docs = [health_part_doc(slug, n) for n in range(1, len(parts) + 1)]
        for number, (doc, part) in enumerate(zip(docs, parts, strict=True), 1):
            pages[doc] = env.get_template("health_part.md.j2").render(
                front=front_matter({"title": f"{heading} ({number})"}),
                heading=heading,
                kind=kind,
                entries=_health_items(site, doc, kind, part),
                number=number,
                total=len(entries),
                first=(number - 1) * HEALTH_PART + 1,
                parts=[(n, html_href(doc, d)) for n, d in enumerate(docs, 1)],
                health_href=html_href(doc, HEALTH_DOC),
            )
        shown = entries if not docs else entries[:HEALTH_INLINE]
        sections.append(
            {
                "heading": heading,
                "kind": kind,
                "total": len(entries),
                "entries": _health_items(site, HEALTH_DOC, kind, shown),
                "parts": [(n, _href(HEALTH_DOC, d)) for n, d in enumerate(docs, 1)],
            }
        )
    pages[HEALTH_DOC] = env.get_template("health.md.j2").render(
        front=front_matter({"title": "About this corpus"}),
        files=corpus.files,
        record_count=corpus.records_read,
        paper_count=len(corpus.papers),
        sections=sections,
    )
    return pages


def _health_items(site: SiteContext, doc: str, kind: str, entries: list[Any]) -> list[Any]:
    """A health list's entries as its template shows them (raw HTML), linked from `doc`."""
    if kind == "merge":
        return [
            {
                "papers": [site.paper_link(doc, e.paper, html=True)]
                if e.paper in site.papers
                else [],
                "detail": e.detail,
                "sources": ", ".join(str(s) for s in e.sources),
            }
            for e in entries
        ]
    if kind in ("title", "date"):
        return [site.paper_link(doc, slug, html=True) for slug in entries]
    return list(entries)


def _entries(site: SiteContext, action: MergeAction) -> list[Any]:
    return [e for e in site.corpus.merge_log if e.action is action]


def _href(from_doc: str, to_doc: str) -> Markup:
    return Markup(markdown_link(from_doc, to_doc))


def _home_description(site: SiteContext) -> str:
    papers, topics = len(site.corpus.papers), len(site.named_topics)
    return f"{papers} research papers in {topics} topics, cross-linked and searchable."
