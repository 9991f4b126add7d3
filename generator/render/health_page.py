"""The corpus health page: files read, the merge log, inferred data, problems.

A list longer than HEALTH_INLINE entries shows its first ones and links to pages of
HEALTH_PART entries holding all of it (`health/<list>-<n>.md`), so the page stays small
at any corpus size while every entry is still on some page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

from generator.links import HEALTH_DOC, MAP_DOC, TOPICS_INDEX_DOC, health_part_doc, markdown_link
from generator.model import MergeAction, Paper
from generator.render.context import ENOUGH_PAPERS, SiteContext
from generator.render.text import front_matter, html_href

HEALTH_INLINE = 200  # a longer health list shows this many entries and links to its pages
HEALTH_PART = 1000  # entries per page of a long health list
# How the file table names each format (ingest's names are keys: "bare-abstracts").
FORMAT_NAMES = {
    "bare-abstracts": "bare abstracts",
    "search-listing": "search listing",
    "daily-listing": "daily listing",
    "jsonl": "JSON Lines",
    "csv": "CSV",
}
# The merge log's lists: (action, heading, slug of its pages).
MERGE_LISTS = (
    (MergeAction.MERGED, "Merged listings", "merged"),
    (MergeAction.VERSION, "Papers with several versions", "versions"),
    (MergeAction.CONFLICT, "Metadata conflicts", "conflicts"),
    (MergeAction.POSSIBLE_DUPLICATE, "Possible duplicates", "possible-duplicates"),
    (MergeAction.REJECTED, "Rejected input", "rejected"),
)


@dataclass(frozen=True)
class _List:
    """One list of the page: its heading, the slug of its pages, the kind of its entries
    (merge log entries, paper slugs with a generated title or date, problems)."""

    heading: str
    slug: str
    kind: str
    entries: list[Any]


def render_health(env: jinja2.Environment, site: SiteContext) -> dict[str, str]:
    """Render the health page and the pages of its long lists, by doc path."""
    pages: dict[str, str] = {}
    sections = [_section(env, site, health_list, pages) for health_list in _lists(site)]
    corpus = site.corpus
    topics = site.named_topics
    pages[HEALTH_DOC] = env.get_template("health.md.j2").render(
        front=front_matter({"title": "About this corpus"}),
        given=_given(corpus.papers),
        all_given=all(p.published and p.authors and p.external_url for p in corpus.papers),
        topic_count=len(topics),
        area_count=len({t.area for t in topics if t.area}),
        other_count=site.other_papers,
        topics_href=Markup(markdown_link(HEALTH_DOC, TOPICS_INDEX_DOC)),
        map_href=Markup(markdown_link(HEALTH_DOC, MAP_DOC)),
        files=corpus.files,
        format_names=FORMAT_NAMES,
        record_count=corpus.records_read,
        paper_count=len(corpus.papers),
        enough=ENOUGH_PAPERS,
        sections=sections,
    )
    return pages


def _given(papers: tuple[Paper, ...]) -> str:
    """What the listings give of a full reference, for how many papers, and what none
    of them gives: a reader wonders why pages have no authors (a daily listing gives
    only their count)."""
    total = len(papers)
    if not total:
        return ""
    years = sorted(p.published.year for p in papers if p.published)
    span = f" ({years[0]}–{years[-1]})" if years and years[0] < years[-1] else ""
    counts = [
        ("a date", "dates", len(years), span),
        ("author names", "author names", sum(1 for p in papers if p.authors), ""),
        ("a link", "links", sum(1 for p in papers if p.external_url), ""),
        ("upvotes", "", sum(1 for p in papers if p.upvotes is not None), ""),
    ]
    every = [what + extra for what, _, count, extra in counts if count == total]
    given = [f"{_listed(every, 'and')} for every paper"] if every else []
    for what, _, count, extra in counts:
        if 0 < count < total:
            given.append(f"{what}{extra} for {count:,}" + ("" if given else " papers"))
    none = [plural for _, plural, count, _ in counts if plural and not count]
    if not given:
        return f"The listings give no {_listed(none, 'or')}."
    return f"The listings give {_listed(given, 'and')}" + (
        f", but no {_listed(none, 'or')}." if none else "."
    )


def _listed(items: list[str], last: str) -> str:
    return ", ".join(items[:-1]) + f" {last} " + items[-1] if len(items) > 1 else items[0]


def _lists(site: SiteContext) -> list[_List]:
    """The page's lists, in the order shown."""
    corpus = site.corpus
    merges = [
        _List(heading, slug, "merge", [e for e in corpus.merge_log if e.action is action])
        for action, heading, slug in MERGE_LISTS
    ]
    papers = corpus.papers
    return [
        *merges,
        _List(
            "Generated titles",
            "generated-titles",
            "title",
            [p.slug for p in papers if p.title_inferred],
        ),
        _List(
            "Inferred dates", "inferred-dates", "date", [p.slug for p in papers if p.date_inferred]
        ),
        _List("Warnings and errors", "problems", "problem", [str(p) for p in corpus.problems]),
    ]


def _section(
    env: jinja2.Environment, site: SiteContext, health_list: _List, pages: dict[str, str]
) -> dict[str, Any]:
    """The health page's section for one list; a long list's own pages go into `pages`."""
    entries = health_list.entries
    parts = []
    if len(entries) > HEALTH_INLINE:
        parts = [entries[i : i + HEALTH_PART] for i in range(0, len(entries), HEALTH_PART)]
    docs = [health_part_doc(health_list.slug, n) for n in range(1, len(parts) + 1)]
    for number, (doc, part) in enumerate(zip(docs, parts, strict=True), 1):
        pages[doc] = env.get_template("health_part.md.j2").render(
            front=front_matter({"title": f"{health_list.heading} ({number})"}),
            heading=health_list.heading,
            kind=health_list.kind,
            entries=_items(site, doc, health_list.kind, part),
            number=number,
            total=len(entries),
            first=(number - 1) * HEALTH_PART + 1,
            parts=[(n, html_href(doc, d)) for n, d in enumerate(docs, 1)],
            health_href=html_href(doc, HEALTH_DOC),
        )
    shown = entries[:HEALTH_INLINE] if docs else entries
    return {
        "heading": health_list.heading,
        "kind": health_list.kind,
        "total": len(entries),
        "entries": _items(site, HEALTH_DOC, health_list.kind, shown),
        "parts": [(n, Markup(markdown_link(HEALTH_DOC, d))) for n, d in enumerate(docs, 1)],
    }


def _items(site: SiteContext, doc: str, kind: str, entries: list[Any]) -> list[Any]:
    """A list's entries as its template shows them (raw HTML), linked from `doc`."""
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
