"""Verdicts as test data: the verdict operations called with a store's ``db``, as the old store helpers were.

Tests that need rated claims (reports, views, panes) make them through ops/verdicts.py, so
their data obeys the same rules as a checker's; this keeps those calls short.
"""
from __future__ import annotations

from types import SimpleNamespace

from factcheck_app.ops import verdicts as ops

#: Who rates when a test does not say.
TEST_CHECKER = "Test Checker"


def _lib(db):
    # Operations only use ``lib.db``; tests holding a Database need no Library object.
    return SimpleNamespace(db=db)


def set_verdict(db, claim_id, rating, scale=None, rationale=None, checker=None, why=None) -> dict:
    """Rate a claim (and write its rationale) as ``checker``; return the verdict row."""
    return ops.set_verdict(_lib(db), claim_id, rating, rationale=rationale, scale=scale,
                           by=checker or TEST_CHECKER, why=why).value


def review_verdict(db, claim_id, reviewer, why=None) -> dict:
    """Mark a claim's verdict reviewed by ``reviewer``; return the row."""
    return ops.review_verdict(_lib(db), claim_id, by=reviewer, why=why).value


def publish_verdict(db, claim_id, who="Test Editor") -> dict:
    """Publish a reviewed verdict; return the row."""
    return ops.publish_verdict(_lib(db), claim_id, by=who or "Test Editor").value


def clear_verdict(db, claim_id, who=None, why=None) -> dict | None:
    """Remove a claim's verdict; return the removed row."""
    return ops.clear_verdict(_lib(db), claim_id, by=who or TEST_CHECKER, why=why).value
