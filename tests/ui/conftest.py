"""Fixtures for the desktop app's tests: no blocking dialogs, no worker left running, a sample library
copied per test, and a main window on it (widgets registered with qtbot so they are closed)."""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QThreadPool

SAMPLE_CACHE = "sample-library-master.sqlite"


@dataclass
class DialogLog:
    """What message boxes a test caused; ``answers`` are the buttons to press, in order."""

    calls: list[dict] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)

    def __call__(self, parent, level, title, text, buttons=("OK",), detail=None):
        self.calls.append({"level": level, "title": title, "text": text, "buttons": tuple(buttons),
                           "detail": detail})
        return self.answers.pop(0) if self.answers else buttons[0]

    def texts(self) -> str:
        """All titles, texts and details joined, for `in` checks."""
        return "\n".join(f"{c['title']}: {c['text']} {c['detail'] or ''}" for c in self.calls)


@pytest.fixture(autouse=True)
def dialog_log(monkeypatch):
    """Replace every message box with a recorder that presses the first (or a queued) button."""
    from factcheck_app.ui.dialogs import prompts

    log = DialogLog()
    monkeypatch.setattr(prompts, "message", log)
    monkeypatch.setattr(prompts, "ask_open_files", lambda *a, **k: [])
    monkeypatch.setattr(prompts, "ask_open_file", lambda *a, **k: None)
    monkeypatch.setattr(prompts, "ask_save_file", lambda *a, **k: None)
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: None)
    return log


@pytest.fixture(autouse=True)
def dangling_qthreads(request):
    """Fail a test that leaves thread-pool work running (as napari's fixture of the same name)."""
    yield
    from factcheck_app.ui import workers

    pool = QThreadPool.globalInstance()
    # A job that has reported its end may still be returning from its thread: a moment's grace.
    pool.waitForDone(500)
    left = workers.running_jobs()
    active = pool.activeThreadCount()
    if left or active:
        for job in left:
            job.cancel()
        pool.waitForDone(10_000)
        pytest.fail(f"{request.node.name} left {max(len(left), active)} thread-pool job(s) running")


@pytest.fixture(scope="session")
def _sample_master(tmp_path_factory):
    from factcheck_app.sample_library import build_sample_library

    path = tmp_path_factory.mktemp("sample") / SAMPLE_CACHE
    build_sample_library(path)
    return path


@pytest.fixture
def sample_library(_sample_master, tmp_path):
    """Return the path of a fresh copy of the built-in sample library in this test's folder."""
    from factcheck_app.store.files import files_dir

    target = tmp_path / "sample.sqlite"
    shutil.copy2(_sample_master, target)
    shutil.copytree(files_dir(_sample_master), files_dir(target))  # the sample's document
    return target


@pytest.fixture
def make_window(qtbot):
    """Return a factory of main windows (registered with qtbot), optionally opened on a library path."""
    from factcheck_app.ui.main_window import MainWindow

    def make(path=None, show=True):
        window = MainWindow()
        qtbot.addWidget(window)
        if path is not None:
            assert window.open_path(path, create=True)
        if show:
            window.show()
            qtbot.waitExposed(window)
            # Window-wide shortcuts only fire in the active window.
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


@pytest.fixture
def main_window(make_window, sample_library):
    """Return a shown main window on a copy of the sample library, with "A. Tester" as the checker's name."""
    from factcheck_app import user_profile

    user_profile.set_user_name("A. Tester")
    return make_window(sample_library)


@pytest.fixture
def runner(qtbot, library):
    """Return an OpRunner (the window's way of running operations) on this test's fresh library."""
    from tests.ui.claim_helpers import runner_on

    return runner_on(library)
