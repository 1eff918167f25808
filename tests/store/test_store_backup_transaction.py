"""store.backup, store.restore and store.transaction."""
from __future__ import annotations

import os
import sqlite3
import time

import pytest

from factcheck_app.store import open_library
from factcheck_app.store.backup import automatic_backup, backup_connection, backup_dir
from factcheck_app.store.errors import (
    NotAStoreError,
    StoreBusyError,
    StoreCorruptError,
    StoreError,
    StoreFullError,
    StoreReadOnlyError,
    ValidationError,
)
from factcheck_app.store.info import counts
from factcheck_app.store.restore import list_backups, restore_backup
from factcheck_app.store.sources import add_source, list_sources
from factcheck_app.store.transaction import busy_timeout_ms, translate, write


def test_backup_is_a_consistent_copy_taken_while_in_use(seeded, tmp_path):
    library, _ = seeded
    other = open_library(library.path)
    try:
        with write(other.db):
            add_source(other.db, "Not committed when the copy is taken")
            target = backup_connection(library.db.conn, tmp_path / "copies" / "copy.sqlite")
    finally:
        other.close()
    assert not list(target.parent.glob("*.partial"))
    with open_library(target, readonly=True) as copy:
        assert counts(copy.db)["claims"] == 6
        assert list_sources(copy.db) == []


def test_automatic_backup_names(library):
    path = automatic_backup(library.db.conn, library.path, "before-v9")
    assert path.parent == backup_dir(library.path)
    assert path.name.startswith(f"{library.path.stem}-before-v9-") and path.suffix == ".sqlite"


def test_list_and_restore_backups(seeded, tmp_path):
    library, _ = seeded
    first = automatic_backup(library.db.conn, library.path, "manual")
    add_source(library.db, "After the first backup")
    second = automatic_backup(library.db.conn, library.path, "manual")
    os.utime(first, (time.time() - 100, time.time() - 100))
    assert list_backups(library.path)[:2] == [second, first]
    add_source(library.db, "After both backups")
    path = library.path
    library.close()
    restored, kept = restore_backup(path, first)
    assert restored == first and kept.exists() and ".replaced-" in kept.name
    with open_library(path) as lib:
        assert list_sources(lib.db) == []
    with open_library(kept, readonly=True) as old:
        assert len(list_sources(old.db)) == 2
    restored, _ = restore_backup(path)  # the newest automatic one by default
    assert restored == list_backups(path)[0]


def test_restore_without_backups_or_with_a_bad_one(store_path, tmp_path):
    open_library(store_path).close()
    with pytest.raises(StoreError, match="No automatic backups"):
        restore_backup(tmp_path / "never-opened.sqlite")
    with pytest.raises(StoreError, match="No backup at"):
        restore_backup(store_path, tmp_path / "missing.sqlite")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 100)
    with pytest.raises(StoreError, match="cannot be restored"):
        restore_backup(store_path, bad)
    assert open_library(store_path).schema_version


def test_write_commits_or_rolls_back_as_one(library):
    db = library.db
    with write(db):
        add_source(db, "One")
        add_source(db, "Two")
    with pytest.raises(ValidationError):
        with write(db):
            add_source(db, "Three")
            add_source(db, "")  # refused: the whole block goes
    assert [s["title"] for s in list_sources(db)] == ["One", "Two"]
    with pytest.raises(KeyboardInterrupt):
        with write(db):
            add_source(db, "Interrupted")
            raise KeyboardInterrupt
    assert len(list_sources(db)) == 2 and not db.conn.in_transaction


def test_a_failed_nested_write_rolls_back_only_itself_when_caught(library):
    db = library.db
    with write(db):
        add_source(db, "Outer")
        try:
            with write(db):
                add_source(db, "Inner")
                raise ValueError("inner step failed")
        except ValueError:
            pass
    assert [s["title"] for s in list_sources(db)] == ["Outer"]


def test_write_is_durable_for_another_connection_when_it_returns(library):
    add_source(library.db, "Visible")
    other = sqlite3.connect(library.path)
    assert other.execute("SELECT title FROM sources").fetchall() == [("Visible",)]
    other.close()


@pytest.mark.parametrize("message,name,error", [
    ("database or disk is full", "SQLITE_FULL", StoreFullError),
    ("attempt to write a readonly database", "SQLITE_READONLY", StoreReadOnlyError),
    ("database is locked", "SQLITE_BUSY", StoreBusyError),
    ("database table is locked", "SQLITE_LOCKED", StoreBusyError),
    ("file is not a database", "SQLITE_NOTADB", NotAStoreError),
    ("database disk image is malformed", "SQLITE_CORRUPT", StoreCorruptError),
    ("UNIQUE constraint failed: sources.id", "SQLITE_CONSTRAINT_PRIMARYKEY", StoreError),
])
def test_translate(message, name, error):
    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorname = name
    translated = translate(exc)
    assert type(translated) is error
    assert "\n" not in str(translated)
    plain = sqlite3.OperationalError(message)  # also without the error name
    assert type(translate(plain)) is error


@pytest.mark.parametrize("value,expected", [("250", 250), ("0", 0), ("", 10_000), ("soon", 10_000), ("-5", 10_000)])
def test_busy_timeout_from_the_environment(monkeypatch, value, expected):
    monkeypatch.setenv("FACTCHECK_BUSY_TIMEOUT_MS", value)
    assert busy_timeout_ms() == expected


def test_the_busy_timeout_reaches_the_connection(monkeypatch, store_path):
    monkeypatch.setenv("FACTCHECK_BUSY_TIMEOUT_MS", "1234")
    with open_library(store_path) as lib:
        assert lib.db.execute("PRAGMA busy_timeout").fetchone()[0] == 1234


def test_text_that_cannot_be_utf8_is_refused_and_nothing_is_written(library):
    add_source(library.db, "Kept")
    with pytest.raises(ValidationError, match="not valid Unicode"):
        with write(library.db):
            add_source(library.db, "Also lost")
            add_source(library.db, "lone \udc80 surrogate")
    assert [s["title"] for s in list_sources(library.db)] == ["Kept"]


def test_damaged_text_is_read_with_replacement_characters(library):
    add_source(library.db, "Placeholder")
    library.db.execute("UPDATE sources SET notes = CAST(X'636166C328' AS TEXT)")  # 'caf' + a broken sequence
    [row] = list_sources(library.db)
    assert row["notes"].startswith("caf") and "\ufffd" in row["notes"]


def test_backup_and_restore_carry_the_documents(library, tmp_path):
    from factcheck_app.ops.documents import attach_documents
    from factcheck_app.store.backup import backup_library
    from factcheck_app.store.files import files_dir
    from factcheck_app.store.info import check_library
    from tests.document_samples import make_pdf

    report = tmp_path / "report.pdf"
    report.write_bytes(make_pdf(["The harbour bridge cost 12 million euros."]))
    source = add_source(library.db, "Council accounts")
    (attached,) = attach_documents(library, source, [report]).value
    target, missing = backup_library(library.db.conn, library.path, tmp_path / "copies" / "copy.sqlite")
    assert missing == []
    copied = files_dir(target) / attached.sha256[:2] / f"{attached.sha256}.pdf"
    assert copied.read_bytes() == report.read_bytes()
    path = library.path
    library.close()
    # The library and its files are lost; the backup brings both back.
    for stored in files_dir(path).rglob("*.pdf"):
        os.chmod(stored, 0o644)
        stored.unlink()
    restore_backup(path, target)
    with open_library(path) as lib:
        assert check_library(lib) == []
        assert lib.db.execute("SELECT sha256 FROM documents").fetchone()[0] == attached.sha256
