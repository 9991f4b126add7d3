"""The local graph of a paper page: escaped labels, working links, deterministic layout."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.render.graph import LABEL_CHARS, GraphNode, local_graph, short_lines

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
NASTY = 'A <script>alert("x")</script> & \'quotes\' {: onclick="y" } ]]> *em* | pipe'


def _parse(markup: str) -> ET.Element:
    """The SVG as XML, with the namespaces the HTML parser supplies for inline SVG."""
    text = markup.replace(
        "<svg ",
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ',
        1,
    )
    return ET.fromstring(text)


def _nodes(count: int) -> list[GraphNode]:
    return [GraphNode(f"Paper {i} {NASTY}", f"../paper-{i}/", 0.9 - i / 10) for i in range(count)]


def test_no_related_papers_no_graph() -> None:
    assert local_graph("Alone", [], []) == ""


def test_corpus_text_is_escaped_everywhere() -> None:
    svg = str(local_graph(NASTY, _nodes(3), [(0, 1)]))
    assert "<script" not in svg and 'onclick="' not in svg and "]]>" not in svg
    tree = _parse(svg)  # well-formed: every title and label was escaped
    titles = [t.text for t in tree.iter(f"{SVG}title")]
    assert titles[1:] == [n.title for n in _nodes(3)] + [NASTY]
    assert tree.get("aria-label") == f"{NASTY} and 3 related papers"


def test_each_related_paper_links_to_its_page() -> None:
    svg = str(local_graph("Centre", _nodes(5), []))
    links = list(_parse(svg).iter(f"{SVG}a"))
    assert [a.get(XLINK_HREF) for a in links] == [f"../paper-{i}/" for i in range(5)]
    # a plain `href` on an SVG link breaks Material's instant navigation
    assert all(a.get("href") is None for a in links)
    assert " href=" not in svg


def test_edges_join_the_centre_and_related_pairs() -> None:
    svg = str(local_graph("Centre", _nodes(4), [(0, 2), (2, 0), (1, 3), (0, 9), (1, 1)]))
    groups = {g.get("class"): list(g.iter(f"{SVG}line")) for g in _parse(svg).iter(f"{SVG}g")}
    assert len(groups["ps-graph__edges"]) == 4
    assert len(groups["ps-graph__links"]) == 3  # (0, 2) and (2, 0) differ; bad pairs dropped


def test_layout_is_deterministic_and_inside_the_view_box() -> None:
    first = local_graph("Centre", _nodes(8), [(0, 1)])
    assert first == local_graph("Centre", _nodes(8), [(0, 1)])
    tree = _parse(str(first))
    width, height = (float(v) for v in tree.get("viewBox", "").split()[2:])
    for circle in tree.iter(f"{SVG}circle"):
        assert 0 < float(circle.get("cx", "")) < width
        assert 0 < float(circle.get("cy", "")) < height
    for span in tree.iter(f"{SVG}tspan"):
        assert 10 < float(span.get("y", "")) < height


def test_graph_stays_small() -> None:
    long_title = "Word " * 60
    nodes = [GraphNode(long_title, "../x/", 0.5) for _ in range(10)]
    assert len(str(local_graph(long_title, nodes, [(0, i) for i in range(1, 10)]))) < 8000


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
    ],
)
def test_short_lines(title: str, expected: list[str]) -> None:
    assert short_lines(title) == expected


@given(st.text(max_size=300), st.integers(min_value=1, max_value=3))
def test_short_lines_fit(title: str, lines: int) -> None:
    result = short_lines(title, LABEL_CHARS, lines)
    assert 1 <= len(result) <= lines
    assert all(len(line) <= LABEL_CHARS for line in result)


def test_labels_raise_name_scripts_and_tooltips_keep_the_title_as_written() -> None:
    tree = _parse(str(local_graph("U^2-Net: Nested", [GraphNode("SP^2OT", "../sp/", 0.5)], [])))
    labels = ["".join(t.itertext()) for t in tree.iter(f"{SVG}text")]
    assert labels == ["SP²OT", "U²-Net: Nested"]
    titles = [t.text for t in tree.iter(f"{SVG}title")]
    assert "U^2-Net: Nested" in titles and "SP^2OT" in titles


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


def _label_box(text: ET.Element) -> tuple[float, float, float, float]:
    """A generous box around a label: 8 px a character at 14 px, ascent and descent."""
    spans = list(text.iter(f"{SVG}tspan"))
    half = max(len(s.text or "") for s in spans) * 8 / 2
    xs = [float(s.get("x", "")) for s in spans]
    ys = [float(s.get("y", "")) for s in spans]
    return min(xs) - half, min(ys) - 11, max(xs) + half, max(ys) + 4


@pytest.mark.parametrize("count", range(1, 11))
def test_lines_from_the_centre_do_not_run_through_related_labels(count: int) -> None:
    """Each label sits on its dot's far side from the centre: no spoke crosses any label."""
    nodes = [
        GraphNode(f"Fairly Long Title Number {i} About Something", "../x/", 0.5)
        for i in range(count)
    ]
    tree = _parse(str(local_graph("Centre", nodes, [])))
    spokes = [
        (
            (float(line.get("x1", "")), float(line.get("y1", ""))),
            (float(line.get("x2", "")), float(line.get("y2", ""))),
        )
        for g in tree.iter(f"{SVG}g")
        if g.get("class") == "ps-graph__edges"
        for line in g.iter(f"{SVG}line")
    ]
    labels = [_label_box(t) for a in tree.iter(f"{SVG}a") for t in a.iter(f"{SVG}text")]
    assert len(spokes) == len(labels) == count
    for box in labels:
        assert not any(_segments_cross_box(s, e, box) for s, e in spokes), box


def test_every_line_is_drawn_before_every_label_and_dot() -> None:
    """Labels have a background halo (CSS): a line passing one goes under it, not over."""
    svg = str(local_graph("Centre", _nodes(6), [(0, 3), (1, 4), (2, 5)]))
    assert svg.rindex("<line") < svg.index("<text")
    for node in [*svg.split('<a class="ps-graph__node"')[1:], svg.split("ps-graph__self")[1]]:
        assert node.index("<text") < node.index("<circle")  # the halo never covers a dot
