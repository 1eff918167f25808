"""The corrections log export: every change to a published verdict (date, who, from, to, why).

Written as a page the desk can publish as its corrections page (HTML), as Markdown, and as
CSV, oldest change first. The IFCN Code of Principles and the EFCSN standards ask
signatories to publish their corrections this way.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from factcheck_app.reports.csv_export import neutralise
from factcheck_app.reports.formats import Preview
from factcheck_app.reports.model import corrections_log
from factcheck_app.reports.safe_write import write_string
from factcheck_app.reports.templating import correction_change, html_environment, markdown_environment

HTML_TEMPLATE = "corrections.html.j2"
MARKDOWN_TEMPLATE = "corrections.md.j2"
CSV_COLUMNS = ("date", "claim_id", "claim", "article", "change", "from", "to", "from_status", "to_status", "by", "why")


def log_entries(report: dict) -> list[dict]:
    """Return the corrections, oldest first, each with its claim, article and what it changed."""
    return corrections_log(report)


def _context(report: dict) -> dict:
    return {"report": report, "entries": log_entries(report)}


def render_html(report: dict) -> str:
    """Return the corrections log as one self-contained HTML page."""
    return html_environment().get_template(HTML_TEMPLATE).render(**_context(report))


def render_markdown(report: dict) -> str:
    """Return the corrections log as Markdown."""
    return markdown_environment().get_template(MARKDOWN_TEMPLATE).render(**_context(report))


def render_csv(report: dict) -> str:
    """Return the corrections log as CSV text, one row per change (cells a spreadsheet would run neutralised)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in log_entries(report):
        writer.writerow([neutralise(v) for v in (e["date"], e["claim_id"], e["claim_text"], e["article_title"],
                                                 correction_change(e), e["from"], e["to"], e["from_status"],
                                                 e["to_status"], e["by"], e["why"])])
    return out.getvalue()


def export_html(report: dict, path: Path, options, progress=None) -> list[Path]:
    """The registry's renderer for ``corrections-html``."""
    return [write_string(path, render_html(report), force=options.force)]


def export_markdown(report: dict, path: Path, options, progress=None) -> list[Path]:
    """The registry's renderer for ``corrections-md``."""
    return [write_string(path, render_markdown(report), force=options.force)]


def export_csv(report: dict, path: Path, options, progress=None) -> list[Path]:
    """The registry's renderer for ``corrections-csv`` (UTF-8 with BOM, as the report CSV)."""
    return [write_string(path, render_csv(report), force=options.force, encoding="utf-8-sig")]


def preview_html(report: dict, options) -> Preview:
    """The registry's preview for ``corrections-html``."""
    return Preview("html", render_html(report))


def preview_markdown(report: dict, options) -> Preview:
    """The registry's preview for ``corrections-md``."""
    return Preview("text", render_markdown(report))


def preview_csv(report: dict, options) -> Preview:
    """The registry's preview for ``corrections-csv``."""
    return Preview("text", render_csv(report))
