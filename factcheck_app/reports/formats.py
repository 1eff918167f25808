"""The export-format registry: each format's id, label, extension, file filter, renderer and preview.

The exporter, the export dialog and the command line read this registry and nothing else,
so a new format is one module (its renderer and preview) plus one ``register`` call or one
entry in ``BUILTIN_FORMATS``. Renderers are named as ``"module:function"`` and imported
only when used: listing the formats (``factcheck --help``) loads no renderer.

A renderer is called as ``render(report, path, options, progress)`` and returns the paths it
wrote; a preview as ``preview(report, options)`` and returns a ``Preview``.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ExportOptions:
    """Choices that some formats read: paper size, and for ClaimReview drafts and going ahead incomplete."""

    paper: str = "a4"
    #: Write even where items are missing (the checker chose to go ahead).
    allow_incomplete: bool = False
    #: Publication formats: include draft verdicts too (each marked as a draft).
    include_drafts: bool = False
    force: bool = False


@dataclass(frozen=True)
class Preview:
    """What the export dialog shows for a format: HTML (the QTextBrowser subset) or plain text."""

    kind: str  # "html" or "text"
    text: str
    note: str = ""


@dataclass(frozen=True)
class ExportFormat:
    """One export format as the exporter, the dialog and the command line see it."""

    id: str
    label: str
    extension: str
    file_filter: str
    renderer: str | Callable[..., list[Path]]
    preview: str | Callable[..., Preview]
    #: One line for `factcheck export --help`.
    help: str = ""
    #: Other files the renderer writes beside PATH (checked for overwriting too): "module:function" of path.
    companions: str | Callable[[Path], list[Path]] | None = None
    uses_paper: bool = False
    #: For publication (ClaimReview): reviewed or published verdicts only unless drafts are asked for,
    #: and nothing written while items are missing unless the checker goes ahead.
    publication: bool = False
    #: Reads the whole verdict history (corrections log): claims whose verdict was withdrawn count too.
    history: bool = False
    #: Writes the report's cited sources as a bibliography: the exporter adds their full rows as
    #: ``report["cited_sources"]``.
    cites_sources: bool = False

    def render(self, report: dict, path: Path, options: ExportOptions, progress=None) -> list[Path]:
        """Write the report in this format; return the paths written."""
        return _load(self.renderer)(report, path, options, progress)

    def make_preview(self, report: dict, options: ExportOptions) -> Preview:
        """Return the dialog's preview of the report in this format."""
        return _load(self.preview)(report, options)

    def companion_paths(self, path: Path) -> list[Path]:
        """Return the other files an export to ``path`` writes."""
        return list(_load(self.companions)(path)) if self.companions else []


def _load(ref: str | Callable[..., Any]) -> Callable[..., Any]:
    if callable(ref):
        return ref
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


_R = "factcheck_app.reports."
BUILTIN_FORMATS = (
    ExportFormat("html", "Web page (HTML)", ".html", "Web page (*.html)", _R + "html:export", _R + "pdf:preview",
                 help="one self-contained page"),
    ExportFormat("pdf", "PDF document", ".pdf", "PDF (*.pdf)", _R + "pdf:export", _R + "pdf:preview",
                 help="printable report", uses_paper=True),
    ExportFormat("md", "Markdown", ".md", "Markdown (*.md)", _R + "markdown:export", _R + "markdown:preview",
                 help="Markdown"),
    ExportFormat("csv", "Spreadsheet (CSV)", ".csv", "CSV (*.csv)", _R + "csv_export:export",
                 _R + "csv_export:preview", help="one row per claim and source (+ a .columns.md README)",
                 companions=_R + "csv_export:companions"),
    ExportFormat("json", "JSON data", ".json", "JSON (*.json)", _R + "json_export:export",
                 _R + "json_export:preview", help="the full report data"),
    ExportFormat("claimreview", "ClaimReview (JSON-LD)", ".jsonld", "JSON-LD (*.jsonld *.json)",
                 _R + "claimreview:export", _R + "claimreview:preview", help="schema.org ClaimReview JSON-LD",
                 publication=True),
    ExportFormat("claimreview-html", "ClaimReview snippet for a CMS (HTML)", ".html", "HTML (*.html)",
                 _R + "claimreview:export_html", _R + "claimreview:preview_html",
                 help="the same as <script> blocks to paste into a CMS", publication=True),
    ExportFormat("corrections-html", "Corrections log (HTML)", ".html", "Web page (*.html)",
                 _R + "corrections_log:export_html", _R + "corrections_log:preview_html",
                 help="every change to a published verdict, as a page to publish", history=True),
    ExportFormat("corrections-md", "Corrections log (Markdown)", ".md", "Markdown (*.md)",
                 _R + "corrections_log:export_markdown", _R + "corrections_log:preview_markdown",
                 help="the corrections log as Markdown", history=True),
    ExportFormat("corrections-csv", "Corrections log (CSV)", ".csv", "CSV (*.csv)",
                 _R + "corrections_log:export_csv", _R + "corrections_log:preview_csv",
                 help="the corrections log, one row per change", history=True),
    ExportFormat("statistics-csv", "Statistics (CSV)", ".csv", "CSV (*.csv)", _R + "statistics:export_csv",
                 _R + "statistics:preview_csv",
                 help="checks per week and month, by claimant, rating and scale; days to publication"),
    ExportFormat("statistics-html", "Statistics page (HTML)", ".html", "Web page (*.html)",
                 _R + "statistics:export_html", _R + "statistics:preview_html",
                 help="the statistics as a small page with charts"),
    ExportFormat("sources-csl-json", "Sources cited, for Zotero (CSL-JSON)", ".json", "CSL-JSON (*.json)",
                 _R + "bibliography_export:export_csl_json", _R + "bibliography_export:preview_csl_json",
                 help="the sources the claims cite, as CSL-JSON", cites_sources=True),
    ExportFormat("sources-ris", "Sources cited (RIS)", ".ris", "RIS (*.ris)", _R + "bibliography_export:export_ris",
                 _R + "bibliography_export:preview_ris", help="the sources the claims cite, as RIS",
                 cites_sources=True),
    ExportFormat("sources-bibtex", "Sources cited (BibTeX)", ".bib", "BibTeX (*.bib)",
                 _R + "bibliography_export:export_bibtex", _R + "bibliography_export:preview_bibtex",
                 help="the sources the claims cite, as BibTeX", cites_sources=True),
)

_REGISTRY: dict[str, ExportFormat] = {}


def register(fmt: ExportFormat) -> ExportFormat:
    """Add a format (replacing one with the same id); return it."""
    _REGISTRY[fmt.id] = fmt
    return fmt


def unregister(format_id: str) -> None:
    """Remove a format (tests that register a toy one clean up with this)."""
    _REGISTRY.pop(format_id, None)


def all_formats() -> list[ExportFormat]:
    """Return every registered format, in registration order."""
    return list(_REGISTRY.values())


def format_ids() -> list[str]:
    """Return the ids of every registered format (the command line's choices)."""
    return list(_REGISTRY)


def get_format(format_id: str) -> ExportFormat:
    """Return the format with this id; raise KeyError when there is none."""
    return _REGISTRY[format_id]


for _fmt in BUILTIN_FORMATS:
    register(_fmt)
