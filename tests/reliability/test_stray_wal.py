"""A -wal file beside a library is replayed only when it is the library's own (issue 15, part 1), and the
full integrity check runs after an unclean shutdown rather than at every open (issue 10, item 8)."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck_app.cli import main
from factcheck_app.store import library as library_module
from factcheck_app.store import open_library
from factcheck_app.store.errors import StrayWalError
from factcheck_app.store.sessions import sessions
from factcheck_app.store.sources import add_source, list_sources

from reliability_support import seed_library, sha256

ROOT = Path(__file__).resolve().parents[2]


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _keep_wal_of(open_conn_path: Path, writes, into: Path) -> None:
    """Run ``writes(conn)`` on a WAL connection that never checkpoints, and copy its -wal to ``into``."""
    conn = sqlite3.connect(open_conn_path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        writes(conn)
        shutil.copyfile(_wal(open_conn_path), into)
    finally:
        conn.close()


def _foreign_wal(tmp_path: Path) -> Path:
    """Return a -wal written by another program's small database."""
    other = tmp_path / "other-program.db"
    saved = tmp_path / "other.wal"

    def writes(conn):
        conn.execute("CREATE TABLE notes (x)")
        conn.execute("INSERT INTO notes VALUES ('from another program')")

    _keep_wal_of(other, writes, saved)
    return saved


def _library_wal(path: Path, saved: Path, title: str) -> None:
    """Keep the -wal of a library session that added a source titled ``title`` (the app's own writes)."""
    lib = open_library(path)
    try:
        lib.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
        lib.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        add_source(lib.db, title)
        shutil.copyfile(_wal(path), saved)
    finally:
        lib.close()


def _refused(capsys, path: Path, *words: str) -> None:
    """The library and its stray WAL are left byte-identical by an open and by read and write commands."""
    wal = _wal(path)
    before, wal_before = sha256(path), sha256(wal)
    with pytest.raises(StrayWalError) as caught:
        open_library(path)
    message = str(caught.value)
    assert "\n" not in message and wal.name in message and "move" in message
    for word in words:
        assert word in message
    for argv in (["articles"], ["store", "check"], ["source", "add", "--title", "t"]):
        capsys.readouterr()
        assert main([*argv, "--store", str(path)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and wal.name in err and "Traceback" not in err
    assert sha256(path) == before and sha256(wal) == wal_before


def test_a_wal_of_another_program_is_not_replayed(tmp_path, capsys, figures):
    library = tmp_path / "library.sqlite"
    seed_library(library)
    shutil.copyfile(_foreign_wal(tmp_path), _wal(library))
    _refused(capsys, library, "another database")
    figures["bad stores tried"] += 1


def test_a_wal_of_another_library_is_not_replayed(tmp_path, capsys, figures):
    library, other = tmp_path / "library.sqlite", tmp_path / "other.sqlite"
    seed_library(library)
    seed_library(other)
    _library_wal(other, tmp_path / "other.wal", "A source of the other library")
    shutil.copyfile(tmp_path / "other.wal", _wal(library))
    _refused(capsys, library, "another library")
    figures["bad stores tried"] += 1


def test_a_wal_left_beside_an_older_copy_of_the_library_is_not_replayed(tmp_path, capsys):
    library = tmp_path / "library.sqlite"
    seed_library(library)
    older = tmp_path / "older-copy.sqlite"
    shutil.copyfile(library, older)
    with open_library(library) as lib:
        add_source(lib.db, "Added after the copy was taken")
    _library_wal(library, tmp_path / "newer.wal", "In the WAL only")
    shutil.copyfile(older, library)
    shutil.copyfile(tmp_path / "newer.wal", _wal(library))
    _refused(capsys, library, "newer than the library file")


def test_an_old_wal_beside_a_newer_library_is_not_replayed(tmp_path, capsys):
    library = tmp_path / "library.sqlite"
    seed_library(library)
    _library_wal(library, tmp_path / "old.wal", "An early source")
    with open_library(library) as lib:
        add_source(lib.db, "A later source")
    shutil.copyfile(tmp_path / "old.wal", _wal(library))
    _refused(capsys, library, "older than the library file")


@pytest.mark.parametrize("suffix", ["-wal", "-shm"])
@pytest.mark.parametrize("kind", ["folder", "fifo", "link to a device"])
def test_a_side_file_that_is_not_a_file_is_refused(tmp_path, suffix, kind):
    library = tmp_path / "library.sqlite"
    seed_library(library)
    side = library.with_name(library.name + suffix)
    if kind == "folder":
        side.mkdir()
    elif kind == "fifo":
        os.mkfifo(side)
    else:
        side.symlink_to("/dev/zero")
    before = sha256(library)
    with pytest.raises(StrayWalError, match="not a regular file"):
        open_library(library)
    assert sha256(library) == before


def test_the_library_s_own_wal_is_read_while_another_connection_writes(tmp_path, capsys):
    library = tmp_path / "library.sqlite"
    seed_library(library)
    with open_library(library) as writer:
        writer.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
        add_source(writer.db, "Written while the app is open")
        assert _wal(library).stat().st_size > 0
        capsys.readouterr()
        assert main(["source", "list", "--store", str(library)]) == 0
        assert "Written while the app is open" in capsys.readouterr().out


def _write_and_die(library: Path, title: str) -> None:
    """In another process: open the library, add a source, and die without closing anything (as a crash)."""
    code = (
        "import os, sys\n"
        "from factcheck_app.store import open_library\n"
        "from factcheck_app.store.sources import add_source\n"
        "lib = open_library(sys.argv[1])\n"
        "lib.db.conn.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "add_source(lib.db, sys.argv[2])\n"
        "os._exit(0)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", code, str(library), title], check=True, env=env, timeout=60)


def _count_full_checks(monkeypatch) -> list[bool]:
    calls: list[bool] = []
    real = library_module.integrity_problems

    def spy(conn, path, *, quick=False):
        calls.append(quick)
        return real(conn, path, quick=quick)

    monkeypatch.setattr(library_module, "integrity_problems", spy)
    return calls


def test_after_a_crash_the_own_wal_is_replayed_and_the_full_check_runs_once(tmp_path, monkeypatch):
    library = tmp_path / "library.sqlite"
    seed_library(library)
    _write_and_die(library, "Saved just before the crash")
    assert _wal(library).stat().st_size > 0
    assert [s for s in sessions(library) if s.abandoned()], "the crashed process left its marker"
    checks = _count_full_checks(monkeypatch)
    with open_library(library) as lib:
        assert "Saved just before the crash" in [s["title"] for s in list_sources(lib.db)]
    assert checks.count(False) == 1
    assert sessions(library) == [] and not _wal(library).exists()
    checks.clear()
    monkeypatch.setattr(library_module, "QUICK_CHECK_MAX_BYTES", 0)  # as for a large library
    with open_library(library):
        pass
    assert checks == [], "a cleanly closed library is not checked again"


def test_a_crash_of_a_process_that_left_no_marker_is_seen_from_its_wal(tmp_path, monkeypatch):
    library = tmp_path / "library.sqlite"
    seed_library(library)
    _write_and_die(library, "Saved before the crash")
    for session in sessions(library):
        session.path.unlink()
    checks = _count_full_checks(monkeypatch)
    with open_library(library):
        pass
    assert checks.count(False) == 1


def test_opening_a_library_does_not_change_it(tmp_path):
    library = tmp_path / "library.sqlite"
    seed_library(library)
    before = sha256(library)
    with open_library(library):
        pass
    assert sha256(library) == before
    assert sessions(library) == []
