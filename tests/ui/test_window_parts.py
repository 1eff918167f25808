"""Filters and scope in the claims pane, optional dialogs, accessibility names, the status bar."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTextEdit,
)

from factcheck_app.ops.changes import Changes
from factcheck_app.ui.models.claims_model import ARTICLE, KINDS, STATUS


def test_status_bar_says_what_the_library_holds(main_window):
    db = main_window.library.db
    claims = db.execute("SELECT count(*) FROM claims WHERE status != 'dismissed'").fetchone()[0]
    checked = db.execute("SELECT count(*) FROM claims WHERE status = 'checked'").fetchone()[0]
    assert main_window.summary.text() == f"2 articles · {claims} claims · {checked} checked · 7 sources"
    assert checked == 4


def test_claim_filters_in_the_view(main_window, qtbot):
    view = main_window.claims_view
    main_window.library_pane.select_first()
    total = view.proxy.rowCount()
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("quote"))
    assert 0 < view.proxy.rowCount() < total
    assert all("quote" in view.model.rows[view.proxy.source_row(r)][KINDS] for r in range(view.proxy.rowCount()))
    view.kind_filter.setCurrentIndex(0)
    view.status_filter.setCurrentIndex(view.status_filter.findData("checked"))
    assert all(view.model.rows[view.proxy.source_row(r)][STATUS] == "checked" for r in range(view.proxy.rowCount()))
    assert view.count.text() == f"{view.proxy.rowCount()} of {total}"
    view.status_filter.setCurrentIndex(0)
    view.verdict_filter.setCurrentIndex(view.verdict_filter.findText("Mostly false"))
    assert view.proxy.rowCount() == 1
    view.verdict_filter.setCurrentIndex(0)
    qtbot.keyClicks(view.filter_text, "ferry")
    qtbot.waitUntil(lambda: view.proxy.rowCount() < total)
    assert all("ferry" in view.model.rows[view.proxy.source_row(r)][4].lower() for r in range(view.proxy.rowCount()))
    view.clear_filters()
    assert view.proxy.rowCount() == total


def test_whole_library_scope_jumps_to_the_claims_article(main_window):
    main_window.library_pane.select_first()
    first_article = main_window.article_id
    main_window.acts.act_whole_library.trigger()
    model = main_window.claims_view.model
    assert model.shows_all
    assert model.rowCount() == main_window.library.db.execute("SELECT count(*) FROM claims").fetchone()[0]
    other = next(r for r in model.rows if r[ARTICLE] != first_article)
    main_window.claims_view.select_claim(other[0])
    assert main_window.article_id == other[ARTICLE]
    assert main_window.library_pane.current_article_id() == other[ARTICLE]
    assert main_window.article_view.current_claim == other[0]
    assert not main_window.claims_view.table.isColumnHidden(6)


def test_export_action_opens_the_export_dialog_for_the_article(main_window, monkeypatch):
    from factcheck_app.ui.dialogs import export_dialog

    seen = []
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", lambda self: seen.append(list(self.article_ids)) or 0)
    main_window.library_pane.select_first()
    assert main_window.acts.act_export.isEnabled()
    main_window.acts.act_export.trigger()
    assert seen == [[main_window.article_id]]
    main_window.show_article(None)
    main_window.acts.act_export.trigger()
    assert seen[-1] == []  # no article shown: the whole library


def test_a_failing_export_dialog_is_reported(main_window, monkeypatch, dialog_log):
    from factcheck_app.store.errors import StoreError
    from factcheck_app.ui.dialogs import export_dialog

    def broken(self):
        raise StoreError("The disk is full: the change was not saved and the library is unchanged.")

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", broken)
    main_window.export()
    assert dialog_log.calls[-1]["title"] == "Export failed"
    assert main_window.library is not None


def test_about_action(main_window, monkeypatch):
    from factcheck_app.ui.dialogs import about_dialog

    shown = []
    monkeypatch.setattr(about_dialog.AboutDialog, "exec", lambda self: shown.append(self.windowTitle()) or 0)
    assert main_window.acts.act_about.isEnabled()
    main_window.acts.act_about.trigger()
    assert len(shown) == 1 and "About" in shown[0]


def test_every_control_of_the_window_has_an_accessible_name(main_window):
    main_window.library_pane.select_first()
    panel = main_window.claim_panel
    missing = []
    for kind in (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QTextEdit, QAbstractSpinBox):
        for widget in main_window.findChildren(kind):
            if panel is not None and panel.isAncestorOf(widget):
                continue  # the claim panel checks its own controls
            parent = widget.parentWidget()
            if isinstance(parent, (QComboBox, QAbstractSpinBox)) or widget.objectName().startswith("qt_"):
                continue  # Qt's inner parts of a compound control
            if isinstance(widget, QAbstractItemView) and isinstance(parent, QComboBox):
                continue
            if widget.isVisible() and not widget.accessibleName():
                missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert not missing


def test_recent_libraries_menu_lists_opened_libraries(main_window, sample_library):
    main_window.acts._fill_recent()
    assert str(sample_library) in [a.text() for a in main_window.acts.recent_menu.actions()]


def test_new_library_from_the_menu(main_window, tmp_path, monkeypatch):
    from factcheck_app.ui.dialogs import prompts

    target = tmp_path / "fresh"
    monkeypatch.setattr(prompts, "ask_save_file", lambda *a, **k: str(target))
    main_window.new_library()
    assert main_window.library.path == tmp_path / "fresh.sqlite"
    assert main_window.library_pane.model.rowCount() == 0
    assert main_window.summary.text().startswith("0 articles")


def test_article_text_size_is_adjustable_and_remembered(make_window, sample_library, qtbot):
    from PySide6.QtCore import Qt

    window = make_window(sample_library)
    before = window.article_view.text_points()
    qtbot.keyClick(window.article_view.text, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.article_view.text_points() == before + 1
    window.close()
    again = make_window(sample_library)
    assert again.article_view.text_points() == before + 1


def test_app_and_command_line_open_the_same_default_library(make_window, sample_library, monkeypatch):
    import argparse

    from factcheck_app.cli.context import store_path
    from factcheck_app.ui.app import library_to_open, sample_library_path

    for env in (True, False):
        if not env:
            monkeypatch.delenv("FACTCHECK_STORE")
        assert library_to_open(None, False) == store_path(argparse.Namespace(store=None))
    # Opening another library (or the sample) does not change what start-up opens.
    make_window(sample_library).close()
    assert library_to_open(None, False) == store_path(argparse.Namespace(store=None))
    assert library_to_open(str(sample_library.parent / "x.sqlite"), False).name == "x.sqlite"
    assert library_to_open(None, True) == sample_library_path()


def test_context_menu_offers_split_merge_and_dismiss(main_window):
    main_window.library_pane.select_first()
    view = main_window.claims_view
    view.table.selectRow(0)
    menu = view.context_menu()
    texts = {a.text(): a.isEnabled() for a in menu.actions()}
    assert texts["Split at the article cursor"] is True
    assert texts["Merge claims"] is False
    from PySide6.QtCore import QItemSelectionModel

    view.table.selectionModel().select(view.proxy.index(1, 0), QItemSelectionModel.SelectionFlag.Select
                                       | QItemSelectionModel.SelectionFlag.Rows)
    menu = view.context_menu()
    merge = next(a for a in menu.actions() if a.text().startswith("Merge"))
    assert merge.text() == "Merge 2 claims" and merge.isEnabled()
    before = view.model.rowCount()
    merge.trigger()
    assert view.model.rowCount() == before - 1


def test_ctrl_e_puts_the_keyboard_in_the_panels_source_search(main_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    main_window.library_pane.select_first()
    main_window.step_claim(1)
    qtbot.keyClick(main_window.article_view.text, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert main_window.claim_panel.isAncestorOf(QApplication.focusWidget())


def test_refreshing_after_an_edit_keeps_the_article_cursor(main_window):
    main_window.library_pane.select_first()
    main_window.step_claim(1)
    view = main_window.article_view
    view.select_span(30, 30)
    main_window.runner.announce(Changes.of(articles=[main_window.article_id], claims=[main_window.claim_id]))
    assert view.cursor_offset() == 30


def test_a_big_whole_library_list_loads_in_a_worker(main_window, qtbot, monkeypatch):
    from factcheck_app.ui.models import claims_model

    monkeypatch.setattr(claims_model, "BACKGROUND_ROWS", 0)
    main_window.library_pane.select_first()
    main_window.step_claim(1)
    current = main_window.claim_id
    model = main_window.claims_view.model
    with qtbot.waitSignal(model.loaded, timeout=30_000):
        main_window.acts.act_whole_library.trigger()
        assert model.loading
        assert main_window.claims_view.count.text() == "Loading…"
    assert model.rowCount() == main_window.library.db.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert main_window.claims_view.current_claim_id() == current
    assert main_window.claims_view.count.text() == str(model.rowCount())


def test_the_claim_panel_fits_its_default_width_without_scrolling_sideways(make_window, sample_library, qtbot):
    # At the window's first-run size a checker sees the whole claim and every evidence button,
    # not the left part of them above a horizontal scroll bar.
    window = make_window(sample_library)
    window.resize(1400, 900)
    window.select_first_content()
    qtbot.waitUntil(lambda: window.claim_panel.claim_id is not None)
    panel = window.claim_panel
    assert panel.scroll.widget().minimumSizeHint().width() <= panel.scroll.viewport().width()
    assert not panel.scroll.horizontalScrollBar().isVisible()
