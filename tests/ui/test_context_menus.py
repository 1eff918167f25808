"""Right-click menus on articles, claims and sources offer their operations; article details and deletion."""
from __future__ import annotations

import pytest

from factcheck_app.store import claims as claims_store
from factcheck_app.store import views
from factcheck_app.store.articles import get_article
from factcheck_app.store.errors import NotFoundError
from factcheck_app.store.sources import add_source, list_sources
from factcheck_app.ui.dialogs import article_dialog


def menu_texts(menu) -> dict[str, bool]:
    return {a.text(): a.isEnabled() for a in menu.actions()}


def test_article_menu_edits_the_details_and_undo_puts_them_back(main_window, monkeypatch):
    db = main_window.library.db
    pane = main_window.library_pane
    article_id = pane.model.article_id(1)
    menu = pane.context_menu(pane.model.index(1, 0))
    assert pane.current_article_id() == article_id
    assert menu_texts(menu) == {"Article &Details…": True, "&Delete Article…": True}
    old = get_article(db, article_id)

    def fill(article, save, parent):
        assert article["id"] == article_id
        assert save({"url": "javascript:alert(1)"}) and get_article(db, article_id)["url"] == old["url"]
        return save({"outlet": "The Harbour Ledger", "author": "Ana Writer", "url": "https://ledger.example/bridge"}) is None

    monkeypatch.setattr(article_dialog, "run_article_dialog", fill)
    menu.actions()[0].trigger()
    row = get_article(db, article_id)
    assert (row["outlet"], row["author"], row["url"]) == ("The Harbour Ledger", "Ana Writer", "https://ledger.example/bridge")
    # Every pane shows the new details at once: the article header and the library table.
    assert "The Harbour Ledger" in main_window.article_view.meta.text()
    assert pane.model.index(1, 1).data() == "The Harbour Ledger"
    main_window.undo_stack.undo()
    assert get_article(db, article_id)["outlet"] == old["outlet"]
    assert pane.model.index(1, 1).data() == (old["outlet"] or "")


def test_article_delete_asks_first_and_every_pane_lets_it_go(main_window, dialog_log):
    db = main_window.library.db
    pane = main_window.library_pane
    pane.select_first()
    article_id = main_window.article_id
    main_window.select_claim(main_window.claims_view.model.claim_id(0))
    dialog_log.answers = ["Cancel"]
    pane.context_menu(pane.model.index(0, 0)).actions()[1].trigger()
    assert get_article(db, article_id)
    assert "cannot be undone" in dialog_log.calls[-1]["text"]
    dialog_log.answers = ["Delete"]
    pane.context_menu(pane.model.index(0, 0)).actions()[1].trigger()
    with pytest.raises(NotFoundError):
        get_article(db, article_id)
    assert pane.model.rowCount() == 1 and pane.model.row_of(article_id) is None
    assert main_window.article_id is None and main_window.claim_id is None
    assert main_window.article_view.article is None
    assert main_window.claim_panel.claim_id is None
    assert main_window.claims_view.model.rowCount() == 0
    assert main_window.summary.text().startswith("1 article ·")


def test_claims_menu_restores_a_dismissed_claim(main_window):
    db = main_window.library.db
    main_window.library_pane.select_first()
    view = main_window.claims_view
    first = view.model.claim_id(0)
    view.table.selectRow(0)
    texts = menu_texts(view.context_menu())
    assert texts["Dismiss"] and not texts["Restore (check it after all)"]
    main_window.dismiss_claims([first])
    assert claims_store.get_claim(db, first)["status"] == "dismissed"
    view.table.selectRow(0)
    menu = view.context_menu()
    assert menu_texts(menu) == {"Split at the article cursor": True, "Merge claims": False, "Dismiss": False,
                                "Restore (check it after all)": True, "Add claim from article selection": True}
    next(a for a in menu.actions() if a.text().startswith("Restore")).trigger()
    assert claims_store.get_claim(db, first)["status"] != "dismissed"
    assert view.model.claim_row(first)[views.STATUS] != "dismissed"


def test_source_menu_edits_and_removes_an_unused_source(main_window, monkeypatch):
    db = main_window.library.db
    main_window.library_pane.select_first()
    main_window.select_claim(main_window.claims_view.model.claim_id(0))
    panel = main_window.claim_panel
    unused = add_source(db, "Unused harbour survey", publisher="Nobody")
    search = panel.source_search
    search.search_edit.setText("harbour survey")
    row = next(r for r in range(search.results_model.rowCount()) if search.results_model.source_id(r) == unused)
    menu = search.context_menu(row)
    # The only match: no other source to merge into it.
    assert menu_texts(menu) == {"&Attach to the Claim": True, "&Edit Source…": True,
                                "&Merge a Duplicate into This Source…": False,
                                "&Remove Source from the Library": True}
    edited = []
    monkeypatch.setattr("factcheck_app.ui.dialogs.source_dialog.run_source_dialog",
                        lambda runner, parent, source_id=None, initial_title="", open_document=None:
                        edited.append(source_id))
    menu.actions()[1].trigger()
    assert edited == [unused]
    menu.actions()[3].trigger()
    assert unused not in {s["id"] for s in list_sources(db)}
    main_window.undo_stack.undo()
    assert unused in {s["id"] for s in list_sources(db)}


def test_a_cited_source_is_not_removed(main_window, dialog_log):
    db = main_window.library.db
    main_window.library_pane.select_first()
    claim = next(r for r in main_window.claims_view.model.rows if r[views.SOURCES])
    main_window.select_claim(claim[views.ID])
    panel = main_window.claim_panel
    cited = panel.evidence_model.evidence_row(0)["source_id"]
    panel._remove_source(cited)
    assert cited in {s["id"] for s in list_sources(db)}
    assert dialog_log.calls[-1]["title"] == "Cannot remove the source"


def test_menus_offer_no_change_on_a_read_only_library(make_window, sample_library):
    from factcheck_app.store import open_library

    window = make_window()
    window.set_library(open_library(sample_library, create=False, readonly=True))
    window.library_pane.select_first()
    assert not any(menu_texts(window.library_pane.context_menu(window.library_pane.model.index(0, 0))).values())
    window.claims_view.table.selectRow(0)
    assert not any(menu_texts(window.claims_view.context_menu()).values())


def test_the_article_dialog_is_what_the_details_action_opens(main_window, qtbot, monkeypatch):
    opened = []

    class Probe(article_dialog.ArticleDialog):
        def exec(self):
            opened.append(sorted(self.fields))
            return 0

    monkeypatch.setattr(article_dialog, "ArticleDialog", Probe)
    main_window.library_pane.select_first()
    main_window.edit_article_details()
    assert opened == [["author", "outlet", "published", "title", "url"]]


def test_source_menu_merges_a_duplicate_after_confirmation(main_window, monkeypatch, dialog_log):
    db = main_window.library.db
    main_window.library_pane.select_first()
    main_window.select_claim(main_window.claims_view.model.claim_id(0))
    keep = add_source(db, "Harbour traffic survey 2022", publisher="Regional Transport Authority")
    duplicate = add_source(db, "Harbour traffic survey (2022)", url="https://rta.example/survey")
    search = main_window.claim_panel.source_search
    search.search_edit.setText("harbour traffic survey")
    row = next(r for r in range(search.results_model.rowCount()) if search.results_model.source_id(r) == keep)
    menu = search.context_menu(row)
    merge = next(a for a in menu.actions() if a.text().startswith("&Merge"))
    offered = []
    monkeypatch.setattr("factcheck_app.ui.dialogs.prompts.ask_choice",
                        lambda parent, title, label, choices: offered.append(choices) or
                        next(i for i, c in enumerate(choices) if duplicate[:8] in c))
    dialog_log.answers = ["Cancel"]
    merge.trigger()
    assert duplicate in {s["id"] for s in list_sources(db)}
    dialog_log.answers = ["Merge"]
    merge.trigger()
    kept = {s["id"]: s for s in list_sources(db)}
    assert duplicate not in kept and kept[keep]["url"] == "https://rta.example/survey"
    assert all("Harbour traffic survey" in label for label in offered[0] if duplicate[:8] in label)
