"""File > Send changes… and File > Merge…: a change file for a colleague, and a merge shown before it is made.

Both run in a worker (ui/workers.py) with a progress dialog; the merge is worked out first
and rolled back (a preview), its summary shown (new articles, claims, sources, evidence,
verdict changes, conflicts), and only written when the checker says Merge.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from factcheck_app.ops.change_file import SUFFIX
from factcheck_app.ops.exchange import ExportResult
from factcheck_app.ops.merge import MergeSummary
from factcheck_app.store.exchange import get_peer, list_peers
from factcheck_app.store.library import Library
from factcheck_app.ui import dialogs as prompts
from factcheck_app.ui import workers
from factcheck_app.ui.exchange_jobs import merge_job, send_changes_job
from factcheck_app.ui.progress import JobProgress


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def default_file_name(colleague: str) -> str:
    """Return a file name for changes sent to ``colleague`` today (safe on every system)."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in colleague.strip()).strip("-") or "colleague"
    return f"changes-for-{safe}-{date.today().isoformat()}{SUFFIX}"


class SendChangesDialog(QDialog):
    """Asks who the changes are for and where the file goes; says whether it holds everything or what changed since."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setWindowTitle("Send Changes")
        self.colleague = QComboBox()
        self.colleague.setEditable(True)
        self.colleague.addItems([p["name"] for p in list_peers(library.db)])
        self.colleague.setCurrentText("")
        self.colleague.lineEdit().setPlaceholderText("Your colleague's name")
        self.colleague.setAccessibleName("Colleague")
        self.target = QLineEdit()
        self.target.setAccessibleName("Change file")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.target, 1)
        where.addWidget(browse)
        self.scope = _plain_label()
        form = QFormLayout()
        form.addRow("&For:", self.colleague)
        form.addRow("&File:", where)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.addButton("Send", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.scope)
        layout.addWidget(self.buttons)
        self.colleague.currentTextChanged.connect(self._update)
        self.target.textChanged.connect(self._update)
        self._update()

    def _browse(self) -> None:
        start = str(self.library.path.parent / default_file_name(self.colleague.currentText()))
        path = prompts.ask_save_file(self, "Send Changes To", start, f"Change files (*{SUFFIX})")
        if path:
            self.target.setText(path)

    @Slot()
    def _update(self) -> None:
        name = " ".join(self.colleague.currentText().split())
        if name and not self.target.text().strip():
            self.target.setPlaceholderText(str(self.library.path.parent / default_file_name(name)))
        peer = get_peer(self.library.db, name) if name else None
        if not name:
            self.scope.setText("")
        elif peer and peer["sent_seq"]:
            self.scope.setText(f"The file will hold what changed since changes were last sent to {peer['name']} "
                               f"({peer['sent_at']}).")
        else:
            self.scope.setText(f"Nothing was sent to {name} yet: the file will hold the whole library.")
        self.send_button.setEnabled(bool(name))

    def chosen(self) -> tuple[str, Path]:
        """Return (colleague, file) as filled in; the file defaults to one beside the library."""
        name = " ".join(self.colleague.currentText().split())
        text = self.target.text().strip() or self.target.placeholderText()
        return name, Path(text)


class MergeSummaryDialog(QDialog):
    """What a merge will do, shown before anything is written: Merge writes it, Cancel leaves the library alone."""

    def __init__(self, source: Path, summary: MergeSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge Changes")
        layout = QVBoxLayout(self)
        layout.addWidget(_plain_label(f"Merging {source.name} will bring:"))
        self.lines = [_plain_label("• " + line) for line in summary.lines()]
        for label in self.lines:
            layout.addWidget(label)
        if summary.conflicts:
            layout.addWidget(_plain_label(
                "Verdicts changed on both sides keep both versions; the claims are marked for a decision."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton("Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setEnabled(not summary.nothing)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class ExchangeFlow(QObject):
    """Runs sending and merging for a window: worker jobs with progress, the preview, then the merge.

    ``merged`` carries the summary once a merge is written (the window then reloads every
    pane); ``sent`` the ExportResult; ``failed`` a message for the checker.
    """

    sent = Signal(object)
    previewed = Signal(object)
    merged = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent
        self.job: workers.Job | None = None
        self._source: Path | None = None
        self._by = ""
        self._store: Path | None = None
        #: Set by tests (or a caller with its own dialog) to skip the summary dialog's question.
        self.confirm = self._ask

    def _start(self, fn, args: tuple, title: str, label: str, finished) -> workers.Job:
        self.job = workers.Job(fn, args)
        JobProgress(self.job, self.window, title, label)
        self.job.signals.finished.connect(finished)
        self.job.signals.failed.connect(self.failed)
        return self.job.start()

    def send(self, library: Library, colleague: str, target: Path, by: str | None) -> workers.Job:
        """Write the change file for ``colleague`` in the background."""
        return self._start(send_changes_job, (library.path, colleague, target, by), "Send Changes",
                           f"Writing the changes for {colleague}…", self.sent.emit)

    def merge(self, library: Library, source: Path, by: str) -> workers.Job:
        """Work out what merging ``source`` does, show it, and merge when the checker agrees."""
        self._store, self._source, self._by = library.path, source, by
        return self._start(merge_job, (library.path, source, by, True), "Merge Changes",
                           f"Reading {source.name}…", self._previewed)

    @Slot(object)
    def _previewed(self, summary: MergeSummary) -> None:
        self.previewed.emit(summary)
        if not self.confirm(summary) or summary.nothing:
            return
        self._start(merge_job, (self._store, self._source, self._by, False), "Merge Changes",
                    f"Merging {self._source.name}…", self.merged.emit)

    def _ask(self, summary: MergeSummary) -> bool:
        return MergeSummaryDialog(self._source, summary, self.window).exec() == QDialog.DialogCode.Accepted
