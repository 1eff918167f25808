"""The Export dialog: format, which claims, paper size, a live preview, the target file; runs the export
in a worker (its own store connection) with a cancellable progress dialog.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QRadioButton, QSplitter, QTextBrowser,
    QVBoxLayout, QWidget,
)

from factcheck_app.reports.csv_export import HEADER, columns_readme_path, iter_rows
from factcheck_app.reports.errors import ReportError
from factcheck_app.reports.exporter import (
    EXTENSIONS, SOURCE_EXPORTS, ExportRequest, ExportResult, report_sources, run_export,
)
from factcheck_app.reports.safe_write import sanitise_filename
from factcheck_app.reports.selection import Selection
from factcheck_app.store import views
from factcheck_app.store.errors import StoreError
from factcheck_app.store.library import Library, open_library
from factcheck_app.store.scales import list_scales
from factcheck_app.ui import workers
from factcheck_app.ui.dialogs import prompts
from factcheck_app.ui.dialogs.progress import JobProgress
from factcheck_app.ui.plain_text import plain_label

PREVIEW_CLAIMS = 25
FORMAT_CHOICES = (
    ("html", "Web page (HTML)"),
    ("pdf", "PDF document"),
    ("md", "Markdown"),
    ("csv", "Spreadsheet (CSV)"),
    ("json", "JSON data"),
    ("claimreview", "ClaimReview (JSON-LD)"),
    ("claimreview-html", "ClaimReview snippet for a CMS (HTML)"),
    ("sources-csl-json", "Sources cited, for Zotero (CSL-JSON)"),
    ("sources-ris", "Sources cited (RIS)"),
    ("sources-bibtex", "Sources cited (BibTeX)"),
)
STATUS_CHOICES = ((None, "Any status"), ("reviewed", "Reviewed or published"), ("published", "Published only"))
FILTERS = {"html": "Web page (*.html)", "pdf": "PDF (*.pdf)", "md": "Markdown (*.md)", "csv": "CSV (*.csv)",
           "json": "JSON (*.json)", "claimreview": "JSON-LD (*.jsonld *.json)", "claimreview-html": "HTML (*.html)",
           "sources-csl-json": "CSL-JSON (*.json)", "sources-ris": "RIS (*.ris)", "sources-bibtex": "BibTeX (*.bib)"}


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the checker an export failed (tests replace this function)."""
    prompts.message(parent, "error", title, text)


def ask_overwrite(parent: QWidget | None, paths: list[Path]) -> bool:
    """Ask before replacing existing files; return True to overwrite (tests replace this function)."""
    names = "\n".join(str(p) for p in paths)
    answer = prompts.message(parent, "question", "Replace file?", f"This file already exists:\n{names}",
                             buttons=("Replace", "Cancel"), detail="Replacing it cannot be undone.")
    return answer == "Replace"


def choose_target(parent: QWidget | None, suggested: str, name_filter: str) -> str | None:
    """Ask where to save; return the path or None. The dialog asks about overwriting itself, later."""
    path, _ = QFileDialog.getSaveFileName(parent, "Export to", suggested, name_filter,
                                          options=QFileDialog.Option.DontConfirmOverwrite)
    return path or None


@dataclass
class ExportOutcome:
    """What a worker export ended with: the result, or a message for the checker."""

    result: ExportResult | None = None
    error: str | None = None


def export_job(job: workers.Job, store_path: Path, request: ExportRequest) -> ExportOutcome:
    """Run one export in a worker thread with its own read-only connection to the library."""
    def progress(done: int, total: int) -> None:
        job.check_cancelled()
        job.report(done, total, "Writing the report…")

    try:
        with open_library(store_path, create=False, readonly=True) as lib:
            return ExportOutcome(result=run_export(lib.db, request, progress))
    except ReportError as exc:
        return ExportOutcome(error=str(exc))


class ExportDialog(QDialog):
    """Choose what to export and where; preview it; export off the GUI thread."""

    exported = Signal(object)  # ExportResult, after a file was written
    export_failed = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None, article_ids: list[str] | None = None):
        super().__init__(parent)
        self.library = library
        self.article_ids = list(article_ids or [])
        self.job: workers.Job | None = None
        self.setWindowTitle("Export verdict report")
        self.setAccessibleName("Export verdict report")
        self.resize(980, 680)
        self._preview_timer = QTimer(self, singleShot=True, interval=150)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._build()
        self._suggest_target()
        self._formats_changed()

    # --- layout -----------------------------------------------------------
    def _build(self) -> None:
        form = QFormLayout()
        self.format_box = QComboBox()
        for key, label in FORMAT_CHOICES:
            self.format_box.addItem(label, key)
        self._name(self.format_box, "Format", "The kind of file to write")
        form.addRow(self._label("&Format:", self.format_box), self.format_box)

        self.this_article = QRadioButton("This &article")
        self.all_articles = QRadioButton("A&ll articles in the library")
        self._name(self.this_article, "This article only", "Report on the article that is open")
        self._name(self.all_articles, "All articles", "Report on every article in the library")
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.this_article)
        self.scope.addButton(self.all_articles)
        self.this_article.setEnabled(bool(self.article_ids))
        (self.this_article if self.article_ids else self.all_articles).setChecked(True)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.this_article)
        scope_row.addWidget(self.all_articles)
        form.addRow("Claims from:", scope_row)

        self.status_box = QComboBox()
        for key, label in STATUS_CHOICES:
            self.status_box.addItem(label, key)
        self._name(self.status_box, "Verdict status", "Only verdicts at least this far along")
        form.addRow(self._label("&Status:", self.status_box), self.status_box)

        self.verdict_list = QListWidget()
        self.verdict_list.setMaximumHeight(110)
        for label in self._rating_labels():
            item = QListWidgetItem(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.verdict_list.addItem(item)
        self._name(self.verdict_list, "Verdicts to include", "Tick ratings to export only those; none ticked: all")
        form.addRow(self._label("&Verdicts:", self.verdict_list), self.verdict_list)

        self.unchecked_box = QCheckBox("Also list claims not yet checked")
        self._name(self.unchecked_box, "Include claims not yet checked", "")
        form.addRow("", self.unchecked_box)

        self.paper_box = QComboBox()
        self.paper_box.addItem("A4", "a4")
        self.paper_box.addItem("Letter", "letter")
        self._name(self.paper_box, "Paper size", "Paper size of the PDF")
        form.addRow(self._label("&Paper:", self.paper_box), self.paper_box)

        self.allow_missing_url = QCheckBox("Write ClaimReview even for claims without a published URL")
        self._name(self.allow_missing_url, "Allow claims without a fact-check URL", "")
        form.addRow("", self.allow_missing_url)

        self.target_edit = QLineEdit()
        self._name(self.target_edit, "Target file", "Where the export is saved")
        self.choose_button = QPushButton("C&hoose…")
        self._name(self.choose_button, "Choose target file", "Pick the file to save to")
        self.choose_button.clicked.connect(self.choose)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_edit, 1)
        target_row.addWidget(self.choose_button)
        form.addRow(self._label("Save &to:", self.target_edit), target_row)

        options = QWidget()
        options_layout = QVBoxLayout(options)
        options_layout.setContentsMargins(0, 0, 0, 0)
        options_layout.addLayout(form)
        options_layout.addStretch(1)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self._name(self.preview, "Preview", f"The first {PREVIEW_CLAIMS} claims as they will be exported")
        self.preview_note = plain_label()
        self.preview_note.setWordWrap(True)
        self._name(self.preview_note, "Preview note", "")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview_note)
        right_layout.addWidget(self.preview, 1)
        splitter = QSplitter()
        splitter.addWidget(options)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)

        self.status_label = plain_label()
        self.status_label.setWordWrap(True)
        self._name(self.status_label, "Export status", "")
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self._name(self.export_button, "Export", "Write the report to the target file")
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self._name(close, "Close", "Close without exporting")
        self.export_button.clicked.connect(self.start_export)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

        self.format_box.currentIndexChanged.connect(self._formats_changed)
        for signal in (self.status_box.currentIndexChanged, self.paper_box.currentIndexChanged,
                       self.verdict_list.itemChanged, self.unchecked_box.toggled, self.this_article.toggled):
            signal.connect(self._schedule_preview)

    @staticmethod
    def _name(widget: QWidget, name: str, description: str) -> None:
        widget.setAccessibleName(name)
        if description:
            widget.setAccessibleDescription(description)
            widget.setToolTip(description)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _rating_labels(self) -> list[str]:
        labels: dict[str, str] = {}
        for scale in list_scales(self.library.db):
            for step in scale.steps:
                labels.setdefault(step.label.casefold(), step.label)
        return list(labels.values())

    # --- state ------------------------------------------------------------
    @property
    def fmt(self) -> str:
        """The chosen format key (html, pdf, md, csv, json, claimreview, claimreview-html)."""
        return self.format_box.currentData()

    def set_format(self, fmt: str) -> None:
        """Choose a format by key."""
        self.format_box.setCurrentIndex(self.format_box.findData(fmt))

    def selection(self, limit: int | None = None) -> Selection:
        """Return the selection the controls describe."""
        verdicts = [self.verdict_list.item(i).text() for i in range(self.verdict_list.count())
                    if self.verdict_list.item(i).checkState() == Qt.CheckState.Checked]
        return Selection(
            article_ids=self.article_ids if self.this_article.isChecked() else None,
            status=self.status_box.currentData(),
            verdicts=verdicts,
            include_unchecked=self.unchecked_box.isChecked(),
            limit=limit,
        )

    def request(self, force: bool = False) -> ExportRequest:
        """Return the export request for the current choices and target."""
        return ExportRequest(fmt=self.fmt, path=Path(self.target_edit.text().strip()).expanduser(),
                             selection=self.selection(), force=force, paper=self.paper_box.currentData(),
                             allow_missing_url=self.allow_missing_url.isChecked())

    def _suggest_target(self) -> None:
        title = "fact-check-report"
        if self.article_ids:
            title = "fact-check " + (views.article_title(self.library.db, self.article_ids[0]) or "article")
        self._stem = sanitise_filename(title, fallback="fact-check-report")
        self.target_edit.setText(str(Path.home() / (self._stem + EXTENSIONS[self.fmt])))

    @Slot()
    def _formats_changed(self) -> None:
        fmt = self.fmt
        self.paper_box.setEnabled(fmt == "pdf")
        self.allow_missing_url.setEnabled(fmt.startswith("claimreview"))
        current = Path(self.target_edit.text().strip() or self._stem)
        if current.suffix.lower() in {".html", ".pdf", ".md", ".csv", ".json", ".jsonld", ".ris", ".bib"}:
            self.target_edit.setText(str(current.with_suffix(EXTENSIONS[fmt])))
        self._schedule_preview()

    @Slot()
    def _schedule_preview(self, *args) -> None:
        self._preview_timer.start()

    # --- preview ----------------------------------------------------------
    @Slot()
    def refresh_preview(self) -> None:
        """Render the first claims of the selection into the preview (on the GUI thread: it is small)."""
        self._preview_timer.stop()  # this is the preview that was due
        if not self.isVisible() and self.sender() is self._preview_timer:
            return  # a closed dialog's late timer: its library may be closed already
        from factcheck_app.reports import claimreview, json_export, markdown
        from factcheck_app.reports.model import build_report
        from factcheck_app.reports.pdf import pdf_html

        try:
            report = build_report(self.library.db, self.selection(limit=PREVIEW_CLAIMS))
        except (ReportError, StoreError) as exc:
            self.preview.setPlainText(str(exc))
            self.preview_note.setText("Nothing to preview.")
            return
        shown = report["summary"]["claims"]
        self.preview_note.setText(f"Preview of the first {shown} claims." if shown >= PREVIEW_CLAIMS
                                  else f"Preview: {shown} claim{'s' if shown != 1 else ''}.")
        fmt = self.fmt
        try:
            if fmt in ("html", "pdf"):
                # QTextBrowser reads the same HTML subset as the PDF printer, so this is the PDF page.
                self.preview.setHtml(pdf_html(report))
            elif fmt == "md":
                self.preview.setPlainText(markdown.render_markdown(report))
            elif fmt == "csv":
                out = io.StringIO()
                writer = csv.writer(out)
                writer.writerow(HEADER)
                writer.writerows(iter_rows(report))
                self.preview.setPlainText(out.getvalue())
            elif fmt == "json":
                self.preview.setPlainText(json_export.render_json(report))
            elif fmt in SOURCE_EXPORTS:
                from factcheck_app.reports.bibliography_export import SOURCE_FORMATS

                cited = report_sources(self.library.db, report)
                self.preview.setPlainText(SOURCE_FORMATS[SOURCE_EXPORTS[fmt]].render(cited) if cited
                                          else "The claims chosen cite no sources.")
            else:
                problems = claimreview.check(report)
                if problems.blocking(self.allow_missing_url.isChecked()):
                    self.preview_note.setText(problems.message(self.allow_missing_url.isChecked()))
                render = claimreview.render_claimreview_html if fmt == "claimreview-html" \
                    else claimreview.render_claimreview
                self.preview.setPlainText(render(report, allow_missing_url=True))
        except ReportError as exc:
            self.preview.setPlainText(str(exc))

    # --- export -----------------------------------------------------------
    @Slot()
    def choose(self) -> None:
        """Ask for the target file."""
        path = choose_target(self, self.target_edit.text(), FILTERS[self.fmt])
        if path:
            if not Path(path).suffix:
                path += EXTENSIONS[self.fmt]
            self.target_edit.setText(path)

    def _existing_targets(self, path: Path) -> list[Path]:
        targets = [path] + ([columns_readme_path(path)] if self.fmt == "csv" else [])
        return [p for p in targets if p.exists()]

    @Slot()
    def start_export(self) -> None:
        """Check the target, ask before overwriting, then export in a worker with a progress dialog."""
        if self.job is not None and self.job.is_running:
            return
        text = self.target_edit.text().strip()
        if not text:
            show_error(self, "Export", "Choose a file to export to.")
            return
        path = Path(text).expanduser()
        existing = self._existing_targets(path)
        if existing and not ask_overwrite(self, existing):
            self.status_label.setText("Not exported: the existing file was kept.")
            return
        self.export_button.setEnabled(False)
        self.status_label.setText("Exporting…")
        self.job = workers.start(export_job, self.library.path, self.request(force=bool(existing)))
        self.job.signals.finished.connect(self._finished)
        self.job.signals.failed.connect(self._failed)
        self.job.signals.cancelled.connect(self._cancelled)
        self.progress = JobProgress(self.job, self, "Exporting", f"Writing {path.name}…")

    def cancel_export(self) -> None:
        """Ask a running export to stop (the partial file is removed)."""
        if self.job is not None:
            self.job.cancel()

    @Slot(object)
    def _finished(self, outcome: ExportOutcome) -> None:
        self.export_button.setEnabled(True)
        if outcome.error:
            self._failed(outcome.error)
            return
        result = outcome.result
        names = ", ".join(str(p) for p in result.paths)
        note = f"Exported {result.claims} claim{'s' if result.claims != 1 else ''} to {names}."
        if result.warnings:
            note += " Missing (recommended): " + "; ".join(result.warnings) + "."
        self.status_label.setText(note)
        self.exported.emit(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.status_label.setText("Not exported.")
        self.export_failed.emit(message)
        show_error(self, "Export failed", message)

    @Slot()
    def _cancelled(self) -> None:
        self.export_button.setEnabled(True)
        self.status_label.setText("Export cancelled; no file was written.")

    def done(self, result: int) -> None:  # noqa: D102 - closing waits for a running export to stop
        # A preview still due would read a library the window may close next.
        self._preview_timer.stop()
        if self.job is not None and self.job.is_running:
            self.job.cancel()
            self.job.wait(10_000)
        super().done(result)
