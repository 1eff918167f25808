"""The Markdown report: readable as plain text and rendered on a code host; every stored text escaped."""
from __future__ import annotations

import os
from pathlib import Path

from markupsafe import Markup

from factcheck_app.reports.model import corrections_log
from factcheck_app.reports.safe_write import write_text
from factcheck_app.reports.templating import markdown_environment

TEMPLATE = "report.md.j2"
BAR_WIDTH = 20


def _bar_maker(report: dict):
    most = max((r["count"] for r in report["summary"]["by_verdict"]), default=0) or 1

    def bar(count: int) -> Markup:
        return Markup("█" * max(1, round(BAR_WIDTH * count / most)))

    return bar


def _context(report: dict) -> dict:
    return {"report": report, "corrections": corrections_log(report), "bar": _bar_maker(report)}


def render_markdown(report: dict) -> str:
    """Return the report as Markdown text."""
    return markdown_environment().get_template(TEMPLATE).render(**_context(report))


def write_markdown(report: dict, path: str | os.PathLike, *, force: bool = False) -> Path:
    """Write the Markdown report to ``path`` atomically; return the path."""
    tpl = markdown_environment().get_template(TEMPLATE)
    return write_text(path, lambda fh: fh.writelines(tpl.generate(**_context(report))), force=force)


def export(report: dict, path: Path, options, progress=None) -> list[Path]:
    """The registry's renderer for ``md``."""
    return [write_markdown(report, path, force=options.force)]


def preview(report: dict, options):
    """The registry's preview for ``md``: the Markdown text."""
    from factcheck_app.reports.formats import Preview

    return Preview("text", render_markdown(report))
