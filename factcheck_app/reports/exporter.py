"""One entry point for every format: read the report, render it, write it safely (CLI and GUI share it)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from factcheck_app.reports.errors import ReportError
from factcheck_app.reports.formats import FORMATS
from factcheck_app.reports.model import Progress, build_report
from factcheck_app.reports.safe_write import check_target, sanitise_filename
from factcheck_app.reports.selection import Selection

EXTENSIONS = {"html": ".html", "pdf": ".pdf", "md": ".md", "csv": ".csv", "json": ".json",
              "claimreview": ".jsonld", "claimreview-html": ".html",
              "sources-csl-json": ".json", "sources-ris": ".ris", "sources-bibtex": ".bib"}
#: A report's cited sources as a bibliography (the app's export dialog offers these beside the reports).
SOURCE_EXPORTS = {"sources-csl-json": "csl-json", "sources-ris": "ris", "sources-bibtex": "bibtex"}


@dataclass
class ExportRequest:
    """What to export, where, and how."""

    fmt: str
    path: Path
    selection: Selection = field(default_factory=Selection)
    force: bool = False
    paper: str = "a4"
    allow_missing_url: bool = False


@dataclass
class ExportResult:
    """The files written and any warnings (recommended ClaimReview properties that are missing)."""

    paths: list[Path]
    warnings: list[str] = field(default_factory=list)
    claims: int = 0


def _stage(progress: Progress | None, offset: int, span: int):
    """Map a sub-task's progress onto part of a 0..100 bar."""
    if progress is None:
        return None
    return lambda done, total: progress(offset + (span * done // total if total else span), 100)


def _check_targets(fmt: str, path: Path, force: bool) -> None:
    from factcheck_app.reports.csv_export import columns_readme_path

    check_target(path, force)
    if fmt == "csv":
        check_target(columns_readme_path(path), force)


def report_sources(db: Database, report: dict) -> list[dict]:
    """Return the source rows cited by the report's claims, by title."""
    from factcheck_app.reports.model import iter_claims
    from factcheck_app.store.sources import sources_cited

    return sources_cited(db, claim_ids=[claim["id"] for _, claim in iter_claims(report)])


def _write_sources(db: Database, report: dict, bib_format: str, path: Path, force: bool) -> Path:
    """Write the sources cited by the report's claims as a bibliography file."""
    from factcheck_app.reports.bibliography_export import export_sources

    return export_sources(report_sources(db, report), bib_format, path, force=force)


def run_export(db: Database, request: ExportRequest, progress: Progress | None = None) -> ExportResult:
    """Export as asked; return what was written. Raises ReportError (nothing is written then).

    ``request.path`` may be a folder: the file is then named after the report's title.

    ``progress(done, 100)`` is called along the way and may raise ExportCancelled to stop.
    """
    from factcheck_app.reports import claimreview, csv_export, html, json_export, markdown

    fmt = request.fmt
    if fmt not in FORMATS and fmt not in SOURCE_EXPORTS:
        raise ReportError(f"Unknown format '{fmt}' (choose one of: {', '.join(FORMATS)}).")
    if fmt == "pdf":
        from factcheck_app.reports.pdf import PAPER_SIZES

        if request.paper not in PAPER_SIZES:
            raise ReportError(f"Unknown paper size '{request.paper}' (choose a4 or letter).")
    into_folder = Path(request.path).is_dir()
    if not into_folder:
        _check_targets(fmt, Path(request.path), request.force)
    report = build_report(db, request.selection, _stage(progress, 0, 30))
    path = Path(request.path)
    if into_folder:
        # A folder as target: the file is named after the report's title, made safe.
        path = path / (sanitise_filename(report["title"]) + EXTENSIONS[fmt])
        _check_targets(fmt, path, request.force)
    warnings: list[str] = []
    if fmt == "html":
        paths = [html.write_html(report, path, force=request.force)]
    elif fmt == "pdf":
        from factcheck_app.reports.pdf import write_pdf

        paths = [write_pdf(report, path, paper=request.paper, force=request.force,
                           progress=_stage(progress, 30, 70))]
    elif fmt == "md":
        paths = [markdown.write_markdown(report, path, force=request.force)]
    elif fmt == "csv":
        paths = csv_export.write_csv(report, path, force=request.force, progress=_stage(progress, 30, 70))
    elif fmt == "json":
        paths = [json_export.write_json(report, path, force=request.force)]
    elif fmt in SOURCE_EXPORTS:
        paths = [_write_sources(db, report, SOURCE_EXPORTS[fmt], path, request.force)]
    else:
        paths = [claimreview.write_claimreview(report, path, html=fmt == "claimreview-html", force=request.force,
                                               allow_missing_url=request.allow_missing_url)]
        warnings = claimreview.warnings(report)
    return ExportResult(paths, warnings, report["summary"]["claims"])
