"""Atom feeds: valid for a feed parser, newest dated papers first, stable ids, links
absolute when the site's address is known, the same bytes for the same corpus."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import feedparser

from generator.model import Analysis, Corpus, Paper, PaperDate, Topic
from generator.render.context import SiteContext
from generator.render.environment import make_environment
from generator.render.feeds import TOPIC_FEED_LENGTH, render_feeds
from generator.render.topic_pages import render_topic


def _paper(slug: str, date: PaperDate | None, title: str | None = None) -> Paper:
    return Paper(
        slug,
        slug,
        f"papers/{slug}/",
        title or slug.title(),
        False,
        f"About {slug}.",
        (),
        (),
        authors=("Ada Lovelace",),
        published=date,
    )


PAPERS = (
    _paper("old", PaperDate(2019, 1, 2)),
    _paper("new", PaperDate(2024, 5, 6), 'New <b>&</b> "quoted"\x0b title'),
    _paper("guessed", PaperDate(2025, 1, 1, year_inferred=True)),
    _paper("undated", None),
    _paper("same-day", PaperDate(2024, 5, 6)),
)
TOPIC = Topic("nets", "Nets & <Stuff>", ("net",), ("old", "new", "undated"))


def _site(site_url: str | None = None) -> SiteContext:
    analysis = Analysis(topics=(TOPIC,), paper_topics={"old": ("nets",), "new": ("nets",)})
    return SiteContext(Corpus(PAPERS), analysis, "Reading group", site_url)


def test_feeds_parse_and_list_the_newest_dated_papers_first() -> None:
    feeds = render_feeds(_site())
    assert sorted(feeds) == [
        "feed.xml",
        "feeds/newest.xml",
        "feeds/sitemap.xml",
        "feeds/topics/nets.xml",
        "feeds/topics/sitemap.xml",
    ]
    parsed = feedparser.parse(feeds["feeds/newest.xml"])
    assert not parsed.bozo, parsed.bozo_exception
    assert [e.link for e in parsed.entries] == [
        "../papers/new/",
        "../papers/same-day/",
        "../papers/old/",
    ]  # no inferred year, no undated paper; ties by slug
    assert parsed.feed.updated == "2024-05-06T00:00:00Z"
    first = parsed.entries[0]
    assert first.title == 'New <b>&</b> "quoted"\ufffd title'  # XML cannot hold \x0b
    assert first.id == "tag:reading-group,2000:papers/new/"
    assert [t.term for t in first.tags] == ["Nets & <Stuff>"]
    assert first.author == "Ada Lovelace"
    topic = feedparser.parse(feeds["feeds/topics/nets.xml"])
    assert not topic.bozo and [e.link for e in topic.entries] == [
        "../../papers/new/",
        "../../papers/old/",
    ]
    assert topic.feed.title == "Reading group: Nets & <Stuff>"


def test_the_site_feeds_first_address_keeps_a_copy_that_points_to_the_feed() -> None:
    """Readers subscribed to feed.xml (the site feed's address before it joined the
    topic feeds) get the same entries, linked from where the copy is, and `self` names
    the feed's address."""
    feeds = render_feeds(_site())
    feed, copy = (feedparser.parse(feeds[path]) for path in ("feeds/newest.xml", "feed.xml"))
    assert not copy.bozo and [e.id for e in copy.entries] == [e.id for e in feed.entries]
    assert [e.link for e in copy.entries] == ["papers/new/", "papers/same-day/", "papers/old/"]
    assert {link.rel: link.href for link in copy.feed.links} == {
        "alternate": "./",
        "self": "feeds/newest.xml",
    }
    assert copy.feed.id == feed.feed.id == "tag:reading-group,2000:feed.xml"  # as it was
    absolute = render_feeds(_site("https://lab.example.org/group/"))
    assert absolute["feed.xml"] == absolute["feeds/newest.xml"]


def test_each_folder_of_feeds_holds_an_empty_sitemap() -> None:
    """Material fetches sitemap.xml beside every feed a page's head links; an empty
    one there spares a visitor the site's own, which is fetched once already."""
    feeds = render_feeds(_site("https://lab.example.org/group/"))
    for path in ("feeds/sitemap.xml", "feeds/topics/sitemap.xml"):
        root = ET.fromstring(feeds[path])
        assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
        assert len(root) == 0, path
    assert "sitemap.xml" not in feeds  # the site's own is MkDocs's


def test_links_are_absolute_when_the_sites_address_is_known() -> None:
    feeds = render_feeds(_site("https://lab.example.org/group/"))
    parsed = feedparser.parse(feeds["feeds/newest.xml"])
    assert parsed.entries[0].link == "https://lab.example.org/group/papers/new/"
    assert parsed.entries[0].id == "tag:lab.example.org,2000:papers/new/"
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links == {
        "alternate": "https://lab.example.org/group/",
        "self": "https://lab.example.org/group/feeds/newest.xml",
    }


def test_no_dated_paper_no_feed_and_the_same_corpus_the_same_bytes() -> None:
    undated = SiteContext(Corpus((_paper("undated", None),)), Analysis(), "x")
    assert render_feeds(undated) == {}
    assert render_feeds(_site()) == render_feeds(_site())


def test_a_feed_where_a_folders_sitemap_would_be_is_kept() -> None:
    """A topic slugged "sitemap" (topics.yml refuses the name; an earlier build may have
    pinned it) keeps its feed: Material reads it as a sitemap of no page."""
    topic = Topic("sitemap", "Sitemap", ("net",), ("old", "new"))
    analysis = Analysis(topics=(topic,), paper_topics={"old": ("sitemap",)})
    feeds = render_feeds(SiteContext(Corpus(PAPERS), analysis, "Reading group", None))
    assert feedparser.parse(feeds["feeds/topics/sitemap.xml"]).entries


def test_a_topic_page_says_how_many_papers_its_feed_holds() -> None:
    """ "40 papers · Atom feed" led to a feed of one entry: only dated papers are in one."""
    page = render_topic(make_environment(), _site(), TOPIC)
    assert "Atom feed</a> (2 dated papers)</span></p>" in page  # of 3: "undated" has no date
    whole = Topic("nets", "Nets", ("net",), ("old", "new"))
    page = render_topic(make_environment(), _site(), whole)
    assert "Atom feed</a></span></p>" in page
    many = tuple(_paper(f"p{n}", PaperDate(2020, 1, 1 + n)) for n in range(TOPIC_FEED_LENGTH + 1))
    large = Topic("many", "Many", ("net",), tuple(p.slug for p in many))
    site = SiteContext(Corpus(many), Analysis(topics=(large,)), "Reading group", None)
    page = render_topic(make_environment(), site, large)
    assert f"Atom feed</a> (its {TOPIC_FEED_LENGTH} newest dated papers)</span></p>" in page
