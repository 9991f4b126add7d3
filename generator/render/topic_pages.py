"""Topic pages and the topics index."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from generator.links import (
    MAP_DOC,
    OTHER_TOPIC_SLUG,
    TOPICS_INDEX_DOC,
    topic_doc,
    topic_feed_doc,
)
from generator.model import MIN_DESCRIBED, Topic
from generator.render.context import UNGROUPED_AREA, PaperLink, SiteContext, enough_papers_have
from generator.render.feeds import TOPIC_FEED_LENGTH, feed_papers
from generator.render.svg import year_chart
from generator.render.text import front_matter, html_escape, html_href, in_words, title_order

KEYWORDS_SHOWN = 5  # in the sentence that opens a topic's page


def _in_sentence(label: str) -> str:
    """A label inside a sentence: "diffusion models", but "U-Net", "ResNets" and "3D
    point clouds" (a first word with a capital after its first letter is a name). "x-ray
    images", as "k-means clustering" and "n-gram models": the style of many journals."""
    first = label.split(" ", 1)[0]
    if first[1:] == first[1:].lower() and label[:1].isupper():
        return label[:1].lower() + label[1:]
    return label


def _about(topic: Topic, named: int, total: int | None = None) -> str:
    """The opening words of a topic page's one-sentence description (its keywords end it):
    "The abstracts of these papers on diffusion models stand out for" (the line above it
    counts them). Keywords are what sets
    the topic's papers apart from the rest of the corpus, often said by a few of them
    (describe.keywords): not what they "most often speak of". With members
    close to the topic, the keywords speak of the others, and so does the sentence
    ("14 of its 22 papers name ResNets; ..."), unless too few name it to be described
    apart (MIN_DESCRIBED)."""
    total = named if total is None else total
    label = _in_sentence(topic.label)
    if named < total and named >= MIN_DESCRIBED:
        return f"{named} of its {total} papers name {label}; their abstracts stand out for"
    if total == 1:
        return f"The abstract of this paper on {label} stands out for"
    return f"The abstracts of these papers on {label} stand out for"  # counted just above


def _unbroken(keyword: str) -> Markup:
    """A keyword for raw HTML, kept on one line if it holds a hyphen: a phone's narrow
    line broke "U-Net" after "U-"."""
    if "-" in keyword:
        return Markup('<span class="ps-nowrap">{}</span>').format(keyword)
    return Markup.escape(keyword)


def render_topic(env: jinja2.Environment, site: SiteContext, topic: Topic) -> str:
    """Render the Markdown page of one topic."""
    doc = topic_doc(topic.slug)
    other = topic.slug == OTHER_TOPIC_SLUG
    shown = [s for s in topic.papers if s in site.papers]
    apart = set(topic.close)
    named = [s for s in shown if s not in apart]
    if other:  # no centre to rank by: a list to scan
        named.sort(key=lambda s: (title_order(site.papers[s].title), site.papers[s].title))
    papers = _with_versions(site, doc, named)
    close = _with_versions(site, doc, [s for s in shown if s in apart])
    total = len(shown)
    years = [
        p.published.year
        for slug in topic.papers
        if (p := site.papers.get(slug)) is not None and p.published is not None
    ]
    topics = len(site.named_topics)
    none_of = f"none of the {topics} topics" if topics > 1 else "no topic"
    count = f"{total} paper" + ("" if total == 1 else "s")
    description = (
        f"{count} that {'fits' if total == 1 else 'fit'} {none_of}"
        if other
        else f"{count} on {topic.label}: " + ", ".join(topic.keywords[:6])
    )
    meta = {"title": str(html_escape(topic.label)), "description": str(html_escape(description))}
    feed = None
    members = [site.papers[s] for s in shown]
    in_feed = len(feed_papers(members, len(members)))  # only papers the listing dated
    if in_feed:
        feed = html_href(doc, topic_feed_doc(topic.slug))
        meta["topic_feed"] = topic_feed_doc(topic.slug)  # linked from the head too
    return env.get_template("topic.md.j2").render(
        front=front_matter(meta),
        topic=topic,
        area=topic.area,
        topics_index_href=html_href(doc, TOPICS_INDEX_DOC),
        area_href=html_href(doc, TOPICS_INDEX_DOC) + Markup("#" + site.area_anchor(topic.area)),
        map_href=map_href(doc, topic.slug),
        feed_href=feed,
        feed_note=_feed_note(in_feed, total),
        papers=papers,
        close=close,
        close_count=total - len(named),
        count_notes=_count_notes(total - len(named), papers + close),
        total=total,
        other=other,
        none_of=none_of,
        about=_about(topic, len(named), total),
        keyword_phrase=Markup(
            in_words([str(_unbroken(k)) for k in topic.keywords[:KEYWORDS_SHOWN]])
        ),
        dated=len(years),
        chart=(
            year_chart(years, f"Papers per year in {topic.label}")
            if enough_papers_have(len(years), total)
            else None
        ),
        related_topics=[
            (site.topics[s].label, site.topic_href(doc, s, html=True))
            for s in topic.related_topics
            if s in site.topics
        ],
    )


def _feed_note(dated: int, total: int) -> str:
    """What a topic's feed holds when not all its papers: "40 papers · Atom feed" led to
    a feed of one entry (a feed lists papers with a date the listing printed)."""
    if dated > TOPIC_FEED_LENGTH:
        return f" (its {TOPIC_FEED_LENGTH} newest dated papers)"
    return f" ({dated} dated paper{'' if dated == 1 else 's'})" if dated < total else ""


# The id MkDocs gives the heading "Close to this topic" (topic.md.j2).
CLOSE_ANCHOR = "close-to-this-topic"


def _count_notes(close: int, groups: list[tuple[PaperLink, list[PaperLink]]]) -> list[Markup]:
    """What the count of a topic's papers holds besides its list's entries: members close
    to it, and papers listed under another as possibly the same work (the list of "16
    papers" had 15 entries). Said as the list says it: "earlier version" read as a date
    the listing may not give; "1 close to it" read as a measure, not a place. The
    section's name links to it: on a phone no table of contents leads there."""
    link = Markup('<a href="#{}">Close to this topic</a>').format(CLOSE_ANCHOR)
    notes = [Markup("{} under {}").format(close, link)] if close else []  # a link: no quotes
    versions = sum(len(later) for _, later in groups)
    if versions:
        others = "another" if versions == 1 else "others"
        notes.append(Markup(f"{versions} shown with {others} as possibly the same work"))
    return notes


def _with_versions(
    site: SiteContext, doc: str, slugs: Sequence[str]
) -> list[tuple[PaperLink, list[PaperLink]]]:
    """Papers in order, each with the later ones flagged as possibly the same work
    (ingest/duplicates.py), which are listed under it rather than as papers of their own:
    a journal version and its conference paper were #1 and #2 of a six-paper topic."""
    group_of: dict[str, int] = {}
    groups: list[tuple[PaperLink, list[PaperLink]]] = []
    for slug in slugs:
        link = site.paper_link(doc, slug, html=True)
        earlier = [group_of[d] for d in site.papers[slug].possible_duplicates if d in group_of]
        if earlier:
            group_of[slug] = min(earlier)
            groups[min(earlier)][1].append(link)
        else:
            group_of[slug] = len(groups)
            groups.append((link, []))
    return groups


def map_href(from_doc: str, slug: str) -> Markup:
    """Link (for raw HTML) to the map with a topic highlighted: `map/#topic=<slug>`."""
    return html_href(from_doc, MAP_DOC) + Markup("#topic=" + quote(slug, safe=""))


def areas_for(
    site: SiteContext, from_doc: str, *, html: bool = False
) -> list[tuple[str, list[Any]]]:
    """Topics grouped by area, each with link and size: areas holding the most papers
    first (ties by name), topics in analysis order (by label). Areas came in the order
    of their first topic's label, which no reader could tell: "Activation functions ..."
    (43 papers) before Segmentation (111).

    Topics without an area come last, under "More topics" when there are areas at all.
    With `html`, the links are for raw HTML (built pages' URLs).
    """
    grouped: dict[str, list[Any]] = {}
    for topic in site.analysis.topics:
        entry = (topic, site.topic_href(from_doc, topic.slug, html=html), len(topic.papers))
        grouped.setdefault(topic.area, []).append(entry)
    loose = grouped.pop("", [])

    def held(entries: list[Any]) -> int:
        return len({slug for topic, _href, _size in entries for slug in topic.papers})

    areas = sorted(grouped.items(), key=lambda area: (-held(area[1]), area[0]))
    if loose:
        areas.append((UNGROUPED_AREA if areas else "", loose))
    return areas


def _most_topics(site: SiteContext) -> int:
    """The most named topics one paper is in (the analysis' limit, or fewer)."""
    held = Counter(slug for topic in site.named_topics for slug in topic.papers)
    return max(held.values(), default=0)


def render_topics_index(env: jinja2.Environment, site: SiteContext) -> str:
    """Render the list of every topic, grouped by area.

    One list per area rather than a table: tables sized themselves to their own text, so
    the areas' tables had uneven columns, and on a phone three columns squeezed each
    topic into a tall cell. The list's columns are fixed by CSS on wide screens and
    stack on narrow ones (`.ps-topic-list`).
    """
    return env.get_template("topics_index.md.j2").render(
        front=front_matter(
            {
                "title": "Topics",
                "description": "Every topic of the corpus.",
            }
        ),
        topic_count=len(site.named_topics),
        most_topics=_most_topics(site),
        other_count=site.other_papers,
        other_href=site.topic_href(TOPICS_INDEX_DOC, OTHER_TOPIC_SLUG),
        paper_count=len(site.corpus.papers),
        areas=areas_for(site, TOPICS_INDEX_DOC, html=True),
        area_anchor=lambda area: Markup(site.area_anchor(area)),  # a slug: nothing to escape
        unbroken=_unbroken,
    )
