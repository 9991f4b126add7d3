"""All papers: the whole corpus as short static pages, in the orders a reader asks for.

Every order (newest first, title A–Z, and most upvoted when enough papers have upvotes)
is cut into pages of PAGE_SIZE papers with a pager, so no page is taller than a few
screens at any corpus size, and everything works without JavaScript. The list opens
newest first only when at least half of the papers have a date (else "newest first"
would mostly be A–Z under another name): otherwise it opens A–Z. Filtering by topic,
area, year or code is the Paper finder's job; each page says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from generator.links import FINDER_DOC, browse_page_doc
from generator.model import Paper
from generator.render.context import SiteContext, enough_papers_have
from generator.render.text import front_matter, html_href, time_element

PAGE_SIZE = 50
PAGER_SPAN = 2  # pages shown on each side of the current one
GAP = "…"  # in the pager, for pages not shown


@dataclass(frozen=True)
class Order:
    """One way to list the papers: its name in URLs and its label."""

    name: str
    label: str


NEWEST = Order("newest", "Newest first")
TITLE = Order("title", "Title A–Z")
UPVOTES = Order("upvotes", "Most upvoted")


def render_browse(
    env: jinja2.Environment, site: SiteContext, with_code: set[str]
) -> dict[str, str]:
    """Every page of every order, keyed by docs/ path (the first page of the newest
    order is the All papers page itself); `with_code`: the slugs of papers with code."""
    papers = list(site.corpus.papers)
    dated = sum(1 for p in papers if p.published)
    newest, by_title = site.orders[NEWEST.name], site.orders[TITLE.name]
    if 2 * dated >= len(papers):
        orders = {NEWEST: newest, TITLE: by_title}
    else:
        orders = {TITLE: by_title, NEWEST: newest}
    first_order = next(iter(orders))
    if enough_papers_have(sum(1 for p in papers if p.upvotes), len(papers)):
        orders[UPVOTES] = site.orders[UPVOTES.name]
    template = env.get_template("browse.md.j2")
    pages = {}
    for order, ordered in orders.items():
        chunks = [ordered[i : i + PAGE_SIZE] for i in range(0, len(ordered), PAGE_SIZE)] or [[]]
        for number, chunk in enumerate(chunks, 1):
            doc = browse_page_doc(order.name, number, first_order.name)
            first = (order, number) == (first_order, 1)
            entries = [_entry(site, doc, p, p.slug in with_code) for p in chunk]
            pages[doc] = template.render(
                front=front_matter(_meta(order, number, len(chunks), len(papers), first)),
                order=order,
                orders=[
                    (o, html_href(doc, browse_page_doc(o.name, 1, first_order.name)))
                    for o in orders
                ],
                first=(number - 1) * PAGE_SIZE + 1,
                total=len(papers),
                entries=entries,
                any_close=any(close for entry in entries for _, _, close in entry.topics),
                pager=pager(doc, order, number, len(chunks), first_order),
                undated=len(papers) - dated if order == NEWEST else 0,
                finder_href=html_href(doc, FINDER_DOC),
            )
    return pages


def _meta(order: Order, number: int, count: int, total: int, first: bool) -> dict[str, str]:
    title = "All papers" if first else f"All papers: {order.label}"
    if count > 1:
        title += f", page {number} of {count}"
    return {"title": title, "description": f"All {total} papers of the corpus, {order.label}."}


@dataclass(frozen=True)
class Entry:
    """A paper in a list: its link and what a reader scans for."""

    title_html: Markup
    href: Markup
    facts: list[str]
    # Label, link, and whether the paper is in the topic by resemblance alone (Topic.close).
    topics: list[tuple[str, Markup, bool]]


def _entry(site: SiteContext, doc: str, paper: Paper, has_code: bool) -> Entry:
    facts: list[str] = []
    if paper.published:
        date = time_element(paper.published)
        facts.append(date + (" (year inferred)" if paper.date_inferred else ""))
    if paper.upvotes is not None:
        facts.append(f"{paper.upvotes} upvote" + ("" if paper.upvotes == 1 else "s"))
    if has_code:
        facts.append("has code")
    topics = [
        (t.label, site.topic_href(doc, t.slug, html=True), paper.slug in t.close)
        for t in site.paper_topics(paper.slug)
    ]
    link = site.paper_link(doc, paper.slug, html=True)
    return Entry(link.title_html, link.href, facts, topics)


@dataclass(frozen=True)
class PagerItem:
    """A page number (href None: the current page) or a gap ("…", no href). A far page,
    two from the current one next to a gap, is left out on a phone (the gap stands for
    it): the numbers then fit one row of a 390 px screen at 1,000 pages."""

    label: str
    href: Markup | None = None
    far: bool = False


@dataclass(frozen=True)
class Pager:
    """Links between the pages of one order: a step each way (None at either end) and
    the page numbers near the current one. Steps and numbers are kept apart so a phone
    can give each its own row."""

    previous: Markup | None
    pages: list[PagerItem]
    next: Markup | None


def pager(doc: str, order: Order, number: int, count: int, first_order: Order) -> Pager | None:
    if count <= 1:
        return None

    def href(page: int) -> Markup:
        return html_href(doc, browse_page_doc(order.name, page, first_order.name))

    shown = {1, count, *range(max(1, number - PAGER_SPAN), min(count, number + PAGER_SPAN) + 1)}
    labels: list[str] = []
    for page in sorted(shown):
        if labels and page > int(labels[-1]) + 1:
            labels.append(GAP)
        labels.append(str(page))
    pages = []
    for i, label in enumerate(labels):
        if label == GAP:
            pages.append(PagerItem(GAP))
            continue
        page = int(label)
        # The first and last pages are always shown, so a far page has both neighbours.
        far = abs(page - number) == PAGER_SPAN and page not in (1, count)
        if far:  # left out on a phone only where a gap stands beside it, outwards
            far = labels[i - 1 if page < number else i + 1] == GAP
        pages.append(PagerItem(label, None if page == number else href(page), far))
    return Pager(
        previous=href(number - 1) if number > 1 else None,
        pages=pages,
        next=href(number + 1) if number < count else None,
    )
