"""A disk that fills up while the library is copied, restored or rendered: one line, the library as it
was, and no half-written file left (RLIMIT_FSIZE in a child process stands in for a full disk)."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from factcheck_app.store import open_library
from factcheck_app.store.sources import add_source

from reliability_support import seed_library, sha256

ROOT = Path(__file__).resolve().parents[2]
_LIMITED = """
import resource, sys
from factcheck_app.store import open_library
keep = open_library(sys.argv[2], create=False)  # the library's own -shm exists before the disk 'fills'
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
from factcheck_app.cli import main
sys.exit(main(sys.argv[3:]))
"""


def _on_a_full_disk(limit: int, library: Path, *argv) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", _LIMITED, str(limit), str(library), *map(str, argv)],
                          capture_output=True, text=True, env=env, timeout=120)


def _one_line(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    return done.stderr


def test_a_backup_that_does_not_fit_leaves_no_half_copy(tmp_path, figures):
    library = tmp_path / "library.sqlite"
    seed_library(library)
    copies = tmp_path / "copies"
    copies.mkdir()
    err = _one_line(_on_a_full_disk(20_000, library, "store", "backup", copies / "copy.sqlite",
                                    "--store", library))
    assert "copy.sqlite" in err
    assert list(copies.iterdir()) == []
    figures["bad stores tried"] += 1


def test_a_restore_that_does_not_fit_leaves_the_library_where_it_was(tmp_path, figures):
    library = tmp_path / "library.sqlite"
    seed_library(library)
    backup = tmp_path / "backup.sqlite"
    with open_library(library) as lib:
        add_source(lib.db, "Only in the backup")
        from factcheck_app.store.backup import backup_connection

        backup_connection(lib.db.conn, backup)
    before = sha256(library)
    err = _one_line(_on_a_full_disk(20_000, library, "store", "restore", backup, "--store", library))
    assert "cannot be restored" in err
    assert sha256(library) == before
    assert sorted(p.name for p in tmp_path.iterdir() if "restoring" in p.name or "replaced" in p.name) == []
    figures["bad stores tried"] += 1


def test_a_screenshot_is_not_written_over_a_device(tmp_path):
    library = tmp_path / "library.sqlite"
    seed_library(library)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "FACTCHECK_CONFIG_DIR": str(tmp_path / "config"), "FACTCHECK_LOG_DIR": str(tmp_path / "logs")}
    done = subprocess.run([sys.executable, "-m", "factcheck_app", "gui", "--store", str(library),
                           "--screenshot", "/dev/full"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "not a regular file" in done.stderr
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
