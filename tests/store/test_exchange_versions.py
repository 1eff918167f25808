"""Row versions kept by triggers: every insert, update and removal of a table that travels, in order."""
from __future__ import annotations

from factcheck_app.core.exchange_tables import exchange_table
from factcheck_app.store import exchange
from factcheck_app.store.scales import save_scale
from factcheck_app.store.sources import add_source, delete_source, update_source

SCALE = {"name": "desk", "title": "Desk scale", "steps": [{"label": "Right", "value": 1, "colour": "#00aa00"},
                                                          {"label": "Wrong", "value": 0, "colour": "#aa0000"}]}


def _version(db, table, key):
    return db.execute("SELECT stamp, seq, deleted FROM exchange_versions WHERE table_name = ? AND row_key = ?",
                      [table, key]).fetchone()


def test_insert_update_and_delete_each_get_a_later_change_number(library):
    db = library.db
    source = add_source(db, "Survey")
    stamp, added, deleted = _version(db, "sources", source)
    assert stamp.endswith(exchange.library_id(db)) and not deleted
    update_source(db, source, title="Survey, revised")
    _, edited, _ = _version(db, "sources", source)
    delete_source(db, source)
    _, removed, deleted = _version(db, "sources", source)
    assert added < edited < removed and deleted == 1
    assert [k for k, _, gone, _ in exchange.changed_rows(db, exchange_table("sources"), added)] == [source]


def test_an_upsert_through_sqlite_utils_is_versioned_too(library):
    db = library.db
    save_scale(db, SCALE)
    first = _version(db, "rating_scales", "desk")
    save_scale(db, {**SCALE, "title": "Desk scale, revised"})
    assert _version(db, "rating_scales", "desk")[1] > first[1]


def test_rows_applied_by_a_merge_are_not_stamped_as_local_changes(library):
    db = library.db
    before = exchange.current_seq(db)
    exchange.begin_apply(db)
    add_source(db, "Arrived with a merge")
    exchange.end_apply(db, "")
    assert exchange.current_seq(db) == before
    add_source(db, "Made here")
    assert exchange.current_seq(db) == before + 1
