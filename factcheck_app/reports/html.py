"""The HTML report: one self-contained file (inline styles and chart, no script, no remote resource)."""
from __future__ import annotations

import os
from pathlib import Path

from factcheck_app.reports.chart import bar_chart_svg
from factcheck_app.reports.model import corrections_log
from factcheck_app.reports.safe_write import write_text
from factcheck_app.reports.templating import html_environment

TEMPLATE = "report.html.j2"


def render_html(report: dict, template: str = TEMPLATE) -> str:
    """Return the report as one HTML document (every text from the store escaped)."""
    tpl = html_environment().get_template(template)
    return tpl.render(report=report, chart=bar_chart_svg(report["summary"]["by_verdict"]),
                      corrections=corrections_log(report))


def write_html(report: dict, path: str | os.PathLike, *, force: bool = False) -> Path:
    """Render the report into ``path`` atomically; return the path."""
    tpl = html_environment().get_template(TEMPLATE)
    context = {"report": report, "chart": bar_chart_svg(report["summary"]["by_verdict"]),
               "corrections": corrections_log(report)}
    # Streamed: a 10,000-claim report never sits in memory twice.
    return write_text(path, lambda fh: fh.writelines(tpl.generate(**context)), force=force)
