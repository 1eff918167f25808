"""Starting the app where Qt may not start (issue 15, part 9): --screenshot renders offscreen by itself,
and a missing display or platform plugin is one clear line with exit 2, never Qt's abort (exit 134)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "reliability"))

from reliability_support import seed_library  # noqa: E402

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays are named so on Linux")


def _gui(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """Run `factcheck gui ARGS` in a fresh process with no display (and no platform unless given)."""
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    base.update(PYTHONPATH=str(ROOT), FACTCHECK_DATA_DIR=str(tmp_path / "data"),
                FACTCHECK_LOG_DIR=str(tmp_path / "logs"), FACTCHECK_CONFIG_DIR=str(tmp_path / "config"), **env)
    return subprocess.run([sys.executable, "-m", "factcheck_app", "gui", *args], capture_output=True, text=True,
                          env=base, timeout=120)


def _factcheck_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("factcheck:")]


def test_a_screenshot_needs_no_display(tmp_path):
    library = tmp_path / "lib.sqlite"
    seed_library(library)
    shot = tmp_path / "shot.png"
    done = _gui(tmp_path, "--store", str(library), "--screenshot", str(shot))
    assert done.returncode == 0, done.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_without_a_display_the_window_is_refused_in_one_line(tmp_path):
    done = _gui(tmp_path, "--store", str(tmp_path / "lib.sqlite"))
    assert done.returncode == 2, done.stderr
    lines = _factcheck_lines(done.stderr)
    assert len(lines) == 1 and "no display" in lines[0] and "--screenshot" in lines[0]
    assert "xcb" not in done.stderr and "Traceback" not in done.stderr


def test_a_platform_plugin_that_does_not_load_is_one_line_not_an_abort(tmp_path):
    done = _gui(tmp_path, "--store", str(tmp_path / "lib.sqlite"), "--screenshot", str(tmp_path / "s.png"),
                QT_QPA_PLATFORM="no-such-platform")
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert done.stderr.strip().count("\n") == 0, done.stderr
    assert _factcheck_lines(done.stderr) and "display plugin" in done.stderr
