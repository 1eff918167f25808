"""What a library holds and whether it is sound: counts, size, schema version, integrity."""
from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.db import quote_identifier

from factcheck_app.store.library import Library

COUNTED_TABLES = (
    "articles", "claims", "facets", "sources", "evidence", "verdicts", "verdict_history", "rating_scales",
    "check_collections", "published_checks", "claim_matches", "documents",
)


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
    """Run the full integrity and foreign-key checks and verify every document's file against its
    hash; return the problems found ([] when sound)."""
    problems = [r[0] for r in lib.db.execute("PRAGMA integrity_check") if r[0] != "ok"]
    for table, rowid, parent, _ in lib.db.execute("PRAGMA foreign_key_check"):
        problems.append(f"{table} row {rowid} points at a missing {parent} row")
    return problems + check_documents(lib)


def check_documents(lib: Library) -> list[str]:
    """Return one line per document whose stored file is missing or no longer matches its SHA-256."""
    from factcheck_app.ingest.document_types import DOCUMENT_TYPES
    from factcheck_app.store.files import file_problem

    problems = []
    for row in lib.db.query("SELECT id, sha256, size, media_type, file_name FROM documents ORDER BY added_at, rowid"):
        doc_type = DOCUMENT_TYPES.get(row["media_type"])
        if doc_type is None:
            problems.append(f"document {row['id'][:8]} ({row['file_name']}): unknown type {row['media_type']}")
            continue
        problem = file_problem(lib.path, row["sha256"], row["size"], doc_type.stored_suffix)
        if problem:
            problems.append(f"document {row['id'][:8]} ({row['file_name']}): {problem}")
    return problems
