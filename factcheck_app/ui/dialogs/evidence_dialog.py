"""Edit one piece of evidence: its stance, the excerpt quoted from the source, where it is, and a note."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from factcheck_app.store.schema import STANCES
from factcheck_app.ui.panes.evidence_list import STANCE_LABELS
from factcheck_app.ui.plain_text import plain_label

EDITABLE_FIELDS = ("stance", "excerpt", "locator", "note")


class EvidenceDialog(QDialog):
    """A form over an evidence row; ``changes()`` returns the fields the checker changed."""

    def __init__(self, row: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = row
        self.setWindowTitle("Edit evidence")
        self.setAccessibleName("Edit evidence")

        source = plain_label(row.get("source_title") or "")
        source.setWordWrap(True)
        source.setAccessibleName("Source")
        self.stance_combo = QComboBox()
        for stance in STANCES:
            self.stance_combo.addItem(STANCE_LABELS[stance], stance)
        self.stance_combo.setCurrentIndex(max(self.stance_combo.findData(row.get("stance")), 0))
        self.stance_combo.setAccessibleName("Stance")
        self.excerpt_edit = QPlainTextEdit(row.get("excerpt") or "")
        self.excerpt_edit.setAccessibleName("Excerpt")
        self.excerpt_edit.setPlaceholderText("The words in the source that bear on the claim")
        self.excerpt_edit.setTabChangesFocus(True)
        self.locator_edit = QLineEdit(row.get("locator") or "")
        self.locator_edit.setAccessibleName("Locator")
        self.locator_edit.setPlaceholderText("Page, paragraph, timestamp…")
        self.note_edit = QPlainTextEdit(row.get("note") or "")
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 3 + 12)

        form = QFormLayout()
        form.addRow("Source", source)
        form.addRow("&Stance", self.stance_combo)
        form.addRow("&Excerpt", self.excerpt_edit)
        form.addRow("&Locator", self.locator_edit)
        form.addRow("&Note", self.note_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())
        self.excerpt_edit.setFocus()

    def values(self) -> dict:
        """Return the form's values (empty text as None, as the store keeps it)."""
        return {
            "stance": self.stance_combo.currentData(),
            "excerpt": self.excerpt_edit.toPlainText().strip() or None,
            "locator": self.locator_edit.text().strip() or None,
            "note": self.note_edit.toPlainText().strip() or None,
        }

    def changes(self) -> dict:
        """Return only the fields whose value differs from the row's (ignoring surrounding spaces)."""
        def stored(key: str) -> str | None:
            value = self._row.get(key)
            return value.strip() or None if isinstance(value, str) else value

        return {k: v for k, v in self.values().items() if v != stored(k)}


def run_evidence_dialog(row: dict, parent: QWidget) -> dict | None:
    """Show the evidence dialog for ``row``; return the changed fields (maybe empty), or None when cancelled."""
    dialog = EvidenceDialog(row, parent)
    try:
        return dialog.changes() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
