"""The library's tables, as forward migrations: migration N takes a store from version N-1 to N.

The version lives in ``PRAGMA user_version``. Never edit a released migration:
add a new one, so that older libraries still open and upgrade.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.db import quote_identifier

# Re-exported: the CHECK constraints below are built from these lists.
from factcheck_app.core.vocabulary import (
    CLAIM_ORIGINS,
    CLAIM_STATUSES,
    RELIABILITY_LEVELS,
    SOURCE_KINDS,
    STANCES,
    VERDICT_STATUSES,
)


def _in(values: tuple[str, ...]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


V1_TABLES = f"""
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT,
    outlet TEXT,
    author TEXT,
    url TEXT,
    published TEXT,
    body TEXT NOT NULL,
    source_name TEXT,
    content_hash TEXT NOT NULL UNIQUE,
    imported_at TEXT NOT NULL
);
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    score REAL NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ({_in(CLAIM_STATUSES)})),
    origin TEXT NOT NULL DEFAULT 'automatic' CHECK (origin IN ({_in(CLAIM_ORIGINS)})),
    dismiss_reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (start_offset >= 0 AND end_offset >= start_offset)
);
CREATE INDEX claims_article ON claims(article_id, start_offset);
CREATE INDEX claims_status ON claims(status);
CREATE TABLE facets (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    unit TEXT,
    speaker TEXT
);
CREATE INDEX facets_claim ON facets(claim_id);
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    url TEXT,
    publisher TEXT,
    author TEXT,
    published TEXT,
    accessed TEXT,
    kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ({_in(SOURCE_KINDS)})),
    reliability TEXT NOT NULL DEFAULT 'unknown' CHECK (reliability IN ({_in(RELIABILITY_LEVELS)})),
    archive_url TEXT,
    local_file TEXT,
    notes TEXT,
    tags TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE evidence (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE RESTRICT,
    stance TEXT NOT NULL CHECK (stance IN ({_in(STANCES)})),
    excerpt TEXT,
    locator TEXT,
    note TEXT,
    added_by TEXT,
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX evidence_claim ON evidence(claim_id);
CREATE INDEX evidence_source ON evidence(source_id);
CREATE TABLE rating_scales (
    name TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT,
    steps TEXT NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE verdicts (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL UNIQUE REFERENCES claims(id) ON DELETE CASCADE,
    scale TEXT NOT NULL REFERENCES rating_scales(name),
    rating TEXT NOT NULL,
    rationale TEXT,
    checker TEXT,
    reviewer TEXT,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ({_in(VERDICT_STATUSES)})),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    published_at TEXT
);
CREATE TABLE verdict_history (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    changed_at TEXT NOT NULL,
    changed_by TEXT,
    from_rating TEXT,
    to_rating TEXT,
    from_status TEXT,
    to_status TEXT,
    scale TEXT,
    why TEXT
);
CREATE INDEX verdict_history_claim ON verdict_history(claim_id, changed_at);
"""


def _v1(db: Database) -> None:
    db.executescript(V1_TABLES)


FTS_COLUMNS = {
    "sources": ("title", "publisher", "notes", "tags"),
    "evidence": ("excerpt", "note"),
    "claims": ("text",),
}


def create_fts(db: Database, table: str, columns: tuple[str, ...]) -> None:
    """Create ``<table>_fts`` (external content, as sqlite-utils names it) with triggers that keep it in step.

    Written out rather than via Table.enable_fts for two FTS5 options it does not offer:
    a prefix index (the word being typed is searched as a prefix) and update triggers that
    fire only when an indexed column changes. No stemmer: a stemmed prefix stops matching
    ("shay" stems to "shai" and misses "Shayrat").
    """
    fts = quote_identifier(f"{table}_fts")
    quoted = [quote_identifier(c) for c in columns]
    cols = ", ".join(quoted)
    new = ", ".join(f"new.{c}" for c in quoted)
    old = ", ".join(f"old.{c}" for c in quoted)
    name = quote_identifier(table)
    db.executescript(
        f"""
        CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content={name}, content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
        CREATE TRIGGER {quote_identifier(table + "_ai")} AFTER INSERT ON {name} BEGIN
            INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new});
        END;
        CREATE TRIGGER {quote_identifier(table + "_ad")} AFTER DELETE ON {name} BEGIN
            INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old});
        END;
        CREATE TRIGGER {quote_identifier(table + "_au")} AFTER UPDATE OF {cols} ON {name} BEGIN
            INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old});
            INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new});
        END;
        INSERT INTO {fts} ({fts}) VALUES ('rebuild');
        """
    )


def _v2(db: Database) -> None:
    """Finer facets (subtype, vague flag), library settings, and full-text search kept in step by triggers."""
    db.execute("ALTER TABLE facets ADD COLUMN subtype TEXT")
    db.execute("ALTER TABLE facets ADD COLUMN vague INTEGER NOT NULL DEFAULT 0")
    db.execute("CREATE TABLE library_settings (key TEXT PRIMARY KEY, value TEXT)")
    for table, columns in FTS_COLUMNS.items():
        create_fts(db, table, columns)


def _v3(db: Database) -> None:
    """Verdict history says what kind of change each row was, keeps rationale edits, and marks corrections."""
    db.execute("ALTER TABLE verdict_history ADD COLUMN action TEXT")
    db.execute("ALTER TABLE verdict_history ADD COLUMN from_rationale TEXT")
    db.execute("ALTER TABLE verdict_history ADD COLUMN to_rationale TEXT")
    db.execute("ALTER TABLE verdict_history ADD COLUMN correction INTEGER NOT NULL DEFAULT 0")
    # Rows written before v3 were rating or status changes, or reviews (their why said so).
    db.execute(
        "UPDATE verdict_history SET action = CASE WHEN why = 'reviewed' THEN 'review' "
        "WHEN to_rating IS NULL THEN 'clear' ELSE 'set' END"
    )


def _v4(db: Database) -> None:
    """The library's identity stamp, so that a -wal file left by another database is recognised."""
    from factcheck_app.store.identity import create_identity_table

    create_identity_table(db.conn)


def _v5(db: Database) -> None:
    """An index that lists articles newest first without reading their bodies (the window opens on it)."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS articles_newest_first "
        "ON articles (coalesce(published, imported_at) DESC, title, id)"
    )


MIGRATIONS: list[Callable[[Database], None]] = [_v1, _v2, _v3, _v4, _v5]
LATEST_VERSION = len(MIGRATIONS)
