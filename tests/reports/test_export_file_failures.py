"""Exports meet the file system's failures with one line and no file (issue 15, parts 2, 3 and 4): targets
that are not regular files, a full disk, over-long names, and temporary files left by a killed export."""
from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck_app.cli import main
from factcheck_app.reports import safe_write
from factcheck_app.reports.errors import ReportError
from factcheck_app.reports.safe_write import sweep_leftovers, temp_prefix, write_string

ROOT = Path(__file__).resolve().parents[2]
TEXT_FORMATS = [("html", "r.html"), ("md", "r.md"), ("csv", "r.csv"), ("json", "r.json"),
                ("claimreview", "r.jsonld")]


def _one_line_refusal(capsys, argv: list[str]) -> str:
    capsys.readouterr()
    status = main(argv)
    out, err = capsys.readouterr()
    assert status == 2, (out, err)
    assert err.count("\n") == 1 and err.startswith("factcheck: ") and "Traceback" not in err, err
    return err


def _export(store: Path, fmt: str, target: Path | str, *extra: str) -> list[str]:
    argv = ["export", "--store", str(store), "--format", fmt, "--all", "-o", str(target), *extra]
    if fmt == "claimreview":
        argv.append("--allow-missing-url")
    return argv


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# Part 2: --force replaces regular files only.

def test_force_does_not_replace_a_fifo(report_lib, tmp_path, capsys):
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    err = _one_line_refusal(capsys, _export(report_lib.path, "html", fifo, "--force"))
    assert "not a regular file" in err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_force_does_not_replace_a_device(report_lib, tmp_path, capsys, device):
    if not os.path.exists(device):
        pytest.skip(f"{device} is not on this system")
    err = _one_line_refusal(capsys, _export(report_lib.path, "md", device, "--force"))
    assert "not a regular file" in err
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_a_link_to_a_device_is_not_followed_into_a_replacement(report_lib, tmp_path, capsys):
    link = tmp_path / "report.json"
    link.symlink_to("/dev/null")
    err = _one_line_refusal(capsys, _export(report_lib.path, "json", link, "--force"))
    assert "not a regular file" in err
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_store_backup_does_not_replace_a_device_or_a_fifo(report_lib, tmp_path, capsys):
    fifo = tmp_path / "backup.sqlite"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/full"):
        err = _one_line_refusal(capsys, ["store", "backup", target, "--force", "--store", str(report_lib.path)])
        assert "not a regular file" in err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and stat.S_ISCHR(os.stat("/dev/full").st_mode)


# Part 3: a full disk, and names too long for the disk.

class _FullDisk:
    """A text file that takes ``room`` characters, then fails as a full disk does."""

    def __init__(self, real, room: int):
        self.real, self.room = real, room

    def write(self, text: str) -> int:
        if len(text) > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(text)
        return self.real.write(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.real.close()


@pytest.mark.parametrize("fmt, name", [f for f in TEXT_FORMATS if f[0] != "csv"])
def test_a_full_disk_during_a_text_export_is_one_line_and_no_file(report_lib, tmp_path, capsys, monkeypatch,
                                                                   fmt, name):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    monkeypatch.setattr(safe_write, "open", lambda *a, **k: _FullDisk(open(*a, **k), 200), raising=False)
    err = _one_line_refusal(capsys, _export(report_lib.path, fmt, out_dir / name))
    assert "disk is full" in err and name in err
    assert list(out_dir.iterdir()) == []


_LIMITED_EXPORT = """
import resource, sys
from factcheck_app.cli import main
from factcheck_app.store import open_library
# Opened first so the library's own side files exist at their size; then the 'disk' holds LIMIT bytes more
# per file (RLIMIT_FSIZE: writes past it fail with EFBIG, as they fail with ENOSPC on a full disk).
keep = open_library(sys.argv[1], create=False)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[2]), int(sys.argv[2])))
sys.exit(main(["export", "--store", sys.argv[1], *sys.argv[3:]]))
"""


def _export_on_a_small_disk(store: Path, limit: int, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", _LIMITED_EXPORT, str(store), str(limit), *args],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.parametrize("fmt, name", [*TEXT_FORMATS, ("pdf", "r.pdf")])
def test_an_export_that_does_not_fit_on_the_disk_fails_with_one_line_and_no_file(report_lib, tmp_path, fmt, name):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    extra = ["--allow-missing-url"] if fmt == "claimreview" else []
    done = _export_on_a_small_disk(report_lib.path, 1500, "--format", fmt, "--all", "-o", str(out_dir / name),
                                   *extra)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    assert name in done.stderr and "could not be written" in done.stderr
    assert list(out_dir.iterdir()) == [], "no file and no temporary file is left"


LONG_NAME = "n" * 300


def test_an_over_long_export_name_is_one_line(report_lib, tmp_path, capsys):
    err = _one_line_refusal(capsys, _export(report_lib.path, "html", tmp_path / f"{LONG_NAME}.html"))
    assert "too long" in err
    assert list(tmp_path.glob("*.part")) == [] and list(tmp_path.glob(".*.part")) == []


def test_an_over_long_import_name_is_one_line(tmp_path, capsys):
    err = _one_line_refusal(capsys, ["import", str(tmp_path / f"{LONG_NAME}.txt"), "--store",
                                     str(tmp_path / "lib.sqlite")])
    assert "too long" in err
    assert not (tmp_path / "lib.sqlite").exists()


@pytest.mark.parametrize("argv", [["articles"], ["source", "add", "--title", "t"], ["store", "info"]])
def test_an_over_long_library_name_is_one_line(tmp_path, capsys, argv):
    err = _one_line_refusal(capsys, [*argv, "--store", str(tmp_path / f"{LONG_NAME}.sqlite")])
    assert "too long" in err


def test_a_target_name_near_the_limit_still_gets_its_temporary_file(report_lib, tmp_path, capsys):
    name = "r" * 250 + ".json"
    capsys.readouterr()
    assert main(_export(report_lib.path, "json", tmp_path / name)) == 0
    assert (tmp_path / name).is_file()


# Part 4: temporary files of an export that died are removed by the next export to the folder.

def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_the_next_export_removes_a_dead_export_s_temporary_file(report_lib, tmp_path, capsys):
    target = tmp_path / "report.html"
    pid = _dead_pid()
    left = tmp_path / (temp_prefix(target).replace(f"-{os.getpid()}-", f"-{pid}-") + "abcd1234.part")
    left.write_bytes(b"x" * 10_000)
    old_style = tmp_path / ".report.html.k2j4h5g6.part"  # as versions before this one named them
    old_style.write_bytes(b"y" * 10_000)
    os.utime(old_style, (0, 0))
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        busy = tmp_path / (temp_prefix(target).replace(f"-{os.getpid()}-", f"-{running.pid}-") + "zzzz9999.part")
        busy.write_bytes(b"z")
        assert main(_export(report_lib.path, "html", target)) == 0
        assert _leftovers(tmp_path) == [busy.name], "a running export's file is left alone"
    finally:
        running.kill()
        running.wait()
    assert target.is_file()


def test_an_ordinary_failure_leaves_no_temporary_file(tmp_path, monkeypatch):
    monkeypatch.setattr(safe_write, "open", lambda *a, **k: _FullDisk(open(*a, **k), 10), raising=False)
    with pytest.raises(ReportError, match="disk is full"):
        write_string(tmp_path / "out.txt", "more than ten characters")
    assert list(tmp_path.iterdir()) == []
    assert sweep_leftovers(tmp_path) == []
