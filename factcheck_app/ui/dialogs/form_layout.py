"""The shape every editing dialog shares: its form, a warning under it for refusals, Save and Cancel."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout

from factcheck_app.ui.panes.inline_warning import InlineWarning


def lay_out_form(dialog: QDialog, form: QFormLayout, problem_name: str, width: int) -> tuple[InlineWarning, QDialogButtonBox]:
    """Put ``form``, a warning named ``problem_name`` and Save/Cancel buttons in ``dialog``; return the last two."""
    error_box = InlineWarning(problem_name)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error_box)
    layout.addWidget(buttons)
    dialog.resize(width, dialog.sizeHint().height())
    return error_box, buttons
