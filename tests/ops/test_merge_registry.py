"""A table joins the exchange with one registry entry: keys of several columns, and keys that are references."""
from __future__ import annotations

from pathlib import Path

import pytest
from exchange_support import article, claim_ids, content, copies, send

from factcheck_app.core.exchange_tables import EXCHANGE_TABLES, ExchangeTable
from factcheck_app.store.articles import import_article
from factcheck_app.store.exchange import ensure_tracking
from factcheck_app.store.transaction import write

EXTRA_SQL = """
CREATE TABLE claim_notes (
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (claim_id, position)
);
CREATE TABLE claim_flags (
    claim_id TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    flag TEXT NOT NULL
);
"""
ENTRIES = [
    ExchangeTable("claim_notes", key=("claim_id", "position"), refs={"claim_id": "claims"}, label="notes"),
    ExchangeTable("claim_flags", key="claim_id", refs={"claim_id": "claims"}, label="flags"),
]


@pytest.fixture
def registered():
    EXCHANGE_TABLES.extend(ENTRIES)
    yield
    for entry in ENTRIES:
        EXCHANGE_TABLES.remove(entry)


@pytest.fixture
def pair(base_library, tmp_path, registered):
    libs = copies(base_library, tmp_path, ["ann", "bob"])
    for lib in libs.values():
        with write(lib.db):
            lib.db.executescript(EXTRA_SQL)
        ensure_tracking(lib.db)
    yield libs
    for lib in libs.values():
        lib.close()


def _note(lib, claim, position, note):
    with write(lib.db):
        lib.db.execute("INSERT OR REPLACE INTO claim_notes VALUES (?, ?, ?)", [claim, position, note])


def _flag(lib, claim, flag):
    with write(lib.db):
        lib.db.execute("INSERT OR REPLACE INTO claim_flags VALUES (?, ?)", [claim, flag])


def _rows(lib, table):
    return sorted(lib.db.execute(f"SELECT * FROM {table}").fetchall())


def test_rows_with_composite_and_reference_keys_travel_change_and_go(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    claims = claim_ids(ann)
    _note(ann, claims[0], 1, "ask the ministry")
    _note(ann, claims[0], 2, "check the 2019 figure")
    _flag(bob, claims[1], "urgent")
    send(pair, "ann", "bob", tmp_path)
    send(pair, "bob", "ann", tmp_path)
    assert _rows(ann, "claim_notes") == _rows(bob, "claim_notes") and len(_rows(bob, "claim_notes")) == 2
    assert _rows(ann, "claim_flags") == [(claims[1], "urgent")]
    _note(bob, claims[0], 2, "the 2019 figure is right")
    with write(ann.db):
        ann.db.execute("DELETE FROM claim_notes WHERE position = 1")
    send(pair, "bob", "ann", tmp_path)
    send(pair, "ann", "bob", tmp_path)
    assert _rows(ann, "claim_notes") == _rows(bob, "claim_notes") == [(claims[0], 2, "the 2019 figure is right")]


def test_children_follow_when_two_claims_are_joined(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    story = article("Flood story", ["The flood cut 7 roads.", "Rain fell for 4 days."])
    a, b = import_article(ann.db, story), import_article(bob.db, story)
    _note(ann, a.claim_ids[0], 1, "from Ann")
    _note(bob, b.claim_ids[0], 1, "from Bob")
    _flag(ann, a.claim_ids[1], "Ann's flag")
    _flag(bob, b.claim_ids[1], "Bob's flag")
    for _ in range(2):
        send(pair, "ann", "bob", tmp_path)
        send(pair, "bob", "ann", tmp_path)
    assert content(ann) == content(bob)
    assert _rows(ann, "claim_notes") == _rows(bob, "claim_notes")
    assert _rows(ann, "claim_flags") == _rows(bob, "claim_flags")
    kept = min(a.claim_ids[0], b.claim_ids[0])
    assert [r[0] for r in _rows(ann, "claim_notes") if r[2].startswith("from")] == [kept]
    assert len([r for r in _rows(ann, "claim_flags") if r[0] == min(a.claim_ids[1], b.claim_ids[1])]) == 1


CLAIMREVIEW = Path(__file__).resolve().parents[1] / "data" / "claimreview"


def test_published_checks_and_their_collections_merge_as_unions(base_library, tmp_path):
    from factcheck_app.ops.checks import import_check_files
    from factcheck_app.store import published_checks

    libs = copies(base_library, tmp_path, ["ann", "bob"])
    ann, bob = libs["ann"], libs["bob"]
    try:
        import_check_files(ann, [CLAIMREVIEW / "single.json"])
        import_check_files(bob, [CLAIMREVIEW / "single.json", CLAIMREVIEW / "list.json"])
        send(libs, "ann", "bob", tmp_path)
        send(libs, "bob", "ann", tmp_path)
        send(libs, "ann", "bob", tmp_path)
        for table in ("check_collections", "published_checks", "published_check_terms", "published_check_totals"):
            assert _rows(ann, table) == _rows(bob, table), table
        assert published_checks.check_count(ann.db) == published_checks.check_count(bob.db) > 0
    finally:
        for lib in libs.values():
            lib.close()
