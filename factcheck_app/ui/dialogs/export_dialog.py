"""The Export dialog: format, which claims, paper size, a live preview, the target file; runs the export
in a worker (its own store connection) with a cancellable progress dialog.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QRadioButton, QSplitter, QTextBrowser,
    QVBoxLayout, QWidget,
)

from factcheck_app.reports.errors import ReportError
from factcheck_app.ops.settings import set_setting
from factcheck_app.ops.publishing import PublishingEdit, edit_publishing
from factcheck_app.reports.claimreview import missing_items
from factcheck_app.reports.exporter import (
    ExportRequest,
    ExportResult,
    export_format,
    preview_export,
    read_report,
    run_export,
)
from factcheck_app.reports.formats import all_formats
from factcheck_app.reports.safe_write import sanitise_filename
from factcheck_app.reports.selection import Selection
from factcheck_app.store import views
from factcheck_app.store.errors import StoreError
from factcheck_app.store.library import Library, open_library
from factcheck_app.store.scales import list_scales
from factcheck_app.ui import workers
from factcheck_app.ui.dialogs import prompts
from factcheck_app.ui.dialogs.missing_items import MissingItemsForm
from factcheck_app.ui.dialogs.progress import JobProgress
from factcheck_app.ui.form_fields import buddy_label, name_field
from factcheck_app.ui.plain_text import plain_label

PREVIEW_CLAIMS = 25
STATUS_CHOICES = ((None, "Any status"), ("reviewed", "Reviewed or published"), ("published", "Published only"))


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


def missing_item_operation(item, text: str, claimant_kind: str = "Person") -> tuple:
    """Return (operation, arguments) that save the value typed for a missing item.

    The organisation's items are settings (the item's field is the setting's name); a claim's
    are its publishing details.
    """
    if item.claim_id is None:
        return set_setting, (item.field, text)
    value: object = [text] if item.field == "appearances" else text
    edit = PublishingEdit(**{item.field: value})
    if item.field == "claimant":
        edit.claimant_type = claimant_kind
    return edit_publishing, (item.claim_id, edit)


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

    def __init__(self, library: Library, parent: QWidget | None = None, article_ids: list[str] | None = None,
                 runner=None):
        super().__init__(parent)
        self.library = library
        #: The window's OpRunner: filled-in items become undoable steps and the panes hear of them.
        self.runner = runner
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
        for fmt in all_formats():
            self.format_box.addItem(fmt.label, fmt.id)
        name_field(self.format_box, "Format", "The kind of file to write")
        form.addRow(buddy_label("&Format:", self.format_box), self.format_box)

        self.this_article = QRadioButton("This &article")
        self.all_articles = QRadioButton("A&ll articles in the library")
        name_field(self.this_article, "This article only", "Report on the article that is open")
        name_field(self.all_articles, "All articles", "Report on every article in the library")
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
        name_field(self.status_box, "Verdict status", "Only verdicts at least this far along")
        form.addRow(buddy_label("&Status:", self.status_box), self.status_box)

        self.verdict_list = QListWidget()
        self.verdict_list.setMaximumHeight(110)
        for label in self._rating_labels():
            item = QListWidgetItem(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.verdict_list.addItem(item)
        name_field(self.verdict_list, "Verdicts to include", "Tick ratings to export only those; none ticked: all")
        form.addRow(buddy_label("&Verdicts:", self.verdict_list), self.verdict_list)

        self.unchecked_box = QCheckBox("Also list claims not yet checked")
        name_field(self.unchecked_box, "Include claims not yet checked", "")
        form.addRow("", self.unchecked_box)

        self.paper_box = QComboBox()
        self.paper_box.addItem("A4", "a4")
        self.paper_box.addItem("Letter", "letter")
        name_field(self.paper_box, "Paper size", "Paper size of the PDF")
        form.addRow(buddy_label("&Paper:", self.paper_box), self.paper_box)

        self.include_drafts = QCheckBox("Include draft verdicts (each marked as a draft)")
        name_field(self.include_drafts, "Include draft verdicts", "ClaimReview: export verdicts not yet reviewed too")
        form.addRow("", self.include_drafts)
        self.allow_incomplete = QCheckBox("Go ahead even though items are missing")
        name_field(self.allow_incomplete, "Export even though items are missing", "")
        form.addRow("", self.allow_incomplete)

        self.target_edit = QLineEdit()
        name_field(self.target_edit, "Target file", "Where the export is saved")
        self.choose_button = QPushButton("C&hoose…")
        name_field(self.choose_button, "Choose target file", "Pick the file to save to")
        self.choose_button.clicked.connect(self.choose)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_edit, 1)
        target_row.addWidget(self.choose_button)
        form.addRow(buddy_label("Save &to:", self.target_edit), target_row)

        options = QWidget()
        options_layout = QVBoxLayout(options)
        options_layout.setContentsMargins(0, 0, 0, 0)
        options_layout.addLayout(form)
        self.missing_form = MissingItemsForm()
        self.missing_form.fillRequested.connect(self.fill_missing)
        options_layout.addWidget(self.missing_form)
        options_layout.addStretch(1)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        name_field(self.preview, "Preview", f"The first {PREVIEW_CLAIMS} claims as they will be exported")
        self.preview_note = plain_label()
        self.preview_note.setWordWrap(True)
        name_field(self.preview_note, "Preview note", "")
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
        name_field(self.status_label, "Export status", "")
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        name_field(self.export_button, "Export", "Write the report to the target file")
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        name_field(close, "Close", "Close without exporting")
        self.export_button.clicked.connect(self.start_export)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

        self.format_box.currentIndexChanged.connect(self._formats_changed)
        for signal in (self.status_box.currentIndexChanged, self.paper_box.currentIndexChanged,
                       self.verdict_list.itemChanged, self.unchecked_box.toggled, self.this_article.toggled,
                       self.include_drafts.toggled):
            signal.connect(self._schedule_preview)

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
                             allow_incomplete=self.allow_incomplete.isChecked(),
                             include_drafts=self.include_drafts.isChecked())

    def _suggest_target(self) -> None:
        title = "fact-check-report"
        if self.article_ids:
            title = "fact-check " + (views.article_title(self.library.db, self.article_ids[0]) or "article")
        self._stem = sanitise_filename(title, fallback="fact-check-report")
        self.target_edit.setText(str(Path.home() / (self._stem + export_format(self.fmt).extension)))

    @Slot()
    def _formats_changed(self) -> None:
        fmt = export_format(self.fmt)
        self.paper_box.setEnabled(fmt.uses_paper)
        self.allow_incomplete.setEnabled(fmt.publication)
        self.include_drafts.setEnabled(fmt.publication)
        current = Path(self.target_edit.text().strip() or self._stem)
        if current.suffix.lower() in {f.extension for f in all_formats()}:
            self.target_edit.setText(str(current.with_suffix(fmt.extension)))
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
        try:
            report, preview = preview_export(self.library.db, self.request(), PREVIEW_CLAIMS)
        except (ReportError, StoreError) as exc:
            self.preview.setPlainText(str(exc))
            self.preview_note.setText("Nothing to preview.")
            return
        shown = report["summary"]["claims"]
        note = (f"Preview of the first {shown} claims." if shown >= PREVIEW_CLAIMS
                else f"Preview: {shown} claim{'s' if shown != 1 else ''}.")
        fmt = export_format(self.fmt)
        if fmt.publication and not self.include_drafts.isChecked() and self.status_box.currentData() is None:
            note += " Draft verdicts are left out (tick “Include draft verdicts” to add them, marked)."
        self.preview_note.setText(f"{note} {preview.note}".strip())
        self._show_missing()
        if preview.kind == "html":
            # QTextBrowser reads the same HTML subset as the PDF printer.
            self.preview.setHtml(preview.text)
        else:
            self.preview.setPlainText(preview.text)

    # --- missing items ----------------------------------------------------
    def _show_missing(self) -> None:
        """List what a ClaimReview export of the whole selection lacks, as fields to fill."""
        items = []
        if export_format(self.fmt).publication:
            try:
                items = missing_items(read_report(self.library.db, self.request()))
            except (ReportError, StoreError):
                items = []
        self.missing_form.set_items(items)

    @Slot(object, str)
    def fill_missing(self, item, text: str) -> None:
        """Save one missing item through its operation (undoable with the window's runner), then show what is
        still missing."""
        kind = next((self.missing_form.claimant_kind(e) for i, e in self.missing_form.fields if i is item), "Person")
        op, args = missing_item_operation(item, text, kind)
        if self.runner is not None:
            if self.runner.run(op, *args, on_refusal=lambda message: show_error(self, "Not saved", message)) is None:
                return
        else:
            try:
                op(self.library, *args)
            except StoreError as exc:
                show_error(self, "Not saved", str(exc))
                return
        self.refresh_preview()

    # --- export -----------------------------------------------------------
    @Slot()
    def choose(self) -> None:
        """Ask for the target file."""
        fmt = export_format(self.fmt)
        path = choose_target(self, self.target_edit.text(), fmt.file_filter)
        if path:
            if not Path(path).suffix:
                path += fmt.extension
            self.target_edit.setText(path)

    def _existing_targets(self, path: Path) -> list[Path]:
        targets = [path, *export_format(self.fmt).companion_paths(path)]
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
            note += " Still missing: " + "; ".join(result.warnings) + "."
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
