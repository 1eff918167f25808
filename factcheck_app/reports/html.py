"""The HTML report: one self-contained file (inline styles and chart, no script, no remote resource)."""
from __future__ import annotations

import os
from itertools import islice
from pathlib import Path

from markupsafe import Markup, escape

from factcheck_app.reports.chart import bar_chart_svg
from factcheck_app.reports.colours import readable_text_colour
from factcheck_app.reports.html_fragments import SourceItems, claimant_line, facet_chips
from factcheck_app.reports.model import corrections_log, iter_claims
from factcheck_app.reports.safe_write import write_text
from factcheck_app.reports.templating import html_environment

TEMPLATE = "report.html.j2"
# Template output pieces joined per write: a 10,000-claim report yields about a million small
# strings, and a text-file write per piece costs a good part of the rendering. Much larger joins
# measured slower (the chunk no longer stays in the CPU cache).
CHUNK_PIECES = 512


def badge_styles(report: dict) -> dict[str, Markup]:
    """Return the inline style of a verdict badge for every rating colour in the report."""
    colours = {c["verdict"]["colour"] for _, c in iter_claims(report) if c["verdict"]}
    return {c: Markup(f"background:{escape(c)};color:{readable_text_colour(c)}") for c in colours}


def _context(report: dict) -> dict:
    return {"report": report, "chart": bar_chart_svg(report["summary"]["by_verdict"]),
            "corrections": corrections_log(report), "badge_styles": badge_styles(report),
            "facet_chips": facet_chips, "source_items": SourceItems(), "claimant_line": claimant_line}


def render_html(report: dict, template: str = TEMPLATE) -> str:
    """Return the report as one HTML document (every text from the store escaped)."""
    return html_environment().get_template(template).render(**_context(report))


def write_html(report: dict, path: str | os.PathLike, *, force: bool = False) -> Path:
    """Render the report into ``path`` atomically; return the path."""
    tpl = html_environment().get_template(TEMPLATE)
    # Streamed in chunks: a 10,000-claim report never sits in memory whole.
    pieces = tpl.generate(**_context(report))
    return write_text(path, lambda fh: _write_chunks(fh, pieces), force=force)


def _write_chunks(fh, pieces) -> None:
    while chunk := "".join(islice(pieces, CHUNK_PIECES)):
        fh.write(chunk)


def export(report: dict, path: Path, options, progress=None) -> list[Path]:
    """The registry's renderer for ``html``."""
    return [write_html(report, path, force=options.force)]
