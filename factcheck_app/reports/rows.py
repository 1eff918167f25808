"""Set-based reads for the report model: one query per table for every selected claim, grouped in Python.

Rows are read as plain tuples (no per-row dict from sqlite-utils) and only the columns a report
shows are asked for: at 10,000 claims the per-row and per-value costs are most of a report's read.
Each function returns ``{claim_id: [item, ...]}`` in the order the report lists the items.
"""
from __future__ import annotations

import json

from sqlite_utils import Database

FACETS_SQL = """
SELECT claim_id, kind, subtype, text, value, unit, speaker, vague, start_offset, end_offset
FROM facets WHERE claim_id IN (SELECT value FROM json_each(?))
ORDER BY claim_id, start_offset, end_offset
"""
EVIDENCE_SQL = """
SELECT claim_id, id, source_id, stance, excerpt, locator, note, added_by, added_at
FROM evidence WHERE claim_id IN (SELECT value FROM json_each(?))
ORDER BY claim_id, added_at, rowid
"""
# Sources are read once each, not once per evidence row that cites them (a source is cited many times).
SOURCES_SQL = """
SELECT id, title, publisher, author, kind, reliability, published, accessed, url, archive_url
FROM sources WHERE id IN (SELECT value FROM json_each(?))
"""
# The documents each cited source keeps, in the order they were attached.
DOCUMENTS_SQL = """
SELECT l.source_id, l.file_name, d.sha256, d.media_type, d.size
FROM source_documents l JOIN documents d ON d.id = l.document_id
WHERE l.source_id IN (SELECT value FROM json_each(?))
ORDER BY l.source_id, l.attached_at, l.rowid
"""
# The changes to each claim's verdict after its first publication, as store.verdicts.corrections reads them.
CORRECTIONS_SQL = """
SELECT h.claim_id, h.changed_at, h.changed_by, h.from_rating, h.to_rating, h.from_status, h.to_status, h.why,
       h.action, h.from_rationale, h.to_rationale
FROM verdict_history h WHERE h.correction = 1
ORDER BY h.claim_id, h.rowid
"""


def _ids_param(ids) -> list[str]:
    return [json.dumps(list(ids))]


def facets_by_claim(db: Database, claim_ids: list[str]) -> dict[str, list[dict]]:
    """Return each claim's facets in text order, as report facet dicts."""
    out: dict[str, list[dict]] = {}
    for cid, kind, subtype, text, value, unit, speaker, vague, start, end in db.execute(
            FACETS_SQL, _ids_param(claim_ids)):
        out.setdefault(cid, []).append({
            "kind": kind, "subtype": subtype, "text": text, "value": value, "unit": unit,
            "speaker": speaker, "vague": bool(vague), "start": start, "end": end,
        })
    return out


def sources_by_claim(db: Database, claim_ids: list[str]) -> dict[str, list[dict]]:
    """Return each claim's evidence, oldest first, each merged with its source as a report source dict."""
    evidence = db.execute(EVIDENCE_SQL, _ids_param(claim_ids)).fetchall()
    cited = {e[2] for e in evidence}
    sources = {row[0]: row for row in db.execute(SOURCES_SQL, _ids_param(cited))}
    documents: dict[str, list[dict]] = {}
    for source_id, name, sha256, media_type, size in db.execute(DOCUMENTS_SQL, _ids_param(cited)):
        documents.setdefault(source_id, []).append({"name": name, "sha256": sha256, "media_type": media_type,
                                                    "size": size})
    out: dict[str, list[dict]] = {}
    for cid, eid, source_id, stance, excerpt, locator, note, added_by, added_at in evidence:
        src = sources.get(source_id)
        if src is None:  # evidence whose source row is gone is left out, as a join would
            continue
        _, title, publisher, author, kind, reliability, published, accessed, url, archive_url = src
        out.setdefault(cid, []).append({
            "evidence_id": eid, "source_id": source_id, "stance": stance, "title": title,
            "publisher": publisher, "author": author, "kind": kind, "reliability": reliability,
            "published": published, "accessed": accessed, "url": url, "archive_url": archive_url,
            "excerpt": excerpt, "locator": locator, "note": note, "added_by": added_by, "added_at": added_at,
            "documents": documents.get(source_id, []),
        })
    return out


def corrections_by_claim(db: Database, selected: set[str]) -> dict[str, list[dict]]:
    """Return the corrections of each selected claim (changes after its verdict was first published).

    The same rows as ``store.verdicts.corrections`` per claim, read for every claim in one query.
    """
    out: dict[str, list[dict]] = {}
    for cid, at, by, from_rating, to_rating, from_status, to_status, why, action, old, new in db.execute(
        CORRECTIONS_SQL
    ):
        if cid not in selected:
            continue
        out.setdefault(cid, []).append({
            "date": at, "by": by, "from": from_rating, "to": to_rating,
            "from_status": from_status, "to_status": to_status, "why": why,
            "action": action, "from_rationale": old, "to_rationale": new,
        })
    return out
