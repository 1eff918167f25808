"""The library's tables, as forward migrations: migration N takes a store from version N-1 to N.

The version lives in ``PRAGMA user_version``. Never edit a released migration:
add a new one, so that older libraries still open and upgrade.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.db import quote_identifier

from factcheck_app.core.ids import utc_now

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
    # Before v3 a correction was any rating or status change after the first publication.
    db.execute(
        "UPDATE verdict_history SET correction = 1 WHERE action != 'review' "
        "AND (from_rating IS NOT to_rating OR from_status IS NOT to_status) AND rowid > "
        "(SELECT min(p.rowid) FROM verdict_history p WHERE p.claim_id = verdict_history.claim_id "
        "AND p.to_status = 'published')"
    )


V4_TABLES = """
CREATE TABLE check_collections (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    source_file TEXT,
    imported_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE published_checks (
    id TEXT PRIMARY KEY,
    collection_id TEXT NOT NULL REFERENCES check_collections(id) ON DELETE CASCADE,
    claim_reviewed TEXT NOT NULL CHECK (length(trim(claim_reviewed)) > 0),
    title TEXT,
    rating TEXT,
    rating_value REAL,
    best_rating REAL,
    worst_rating REAL,
    claimant TEXT,
    claim_date TEXT,
    appearances TEXT NOT NULL DEFAULT '[]',
    organisation TEXT,
    organisation_url TEXT,
    review_url TEXT,
    review_date TEXT,
    language TEXT,
    claim_terms TEXT NOT NULL DEFAULT '',
    title_terms TEXT NOT NULL DEFAULT '',
    claim_length INTEGER NOT NULL DEFAULT 0,
    title_length INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX published_checks_collection ON published_checks(collection_id);
-- How many checks hold each match term, and the totals BM25 needs: kept by the store as checks
-- come and go, because counting them in the full-text index costs as much as the term is common.
CREATE TABLE published_check_terms (
    term TEXT PRIMARY KEY,
    docs INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE published_check_totals (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    checks INTEGER NOT NULL,
    claim_terms INTEGER NOT NULL,
    title_terms INTEGER NOT NULL
);
INSERT INTO published_check_totals VALUES (1, 0, 0, 0);
CREATE TRIGGER published_checks_totals_ai AFTER INSERT ON published_checks BEGIN
    UPDATE published_check_totals SET checks = checks + 1, claim_terms = claim_terms + new.claim_length,
        title_terms = title_terms + new.title_length WHERE id = 1;
END;
CREATE TRIGGER published_checks_totals_ad AFTER DELETE ON published_checks BEGIN
    UPDATE published_check_totals SET checks = checks - 1, claim_terms = claim_terms - old.claim_length,
        title_terms = title_terms - old.title_length WHERE id = 1;
END;
CREATE TRIGGER published_checks_totals_au AFTER UPDATE OF claim_length, title_length ON published_checks BEGIN
    UPDATE published_check_totals SET claim_terms = claim_terms - old.claim_length + new.claim_length,
        title_terms = title_terms - old.title_length + new.title_length WHERE id = 1;
END;
CREATE TABLE claim_matches (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    check_id TEXT REFERENCES published_checks(id) ON DELETE CASCADE,
    matched_claim_id TEXT REFERENCES claims(id) ON DELETE CASCADE,
    rank INTEGER NOT NULL,
    score REAL NOT NULL,
    strength REAL NOT NULL,
    label TEXT NOT NULL,
    reasons TEXT NOT NULL DEFAULT '{}',
    matched_at TEXT NOT NULL,
    CHECK ((check_id IS NULL) <> (matched_claim_id IS NULL))
);
CREATE INDEX claim_matches_claim ON claim_matches(claim_id, rank);
CREATE INDEX claim_matches_check ON claim_matches(check_id);
CREATE INDEX claim_matches_matched_claim ON claim_matches(matched_claim_id);
"""


def _v4(db: Database) -> None:
    """Published fact-checks (ClaimReview collections), their match terms in full-text search,
    and the stored matches of each claim against them and against earlier checked claims."""
    db.executescript(V4_TABLES)
    # The terms are already stemmed and folded by the matcher: the tokenizer only splits on spaces.
    fts = quote_identifier("published_checks_fts")
    db.executescript(
        f"""
        CREATE VIRTUAL TABLE {fts} USING fts5(claim_terms, title_terms, content='published_checks',
            content_rowid='rowid', tokenize='unicode61 remove_diacritics 0');
        CREATE TRIGGER published_checks_ai AFTER INSERT ON published_checks BEGIN
            INSERT INTO {fts} (rowid, claim_terms, title_terms) VALUES (new.rowid, new.claim_terms, new.title_terms);
        END;
        CREATE TRIGGER published_checks_ad AFTER DELETE ON published_checks BEGIN
            INSERT INTO {fts} ({fts}, rowid, claim_terms, title_terms)
                VALUES ('delete', old.rowid, old.claim_terms, old.title_terms);
        END;
        CREATE TRIGGER published_checks_au AFTER UPDATE OF claim_terms, title_terms ON published_checks BEGIN
            INSERT INTO {fts} ({fts}, rowid, claim_terms, title_terms)
                VALUES ('delete', old.rowid, old.claim_terms, old.title_terms);
            INSERT INTO {fts} (rowid, claim_terms, title_terms) VALUES (new.rowid, new.claim_terms, new.title_terms);
        END;
        """
    )


DOCUMENT_PART_KINDS = ("page", "paragraph", "image")

V5_DOCUMENTS = f"""
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    media_type TEXT NOT NULL,
    file_name TEXT NOT NULL,
    part_kind TEXT NOT NULL CHECK (part_kind IN ({_in(DOCUMENT_PART_KINDS)})),
    parts INTEGER NOT NULL DEFAULT 0,
    has_text INTEGER NOT NULL DEFAULT 1,
    text_origin TEXT,
    added_at TEXT NOT NULL
);
CREATE TABLE source_documents (
    source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    attached_at TEXT NOT NULL,
    PRIMARY KEY (source_id, document_id)
);
CREATE INDEX source_documents_document ON source_documents(document_id);
CREATE TABLE document_pages (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page INTEGER NOT NULL CHECK (page >= 1),
    text TEXT NOT NULL,
    UNIQUE (document_id, page)
);
ALTER TABLE sources ADD COLUMN doi TEXT;
CREATE INDEX sources_doi ON sources(lower(doi));
CREATE INDEX sources_url_key ON sources(lower(rtrim(url, '/'))) WHERE url IS NOT NULL;
CREATE INDEX sources_title_key ON sources(lower(trim(title)));
ALTER TABLE evidence ADD COLUMN document_id TEXT REFERENCES documents(id) ON DELETE SET NULL;
ALTER TABLE evidence ADD COLUMN page INTEGER;
CREATE INDEX evidence_document ON evidence(document_id) WHERE document_id IS NOT NULL;
"""


def _v5(db: Database) -> None:
    """Documents attached to sources: one row per stored file (content-addressed by SHA-256, kept
    beside the library), the sources that use it, its text per page (PDF) or paragraph (text, saved
    pages) with full-text search; a DOI on sources; evidence that points at a document's page.

    ``document_pages.id`` is an explicit INTEGER PRIMARY KEY so that VACUUM never renumbers the
    rowids its search index refers to; documents themselves carry UUID keys and merge by hash.
    """
    db.executescript(V5_DOCUMENTS)
    create_fts(db, "document_pages", ("text",))


EXCHANGE_TABLES_SQL = """
CREATE TABLE IF NOT EXISTS exchange_identity (
    library_id TEXT NOT NULL,
    applying INTEGER NOT NULL DEFAULT 0,
    high_water TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS exchange_versions (
    table_name TEXT NOT NULL,
    row_key TEXT NOT NULL,
    stamp TEXT NOT NULL,
    seq INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (table_name, row_key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS exchange_versions_seq ON exchange_versions(seq);
CREATE TABLE IF NOT EXISTS exchange_peers (
    name TEXT PRIMARY KEY,
    sent_seq INTEGER NOT NULL DEFAULT 0,
    sent_at TEXT,
    merged_at TEXT
);
CREATE TABLE IF NOT EXISTS exchange_aliases (
    table_name TEXT NOT NULL,
    old_key TEXT NOT NULL,
    new_key TEXT NOT NULL,
    reason TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT,
    PRIMARY KEY (table_name, old_key)
);
CREATE TABLE IF NOT EXISTS exchange_log (
    id INTEGER PRIMARY KEY,
    merged_at TEXT NOT NULL,
    merged_by TEXT,
    source TEXT,
    summary TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS verdict_conflicts (
    claim_id TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    versions TEXT NOT NULL,
    found_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS evidence_identity ON evidence(claim_id, source_id, stance);
"""

#: Columns that make each verdict-history row a full picture of the verdict after the change,
#: and link it to the change(s) it was made on top of (so two lines of changes can be told apart).
HISTORY_SNAPSHOT_COLUMNS = {
    "parent_id": "TEXT",
    "resolves": "TEXT",
    "verdict_id": "TEXT",
    "checker": "TEXT",
    "reviewer": "TEXT",
    "verdict_created_at": "TEXT",
    "published_at": "TEXT",
    "verdict_updated_at": "TEXT",
}


def _v6(db: Database) -> None:
    """Exchange between libraries: this library's id, a version per row, colleagues, aliases, verdict lineage."""
    import uuid

    db.executescript(EXCHANGE_TABLES_SQL)
    if db.execute("SELECT count(*) FROM exchange_identity").fetchone()[0] == 0:
        db.execute("INSERT INTO exchange_identity (library_id) VALUES (?)", [str(uuid.uuid4())])
    have = {c.name for c in db["verdict_history"].columns}
    for column, kind in HISTORY_SNAPSHOT_COLUMNS.items():
        if column not in have:  # another migration may already have added it
            db.execute(f"ALTER TABLE verdict_history ADD COLUMN {quote_identifier(column)} {kind}")
    # Older history was one line per claim: each change sits on the one before it.
    db.execute(
        """
        UPDATE verdict_history SET parent_id = (
            SELECT p.id FROM verdict_history p WHERE p.claim_id = verdict_history.claim_id
              AND (p.changed_at < verdict_history.changed_at
                   OR (p.changed_at = verdict_history.changed_at AND p.rowid < verdict_history.rowid))
            ORDER BY p.changed_at DESC, p.rowid DESC LIMIT 1)
        """
    )
    # The latest change of each claim pictures the verdict as it stands.
    db.execute(
        """
        UPDATE verdict_history SET verdict_id = v.id, to_rationale = v.rationale, checker = v.checker,
            reviewer = v.reviewer, verdict_created_at = v.created_at, published_at = v.published_at,
            verdict_updated_at = v.updated_at
        FROM verdicts v
        WHERE v.claim_id = verdict_history.claim_id AND verdict_history.id = (
            SELECT h.id FROM verdict_history h WHERE h.claim_id = v.claim_id
            ORDER BY h.changed_at DESC, h.rowid DESC LIMIT 1)
        """
    )


PUBLISHING_TABLES = """
CREATE TABLE claim_publishing (
    claim_id TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    claimant TEXT,
    claimant_type TEXT CHECK (claimant_type IN ('Person', 'Organization')),
    claim_date TEXT,
    claim_reviewed TEXT CHECK (length(claim_reviewed) <= 75),
    review_url TEXT,
    appearances_set INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT
);
CREATE TABLE claim_appearances (
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    first_appearance INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (claim_id, position)
);
"""


def _v7(db: Database) -> None:
    """Per-claim publishing details (claimant, appearances, date, claim as reviewed, review address).

    The review addresses kept so far as library settings ``claimreview.url.<claim id>`` move here.
    """
    db.executescript(PUBLISHING_TABLES)
    db.execute(
        "INSERT INTO claim_publishing (claim_id, review_url, updated_at) "
        "SELECT c.id, s.value, ? FROM library_settings s "
        "JOIN claims c ON c.id = substr(s.key, length('claimreview.url.') + 1) "
        "WHERE s.key LIKE 'claimreview.url.%'",
        [utc_now()],
    )
    db.execute("DELETE FROM library_settings WHERE key LIKE 'claimreview.url.%'")


MIGRATIONS: list[Callable[[Database], None]] = [_v1, _v2, _v3, _v4, _v5, _v6, _v7]
LATEST_VERSION = len(MIGRATIONS)
