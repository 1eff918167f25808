"""The settings registry, the worker helper, layout memory, the dialog actions and --screenshot."""
from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QByteArray

from factcheck_app.ui import settings as cfg
from factcheck_app.ui import workers
from factcheck_app.ui.app import run_gui


def test_the_checker_is_never_the_operating_system_account(make_window, sample_library, monkeypatch):
    import getpass

    from factcheck_app import user_profile

    monkeypatch.setattr(getpass, "getuser", lambda: "root")
    window = make_window(sample_library)
    assert user_profile.get_user_name() == "" and window.claim_panel.checker_name == ""
    assert not hasattr(cfg, "os_user_name")


def test_settings_live_in_the_config_dir_with_typed_defaults(user_folders):
    settings = cfg.Settings()
    assert cfg.settings_path().parent == user_folders / "config"
    assert settings.get(cfg.RECENT_LIBRARIES) == []
    assert settings.get(cfg.CLAIMS_SCOPE_ALL) is False
    assert settings.get(cfg.WINDOW_GEOMETRY).isEmpty()
    settings.set(cfg.CLAIMS_SCOPE_ALL, True)
    settings.set(cfg.ARTICLE_FONT_POINTS, 12)
    settings.add_recent_library("/a.sqlite")
    settings.add_recent_library("/b.sqlite")
    settings.add_recent_library("/a.sqlite")
    settings.sync()
    again = cfg.Settings()
    assert again.get(cfg.CLAIMS_SCOPE_ALL) is True
    assert again.get(cfg.ARTICLE_FONT_POINTS) == 12
    assert again.get(cfg.RECENT_LIBRARIES) == ["/a.sqlite", "/b.sqlite"]
    assert (user_folders / "config" / cfg.SETTINGS_FILE).exists()


def test_a_damaged_setting_falls_back_to_its_default(user_folders):
    settings = cfg.Settings()
    settings.qsettings.setValue(cfg.ARTICLE_FONT_POINTS.key, "not a number")
    assert settings.get(cfg.ARTICLE_FONT_POINTS) == 0


def test_window_remembers_geometry_splitters_and_recent_libraries(make_window, sample_library):
    window = make_window(sample_library)
    window.resize(760, 560)
    window.splitter.setSizes([200, 500, 300])
    sizes = window.splitter.sizes()
    window.close()
    settings = cfg.Settings()
    assert settings.get(cfg.RECENT_LIBRARIES)[0] == str(sample_library)
    assert isinstance(settings.get(cfg.MAIN_SPLITTER), QByteArray)
    again = make_window(sample_library)
    assert again.size().width() == 760
    assert again.splitter.sizes() == sizes


def _add(job, a, b):
    job.report(1, 1, "adding")
    return a + b


def _fail(job):
    from factcheck_app.store.errors import StoreError

    raise StoreError("The library is busy.")


def _crash(job):
    raise ZeroDivisionError("hidden detail")


def _wait_for_cancel(job, started):
    started.set()
    while True:
        job.check_cancelled()
        job.wait(5)


def test_worker_reports_its_result(qtbot):
    job = workers.Job(_add, (2, 3))
    with qtbot.waitSignal(job.signals.finished, timeout=10_000) as blocker:
        job.start()
    assert blocker.args == [5]


def test_worker_reports_a_store_error_as_a_message(qtbot):
    job = workers.Job(_fail)
    with qtbot.waitSignal(job.signals.failed, timeout=10_000) as blocker:
        job.start()
    assert blocker.args == ["The library is busy."]


def test_worker_hides_an_unexpected_error_behind_a_plain_message(qtbot):
    job = workers.Job(_crash)
    with qtbot.waitSignal(job.signals.failed, timeout=10_000) as blocker:
        job.start()
    assert "hidden detail" not in blocker.args[0]


def test_start_submits_after_the_caller_connected(qtbot):
    job = workers.start(_add, 4, 5)
    assert job.is_running
    with qtbot.waitSignal(job.signals.finished, timeout=10_000) as blocker:
        pass
    assert blocker.args == [9]


def test_worker_can_be_cancelled(qtbot):
    import threading

    started = threading.Event()
    job = workers.Job(_wait_for_cancel, (started,))
    with qtbot.waitSignal(job.signals.cancelled, timeout=10_000):
        job.start()
        assert started.wait(10)
        assert job.is_running
        job.cancel()
    assert job.wait(10_000)
    assert not workers.running_jobs()


def test_dialog_actions_follow_the_library(make_window, sample_library):
    from factcheck_app.ui.panes.claim_panel import ClaimPanel

    window = make_window()
    # No library: nothing to export, no panel, and the library's preferences are off; your name is not.
    assert not window.acts.act_export.isEnabled()
    assert window.claim_panel is None
    assert not window.acts.act_scales.isEnabled() and not window.acts.act_organisation.isEnabled()
    assert window.acts.act_your_name.isEnabled() and window.acts.act_about.isEnabled()
    window.rate(1)
    window.attach_source()
    assert window.open_path(sample_library)
    assert isinstance(window.claim_panel, ClaimPanel)
    assert window.panel_holder is window.claim_panel
    assert window.acts.act_export.isEnabled() and window.acts.act_scales.isEnabled() and window.acts.act_organisation.isEnabled()
    assert "not available" not in window.acts.act_export.toolTip()


def test_screenshot_writes_a_png(tmp_path, qapp):
    target = tmp_path / "s.png"
    assert run_gui(sample=True, screenshot=str(target)) == 0
    # A screenshot of the sample leaves the remembered libraries alone.
    assert cfg.Settings().get(cfg.RECENT_LIBRARIES) == []
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert target.stat().st_size > 20_000
    assert sys.excepthook is not None


def test_gui_command_opens_a_window_that_stays_up(tmp_path):
    # `factcheck gui --sample` with no screenshot must start and keep running until closed.
    env_cmd = [sys.executable, "-c",
               "import sys; from PySide6.QtCore import QTimer; from PySide6.QtWidgets import QApplication;"
               "from factcheck_app.ui import app;"
               "a = app.application(); QTimer.singleShot(1500, a.quit);"
               "sys.exit(app.run_gui(sample=True))"]
    result = subprocess.run(env_cmd, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    # `make run` opens the sample without making it the library the app (or anything else) remembers.
    assert cfg.Settings().get(cfg.RECENT_LIBRARIES) == []
