"""The summary bar chart as inline SVG: one bar per verdict, in the rating's colour, with its count.

No script and no external resource: the SVG is text inside the HTML report.
"""
from __future__ import annotations

from markupsafe import Markup, escape

ROW_HEIGHT = 30
BAR_HEIGHT = 20
LABEL_WIDTH = 150
BAR_WIDTH = 320
COUNT_WIDTH = 44
FONT = "Helvetica Neue, Helvetica, Arial, sans-serif"


def bar_chart_svg(by_verdict: list[dict], title: str = "Claims by verdict", chart_id: str = "chart") -> Markup:
    """Return an accessible SVG bar chart of ``[{'rating', 'colour', 'count'}]`` (escaped, safe to inline).

    ``chart_id`` names the chart's title element: give each chart on one page its own.
    """
    most = max((row["count"] for row in by_verdict), default=0) or 1
    width = LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH
    height = max(1, len(by_verdict)) * ROW_HEIGHT + 4
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" preserveAspectRatio="xMinYMin meet" aria-labelledby="{escape(chart_id)}-title" font-family="{FONT}">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
    ]
    for i, row in enumerate(by_verdict):
        y = i * ROW_HEIGHT + 4
        bar = max(2, round(BAR_WIDTH * row["count"] / most))
        label = escape(row["rating"])
        colour = escape(row["colour"])
        parts.append(
            f'<g><title>{label}: {int(row["count"])}</title>'
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT - 5}" text-anchor="end" '
            f'font-size="15" fill="#333">{label}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{bar}" height="{BAR_HEIGHT}" rx="3" fill="{colour}"/>'
            f'<text x="{LABEL_WIDTH + bar + 6}" y="{y + BAR_HEIGHT - 5}" font-size="15" font-weight="bold" '
            f'fill="#333">{int(row["count"])}</text></g>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
