"""The JSON export: the report structure as is, with its "format" and "version" keys (see README)."""
from __future__ import annotations

import json
import os
from pathlib import Path

from factcheck_app.reports.model import REPORT_FORMAT, REPORT_VERSION
from factcheck_app.reports.errors import ReportError
from factcheck_app.reports.safe_write import write_string


def render_json(report: dict) -> str:
    """Return the report as indented UTF-8 JSON (keys in the model's fixed order)."""
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def load_report(text: str) -> dict:
    """Parse a JSON export back into the report structure; raise ReportError if it is not one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportError(f"Not a JSON report: {exc}.") from exc
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT:
        raise ReportError("Not a Factcheck Desk JSON report (its \"format\" key is missing or different).")
    if not isinstance(data.get("version"), int) or data["version"] > REPORT_VERSION:
        raise ReportError(f"This report has version {data.get('version')}; this app reads up to {REPORT_VERSION}.")
    return data


def write_json(report: dict, path: str | os.PathLike, *, force: bool = False) -> Path:
    """Write the JSON export to ``path`` atomically; return the path."""
    return write_string(path, render_json(report), force=force)


def export(report: dict, path: Path, options, progress=None) -> list[Path]:
    """The registry's renderer for ``json``."""
    return [write_json(report, path, force=options.force)]


def preview(report: dict, options):
    """The registry's preview for ``json``: the JSON text."""
    from factcheck_app.reports.formats import Preview

    return Preview("text", render_json(report))
