"""The corpus map's point data: parallel arrays on the grid, topics in legend order."""

from __future__ import annotations

import json
from dataclasses import replace

from generator.links import MAP_DOC, OTHER_TOPIC_SLUG
from generator.model import Analysis, Corpus, Paper, Topic
from generator.render.context import SiteContext
from generator.render.environment import make_environment
from generator.render.map_page import (
    COLOUR_GRID,
    COLOURS,
    SCALE,
    SHAPES,
    label_point,
    map_data,
    map_json,
    render_map,
    topic_styles,
)
from generator.render.topic_pages import render_topics_index


def _paper(slug: str, title: str) -> Paper:
    return Paper(slug, slug, f"papers/{slug}/", title, False, "", (), ())


def _site() -> SiteContext:
    papers = (_paper("a", "</script><b>A</b>"), _paper("b", "B & co"), _paper("c", "C"))
    topics = (
        Topic("t2", "Second", (), ("b",), area="Zeta"),
        Topic("t1", "First <i>", (), ("a", "b", "gone"), area=""),
    )
    analysis = Analysis(
        topics=topics,
        paper_topics={"a": ("t1",), "b": ("t2", "t1")},
        positions={"a": (0.0, 1.0), "b": (0.5, 0.25), "c": (1.0, 0.0)},
    )
    return SiteContext(Corpus(papers), analysis, "site")


def test_arrays_are_parallel_and_on_the_grid() -> None:
    data = map_data(_site())
    assert data["x"] == [0, round(0.5 * (SCALE - 1)), SCALE - 1]
    assert data["y"] == [SCALE - 1, round(0.25 * (SCALE - 1)), 0]
    assert data["url"] == ["papers/a/", "papers/b/", "papers/c/"]
    assert data["title"] == ["</script><b>A</b>", "B & co", "C"]
    assert [t["slug"] for t in data["topics"]] == ["t2", "t1"]  # areas first, as on /topics/
    assert data["topic"] == [1, 0, -1]  # colour: the first topic; none for c
    assert [t["papers"] for t in data["topics"]] == [[1], [0, 1]]  # unknown slugs dropped
    assert data["areas"] == ["Zeta", "More topics"]
    assert data["loose"] == 1  # "More topics" is no area: the map counts 1 area
    assert [t["area"] for t in data["topics"]] == [0, 1]
    assert [t["colour"] for t in data["topics"]] == [0, 1]  # one per area, loose topics too
    assert [t["shape"] for t in data["topics"]] == [0, 0]  # circles while colours last
    assert [t["at"] for t in data["topics"]] == [[data["x"][1], data["y"][1]], [0, SCALE - 1]]


def test_without_loose_topics_or_areas_the_groups_are_what_they_are() -> None:
    site = _site()
    grouped = tuple(replace(t, area="Zeta") for t in site.analysis.topics)
    site.analysis = replace(site.analysis, topics=grouped)
    assert (map_data(site)["areas"], map_data(site)["loose"]) == (["Zeta"], -1)
    alone = tuple(replace(t, area="") for t in grouped)
    site.analysis = replace(site.analysis, topics=alone)
    assert (map_data(site)["areas"], map_data(site)["loose"]) == (["More topics"], 0)


def test_papers_without_a_position_are_left_out() -> None:
    site = _site()
    site.analysis = Analysis(topics=site.analysis.topics, positions={"b": (0.5, 0.5)})
    data = map_data(site)
    assert data["url"] == ["papers/b/"]
    assert [t["papers"] for t in data["topics"]] == [[0], [0]]


def test_json_is_compact_inert_and_round_trips() -> None:
    data = map_data(_site())
    text = map_json(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\n" not in text.rstrip("\n") and '": ' not in text
    assert json.loads(text) == data
    assert map_json(map_data(_site())) == text


def _topics(*areas: str) -> list[Topic]:
    return [Topic(f"t{i}", f"T{i}", (), (), area=area) for i, area in enumerate(areas)]


def _clusters(spots: list[tuple[int, int]]) -> tuple[list[int], list[int], list[int]]:
    """Four papers of topic k at cell spots[k] of the COLOUR_GRID: x, y and first topics."""
    x, y, first = [], [], []
    cell = SCALE // COLOUR_GRID
    for number, (cx, cy) in enumerate(spots):
        for k in range(4):
            x.append(cx * cell + cell // 4 + k)
            y.append(cy * cell + cell // 4)
            first.append(number)
    return x, y, first


def test_styles_are_few_one_per_area_and_other_is_grey() -> None:
    areas = [f"A{i}" for i in range(3 * COLOURS)]
    topics = [*_topics(*areas, "A0", ""), Topic("other", "Other", (), ())]
    # Each area a tight cluster on a diagonal; topic 3*COLOURS joins area A0.
    x, y, first = [], [], []
    for number in range(len(topics)):
        spot = number if number < len(areas) else 0
        for k in range(4):
            x.append(spot * SCALE // len(areas) + k)
            y.append(spot * SCALE // len(areas))
            first.append(number)
    styles = topic_styles(topics, x, y, first)
    colours = [c for c, _s in styles]
    assert styles[-1] == (-1, 0)  # "Other": a grey circle
    assert styles[len(areas)] == styles[0]  # a topic takes its area's style
    assert set(colours[:-1]) == set(range(COLOURS))  # all colours used, no more
    assert {s for _c, s in styles} <= set(range(SHAPES))
    assert len(set(styles[: len(areas) + 1])) == len(areas)  # every area its own style
    for a in range(len(areas) - 1):  # neighbours on the diagonal always differ in colour
        assert colours[a] != colours[a + 1]


def test_neighbouring_areas_never_share_a_colour() -> None:
    # A 6 x 6 block of one-cell areas: each touches up to 8 others (sides and corners),
    # so a colour can repeat only between areas that do not touch.
    spots = [(2 + k % 6, 2 + k // 6) for k in range(36)]
    x, y, first = _clusters(spots)
    styles = topic_styles(_topics(*(f"A{k}" for k in range(36))), x, y, first)
    for a, (ax, ay) in enumerate(spots):
        for b, (bx, by) in enumerate(spots[:a]):
            if max(abs(ax - bx), abs(ay - by)) <= 1:
                assert styles[a][0] != styles[b][0], (spots[a], spots[b])
    assert len(set(styles)) == 36 == COLOURS * SHAPES  # and no two areas look alike


def test_an_area_that_must_repeat_a_colour_takes_another_shape() -> None:
    # COLOURS + 1 areas in one spot: the first COLOURS take every colour as circles.
    x, y, first = _clusters([(8, 8)] * (COLOURS + 1))
    styles = topic_styles(_topics(*(f"A{k}" for k in range(COLOURS + 1))), x, y, first)
    assert sorted(styles[:COLOURS]) == [(c, 0) for c in range(COLOURS)]
    assert styles[COLOURS][1] != 0 and styles[COLOURS] not in styles[:COLOURS]
    # Far apart, a repeated colour still takes another shape: the legend tells them apart.
    spots = [(2 * (k % 8), 15 * (k // 8)) for k in range(COLOURS + 1)]
    x, y, first = _clusters(spots)
    styles = topic_styles(_topics(*(f"A{k}" for k in range(COLOURS + 1))), x, y, first)
    assert len(set(styles)) == COLOURS + 1
    assert [s for _c, s in styles].count(0) == COLOURS


def test_styles_are_deterministic_and_largest_areas_come_first() -> None:
    topics = _topics("Small", "Big")
    x = [0, 5000, 6000, 7000]  # "Big" covers more of the map
    y = [0, 5000, 6000, 7000]
    first = [0, 1, 1, 1]
    assert topic_styles(topics, x, y, first) == [(1, 0), (0, 0)]
    assert topic_styles(topics, x, y, first) == topic_styles(topics, x, y, first)


def test_a_label_sits_where_its_papers_are_densest() -> None:
    # Five papers in one corner, two far away: not at the mean of all seven.
    x = [100, 150, 200, 120, 180, 9000, 9500]
    y = [100, 120, 90, 160, 140, 9000, 9200]
    at = label_point(range(7), x, y)
    assert at == [150, 122]
    assert label_point([], x, y) is None


def test_the_note_without_javascript_counts_topics_as_the_topic_index_does() -> None:
    """ "Other" is no topic there (the note said 60 where every other page says 59)."""
    site = _site()
    other = Topic(OTHER_TOPIC_SLUG, "Other", (), ("c",))
    site.analysis = replace(site.analysis, topics=(*site.analysis.topics, other))
    page = render_map(make_environment(), site)[MAP_DOC]
    assert "This map of 3 papers in 2 topics" in page


def test_areas_holding_more_papers_come_first_on_the_map_and_the_topics_page() -> None:
    """Areas came in the order of their first topic's label: a 43-paper area before a
    111-paper one. Papers in two topics of an area count once; ties go by name."""
    site = _site()
    topics = (
        Topic("a1", "Alpha", (), ("a",), area="Small"),
        Topic("b1", "Beta", (), ("a", "b"), area="Big"),
        Topic("b2", "Gamma", (), ("b", "a"), area="Big"),  # the same two papers again
        Topic("c1", "Delta", (), ("c",), area="Also small"),
        Topic("d1", "Loose", (), ("a", "b", "c"), area=""),
    )
    site.analysis = replace(site.analysis, topics=topics)
    assert map_data(site)["areas"] == ["Big", "Also small", "Small", "More topics"]
    index = render_topics_index(make_environment(), site)
    headings = [line.split(" {")[0] for line in index.splitlines() if line.startswith("## ")]
    assert headings == ["## Big", "## Also small", "## Small", "## More topics"]
