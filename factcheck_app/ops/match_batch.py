"""The batch mode of matching (`factcheck match --batch`): verified claims and queries in, one
ranking per query out, through the same library tables and matcher as the app.

The verified claims are imported as published checks into a temporary library that is
deleted afterwards; each query is matched like a claim typed with ``factcheck match --text``.
"""
from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

from factcheck_app.core.published_checks import PublishedCheck
from factcheck_app.ingest.claimreview import ReadResult
from factcheck_app.ops.checks import FileChecks, import_checks
from factcheck_app.ops.matching import Matcher
from factcheck_app.store.errors import ValidationError

#: The ranking's length, as the contract says.
RANKED = 20


def _text(value: object) -> str:
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""


def batch_checks(verified: list) -> tuple[list[PublishedCheck], dict[str, str]]:
    """Return the verified claims as published checks, and each check's key -> the caller's id."""
    if not isinstance(verified, list):
        raise ValidationError('"verified_claims" must be a list of {"id", "claim", "title"} objects.')
    checks, ids = [], {}
    for position, item in enumerate(verified, 1):
        if not isinstance(item, dict) or "id" not in item:
            raise ValidationError(f'verified claim {position} is not an object with an "id".')
        claim = _text(item.get("claim")) or _text(item.get("title"))
        if not claim:
            continue
        # The caller's id stands in for the review address, so each verified claim stays one check.
        check = PublishedCheck(claim=claim, title=_text(item.get("title")) or None,
                               review_url=f"batch:{item['id']}")
        checks.append(check)
        ids[check.key] = str(item["id"])
    return checks, ids


def run_match_batch(payload: dict) -> Iterator[dict]:
    """Yield ``{"query_id", "ranked"}`` for every query of the payload, in order."""
    if not isinstance(payload, dict):
        raise ValidationError('The batch input must be one JSON object {"verified_claims": [...], "queries": [...]}.')
    queries = payload.get("queries")
    if not isinstance(queries, list):
        raise ValidationError('"queries" must be a list of {"id", "text"} objects.')
    for position, query in enumerate(queries, 1):
        if not isinstance(query, dict) or "id" not in query:
            raise ValidationError(f'query {position} is not an object with an "id".')
    checks, ids = batch_checks(payload.get("verified_claims", []))
    from factcheck_app.store.library import open_library, skip_fsync

    with tempfile.TemporaryDirectory(prefix="factcheck-match-") as folder:
        with open_library(Path(folder) / "batch.factcheck.sqlite") as lib:
            skip_fsync(lib)
            import_checks(lib, [FileChecks("batch", "batch", ReadResult(checks=checks))], match=False)
            matcher = Matcher(lib, include_claims=False)
            for query in queries:
                found = matcher.find(_text(query.get("text")), limit=RANKED)
                ranked = [ids[f.target_id] for f in found if f.kind == "check" and f.target_id in ids]
                yield {"query_id": query["id"], "ranked": ranked}
