"""Stores that are not right: each gives one clear message, and the file is left byte-for-byte as it was."""
from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest

from factcheck_app.cli import main
from factcheck_app.store import open_library, schema
from factcheck_app.store.errors import (
    NewerSchemaError,
    NotAStoreError,
    StoreBusyError,
    StoreCorruptError,
    StoreError,
    StoreFullError,
    StoreReadOnlyError,
)
from factcheck_app.store.evidence import add_evidence
from factcheck_app.store.info import check_library, counts
from factcheck_app.store.sources import add_source, list_sources
from factcheck_app.store.transaction import write
from verdict_support import set_verdict

from reliability_support import read_only, seed_library, sha256


@pytest.fixture
def good_store(tmp_path) -> Path:
    """Return a closed, sound library holding one article with claims."""
    path = tmp_path / "good.sqlite"
    seed_library(path)
    assert not path.with_name(path.name + "-wal").exists()
    return path


def _refused_by_cli(capsys, path: Path, argv: list[str]) -> str:
    """Run the CLI on ``path``; assert exit 2 and exactly one 'factcheck: ...' line on stderr; return it."""
    capsys.readouterr()
    status = main([*argv, "--store", str(path)])
    out, err = capsys.readouterr()
    assert status == 2, (out, err)
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("factcheck: ")
    assert "Traceback" not in err
    return lines[0]


READ_COMMAND = ["articles"]
WRITE_COMMAND = ["source", "add", "--title", "A new source"]


def _check_refused(capsys, figures, path: Path, error: type[StoreError], *words: str,
                   reads_allowed: bool = False) -> None:
    """Opening and writing ``path`` are refused with ``error`` (reading too, unless ``reads_allowed``:
    read-only libraries are listed read-only); the file never changes."""
    before = sha256(path)
    with pytest.raises(error) as caught:
        open_library(path)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message.lower()
    if reads_allowed:
        capsys.readouterr()
        assert main([*READ_COMMAND, "--store", str(path)]) == 0
        assert "TITLE" in capsys.readouterr().out
    for argv in ((WRITE_COMMAND,) if reads_allowed else (READ_COMMAND, WRITE_COMMAND)):
        line = _refused_by_cli(capsys, path, argv)
        for word in words:
            assert word in line.lower()
    assert sha256(path) == before
    figures["bad stores tried"] += 1


@pytest.mark.parametrize(
    "content",
    [b"Just some notes, not a database.\n" * 40, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
     b"PK\x03\x04" + b"\x00" * 600, b"SQLite format 2\x00" + b"\x00" * 600],
    ids=["text", "png", "zip", "near-miss-header"],
)
def test_a_file_that_is_not_sqlite(tmp_path, capsys, figures, content):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(content)
    _check_refused(capsys, figures, path, NotAStoreError, "not")


def test_a_truncated_store(good_store, capsys, figures):
    size = good_store.stat().st_size
    os.truncate(good_store, size // 2)
    _check_refused(capsys, figures, good_store, StoreCorruptError, "restore")


def test_a_store_truncated_inside_its_header(good_store, capsys, figures):
    os.truncate(good_store, 60)
    before = sha256(good_store)
    with pytest.raises(StoreError):
        open_library(good_store)
    _refused_by_cli(capsys, good_store, READ_COMMAND)
    assert sha256(good_store) == before
    figures["bad stores tried"] += 1


def _root_page(path: Path, table: str) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    finally:
        conn.close()
    return page_size, root


@pytest.mark.parametrize("table", ["articles", "claims", "facets"])
def test_a_store_with_bytes_overwritten_in_the_middle_of_a_page(good_store, capsys, figures, table):
    page_size, root = _root_page(good_store, table)
    with good_store.open("r+b") as fh:
        # The second half of a b-tree page holds its rows: garbage there is real damage.
        fh.seek((root - 1) * page_size + page_size // 2)
        fh.write(b"\xa5" * (page_size // 2))
    _check_refused(capsys, figures, good_store, StoreCorruptError, "restore")


def test_a_store_from_a_newer_version(good_store, capsys, figures):
    conn = sqlite3.connect(good_store)
    conn.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    _check_refused(capsys, figures, good_store, NewerSchemaError, "newer", "update the app")
    with pytest.raises(NewerSchemaError):
        open_library(good_store, readonly=True)


def test_an_sqlite_file_of_another_program(tmp_path, capsys, figures):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('cat.jpg')")
    conn.commit()
    conn.close()
    _check_refused(capsys, figures, path, NotAStoreError, "another program")


def test_a_folder_and_a_fifo_are_not_stores(tmp_path, capsys, figures):
    folder = tmp_path / "folder.sqlite"
    folder.mkdir()
    with pytest.raises(NotAStoreError):
        open_library(folder)
    _refused_by_cli(capsys, folder, READ_COMMAND)
    fifo = tmp_path / "pipe.sqlite"
    os.mkfifo(fifo)
    # Reading a FIFO would block the app for ever; it is refused by its type, unread.
    with pytest.raises(NotAStoreError, match="regular file"):
        open_library(fifo)
    _refused_by_cli(capsys, fifo, READ_COMMAND)
    figures["bad stores tried"] += 2


def test_a_read_only_file(good_store, capsys, figures):
    before = sha256(good_store)
    with read_only(good_store):
        _check_refused(capsys, figures, good_store, StoreReadOnlyError, "read-only", reads_allowed=True)
        # What can be done: open it read-only and read everything.
        with open_library(good_store, readonly=True) as lib:
            assert lib.readonly
            assert counts(lib.db)["claims"] == 6
            with pytest.raises(StoreReadOnlyError):
                add_source(lib.db, "Not saved")
    assert sha256(good_store) == before


def test_a_read_only_folder(good_store, capsys, figures):
    before = sha256(good_store)
    with read_only(good_store.parent):
        _check_refused(capsys, figures, good_store, StoreReadOnlyError, "read-only", reads_allowed=True)
        with open_library(good_store, readonly=True) as lib:
            assert counts(lib.db)["claims"] == 6
            with pytest.raises(StoreReadOnlyError):
                add_source(lib.db, "Not saved")
        assert sorted(p.name for p in good_store.parent.iterdir()) == ["good.sqlite"]
    assert sha256(good_store) == before


def test_a_new_library_in_a_read_only_folder(tmp_path, capsys):
    folder = tmp_path / "locked"
    folder.mkdir()
    with read_only(folder):
        with pytest.raises(StoreReadOnlyError, match="read-only"):
            open_library(folder / "new.sqlite")
        _refused_by_cli(capsys, folder / "new.sqlite", WRITE_COMMAND)
        assert list(folder.iterdir()) == []


def _fill_up(lib) -> None:
    """Make the library 'full': no page may be added beyond the ones it has."""
    pages = lib.db.execute("PRAGMA page_count").fetchone()[0]
    lib.db.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_rolls_the_whole_change_back(good_store, figures):
    with open_library(good_store) as lib:
        claim_id = lib.db.execute("SELECT id FROM claims LIMIT 1").fetchone()[0]
        kept = add_source(lib.db, "Saved before the disk filled")
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before_counts = counts(lib.db)
        before_file = sha256(good_store)
        _fill_up(lib)
        with pytest.raises(StoreFullError) as caught:
            with write(lib.db):
                source_id = add_source(lib.db, "Lost with its unit")
                add_evidence(lib.db, claim_id, source_id, "supports", excerpt="also lost")
                set_verdict(lib.db, claim_id, "False", rationale="y" * 400_000, why="too big to fit")
        assert "disk is full" in str(caught.value)
        assert counts(lib.db) == before_counts
        assert [s["id"] for s in list_sources(lib.db)] == [kept]
        assert sha256(good_store) == before_file
        # Room again (space freed): the library works on as before.
        lib.db.execute("PRAGMA max_page_count = 1073741823")
        add_source(lib.db, "Saved after space was freed")
        assert check_library(lib) == []
    figures["bad stores tried"] += 1


def test_a_full_disk_through_the_cli_is_one_line(good_store, capsys, monkeypatch, figures):
    import factcheck_app.store.library as library_module

    real_open = library_module.open_library

    def open_full(*args, **kwargs):
        lib = real_open(*args, **kwargs)
        _fill_up(lib)
        return lib

    # The CLI imports open_library when a command runs, so patching the module is enough.
    monkeypatch.setattr(library_module, "open_library", open_full)
    before = sha256(good_store)
    line = _refused_by_cli(capsys, good_store, ["source", "add", "--title", "t", "--notes", "n" * 200_000])
    assert "disk is full" in line
    assert sha256(good_store) == before
    figures["bad stores tried"] += 1


@pytest.fixture
def short_busy_timeout(monkeypatch):
    monkeypatch.setenv("FACTCHECK_BUSY_TIMEOUT_MS", "200")


def test_a_second_instance_opens_the_library_at_once(good_store):
    first = open_library(good_store)
    second = open_library(good_store)
    try:
        add_source(first.db, "From the first window")
        assert [s["title"] for s in list_sources(second.db)] == ["From the first window"]
        add_source(second.db, "From the second window")
        assert len(list_sources(first.db)) == 2
    finally:
        first.close()
        second.close()


def test_a_library_locked_exclusively_by_another_program(good_store, capsys, short_busy_timeout, figures):
    other = sqlite3.connect(good_store, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("CREATE TABLE other_program_scratch (x)")
    try:
        before = sha256(good_store)
        with pytest.raises(StoreBusyError, match="locked by another program"):
            open_library(good_store)
        line = _refused_by_cli(capsys, good_store, READ_COMMAND)
        assert "locked" in line
        assert sha256(good_store) == before
    finally:
        other.execute("ROLLBACK")
        other.close()
    with open_library(good_store) as lib:
        assert counts(lib.db)["claims"] == 6
    figures["bad stores tried"] += 1


def test_a_writer_that_holds_its_transaction_too_long(good_store, short_busy_timeout):
    with open_library(good_store) as lib:
        other = sqlite3.connect(good_store, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO library_settings (key, value) VALUES ('other', 'program')")
        try:
            # Reading goes on while another program writes (WAL) ...
            assert counts(lib.db)["claims"] == 6
            # ... a write waits for the busy timeout, then says so; nothing half-done stays.
            with pytest.raises(StoreBusyError, match="try it again"):
                add_source(lib.db, "Waits then gives up")
            assert not lib.db.conn.in_transaction
        finally:
            other.execute("COMMIT")
            other.close()
        add_source(lib.db, "Goes through once the other program is done")
        assert [s["title"] for s in list_sources(lib.db)] == ["Goes through once the other program is done"]


def test_a_writer_that_finishes_within_the_timeout_is_waited_for(good_store):
    with open_library(good_store) as lib:
        other = sqlite3.connect(good_store, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO library_settings (key, value) VALUES ('other', 'program')")
        release = threading.Timer(0.3, lambda: (other.execute("COMMIT"), other.close()))
        release.start()
        try:
            add_source(lib.db, "Queued behind the other writer")
        finally:
            release.join()
        assert len(list_sources(lib.db)) == 1
        assert lib.db.execute("SELECT value FROM library_settings WHERE key = 'other'").fetchone()[0] == "program"


def test_a_negative_schema_version_is_damage_not_a_migration(tmp_path):
    import sqlite3

    from factcheck_app.store import open_library
    from factcheck_app.store.errors import StoreCorruptError

    path = tmp_path / "negative.sqlite"
    seed_library(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = -7")
    conn.commit()
    conn.close()
    before = sha256(path)
    with pytest.raises(StoreCorruptError, match="damaged"):
        open_library(path)
    assert sha256(path) == before
