"""Preferences > Rating scales: the built-in scales (read-only, can be duplicated) and editable custom ones.

Each step has a label, a colour (chosen with QColorDialog), a number, an off-scale flag
(Unverifiable and the like sit beside the true-to-false axis) and a description. Saving
goes through the ops.scales operations (undoable from the window); a refusal is shown in the dialog.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck_app.core.rating_scales import RatingScale
from factcheck_app.ops import scales as scale_ops
from factcheck_app.store.scales import list_scales
from factcheck_app.ui.commands.op_runner import OpRunner
from factcheck_app.ui.dialogs import prompts
from factcheck_app.ui.panes.inline_warning import InlineWarning

SCALE_NAME_ROLE = Qt.ItemDataRole.UserRole + 1
STEP_COLUMNS = ("Label", "Colour", "Number", "Off scale", "Description")
_LABEL, _COLOUR, _NUMBER, _OFF, _DESCRIPTION = range(len(STEP_COLUMNS))
NEW_STEP_COLOUR = "#808080"


def pick_colour(parent: QWidget, initial: str) -> str | None:
    """Ask for a colour starting from ``initial`` (#rrggbb); return the new one or None (tests replace this)."""
    colour = QColorDialog.getColor(QColor(initial), parent, "Rating colour")
    return colour.name() if colour.isValid() else None


class ScaleListModel(QAbstractListModel):
    """The library's scales, built-in first; the display says which are built in."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._scales: list[RatingScale] = []

    def set_scales(self, scales: list[RatingScale]) -> None:
        """Show ``scales``."""
        self.beginResetModel()
        self._scales = list(scales)
        self.endResetModel()

    def scale(self, row: int) -> RatingScale:
        """Return the scale on ``row``."""
        return self._scales[row]

    def row_of(self, name: str) -> int:
        """Return the row of the scale called ``name``, or -1."""
        return next((i for i, s in enumerate(self._scales) if s.name == name), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._scales)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._scales)):
            return None
        scale = self._scales[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{scale.title} ({'built-in' if scale.builtin else 'custom'})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return scale.description or scale.title
        if role == SCALE_NAME_ROLE:
            return scale.name
        return None


class StepsTableModel(QAbstractTableModel):
    """The steps of the scale being edited, as plain dicts; read-only for built-in scales."""

    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._steps: list[dict] = []
        self.read_only = True

    def set_steps(self, steps: list[dict], read_only: bool) -> None:
        """Show ``steps`` (dicts with label, value, colour, description, off_scale)."""
        self.beginResetModel()
        self._steps = [dict(s) for s in steps]
        self.read_only = read_only
        self.endResetModel()

    def steps(self) -> list[dict]:
        """Return the steps as edited."""
        return [dict(s) for s in self._steps]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._steps)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(STEP_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return STEP_COLUMNS[section] if 0 <= section < len(STEP_COLUMNS) else None
        return str(section + 1)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only or index.column() == _COLOUR:
            return flags  # colours are chosen with the colour dialog, not typed
        if index.column() == _OFF:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._steps)):
            return None
        step, column = self._steps[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == _LABEL:
                return step["label"]
            if column == _COLOUR:
                return step["colour"]
            if column == _NUMBER:
                return int(step["value"])
            if column == _OFF:
                return None if role == Qt.ItemDataRole.DisplayRole else bool(step["off_scale"])
            return step.get("description") or ""
        if role == Qt.ItemDataRole.CheckStateRole and column == _OFF:
            return Qt.CheckState.Checked if step["off_scale"] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole and column == _COLOUR:
            return QColor(step["colour"])
        if role == Qt.ItemDataRole.AccessibleTextRole:
            value = self.data(index, Qt.ItemDataRole.EditRole)
            return f"{STEP_COLUMNS[column]}: {('yes' if value else 'no') if column == _OFF else value}"
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if self.read_only or not index.isValid() or not (0 <= index.row() < len(self._steps)):
            return False
        step, column = self._steps[index.row()], index.column()
        if column == _OFF and role == Qt.ItemDataRole.CheckStateRole:
            step["off_scale"] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif column == _LABEL:
            step["label"] = str(value).strip()
        elif column == _COLOUR:
            if not QColor.isValidColorName(str(value)):
                return False
            step["colour"] = QColor(str(value)).name()
        elif column == _NUMBER:
            try:
                step["value"] = int(value)
            except (TypeError, ValueError):
                return False
        elif column == _DESCRIPTION:
            step["description"] = str(value)
        else:
            return False
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        self.edited.emit()
        return True

    def add_step(self) -> int:
        """Append a new step (numbered one below the lowest); return its row."""
        lowest = min((int(s["value"]) for s in self._steps), default=1)
        row = len(self._steps)
        self.beginInsertRows(QModelIndex(), row, row)
        self._steps.append({"label": f"Step {row + 1}", "value": lowest - 1 if self._steps else 1,
                            "colour": NEW_STEP_COLOUR, "description": "", "off_scale": False})
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_step(self, row: int) -> None:
        """Remove the step on ``row``."""
        if 0 <= row < len(self._steps):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._steps[row]
            self.endRemoveRows()
            self.edited.emit()

    def move_step(self, row: int, offset: int) -> int:
        """Move the step on ``row`` up (-1) or down (+1); return its new row."""
        target = row + offset
        if not (0 <= row < len(self._steps) and 0 <= target < len(self._steps)):
            return row
        destination = target + 1 if offset > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._steps.insert(target, self._steps.pop(row))
        self.endMoveRows()
        self.edited.emit()
        return target


def _unique_name(base: str, taken: set[str]) -> str:
    base = base[:56] or "custom"
    name, number = base, 2
    while name in taken:
        name, number = f"{base}-{number}", number + 1
    return name


class ScalesDialog(QDialog):
    """The rating-scales preferences. Emits ``scalesChanged`` after a scale is saved or deleted."""

    scalesChanged = Signal()

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._library = runner.library
        self._editing: RatingScale | None = None  # None while a new, unsaved scale is edited
        self._dirty = False
        self.setWindowTitle("Rating scales")
        self.setAccessibleName("Rating scales")

        self.list_model = ScaleListModel(self)
        self.list_view = QListView()
        self.list_view.setModel(self.list_model)
        self.list_view.setAccessibleName("Rating scales in the library")
        self.new_button = QPushButton("&New scale")
        self.new_button.setAccessibleName("New custom scale")
        self.new_button.clicked.connect(self.new_scale)
        self.duplicate_button = QPushButton("D&uplicate")
        self.duplicate_button.setAccessibleName("Duplicate the scale as a custom copy")
        self.duplicate_button.clicked.connect(self.duplicate_scale)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setAccessibleName("Delete the custom scale")
        self.delete_button.clicked.connect(self.delete_current)
        left = QVBoxLayout()
        scales_label = QLabel("&Scales:")
        scales_label.setBuddy(self.list_view)
        left.addWidget(scales_label)
        left.addWidget(self.list_view, 1)
        list_buttons = QHBoxLayout()
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            list_buttons.addWidget(button)
        left.addLayout(list_buttons)

        self.read_only_label = QLabel("Built-in scales cannot be changed; duplicate one to make your own.")
        self.read_only_label.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Scale name (its id)")
        self.name_edit.setPlaceholderText("lower-case letters, digits, - or _")
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Scale title")
        self.description_edit = QLineEdit()
        self.description_edit.setAccessibleName("Scale description")
        for edit in (self.name_edit, self.title_edit, self.description_edit):
            edit.textEdited.connect(self._mark_dirty)
        form = QFormLayout()
        form.addRow("Na&me", self.name_edit)
        form.addRow("&Title", self.title_edit)
        form.addRow("Descr&iption", self.description_edit)

        self.steps_model = StepsTableModel(self)
        self.steps_model.edited.connect(self._mark_dirty)
        self.steps_view = QTableView()
        self.steps_view.setModel(self.steps_model)
        self.steps_view.setAccessibleName("Steps of the scale, best first")
        self.steps_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.steps_view.setTabKeyNavigation(False)
        self.steps_view.setWordWrap(False)
        self.steps_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.steps_view.horizontalHeader().setStretchLastSection(True)
        self.steps_view.activated.connect(self._activated)
        steps_label = QLabel("Ste&ps (best first; number is the ClaimReview rating value):")
        steps_label.setBuddy(self.steps_view)
        self.add_step_button = QPushButton("&Add step")
        self.remove_step_button = QPushButton("&Remove step")
        self.up_button = QPushButton("Move u&p")
        self.down_button = QPushButton("Move do&wn")
        self.colour_button = QPushButton("&Colour…")
        names = ("Add a step", "Remove the selected step", "Move the selected step up", "Move the selected step down",
                 "Choose the selected step's colour")
        step_buttons = QHBoxLayout()
        for button, name in zip((self.add_step_button, self.remove_step_button, self.up_button, self.down_button,
                                 self.colour_button), names):
            button.setAccessibleName(name)
            step_buttons.addWidget(button)
        step_buttons.addStretch(1)
        self.add_step_button.clicked.connect(self._add_step)
        self.remove_step_button.clicked.connect(lambda: self.steps_model.remove_step(self._current_step()))
        self.up_button.clicked.connect(lambda: self._move_step(-1))
        self.down_button.clicked.connect(lambda: self._move_step(1))
        self.colour_button.clicked.connect(lambda: self.choose_colour(self._current_step()))

        self.error_box = InlineWarning("Problem with the scale")
        self.save_button = QPushButton("Sa&ve scale")
        self.save_button.setAccessibleName("Save the custom scale")
        self.save_button.clicked.connect(self.save)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addWidget(self.read_only_label)
        right.addLayout(form)
        right.addWidget(steps_label)
        right.addWidget(self.steps_view, 1)
        right.addLayout(step_buttons)
        right.addWidget(self.error_box)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        right.addLayout(save_row)

        left_widget, right_widget = QWidget(), QWidget()
        left_widget.setLayout(left)
        right_widget.setLayout(right)
        splitter = QSplitter()
        splitter.addWidget(left_widget)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 480)

        self._reload(select=None)
        self.list_view.selectionModel().currentChanged.connect(self._selection_changed)

    # --- list ------------------------------------------------------------------------------------

    def _reload(self, select: str | None) -> None:
        self.list_model.set_scales(list_scales(self._library.db))
        row = self.list_model.row_of(select) if select else 0
        self.list_view.setCurrentIndex(self.list_model.index(max(row, 0)))
        if self.list_model.rowCount():
            self._show_scale(self.list_model.scale(max(row, 0)))

    def _selection_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return
        scale = self.list_model.scale(current.row())
        if self._editing is not None and scale.name == self._editing.name and not self._dirty:
            return
        if not self.confirm_leave():
            self.list_view.selectionModel().blockSignals(True)
            self.list_view.setCurrentIndex(previous)
            self.list_view.selectionModel().blockSignals(False)
            return
        self._show_scale(scale)

    def _show_scale(self, scale: RatingScale) -> None:
        self._editing = scale
        self._fill(scale.to_dict(), read_only=scale.builtin, new=False)

    def _fill(self, data: dict, read_only: bool, new: bool) -> None:
        self.name_edit.setText(data["name"])
        self.title_edit.setText(data["title"])
        self.description_edit.setText(data.get("description") or "")
        self.steps_model.set_steps(data["steps"], read_only)
        self.name_edit.setReadOnly(not new)
        for edit in (self.title_edit, self.description_edit):
            edit.setReadOnly(read_only)
        for button in (self.add_step_button, self.remove_step_button, self.up_button, self.down_button,
                       self.colour_button, self.save_button):
            button.setEnabled(not read_only)
        self.read_only_label.setVisible(read_only)
        self.delete_button.setEnabled(not read_only and not new)
        self.error_box.clear()
        self._dirty = new

    def _taken_names(self) -> set[str]:
        return {self.list_model.scale(r).name for r in range(self.list_model.rowCount())}

    def new_scale(self) -> None:
        """Start a new custom scale (saved with Save scale)."""
        if not self.confirm_leave():
            return
        self._editing = None
        self.list_view.clearSelection()
        data = {"name": _unique_name("custom", self._taken_names()), "title": "New scale", "description": "",
                "steps": []}
        self._fill(data, read_only=False, new=True)
        self._add_step()
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def duplicate_scale(self) -> None:
        """Start a custom copy of the selected scale (built-in or custom)."""
        index = self.list_view.currentIndex()
        if not index.isValid() or not self.confirm_leave():
            return
        data = self.list_model.scale(index.row()).to_dict()
        data["name"] = _unique_name(f"{data['name']}-copy", self._taken_names())
        data["title"] = f"{data['title']} (copy)"
        self._editing = None
        self.list_view.clearSelection()
        self._fill(data, read_only=False, new=True)
        self.title_edit.setFocus()

    def delete_current(self) -> None:
        """Delete the selected custom scale (refused while a verdict uses it)."""
        if self._editing is None or self._editing.builtin:
            return
        if self._runner.run(scale_ops.delete_scale, self._editing.name, on_refusal=self.show_error) is None:
            return
        self._dirty = False
        self._reload(select=None)
        self.scalesChanged.emit()

    # --- steps -----------------------------------------------------------------------------------

    def _current_step(self) -> int:
        index = self.steps_view.currentIndex()
        return index.row() if index.isValid() else -1

    def _add_step(self) -> None:
        row = self.steps_model.add_step()
        self.steps_view.setCurrentIndex(self.steps_model.index(row, _LABEL))

    def _move_step(self, offset: int) -> None:
        row = self.steps_model.move_step(self._current_step(), offset)
        if row >= 0:
            self.steps_view.setCurrentIndex(self.steps_model.index(row, self.steps_view.currentIndex().column()))

    def _activated(self, index: QModelIndex) -> None:
        if index.column() == _COLOUR:
            self.choose_colour(index.row())

    def choose_colour(self, row: int) -> None:
        """Ask for the colour of the step on ``row``."""
        if self.steps_model.read_only or row < 0:
            return
        index = self.steps_model.index(row, _COLOUR)
        colour = pick_colour(self, index.data(Qt.ItemDataRole.EditRole))
        if colour:
            self.steps_model.setData(index, colour)

    # --- saving ----------------------------------------------------------------------------------

    def _mark_dirty(self) -> None:
        self._dirty = True

    @property
    def dirty(self) -> bool:
        """Return True when the scale shown has changes not yet saved."""
        return self._dirty

    def scale_data(self) -> dict:
        """Return the scale being edited as save_scale reads it."""
        return {
            "name": self.name_edit.text().strip(),
            "title": self.title_edit.text().strip(),
            "description": self.description_edit.text().strip(),
            "steps": self.steps_model.steps(),
        }

    def show_error(self, message: str) -> None:
        """Show why the scale was not saved (or deleted) under the steps."""
        self.error_box.show_message(message)

    def save(self) -> bool:
        """Save the custom scale; return True when saved. A new name must not be taken already."""
        data = self.scale_data()
        if self._editing is None and data["name"] in self._taken_names():
            self.show_error(f"A scale called '{data['name']}' exists already; choose another name.")
            return False
        result = self._runner.run(scale_ops.save_scale, data, on_refusal=self.show_error)
        if result is None:
            return False
        saved = result.value
        self._dirty = False
        self._reload(select=saved.name)
        self.scalesChanged.emit()
        return True

    def confirm_leave(self) -> bool:
        """Offer to save unsaved changes; return False when the checker wants to stay."""
        if not self._dirty:
            return True
        answer = prompts.message(
            self, "question", "Rating scales", f"Save the changes to '{self.title_edit.text()}'?",
            buttons=("Save", "Discard", "Cancel"),
        )
        if answer == "Save":
            return self.save()
        if answer == "Discard":
            self._dirty = False
            return True
        return False

    def reject(self) -> None:
        if self.confirm_leave():
            super().reject()


def run_scales_dialog(runner: OpRunner, parent: QWidget) -> bool:
    """Show Preferences > Rating scales; return True when a scale was saved or deleted."""
    dialog = ScalesDialog(runner, parent)
    changed: list[bool] = []
    dialog.scalesChanged.connect(lambda: changed.append(True))
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
    return bool(changed)
