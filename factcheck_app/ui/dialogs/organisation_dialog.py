"""Preferences > Organisation: who publishes the checks (ClaimReview author) and the reports' methodology note.

The values belong to the library (store.settings), so every checker sharing the library
exports under the same name.
"""
from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from factcheck_app.store import Library, StoreError
from factcheck_app.store.settings import METHODOLOGY, ORGANISATION_NAME, ORGANISATION_URL, get_setting, set_setting
from factcheck_app.store.transaction import write
from factcheck_app.store.validation import check_url
from factcheck_app.ui.panes.inline_warning import InlineWarning


class OrganisationDialog(QDialog):
    """Name, web address and methodology note of the checking organisation, saved on OK."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self.setWindowTitle("Organisation")
        self.setAccessibleName("Organisation")
        db = library.db
        self.name_edit = QLineEdit(get_setting(db, ORGANISATION_NAME) or "")
        self.name_edit.setAccessibleName("Organisation name")
        self.name_edit.setPlaceholderText("Shown as the author of ClaimReview exports")
        self.url_edit = QLineEdit(get_setting(db, ORGANISATION_URL) or "")
        self.url_edit.setAccessibleName("Organisation web address")
        self.url_edit.setPlaceholderText("https://…")
        self.methodology_edit = QPlainTextEdit(get_setting(db, METHODOLOGY) or "")
        self.methodology_edit.setAccessibleName("Methodology note")
        self.methodology_edit.setPlaceholderText("How the desk checks claims; printed with reports")
        self.methodology_edit.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow("&Name", self.name_edit)
        form.addRow("&Web address", self.url_edit)
        form.addRow("&Methodology note", self.methodology_edit)
        note = QLabel(f"Saved in this library ({library.path.name}): everyone who opens it exports under these details.")
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted, from the palette
        self.error_box = InlineWarning("Problem with the organisation details")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_box)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        """Save the three settings together; stay open with a message when the address is not one."""
        try:
            url = check_url(self.url_edit.text().strip(), "web address")
        except StoreError as exc:
            self.error_box.show_message(str(exc))
            self.url_edit.setFocus()
            return
        try:
            values = {
                ORGANISATION_NAME: self.name_edit.text().strip() or None,
                ORGANISATION_URL: url,
                METHODOLOGY: self.methodology_edit.toPlainText().strip() or None,
            }
            with write(self._library.db):
                for key, value in values.items():
                    set_setting(self._library.db, key, value)
        except StoreError as exc:
            self.error_box.show_message(str(exc))
            return
        super().accept()


def run_organisation_dialog(library: Library, parent: QWidget) -> bool:
    """Show Preferences > Organisation; return True when the details were saved."""
    dialog = OrganisationDialog(library, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
