"""Automatic backups: before a migration, and a rolling daily copy kept for a week; restoring the latest."""
from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from factcheck_app.cli import main
from factcheck_app.store import open_library
from factcheck_app.store.backup import backup_dir
from factcheck_app.store.daily_backup import DAY_SECONDS, KEEP_COPIES, daily_backups, prune_daily_backups
from factcheck_app.store.errors import StoreCorruptError
from factcheck_app.store.info import counts
from factcheck_app.store.restore import list_backups
from factcheck_app.store.sources import add_source, list_sources

from reliability_support import seed_library, sha256

HOUR = 60 * 60


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_new_library_gets_its_first_daily_copy_on_the_next_open(store_path):
    open_library(store_path).close()
    assert daily_backups(store_path) == []
    with open_library(store_path) as lib:
        made = daily_backups(store_path)
        assert len(made) == 1 and lib.backups == made
    open_library(store_path).close()
    assert daily_backups(store_path) == made


def test_a_day_old_copy_is_followed_by_a_new_one(store_path):
    seed_library(store_path)
    open_library(store_path).close()
    [first] = daily_backups(store_path)
    _age(first, 23 * HOUR)
    open_library(store_path).close()
    assert daily_backups(store_path) == [first]
    _age(first, 25 * HOUR)
    with open_library(store_path) as lib:
        add_source(lib.db, "Added after today's copy")
    copies = daily_backups(store_path)
    assert len(copies) == 2 and copies[1] == first
    # The copy is a sound library holding what the library held when it was opened.
    with open_library(copies[0], readonly=True) as copy:
        assert counts(copy.db)["claims"] == 6
        assert list_sources(copy.db) == []


def test_copies_older_than_a_week_are_deleted_and_at_most_seven_kept(store_path):
    seed_library(store_path)
    folder = backup_dir(store_path)
    folder.mkdir()
    template = folder / "template.bin"
    source, target = sqlite3.connect(store_path), sqlite3.connect(template)
    source.backup(target)
    source.close()
    target.close()
    assert daily_backups(store_path) == []
    ages_in_days = [1.5, 2, 3, 4, 5, 6, 6.5, 7.5, 9, 30]
    for index, days in enumerate(ages_in_days):
        copy = folder / f"{store_path.stem}-daily-2026010{index}T000000000000Z.sqlite"
        copy.write_bytes(template.read_bytes())
        _age(copy, days * DAY_SECONDS)
    other = folder / f"{store_path.stem}-before-v2-20250101T000000000000Z.sqlite"
    other.write_bytes(template.read_bytes())
    _age(other, 400 * DAY_SECONDS)
    with open_library(store_path) as lib:
        assert len(lib.backups) == 1  # the newest copy was 1.5 days old: a new one is made
    kept = daily_backups(store_path)
    assert len(kept) == KEEP_COPIES
    oldest_kept = max(time.time() - p.stat().st_mtime for p in kept)
    assert oldest_kept < 7 * DAY_SECONDS
    # Only daily copies rotate: the backup taken before a migration stays.
    assert other.exists()


def test_pruning_caps_the_number_of_recent_copies(store_path):
    folder = backup_dir(store_path)
    folder.mkdir(parents=True)
    for hour in range(10):
        copy = folder / f"{store_path.stem}-daily-20260101T0{hour}0000000000Z.sqlite"
        copy.write_bytes(b"copy")
        _age(copy, hour * HOUR)
    deleted = prune_daily_backups(store_path)
    assert len(deleted) == 3
    assert len(daily_backups(store_path)) == KEEP_COPIES


def test_a_half_written_copy_left_by_a_crash_is_cleaned_and_never_listed(store_path):
    seed_library(store_path)
    folder = backup_dir(store_path)
    folder.mkdir()
    stale = folder / f"{store_path.stem}-daily-20260101T000000000000Z.sqlite.4242.partial"
    stale.write_bytes(b"SQLite format 3\x00 half")
    _age(stale, 2 * HOUR)
    fresh = folder / f"{store_path.stem}-daily-20260102T000000000000Z.sqlite.4243.partial"
    fresh.write_bytes(b"being written by another instance")
    open_library(store_path).close()
    assert not stale.exists()
    assert fresh.exists()
    assert all(p.suffix == ".sqlite" for p in list_backups(store_path))


def test_a_daily_copy_that_cannot_be_made_does_not_block_the_library(store_path):
    seed_library(store_path)
    backup_dir(store_path).write_text("a file where the backups folder should be")
    with open_library(store_path) as lib:
        assert lib.backups == []
        assert lib.warnings and "daily backup" in lib.warnings[0]
        add_source(lib.db, "Work goes on")


def test_restore_the_latest_backup_of_a_damaged_library(store_path, capsys):
    seed_library(store_path)
    open_library(store_path).close()  # makes the daily copy
    [daily] = daily_backups(store_path)
    conn = sqlite3.connect(store_path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'claims'").fetchone()[0]
    conn.close()
    with store_path.open("r+b") as fh:
        fh.seek((root - 1) * page_size + page_size // 2)
        fh.write(b"\x00\xff" * (page_size // 4))
    damaged = sha256(store_path)
    with pytest.raises(StoreCorruptError, match="factcheck store restore"):
        open_library(store_path)

    assert main(["store", "restore", "--list", "--store", str(store_path)]) == 0
    assert str(daily) in capsys.readouterr().out
    assert main(["store", "restore", "--store", str(store_path)]) == 0
    out = capsys.readouterr().out
    assert "restored" in out and "kept as" in out
    with open_library(store_path) as lib:
        assert counts(lib.db)["claims"] == 6
    kept = [p for p in store_path.parent.iterdir() if ".replaced-" in p.name]
    assert len(kept) == 1 and sha256(kept[0]) == damaged


def test_restore_refuses_a_damaged_backup_and_moves_nothing(store_path, capsys, tmp_path):
    seed_library(store_path)
    bad = tmp_path / "bad-backup.sqlite"
    bad.write_bytes(b"not a database at all" * 20)
    before = sha256(store_path)
    assert main(["store", "restore", str(bad), "--store", str(store_path)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "cannot be restored" in err
    assert sha256(store_path) == before
    assert sorted(p.name for p in store_path.parent.iterdir()) == sorted([store_path.name, bad.name])


def test_a_read_only_open_makes_no_copy(store_path):
    seed_library(store_path)
    before = sha256(store_path)
    with open_library(store_path, readonly=True) as lib:
        assert lib.backups == []
    assert daily_backups(store_path) == [] and not backup_dir(store_path).exists()
    assert sha256(store_path) == before


# The copy the app makes in a worker thread (store.daily_backup.make_daily_backup).

def test_a_worker_copy_is_of_one_moment_while_the_app_writes(store_path, monkeypatch):
    from factcheck_app.store import backup
    from factcheck_app.store.daily_backup import make_daily_backup

    seed_library(store_path)
    monkeypatch.setattr(backup, "STEP_PAGES", 1)
    steps = []
    with open_library(store_path, daily_backup=False) as lib:
        assert daily_backups(store_path) == []

        def step(done: int, total: int) -> None:
            steps.append((done, total))
            if len(steps) == 2:
                add_source(lib.db, "Written by the app while the copy was made")

        made = make_daily_backup(store_path, step)
        assert [s["title"] for s in list_sources(lib.db)] == ["Written by the app while the copy was made"]
    # One page a step, never started again by the app's write: the copy is of the moment it began.
    assert [done for done, _total in steps] == list(range(1, steps[-1][1] + 1))
    assert daily_backups(store_path) == [made]
    with open_library(made, readonly=True) as copy:
        assert list_sources(copy.db) == [] and counts(copy.db)["claims"] == 6
        assert copy.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert make_daily_backup(store_path) is None  # one a day


class _Stop(Exception):
    pass


def test_a_stopped_copy_leaves_no_temporary_file_and_keeps_the_older_copies(store_path, monkeypatch):
    from factcheck_app.store import backup
    from factcheck_app.store.daily_backup import make_daily_backup

    seed_library(store_path)
    open_library(store_path).close()
    [older] = daily_backups(store_path)
    _age(older, 2 * DAY_SECONDS)
    monkeypatch.setattr(backup, "STEP_PAGES", 1)
    seen = []

    def stop_at_the_third_step(done: int, total: int) -> None:
        seen.append(sorted(p.name for p in backup_dir(store_path).iterdir()))
        if len(seen) == 3:
            raise _Stop()

    before = sha256(store_path)
    with pytest.raises(_Stop):
        make_daily_backup(store_path, stop_at_the_third_step)
    assert any(name.endswith(".partial") for name in seen[-1])  # it was stopped half-way
    assert sorted(backup_dir(store_path).iterdir()) == [older]
    assert sha256(store_path) == before


def test_a_copy_cut_short_by_a_killed_app_is_swept_by_the_next_open(store_path):
    import subprocess
    import sys

    from factcheck_app.store.sessions import this_host

    seed_library(store_path)
    folder = backup_dir(store_path)
    folder.mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    name = f"{store_path.stem}-daily-20260101T000000000000Z.sqlite"
    killed = folder / f"{name}.{this_host()}.{int(gone.stdout)}.partial"
    mine = folder / f"{name}.{this_host()}.{os.getpid()}.partial"  # another thread of this process at work
    elsewhere = folder / f"{name}.another-computer.{int(gone.stdout)}.partial"
    for partial in (killed, mine, elsewhere):
        partial.write_bytes(b"SQLite format 3\x00 half")
    open_library(store_path).close()
    assert not killed.exists()
    assert mine.exists() and elsewhere.exists()
    _age(elsewhere, 2 * HOUR)
    open_library(store_path).close()
    assert not elsewhere.exists()


def test_a_worker_copy_that_cannot_be_made_says_so_in_one_line(store_path):
    from factcheck_app.store.daily_backup import make_daily_backup
    from factcheck_app.store.errors import StoreError

    seed_library(store_path)
    backup_dir(store_path).write_text("a file where the backups folder should be")
    before = sha256(store_path)
    with pytest.raises(StoreError) as caught:
        make_daily_backup(store_path)
    message = str(caught.value)
    assert "\n" not in message and backup_dir(store_path).name in message
    assert sha256(store_path) == before
