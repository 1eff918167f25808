"""Property tests: libraries that start from one, change apart and exchange in any order end up the same.

Two or three colleagues copy one library, each applies random operations (verdicts, reviews,
evidence added and removed, sources, the same or different articles imported, small documents
attached to sources, quoted and detached), and they
exchange change files in random orders, with more work in between. When everyone has sent
everyone their changes, all libraries hold the same content, documents and their files included. Conflicts appear exactly on
the claims whose verdict both sides changed since they last exchanged.
"""
from __future__ import annotations

import shutil

import pytest
from exchange_support import article, attach_text, claim_ids, content, copies, exchange_profile, send
from hypothesis import given
from hypothesis import strategies as st

from factcheck_app.ops import articles as article_ops
from factcheck_app.ops import claims as claim_ops
from factcheck_app.ops import scales as scale_ops
from factcheck_app.ops import sources as source_ops
from factcheck_app.ops import verdicts as vops
from factcheck_app.ops.documents import detach_documents, quote_document
from factcheck_app.store.articles import import_article
from factcheck_app.store.errors import NotFoundError, ValidationError
from factcheck_app.store.evidence import add_evidence, remove_evidence
from factcheck_app.store.sources import add_source
from factcheck_app.store.verdict_lineage import conflicts

NAMES = ["ann", "bob", "cat"]
RATINGS = ["True", "Mostly true", "Half true", "Mostly false", "False"]
STORIES = [
    ("Flood story", ["The flood cut 7 roads.", "Rain fell for 4 days."]),
    ("Budget story", ["The budget grew 12 percent.", "It cost 8 million."]),
]
#: Small documents (paragraphs) a checker may attach; the same text on two machines is one document.
DOCUMENTS = [
    "Flood bulletin.\n\nThe flood cut 7 roads in the north.",
    "Budget note.\n\nSpending grew 12 percent this year.",
    "Dam survey.\n\nThe dam holds 59 million cubic metres.",
]
ADDRESSES = ["https://a.example.org/x", "http://www.a.example.org/x/", "https://doi.org/10.1/z", "https://b.example.org"]

#: A custom scale every checker may save (with one of these titles), use and remove.
DESK_STEPS = [{"label": "Right", "value": 1, "colour": "#00aa00"}, {"label": "Wrong", "value": 0, "colour": "#aa0000"}]

#: Work that names rows and removes them: sources cited, documents attached and quoted, a scale in use.
naming_operation = st.one_of(
    st.tuples(st.just("evidence"), st.integers(0, 9), st.integers(0, 9), st.sampled_from(["supports", "refutes"])),
    st.tuples(st.just("unlink"), st.integers(0, 9)),
    st.tuples(st.just("source"), st.sampled_from(ADDRESSES)),
    st.tuples(st.just("edit source"), st.integers(0, 9), st.sampled_from(["Survey", "Report", "Bulletin"])),
    st.tuples(st.just("remove source"), st.integers(0, 9)),
    st.tuples(st.just("document"), st.integers(0, 9), st.integers(0, len(DOCUMENTS) - 1),
              st.one_of(st.none(), st.integers(0, 9))),
    st.tuples(st.just("detach"), st.integers(0, 9)),
    st.tuples(st.just("scale"), st.sampled_from(["Desk scale", "Desk scale, revised"])),
    st.tuples(st.just("scale verdict"), st.integers(0, 9), st.sampled_from(["Right", "Wrong"])),
    st.tuples(st.just("truth verdict"), st.integers(0, 9), st.sampled_from(RATINGS)),
    st.tuples(st.just("clear"), st.integers(0, 9)),
    st.tuples(st.just("remove scale"),),
)

operation = st.one_of(
    st.tuples(st.just("verdict"), st.integers(0, 9), st.sampled_from(RATINGS), st.sampled_from(["Ann", "Bob", "Cat"])),
    st.tuples(st.just("review"), st.integers(0, 9), st.sampled_from(["Dan", "Eve"])),
    st.tuples(st.just("clear"), st.integers(0, 9)),
    st.tuples(st.just("evidence"), st.integers(0, 9), st.integers(0, 9), st.sampled_from(["supports", "refutes"])),
    st.tuples(st.just("unlink"), st.integers(0, 9)),
    st.tuples(st.just("source"), st.sampled_from(ADDRESSES)),
    st.tuples(st.just("import"), st.integers(0, len(STORIES) - 1)),
    st.tuples(st.just("dismiss"), st.integers(0, 9)),
    st.tuples(st.just("hand-made claim"), st.integers(0, 9), st.integers(2, 12)),
    st.tuples(st.just("edit source"), st.integers(0, 9), st.sampled_from(["Survey", "Report", "Bulletin"])),
    st.tuples(st.just("edit article"), st.sampled_from(["River report", "Flood news"])),
    st.tuples(st.just("remove source"), st.integers(0, 9)),
    st.tuples(st.just("document"), st.integers(0, 9), st.integers(0, len(DOCUMENTS) - 1),
              st.one_of(st.none(), st.integers(0, 9))),
    st.tuples(st.just("detach"), st.integers(0, 9)),
)


def apply(lib, op, counter: list[int]) -> None:
    """Apply one random operation; one a checker would be refused is simply skipped."""
    counter[0] += 1
    claims = claim_ids(lib)
    try:
        if op[0] == "verdict":
            vops.set_verdict(lib, claims[op[1] % len(claims)], op[2], rationale=f"note {counter[0]}", by=op[3])
        elif op[0] == "review":
            vops.review_verdict(lib, claims[op[1] % len(claims)], by=op[2])
        elif op[0] == "clear":
            vops.clear_verdict(lib, claims[op[1] % len(claims)], by="Ann")
        elif op[0] == "evidence":
            sources = [r[0] for r in lib.db.execute("SELECT id FROM sources ORDER BY id")]
            if not sources:  # removed on every side meanwhile
                return
            add_evidence(lib.db, claims[op[1] % len(claims)], sources[op[2] % len(sources)], op[3],
                         excerpt=f"excerpt {counter[0]}", added_by="Ann")
        elif op[0] == "unlink":
            rows = [r[0] for r in lib.db.execute("SELECT id FROM evidence ORDER BY id")]
            if rows:
                remove_evidence(lib.db, rows[op[1] % len(rows)])
        elif op[0] == "source":
            add_source(lib.db, f"Source {counter[0]}", url=op[1])
        elif op[0] == "import":
            import_article(lib.db, article(*STORIES[op[1]]))
        elif op[0] == "dismiss":
            claim_ops.dismiss_claims(lib, [claims[op[1] % len(claims)]], f"reason {counter[0]}")
        elif op[0] == "hand-made claim":
            start, end, article_id = lib.db.execute(
                "SELECT start_offset, end_offset, article_id FROM claims WHERE id = ?", [claims[op[1] % len(claims)]]
            ).fetchone()
            claim_ops.add_claim(lib, article_id, start, min(end, start + op[2]))
        elif op[0] == "edit source":
            sources = [r[0] for r in lib.db.execute("SELECT id FROM sources ORDER BY id")]
            if not sources:
                return
            source_ops.edit_source(lib, sources[op[1] % len(sources)], title=f"{op[2]} {counter[0]}")
        elif op[0] == "remove source":
            sources = [r[0] for r in lib.db.execute("SELECT id FROM sources ORDER BY id")]
            if len(sources) > 1:
                source_ops.remove_source(lib, sources[op[1] % len(sources)])
        elif op[0] == "document":
            sources = [r[0] for r in lib.db.execute("SELECT id FROM sources ORDER BY id")]
            if not sources:
                return
            text = DOCUMENTS[op[2]]
            document = attach_text(lib, sources[op[1] % len(sources)], f"doc{op[2]}-{counter[0]}.txt", text)
            if op[3] is not None:  # quote its second paragraph as evidence for a claim
                excerpt = text.split("\n\n")[1][:20]
                quote_document(lib, claims[op[3] % len(claims)], document, 2, excerpt, "supports", by="Ann")
        elif op[0] == "detach":  # the document goes too unless another source keeps it or evidence quotes it
            links = lib.db.execute("SELECT source_id, document_id FROM source_documents ORDER BY 1, 2").fetchall()
            if links:
                source, document = links[op[1] % len(links)]
                detach_documents(lib, source, [document])
        elif op[0] == "scale":
            scale_ops.save_scale(lib, {"name": "desk", "title": op[1], "steps": DESK_STEPS})
        elif op[0] == "scale verdict":
            vops.set_verdict(lib, claims[op[1] % len(claims)], op[2], scale="desk", by="Ann")
        elif op[0] == "truth verdict":  # moves a verdict off the custom scale
            vops.set_verdict(lib, claims[op[1] % len(claims)], op[2], scale="truth", by="Bob")
        elif op[0] == "remove scale":
            scale_ops.delete_scale(lib, "desk")
        elif op[0] == "edit article":
            first = lib.db.execute("SELECT id FROM articles ORDER BY title LIMIT 1").fetchone()[0]
            article_ops.edit_article(lib, first, title=op[1])
    except (ValidationError, NotFoundError):  # refused, as the checker would be
        pass


def exchange_until_settled(libs, folder, order) -> None:
    """Everyone sends everyone their changes, in the given order, until a whole round changes nothing."""
    for _ in range(4):
        summaries = [send(libs, a, b, folder) for a, b in order]
        if all(s.nothing for s in summaries):
            return
    raise AssertionError("the libraries kept changing after four rounds of exchange")


def _run(base_library, tmp_path, data, how_many: int, ops=operation, phases: int = 3, per_phase: int = 6,
         sends: int = 3) -> None:
    """Colleagues work apart in phases (``ops`` each), exchanging in random orders between them, then all exchange."""
    folder = tmp_path / f"run{data.draw(st.integers(0, 10**9))}"
    folder.mkdir()
    names = NAMES[:how_many]
    libs = copies(base_library, folder, names)
    counter = [0]
    try:
        for _ in range(data.draw(st.integers(1, phases), label="phases")):
            for name in names:
                for op in data.draw(st.lists(ops, max_size=per_phase), label=f"ops of {name}"):
                    apply(libs[name], op, counter)
            # Some exchanges in between, in a random order.
            pairs = data.draw(st.lists(st.permutations(names).map(lambda p: (p[0], p[1])), max_size=sends),
                              label="sends")
            for sender, receiver in pairs:
                send(libs, sender, receiver, folder)
        order = data.draw(st.permutations([(a, b) for a in names for b in names if a != b]), label="final order")
        exchange_until_settled(libs, folder, order)
        first = content(libs[names[0]])
        for name in names[1:]:
            assert content(libs[name]) == first, f"{name} differs from {names[0]}"
    finally:
        for lib in libs.values():
            lib.close()
        shutil.rmtree(folder, ignore_errors=True)


@exchange_profile()
@given(data=st.data())
def test_two_libraries_converge(base_library, tmp_path, data):
    _run(base_library, tmp_path, data, 2)


@exchange_profile()
@given(data=st.data())
def test_three_libraries_converge(base_library, tmp_path, data):
    _run(base_library, tmp_path, data, 3)


@exchange_profile()
@given(data=st.data())
def test_removals_meeting_citations_converge(base_library, tmp_path, data):
    _run(base_library, tmp_path, data, 2, naming_operation, phases=6, per_phase=5, sends=2)


@exchange_profile()
@given(
    ann_claims=st.sets(st.integers(0, 3)),
    bob_claims=st.sets(st.integers(0, 3)),
    bob_first=st.booleans(),
)
def test_conflicts_exactly_where_both_changed_the_same_verdict(base_library, tmp_path, ann_claims, bob_claims, bob_first):
    folder = tmp_path / f"c{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    libs = copies(base_library, folder, ["ann", "bob"])
    try:
        ids = claim_ids(libs["ann"])
        for n in ann_claims:
            vops.set_verdict(libs["ann"], ids[n], "True", rationale="Ann's reading", by="Ann")
        for n in bob_claims:
            vops.set_verdict(libs["bob"], ids[n], "True", rationale="Bob's reading", by="Bob")
        order = [("bob", "ann"), ("ann", "bob")] if bob_first else [("ann", "bob"), ("bob", "ann")]
        for sender, receiver in order:
            send(libs, sender, receiver, folder)
        expected = {ids[n] for n in ann_claims & bob_claims}
        for lib in libs.values():
            assert {c["claim_id"] for c in conflicts(lib.db)} == expected
    finally:
        for lib in libs.values():
            lib.close()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.stress
@exchange_profile(stress=True)
@given(data=st.data())
def test_three_libraries_converge_long(base_library, tmp_path, data):
    _run(base_library, tmp_path, data, 3)


@pytest.mark.stress
@pytest.mark.parametrize("how_many", [2, 3])
@exchange_profile(stress=True)
@given(data=st.data())
def test_removals_meeting_citations_converge_long(base_library, tmp_path, data, how_many):
    # Many short phases: a removal that meets a citation needs work on both sides with sends between.
    _run(base_library, tmp_path, data, how_many, naming_operation, phases=6, per_phase=5, sends=2)
