"""Actions apply to the claim that is selected and visible; a claim made while a filter is on is shown.

Reproductions of the window bugs listed in issue 10: with the claims filter showing one claim,
Dismiss (Ctrl+D) acted on a hidden claim still shown in the panel; a claim added with
Ctrl+Shift+A did not appear in the filtered table.
"""
from __future__ import annotations

from PySide6.QtCore import Qt

from factcheck_app.store import claims as claims_store
from factcheck_app.ui.panes import claim_panel

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def filter_to(qtbot, window, words: str) -> None:
    view = window.claims_view
    view.filter_text.setText(words)
    qtbot.keyClick(view.filter_text, Qt.Key.Key_Return)


def visible_ids(window) -> list[str]:
    view = window.claims_view
    return [view.model.claim_id(view.proxy.source_row(r)) for r in range(view.proxy.rowCount())]


def test_dismiss_never_acts_on_a_claim_the_filter_hides(main_window, qtbot, monkeypatch):
    db = main_window.library.db
    main_window.library_pane.select_first()
    rows = main_window.claims_view.model.rows
    hidden, shown = rows[0], rows[-1]
    main_window.select_claim(hidden[0])
    assert main_window.claim_panel.claim_id == hidden[0]
    # Filter by words of the last claim only: the first one is out of sight.
    words = " ".join(shown[4].split()[:6])
    filter_to(qtbot, main_window, words)
    assert hidden[0] not in visible_ids(main_window) and shown[0] in visible_ids(main_window)
    # The panel and the window let the hidden claim go with it.
    assert main_window.claim_id is None and main_window.claim_panel.claim_id is None
    monkeypatch.setattr(claim_panel, "ask_dismiss_reason", lambda parent: "Opinion, not a checkable fact")
    qtbot.keyClick(main_window.claims_view.table, Qt.Key.Key_D, CTRL)
    assert claims_store.get_claim(db, hidden[0])["status"] != "dismissed"
    assert claims_store.get_claim(db, shown[0])["status"] != "dismissed"
    # Selecting the visible claim, Ctrl+D dismisses that one and only that one.
    main_window.claims_view.select_claim(shown[0])
    assert main_window.claim_panel.claim_id == shown[0]
    qtbot.keyClick(main_window.claims_view.table, Qt.Key.Key_D, CTRL)
    assert claims_store.get_claim(db, shown[0])["status"] == "dismissed"
    assert claims_store.get_claim(db, hidden[0])["status"] != "dismissed"


def test_a_claim_added_while_a_filter_is_on_is_shown(main_window, qtbot):
    main_window.library_pane.select_first()
    body = main_window.article_view.article["body"]
    filter_to(qtbot, main_window, "no claim says this zzz")
    assert visible_ids(main_window) == []
    start = body.index(" ", 10) + 1
    end = body.index(" ", start + 20)
    main_window.article_view.select_span(start, end)
    qtbot.keyClick(main_window.article_view.text, Qt.Key.Key_A, CTRL_SHIFT)
    added = main_window.claim_id
    assert added is not None and added in visible_ids(main_window)
    assert main_window.claims_view.current_claim_id() == added
    assert main_window.claim_panel.claim_id == added
    assert "Filters cleared" in main_window.statusBar().currentMessage()


def test_the_second_part_of_a_split_is_listed_under_a_filter(main_window, qtbot):
    db = main_window.library.db
    main_window.library_pane.select_first()
    claim = max(main_window.claims_view.model.rows, key=lambda r: len(r[4]))
    words = claim[4].split()
    filter_to(qtbot, main_window, " ".join(words[:3]))
    main_window.claims_view.select_claim(claim[0])
    middle = claim[2] + len(" ".join(words[: len(words) // 2])) + 1
    main_window.article_view.select_span(middle, middle)
    main_window.split_current()
    parts = [c for c in claims_store.list_claims(db, claim[1]) if claim[2] <= c["start_offset"] < claim[3]]
    assert len(parts) == 2
    # The filter matched the first words only; it is cleared so that the second part is listed too.
    assert parts[0]["id"] in visible_ids(main_window) and parts[1]["id"] in visible_ids(main_window)
    assert "filters cleared" in main_window.statusBar().currentMessage()
    assert main_window.claim_panel.claim_id == claim[0]
