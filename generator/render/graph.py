"""A paper's local graph: the paper, its related papers and the links among them.

The layout is computed here, at build time: the paper in the centre, related papers on
an ellipse around it, the strongest first at the top and the rest clockwise, papers
linked to each other side by side where they can be (ring_seats); each label wrapped
and cut to two short lines. The page carries only that layout, as JSON on the
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

import itertools
import json
import math
import re
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
# Room under the lowest label's baseline for its descenders and halo: the view box ends
# there, not at HEIGHT (the worst case), so that the caption follows the graph closely.
BELOW_TEXT = 8
# Seatings tried (ring_seats) up to this many related papers: 5! = 120 at most.
SEATED_MAX = 6


@dataclass(frozen=True)
class GraphNode:
    """A related paper: its title and its similarity score (the line's width)."""

    title: str
    score: float


def local_graph(title: str, nodes: Sequence[GraphNode], edges: Iterable[tuple[int, int]]) -> str:
    """The layout of the paper `title` linked to `nodes` (in the order of the page's
    related-papers list), as compact JSON; `edges` join node indices (either way round,
    repeats and self-links ignored). "" without related papers.

    `{"v": [width, height], "s": [x, y, label_y, lines],
    "n": [[x, y, line_width, label_y, lines], ...], "l": [[i, j], ...]}`: label_y is the
    baseline of a label's first line, the next ones LINE_HEIGHT below.
    """
    if not nodes:
        return ""
    lines = 2 if len(nodes) <= _MAX_TWO_LINE else 1
    links = sorted(
        {
            (min(i, j), max(i, j))
            for i, j in edges
            if 0 <= i < len(nodes) and 0 <= j < len(nodes) and i != j
        }
    )
    places = [_place(seat, len(nodes)) for seat in ring_seats(len(nodes), links)]
    related = []
    last_lines = []  # the baseline of each label's last line
    for node, (x, y) in zip(nodes, places, strict=True):
        # Away from the centre: the spoke leaves the dot towards the centre, the label the
        # other way. A dot level with the centre labels above, clear of the centre's label.
        texts = short_lines(unicode_scripts(node.title), LABEL_CHARS, lines)
        width = round(1 + 3 * max(0.0, min(1.0, node.score)), 1)
        label_y = _label_y(y, len(texts), y <= _CY)
        related.append([x, y, width, label_y, texts])
        last_lines.append(label_y + LINE_HEIGHT * (len(texts) - 1))
    own = short_lines(unicode_scripts(title), LABEL_CHARS, 2)
    own_y = _label_y(_CY + CENTRE_GAP, len(own), False)
    last_lines.append(own_y + LINE_HEIGHT * (len(own) - 1))
    layout = {
        "v": [WIDTH, min(HEIGHT, max(last_lines) + BELOW_TEXT)],
        "s": [_CX, _CY, own_y, own],
        "n": related,
        "l": links,
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
    """The title wrapped into at most `lines` lines of `chars`, cut with an ellipsis after
    a whole word. A word longer than a line breaks after one of its hyphens
    ("Normalization-" / "Activation"), else where the line ends."""
    wrapped = _wrapped(title.split(), chars) or [""]
    if len(wrapped) <= lines:
        return wrapped
    kept = wrapped[:lines]
    last = kept[-1]
    if len(last) > chars - 1:  # room for the ellipsis, at a word's end if there is one
        cut = last[: chars - 1]
        last = cut.rsplit(" ", 1)[0] if " " in cut else cut
    kept[-1] = last.rstrip(" ,;:-") + "…"
    return kept


def _wrapped(words: list[str], chars: int) -> list[str]:
    """Words filled into lines of at most `chars` characters."""
    pieces: list[tuple[str, bool]] = []  # (text, starts a word)
    for word in words:
        parts = [word] if len(word) <= chars else re.findall(r"[^-]*-|[^-]+$", word)
        for number, part in enumerate(parts):
            while len(part) > chars:  # no hyphen near enough: cut where the line ends
                pieces.append((part[:chars], number == 0))
                part, number = part[chars:], number + 1
            pieces.append((part, number == 0))
    out: list[str] = []
    for text, word_start in pieces:
        glue = " " if word_start else ""
        if out and len(out[-1]) + len(glue) + len(text) <= chars:
            out[-1] += glue + text
        else:
            out.append(text)
    return out


def ring_seats(count: int, links: Sequence[tuple[int, int]]) -> list[int]:
    """The seat on the ring (0 at the top, then clockwise) of each of `count` related
    papers: in list order, unless papers linked to each other can sit side by side. A
    link between papers apart on the ring crosses the middle of the graph, past the
    centre's dot and title, where it reads as a link to the centre. The strongest stays
    at the top; of the seatings with the fewest seats spanned by links, the one that
    moves papers the fewest seats from their list place (then the first in
    lexicographic order) is kept. Above SEATED_MAX papers, or with no link across the ring, list
    order."""
    order = list(range(count))
    if count > SEATED_MAX or _spanned(order, links, count) == len(links):
        return order
    best, best_key = order, (_spanned(order, links, count), 0)
    for rest in itertools.permutations(range(1, count)):
        seats = [0, *rest]
        moved = sum(abs(seat - paper) for paper, seat in enumerate(seats))
        key = (_spanned(seats, links, count), moved)
        if key < best_key:
            best, best_key = seats, key
    return best


def _spanned(seats: Sequence[int], links: Sequence[tuple[int, int]], count: int) -> int:
    """Seats spanned by the links, going round the short way (1 for side by side)."""
    total = 0
    for i, j in links:
        apart = abs(seats[i] - seats[j])
        total += min(apart, count - apart)
    return total


def _place(index: int, count: int) -> tuple[int, int]:
    """Position of the `index`-th related paper: clockwise from the top."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return round(_CX + _RX * math.cos(angle)), round(_CY + _RY * math.sin(angle))


def _label_y(y: float, lines: int, above: bool) -> int:
    """Baseline of the first line of a `lines`-line label under (or above) a dot at `y`."""
    return round(y - 12 - LINE_HEIGHT * (lines - 1) if above else y + 20)
