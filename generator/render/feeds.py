"""Atom feeds of the newest dated papers: one for the site, one per topic.

A feed reader sees each paper once, under an id that never changes (a `tag:` URI built
from the slug, so ids do not depend on where the site is published). Links are absolute
when the site's address is known, else relative to the feed (Atom resolves them). Only
papers whose date the listing printed are in a feed: an inferred year would move papers
around in readers. The feed's `updated` is its newest paper's date, so the same corpus
gives the same bytes. Material fetches a sitemap beside every feed a page links (see
`links.FEED_SITEMAP_NAME`): each folder of feeds gets an empty one.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from urllib.parse import urlsplit

from generator.links import (
    FEED_SITEMAP_NAME,
    SITE_FEED_DOC,
    SITE_FEED_FIRST_DOC,
    paper_url,
    topic_feed_doc,
    topic_url,
)
from generator.model import Paper, Topic
from generator.render.context import SiteContext

ATOM = "http://www.w3.org/2005/Atom"
SITE_FEED_LENGTH = 50  # newest papers in the site's feed
TOPIC_FEED_LENGTH = 20  # and in a topic's
# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# What Material finds beside a feed: no page, so nothing to download but these bytes.
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    "<!-- Empty on purpose: Material for MkDocs fetches a sitemap beside each feed a page"
    " links. The site's pages are in the sitemap at the site's root (MkDocs lists them"
    " there when mkdocs.yml sets site_url). -->\n"
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n</urlset>\n'
)


def feed_papers(papers: Sequence[Paper], length: int = TOPIC_FEED_LENGTH) -> list[Paper]:
    """The papers a feed lists: dated by the listing, newest first (ties by slug)."""
    dated = [p for p in papers if p.published and not p.date_inferred]
    dated.sort(key=lambda p: p.slug)
    dated.sort(key=lambda p: p.published.iso() if p.published else "", reverse=True)
    return dated[:length]


def render_feeds(site: SiteContext) -> dict[str, str]:
    """Every feed with at least one paper, keyed by docs/ path, and an empty sitemap in
    each folder that holds one."""
    feeds = {}
    newest = feed_papers(site.corpus.papers, SITE_FEED_LENGTH)
    if newest:
        title = f"{site.site_name}: newest papers"
        # one feed at two addresses, under the id it had at the first (ids never change)
        known = SITE_FEED_FIRST_DOC
        feeds[SITE_FEED_DOC] = atom_feed(site, SITE_FEED_DOC, title, "", newest, known_as=known)
        feeds[SITE_FEED_FIRST_DOC] = atom_feed(
            site, SITE_FEED_DOC, title, "", newest, written_at=known, known_as=known
        )
    for topic in site.analysis.topics:
        papers = feed_papers([site.papers[s] for s in topic.papers if s in site.papers])
        if papers:
            path = topic_feed_doc(topic.slug)
            title = f"{site.site_name}: {topic.label}"
            feeds[path] = atom_feed(site, path, title, topic_url(topic.slug), papers, topic)
    folders = {path.rpartition("/")[0] for path in feeds if path != SITE_FEED_FIRST_DOC}
    for folder in sorted(folders):  # a feed there (a topic slugged "sitemap") reads as empty
        feeds.setdefault(f"{folder}/{FEED_SITEMAP_NAME}", EMPTY_SITEMAP)
    return feeds


def atom_feed(
    site: SiteContext,
    path: str,
    title: str,
    page: str,
    papers: Sequence[Paper],
    topic: Topic | None = None,
    written_at: str | None = None,
    known_as: str | None = None,
) -> str:
    """The Atom document at docs/`path` listing `papers`; `page` is the site page it
    follows (site-relative URL). A copy `written_at` another address names `path` as
    its own (a reader that follows `self` moves there) and links relative to where it
    is. Its id is made of `known_as`, else `path`."""
    at = written_at or path
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", _tag_uri(site, known_as or path))
    _text(feed, "title", title)
    _text(feed, "updated", _timestamp(papers[0]))
    _link(feed, _href(site, at, page), "alternate", "text/html")
    _link(feed, _href(site, at, path), "self", "application/atom+xml")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", site.site_name)
    _text(feed, "generator", "papersite")
    for paper in papers:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", _tag_uri(site, paper_url(paper.slug)))
        _text(entry, "title", paper.title)
        _text(entry, "updated", _timestamp(paper))
        _text(entry, "published", _timestamp(paper))
        _link(entry, _href(site, at, paper_url(paper.slug)), "alternate", "text/html")
        for name in paper.authors:
            _text(ET.SubElement(entry, f"{{{ATOM}}}author"), "name", name)
        for topic in site.paper_topics(paper.slug):
            if paper.slug not in topic.close:  # not one it is in by resemblance alone
                ET.SubElement(entry, f"{{{ATOM}}}category", {"term": _xml(topic.label)})
        if paper.abstract:
            _text(entry, "summary", paper.abstract)
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'


def _text(parent: ET.Element, name: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{name}").text = _xml(text)


def _link(parent: ET.Element, href: str, rel: str, kind: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"href": href, "rel": rel, "type": kind})


def _xml(text: str) -> str:
    return _NOT_XML_RE.sub("\ufffd", text)


def _timestamp(paper: Paper) -> str:
    assert paper.published is not None
    return f"{paper.published.iso()}T00:00:00Z"


def _tag_uri(site: SiteContext, path: str) -> str:
    """A permanent id (RFC 4151): the site's host (else its name) and the item's path."""
    owner = urlsplit(site.site_url).hostname if site.site_url else None
    name = re.sub(r"[^a-z0-9.-]+", "-", (owner or site.site_name).lower()).strip("-.")
    return f"tag:{name or 'papersite'},2000:{path}"


def _href(site: SiteContext, feed_path: str, target: str) -> str:
    """`target` (site-relative) as the feed links it: absolute when the site's address
    is known, else relative to the feed's own folder."""
    if site.site_url:
        return site.site_url.rstrip("/") + "/" + target
    return "../" * feed_path.count("/") + target or "./"
