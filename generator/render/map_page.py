"""The corpus map page and the compact point data its script draws (map.js)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import jinja2
import numpy as np

from generator.links import (
    HOME_DOC,
    MAP_DATA_DOC,
    MAP_DOC,
    OTHER_TOPIC_SLUG,
    TOPICS_INDEX_DOC,
    paper_url,
    topic_url,
)
from generator.model import Topic
from generator.render.context import UNGROUPED_AREA, SiteContext
from generator.render.text import front_matter, html_href
from generator.render.topic_pages import areas_for

MAP_FORMAT = 3
# Coordinates are integers on a SCALE x SCALE grid: 4 digits keep points apart at any
# zoom the map offers, and cost half the bytes of floats.
SCALE = 10_000
# Colours map.js has (Paul Tol's "muted" scheme, colour-blind safe); areas beyond that
# share a colour with the areas farthest from them, and take another marker shape. -1 is
# the neutral grey of "Other".
COLOURS = 9
# Marker shapes map.js draws: circle, square, triangle, diamond. A colour and a shape make
# an area's style; COLOURS * SHAPES styles before one repeats.
SHAPES = 4
# Cells per side of the grids that measure how far apart two areas lie (colours) and
# where a topic's papers are densest (its label). Areas in the same or touching cells
# are neighbours: a colour cell of 1/32 of the map (3%) is about the distance at which
# two points read as neighbours. At 1/16, areas up to 12% apart counted as touching and
# used up the colours, so that 2 of the bundled map's 138 pairs of points of different
# areas within 3% of each other shared a colour (0 at 1/32).
COLOUR_GRID = 32
LABEL_GRID = 20


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
        topic_count=sum(1 for t in data["topics"] if t["slug"] != OTHER_TOPIC_SLUG),  # as /topics/
        data_url=html_href(MAP_DOC, MAP_DATA_DOC),
        site_root=html_href(MAP_DOC, HOME_DOC),
        topics_url=html_href(MAP_DOC, TOPICS_INDEX_DOC),
    )
    return {MAP_DOC: page, MAP_DATA_DOC: map_json(data)}


def map_data(site: SiteContext) -> dict[str, Any]:
    """Papers with a map position, as parallel arrays, and topics in legend order.

    `topic[i]` is the index of paper i's first topic (-1 for none); each topic names its
    area (an index into `areas`, the legend's groups), its colour and marker shape (see
    topic_styles), where its label goes
    (`at`, on the grid; null without papers) and the indices of all its papers (for
    highlighting). URLs are site-relative.
    """
    papers = [p for p in site.corpus.papers if p.slug in site.analysis.positions]
    index = {p.slug: i for i, p in enumerate(papers)}
    areas = areas_for(site, MAP_DOC)
    topics = [topic for _area, entries in areas for topic, _h, _n in entries]
    area_of = [number for number, (_a, entries) in enumerate(areas) for _e in entries]
    topic_index = {t.slug: i for i, t in enumerate(topics)}
    x = [_grid(site.analysis.positions[p.slug][0]) for p in papers]
    y = [_grid(site.analysis.positions[p.slug][1]) for p in papers]
    first = [_first_topic(site, p.slug, topic_index) for p in papers]
    styles = topic_styles(topics, x, y, first)
    primary: list[list[int]] = [[] for _ in topics]
    for i, number in enumerate(first):
        if number >= 0:
            primary[number].append(i)
    members = [sorted(index[s] for s in set(t.papers) if s in index) for t in topics]
    return {
        "format": MAP_FORMAT,
        "scale": SCALE,
        "areas": [name or UNGROUPED_AREA for name, _entries in areas],
        # The legend's group of the topics without an area ("More topics", and "Other"),
        # which is no area (-1: none).
        "loose": next((i for i, (_n, entries) in enumerate(areas) if not entries[0][0].area), -1),
        "topics": [
            {
                "slug": t.slug,
                "label": t.label,
                "area": area_of[number],
                "colour": styles[number][0],
                "shape": styles[number][1],
                "at": label_point(primary[number] or members[number], x, y),
                "url": topic_url(t.slug),
                "papers": members[number],
            }
            for number, t in enumerate(topics)
        ],
        "x": x,
        "y": y,
        "topic": first,
        "title": [p.title for p in papers],
        "url": [paper_url(p.slug) for p in papers],
    }


def topic_styles(
    topics: Sequence[Topic], x: Sequence[int], y: Sequence[int], first: Sequence[int]
) -> list[tuple[int, int]]:
    """A (colour, shape) per topic: one per area, a topic without an area as its own area.

    Areas take styles largest first (the size: map cells they cover). An area takes the
    colour whose areas touch fewest of its cells, so that neighbours on the map differ in
    colour wherever the COLOURS allow; among colours that tie, a style no area has yet,
    then circles before other shapes, then the colour used least. So the first COLOURS
    areas are circles of distinct colours, and an area that must repeat a colour takes
    another shape, which tells it apart in the legend and where it meets its namesake.
    "Other", which is not a subject and lies everywhere, is a grey circle (-1, 0).
    """
    groups: dict[str, list[int]] = {}
    for number, topic in enumerate(topics):
        if topic.slug != OTHER_TOPIC_SLUG:
            groups.setdefault(topic.area or f"\0{topic.slug}", []).append(number)
    cells: dict[str, set[tuple[int, int]]] = {key: set() for key in groups}
    group_of = {number: key for key, members in groups.items() for number in members}
    for i, number in enumerate(first):
        if number in group_of:
            cells[group_of[number]].add((_cell(x[i], COLOUR_GRID), _cell(y[i], COLOUR_GRID)))
    order = sorted(groups, key=lambda key: -len(cells[key]))  # stable: legend order on ties
    # Per style, the cells its areas cover or touch (a side or a corner); a colour's are
    # those of its styles.
    side = COLOUR_GRID + 2
    near_style = np.zeros((COLOURS, SHAPES, side, side), dtype=bool)
    used = np.zeros((COLOURS, SHAPES), dtype=np.intp)
    style_of: dict[str, tuple[int, int]] = {}
    for key in order:
        mine = np.array(sorted(cells[key]), dtype=np.intp).reshape(-1, 2).T + 1
        near = near_style[:, :, mine[0], mine[1]]
        touched = near.any(axis=1).sum(axis=1)  # per colour
        touched_style = near.sum(axis=2)
        c, s = style_of[key] = min(
            ((c, s) for c in range(COLOURS) for s in range(SHAPES)),
            key=lambda cs: (
                int(touched[cs[0]]),
                int(touched_style[cs]),
                int(used[cs]),
                cs[1],
                int(used[cs[0]].sum()),
                cs[0],
            ),
        )
        used[c, s] += 1
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                near_style[c, s][mine[0] + dx, mine[1] + dy] = True
    return [
        style_of[group_of[number]] if number in group_of else (-1, 0)
        for number in range(len(topics))
    ]


def label_point(members: Sequence[int], x: Sequence[int], y: Sequence[int]) -> list[int] | None:
    """Where a topic's label goes: the mean of its papers around their densest spot.

    Not the mean of all its papers, which for a topic in two clusters lies between them.
    """
    if not members:
        return None
    counts: dict[tuple[int, int], int] = {}
    for i in members:
        key = (_cell(x[i], LABEL_GRID), _cell(y[i], LABEL_GRID))
        counts[key] = counts.get(key, 0) + 1

    def around(cell: tuple[int, int]) -> int:
        return sum(
            counts.get((cell[0] + dx, cell[1] + dy), 0) for dx in (-1, 0, 1) for dy in (-1, 0, 1)
        )

    cx, cy = max(sorted(counts), key=around)
    near = [
        i
        for i in members
        if abs(_cell(x[i], LABEL_GRID) - cx) <= 1 and abs(_cell(y[i], LABEL_GRID) - cy) <= 1
    ]
    return [round(sum(x[i] for i in near) / len(near)), round(sum(y[i] for i in near) / len(near))]


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


def _cell(value: int, cells: int) -> int:
    """The cell of a grid coordinate on a coarser grid of `cells` per side."""
    return value * cells // SCALE


def _first_topic(site: SiteContext, slug: str, topic_index: dict[str, int]) -> int:
    """Index of the paper's first topic that is on the map, or -1."""
    for topic in site.analysis.paper_topics.get(slug, ()):
        if topic in topic_index:
            return topic_index[topic]
    return -1
