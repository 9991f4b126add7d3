"""A paper's local graph: the paper, its related papers and the links among them.

The layout is computed here, at build time: the paper in the centre, related papers on
an ellipse around it, the strongest first at the top and the rest clockwise; each label
wrapped and cut to two short lines. The page carries only that layout, as JSON on the
graph's figure (`data-graph`, about 0.4 KB); graph.js draws the SVG from it and from the
page's own related-papers list (the links and full titles), so that no paper page repeats
the titles and addresses of its list a second time as markup (2.9 KB of every page
before; 145 MB of a 50,000-paper site). Without JavaScript the figure stays hidden and the
list above it says the same.

Labels sit on the outer side of their dot (above the upper half's dots, below the lower
half's), so the line from the centre never runs through them; graph.js draws every line
before every label, and labels carry a halo of the page's background (CSS
`paint-order`), so a line that does pass a label goes under it.
"""

from __future__ import annotations

import json
import math
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from generator.render.rich_text import unicode_scripts

WIDTH = 480
HEIGHT = 310
_CX, _CY = WIDTH // 2, 150
_RX, _RY = 160, 100  # the ellipse related papers sit on
LABEL_CHARS = 22  # characters per label line
LINE_HEIGHT = 16  # label line height (graph.js draws with the same)
_MAX_TWO_LINE = 6  # with more related papers than this, labels get one line
CENTRE_GAP = 8  # more room under the centre's larger dot before its label (4 touched it)


@dataclass(frozen=True)
class GraphNode:
    """A related paper: its title and its similarity score (the line's width)."""

    title: str
    score: float


def local_graph(title: str, nodes: Sequence[GraphNode], edges: Iterable[tuple[int, int]]) -> str:
    """The layout of the paper `title` linked to `nodes` (in the order of the page's
    related-papers list), as compact JSON; `edges` join node indices (either way round,
    repeats and self-links ignored). "" without related papers.

    `{"v": [width, height], "t": title, "s": [x, y, label_y, lines],
    "n": [[x, y, line_width, label_y, lines], ...], "l": [[i, j], ...]}`: label_y is the
    baseline of a label's first line, the next ones LINE_HEIGHT below.
    """
    if not nodes:
        return ""
    lines = 2 if len(nodes) <= _MAX_TWO_LINE else 1
    places = [_place(i, len(nodes)) for i in range(len(nodes))]
    related = []
    for node, (x, y) in zip(nodes, places, strict=True):
        # Away from the centre: the spoke leaves the dot towards the centre, the label the
        # other way. A dot level with the centre labels above, clear of the centre's label.
        texts = short_lines(unicode_scripts(node.title), LABEL_CHARS, lines)
        width = round(1 + 3 * max(0.0, min(1.0, node.score)), 1)
        related.append([x, y, width, _label_y(y, len(texts), y <= _CY), texts])
    own = short_lines(unicode_scripts(title), LABEL_CHARS, 2)
    layout = {
        "v": [WIDTH, HEIGHT],
        "t": title,
        "s": [_CX, _CY, _label_y(_CY + CENTRE_GAP, len(own), False), own],
        "n": related,
        "l": sorted(
            {
                (min(i, j), max(i, j))
                for i, j in edges
                if 0 <= i < len(nodes) and 0 <= j < len(nodes) and i != j
            }
        ),
    }
    return json.dumps(layout, ensure_ascii=False, separators=(",", ":"))


def graph_attribute(layout: str) -> Markup:
    """`data-graph='…'` holding `layout` (none for ""): single-quoted, so that the JSON's
    many double quotes stay one byte each; `&`, `'`, `<` and `>` are escaped."""
    if not layout:
        return Markup("")
    quoted = layout.replace("&", "&amp;").replace("'", "&#39;")
    return Markup(f"data-graph='{quoted.replace('<', '&lt;').replace('>', '&gt;')}'")


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


def _label_y(y: float, lines: int, above: bool) -> int:
    """Baseline of the first line of a `lines`-line label under (or above) a dot at `y`."""
    return round(y - 12 - LINE_HEIGHT * (lines - 1) if above else y + 20)
