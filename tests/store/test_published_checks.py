"""Published checks in the store: upserts keep the term counts and totals BM25 reads in step."""
from __future__ import annotations

from factcheck_app.core.published_checks import PublishedCheck
from factcheck_app.store import published_checks as pc
from factcheck_app.store.transaction import write


def _add(db, name, checks):
    with write(db):
        collection = pc.ensure_collection(db, name, None)
        return pc.upsert_checks(db, collection, [(c, c.claim.lower().split(), (c.title or "").lower().split())
                                                 for c in checks])


def _counts(db):
    return dict(db.execute("SELECT term, docs FROM published_check_terms ORDER BY term").fetchall())


def test_term_counts_follow_inserts_updates_and_removals(library):
    db = library.db
    a = PublishedCheck("ferry fares doubled", review_url="https://x.example/a", title="ferry", rating="False")
    b = PublishedCheck("bridge fares rose", review_url="https://x.example/b", rating="True")
    assert _add(db, "one", [a, b]) == 0
    assert pc.document_frequencies(db, ["fares", "ferry", "bridge", "nothing"]) == {"fares": 2, "ferry": 1, "bridge": 1}
    assert pc.corpus_stats(db) == (2, 3.0, 0.5)
    # The same check again, retitled: updated, and its old title term no longer counted.
    again = PublishedCheck("ferry fares doubled", review_url="https://x.example/a", title="boats", rating="False")
    assert _add(db, "one", [again]) == 1
    assert pc.document_frequencies(db, ["ferry", "boats"]) == {"ferry": 1, "boats": 1}
    incremental = _counts(db)
    pc.rebuild_term_counts(db)
    assert _counts(db) == incremental
    collection = pc.resolve_collection(db, "one")
    assert pc.remove_collection(db, collection["id"]) == 2
    assert _counts(db) == {} and pc.corpus_stats(db) == (0, 0.0, 0.0)
