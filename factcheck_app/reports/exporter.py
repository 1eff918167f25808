"""One entry point for every format: read the report, render it, write it safely (CLI and GUI share it).

Formats come from the registry in ``reports.formats``; this module knows none by name.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlite_utils import Database

from factcheck_app.reports.errors import ReportError
from factcheck_app.reports.formats import ExportFormat, ExportOptions, Preview, format_ids, get_format
from factcheck_app.reports.model import Progress, build_report
from factcheck_app.reports.safe_write import check_target, sanitise_filename
from factcheck_app.reports.selection import Selection

#: Publication formats take verdicts at least this far along unless drafts are asked for.
PUBLICATION_STATUS = "reviewed"


@dataclass
class ExportRequest:
    """What to export, where, and how."""

    fmt: str
    path: Path
    selection: Selection = field(default_factory=Selection)
    force: bool = False
    paper: str = "a4"
    #: Write even where items are missing (the checker chose to go ahead).
    allow_incomplete: bool = False
    #: Publication formats (ClaimReview): include draft verdicts too, marked as drafts.
    include_drafts: bool = False

    def options(self) -> ExportOptions:
        """Return the options the renderer reads."""
        return ExportOptions(paper=self.paper, allow_incomplete=self.allow_incomplete,
                             include_drafts=self.include_drafts, force=self.force)


@dataclass
class ExportResult:
    """The files written, warnings (items missing when the checker went ahead) and the claims exported."""

    paths: list[Path]
    warnings: list[str] = field(default_factory=list)
    claims: int = 0


def export_format(format_id: str) -> ExportFormat:
    """Return the registered format; raise ReportError naming the choices for an unknown one."""
    try:
        return get_format(format_id)
    except KeyError:
        raise ReportError(f"Unknown format '{format_id}' (choose one of: {', '.join(format_ids())}).") from None


def effective_selection(fmt: ExportFormat, selection: Selection, include_drafts: bool = False) -> Selection:
    """Return the selection a format reads: publication formats skip drafts unless asked; the corrections
    log reads every claim whose verdict was ever published (withdrawn ones included)."""
    if fmt.history:
        return replace(selection, include_unchecked=True, status=None, verdicts=[])
    if fmt.publication and not include_drafts and selection.status is None:
        return replace(selection, status=PUBLICATION_STATUS)
    return selection


def _stage(progress: Progress | None, offset: int, span: int):
    """Map a sub-task's progress onto part of a 0..100 bar."""
    if progress is None:
        return None
    return lambda done, total: progress(offset + (span * done // total if total else span), 100)


def _check_targets(fmt: ExportFormat, path: Path, force: bool) -> None:
    for target in [path, *fmt.companion_paths(path)]:
        check_target(target, force)


def _check_paper(fmt: ExportFormat, paper: str) -> None:
    if fmt.uses_paper and paper not in ("a4", "letter"):
        raise ReportError(f"Unknown paper size '{paper}' (choose a4 or letter).")


def read_report(db: Database, request: ExportRequest, progress: Progress | None = None) -> dict:
    """Return the report the request would export (its format's selection rules applied)."""
    fmt = export_format(request.fmt)
    return build_report(db, effective_selection(fmt, request.selection, request.include_drafts), progress)


def report_sources(db: Database, report: dict) -> list[dict]:
    """Return the source rows cited by the report's claims, by title."""
    from factcheck_app.reports.model import iter_claims
    from factcheck_app.store.sources import sources_cited

    return sources_cited(db, claim_ids=[claim["id"] for _, claim in iter_claims(report)])


def _with_cited_sources(db: Database, fmt: ExportFormat, report: dict) -> dict:
    """Return the report with its cited sources' full rows, for the formats that write a bibliography."""
    return {**report, "cited_sources": report_sources(db, report)} if fmt.cites_sources else report


def run_export(db: Database, request: ExportRequest, progress: Progress | None = None) -> ExportResult:
    """Export as asked; return what was written. Raises ReportError (nothing is written then).

    ``request.path`` may be a folder: the file is then named after the report's title.

    ``progress(done, 100)`` is called along the way and may raise ExportCancelled to stop.
    """
    fmt = export_format(request.fmt)
    _check_paper(fmt, request.paper)
    into_folder = Path(request.path).is_dir()
    if not into_folder:
        _check_targets(fmt, Path(request.path), request.force)
    report = read_report(db, request, _stage(progress, 0, 30))
    path = Path(request.path)
    if into_folder:
        # A folder as target: the file is named after the report's title, made safe.
        path = path / (sanitise_filename(report["title"]) + fmt.extension)
        _check_targets(fmt, path, request.force)
    paths = fmt.render(_with_cited_sources(db, fmt, report), path, request.options(), _stage(progress, 30, 70))
    warnings = []
    if fmt.publication:
        from factcheck_app.reports.claimreview import missing_items

        warnings = [item.message for item in missing_items(report)]
    return ExportResult(paths, warnings, report["summary"]["claims"])


def preview_export(db: Database, request: ExportRequest, limit: int) -> tuple[dict, Preview]:
    """Return the report of the first ``limit`` claims the request would export, and its preview."""
    fmt = export_format(request.fmt)
    selection = replace(request.selection, limit=limit)
    report = _with_cited_sources(db, fmt, build_report(db, effective_selection(fmt, selection, request.include_drafts)))
    return report, fmt.make_preview(report, request.options())
