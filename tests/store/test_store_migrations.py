"""Opening older libraries: migrated forward with a backup first, every row kept, search indexes filled."""
from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from factcheck_app.store import open_library, schema
from factcheck_app.store.backup import backup_dir
from factcheck_app.store.errors import StoreError
from factcheck_app.store.info import check_library
from factcheck_app.store.library import APPLICATION_ID
from factcheck_app.store.search import search
from factcheck_app.store.verdicts import verdict_history
from verdict_support import set_verdict

NOW = "2023-05-01T10:00:00+00:00"


def build_v1_store(path) -> None:
    """Write a version-1 library (only the first migration) holding one of every kind of row."""
    conn = sqlite3.connect(path)
    db = Database(conn)
    schema.MIGRATIONS[0](db)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    body = "Old article\n\nThe dam holds 59 million cubic metres."
    db["articles"].insert({"id": "a1", "title": "Old article", "body": body, "content_hash": "h1", "imported_at": NOW})
    db["claims"].insert({"id": "c1", "article_id": "a1", "start_offset": 13, "end_offset": len(body),
                         "text": body[13:], "score": 0.9, "created_at": NOW, "updated_at": NOW})
    db["facets"].insert({"id": "f1", "claim_id": "c1", "kind": "quantity", "start_offset": 28, "end_offset": 30,
                         "text": "59", "value": "59", "unit": "million cubic metres"})
    db["sources"].insert({"id": "s1", "title": "Reservoir survey", "publisher": "Water board", "tags": "water",
                          "created_at": NOW, "updated_at": NOW})
    db["evidence"].insert({"id": "e1", "claim_id": "c1", "source_id": "s1", "stance": "supports",
                           "excerpt": "capacity of 59 million", "added_at": NOW, "updated_at": NOW})
    db["rating_scales"].insert({"name": "truth", "title": "Old truth", "steps": '[{"label": "True", "value": 1, '
                                '"colour": "#00ff00"}, {"label": "False", "value": 0, "colour": "#ff0000"}]',
                                "builtin": 1})
    db["verdicts"].insert({"id": "v1", "claim_id": "c1", "scale": "truth", "rating": "True", "status": "draft",
                           "created_at": NOW, "updated_at": NOW})
    db["verdict_history"].insert({"id": "h1", "claim_id": "c1", "changed_at": NOW, "to_rating": "True",
                                  "to_status": "draft", "scale": "truth", "why": "v1 era"})
    conn.commit()
    conn.close()


def _rows(db, table):
    return db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()


def test_a_v1_library_is_backed_up_then_migrated_keeping_every_row(tmp_path):
    path = tmp_path / "old.sqlite"
    build_v1_store(path)
    old = sqlite3.connect(path)
    before = {t: old.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in
              ("articles", "claims", "sources", "evidence", "verdicts", "verdict_history", "rating_scales")}
    old.close()

    with open_library(path) as lib:
        assert lib.schema_version == schema.LATEST_VERSION
        assert lib.migrated_from == 1
        db = lib.db
        for table, rows in before.items():
            if table == "rating_scales":  # the other built-in scales are added; the library's own 'truth' is kept
                assert _rows(db, table)[: len(rows)] == rows
                assert {r[0] for r in _rows(db, table)} == {"truth", "labels", "pinocchio"}
            else:
                # Later migrations add columns at the end; what was there is kept as it was.
                now = _rows(db, table)
                assert [r[: len(o)] for r, o in zip(now, rows)] == rows and len(now) == len(rows), table
        assert db.execute("SELECT action, correction FROM verdict_history").fetchall() == [("set", 0)]
        # The history row now pictures the verdict it led to (exchange rebuilds verdicts from it).
        picture = db.execute("SELECT verdict_id, parent_id, verdict_created_at FROM verdict_history").fetchone()
        assert picture == ("v1", None, NOW)
        facet = db.execute("SELECT text, value, unit, subtype, vague FROM facets").fetchone()
        assert facet == ("59", "59", "million cubic metres", None, 0)
        # The search indexes cover rows written before they existed.
        assert {h["kind"] for h in search(db, "59 million")} == {"claim", "evidence"}
        assert [h["id"] for h in search(db, "reservoir", ("source",))] == ["s1"]
        assert check_library(lib) == []
        # Work goes on as usual, and history keeps the old entries.
        set_verdict(db, "c1", "False", why="after upgrade")
        assert [h["why"] for h in verdict_history(db, "c1")] == ["v1 era", "after upgrade"]
        # The safety copy before the upgrade, then the first daily copy (already upgraded).
        backup, daily = lib.backups
        assert "-daily-" in daily.name
    assert backup.parent == backup_dir(path)
    assert f"before-v{schema.LATEST_VERSION}" in backup.name
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    assert copy.execute("SELECT * FROM articles").fetchall() == before["articles"]
    copy.close()
    # Opening again migrates nothing and backs nothing more up for the upgrade.
    with open_library(path) as lib:
        assert lib.migrated_from is None
    assert len(list(backup_dir(path).glob("*before-v*"))) == 1


def test_a_v1_library_cannot_be_opened_read_only(tmp_path):
    path = tmp_path / "old.sqlite"
    build_v1_store(path)
    with pytest.raises(StoreError, match="upgrade"):
        open_library(path, readonly=True)


def test_a_failing_migration_leaves_the_library_at_its_version(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    build_v1_store(path)

    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("simulated failure in the middle of a migration")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS[:1], broken])
    with pytest.raises(StoreError, match="simulated failure"):
        open_library(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "half_done" not in tables and "library_settings" not in tables
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 1
    conn.close()
    assert len(list(backup_dir(path).glob("*.sqlite"))) == 1
    monkeypatch.undo()
    with open_library(path) as lib:
        assert lib.schema_version == schema.LATEST_VERSION


def test_a_new_library_is_marked_as_ours(store_path):
    with open_library(store_path) as lib:
        assert lib.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert lib.schema_version == schema.LATEST_VERSION
        assert lib.backups == [] and lib.migrated_from is None
        assert lib.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert lib.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
