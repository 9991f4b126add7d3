"""The corpus map page and the compact point data its script draws (map.js)."""

from __future__ import annotations

import json
from typing import Any

import jinja2
from markupsafe import Markup

from generator.links import (
    HOME_DOC,
    MAP_DATA_DOC,
    MAP_DOC,
    TOPICS_INDEX_DOC,
    built_link,
    paper_url,
    topic_url,
)
from generator.render.context import SiteContext
from generator.render.text import front_matter
from generator.render.topic_pages import areas_for

MAP_FORMAT = 1
# Coordinates are integers on a SCALE x SCALE grid: 4 digits keep points apart at any
# zoom the map offers, and cost half the bytes of floats.
SCALE = 10_000


def render_map(env: jinja2.Environment, site: SiteContext) -> dict[str, str]:
    """Return the map page and its point data, keyed by their docs/ paths."""
    data = map_data(site)
    page = env.get_template("map.md.j2").render(
        front=front_matter(
            {
                "title": "Map",
                "description": "Every paper of the corpus on one map, placed by similarity.",
                "hide": ["toc"],
            }
        ),
        points=len(data["x"]),
        topic_count=len(data["topics"]),
        data_url=_link(MAP_DATA_DOC),
        site_root=_link(HOME_DOC),
        topics_url=_link(TOPICS_INDEX_DOC),
    )
    return {MAP_DOC: page, MAP_DATA_DOC: map_json(data)}


def map_data(site: SiteContext) -> dict[str, Any]:
    """Papers with a map position, as parallel arrays, and topics in legend order.

    `topic[i]` is the index of paper i's first topic (its colour; -1 for none) and each
    topic lists the indices of all its papers (for highlighting). URLs are site-relative.
    """
    papers = [p for p in site.corpus.papers if p.slug in site.analysis.positions]
    index = {p.slug: i for i, p in enumerate(papers)}
    topics = [topic for _area, entries in areas_for(site, MAP_DOC) for topic, _h, _n in entries]
    topic_index = {t.slug: i for i, t in enumerate(topics)}
    points = [site.analysis.positions[p.slug] for p in papers]
    return {
        "format": MAP_FORMAT,
        "scale": SCALE,
        "topics": [
            {
                "slug": t.slug,
                "label": t.label,
                "area": t.area,
                "url": topic_url(t.slug),
                "papers": sorted(index[s] for s in set(t.papers) if s in index),
            }
            for t in topics
        ],
        "x": [_grid(x) for x, _y in points],
        "y": [_grid(y) for _x, y in points],
        "topic": [_first_topic(site, p.slug, topic_index) for p in papers],
        "title": [p.title for p in papers],
        "url": [paper_url(p.slug) for p in papers],
    }


def map_json(data: dict[str, Any]) -> str:
    """Compact JSON text (one line, no spaces), deterministic.

    `<`, `>` and `&` are written as \\u escapes, so the text stays inert even if it is
    ever placed inside HTML.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char in "<>&":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text + "\n"


def _grid(value: float) -> int:
    """A unit-square coordinate as an integer on the SCALE grid."""
    return min(SCALE - 1, max(0, round(value * (SCALE - 1))))


def _first_topic(site: SiteContext, slug: str, topic_index: dict[str, int]) -> int:
    """Index of the paper's first topic that is on the map, or -1."""
    for topic in site.analysis.paper_topics.get(slug, ()):
        if topic in topic_index:
            return topic_index[topic]
    return -1


def _link(target: str) -> Markup:
    return Markup(built_link(MAP_DOC, target))
