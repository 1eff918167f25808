"""The day's copy of a library is made in a worker thread after the window opens it: the window is ready
first, the checker works on meanwhile, closing the app stops the copy cleanly, a failure is said."""
from __future__ import annotations

import os
import threading
import time

import pytest

from factcheck_app.ops import sources as source_ops
from factcheck_app.store import backup
from factcheck_app.store.backup import backup_dir
from factcheck_app.store.daily_backup import DAY_SECONDS, daily_backups
from factcheck_app.store.info import counts
from factcheck_app.store.library import open_library
from factcheck_app.store.sources import list_sources
from factcheck_app.ui.commands import daily_backup as app_backup

WAIT_MS = 30_000


def _copy_of(path):
    with open_library(path, readonly=True) as copy:
        return counts(copy.db), [s["title"] for s in list_sources(copy.db)]


@pytest.fixture
def held_copy(monkeypatch):
    """Make the worker's copy wait after its first step until ``release`` is set (or the copy is cancelled)."""
    state = {"started": threading.Event(), "release": threading.Event(), "job": None}
    real = app_backup.make_daily_backup
    monkeypatch.setattr(backup, "STEP_PAGES", 1)

    def held(store_path, step=None, now=None):
        def wait_then_step(done, total):
            state["started"].set()
            deadline = time.monotonic() + 20
            while not state["release"].is_set() and time.monotonic() < deadline:
                job = state["job"]
                if job is not None and job.is_cancelled:
                    break
                time.sleep(0.005)
            step(done, total)
        return real(store_path, wait_then_step, now)

    monkeypatch.setattr(app_backup, "make_daily_backup", held)
    return state


def test_the_window_is_ready_before_the_days_copy_and_says_when_it_is_made(qtbot, make_window, sample_library):
    window = make_window(show=False)
    with qtbot.waitSignal(window.daily_backup.saved, timeout=WAIT_MS) as saved:
        assert window.open_path(sample_library, create=False)
        # The open returned with the library shown, and no copy made by it.
        assert window.library_pane.model.rowCount() == 2
        assert daily_backups(sample_library) == [] and window.daily_backup.running
    [copy] = daily_backups(sample_library)
    assert saved.args == [copy]
    assert window.statusBar().currentMessage() == f"Daily backup saved: {copy.name}."
    assert _copy_of(copy)[0] == counts(window.library.db)
    # One copy a day: the next open starts none.
    assert window.open_path(sample_library, create=False)
    assert not window.daily_backup.running


def test_the_checker_works_on_while_the_copy_is_made(qtbot, make_window, sample_library, held_copy):
    window = make_window(show=False)
    assert window.open_path(sample_library, create=False)
    held_copy["job"] = window.daily_backup.job
    qtbot.waitUntil(held_copy["started"].is_set, timeout=WAIT_MS)
    assert any(p.name.endswith(".partial") for p in backup_dir(sample_library).iterdir())
    # The GUI thread is free: an operation runs and is committed while the copy is half made.
    assert window.runner.run(source_ops.add_source, "Added during the copy") is not None
    with qtbot.waitSignal(window.daily_backup.saved, timeout=WAIT_MS) as saved:
        held_copy["release"].set()
    copy_counts, copy_sources = _copy_of(saved.args[0])
    assert "Added during the copy" not in copy_sources  # the copy is of the moment it started
    assert "Added during the copy" in [s["title"] for s in list_sources(window.library.db)]
    assert copy_counts["claims"] == counts(window.library.db)["claims"]


def test_closing_the_app_during_the_copy_stops_it_and_leaves_nothing_half_made(qtbot, make_window, sample_library,
                                                                               held_copy):
    open_library(sample_library).close()  # yesterday's copy
    [older] = daily_backups(sample_library)
    then = time.time() - DAY_SECONDS - 60
    os.utime(older, (then, then))
    window = make_window(show=False)
    assert window.open_path(sample_library, create=False)
    job = held_copy["job"] = window.daily_backup.job
    qtbot.waitUntil(held_copy["started"].is_set, timeout=WAIT_MS)
    cancelled = []
    job.signals.cancelled.connect(lambda: cancelled.append(True))
    window.close()  # cancels the job and waits for it, then closes the library
    assert not job.is_running
    qtbot.waitUntil(lambda: cancelled == [True], timeout=WAIT_MS)
    assert sorted(backup_dir(sample_library).iterdir()) == [older]
    with open_library(sample_library) as lib:  # sound, and this open makes the day's copy
        assert counts(lib.db)["articles"] == 2
    assert len(daily_backups(sample_library)) == 2


def test_a_copy_that_cannot_be_made_is_reported_and_the_library_works(qtbot, make_window, sample_library):
    backup_dir(sample_library).write_text("a file where the backups folder should be")
    window = make_window(show=False)
    with qtbot.waitSignal(window.daily_backup.failed, timeout=WAIT_MS) as failed:
        assert window.open_path(sample_library, create=False)
    message = window.statusBar().currentMessage()
    assert message.startswith("The daily backup could not be made:") and failed.args[0] in message
    assert "unchanged" in message
    assert window.library is not None and not window.library.readonly
    assert window.library_pane.model.rowCount() == 2


def test_a_new_or_read_only_library_gets_no_copy(qtbot, make_window, tmp_path, sample_library):
    window = make_window(show=False)
    assert window.open_path(tmp_path / "new.sqlite", create=True)
    assert window.daily_backup.job is None
    with open_library(sample_library, readonly=True) as lib:
        assert not window.daily_backup.start(lib)
    assert daily_backups(sample_library) == []
