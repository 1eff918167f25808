"""Everything by keyboard: claim navigation, filter focus, add claim from selection, undo and redo."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from factcheck_app.store import claims as claims_store


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier, widget=None):
    qtbot.keyClick(widget or window.claims_view.table, key, modifier)


def test_j_and_k_step_through_claims(main_window, qtbot):
    main_window.library_pane.select_first()
    text = main_window.article_view.text
    text.setFocus()
    press(qtbot, main_window, Qt.Key.Key_J, widget=text)
    first = main_window.claim_id
    assert first == main_window.claims_view.model.claim_id(0)
    press(qtbot, main_window, Qt.Key.Key_J, widget=text)
    second = main_window.claim_id
    assert second == main_window.claims_view.model.claim_id(1)
    assert main_window.article_view.current_claim == second
    press(qtbot, main_window, Qt.Key.Key_K, widget=text)
    assert main_window.claim_id == first
    press(qtbot, main_window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier, widget=text)
    assert main_window.claim_id == second
    press(qtbot, main_window, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier, widget=text)
    assert main_window.claim_id == first


def test_stepping_from_the_claims_table_moves_its_selection_too(main_window, qtbot):
    main_window.library_pane.select_first()
    view = main_window.claims_view
    view.table.setFocus()
    seen = []
    for key, modifier in ((Qt.Key.Key_J, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_K, Qt.KeyboardModifier.NoModifier)):
        press(qtbot, main_window, key, modifier)
        # The highlighted row is the claim the panel shows, not the one the table started on.
        assert view.selected_claim_ids() == [main_window.claim_id]
        assert main_window.claim_panel.claim_id == main_window.claim_id
        seen.append(view.table.currentIndex().row())
    assert seen[1:] == [seen[0] + 1, seen[0] + 2, seen[0] + 1]


def test_typing_j_in_the_filter_types_it(main_window, qtbot):
    main_window.library_pane.select_first()
    press(qtbot, main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is main_window.claims_view.filter_text
    qtbot.keyClicks(main_window.claims_view.filter_text, "jk")
    assert main_window.claims_view.filter_text.text() == "jk"
    assert main_window.claim_id is None


def test_ctrl_l_focuses_the_library_search(main_window, qtbot):
    press(qtbot, main_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is main_window.library_pane.search


def test_add_claim_from_selection_then_undo_and_redo(main_window, qtbot):
    db = main_window.library.db
    article_id = db.execute("SELECT id FROM articles WHERE source_name = 'harbour-bridge.txt'").fetchone()[0]
    main_window.library_pane.select_article(article_id)
    body = main_window.article_view.article["body"]
    words = "split the council along familiar lines"
    start = body.index(words)
    main_window.article_view.select_span(start, start + len(words))
    main_window.article_view.text.setFocus()
    before = len(claims_store.list_claims(db, article_id))
    press(qtbot, main_window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
          widget=main_window.article_view.text)
    after = claims_store.list_claims(db, article_id)
    assert len(after) == before + 1
    added = next(c for c in after if c["origin"] == "manual")
    assert added["text"] == words
    assert main_window.claim_id == added["id"]
    assert (start, start + len(words)) in {(s, e) for s, e, _ in main_window.article_view.extra_selection_spans()}

    facets_before = [(f["kind"], f["start_offset"], f["end_offset"], f["text"])
                     for f in claims_store.get_facets(db, added["id"])]

    # Undo takes the claim away entirely; redo brings it back under the same id, with the same facets.
    press(qtbot, main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert added["id"] not in {c["id"] for c in claims_store.list_claims(db, article_id)}
    assert len(claims_store.list_claims(db, article_id)) == before
    assert added["id"] not in {c["id"] for c in main_window.article_view.claims}
    assert main_window.claims_view.model.row_of(added["id"]) is None
    assert main_window.claim_id is None
    press(qtbot, main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    again = claims_store.get_claim(db, added["id"])
    assert (again["status"], again["origin"], again["text"]) == ("open", "manual", words)
    assert [(f["kind"], f["start_offset"], f["end_offset"], f["text"]) for f in again["facets"]] == facets_before
    assert main_window.claims_view.model.row_of(added["id"]) is not None


def test_undoing_an_added_claim_keeps_the_evidence_put_on_it_outside_the_undo_stack(main_window, qtbot, dialog_log):
    from factcheck_app.store import evidence as evidence_store
    from factcheck_app.store import sources as sources_store

    db = main_window.library.db
    main_window.library_pane.select_first()
    body = main_window.article_view.article["body"]
    main_window.article_view.select_span(0, body.index(" ", 20))
    main_window.add_claim_from_selection()
    claim_id = main_window.claim_id
    # Evidence that reached the claim some other way (another window on the library, the command line).
    source_id = sources_store.add_source(db, "Council minutes")
    evidence_store.add_evidence(db, claim_id, source_id, "supports", "quoted")
    press(qtbot, main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert claims_store.get_claim(db, claim_id)["sources"] == 1
    assert "cannot be undone" in dialog_log.texts() and "evidence" in dialog_log.texts()


def test_add_claim_without_selection_explains(main_window, qtbot, dialog_log):
    main_window.library_pane.select_first()
    main_window.add_claim_from_selection()
    assert "Select the words of the claim" in dialog_log.texts()


def test_number_keys_rate_through_the_panel(main_window, qtbot):
    from factcheck_app.store import verdicts

    main_window.library_pane.select_first()
    main_window.claims_view.table.setFocus()
    claim_id = next(r[0] for r in main_window.claims_view.model.rows if r[9] is None)
    main_window.select_claim(claim_id)
    press(qtbot, main_window, Qt.Key.Key_1)
    assert verdicts.get_verdict(main_window.library.db, claim_id) is not None
    row = main_window.claims_view.model.row_of(claim_id)
    assert main_window.claims_view.model.index(row, 3).data() == "Checked"
    press(qtbot, main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert verdicts.get_verdict(main_window.library.db, claim_id) is None
    assert main_window.claims_view.model.index(row, 4).data() == "Not yet checked"


def test_dismiss_many_and_undo(main_window):
    main_window.library_pane.select_first()
    ids = [r[0] for r in main_window.claims_view.model.rows[:2]]
    before = {cid: claims_store.get_claim(main_window.library.db, cid)["status"] for cid in ids}
    main_window.dismiss_claims(ids)
    assert all(claims_store.get_claim(main_window.library.db, c)["status"] == "dismissed" for c in ids)
    main_window.undo_stack.undo()
    assert {c: claims_store.get_claim(main_window.library.db, c)["status"] for c in ids} == before


def test_paste_imports_clipboard_text(main_window, qtbot):
    text = ("Ministry says 42 schools closed last week\n\nThe education ministry said on Monday that 42 schools "
            "in the northern region closed last week because of flooding, up from 17 in 2022.")
    QGuiApplication.clipboard().setText(text)
    press(qtbot, main_window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert main_window.library_pane.model.rowCount() == 3
    article = main_window.article_view.article
    assert article["source_name"] == "pasted text"
    assert "42 schools" in article["body"]
    assert main_window.article_view.claims
    assert "3 articles" in main_window.summary.text()


def test_paste_with_empty_clipboard_explains(main_window, dialog_log):
    QGuiApplication.clipboard().setText("")
    main_window.paste_article()
    assert "clipboard holds no text" in dialog_log.texts()
    assert main_window.library_pane.model.rowCount() == 2
