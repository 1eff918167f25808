"""The exchange dialogs: who a change file is for and where it goes; what a merge will bring, before it is made."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Slot
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
from factcheck_app.ops.merge import MergeSummary
from factcheck_app.store.exchange import get_peer, list_peers
from factcheck_app.store.library import Library
from factcheck_app.ui.dialogs import prompts
from factcheck_app.ui.plain_text import plain_label


def _plain_label(text: str = "") -> QLabel:
    label = plain_label(text)
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
