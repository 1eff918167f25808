"""Starting the desktop app: the QApplication, the library to open, the window, and --screenshot."""
from __future__ import annotations

import errno
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from factcheck_app import APP_ID, APP_NAME, __version__, appdirs
from factcheck_app.core.file_errors import describe_os_error
from factcheck_app.store.errors import StoreError
from factcheck_app.store.library import open_library
from factcheck_app.ui import error_handling
from factcheck_app.ui import settings as cfg
from factcheck_app.ui.qt_platform import EXIT_NO_PLATFORM, PlatformError, StartupGuard, choose_platform

SAMPLE_FILE = "sample-library.sqlite"
SCREENSHOT_SIZE = (1400, 900)


def application(offscreen: bool = False) -> QApplication:
    """Return the running QApplication, creating it on first use (tests already have one).

    ``offscreen`` (a screenshot) needs no display. Raises PlatformError when none is there;
    a Qt platform that fails to load ends the process with one line (see ui.qt_platform).
    """
    app = QApplication.instance()
    if app is None:
        choose_platform(offscreen)
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        with StartupGuard():
            app = QApplication(sys.argv[:1])
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName(APP_ID)
    return app


def sample_library_path() -> Path:
    """Return the sample library, building it on first use."""
    from factcheck_app.sample_library import create_sample_library

    path = appdirs.data_dir() / SAMPLE_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        create_sample_library(path)
    return path


def library_to_open(store: str | None, sample: bool) -> Path:
    """Return the library path: --store, else the sample, else the default library the command line uses too."""
    if store:
        return Path(store).expanduser()
    if sample:
        return sample_library_path()
    return appdirs.default_store_path()


def run_gui(store: str | None = None, sample: bool = False, screenshot: str | Path | None = None) -> int:
    """Open the main window on a library and run until it closes; return the exit status.

    With ``screenshot`` the window is rendered offscreen once loaded (first article and its
    top claim selected), saved as PNG, and the function returns without running an event loop.
    Reuses a running QApplication and never calls sys.exit, so tests can call it.
    """
    try:
        app = application(offscreen=bool(screenshot))
    except PlatformError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return EXIT_NO_PLATFORM
    from factcheck_app.ui.main_window import MainWindow

    settings = cfg.Settings()
    window = MainWindow(settings)
    uninstall = error_handling.install(lambda: window)
    try:
        try:
            path = library_to_open(store, sample)
        except (StoreError, OSError) as exc:
            print(f"factcheck: the sample library could not be built: {exc}", file=sys.stderr)
            return 1
        if screenshot:
            return _screenshot(app, window, path, Path(screenshot))
        window.show()
        # The sample is opened, never remembered among the recent libraries.
        window.open_path(path, create=True, remember=not sample)
        if window.library is not None and not window.article_id:
            window.select_first_content()
        return app.exec()
    finally:
        uninstall()


def _screenshot(app: QApplication, window, path: Path, target: Path) -> int:
    # No dialogs in screenshot mode: nobody is there to answer them.
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        library = open_library(path, create=True, daily_backup=False)
    except (StoreError, OSError) as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        window.close()
        return 1
    window.set_library(library, remember=False)
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    app.processEvents()
    window.select_first_content()
    for _ in range(3):
        app.processEvents()
    image = window.grab()
    window.close()
    window.deleteLater()
    app.processEvents()
    return _save_screenshot(image, target)


def _save_screenshot(image, target: Path) -> int:
    """Write the PNG atomically (a full disk leaves no half image); one line and status 1 when it cannot."""
    from factcheck_app.reports.errors import ReportError
    from factcheck_app.reports.safe_write import atomic_path

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(target, force=True) as tmp:
            if not image.save(str(tmp), "PNG"):
                raise OSError(errno.EIO, "the image could not be written", str(target))
    except ReportError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"factcheck: {describe_os_error(exc, target)}", file=sys.stderr)
        return 1
    return 0
