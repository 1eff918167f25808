"""Merging a change file (or a whole library) into the open library: the merge rules, as one operation.

Every table listed in core/exchange_tables.py is merged by its declared rule: rows matched
by key (and by natural key: one article per content hash, one source per DOI or address,
one claim per span); the newer version of a row wins, a removal travels as a removal; two
rows found to be one are joined under the smaller key and the join is recorded (an alias,
which travels too). Verdicts are then rebuilt from the merged verdict history: one line of
changes gives the verdict; two lines (both sides changed it since they last exchanged) keep
both versions and mark the claim as needing a decision. A review stays only while the
reviewer rule holds over the merged history. Document files come with their rows and are
kept beside the library before the merge commits (ops/merge_documents.py).

Applying the same changes again changes nothing, and the result does not depend on the
order in which libraries exchange: every choice is made from the rows and stamps alone.
"""
from __future__ import annotations

import json
from collections.abc import Callable

from factcheck_app.core.exchange_stamps import combine, content_order, kept_stamp
from factcheck_app.core.exchange_tables import EXCHANGE_TABLES, ExchangeTable, exchange_table, parts_of
from factcheck_app.core.ids import utc_now
from factcheck_app.ops.change_file import ChangeSet, Entry
from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.ops.people import require_person
from factcheck_app.ops.merge_documents import check_files, documents_held, forget_files, keep_files
from factcheck_app.ops.merge_summary import MergeSummary
from factcheck_app.ops.merge_verdicts import rebuild_verdicts
from factcheck_app.store import exchange as rows
from factcheck_app.store import published_checks as published_checks_store
from factcheck_app.store.exchange import BASE_STAMP
from factcheck_app.store.library import Library
from factcheck_app.store.transaction import write
from factcheck_app.store.verdict_lineage import drop_verdict_of

#: Called with (done, total, what) while a merge runs; may raise to cancel (nothing is then written).
Progress = Callable[[int, int, str], None]

JOIN_REASONS = {
    "articles": "the same article text (content hash)",
    "sources": "the same DOI or address",
    "claims": "the same passage of the same article",
    "facets": "the same fact in the same claim",
    "evidence": "the same source, stance and excerpt on the same claim",
    "documents": "the same file (SHA-256)",
}


#: Data the store derives from a table's rows, counted again when a merge changed that table.
REFRESH_AFTER_MERGE: dict[str, Callable[[object], None]] = {
    "published_checks": published_checks_store.rebuild_term_counts,
}


class _DryRun(Exception):
    """Rolls a previewed merge back once its summary is known."""


def _newer(stamp: str, row: dict | None, than_stamp: str, than_row: dict | None) -> bool:
    """Return True when (stamp, row) wins over (than_stamp, than_row): later stamp, then content as tie-break."""
    if stamp != than_stamp:
        return stamp > than_stamp
    return json.dumps(row, sort_keys=True, default=str) > json.dumps(than_row, sort_keys=True, default=str)


def _content_wins(stamp: str, row: dict, than_stamp: str, than_row: dict) -> bool:
    """Return True when two versions of a present row combine with (stamp, row)'s content: the newer content
    (a kept stamp says how new the content it keeps is), then the later stamp, then content as tie-break."""
    order = content_order(stamp, than_stamp)
    return order > 0 if order else _newer(stamp, row, than_stamp, than_row)


class _Merger:
    """One merge in progress: the library, the alias map, and what has been done so far."""

    def __init__(self, lib: Library, by: str, progress: Progress | None) -> None:
        self.db = lib.db
        self.by = by
        self.progress = progress
        self.summary = MergeSummary()
        self.aliases = rows.aliases(self.db)
        self.columns = {
            t.name: [c for c in rows.table_columns(self.db, t.name) if c not in t.local_columns] for t in EXCHANGE_TABLES
        }
        self.tables = [t for t in EXCHANGE_TABLES if self.columns[t.name]]
        self.touched_claims: set[str] = set()
        self.high_water = BASE_STAMP
        self._natural_cache: dict[str, dict] = {}
        #: Keys known to be in the library now, per table (filled in batches, kept up to date).
        self.present: dict[str, set[str]] = {t.name: set() for t in EXCHANGE_TABLES}
        #: Keys this merge added as new rows: their children cannot have duplicates already here.
        self.fresh: dict[str, set[str]] = {t.name: set() for t in EXCHANGE_TABLES}
        self._pending: list[dict] = []
        self._pending_versions: list[tuple[str, str, str, bool]] = []
        self._pending_table: str | None = None
        #: The rows the change set carries, by table and key, to put back a row something here names.
        self.incoming: dict[str, dict[str, Entry]] = {}
        #: The parts the change set carries (a document's pages), by table and the key of their whole.
        self.incoming_parts: dict[str, dict[str, list[tuple[str, Entry]]]] = {}
        #: Rows left out because what they belong to is not here (unless put back later in the merge).
        self.left_out: set[tuple[str, str]] = set()
        #: Removals that gave way to a row naming theirs, tried again once every table is merged
        #: (the naming row may itself be removed later in the same change set).
        self.deferred: list[tuple[ExchangeTable, Entry]] = []

    # -- keys ------------------------------------------------------------------------------------

    def resolve(self, table: str, key: str | None) -> str | None:
        """Return the key a row now has after every recorded join."""
        seen = 0
        while key is not None and (table, key) in self.aliases and seen < 64:
            key = self.aliases[(table, key)]
            seen += 1
        return key

    def exists(self, table: str, key: str) -> bool:
        """Return True when the library holds the row ``key`` of ``table`` now."""
        known = self.present.setdefault(table, set())
        if key in known:
            return True
        if rows.existing_keys(self.db, exchange_table(table), [key]):
            known.add(key)
            return True
        return False

    def resolved_key(self, table: ExchangeTable, key: str) -> str:
        """Return the key a row recorded under ``key`` has here, after every join (its own or its parents')."""
        values = table.key_values(key)
        for column in table.key_columns:
            target = table.refs.get(column, table.name if len(table.key_columns) == 1 else None)
            if target is not None:
                values[column] = self.resolve(target, values[column])
        return table.key_of(values)

    def _holds(self, table: str, key: str) -> bool:
        """Return True when a table outside the registry (documents) holds ``key`` (looked up by its id)."""
        if table not in self.columns:
            self.columns[table] = rows.table_columns(self.db, table)
        if not self.columns[table]:
            return False
        known = self.present.setdefault(table, set())
        if key not in known and rows.holds_id(self.db, table, key):
            known.add(key)
        return key in known

    def _prefetch(self, table: str, keys: set[str]) -> None:
        """Learn in one go which of ``keys`` the library holds (instead of one look-up per row)."""
        known = self.present.setdefault(table, set())
        missing = [k for k in keys if k not in known]
        if missing:
            known.update(rows.existing_keys(self.db, exchange_table(table), missing))

    def index_incoming(self, changes: ChangeSet) -> None:
        """Remember the rows the change set carries (by their key here) for putting back named rows and their parts."""
        for table in self.tables:
            if any(table.name in {**t.keeps, **t.carries}.values() for t in self.tables):
                self.incoming[table.name] = {
                    self.resolved_key(table, e.key): e for e in changes.tables.get(table.name, []) if e.row is not None
                }
            for column, whole in table.part_of.items():
                by_whole = self.incoming_parts.setdefault(table.name, {})
                for e in changes.tables.get(table.name, []):
                    if e.row is not None and e.row.get(column) is not None:
                        by_whole.setdefault(self.resolve(whole, e.row[column]), []).append(
                            (self.resolved_key(table, e.key), e))

    def revive(self, table: str, key: str) -> bool:
        """Put back a row removed here that a merged row still names, with its parts, from the change set;
        return True when done. A removal made here is cancelled: the row comes back under a kept stamp."""
        entry = self.incoming.get(table, {}).get(key)
        if entry is None:
            return False
        self._put_back(exchange_table(table), key, entry)
        for part, _column in parts_of(table):
            for part_key, part_entry in self.incoming_parts.get(part.name, {}).get(key, []):
                if not self.exists(part.name, part_key):
                    self._put_back(part, part_key, part_entry)
        return True

    def _put_back(self, table: ExchangeTable, key: str, entry: Entry) -> None:
        """Insert a carried row that is not here; when it was removed here after that version, keep it against the removal."""
        version = rows.versions(self.db, table.name, [key]).get(key)
        stamp = entry.stamp
        if version is not None and version[0] >= stamp:
            stamp = kept_stamp(version[0], stamp)
            self._note_kept(table.name, key)
        else:
            self.summary.new[table.name] += 1
        rows.put_rows(self.db, table.name, [dict(entry.row, **table.key_values(key))], self.columns[table.name])
        rows.set_version(self.db, table.name, key, stamp, False)
        self.present[table.name].add(key)
        self.left_out.discard((table.name, key))

    def _note_kept(self, table: str, key: str) -> None:
        """Count a row kept against a removal (the merge log keeps which)."""
        self.summary.kept[table] += 1
        self.summary.kept_rows.append((table, key))

    def _whole_stays(self, table: ExchangeTable, row: dict) -> bool:
        """Return True when ``row`` is part of a row the library holds (a page of a document that stays)."""
        return any(row.get(column) is not None and self.exists(whole, row[column])
                   for column, whole in table.part_of.items())

    def _still_named(self, table: ExchangeTable, key: str) -> bool:
        """Return True when a row here keeps ``key`` of ``table`` alive (a removal from elsewhere gives way)."""
        return any(
            rows.is_named_by(self.db, other.name, column, key)
            for other in self.tables for column, target in other.keeps.items() if target == table.name
        ) or any(rows.is_named_by(self.db, user, column, key) for user, column in table.in_use_by.items())

    def _forget(self, table: str, key: str) -> None:
        self.present.setdefault(table, set()).discard(key)

    def flush(self) -> None:
        """Insert the new rows gathered so far, and their versions, in batches."""
        if self._pending:
            rows.put_rows(self.db, self._pending_table, self._pending, self.columns[self._pending_table])
            self._pending = []
        if self._pending_versions:
            rows.set_versions(self.db, self._pending_versions)
            self._pending_versions = []

    # -- joins -----------------------------------------------------------------------------------

    def _natural_matches(self, table: ExchangeTable, row: dict) -> list[str]:
        """Return the keys of the local rows that are the same as ``row`` by natural key (not ``row`` itself)."""
        identity = table.natural(row) if table.natural else None
        if identity is None:
            return []
        key = row[table.key]
        if table.natural_columns:
            values = tuple(row.get(c) for c in table.natural_columns)
            candidates = rows.rows_by_columns(self.db, table, table.natural_columns, values)
            return sorted(o[table.key] for o in candidates if o[table.key] != key and table.natural(o) == identity)
        cache = self._natural_cache.get(table.name)
        if cache is None:
            cache = {}
            for other in rows.all_rows(self.db, table):
                ident = table.natural(other)
                if ident is not None:
                    cache.setdefault(ident, set()).add(other[table.key])
            self._natural_cache[table.name] = cache
        found = cache.get(identity, set())
        return sorted(k for k in found if k != key and self.exists(table.name, k))

    def _remember_natural(self, table: ExchangeTable, row: dict) -> None:
        cache = self._natural_cache.get(table.name)
        if cache is not None and table.natural:
            ident = table.natural(row)
            if ident is not None:
                cache.setdefault(ident, set()).add(row[table.key])

    def record_alias(self, table: str, loser: str, survivor: str) -> None:
        """Record that ``loser`` was joined into ``survivor`` (every removal is kept, and travels)."""
        added = rows.add_alias(
            self.db,
            {"table_name": table, "old_key": loser, "new_key": survivor, "reason": JOIN_REASONS.get(table, "duplicate"),
             "recorded_at": utc_now(), "recorded_by": self.by},
        )
        self.aliases[(table, loser)] = survivor
        if added:
            self.summary.joined[table] += 1

    def join_local(self, table: ExchangeTable, loser: str, survivor: str) -> None:
        """Join the local row ``loser`` into ``survivor`` (made from it when absent); children follow."""
        self.flush()
        found = rows.rows_by_key(self.db, table, [loser, survivor])
        if loser not in found:
            return
        self._forget(table.name, loser)
        self.present.setdefault(table.name, set()).add(survivor)
        got = rows.versions(self.db, table.name, [loser, survivor])
        loser_stamp = got.get(loser, (BASE_STAMP, False))[0]
        if table.name == "claims":
            self.touched_claims.add(survivor)
            drop_verdict_of(self.db, loser)
        moved = self._keyed_children(table, loser)
        if survivor not in found:
            rows.rekey_row(self.db, table, loser, survivor, self.tables)
            rows.set_version(self.db, table.name, survivor, loser_stamp, False)
        else:
            survivor_stamp = got.get(survivor, (BASE_STAMP, False))[0]
            rows.repoint_references(self.db, table.name, loser, survivor, self.tables)
            loser_row = dict(found[loser], **{table.key: survivor})
            rows.delete_row(self.db, table, loser)
            if _content_wins(loser_stamp, loser_row, survivor_stamp, found[survivor]):
                rows.update_row(self.db, table, survivor, loser_row, self.columns[table.name])
            stamp = combine(loser_stamp, survivor_stamp)
            if stamp != survivor_stamp:
                rows.set_version(self.db, table.name, survivor, stamp, False)
        self._version_moved_children(moved, survivor)
        rows.set_version(self.db, table.name, loser, loser_stamp, True)
        self.record_alias(table.name, loser, survivor)
        self._remember_natural(table, {**found[loser], table.key: survivor})
        self._dedupe_children(table, survivor)

    def _keyed_children(self, table: ExchangeTable, key: str) -> list[tuple[ExchangeTable, str, dict, str]]:
        """Return (child table, column, row, stamp) for the rows whose own key names row ``key`` of ``table``
        (a document's pages and attachments): re-pointed at another row, they get a new key."""
        found = []
        for child in self.tables:
            for column, target in child.refs.items():
                if target == table.name and len(child.key_columns) > 1 and column in child.key_columns:
                    kids = rows.rows_by_columns(self.db, child, (column,), (key,))
                    stamps = rows.versions(self.db, child.name, [child.key_of(k) for k in kids])
                    found += [(child, column, kid, stamps.get(child.key_of(kid), (BASE_STAMP, False))[0]) for kid in kids]
        return found

    def _version_moved_children(self, moved: list[tuple[ExchangeTable, str, dict, str]], survivor: str) -> None:
        """Give the rows that took a new key in a join a version under it, so they travel on as they are now."""
        for child, column, kid, stamp in moved:
            key = child.key_of({**kid, column: survivor})
            now = rows.versions(self.db, child.name, [key]).get(key)
            if key in rows.rows_by_key(self.db, child, [key]) and (now is None or now[1] or now[0] < stamp):
                rows.set_version(self.db, child.name, key, stamp, False)

    def _dedupe_children(self, table: ExchangeTable, key: str) -> None:
        """Join the children of ``key`` that became duplicates when two parents were joined."""
        for child in self.tables:
            if not child.natural:
                continue
            for column, target in child.refs.items():
                if target != table.name:
                    continue
                kids = rows.rows_by_columns(self.db, child, (column,), (key,))
                by_identity: dict[object, list[str]] = {}
                for kid in kids:
                    ident = child.natural(kid)
                    if ident is not None:
                        by_identity.setdefault(ident, []).append(kid[child.key])
                for keys in by_identity.values():
                    keys.sort()
                    for loser in keys[1:]:
                        self.join_local(child, loser, keys[0])

    def settle_aliases(self) -> None:
        """Point every recorded join at the row it finally became, so every library records the same joins."""
        for (table, old), new in list(self.aliases.items()):
            root = self.resolve(table, new)
            if root != new:
                rows.point_alias(self.db, table, old, root)
                self.aliases[(table, old)] = root

    # -- applying --------------------------------------------------------------------------------

    def apply_aliases(self, incoming: list[dict]) -> None:
        """Take the other library's joins; join local rows the same way."""
        for alias in sorted(incoming, key=lambda a: (a.get("table_name", ""), a.get("old_key", ""))):
            table = alias.get("table_name")
            try:
                t = exchange_table(table)
            except KeyError:
                continue
            if not self.columns.get(table):
                continue
            old, new = alias["old_key"], self.resolve(table, alias["new_key"])
            if old == new:
                continue
            if (table, old) in self.aliases:
                mine = self.resolve(table, self.aliases[(table, old)])
                if new < mine:
                    # Two libraries joined one row into different rows (three copies of a source,
                    # met in different orders): both keep the smaller, so the joins every library
                    # records agree whatever the order of the exchanges.
                    rows.point_alias(self.db, table, old, new)
                    self.aliases[(table, old)] = new
                continue
            if rows.rows_by_key(self.db, t, [old]):
                self.join_local(t, old, new)
            else:
                rows.add_alias(self.db, {**alias, "new_key": new})
                self.aliases[(table, old)] = new

    def apply_table(self, table: ExchangeTable, entries: list[Entry], done: int, total: int) -> int:
        """Apply one table's row versions; return how many were handled."""
        self._pending_table = table.name
        for column, target in table.refs.items():
            self._prefetch(target, {self.resolve(target, e.row[column]) for e in entries
                                    if e.row is not None and e.row.get(column) is not None})
        keys = [self.resolved_key(table, e.key) for e in entries]
        local_rows = rows.rows_by_key(self.db, table, keys)
        local_versions = rows.versions(self.db, table.name, keys)
        self.present[table.name].update(local_rows)
        for index, (entry, key) in enumerate(zip(entries, keys)):
            if self.progress and index % 500 == 0:
                self.progress(done + index, total, f"Merging {table.label or table.name}")
            self.high_water = max(self.high_water, entry.stamp)
            if entry.deleted or entry.row is None:
                self.flush()
                self._apply_removal(table, entry)
            else:
                self._apply_row(table, entry, key, local_rows.get(key), local_versions.get(key))
        self.flush()
        return len(entries)

    def apply_deferred_removals(self, *, in_use: bool = False) -> None:
        """Try again the removals a row then still named, children's tables first, parts after their wholes;
        with ``in_use``, the removals of rows whose use is only known once verdicts are rebuilt (scales)."""
        order = {t.name: i for i, t in enumerate(self.tables)}
        waiting = [item for item in self.deferred if bool(item[0].in_use_by) == in_use]
        self.deferred = [item for item in self.deferred if bool(item[0].in_use_by) != in_use]
        for table, entry in sorted(waiting, key=lambda item: (bool(item[0].part_of), -order[item[0].name])):
            self._apply_removal(table, entry, last_try=True)

    def available(self, table: str, key: str) -> bool:
        """Return True when the library holds the row, or has put it back from the change set just now."""
        return self.exists(table, key) or self.revive(table, key)

    def _apply_removal(self, table: ExchangeTable, entry: Entry, last_try: bool = False) -> None:
        key = self.resolved_key(table, entry.key)
        if key != entry.key:
            return  # the row was joined into another (an alias says so): that row stays
        local = rows.rows_by_key(self.db, table, [key]).get(key)
        version = rows.versions(self.db, table.name, [key]).get(key)
        local_stamp = version[0] if version else BASE_STAMP
        if local is not None:
            if not _newer(entry.stamp, None, local_stamp, local):
                return
            if table.in_use_by and not last_try:
                self.deferred.append((table, entry))  # decided once verdicts are rebuilt
                return
            if self._still_named(table, key) or self._whole_stays(table, local):
                if not last_try:
                    self.deferred.append((table, entry))
                    return
                # The removal is cancelled: the row stays, under a stamp right after the removal's, so it
                # comes back wherever the removal went (see core/exchange_stamps.py).
                rows.set_version(self.db, table.name, key, kept_stamp(entry.stamp, local_stamp), False)
                self._note_kept(table.name, key)
                return
            if table.name == "claims":
                self.touched_claims.discard(key)
            if table.name == "verdict_history":
                self.touched_claims.add(local["claim_id"])
            rows.delete_row(self.db, table, key)
            self._forget(table.name, key)
            rows.set_version(self.db, table.name, key, entry.stamp, True)
            self.summary.removed[table.name] += 1
        elif version is None or entry.stamp > local_stamp:
            rows.set_version(self.db, table.name, key, entry.stamp, True)

    def _under_fresh_parent(self, table: ExchangeTable, row: dict) -> bool:
        """Return True when the row's natural key names a parent this merge added (so no duplicate can be here)."""
        return any(column in table.natural_columns and row.get(column) in self.fresh.get(target, ())
                   for column, target in table.refs.items())

    def _apply_row(
        self, table: ExchangeTable, entry: Entry, key: str, local: dict | None, version: tuple[str, bool] | None
    ) -> None:
        row = dict(entry.row)
        row.update(table.key_values(key))
        for column, target in table.refs.items():
            if row.get(column) is not None:
                row[column] = self.resolve(target, row[column])
                if not self.exists(target, row[column]) and not (
                    table.keeps.get(column) == target and self.revive(target, row[column])
                ):
                    self.left_out.add((table.name, key))
                    return
        for column, target in table.soft_refs.items():
            if row.get(column) is not None:
                row[column] = self.resolve(target, row[column])
        for column, target in table.keeps.items():
            if column not in table.refs and row.get(column) is not None and not self.exists(target, row[column]):
                self.revive(target, row[column])
        for column, target in table.soft_refs.items():
            if row.get(column) is not None:
                if not self._holds(target, row[column]):
                    row[column] = None
        if local is None and key in self.present[table.name]:
            # Joined or re-keyed earlier in this merge: read it as it is now.
            self.flush()
            local = rows.rows_by_key(self.db, table, [key]).get(key)
            version = rows.versions(self.db, table.name, [key]).get(key)
        if local is None and table.natural and not self._under_fresh_parent(table, row):
            others = self._natural_matches(table, row)
            if others:
                # Every row found to be this one becomes one, under the smallest key.
                survivor = min(others[0], key)
                for other in others:
                    if other != survivor:
                        self.join_local(table, other, survivor)
                if key != survivor:
                    self.flush()
                    self.record_alias(table.name, key, survivor)
                    key = survivor
                    row[table.key] = key
                local = rows.rows_by_key(self.db, table, [key]).get(key)
                version = rows.versions(self.db, table.name, [key]).get(key)
        local_stamp = version[0] if version else BASE_STAMP
        columns = self.columns[table.name]
        if local is None:
            stamp = entry.stamp
            if version and version[1] and not _newer(entry.stamp, row, local_stamp, None):
                if not self._whole_stays(table, row):
                    return  # removed here after this version was made
                # A part of a row that stays (a page of a document kept or back) comes back with it.
                stamp = kept_stamp(local_stamp, entry.stamp)
                self._note_kept(table.name, key)
            else:
                self.summary.new[table.name] += 1
            self._pending.append(row)
            self._pending_versions.append((table.name, key, stamp, False))
            self.present[table.name].add(key)
            self.fresh[table.name].add(key)
            self.left_out.discard((table.name, key))
            self._remember_natural(table, row)
            self._touch(table, row)
            return
        for column in table.soft_refs:
            if row.get(column) is None and local.get(column) is not None:
                row[column] = local[column]  # a link made here stays
        shared = [c for c in columns if c in row]
        stamp = combine(local_stamp, entry.stamp)
        local_view = {c: local.get(c) for c in shared}
        row_view = {c: row.get(c) for c in shared}
        if local_view != row_view and _content_wins(entry.stamp, row_view, local_stamp, local_view):
            self.flush()
            rows.update_row(self.db, table, key, row, columns)
            rows.set_version(self.db, table.name, key, stamp, False)
            self.summary.changed[table.name] += 1
            self._touch(table, row)
        elif stamp != local_stamp:
            self._pending_versions.append((table.name, key, stamp, False))

    def _touch(self, table: ExchangeTable, row: dict) -> None:
        if table.name == "verdict_history":
            self.touched_claims.add(row["claim_id"])

    # -- verdicts --------------------------------------------------------------------------------

def _apply(lib: Library, changes: ChangeSet, by: str, progress: Progress | None) -> MergeSummary:
    merger = _Merger(lib, by, progress)
    merger.index_incoming(changes)
    total = changes.count()
    rows.begin_apply(lib.db)
    merger.apply_aliases(changes.aliases)
    done = 0
    for table in merger.tables:
        entries = changes.tables.get(table.name)
        if entries:
            done += merger.apply_table(table, entries, done, total)
    if progress:
        progress(total, total, "Rebuilding verdicts")
    merger.apply_deferred_removals()
    merger.summary.skipped = len(merger.left_out)
    # A verdict pictured on a scale removed here brings the scale back (the change file carries it).
    rebuild_verdicts(lib, merger.touched_claims, merger.summary, lambda scale: merger.available("rating_scales", scale))
    merger.apply_deferred_removals(in_use=True)
    merger.settle_aliases()
    for table, refresh in REFRESH_AFTER_MERGE.items():
        s = merger.summary
        if s.new[table] or s.changed[table] or s.removed[table] or s.joined[table]:
            refresh(lib.db)
    rows.end_apply(lib.db, merger.high_water)
    return merger.summary


def merge_changes(
    lib: Library,
    changes: ChangeSet,
    *,
    by: str | None,
    source: str | None = None,
    preview: bool = False,
    progress: Progress | None = None,
) -> OpResult:
    """Merge a change set into the library in one transaction; return the MergeSummary as value.

    ``preview`` works the merge out and rolls it back: the summary says what merging would
    do, and nothing is written. A failure (or an exception raised by ``progress`` to
    cancel) leaves the library as it was.
    """
    who = require_person(by, "merging changes")
    check_files(changes, source)
    summary: MergeSummary | None = None
    written = []
    try:
        with write(lib.db):
            held = documents_held(lib, changes)
            summary = _apply(lib, changes, who, progress)
            summary.source = source
            written = keep_files(lib, changes, held, write_files=not preview)
            if preview:
                raise _DryRun
            if not summary.nothing:
                rows.log_merge(lib.db, who, source, json.dumps(summary.to_dict()))
            rows.record_merged(lib.db, changes.header.get("from"))
    except _DryRun:
        pass
    except BaseException:
        forget_files(written)
        raise
    return OpResult(
        changes=Changes(everything=bool(summary and not summary.nothing and not preview)),
        value=summary,
        undo=None,
        label="Merge changes",
    )
