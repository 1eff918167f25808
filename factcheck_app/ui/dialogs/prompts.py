"""Every message box and file chooser the window shows goes through these functions.

One place means tests can replace them (monkeypatch ``prompts.message``) so that no
dialog ever blocks a test run, and the wording stays consistent.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget

_ICONS = {
    "info": QMessageBox.Icon.Information,
    "warning": QMessageBox.Icon.Warning,
    "error": QMessageBox.Icon.Critical,
    "question": QMessageBox.Icon.Question,
}
_CANCEL_WORDS = {"cancel", "close", "no", "keep it"}


def message(
    parent: QWidget | None,
    level: str,
    title: str,
    text: str,
    buttons: Sequence[str] = ("OK",),
    detail: str | None = None,
) -> str:
    """Show a modal message and return the label of the button pressed.

    ``level`` is info, warning, error or question. The first button is the default;
    a button named Cancel/Close/No is what Escape presses. ``detail`` is a second,
    smaller paragraph (never a traceback).
    """
    box, made = message_box(parent, level, title, text, buttons, detail)
    box.exec()
    clicked = box.clickedButton()
    for button, label in made:
        if button is clicked:
            return label
    return buttons[-1]


def message_box(
    parent: QWidget | None,
    level: str,
    title: str,
    text: str,
    buttons: Sequence[str] = ("OK",),
    detail: str | None = None,
) -> tuple[QMessageBox, list[tuple]]:
    """Build (not show) the box ``message`` shows; return it with its (button, label) pairs.

    Text and detail are shown as plain text: they may quote a title or a name from an article.
    """
    box = QMessageBox(parent)
    box.setIcon(_ICONS.get(level, QMessageBox.Icon.NoIcon))
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
        # QMessageBox gives its second paragraph no text format of its own.
        for label in box.findChildren(QLabel, "qt_msgbox_informativelabel"):
            label.setTextFormat(Qt.TextFormat.PlainText)
    made = []
    for label in buttons:
        role = (QMessageBox.ButtonRole.RejectRole if label.casefold() in _CANCEL_WORDS
                else QMessageBox.ButtonRole.AcceptRole)
        made.append((box.addButton(label, role), label))
    box.setDefaultButton(made[0][0])
    box.setAccessibleName(title)
    return box, made


def ask_open_files(parent: QWidget | None, title: str, folder: str, name_filter: str) -> list[str]:
    """Ask for one or more existing files; return their paths ([] when cancelled)."""
    paths, _ = QFileDialog.getOpenFileNames(parent, title, folder, name_filter)
    return paths


def ask_open_file(parent: QWidget | None, title: str, folder: str, name_filter: str) -> str | None:
    """Ask for one existing file; return its path or None."""
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, name_filter)
    return path or None


def ask_save_file(parent: QWidget | None, title: str, folder: str, name_filter: str) -> str | None:
    """Ask for a new file's path; return it or None."""
    path, _ = QFileDialog.getSaveFileName(parent, title, folder, name_filter)
    return path or None


def ask_choice(parent: QWidget | None, title: str, label: str, choices: Sequence[str]) -> int | None:
    """Ask to pick one of ``choices`` (shown as plain text in a list); return its index, or None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setComboBoxItems(list(choices))
    dialog.setComboBoxEditable(False)
    dialog.setAccessibleName(title)
    dialog.setMinimumWidth(420)
    accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
    chosen = dialog.textValue()
    dialog.deleteLater()
    if not accepted or chosen not in choices:
        return None
    return list(choices).index(chosen)


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """Ask for one line of text, starting from ``text``; return it stripped, or None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setAccessibleName(title)
    dialog.setMinimumWidth(380)  # the default fits only a short word beside the buttons
    accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
    value = dialog.textValue().strip()
    dialog.deleteLater()
    return value if accepted else None
