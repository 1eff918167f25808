"""ops.evidence and ops.sources: a named person adds evidence; edit, remove, merge duplicates, undo."""
from __future__ import annotations

import pytest

from factcheck_app.ops import evidence, sources
from factcheck_app.ops.people import MissingPersonError
from factcheck_app.store.claims import get_claim
from factcheck_app.store.errors import NotFoundError, ValidationError
from factcheck_app.store.evidence import get_evidence, list_evidence
from factcheck_app.store.sources import get_source


def test_evidence_names_who_added_it(lib, claim_ids, source_id):
    with pytest.raises(MissingPersonError):
        evidence.add_evidence(lib, claim_ids[0], source_id, "supports", by=None)
    eid = evidence.add_evidence(lib, claim_ids[0], source_id, "refutes", excerpt="x", by="Ana").value
    assert get_evidence(lib.db, eid)["added_by"] == "Ana"
    assert get_claim(lib.db, claim_ids[0])["status"] == "in_progress"


def test_undo_add_removes_and_restores_the_claim_status(lib, claim_ids, source_id):
    result = evidence.add_evidence(lib, claim_ids[0], source_id, "supports", by="Ana")
    redo = result.undo(lib)
    assert list_evidence(lib.db, claim_ids[0]) == []
    assert get_claim(lib.db, claim_ids[0])["status"] == "open"
    redo.undo(lib)
    assert [e["id"] for e in list_evidence(lib.db, claim_ids[0])] == [result.value]


def test_edit_and_remove_evidence_with_undo(lib, claim_ids, source_id):
    eid = evidence.add_evidence(lib, claim_ids[0], source_id, "supports", excerpt="old", by="Ana").value
    original = get_evidence(lib.db, eid)
    edit = evidence.edit_evidence(lib, eid, excerpt="new", stance="context")
    assert (edit.value["excerpt"], edit.value["stance"]) == ("new", "context")
    edit.undo(lib)
    assert get_evidence(lib.db, eid)["excerpt"] == "old"
    with pytest.raises(ValidationError):
        evidence.edit_evidence(lib, eid, added_by="Mallory")
    removed = evidence.remove_evidence(lib, eid)
    with pytest.raises(NotFoundError):
        get_evidence(lib.db, eid)
    removed.undo(lib)
    back = get_evidence(lib.db, eid)
    assert (back["added_at"], back["added_by"], back["excerpt"]) == (original["added_at"], "Ana", "old")


def test_sources_edit_remove_and_merge(lib, claim_ids, source_id):
    edit = sources.edit_source(lib, source_id, title="Bulletin 7")
    assert edit.value["title"] == "Bulletin 7"
    edit.undo(lib)
    assert get_source(lib.db, source_id)["title"] == "Statistics office bulletin"
    dup = sources.add_source(lib, "Statistics bulletin (copy)", author="J. Doe", tags=["stats"]).value
    evidence.add_evidence(lib, claim_ids[1], dup, "supports", by="Ana")
    with pytest.raises(ValidationError, match="cited"):
        sources.remove_source(lib, dup)
    merged = sources.merge_sources(lib, source_id, [dup])
    assert merged.value["author"] == "J. Doe" and "stats" in merged.value["tags"]
    assert "Merged into this source" in merged.value["notes"]
    assert [e["source_id"] for e in list_evidence(lib.db, claim_ids[1])] == [source_id]
    with pytest.raises(NotFoundError):
        get_source(lib.db, dup)
    spare = sources.add_source(lib, "Unused").value
    gone = sources.remove_source(lib, spare)
    gone.undo(lib)
    assert get_source(lib.db, spare)["title"] == "Unused"
