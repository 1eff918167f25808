"""The window bugs of issue 10, reproduced: sign-off bypasses, words cut by split and add, a stale panel.

- Pressing 1 wrote a verdict as the operating-system user ("root") without asking for a name,
  and the rationale written next was recorded as "root" too.
- "Mark reviewed" succeeded for the checker who had just written the rationale.
- Split and add-from-selection cut words, and the claim panel kept showing the unsplit text.
"""
from __future__ import annotations

import getpass

from PySide6.QtCore import Qt

from factcheck_app import user_profile
from factcheck_app.store import claims as claims_store
from factcheck_app.store import verdicts as verdicts_store
from factcheck_app.store import views
from factcheck_app.ui.dialogs import prompts

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def unrated_claim(window) -> str:
    window.library_pane.select_first()
    claim_id = next(r[views.ID] for r in window.claims_view.model.rows if r[views.VERDICT] is None)
    window.select_claim(claim_id)
    return claim_id


def test_a_rating_asks_for_a_name_and_never_uses_the_system_account(make_window, sample_library, qtbot, monkeypatch):
    monkeypatch.setattr(getpass, "getuser", lambda: "root")
    window = make_window(sample_library)
    db = window.library.db
    claim_id = unrated_claim(window)
    asked = []
    monkeypatch.setattr(prompts, "ask_text", lambda *a: asked.append(a) or None)
    qtbot.keyClick(window.claims_view.table, Qt.Key.Key_1)
    assert len(asked) == 1 and verdicts_store.get_verdict(db, claim_id) is None  # no name: nothing written
    monkeypatch.setattr(prompts, "ask_text", lambda *a: asked.append(a) or "Bea Checker")
    qtbot.keyClick(window.claims_view.table, Qt.Key.Key_1)
    window.claim_panel.verdict_editor.rationale_edit.setPlainText("Two official figures agree.")
    window.claim_panel.flush_pending()
    assert len(asked) == 2  # asked once more, then remembered
    verdict = verdicts_store.get_verdict(db, claim_id)
    assert verdict["checker"] == "Bea Checker" and verdict["rationale"] == "Two official figures agree."
    history = verdicts_store.verdict_history(db, claim_id)
    assert {row["changed_by"] for row in history} == {"Bea Checker"}
    assert user_profile.get_user_name() == "Bea Checker"


def test_who_wrote_the_rationale_cannot_mark_the_verdict_reviewed(main_window, dialog_log):
    db = main_window.library.db
    claim_id = unrated_claim(main_window)
    panel = main_window.claim_panel
    user_profile.set_user_name("Ann Rater")
    main_window.rate(1)
    user_profile.set_user_name("Bea Writer")
    panel.verdict_editor.rationale_edit.setPlainText("Bea's reasons.")
    panel.flush_pending()
    panel.verdict_editor.review_button.click()
    assert verdicts_store.get_verdict(db, claim_id)["status"] == "draft"
    assert "a second checker must review it" in dialog_log.texts()
    user_profile.set_user_name("Cy Reviewer")
    panel.verdict_editor.review_button.click()
    verdict = verdicts_store.get_verdict(db, claim_id)
    assert (verdict["status"], verdict["reviewer"]) == ("reviewed", "Cy Reviewer")
    assert "reviewed by Cy Reviewer" in panel.verdict_editor.summary_label.text()


def test_split_in_the_middle_of_a_word_keeps_whole_words_and_the_panel_shows_the_first_part(main_window, qtbot):
    db = main_window.library.db
    main_window.library_pane.select_first()
    claim = max(main_window.claims_view.model.rows, key=lambda r: len(r[views.TEXT]))
    main_window.select_claim(claim[views.ID])
    body = main_window.article_view.article["body"]
    word_start = body.index(" ", claim[views.START] + len(claim[views.TEXT]) // 2) + 1
    main_window.article_view.select_span(word_start + 1, word_start + 1)  # one letter into a word
    qtbot.keyClick(main_window.claims_view.table, Qt.Key.Key_S, CTRL_SHIFT)
    first = claims_store.get_claim(db, claim[views.ID])
    second = next(c for c in claims_store.list_claims(db, claim[views.ARTICLE])
                  if c["start_offset"] >= first["end_offset"] and c["start_offset"] < claim[views.END])
    for part in (first, second):
        assert part["text"] == body[part["start_offset"]:part["end_offset"]]
        assert not body[part["start_offset"]].isspace() and not body[part["end_offset"] - 1].isspace()
        assert part["start_offset"] == 0 or not body[part["start_offset"] - 1].isalnum()
        assert part["end_offset"] == len(body) or not body[part["end_offset"]].isalnum()
    assert main_window.claim_panel.claim_id == claim[views.ID]
    assert main_window.claim_panel.claim_label.text() == first["text"]


def test_add_from_a_selection_that_cuts_words_takes_whole_words(main_window, qtbot):
    db = main_window.library.db
    main_window.library_pane.select_first()
    body = main_window.article_view.article["body"]
    words = "split the council along familiar lines"
    start = body.index(words)
    main_window.article_view.select_span(start + 2, start + len(words) - 2)  # "lit the … familiar lin"
    main_window.article_view.text.setFocus()
    qtbot.keyClick(main_window.article_view.text, Qt.Key.Key_A, CTRL_SHIFT)
    added = claims_store.get_claim(db, main_window.claim_id)
    assert added["text"] == words
    assert main_window.claim_panel.claim_label.text() == words
