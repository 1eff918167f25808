"""The statistics export: how many checks, when, of whose claims, with which ratings, and how fast.

Checks per ISO week and per month, by claimant, by rating and by scale, each with how many
were published and the median days from the article's import to publication; as CSV, and
as a small HTML page with plain SVG bar charts. A check is dated by its publication, or
while unpublished by its verdict's last change. Networks (IFCN, EFCSN) ask signatories
these questions about volume and nonpartisanship.
"""
from __future__ import annotations

import csv
import io
import statistics as stats
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from factcheck_app.reports.chart import bar_chart_svg
from factcheck_app.reports.csv_export import neutralise
from factcheck_app.reports.formats import Preview
from factcheck_app.reports.model import iter_claims
from factcheck_app.reports.safe_write import write_string
from factcheck_app.reports.templating import html_environment

TEMPLATE = "statistics.html.j2"
CSV_COLUMNS = ("section", "item", "checks", "published", "median_days_to_publication")
#: (key, heading) of each section, in the order the exports show them.
SECTIONS = (
    ("all", "All checks"),
    ("week", "Checks per week"),
    ("month", "Checks per month"),
    ("claimant", "Checks by claimant"),
    ("rating", "Checks by rating"),
    ("scale", "Checks by scale"),
)
BAR_COLOUR = "#3b6ea5"
CHART_LABEL_CHARS = 22
UNKNOWN_CLAIMANT = "Claimant not known"


def shorten(text: str, width: int) -> str:
    """Return ``text`` cut to ``width`` characters at a word, with an ellipsis when cut."""
    if len(text) <= width:
        return text
    head = text[: width - 1].rsplit(" ", 1)[0] if " " in text[: width - 1] else text[: width - 1]
    return head.rstrip(" ,;:") + "…"


def _moment(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def _days(article: dict, verdict: dict) -> float | None:
    imported, published = _moment(article.get("imported_at")), _moment(verdict.get("published_at"))
    if imported is None or published is None:
        return None
    return max(0.0, (published - imported).total_seconds() / 86400)


def _row(item: str, entries: list[tuple[bool, float | None]], colour: str = BAR_COLOUR) -> dict:
    days = [d for published, d in entries if published and d is not None]
    return {
        "item": item,
        "checks": len(entries),
        "published": sum(1 for published, _ in entries if published),
        "median_days": round(stats.median(days), 1) if days else None,
        "colour": colour,
    }


def compute(report: dict) -> dict:
    """Return ``{section: [row, ...]}`` for every section (rows: item, checks, published, median_days, colour)."""
    groups: dict[str, dict[str, list]] = {key: defaultdict(list) for key, _ in SECTIONS}
    colours: dict[str, str] = {}
    rank: dict[str, tuple] = {}
    for article, claim in iter_claims(report):
        v = claim["verdict"]
        if v is None:
            continue
        published = bool(v.get("published_at"))  # once published, it counts (a later correction too)
        entry = (published, _days(article, v))
        when = _moment(v.get("published_at") if published else v.get("updated_at"))
        groups["all"]["All checks"].append(entry)
        if when is not None:
            year, week, _ = when.isocalendar()
            groups["week"][f"{year}-W{week:02d}"].append(entry)
            groups["month"][f"{when:%Y-%m}"].append(entry)
        groups["claimant"][claim["publishing"]["claimant"] or UNKNOWN_CLAIMANT].append(entry)
        groups["rating"][v["rating"]].append(entry)
        colours[v["rating"]] = v["colour"]
        if v["value"] is not None and v["best"] is not None:
            rank.setdefault(v["rating"], (0, -(v["value"] - v["worst"]) / ((v["best"] - v["worst"]) or 1)))
        else:
            rank.setdefault(v["rating"], (1, 0))
        groups["scale"][v["scale_title"]].append(entry)
    out = {}
    for key, _ in SECTIONS:
        items = groups[key]
        if key in ("week", "month"):
            order = sorted(items)
        elif key == "rating":
            order = sorted(items, key=lambda r: (rank[r], r.casefold()))
        else:
            order = sorted(items, key=lambda name: (-len(items[name]), name.casefold()))
        out[key] = [_row(name, items[name], colours.get(name, BAR_COLOUR) if key == "rating" else BAR_COLOUR)
                    for name in order]
    return out


def render_csv(report: dict) -> str:
    """Return the statistics as CSV: section, item, checks, published, median days to publication."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for key, rows in compute(report).items():
        for row in rows:
            writer.writerow([key, neutralise(row["item"]), row["checks"], row["published"],
                             "" if row["median_days"] is None else row["median_days"]])
    return out.getvalue()


def render_html(report: dict) -> str:
    """Return the statistics as one self-contained HTML page with an SVG bar chart per section."""
    data = compute(report)
    sections = []
    for key, heading in SECTIONS:
        rows = data[key]
        chart = None
        if key != "all" and rows:
            # Chart labels are cut to fit beside the bars; the table below gives every name in full.
            bars = [{"rating": shorten(r["item"], CHART_LABEL_CHARS), "colour": r["colour"], "count": r["checks"]}
                    for r in rows]
            chart = bar_chart_svg(bars, title=heading, chart_id=f"chart-{key}")
        sections.append({"key": key, "heading": heading, "rows": rows, "chart": chart})
    return html_environment().get_template(TEMPLATE).render(report=report, sections=sections,
                                                            total=data["all"][0] if data["all"] else None)


def export_csv(report: dict, path: Path, options, progress=None) -> list[Path]:
    """The registry's renderer for ``statistics-csv`` (UTF-8 with BOM)."""
    return [write_string(path, render_csv(report), force=options.force, encoding="utf-8-sig")]


def export_html(report: dict, path: Path, options, progress=None) -> list[Path]:
    """The registry's renderer for ``statistics-html``."""
    return [write_string(path, render_html(report), force=options.force)]


def preview_csv(report: dict, options) -> Preview:
    """The registry's preview for ``statistics-csv``."""
    return Preview("text", render_csv(report))


def preview_html(report: dict, options) -> Preview:
    """The registry's preview for ``statistics-html``."""
    return Preview("html", render_html(report))
