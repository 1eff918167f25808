"""The main flow: import an article, see its claims highlighted, check one, reopen: all still there."""
from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from factcheck_app.ops.changes import Changes
from factcheck_app.store import claims as claims_store
from factcheck_app.store import evidence as evidence_store
from factcheck_app.store import sources as sources_store
from factcheck_app.store import verdicts as verdicts_store
from factcheck_app.ui.dialogs import prompts
from factcheck_app.ui.panes.highlight import style_for


def sample_file(name: str):
    return resources.files("factcheck_app.resources") / "samples" / name


def copy_sample(tmp_path, name: str):
    target = tmp_path / name
    target.write_bytes(sample_file(name).read_bytes())
    return target


def test_import_highlight_check_and_reopen(make_window, tmp_path, qtbot, dialog_log, monkeypatch):
    store = tmp_path / "work.sqlite"
    window = make_window(store)
    article_file = copy_sample(tmp_path, "harbour-bridge.txt")

    window.import_paths([article_file])
    assert window.library_pane.model.rowCount() == 1
    article_id = window.article_id
    assert article_id is not None
    assert not dialog_log.calls  # a plain, successful import says so in the status bar only

    # Every facet is painted at its offsets with its kind's underline style.
    facets = claims_store.article_facets(window.library.db, article_id)
    assert facets
    painted = {(s, e): fmt for s, e, fmt in window.article_view.extra_selection_spans()}
    for facet in facets:
        fmt = painted[(facet["start_offset"], facet["end_offset"])]
        style = style_for(facet["kind"])
        assert fmt.underlineStyle() == style.underline
        assert fmt.underlineColor().name() == style.colour
    claims = claims_store.list_claims(window.library.db, article_id)
    for claim in claims:
        assert (claim["start_offset"], claim["end_offset"]) in painted

    # Select the "60,000 vehicles" claim from the table.
    target = next(c for c in claims if "60,000 vehicles" in c["text"])
    assert window.claims_view.select_claim(target["id"])
    assert window.claim_id == target["id"]
    assert window.article_view.current_claim == target["id"]

    # Evidence goes in through the store (the panel has its own tests), the verdict by keyboard.
    db = window.library.db
    source_id = sources_store.add_source(db, "Harbour crossing business case", publisher="City Council")
    evidence_store.add_evidence(db, target["id"], source_id, "refutes", "41,000 to 63,000 vehicles")
    window.runner.announce(Changes.of(articles=[article_id], claims=[target["id"]]))
    window.claims_view.table.setFocus()
    # The first rating asks who is checking, once; the name is kept for the command line too.
    asked = []
    monkeypatch.setattr(prompts, "ask_text", lambda *a: asked.append(a) or "Ana Checker")
    qtbot.keyClick(window.claims_view.table, Qt.Key.Key_5)  # the fifth step of the truth scale
    verdict = verdicts_store.get_verdict(db, target["id"])
    rating = verdict["rating"]
    assert rating and verdict["checker"] == "Ana Checker" and len(asked) == 1
    row = window.claims_view.model.row_of(target["id"])
    assert window.claims_view.model.index(row, 4).data() == rating
    assert window.claims_view.model.index(row, 5).data() == "1"
    assert "1 checked" in window.summary.text()
    window.close()

    # A new window on the same library shows everything as it was.
    again = make_window(store)
    assert again.library_pane.model.rowCount() == 1
    again.library_pane.select_first()
    again.select_claim(target["id"])
    row = again.claims_view.model.row_of(target["id"])
    assert again.claims_view.model.index(row, 4).data() == rating
    assert again.claims_view.model.index(row, 3).data() == "Checked"
    assert evidence_store.list_evidence(again.library.db, target["id"])[0]["excerpt"] == "41,000 to 63,000 vehicles"
    repainted = {(s, e) for s, e, _ in again.article_view.extra_selection_spans()}
    assert {(f["start_offset"], f["end_offset"]) for f in facets} <= repainted


def test_hovering_a_facet_shows_its_normalised_value(main_window):
    db = main_window.library.db
    article_id = db.execute("SELECT id FROM articles WHERE source_name = 'harbour-bridge.txt'").fetchone()[0]
    main_window.library_pane.select_article(article_id)
    facet = next(f for f in claims_store.article_facets(db, article_id) if f["text"] == "Tuesday")
    tip = main_window.article_view.tooltip_at(facet["start_offset"] + 1)
    assert tip.startswith("date: “Tuesday” → Tuesday 12 March 2024 (2024-03-12)")
    quantity = next(f for f in claims_store.article_facets(db, article_id) if f["kind"] == "quantity")
    assert main_window.article_view.tooltip_at(quantity["start_offset"]).startswith("quantity: ")


def test_tooltip_event_over_a_facet_shows_its_value(main_window, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent, QTextCursor
    from PySide6.QtWidgets import QApplication, QToolTip

    db = main_window.library.db
    article_id = db.execute("SELECT id FROM articles WHERE source_name = 'harbour-bridge.txt'").fetchone()[0]
    main_window.library_pane.select_article(article_id)
    view = main_window.article_view
    facet = next(f for f in view.facets if f["text"] == "Tuesday")
    main_window.select_claim(facet["claim_id"])
    cursor = QTextCursor(view.text.document())
    cursor.setPosition(facet["start_offset"] + 2)
    point = view.text.cursorRect(cursor).center()
    viewport = view.text.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text().startswith("date: “Tuesday” → Tuesday 12 March 2024")
    QToolTip.hideText()


def test_clicking_a_highlight_selects_its_claim(main_window, qtbot):
    main_window.library_pane.select_first()
    view = main_window.article_view
    claim = max(view.claims, key=lambda c: c["score"])
    main_window.select_claim(claim["id"])  # scrolls it into view
    from PySide6.QtGui import QTextCursor

    other = next(c for c in view.claims if c["id"] != claim["id"])
    main_window.select_claim(other["id"])
    cursor = QTextCursor(view.text.document())
    cursor.setPosition(claim["start_offset"] + 2)
    point = view.text.cursorRect(cursor).center()
    qtbot.mouseClick(view.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert main_window.claim_id == claim["id"]
    assert main_window.claims_view.current_claim_id() == claim["id"]


def test_correcting_the_date_re_resolves_relative_dates_and_undoes(main_window):
    db = main_window.library.db
    article_id = db.execute("SELECT id FROM articles WHERE source_name = 'harbour-bridge.txt'").fetchone()[0]
    main_window.library_pane.select_article(article_id)

    def tuesday():
        return next(f for f in claims_store.article_facets(db, article_id) if f["text"] == "Tuesday")["value"]

    assert tuesday() == "2024-03-12"
    main_window.correct_published("2024-04-11")
    assert tuesday() == "2024-04-09"
    assert db.execute("SELECT published FROM articles WHERE id = ?", [article_id]).fetchone()[0] == "2024-04-11"
    assert main_window.article_view.date_value() == "2024-04-11"
    main_window.undo_stack.undo()
    assert tuesday() == "2024-03-12"
    main_window.undo_stack.redo()
    assert tuesday() == "2024-04-09"


def test_date_edit_applies_a_correction(main_window, qtbot):
    from PySide6.QtCore import QDate

    main_window.library_pane.select_first()
    edit = main_window.article_view.date_edit
    edit.setDate(QDate(2020, 1, 6))
    edit.editingFinished.emit()
    stored = main_window.library.db.execute("SELECT published FROM articles WHERE id = ?",
                                            [main_window.article_id]).fetchone()[0]
    assert stored == "2020-01-06"
    assert main_window.undo_stack.count() == 1


def test_split_at_cursor_and_merge_back(main_window, dialog_log):
    main_window.library_pane.select_first()
    view = main_window.article_view
    claim = next(c for c in view.claims if len(c["text"].split()) > 8 and c["verdict"] is None)
    main_window.select_claim(claim["id"])
    middle = claim["text"].index(" ", len(claim["text"]) // 2)
    view.select_span(claim["start_offset"] + middle, claim["start_offset"] + middle)
    before = len(view.claims)
    main_window.split_current()
    assert len(view.claims) == before + 1
    first = claims_store.get_claim(main_window.library.db, claim["id"])
    assert first["end_offset"] == claim["start_offset"] + middle
    main_window.undo_stack.undo()
    assert len(view.claims) == before
    assert claims_store.get_claim(main_window.library.db, claim["id"])["end_offset"] == claim["end_offset"]

    # Splitting outside the claim is refused with the store's message.
    view.select_span(0, 0)
    main_window.split_claim(claim["id"])
    assert "Put the cursor between two words inside the claim" in dialog_log.texts()


def test_merge_refused_when_both_have_verdicts(main_window, dialog_log):
    db = main_window.library.db
    main_window.library_pane.select_first()
    rated = [r[0] for r in main_window.claims_view.model.rows if r[9]]
    assert len(rated) >= 2
    main_window.merge_claims(rated[:2])
    assert "More than one of these claims has a verdict" in dialog_log.texts()
    assert all(claims_store.get_claim(db, cid) for cid in rated[:2])


def test_merge_two_plain_claims(main_window):
    main_window.library_pane.select_first()
    model = main_window.claims_view.model
    plain = [r[0] for r in model.rows if r[9] is None][:2]
    before = model.rowCount()
    main_window.merge_claims(plain)
    assert model.rowCount() == before - 1
    assert main_window.claim_id == plain[0]


def test_palette_roles_not_fixed_text_colours(main_window):
    # The article's text and background come from the palette; highlights only set underline and tint.
    main_window.library_pane.select_first()
    for _start, _end, fmt in main_window.article_view.extra_selection_spans():
        assert not fmt.hasProperty(QTextCharFormat.Property.ForegroundBrush)


def test_a_palette_change_repaints_the_claim_tints(main_window):
    from PySide6.QtGui import QColor, QPalette

    main_window.library_pane.select_first()
    view = main_window.article_view
    claim = view.claims[0]
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#ff00ff"))
    view.setPalette(palette)
    fmt = next(f for s, e, f in view.extra_selection_spans()
               if (s, e) == (claim["start_offset"], claim["end_offset"])
               and f.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline)
    assert fmt.background().color().name() == "#ff00ff"
