"""A paper's local graph: the paper, its related papers and the links among them, as SVG.

Drawn at build time (readable with JavaScript off): the paper in the centre, related
papers on an ellipse around it, the strongest first at the top and the rest clockwise.
Every label is escaped corpus text; colours come from Material's CSS variables.

Labels sit on the outer side of their dot (above the upper half's dots, below the lower
half's), so the line from the centre never runs through them; every line is drawn before
every label, and labels carry a halo of the page's background (CSS `paint-order`), so a
line that does pass a label (the centre's own, or a link between two related papers)
goes under it instead of through the letters.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from generator.render.rich_text import unicode_scripts
from generator.render.text import html_escape

WIDTH = 480
HEIGHT = 310
_CX, _CY = WIDTH // 2, 150
_RX, _RY = 160, 100  # the ellipse related papers sit on
LABEL_CHARS = 22  # characters per label line
_LINE = 16  # label line height
_MAX_TWO_LINE = 6  # with more related papers than this, labels get one line


@dataclass(frozen=True)
class GraphNode:
    """A related paper: its title, its link from the page, and its similarity score."""

    title: str
    href: str
    score: float


def local_graph(title: str, nodes: Sequence[GraphNode], edges: Iterable[tuple[int, int]]) -> Markup:
    """SVG of the paper `title` linked to `nodes`; `edges` join node indices (i < j)."""
    if not nodes:
        return Markup("")
    lines = 2 if len(nodes) <= _MAX_TWO_LINE else 1
    places = [_place(i, len(nodes)) for i in range(len(nodes))]
    links = [
        _line(places[i], places[j])
        for i, j in sorted(set(edges))
        if 0 <= i < len(nodes) and 0 <= j < len(nodes) and i != j
    ]
    spokes = [
        _line((_CX, _CY), place, 1 + 3 * max(0.0, min(1.0, node.score)))
        for node, place in zip(nodes, places, strict=True)
    ]
    # Lines grouped under one class each, coordinates whole pixels: the graph is in every
    # paper page, so its markup is kept short (CSS styles `.ps-graph__edges line`).
    parts = [f'<g class="ps-graph__links">{"".join(links)}</g>'] if links else []
    parts.append(f'<g class="ps-graph__edges">{"".join(spokes)}</g>')
    parts += [_node(node, place, lines) for node, place in zip(nodes, places, strict=True)]
    parts.append(_centre(title))
    label = html_escape(f"{title} and {len(nodes)} related papers")
    return Markup(
        f'<svg class="ps-graph" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" aria-label="{label}">'
        f"<title>{label}</title>{''.join(parts)}</svg>"
    )


def short_lines(title: str, chars: int = LABEL_CHARS, lines: int = 2) -> list[str]:
    """The title wrapped into at most `lines` lines of `chars`, cut with an ellipsis."""
    wrapped = textwrap.wrap(" ".join(title.split()), chars, break_on_hyphens=False) or [""]
    if len(wrapped) <= lines:
        return wrapped
    kept = wrapped[:lines]
    last = kept[-1][: chars - 1].rstrip(" ,;:-")
    kept[-1] = last + "…"
    return kept


def _place(index: int, count: int) -> tuple[int, int]:
    """Position of the `index`-th related paper: clockwise from the top."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return round(_CX + _RX * math.cos(angle)), round(_CY + _RY * math.sin(angle))


def _line(start: tuple[float, float], end: tuple[float, float], width: float = 1.0) -> str:
    """An edge between two points (its kind is its group's class)."""
    width_attribute = "" if width == 1.0 else f' stroke-width="{width:.1f}"'
    return (
        f'<line x1="{start[0]:g}" y1="{start[1]:g}" x2="{end[0]:g}" y2="{end[1]:g}"'
        f"{width_attribute}/>"
    )


def _node(node: GraphNode, place: tuple[float, float], lines: int) -> str:
    """A linked related paper: dot, short label, and the full title as its tooltip.

    The link is `xlink:href`, not `href`: Material's instant navigation assigns `el.href`
    of every `[href]` element, which throws for SVG links (their `href` is read-only).
    """
    x, y = place
    # Away from the centre: the spoke leaves the dot towards the centre, the label the
    # other way. A dot level with the centre labels above, clear of the centre's label.
    above = y <= _CY
    # The dot after its label, so the label's halo never covers the dot.
    return (
        f'<a class="ps-graph__node" xlink:href="{html_escape(node.href)}">'
        f"<title>{html_escape(node.title)}</title>"
        f"{_label(node.title, x, y, lines, above)}"
        f'<circle cx="{x}" cy="{y}" r="7"/></a>'
    )


def _centre(title: str) -> str:
    """The paper itself: a larger dot with its short title below."""
    return (
        f'<g class="ps-graph__self"><title>{html_escape(title)}</title>'
        f'{_label(title, _CX, _CY + 4, 2, False)}<circle cx="{_CX}" cy="{_CY}" r="10"/></g>'
    )


def _label(title: str, x: float, y: float, lines: int, above: bool) -> str:
    """Short-title lines centred under (or above) a point, as one <text>."""
    texts = short_lines(unicode_scripts(title), LABEL_CHARS, lines)
    first = y - 12 - _LINE * (len(texts) - 1) if above else y + 20
    spans = "".join(
        f'<tspan x="{x:g}" y="{first + _LINE * i:g}">{html_escape(t)}</tspan>'
        for i, t in enumerate(texts)
    )
    return f"<text>{spans}</text>"
