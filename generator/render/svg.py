"""Small inline SVG charts generated at build time (readable with JavaScript off)."""

from __future__ import annotations

from collections import Counter

from markupsafe import Markup

from generator.render.text import html_escape

_BAR_WIDTH = 28
_GAP = 6
_HEIGHT = 90
_LABEL_SPACE = 34


def year_chart(years: list[int], label: str) -> Markup:
    """A bar chart of papers per year, every year in the range shown (zeros included)."""
    if not years:
        return Markup("")
    counts = Counter(years)
    span = list(range(min(counts), max(counts) + 1))
    peak = max(counts.values())
    width = len(span) * (_BAR_WIDTH + _GAP) + _GAP
    bars = []
    for index, year in enumerate(span):
        count = counts.get(year, 0)
        bar_height = round(_HEIGHT * count / peak) if count else 0
        x = _GAP + index * (_BAR_WIDTH + _GAP)
        y = _HEIGHT - bar_height + 14
        tip = f"{year}: {count} paper{'s' if count != 1 else ''}"
        bars.append(
            f"<g><title>{tip}</title>"
            f'<rect x="{x}" y="{y}" width="{_BAR_WIDTH}" height="{bar_height}" rx="2"/>'
            f'<text class="ps-chart-count" x="{x + _BAR_WIDTH / 2}" y="{y - 3}">'
            f"{count or ''}</text>"
            f'<text class="ps-chart-year" x="{x + _BAR_WIDTH / 2}" y="{_HEIGHT + 30}">'
            f"{str(year)[2:] if len(span) > 12 else year}</text></g>"
        )
    title = html_escape(label)
    total_height = _HEIGHT + _LABEL_SPACE
    return Markup(
        f'<svg class="ps-chart" role="img" viewBox="0 0 {width} {total_height}" '
        f'width="{width}" height="{total_height}" aria-label="{title}">'
        f"<title>{title}</title>{''.join(bars)}</svg>"
    )
