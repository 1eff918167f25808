"""Merging change files: the merge rules, conflicts and decisions, trust, and merging the same file twice."""
from __future__ import annotations

import pytest
from exchange_support import article, claim_ids, content, copies, send

from factcheck_app.ops.change_file import ChangeFileError, read_change_file
from factcheck_app.ops.decisions import decide_verdict
from factcheck_app.ops.exchange import export_changes, read_changes
from factcheck_app.ops.merge import merge_changes
from factcheck_app.ops.people import MissingPersonError
from factcheck_app.ops.publishing import PublishingEdit, edit_publishing, publishing_details
from factcheck_app.ops import verdicts as vops
from factcheck_app.ops.sources import edit_source
from factcheck_app.store import verdicts
from factcheck_app.store.articles import import_article
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.evidence import add_evidence, list_evidence, remove_evidence
from factcheck_app.store.exchange import alias_rows
from factcheck_app.store.scales import delete_scale, save_scale
from factcheck_app.store.transaction import write
from factcheck_app.store.sources import add_source, delete_source, list_sources
from factcheck_app.store.verdict_lineage import conflict_versions, conflicts


def _both_ways(libs, folder):
    first = send(libs, "ann", "bob", folder)
    second = send(libs, "bob", "ann", folder)
    return first, second


def test_work_on_both_sides_ends_in_the_same_library(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    claims = claim_ids(ann)
    source = add_source(ann.db, "Ministry bulletin", url="https://gov.example.org/bulletin")
    add_evidence(ann.db, claims[0], source, "supports", "59 million", added_by="Ann")
    vops.set_verdict(ann, claims[0], "True", rationale="The bulletin says so.", by="Ann")
    vops.set_verdict(bob, claims[1], "False", rationale="Only 9 villages.", by="Bob")
    import_article(bob.db, article("Harvest story", ["Farmers lost 40 percent of the wheat."]))

    to_bob, to_ann = _both_ways(pair, tmp_path)

    assert to_bob.new["evidence"] == 1 and to_bob.new["sources"] == 1 and claims[0] in to_bob.verdict_changes
    assert to_ann.new["articles"] == 1 and to_ann.new["claims"] == 1 and claims[1] in to_ann.verdict_changes
    assert not to_bob.conflicts and not to_ann.conflicts
    assert content(ann) == content(bob)
    assert verdicts.get_verdict(bob.db, claims[0])["checker"] == "Ann"  # who did what is kept as recorded


def test_merging_the_same_file_twice_changes_nothing(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    vops.set_verdict(ann, claim_ids(ann)[0], "Mostly true", by="Ann")
    path = tmp_path / "ann.fcchanges"
    export_changes(ann, "Bob", path, by="Ann")
    first = merge_changes(bob, read_changes(path), by="Bob").value
    after_first = content(bob)
    second = merge_changes(bob, read_changes(path), by="Bob").value
    assert not first.nothing
    assert second.nothing
    assert content(bob) == after_first


def test_the_second_export_carries_only_what_changed_since(pair, tmp_path):
    ann = pair["ann"]
    first = export_changes(ann, "Bob", tmp_path / "1.fcchanges", by="Ann").value
    vops.set_verdict(ann, claim_ids(ann)[2], "False", by="Ann")
    second = export_changes(ann, "Bob", tmp_path / "2.fcchanges", by="Ann").value
    assert first.first and not second.first
    tables = read_change_file(tmp_path / "2.fcchanges").tables
    # The claim, its verdict change, and the scale the verdict is on (carried along, in case it went there).
    assert set(tables) == {"claims", "verdict_history", "rating_scales"}
    assert second.rows == 3 < first.rows


def test_a_conflict_keeps_both_versions_until_someone_decides(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    claim = claim_ids(ann)[0]
    vops.set_verdict(ann, claim, "True", rationale="Survey: 59.2 million.", by="Ann")
    vops.set_verdict(bob, claim, "False", rationale="Board: 41 million.", by="Bob")
    to_bob, to_ann = _both_ways(pair, tmp_path)
    assert to_bob.conflicts == [claim] and to_ann.conflicts == [claim]
    assert content(ann) == content(bob)
    for lib in (ann, bob):
        shown = {(v["to_rating"], v["checker"], v["to_rationale"]) for v in conflict_versions(lib.db, claim)}
        assert shown == {("True", "Ann", "Survey: 59.2 million."), ("False", "Bob", "Board: 41 million.")}
        assert [c["claim_id"] for c in conflicts(lib.db)] == [claim]
        with pytest.raises(ValidationError, match="decision"):
            vops.review_verdict(lib, claim, by="Carol")

    # The decision is a change like any other, and merges cleanly.
    bobs = next(v["id"] for v in conflict_versions(bob.db, claim) if v["checker"] == "Bob")
    decide_verdict(bob, claim, bobs, by="Carol")
    assert not verdicts.needs_decision(bob.db, claim)
    to_ann = send(pair, "bob", "ann", tmp_path)
    assert not to_ann.conflicts and not verdicts.needs_decision(ann.db, claim)
    decided = verdicts.get_verdict(ann.db, claim)
    assert (decided["rating"], decided["checker"], decided["rationale"]) == ("False", "Bob", "Board: 41 million.")
    send(pair, "ann", "bob", tmp_path)
    assert content(ann) == content(bob)
    history = verdicts.verdict_history(ann.db, claim)
    assert [h["action"] for h in history][-1] == "decide" and history[-1]["changed_by"] == "Carol"
    assert len(history) == 3  # both versions and the decision


def test_setting_the_verdict_again_is_a_decision_too(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    claim = claim_ids(ann)[1]
    vops.set_verdict(ann, claim, "True", by="Ann")
    vops.set_verdict(bob, claim, "False", by="Bob")
    _both_ways(pair, tmp_path)
    vops.set_verdict(ann, claim, "Half true", rationale="Both figures are estimates.", by="Cat")
    assert not verdicts.needs_decision(ann.db, claim)
    send(pair, "ann", "bob", tmp_path)
    assert not verdicts.needs_decision(bob.db, claim)
    assert content(ann) == content(bob)


def test_changes_on_different_claims_never_conflict(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    claims = claim_ids(ann)
    vops.set_verdict(ann, claims[0], "True", by="Ann")
    send(pair, "ann", "bob", tmp_path)
    vops.set_verdict(bob, claims[0], "False", by="Bob")  # on top of Ann's: no conflict
    vops.set_verdict(ann, claims[1], "True", by="Ann")
    to_bob, to_ann = _both_ways(pair, tmp_path)
    assert not to_bob.conflicts and not to_ann.conflicts
    assert verdicts.get_verdict(ann.db, claims[0])["rating"] == "False"


def test_the_same_article_imported_on_both_sides_becomes_one(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    story = article("Flood story", ["The flood cut 7 roads.", "Rain fell for 4 days."])
    a = import_article(ann.db, story)
    b = import_article(bob.db, story)
    source = add_source(bob.db, "Roads agency", url="https://roads.example.org")
    add_evidence(bob.db, b.claim_ids[0], source, "supports", added_by="Bob")
    vops.set_verdict(ann, a.claim_ids[1], "True", by="Ann")
    _both_ways(pair, tmp_path)
    send(pair, "ann", "bob", tmp_path)
    assert content(ann) == content(bob)
    kept = min(a.article_id, b.article_id)
    assert [r[0] for r in ann.db.execute("SELECT id FROM articles WHERE title = 'Flood story'")] == [kept]
    claims = [r[0] for r in ann.db.execute("SELECT id FROM claims WHERE article_id = ? ORDER BY start_offset", [kept])]
    assert len(claims) == 2
    assert len(list_evidence(ann.db, claims[0])) == 1 and verdicts.get_verdict(ann.db, claims[1])["rating"] == "True"
    removed = {(r["table_name"], r["old_key"]) for r in alias_rows(ann.db)}
    assert ("articles", max(a.article_id, b.article_id)) in removed  # every removal is recorded
    assert {("claims", max(x, y)) for x, y in zip(a.claim_ids, b.claim_ids)} <= removed


def test_sources_with_the_same_doi_or_address_become_one(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    claims = claim_ids(ann)
    s1 = add_source(ann.db, "Paper", url="https://doi.org/10.1234/ABC.5")
    s2 = add_source(bob.db, "Paper (journal page)", url="https://journal.example.org/article/10.1234/abc.5")
    s3 = add_source(ann.db, "Agency page", url="http://www.agency.example.org/page/")
    s4 = add_source(bob.db, "Agency", url="https://agency.example.org/page")
    add_evidence(bob.db, claims[0], s2, "supports", added_by="Bob")
    add_evidence(bob.db, claims[1], s4, "context", added_by="Bob")
    _both_ways(pair, tmp_path)
    send(pair, "ann", "bob", tmp_path)
    assert content(ann) == content(bob)
    ids = {s["id"] for s in list_sources(ann.db)}
    assert min(s1, s2) in ids and max(s1, s2) not in ids
    assert min(s3, s4) in ids and max(s3, s4) not in ids
    assert [e["source_id"] for e in list_evidence(ann.db, claims[0])] == [min(s1, s2)]


def test_a_removal_travels(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    claim = claim_ids(ann)[0]
    source = add_source(ann.db, "Leaflet", url="https://leaflet.example.org")
    evidence = add_evidence(ann.db, claim, source, "context", added_by="Ann")
    send(pair, "ann", "bob", tmp_path)
    assert len(list_evidence(bob.db, claim)) == 1
    remove_evidence(ann.db, evidence)
    summary = send(pair, "ann", "bob", tmp_path)
    assert summary.removed["evidence"] == 1 and list_evidence(bob.db, claim) == []


def test_a_review_that_breaks_the_reviewer_rule_after_the_merge_goes_back_to_draft(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    claim = claim_ids(ann)[0]
    vops.set_verdict(ann, claim, "True", rationale="Survey.", by="Ann")
    vops.set_verdict(bob, claim, "False", rationale="Board.", by="Bob")
    _both_ways(pair, tmp_path)
    vops.set_verdict(ann, claim, "True", rationale="Survey, decided.", by="Ann")
    # Bob set a rating on the other line of changes since the last review: his review cannot stand.
    # (Written here through the store, as an app without the rule would; the merge checks it again.)
    with write(ann.db):
        before = verdicts.get_verdict(ann.db, claim)
        after = verdicts.put_verdict(ann.db, claim, {"reviewer": "Bob", "status": "reviewed"})
        verdicts.record_change(ann.db, claim, before, after, action="review", who="Bob", why="reviewed")
    summary = send(pair, "ann", "bob", tmp_path)
    assert summary.reviews_withdrawn == [claim]
    shown = verdicts.get_verdict(bob.db, claim)
    assert (shown["rating"], shown["status"], shown["reviewer"]) == ("True", "draft", None)


def test_a_valid_review_travels_as_it_was_made(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    claim = claim_ids(ann)[0]
    vops.set_verdict(ann, claim, "True", by="Ann")
    vops.review_verdict(ann, claim, by="Carol")
    send(pair, "ann", "bob", tmp_path)
    assert verdicts.get_verdict(bob.db, claim) == verdicts.get_verdict(ann.db, claim)
    assert verdicts.get_verdict(bob.db, claim)["reviewer"] == "Carol"


def test_a_whole_library_merges_like_a_change_file(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    vops.set_verdict(ann, claim_ids(ann)[3], "Half true", by="Ann")
    import_article(ann.db, article("Another", ["It cost 8 million."]))
    summary = merge_changes(bob, read_changes(ann.path), by="Bob").value
    assert summary.new["articles"] == 1
    assert content(ann) == content(bob)


def test_a_failure_during_the_merge_leaves_the_library_as_it_was(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    vops.set_verdict(ann, claim_ids(ann)[0], "True", by="Ann")
    import_article(ann.db, article("Another", ["It cost 8 million."]))
    path = tmp_path / "ann.fcchanges"
    export_changes(ann, "Bob", path, by="Ann")
    before = content(bob)
    calls = []

    def stop(done, total, what):
        calls.append(what)
        if len(calls) == 3:
            raise RuntimeError("the disk went away")

    with pytest.raises(RuntimeError):
        merge_changes(bob, read_changes(path), by="Bob", progress=stop)
    assert content(bob) == before


def test_preview_says_what_would_change_and_writes_nothing(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    vops.set_verdict(ann, claim_ids(ann)[0], "True", by="Ann")
    path = tmp_path / "ann.fcchanges"
    export_changes(ann, "Bob", path, by="Ann")
    before = content(bob)
    preview = merge_changes(bob, read_changes(path), by="Bob", preview=True)
    assert preview.value.verdict_changes and not preview.changes
    assert content(bob) == before


def test_a_merge_names_who_merges(pair, tmp_path):
    path = tmp_path / "ann.fcchanges"
    export_changes(pair["ann"], "Bob", path)
    with pytest.raises(MissingPersonError):
        merge_changes(pair["bob"], read_changes(path), by="  ")


def test_a_library_cannot_be_read_as_changes_when_it_is_not_one(tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello")
    with pytest.raises(ChangeFileError, match="neither a change file nor a library"):
        read_changes(bogus)


def test_a_source_removed_on_one_side_while_cited_on_the_other_stays(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    claim = claim_ids(ann)[0]
    source = add_source(ann.db, "Leaflet", url="https://leaflet.example.org")
    send(pair, "ann", "bob", tmp_path)
    delete_source(ann.db, source)  # nobody cites it in Ann's library
    add_evidence(bob.db, claim, source, "supports", "the leaflet says so", added_by="Bob")
    send(pair, "bob", "ann", tmp_path)
    send(pair, "ann", "bob", tmp_path)
    for lib in (ann, bob):
        assert [e["source_id"] for e in list_evidence(lib.db, claim)] == [source]
    assert content(ann) == content(bob)


def test_a_scale_removed_on_one_side_while_used_on_the_other_stays(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    claim = claim_ids(ann)[0]
    save_scale(ann.db, DESK_SCALE)
    send(pair, "ann", "bob", tmp_path)
    delete_scale(ann.db, "desk")
    vops.set_verdict(bob, claim, "Right", scale="desk", by="Bob")
    send(pair, "ann", "bob", tmp_path)  # the removal reaches Bob first: the scale is in use there
    send(pair, "bob", "ann", tmp_path)
    for lib in (ann, bob):
        assert verdicts.get_verdict(lib.db, claim)["scale"] == "desk"
    assert content(ann) == content(bob)


def test_a_scale_no_verdict_uses_any_more_can_be_removed_on_one_side(pair, tmp_path):
    """Only a verdict in use keeps a scale (as in one library): its history naming the scale does not."""
    ann, bob = pair["ann"], pair["bob"]
    claim = claim_ids(ann)[0]
    save_scale(ann.db, DESK_SCALE)
    vops.set_verdict(ann, claim, "Right", scale="desk", by="Ann")
    vops.set_verdict(ann, claim, "True", scale="truth", by="Ann")
    send(pair, "ann", "bob", tmp_path)
    delete_scale(ann.db, "desk")  # allowed: no verdict uses it, though its history names it
    for sender, receiver in [("ann", "bob"), ("bob", "ann")]:
        send(pair, sender, receiver, tmp_path)
    assert content(ann) == content(bob)
    for lib in (ann, bob):
        assert "desk" not in {r[0] for r in lib.db.execute("SELECT name FROM rating_scales")}


DESK_SCALE = {"name": "desk", "title": "Desk scale", "steps": [
    {"label": "Right", "value": 1, "colour": "#00aa00"}, {"label": "Wrong", "value": 0, "colour": "#aa0000"}]}


def test_duplicates_already_in_one_library_become_one_with_the_colleagues(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    twice = [add_source(ann.db, f"Agency page {n}", url="https://agency.example.org/page") for n in range(2)]
    once = add_source(bob.db, "Agency", url="https://agency.example.org/page/")
    for _ in range(2):
        send(pair, "ann", "bob", tmp_path)
        send(pair, "bob", "ann", tmp_path)
    assert content(ann) == content(bob)
    left = [s["id"] for s in list_sources(ann.db) if "agency" in (s["url"] or "")]
    assert left == [min([*twice, once])]


def test_publishing_details_travel_with_their_claim(pair, tmp_path):
    ann, bob = pair["ann"], pair["bob"]
    claim = claim_ids(ann)[0]
    edit = PublishingEdit(claimant="Harbour Minister", claimant_type="Person",
                          appearances=["https://news.example.org/a", "https://video.example.org/b"],
                          claim_reviewed="The reservoir holds 59 million cubic metres")
    edit_publishing(ann, claim, edit, by="Ann")
    send(pair, "ann", "bob", tmp_path)
    shown, stored = publishing_details(bob, claim)
    assert stored.claimant == "Harbour Minister"
    assert [a for a in shown.appearances][:2] == [a for a in publishing_details(ann, claim)[0].appearances][:2]
    assert content(ann) == content(bob)


@pytest.mark.parametrize("evidence_reached_bob", [False, True])
def test_a_removal_that_gave_way_is_cancelled_on_both_sides(pair, tmp_path, evidence_reached_bob):
    """Found by the long property run: the removal gave way at Ann, then her evidence went; the source
    stayed at Ann and stayed removed at Bob. The removal is cancelled on both sides instead."""
    ann, bob = pair["ann"], pair["bob"]
    claim = claim_ids(ann)[0]
    source = add_source(ann.db, "Leaflet", url="https://leaflet.example.org")
    send(pair, "ann", "bob", tmp_path)
    cited = add_evidence(ann.db, claim, source, "supports", "the leaflet says so", added_by="Ann")
    delete_source(bob.db, source)  # nobody cites it in Bob's library
    if evidence_reached_bob:
        send(pair, "ann", "bob", tmp_path)  # Bob puts the source back: Ann's evidence cites it
    summary = send(pair, "bob", "ann", tmp_path)  # the removal meets Ann's evidence
    if not evidence_reached_bob:
        assert summary.kept["sources"] == 1 and any("still cite" in line for line in summary.lines())
    before = content(ann)
    assert merge_changes(ann, read_changes(tmp_path / "bob-to-ann.fcchanges"), by="Ann").value.nothing
    assert content(ann) == before  # merging the same file again changes nothing
    remove_evidence(ann.db, cited)
    for sender, receiver in [("ann", "bob"), ("bob", "ann")]:
        send(pair, sender, receiver, tmp_path)
    assert content(ann) == content(bob)
    for lib in (ann, bob):
        assert source in {s["id"] for s in list_sources(lib.db)}
        assert list_evidence(lib.db, claim) == []


def test_a_row_kept_against_a_removal_keeps_the_newest_edit(pair, tmp_path):
    """Bob puts a source back from an older copy; Ann's edit, made before his removal, is not undone by it."""
    ann, bob = pair["ann"], pair["bob"]
    claim = claim_ids(ann)[0]
    source = ann.db.execute("SELECT id FROM sources ORDER BY id LIMIT 1").fetchone()[0]
    add_evidence(ann.db, claim, source, "supports", "the survey says so", added_by="Ann")
    early = tmp_path / "early.fcchanges"
    export_changes(ann, "Bob", early, by="Ann")  # carries the source as it was then
    edit_source(ann, source, title="Water board survey, corrected")
    with write(bob.db):  # Bob's clock runs ahead: his removal is later than Ann's edit
        bob.db.execute("UPDATE exchange_identity SET high_water = '2999-01-01T00:00:00.000Z'")
    delete_source(bob.db, source)
    merge_changes(bob, read_changes(early), by="Bob")  # the evidence comes: the source is kept, as it was
    assert " kept " in bob.db.execute(
        "SELECT stamp FROM exchange_versions WHERE table_name = 'sources' AND row_key = ?", [source]).fetchone()[0]
    for sender, receiver in [("bob", "ann"), ("ann", "bob")]:
        send(pair, sender, receiver, tmp_path)
    assert content(ann) == content(bob)
    for lib in (ann, bob):
        assert {s["id"]: s["title"] for s in list_sources(lib.db)}[source] == "Water board survey, corrected"


def test_a_removal_that_gave_way_is_cancelled_for_a_third_colleague_too(base_library, tmp_path):
    libs = copies(base_library, tmp_path, ["ann", "bob", "cat"])
    try:
        ann, bob, cat = libs["ann"], libs["bob"], libs["cat"]
        claim = claim_ids(ann)[0]
        source = ann.db.execute("SELECT id FROM sources ORDER BY id LIMIT 1").fetchone()[0]
        cited = add_evidence(ann.db, claim, source, "supports", "the survey says so", added_by="Ann")
        delete_source(bob.db, source)
        send(libs, "bob", "cat", tmp_path)  # Cat removes it too: nobody cites it there
        send(libs, "ann", "bob", tmp_path)  # the evidence reaches Bob: he puts the source back
        remove_evidence(ann.db, cited)
        for _ in range(2):
            for sender in libs:
                for receiver in libs:
                    if sender != receiver:
                        send(libs, sender, receiver, tmp_path)
        assert content(ann) == content(bob) == content(cat)
        assert source in {s["id"] for s in list_sources(cat.db)}
    finally:
        for lib in libs.values():
            lib.close()


@pytest.mark.parametrize("first, second", [("k-b", "k-a"), ("k-a", "k-b")])
def test_one_row_joined_into_two_different_rows_settles_on_the_smaller_in_any_order(tmp_path, first, second):
    # Three copies of one source met in different orders: one library joined the old row into
    # one copy, another into a third. Whatever order the joins arrive in, every library must
    # record the same one, or the libraries never agree.
    from factcheck_app.ops.merge import _Merger
    from factcheck_app.store import open_library

    def join(new_key):
        return {"table_name": "sources", "old_key": "k-old", "new_key": new_key,
                "reason": "the same DOI or address", "recorded_at": "2026-01-01T00:00:00.000Z", "recorded_by": "Ann"}

    lib = open_library(tmp_path / "lib.sqlite")
    try:
        with write(lib.db):
            _Merger(lib, "Ann", None).apply_aliases([join(first)])
        with write(lib.db):
            _Merger(lib, "Ann", None).apply_aliases([join(second)])
        assert [(a["old_key"], a["new_key"]) for a in alias_rows(lib.db)] == [("k-old", "k-a")]
    finally:
        lib.close()
