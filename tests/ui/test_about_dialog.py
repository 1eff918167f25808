"""Help > About: version, library facts, and licences read from package metadata."""
from __future__ import annotations

import re
from email.message import Message
from importlib import metadata

import pytest
from PySide6.QtGui import QGuiApplication

from factcheck_app import APP_ID, __version__
from factcheck_app.store import schema
from factcheck_app.ui.dialogs import about_dialog
from factcheck_app.ui.dialogs.about_dialog import AboutDialog, Component, bundled_components, licence_name


def _meta(**fields) -> Message:
    message = Message()
    for key, value in fields.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            message[key.replace("_", "-")] = item
    return message


@pytest.fixture
def dialog(qtbot, library):
    widget = AboutDialog(library)
    qtbot.addWidget(widget)
    return widget


def _row_of(dialog: AboutDialog, name: str) -> int:
    names = [about_dialog.normalise(c.name) for c in dialog.components]
    return names.index(about_dialog.normalise(name))


def test_shows_the_app_version_and_id(dialog):
    assert dialog.version_label.text() == f"Version {__version__}"
    assert APP_ID in about_dialog.version_details()
    assert dialog.windowTitle() == "About Factcheck Desk"
    assert not dialog.windowIcon().isNull()


def test_shows_the_open_library_and_its_schema_version(dialog, library):
    assert dialog.library_label.text() == str(library.path)
    assert dialog.schema_label.text().startswith(f"{library.schema_version} ")
    assert f"up to {schema.LATEST_VERSION}" in dialog.schema_label.text()


def test_opens_without_a_library(qtbot):
    widget = AboutDialog(None)
    qtbot.addWidget(widget)
    assert widget.library_label.text() == "No library open"


def test_lists_every_installed_requirement_of_the_app():
    listed = {about_dialog.normalise(c.name) for c in bundled_components()}
    direct = [re.match(r"[A-Za-z0-9._-]+", r).group(0) for r in metadata.requires("factcheck-desk") or []
              if "extra ==" not in r.replace('"', "'")]
    assert direct, "the app's metadata lists its dependencies"
    for name in direct:
        try:
            metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        assert about_dialog.normalise(name) in listed
    # Second-level requirements are bundled too (sqlite-utils needs click).
    assert "click" in listed
    assert "pytest" not in listed, "test extras are not part of the app"


def test_licences_are_the_ones_in_package_metadata():
    by_name = {about_dialog.normalise(c.name): c for c in bundled_components()}
    for name in ("sqlite-utils", "pyside6-essentials", "platformdirs", "pycountry", "trafilatura"):
        dist = metadata.distribution(name)
        assert by_name[name].licence == licence_name(dist.metadata)
        assert by_name[name].version == dist.version
    assert "LGPL" in by_name["pyside6-essentials"].licence
    assert by_name["python"].licence == "PSF-2.0"


def test_selecting_a_component_shows_its_licence_text(dialog, qtbot):
    dialog.table.selectRow(_row_of(dialog, "sqlite-utils"))
    text = dialog.licence_view.toPlainText()
    assert text.startswith("sqlite-utils ")
    assert "Apache License" in text


def test_a_component_without_a_packaged_text_says_so(dialog, monkeypatch):
    dialog.components.append(Component("nolicence-pkg", "1.0", "MIT"))
    dialog.show_licence(len(dialog.components) - 1)
    assert "No licence text is packaged with nolicence-pkg" in dialog.licence_view.toPlainText()
    assert "MIT" in dialog.licence_view.toPlainText()


def test_the_table_has_a_row_per_component(dialog):
    assert dialog.model.rowCount() == len(dialog.components)
    row = _row_of(dialog, "Jinja2")
    assert dialog.model.item(row, 2).text() == licence_name(metadata.distribution("Jinja2").metadata)


def test_copy_puts_version_details_on_the_clipboard(dialog, library):
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert f"Factcheck Desk {__version__}" in copied
    assert str(library.path) in copied


@pytest.mark.parametrize(("fields", "expected"), [
    ({"License_Expression": "Apache-2.0", "License": "Apache License 2.0"}, "Apache-2.0"),
    ({"License": "Apache License, Version 2.0"}, "Apache License, Version 2.0"),
    ({"License": "Copyright (c) 2020\n\nPermission is hereby granted...",
      "Classifier": ["License :: OSI Approved :: MIT License"]}, "MIT License"),
    ({"License": "UNKNOWN", "Classifier": ["License :: Public Domain"]}, "Public Domain"),
    ({"Classifier": ["Programming Language :: Python"]}, "not stated"),
])
def test_licence_name_prefers_the_spdx_expression(fields, expected):
    assert licence_name(_meta(**fields)) == expected


def test_bundled_licence_texts_are_found_for_components_without_their_own(tmp_path, monkeypatch):
    folder = tmp_path / "licenses" / "pyside6-essentials"
    folder.mkdir(parents=True)
    (folder / "LGPL-3.0.txt").write_text("GNU LESSER GENERAL PUBLIC LICENSE\nVersion 3", encoding="utf-8")
    monkeypatch.setattr(about_dialog, "bundled_licence_folder", lambda: tmp_path / "licenses")
    by_name = {about_dialog.normalise(c.name): c for c in bundled_components()}
    assert ("LGPL-3.0.txt", "GNU LESSER GENERAL PUBLIC LICENSE\nVersion 3") in by_name["pyside6-essentials"].texts


def test_an_unknown_app_distribution_lists_only_python():
    assert [c.name for c in bundled_components("no-such-distribution-here")] == ["Python"]


def test_requirements_of_an_extra_are_followed_when_asked_for():
    names = {about_dialog.normalise(d.metadata["Name"]) for d in about_dialog.required_distributions()}
    # jusText requires lxml[html_clean], and lxml's html_clean extra requires lxml_html_clean.
    assert "lxml-html-clean" in names
    # factcheck-desk's own extras (test, package) are not asked for.
    assert not {"pytest", "pyinstaller", "hypothesis"} & names
