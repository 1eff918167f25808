"""store.scales, store.search (FTS kept in step), store.settings, store.ids, store.info."""
from __future__ import annotations

import pytest

from factcheck_app.store.claims import merge_claims, split_claim, get_claim
from factcheck_app.store.errors import AmbiguousIdError, NotFoundError, ValidationError
from factcheck_app.store.evidence import add_evidence, remove_evidence, update_evidence
from factcheck_app.store.ids import resolve
from factcheck_app.store.info import check_library, counts, library_info
from factcheck_app.store.scales import builtin_scales, delete_scale, get_scale, list_scales, save_scale
from factcheck_app.store.search import rebuild_index, search, search_sources
from factcheck_app.store.settings import ORGANISATION_NAME, get_setting, set_setting
from factcheck_app.store.sources import add_source, delete_source, update_source
from verdict_support import set_verdict

CUSTOM = {"name": "desk", "title": "Desk scale", "steps": [
    {"label": "Correct", "value": 2, "colour": "#00aa00"},
    {"label": "Wrong", "value": 0, "colour": "#aa0000"},
    {"label": "Cannot say", "value": -1, "colour": "#888888", "off_scale": True}]}


def test_builtin_scales_are_in_every_library(library):
    names = [s.name for s in list_scales(library.db)]
    assert set(names) == {s.name for s in builtin_scales()} == {"truth", "labels", "pinocchio"}
    assert get_scale(library.db, "truth").step("half TRUE").label == "Half true"
    with pytest.raises(NotFoundError, match="truth"):
        get_scale(library.db, "nope")


def test_custom_scale_save_use_and_delete(db, claim_ids):
    saved = save_scale(db, CUSTOM)
    assert saved.name == "desk" and not saved.builtin
    assert [s.name for s in list_scales(db)][-1] == "desk"
    set_verdict(db, claim_ids[0], "Correct", scale="desk")
    with pytest.raises(ValidationError, match="used by 1"):
        delete_scale(db, "desk")
    set_verdict(db, claim_ids[0], "True", scale="truth")
    delete_scale(db, "desk")
    with pytest.raises(NotFoundError):
        get_scale(db, "desk")


@pytest.mark.parametrize("data", [{"name": "Bad Name!", "title": "t", "steps": CUSTOM["steps"]},
                                  {"name": "x", "title": "t", "steps": []},
                                  {"name": "x", "title": "t", "steps": [{"label": "A", "value": 1, "colour": "red"}]},
                                  {**CUSTOM, "name": "truth"}])
def test_bad_or_builtin_scales_are_refused(library, data):
    before = [s.name for s in list_scales(library.db)]
    with pytest.raises(ValidationError):
        save_scale(library.db, data)
    assert [s.name for s in list_scales(library.db)] == before
    with pytest.raises(ValidationError, match="built-in"):
        delete_scale(library.db, "truth")


def _ids(db, text, kinds):
    return [h["id"] for h in search(db, text, kinds)]


def test_search_finds_sources_evidence_and_claims_best_first(db, claim_ids):
    source_id = add_source(db, "Kibar reactor report", publisher="IAEA", notes="satellite images", tags=["nuclear"])
    add_source(db, "Unrelated bus timetable")
    evidence_id = add_evidence(db, claim_ids[2], source_id, "supports", excerpt="the Kibar site was destroyed")
    hits = search(db, "kibar")
    assert {(h["kind"], h["id"]) for h in hits} == {("source", source_id), ("evidence", evidence_id),
                                                    ("claim", claim_ids[2])}
    assert [h["rank"] for h in hits] == sorted(h["rank"] for h in hits)
    assert _ids(db, "nucl", ("source",)) == [source_id]  # the last word is a prefix
    assert _ids(db, "satellite iaea", ("source",)) == [source_id]  # every word must match
    assert _ids(db, "satellite buses", ("source",)) == []
    assert [s["id"] for s in search_sources(db, "reactor")] == [source_id]
    assert len(search(db, "the", limit=2)) <= 2
    assert search(db, "   ") == [] and search_sources(db, "!!!") == []


def test_fts_follows_inserts_updates_and_deletes(db, claim_ids):
    source_id = add_source(db, "Original title")
    assert _ids(db, "original", ("source",)) == [source_id]
    update_source(db, source_id, title="Renamed entirely", notes="annotated")
    assert _ids(db, "original", ("source",)) == []
    assert _ids(db, "renamed annotated", ("source",)) == [source_id]
    update_source(db, source_id, reliability="high")  # a column outside the index: still found
    assert _ids(db, "renamed", ("source",)) == [source_id]
    evidence_id = add_evidence(db, claim_ids[0], source_id, "supports", excerpt="first wording")
    update_evidence(db, evidence_id, excerpt="second wording")
    assert _ids(db, "first", ("evidence",)) == [] and _ids(db, "second", ("evidence",)) == [evidence_id]
    remove_evidence(db, evidence_id)
    assert _ids(db, "second", ("evidence",)) == []
    delete_source(db, source_id)
    assert _ids(db, "renamed", ("source",)) == []


def test_fts_follows_claim_edits(db, claim_ids):
    claim = get_claim(db, claim_ids[0])
    at = claim["start_offset"] + claim["text"].index(" in 2017")
    new_id = split_claim(db, claim_ids[0], at)
    assert _ids(db, "2017", ("claim",)) == [new_id]
    merge_claims(db, [claim_ids[0], new_id])
    assert _ids(db, "2017", ("claim",)) == [claim_ids[0]]
    db.execute("DELETE FROM articles")
    assert _ids(db, "council", ("claim",)) == []


def test_fts_indexes_pass_their_integrity_check(db, claim_ids):
    source_id = add_source(db, "Something to index")
    add_evidence(db, claim_ids[0], source_id, "supports", excerpt="indexed words")
    update_source(db, source_id, title="Something else")
    for table in ("sources_fts", "evidence_fts", "claims_fts"):
        db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")


def test_rebuild_index(db, claim_ids):
    add_source(db, "Something to index")
    rebuild_index(db)
    assert _ids(db, "something", ("source",))
    assert len(_ids(db, "council", ("claim",))) == 1


def test_settings(library):
    db = library.db
    assert get_setting(db, ORGANISATION_NAME) is None
    assert get_setting(db, ORGANISATION_NAME, "fallback") == "fallback"
    set_setting(db, ORGANISATION_NAME, "Desk")
    set_setting(db, ORGANISATION_NAME, "Desk 2")
    assert get_setting(db, ORGANISATION_NAME) == "Desk 2"
    set_setting(db, ORGANISATION_NAME, None)
    assert get_setting(db, ORGANISATION_NAME) is None


def test_resolve_ids(db, claim_ids):
    claim = claim_ids[0]
    assert resolve(db, "claims", claim) == claim
    assert resolve(db, "claims", claim[:8].upper()) == claim
    unique = next(n for n in range(4, 37) if sum(c.startswith(claim[:n]) for c in claim_ids) == 1)
    assert resolve(db, "claims", claim[:unique]) == claim
    with pytest.raises(NotFoundError, match="too short"):
        resolve(db, "claims", claim[:3])
    with pytest.raises(NotFoundError, match="not a claim id"):
        resolve(db, "claims", "xyz")
    with pytest.raises(NotFoundError, match="No claim"):
        resolve(db, "claims", "ffffffff-ffff")
    db.execute("INSERT INTO sources (id, title, created_at, updated_at) VALUES ('abcd1', 'x', 'n', 'n'), "
               "('abcd2', 'y', 'n', 'n')")
    with pytest.raises(AmbiguousIdError, match="type more.*abcd1 x; abcd2 y"):
        resolve(db, "sources", "abcd")


def test_library_info_and_check(seeded):
    library, _ = seeded
    info = library_info(library)
    assert info["schema_version"] == library.schema_version
    assert info["journal_mode"] == "wal" and info["readonly"] is False and info["size_bytes"] > 0
    assert info["counts"] == counts(library.db) and info["counts"]["claims"] == 6
    assert check_library(library) == []
    library.db.execute("PRAGMA foreign_keys = OFF")
    library.db.execute("INSERT INTO facets (id, claim_id, kind, start_offset, end_offset, text) "
                       "VALUES ('f', 'no-such-claim', 'date', 0, 1, 'x')")
    problems = check_library(library)
    assert len(problems) == 1 and "facets" in problems[0] and "claims" in problems[0]
