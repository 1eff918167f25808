"""Help > About: the app's version, the open library, and the licence of every component it ships.

The component list is read from installed package metadata (importlib.metadata): the app's own
distribution and, recursively, what it requires. In the PyInstaller bundle the spec copies that
metadata, plus licence texts that Qt and Python do not carry, under <bundle>/licenses/<name>/.
"""
from __future__ import annotations

import platform
import re
import sys
import sysconfig
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication, QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck_app import APP_ID, APP_NAME, __version__
from factcheck_app.store import schema

APP_DISTRIBUTION = "factcheck-desk"
PYTHON_LICENCE = "PSF-2.0"
LICENCE_FILE_NAME = re.compile(r"^(licen[cs]e|copying|notice|authors)", re.IGNORECASE)
# Longer License fields are the licence's text, not its name.
MAX_LICENCE_NAME = 80
NO_TEXT = "No licence text is packaged with {name}. Its metadata gives its licence as: {licence}."
QT_NOTE = (
    "Qt and PySide6 are used under the GNU LGPL v3. They are separate shared libraries, "
    "installed beside the app, and may be replaced with your own build."
)


@dataclass(frozen=True)
class Component:
    """One bundled component: its published name, version, licence and licence texts (file name, text)."""

    name: str
    version: str
    licence: str
    texts: tuple[tuple[str, str], ...] = ()


def normalise(name: str) -> str:
    """Return a distribution name in PEP 503 form ("PySide6_Essentials" -> "pyside6-essentials")."""
    return re.sub(r"[-_.]+", "-", name).lower()


def licence_name(meta) -> str:
    """Return the licence a distribution's metadata declares: SPDX expression, License field or classifier."""
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    declared = (meta.get("License") or "").strip()
    if declared and "\n" not in declared and len(declared) <= MAX_LICENCE_NAME and declared.upper() != "UNKNOWN":
        return declared
    classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return "; ".join(c.split(" :: ")[-1] for c in classifiers)
    return "not stated"


def _read_text(read, name: str) -> str | None:
    try:
        text = read(name)
    except (OSError, UnicodeDecodeError):
        return None
    return text if text and text.strip() else None


def bundled_licence_folder() -> Path:
    """Return the folder where the packaged app keeps licence texts its components lack (<bundle>/licenses)."""
    return Path(getattr(sys, "_MEIPASS", sys.base_prefix)) / "licenses"


def _extra_texts(name: str) -> list[tuple[str, str]]:
    folder = bundled_licence_folder() / normalise(name)
    if not folder.is_dir():
        return []
    texts = []
    for path in sorted(folder.iterdir()):
        text = _read_text(lambda p: p.read_text(encoding="utf-8"), path) if path.is_file() else None
        if text:
            texts.append((path.name, text))
    return texts


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """Return (file name, text) for every licence file a distribution packages in its metadata."""
    texts: dict[str, str] = {}
    for declared in dist.metadata.get_all("License-File") or []:
        # Metadata 2.4 keeps licence files under licenses/; older wheels beside METADATA.
        for candidate in (f"licenses/{declared}", declared):
            text = _read_text(dist.read_text, candidate)
            if text:
                texts[declared] = text
                break
    if not texts:
        for file in dist.files or []:
            parts = file.parts
            if len(parts) >= 2 and parts[0].endswith((".dist-info", ".egg-info")) and LICENCE_FILE_NAME.match(file.name):
                text = _read_text(dist.read_text, "/".join(parts[1:]))
                if text:
                    texts["/".join(parts[1:])] = text
    return list(texts.items())


_REQUIREMENT = re.compile(r"\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[(?P<extras>[^\]]*)\])?")
_EXTRA_MARKER = re.compile(r"\bextra\s*==\s*['\"](?P<extra>[^'\"]+)['\"]")


def _requirements(dist: metadata.Distribution, extras: set[str]) -> list[tuple[str, set[str]]]:
    """Return (name, extras wanted) for each requirement of ``dist`` that applies with ``extras`` requested."""
    wanted = []
    for requirement in dist.requires or []:
        spec, _, marker = requirement.partition(";")
        extra = _EXTRA_MARKER.search(marker)
        # A requirement of an optional extra (test, package) counts only when that extra is asked for.
        if extra is not None and normalise(extra.group("extra")) not in extras:
            continue
        match = _REQUIREMENT.match(spec)
        if match:
            asked = {normalise(e) for e in (match.group("extras") or "").split(",") if e.strip()}
            wanted.append((match.group("name"), asked))
    return wanted


def required_distributions(app_distribution: str = APP_DISTRIBUTION) -> list[metadata.Distribution]:
    """Return the app's distribution and every installed one it requires, directly or not, extras included.

    A requirement that is not installed (a platform-only dependency, or one left out of the
    bundle) is skipped: the list names what is actually there. The PyInstaller spec copies the
    metadata of exactly these distributions into the bundle.
    """
    found: dict[str, metadata.Distribution] = {}
    done_extras: dict[str, set[str]] = {}
    pending: list[tuple[str, set[str]]] = [(app_distribution, set())]
    while pending:
        name, extras = pending.pop()
        key = normalise(name)
        first_visit = key not in done_extras
        new_extras = extras - done_extras.get(key, set())
        if not first_visit and not new_extras:
            continue
        try:
            dist = found.get(key) or metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[key] = dist
        done_extras[key] = done_extras.get(key, set()) | extras
        for requirement, asked in _requirements(dist, extras):
            pending.append((requirement, asked))
    return list(found.values())


def python_component() -> Component:
    """Return the Python interpreter as a component, with its LICENSE.txt when one is found."""
    candidates = (
        bundled_licence_folder() / "python" / "LICENSE.txt",
        Path(sysconfig.get_path("stdlib")) / "LICENSE.txt",
        Path(sys.base_prefix) / "LICENSE.txt",
    )
    texts: tuple[tuple[str, str], ...] = ()
    for path in candidates:
        text = _read_text(lambda p: p.read_text(encoding="utf-8"), path) if path.is_file() else None
        if text:
            texts = (("LICENSE.txt", text),)
            break
    return Component("Python", platform.python_version(), PYTHON_LICENCE, texts)


def bundled_components(app_distribution: str = APP_DISTRIBUTION) -> list[Component]:
    """Return Python plus every distribution of required_distributions(), sorted by name."""
    components = [
        Component(dist.metadata["Name"], dist.version, licence_name(dist.metadata),
                  tuple(licence_texts(dist) or _extra_texts(dist.metadata["Name"])))
        for dist in required_distributions(app_distribution)
    ]
    return [python_component(), *sorted(components, key=lambda c: c.name.lower())]


def app_icon() -> QIcon:
    """Return the application icon (every hicolor PNG size plus the SVG) from the package's resources."""
    icon = QIcon()
    hicolor = resources.files("factcheck_app.resources") / "icons" / "hicolor"
    if hicolor.is_dir():
        for size_dir in hicolor.iterdir():
            for name in (f"{APP_ID}.png", f"{APP_ID}.svg"):
                candidate = size_dir / "apps" / name
                if candidate.is_file():
                    icon.addFile(str(candidate))
    return icon


def version_details(library=None) -> str:
    """Return the versions a bug report needs, one per line."""
    lines = [
        f"{APP_NAME} {__version__} ({APP_ID})",
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}",
        f"{platform.platform()}{' (packaged app)' if getattr(sys, 'frozen', False) else ''}",
        f"Library schema: this app reads versions up to {schema.LATEST_VERSION}",
    ]
    if library is not None:
        lines.append(f"Library: {library.path} (schema version {library.schema_version})")
    return "\n".join(lines)


class AboutDialog(QDialog):
    """The About box: version, the open library's path and schema version, and component licences."""

    def __init__(self, library=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.setWindowIcon(app_icon())
        self._library = library
        self.components = bundled_components()

        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        layout.addLayout(self._facts(library))
        layout.addWidget(QLabel("Components and their licences:"))
        layout.addWidget(self._licence_browser(), stretch=1)
        note = QLabel(QT_NOTE)
        note.setWordWrap(True)
        layout.addWidget(note)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("Copy version details")
        self.copy_button.setToolTip("Copy the app, Python, Qt and library versions, for a bug report")
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 620)

        if self.components:
            self.table.selectRow(0)

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        row.addWidget(icon, alignment=Qt.AlignmentFlag.AlignTop)
        title = QLabel(f"<h2>{APP_NAME}</h2>")
        title.setTextFormat(Qt.TextFormat.RichText)
        self.version_label = QLabel(f"Version {__version__}")
        app_id = QLabel(APP_ID)
        app_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text = QVBoxLayout()
        for widget in (title, self.version_label, app_id):
            text.addWidget(widget)
        row.addLayout(text, stretch=1)
        return row

    def _facts(self, library) -> QFormLayout:
        form = QFormLayout()
        if library is None:
            self.library_label = QLabel("No library open")
            self.schema_label = QLabel(f"this app reads versions up to {schema.LATEST_VERSION}")
        else:
            self.library_label = QLabel(str(library.path))
            self.schema_label = QLabel(
                f"{library.schema_version} (this app reads versions up to {schema.LATEST_VERSION})"
            )
        for label in (self.library_label, self.schema_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        form.addRow("Library:", self.library_label)
        form.addRow("Library schema version:", self.schema_label)
        form.addRow("Python:", QLabel(platform.python_version()))
        form.addRow("Qt:", QLabel(f"{qVersion()} (PySide6 {pyside_version})"))
        return form

    def _licence_browser(self) -> QSplitter:
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(["Component", "Version", "Licence"])
        for component in self.components:
            items = [QStandardItem(component.name), QStandardItem(component.version), QStandardItem(component.licence)]
            for item in items:
                item.setEditable(False)
                item.setToolTip(component.licence)
            self.model.appendRow(items)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self.show_licence(current.row()))

        self.licence_view = QPlainTextEdit()
        self.licence_view.setReadOnly(True)
        self.licence_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.licence_view)
        splitter.setSizes([260, 200])
        return splitter

    def show_licence(self, row: int) -> None:
        """Show the licence texts of the component in ``row`` (or say that none is packaged)."""
        if not 0 <= row < len(self.components):
            self.licence_view.clear()
            return
        component = self.components[row]
        if component.texts:
            body = "\n\n".join(f"==== {name} ====\n\n{text.strip()}" for name, text in component.texts)
        else:
            body = NO_TEXT.format(name=component.name, licence=component.licence)
        self.licence_view.setPlainText(f"{component.name} {component.version}: {component.licence}\n\n{body}")

    def copy_details(self) -> None:
        """Put the version details on the clipboard."""
        QGuiApplication.clipboard().setText(version_details(self._library))
