"""Preferences > Organisation: who publishes the checks (ClaimReview author) and the reports' methodology note.

The values belong to the library (library settings, changed through ops.settings), so every
checker sharing the library exports under the same name.
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

from factcheck_app.ops.settings import get_setting, set_setting
from factcheck_app.ui.commands.op_runner import OpRunner
from factcheck_app.ui.panes.inline_warning import InlineWarning

#: The settings the dialog edits, by their names in ops.settings, in the order they are saved
#: (the address first: when it is refused, nothing is saved).
FIELDS = ("organisation-url", "organisation", "methodology")


class OrganisationDialog(QDialog):
    """Name, web address and methodology note of the checking organisation, saved on OK."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        library = runner.library
        self.setWindowTitle("Organisation")
        self.setAccessibleName("Organisation")
        self.name_edit = QLineEdit(get_setting(library, "organisation") or "")
        self.name_edit.setAccessibleName("Organisation name")
        self.name_edit.setPlaceholderText("Shown as the author of ClaimReview exports")
        self.url_edit = QLineEdit(get_setting(library, "organisation-url") or "")
        self.url_edit.setAccessibleName("Organisation web address")
        self.url_edit.setPlaceholderText("https://…")
        self.methodology_edit = QPlainTextEdit(get_setting(library, "methodology") or "")
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
        """Save the changed settings as one undo step; stay open with a message when one is refused."""
        values = {
            "organisation-url": self.url_edit.text().strip() or None,
            "organisation": self.name_edit.text().strip() or None,
            "methodology": self.methodology_edit.toPlainText().strip() or None,
        }
        library = self._runner.library
        changed = [name for name in FIELDS if values[name] != (get_setting(library, name) or None)]
        with self._runner.one_step("Organisation details"):
            for name in changed:
                if self._runner.run(set_setting, name, values[name], on_refusal=self.error_box.show_message) is None:
                    if name == "organisation-url":
                        self.url_edit.setFocus()
                    return
        super().accept()


def run_organisation_dialog(runner: OpRunner, parent: QWidget) -> bool:
    """Show Preferences > Organisation; return True when the details were saved."""
    dialog = OrganisationDialog(runner, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
