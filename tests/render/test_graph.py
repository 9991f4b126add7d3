"""The local graph of a paper page: its layout (drawn by graph.js), escaped into the page,
deterministic, with labels clear of the lines from the centre."""

from __future__ import annotations

import html
import json
import re

import pytest
from analyze_helpers import corpus_of, slug_of
from hypothesis import given
from hypothesis import strategies as st

from generator.links import paper_doc
from generator.model import Analysis, RelatedPaper
from generator.render import render_site
from generator.render.graph import (
    LABEL_CHARS,
    LINE_HEIGHT,
    GraphNode,
    graph_attribute,
    local_graph,
    ring_seats,
    short_lines,
)

NASTY = 'A <script>alert("x")</script> & \'quotes\' {: onclick="y" } ]]> *em* | pipe'


def _nodes(count: int) -> list[GraphNode]:
    return [GraphNode(f"Paper {i} {NASTY}", 0.9 - i / 10) for i in range(count)]


def _layout(title: str, nodes: list[GraphNode], edges: list[tuple[int, int]]) -> dict:
    return json.loads(local_graph(title, nodes, edges))


def test_no_related_papers_no_graph() -> None:
    assert local_graph("Alone", [], []) == ""
    assert graph_attribute("") == ""


def test_the_attribute_holds_the_layout_and_no_markup() -> None:
    layout = local_graph(NASTY, _nodes(3), [(0, 1)])
    attribute = str(graph_attribute(layout))
    match = re.fullmatch(r"data-graph='([^'<>]*)'", attribute)
    assert match, attribute  # one single-quoted value: nothing ends it early
    assert json.loads(html.unescape(match.group(1))) == json.loads(layout)
    # No title: graph.js names the picture by the page's heading (a copy of the title
    # was 0.1 KB of every page).
    assert NASTY not in html.unescape(match.group(1))


def test_nodes_keep_the_list_order_and_scores_set_line_widths() -> None:
    layout = _layout("Centre", _nodes(5), [])
    widths = [node[2] for node in layout["n"]]
    assert len(layout["n"]) == 5 and widths == sorted(widths, reverse=True)
    assert layout["n"][0][:2] == [240, 50]  # the strongest at the top


def test_edges_join_related_pairs_once_and_drop_bad_ones() -> None:
    layout = _layout("Centre", _nodes(4), [(0, 2), (2, 0), (1, 3), (0, 9), (1, 1)])
    assert layout["l"] == [[0, 2], [1, 3]]  # (2, 0) is (0, 2) again; bad pairs dropped


@pytest.mark.parametrize(
    ("count", "links", "seats"),
    [
        (5, [], [0, 1, 2, 3, 4]),
        (5, [(0, 1), (3, 4)], [0, 1, 2, 3, 4]),  # already side by side
        (5, [(0, 2)], [0, 2, 1, 3, 4]),  # the second and third swap seats
        (5, [(1, 3)], [0, 1, 3, 2, 4]),
        (5, [(1, 3), (2, 4)], [0, 1, 3, 2, 4]),  # 3 spanned, not 4: the fewest possible
        (8, [(0, 4)], list(range(8))),  # above SEATED_MAX: list order
    ],
)
def test_linked_papers_sit_side_by_side_where_they_can(
    count: int, links: list[tuple[int, int]], seats: list[int]
) -> None:
    """A link across the ring ran past the centre's dot and title and read as a link to
    the centre."""
    assert ring_seats(count, links) == seats


def test_a_seat_is_a_place_on_the_ring() -> None:
    layout = _layout("Centre", _nodes(5), [(0, 2)])
    plain = _layout("Centre", _nodes(5), [])
    assert [node[:2] for node in layout["n"]] == [plain["n"][i][:2] for i in (0, 2, 1, 3, 4)]
    assert layout["l"] == [[0, 2]]  # links still name papers by their list order


def test_layout_is_deterministic_and_inside_the_view_box() -> None:
    first = local_graph("Centre", _nodes(8), [(0, 1)])
    assert first == local_graph("Centre", _nodes(8), [(0, 1)])
    layout = json.loads(first)
    width, height = layout["v"]
    for x, y, _, label_y, lines in layout["n"]:
        assert 0 < x < width and 0 < y < height
        assert label_y > 10 and label_y + LINE_HEIGHT * (len(lines) - 1) < height


@pytest.mark.parametrize("count", [1, 2, 3, 5, 6, 8])
def test_the_view_box_ends_just_below_the_lowest_label(count: int) -> None:
    """A graph of five papers ended 40 units below its lowest label, a gap above the
    caption: the view box was as high as the worst case."""
    layout = _layout("A centre paper with a long title that takes two lines", _nodes(count), [])
    height = layout["v"][1]
    labels = [*layout["n"], [*layout["s"][:2], 0, *layout["s"][2:]]]
    lowest = max(label_y + LINE_HEIGHT * (len(lines) - 1) for *_, label_y, lines in labels)
    assert lowest + 4 <= height <= lowest + 10, (lowest, height)


def test_graph_stays_small() -> None:
    long_title = "Word " * 60
    nodes = [GraphNode(long_title, 0.5) for _ in range(10)]
    assert len(local_graph(long_title, nodes, [(0, i) for i in range(1, 10)])) < 1500


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Short", ["Short"]),
        (
            "Deep Residual Learning for Image Recognition",
            ["Deep Residual Learning", "for Image Recognition"],
        ),
        (
            "Aggregated Residual Transformations for Deep Neural Networks",
            ["Aggregated Residual", "Transformations for…"],
        ),
        ("", [""]),
        (  # the ellipsis after a whole word, not "Attention Mechanism i…"
            "TransDAE: Dual Attention Mechanism in a Hierarchical Transformer",
            ["TransDAE: Dual", "Attention Mechanism…"],
        ),
        (  # a word longer than a line breaks after its hyphen, not before it
            "Normalization-Activation Layers evolved",
            ["Normalization-", "Activation Layers…"],
        ),
    ],
)
def test_short_lines(title: str, expected: list[str]) -> None:
    assert short_lines(title) == expected


@given(st.text(max_size=300), st.integers(min_value=1, max_value=3))
def test_short_lines_fit(title: str, lines: int) -> None:
    result = short_lines(title, LABEL_CHARS, lines)
    assert 1 <= len(result) <= lines
    assert all(len(line) <= LABEL_CHARS for line in result)


def test_labels_raise_name_scripts() -> None:
    layout = _layout("U^2-Net: Nested", [GraphNode("SP^2OT", 0.5)], [])
    assert layout["n"][0][4] == ["SP²OT"] and layout["s"][3] == ["U²-Net: Nested"]


def _segments_cross_box(
    start: tuple[float, float], end: tuple[float, float], box: tuple[float, float, float, float]
) -> bool:
    """Whether the segment start–end passes through the box (left, top, right, bottom)."""
    left, top, right, bottom = box
    steps = 200
    for k in range(steps + 1):
        x = start[0] + (end[0] - start[0]) * k / steps
        y = start[1] + (end[1] - start[1]) * k / steps
        if left < x < right and top < y < bottom:
            return True
    return False


def _label_box(x: float, label_y: float, lines: list[str]) -> tuple[float, float, float, float]:
    """A generous box around a label: 8 px a character at 14 px, ascent and descent."""
    half = max(len(line) for line in lines) * 8 / 2
    return x - half, label_y - 11, x + half, label_y + LINE_HEIGHT * (len(lines) - 1) + 4


@pytest.mark.parametrize("count", range(1, 11))
def test_lines_from_the_centre_do_not_run_through_related_labels(count: int) -> None:
    """Each label sits on its dot's far side from the centre: no spoke crosses any label."""
    nodes = [GraphNode(f"Fairly Long Title Number {i} About Something", 0.5) for i in range(count)]
    layout = _layout("Centre", nodes, [])
    centre = (layout["s"][0], layout["s"][1])
    spokes = [(centre, (x, y)) for x, y, *_ in layout["n"]]
    labels = [_label_box(x, label_y, lines) for x, _, _, label_y, lines in layout["n"]]
    for box in labels:
        assert not any(_segments_cross_box(s, e, box) for s, e in spokes), box


def test_the_caption_names_dashed_lines_only_where_the_graph_draws_them() -> None:
    titles = ["Braided kites", "Nested kites", "Pruned kites"]
    corpus = corpus_of([(title, f"{title} fly in the wind.") for title in titles])
    braided, nested, pruned = (slug_of(corpus, title) for title in titles)

    def related(*slugs: str) -> tuple[RelatedPaper, ...]:
        return tuple(RelatedPaper(slug, 0.5, ("kites",)) for slug in slugs)

    def caption(analysis: Analysis, slug: str) -> str:
        page = render_site(corpus, analysis, "Papers")[paper_doc(slug)]
        return page.split("<figcaption>")[1].split("</figcaption>")[0]

    apart = Analysis(related={braided: related(nested, pruned)})
    assert caption(apart, braided) == "This paper (centre) and its related papers."
    joined = Analysis(related={braided: related(nested, pruned), nested: related(pruned)})
    assert caption(joined, braided) == (
        "This paper (centre) and its related papers; dashed lines join those related to each other."
    )
