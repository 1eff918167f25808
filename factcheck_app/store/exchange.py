"""Exchange bookkeeping in SQL: a version per row of every table that travels, colleagues, aliases, merge log.

Triggers made from the registry (core/exchange_tables.py) give every change to a row a
version stamp (UTC time to the millisecond, then this library's id) and a local sequence
number; "changed since the last exchange with NAME" is every version above the number
recorded when NAME was last sent changes. While a merge applies rows the triggers stand
aside (``applying``) and the merge writes the versions it carries in, so a row keeps the
stamp of the library that changed it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlite_utils import Database
from sqlite_utils.db import quote_identifier as q

from factcheck_app.core.exchange_tables import EXCHANGE_TABLES, ExchangeTable
from factcheck_app.core.ids import utc_now
from factcheck_app.store.transaction import write

#: The stamp of a row that has not changed since exchange began: older than any change.
BASE_STAMP = ""

_NOW_STAMP = (
    "max(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT high_water FROM exchange_identity))"
    " || ' ' || (SELECT library_id FROM exchange_identity)"
)
_NEXT_SEQ = "(SELECT coalesce(max(seq), 0) + 1 FROM exchange_versions)"
_ACTIVE = "(SELECT applying FROM exchange_identity) = 0"
_CHUNK = 500


def _trigger_names(table: str) -> list[str]:
    return [f"exchange_{table}_{suffix}" for suffix in ("ins", "upd", "del")]


def _key_expr(table: ExchangeTable, alias: str) -> str:
    """Return SQL for a row's recorded key (``alias`` is new, old or a table alias)."""
    cols = [f"{alias}.{q(c)}" for c in table.key_columns]
    return cols[0] if len(cols) == 1 else f"json_array({', '.join(cols)})"


def _key_from_version(table: ExchangeTable, alias: str) -> str:
    """Return the SQL condition that ``alias``'s row is the one a version (``v``) names (index-friendly)."""
    if len(table.key_columns) == 1:
        return f"{alias}.{q(table.key_columns[0])} = v.row_key"
    return " AND ".join(f"{alias}.{q(c)} = json_extract(v.row_key, '$[{i}]')" for i, c in enumerate(table.key_columns))


def _key_match(table: ExchangeTable, key: str) -> tuple[str, list]:
    """Return (WHERE condition, parameters) that pick the row recorded under ``key``."""
    values = table.key_values(key)
    return " AND ".join(f"{q(c)} = ?" for c in table.key_columns), [values[c] for c in table.key_columns]


def _tracking_sql(table: ExchangeTable) -> str:
    """Return the CREATE TRIGGER statements that version every insert, update and delete of ``table``."""
    name = table.name
    new_key, old_key = _key_expr(table, "new"), _key_expr(table, "old")
    ins, upd, dele = (q(n) for n in _trigger_names(name))
    literal = "'" + name.replace("'", "''") + "'"
    record = "INSERT INTO exchange_versions (table_name, row_key, stamp, seq, deleted)"
    # An upsert, not INSERT OR REPLACE: a trigger's OR clause gives way to the policy of the
    # statement that fired it (sqlite-utils upserts would make it fail).
    upsert = ("ON CONFLICT (table_name, row_key) DO UPDATE SET stamp = excluded.stamp, seq = excluded.seq, "
              "deleted = excluded.deleted")
    return f"""
    CREATE TRIGGER IF NOT EXISTS {ins} AFTER INSERT ON {q(name)} WHEN {_ACTIVE} BEGIN
        {record} VALUES ({literal}, {new_key}, {_NOW_STAMP}, {_NEXT_SEQ}, 0) {upsert};
    END;
    CREATE TRIGGER IF NOT EXISTS {upd} AFTER UPDATE ON {q(name)} WHEN {_ACTIVE} BEGIN
        {record} SELECT {literal}, {old_key}, {_NOW_STAMP}, {_NEXT_SEQ}, 1 WHERE {old_key} IS NOT {new_key} {upsert};
        {record} VALUES ({literal}, {new_key}, {_NOW_STAMP}, {_NEXT_SEQ}, 0) {upsert};
    END;
    CREATE TRIGGER IF NOT EXISTS {dele} AFTER DELETE ON {q(name)} WHEN {_ACTIVE} BEGIN
        {record} VALUES ({literal}, {old_key}, {_NOW_STAMP}, {_NEXT_SEQ}, 1) {upsert};
    END;
    """


def ensure_tracking(db: Database, tables: Iterable[ExchangeTable] = EXCHANGE_TABLES) -> None:
    """Create the versioning triggers of every registered table the library has and lacks them for."""
    existing_tables = set(db.table_names())
    if "exchange_versions" not in existing_tables:
        return
    triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    missing = [t for t in tables if t.name in existing_tables and not set(_trigger_names(t.name)) <= triggers]
    if missing:
        with write(db):
            for table in missing:
                db.executescript(_tracking_sql(table))


def library_id(db: Database) -> str:
    """Return this library's id (made when exchange was added to it; a copied file shares it)."""
    return db.execute("SELECT library_id FROM exchange_identity").fetchone()[0]


def current_seq(db: Database) -> int:
    """Return the highest local change number so far."""
    return db.execute("SELECT coalesce(max(seq), 0) FROM exchange_versions").fetchone()[0]


def table_columns(db: Database, table: str) -> list[str]:
    """Return the column names of ``table`` in the library (empty when it has no such table)."""
    return [r[1] for r in db.execute(f"PRAGMA table_info({q(table)})")]


def _row_dicts(cursor) -> Iterator[dict]:
    names = [d[0] for d in cursor.description]
    for values in cursor:
        yield dict(zip(names, values))


def changed_rows(db: Database, table: ExchangeTable, since: int | None) -> Iterator[tuple[str, str, bool, dict | None]]:
    """Yield (key, stamp, deleted, row) for rows changed after local change number ``since``.

    With ``since`` None every row comes (with its stamp, or BASE_STAMP when it never changed)
    and every recorded removal. A removal's row is None.
    """
    name = q(table.name)
    if since is None:
        cursor = db.execute(
            f"SELECT v.stamp AS __stamp, t.* FROM {name} t LEFT JOIN exchange_versions v "
            f"ON v.table_name = ? AND v.row_key = {_key_expr(table, 't')} ORDER BY t.rowid",
            [table.name],
        )
        for row in _row_dicts(cursor):
            stamp = row.pop("__stamp") or BASE_STAMP
            yield table.key_of(row), stamp, False, row
        removed = db.execute(
            f"SELECT v.row_key, v.stamp FROM exchange_versions v WHERE v.table_name = ? AND v.deleted = 1 "
            f"AND NOT EXISTS (SELECT 1 FROM {name} t WHERE {_key_from_version(table, 't')})",
            [table.name],
        )
        for row_key, stamp in removed.fetchall():
            yield row_key, stamp, True, None
        return
    first = table.key_columns[0]
    cursor = db.execute(
        f"SELECT v.row_key AS __key, v.stamp AS __stamp, t.* FROM exchange_versions v "
        f"LEFT JOIN {name} t ON {_key_from_version(table, 't')} WHERE v.table_name = ? AND v.seq > ? ORDER BY v.seq",
        [table.name, since],
    )
    for row in _row_dicts(cursor):
        row_key, stamp = row.pop("__key"), row.pop("__stamp")
        if row.get(first) is None:
            yield row_key, stamp, True, None
        else:
            yield row_key, stamp, False, row


def count_changed(db: Database, since: int | None) -> int:
    """Return how many row versions a change file made after ``since`` would carry (a first one: every row)."""
    if since is not None:
        return db.execute("SELECT count(*) FROM exchange_versions WHERE seq > ?", [since]).fetchone()[0]
    have = set(db.table_names())
    return sum(db.execute(f"SELECT count(*) FROM {q(t.name)}").fetchone()[0] for t in EXCHANGE_TABLES if t.name in have)


# --- colleagues --------------------------------------------------------------------------------


def get_peer(db: Database, name: str) -> dict | None:
    """Return what is known of exchanges with colleague ``name`` (sent_seq, sent_at, merged_at), or None."""
    rows = list(db.query("SELECT * FROM exchange_peers WHERE name = ? COLLATE NOCASE", [name]))
    return rows[0] if rows else None


def list_peers(db: Database) -> list[dict]:
    """Return every colleague this library exchanged with, by name."""
    return list(db.query("SELECT * FROM exchange_peers ORDER BY name COLLATE NOCASE"))


def record_sent(db: Database, name: str, seq: int) -> None:
    """Remember that changes up to local number ``seq`` were sent to ``name``."""
    with write(db):
        peer = get_peer(db, name)
        if peer:
            db.execute("UPDATE exchange_peers SET sent_seq = ?, sent_at = ? WHERE name = ?", [seq, utc_now(), peer["name"]])
        else:
            db.execute("INSERT INTO exchange_peers (name, sent_seq, sent_at) VALUES (?, ?, ?)", [name, seq, utc_now()])


def record_merged(db: Database, name: str | None) -> None:
    """Remember when changes from colleague ``name`` were last merged."""
    if not name:
        return
    with write(db):
        peer = get_peer(db, name)
        if peer:
            db.execute("UPDATE exchange_peers SET merged_at = ? WHERE name = ?", [utc_now(), peer["name"]])
        else:
            db.execute("INSERT INTO exchange_peers (name, merged_at) VALUES (?, ?)", [name, utc_now()])


# --- applying rows (inside a merge's transaction) ------------------------------------------------


def begin_apply(db: Database) -> None:
    """Stand the versioning triggers aside and defer foreign keys until the merge commits."""
    db.execute("PRAGMA defer_foreign_keys = ON")
    # Rows arrive in key order of another library: index pages are touched all over a large file.
    db.execute("PRAGMA cache_size = -131072")
    db.execute("UPDATE exchange_identity SET applying = 1")


def end_apply(db: Database, high_water: str) -> None:
    """Put the triggers back and keep local stamps from running behind the newest stamp merged in."""
    db.execute(
        "UPDATE exchange_identity SET applying = 0, high_water = max(high_water, ?)", [high_water[:24]]
    )


def versions(db: Database, table: str, keys: Iterable[str]) -> dict[str, tuple[str, bool]]:
    """Return key -> (stamp, deleted) for the keys of ``table`` that have a version."""
    found: dict[str, tuple[str, bool]] = {}
    keys = list(keys)
    for i in range(0, len(keys), _CHUNK):
        chunk = keys[i : i + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        for key, stamp, deleted in db.execute(
            f"SELECT row_key, stamp, deleted FROM exchange_versions WHERE table_name = ? AND row_key IN ({marks})",
            [table, *chunk],
        ):
            found[key] = (stamp, bool(deleted))
    return found


def rows_by_key(db: Database, table: ExchangeTable, keys: Iterable[str]) -> dict[str, dict]:
    """Return key -> row for the keys of ``table`` present in the library."""
    found: dict[str, dict] = {}
    keys = list(keys)
    if len(table.key_columns) > 1:
        for key in dict.fromkeys(keys):
            where, params = _key_match(table, key)
            for row in _row_dicts(db.execute(f"SELECT * FROM {q(table.name)} WHERE {where}", params)):
                found[key] = row
        return found
    column = q(table.key_columns[0])
    for i in range(0, len(keys), _CHUNK):
        chunk = keys[i : i + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        cursor = db.execute(f"SELECT * FROM {q(table.name)} WHERE {column} IN ({marks})", chunk)
        for row in _row_dicts(cursor):
            found[table.key_of(row)] = row
    return found


def existing_keys(db: Database, table: ExchangeTable, keys: Iterable[str]) -> set[str]:
    """Return which of ``keys`` the table holds."""
    if len(table.key_columns) > 1:
        return set(rows_by_key(db, table, keys))
    found: set[str] = set()
    keys = list(keys)
    column = q(table.key_columns[0])
    for i in range(0, len(keys), _CHUNK):
        chunk = keys[i : i + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        found.update(r[0] for r in db.execute(f"SELECT {column} FROM {q(table.name)} WHERE {column} IN ({marks})", chunk))
    return found


def rows_with_stamps(db: Database, table: ExchangeTable, keys: Iterable[str]) -> Iterator[tuple[str, str, dict]]:
    """Yield (key, stamp, row) for the rows of ``table`` with these keys (rows a change file carries along)."""
    yield from _with_stamps(db, table, rows_by_key(db, table, keys))


def parts_with_stamps(
    db: Database, table: ExchangeTable, column: str, wholes: Iterable[str]
) -> Iterator[tuple[str, str, dict]]:
    """Yield (key, stamp, row) for the rows of ``table`` whose ``column`` names one of ``wholes`` (a document's pages)."""
    wholes = list(wholes)
    for i in range(0, len(wholes), _CHUNK):
        chunk = wholes[i : i + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        cursor = db.execute(f"SELECT * FROM {q(table.name)} WHERE {q(column)} IN ({marks})", chunk)
        yield from _with_stamps(db, table, {table.key_of(row): row for row in _row_dicts(cursor)})


def _with_stamps(db: Database, table: ExchangeTable, found: dict[str, dict]) -> Iterator[tuple[str, str, dict]]:
    stamps = versions(db, table.name, found)
    for key, row in found.items():
        yield key, stamps.get(key, (BASE_STAMP, False))[0], row


def is_named_by(db: Database, table: str, column: str, key: str) -> bool:
    """Return True when some row of ``table`` holds ``key`` in ``column``."""
    return db.execute(f"SELECT 1 FROM {q(table)} WHERE {q(column)} = ? LIMIT 1", [key]).fetchone() is not None


def holds_id(db: Database, table: str, key: str) -> bool:
    """Return True when ``table`` has a row whose id is ``key``."""
    return db.execute(f"SELECT 1 FROM {q(table)} WHERE id = ?", [key]).fetchone() is not None


def rows_by_columns(db: Database, table: ExchangeTable, columns: tuple[str, ...], values: tuple) -> list[dict]:
    """Return the rows of ``table`` whose ``columns`` hold ``values`` (the natural-key look-up)."""
    where = " AND ".join(f"{q(c)} IS ?" for c in columns)
    return list(_row_dicts(db.execute(f"SELECT * FROM {q(table.name)} WHERE {where}", list(values))))


def all_rows(db: Database, table: ExchangeTable) -> list[dict]:
    """Return every row of ``table`` (used for natural keys no column holds, e.g. a source's DOI)."""
    return list(_row_dicts(db.execute(f"SELECT * FROM {q(table.name)}")))


def put_rows(db: Database, table: str, rows: list[dict], columns: list[str]) -> None:
    """Insert many rows at once (grouped by the columns they carry, limited to the table's own)."""
    groups: dict[tuple[str, ...], list[dict]] = {}
    for row in rows:
        groups.setdefault(tuple(c for c in columns if c in row), []).append(row)
    for names, group in groups.items():
        db.conn.executemany(
            f"INSERT INTO {q(table)} ({', '.join(q(c) for c in names)}) VALUES ({', '.join('?' * len(names))})",
            [[row[c] for c in names] for row in group],
        )


def update_row(db: Database, table: ExchangeTable, key: str, row: dict, columns: list[str]) -> None:
    """Set the row ``key`` of ``table`` to ``row``'s values (only columns the library's table has)."""
    names = [c for c in columns if c in row and c not in table.key_columns]
    if not names:
        return
    where, params = _key_match(table, key)
    db.execute(
        f"UPDATE {q(table.name)} SET {', '.join(q(c) + ' = ?' for c in names)} WHERE {where}",
        [*(row[c] for c in names), *params],
    )


def delete_row(db: Database, table: ExchangeTable, key: str) -> None:
    """Delete the row ``key`` of ``table`` (its children go by the foreign keys' own rules)."""
    where, params = _key_match(table, key)
    db.execute(f"DELETE FROM {q(table.name)} WHERE {where}", params)


def repoint_references(db: Database, target: str, old: str, new: str, tables: Iterable[ExchangeTable]) -> None:
    """Point every registered reference (and soft reference) to row ``old`` of ``target`` at ``new``.

    A child that would then repeat a row already pointing at ``new`` (same key) is dropped:
    the two parents were one, so were those children.
    """
    for other in tables:
        for column, to in other.refs.items():
            if to == target:
                db.execute(f"UPDATE OR IGNORE {q(other.name)} SET {q(column)} = ? WHERE {q(column)} = ?", [new, old])
                db.execute(f"DELETE FROM {q(other.name)} WHERE {q(column)} = ?", [old])
        for column, to in other.soft_refs.items():
            if to == target:
                db.execute(f"UPDATE {q(other.name)} SET {q(column)} = ? WHERE {q(column)} = ?", [new, old])


def rekey_row(db: Database, table: ExchangeTable, old: str, new: str, tables: Iterable[ExchangeTable]) -> None:
    """Give the row ``old`` the key ``new`` (a one-column key), re-pointing every registered reference to it."""
    (column,) = table.key_columns
    db.execute(f"UPDATE {q(table.name)} SET {q(column)} = ? WHERE {q(column)} = ?", [new, old])
    repoint_references(db, table.name, old, new, tables)
    # Lineage and verdicts refer to claims outside the registry's rows.
    if table.name == "claims":
        db.execute("UPDATE verdicts SET claim_id = ? WHERE claim_id = ?", [new, old])
        db.execute("UPDATE verdict_conflicts SET claim_id = ? WHERE claim_id = ?", [new, old])


def set_version(db: Database, table: str, key: str, stamp: str, deleted: bool) -> None:
    """Record ``stamp`` as the version of a row, with a new local change number (so it travels on)."""
    db.execute(
        f"INSERT OR REPLACE INTO exchange_versions (table_name, row_key, stamp, seq, deleted) "
        f"VALUES (?, ?, ?, {_NEXT_SEQ}, ?)",
        [table, key, stamp, int(deleted)],
    )


def set_versions(db: Database, items: list[tuple[str, str, str, bool]]) -> None:
    """Record many (table, key, stamp, deleted) versions at once, each with a new local change number."""
    db.conn.executemany(
        f"INSERT OR REPLACE INTO exchange_versions (table_name, row_key, stamp, seq, deleted) "
        f"VALUES (?, ?, ?, {_NEXT_SEQ}, ?)",
        [(t, k, s, int(d)) for t, k, s, d in items],
    )


# --- aliases: every row removed as a duplicate, and the row it became ----------------------------


def aliases(db: Database) -> dict[tuple[str, str], str]:
    """Return (table, old key) -> new key for every recorded join."""
    return {(t, old): new for t, old, new in db.execute("SELECT table_name, old_key, new_key FROM exchange_aliases")}


def alias_rows(db: Database) -> list[dict]:
    """Return every recorded join as rows (they travel in every change file)."""
    return list(db.query("SELECT * FROM exchange_aliases ORDER BY table_name, old_key"))


def add_alias(db: Database, row: dict) -> bool:
    """Record that a row was joined into another; return False when it was already recorded."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO exchange_aliases (table_name, old_key, new_key, reason, recorded_at, recorded_by) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [row["table_name"], row["old_key"], row["new_key"], row["reason"], row["recorded_at"], row.get("recorded_by")],
    )
    return cursor.rowcount > 0


def point_alias(db: Database, table: str, old_key: str, new_key: str) -> None:
    """Point a recorded join straight at the row it finally became (after a chain of joins)."""
    db.execute("UPDATE exchange_aliases SET new_key = ? WHERE table_name = ? AND old_key = ?", [new_key, table, old_key])


# --- merge log ---------------------------------------------------------------------------------


def log_merge(db: Database, merged_by: str | None, source: str | None, summary: str) -> None:
    """Keep a line saying what a merge did (JSON summary), for the checker and for audits."""
    db.execute(
        "INSERT INTO exchange_log (merged_at, merged_by, source, summary) VALUES (?, ?, ?, ?)",
        [utc_now(), merged_by, source, summary],
    )


def merge_log(db: Database, limit: int = 50) -> list[dict]:
    """Return the latest merges, newest first."""
    return list(db.query("SELECT * FROM exchange_log ORDER BY id DESC LIMIT ?", [limit]))
