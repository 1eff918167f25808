"""What a library holds and whether it is sound: counts, size, schema version, integrity."""
from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.db import quote_identifier

from factcheck_app.store.library import Library

COUNTED_TABLES = ("articles", "claims", "facets", "sources", "evidence", "verdicts", "verdict_history", "rating_scales",
                  "check_collections", "published_checks", "claim_matches")


def counts(db: Database) -> dict[str, int]:
    """Return the number of rows in each main table."""
    return {t: db.execute(f"SELECT count(*) FROM {quote_identifier(t)}").fetchone()[0] for t in COUNTED_TABLES}


def library_info(lib: Library) -> dict:
    """Return path, size in bytes, schema version, journal mode and table counts."""
    size = lib.path.stat().st_size if lib.path.exists() else 0
    return {
        "path": str(lib.path),
        "size_bytes": size,
        "schema_version": lib.schema_version,
        "journal_mode": lib.db.execute("PRAGMA journal_mode").fetchone()[0],
        "readonly": lib.readonly,
        "counts": counts(lib.db),
    }


def check_library(lib: Library) -> list[str]:
    """Run the full integrity and foreign-key checks; return the problems found ([] when sound)."""
    problems = [r[0] for r in lib.db.execute("PRAGMA integrity_check") if r[0] != "ok"]
    for table, rowid, parent, _ in lib.db.execute("PRAGMA foreign_key_check"):
        problems.append(f"{table} row {rowid} points at a missing {parent} row")
    return problems
