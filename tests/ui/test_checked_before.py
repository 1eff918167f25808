"""The "Checked before" section and File > Import fact-checks… (worker, progress, cancel)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from factcheck_app.store import open_library, published_checks
from factcheck_app.ui.commands.check_import import CheckImporter, describe_summary
from factcheck_app.ui.panes.checked_before import CheckedBefore, describe_match

DATA = Path(__file__).resolve().parents[1] / "data" / "claimreview"

ROW = {"kind": "check", "check_id": "c1", "label": "strong", "strength": 0.82, "rating": "Mostly false",
       "organisation": "Example Checks", "review_date": "2024-03-02", "review_url": "https://x.example/1",
       "matched_text": "<b>The bridge</b> cost 40 million.", "reasons": {"text": "shared words: bridge; same year 2023"}}
OWN = {"kind": "claim", "check_id": None, "matched_claim_id": "k1", "label": "weak", "strength": 0.25,
       "rating": "False", "organisation": "this library", "review_date": None, "matched_text": "Older claim",
       "reasons": {}}


def test_a_match_is_described_as_plain_lines():
    text = describe_match(ROW)
    assert text.splitlines() == ["[strong 82%] Mostly false — Example Checks, 2024-03-02",
                                 "<b>The bridge</b> cost 40 million.", "why: shared words: bridge; same year 2023"]


def test_section_lists_matches_and_asks_for_actions(qtbot):
    section = CheckedBefore()
    qtbot.addWidget(section)
    assert section.empty.isVisibleTo(section) and not section.copy_button.isEnabled()
    section.set_matches([ROW, OWN])
    assert section.list.count() == 2 and section.title() == "Checked before (2)"
    assert section.copy_button.isEnabled() and section.attach_button.isEnabled()
    with qtbot.waitSignal(section.copyRequested) as copied:
        section.copy_button.click()
    assert copied.args == ["c1"]
    with qtbot.waitSignal(section.attachRequested) as attached:
        section.attach_button.menu().actions()[1].trigger()
    assert attached.args == ["c1", "refutes"]
    # An earlier claim of the library is not a source to attach, nor a published rating to copy.
    section.list.setCurrentRow(1)
    assert not section.copy_button.isEnabled() and not section.attach_button.isEnabled()
    section.set_writable(False)
    section.list.setCurrentRow(0)
    assert not section.copy_button.isEnabled() and not section.rematch_button.isEnabled()


def test_import_fact_checks_in_a_worker(qtbot, runner, dialog_log):
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    importer = CheckImporter(window, runner)
    announced = []
    runner.changed.connect(announced.append)
    with qtbot.waitSignal(importer.imported, timeout=30_000) as done:
        assert importer.import_paths([DATA / "feed.json", DATA / "single.json"]) is not None
    summary = done.args[0]
    assert (summary.added, len(summary.skipped)) == (3, 3)
    assert published_checks.check_count(runner.library.db) == 3
    assert announced and announced[-1].checks
    assert dialog_log.calls[-1]["level"] == "warning" and "3 published checks added" in dialog_log.calls[-1]["text"]
    assert "dataFeedElement 2" in dialog_log.calls[-1]["detail"]


def test_an_unreadable_file_imports_nothing(qtbot, runner, dialog_log):
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    importer = CheckImporter(window, runner)
    with qtbot.waitSignal(importer.failed, timeout=30_000):
        assert importer.import_paths([DATA / "single.json", DATA / "broken.json"]) is not None
    assert published_checks.check_count(runner.library.db) == 0
    assert dialog_log.calls[-1]["level"] == "error" and "not valid JSON" in dialog_log.calls[-1]["text"]


def test_summary_without_skips_is_information():
    from factcheck_app.ops.checks import ImportSummary

    level, text, detail = describe_summary(ImportSummary(added=2, collections=["feed"], matched_claims=1))
    assert level == "info" and detail is None and "2 published checks added, 0 updated in feed" in text


def _checks_for(library, tmp_path, claim_text: str) -> None:
    import json

    from factcheck_app.ops.checks import import_check_files

    review = {"@type": "ClaimReview", "url": "https://made.example.org/strike", "claimReviewed": claim_text,
              "author": {"name": "Made Checks"}, "datePublished": "2017-04-09",
              "reviewRating": {"alternateName": "Mostly true", "ratingValue": 4, "bestRating": 5, "worstRating": 1}}
    path = tmp_path / "made.json"
    path.write_text(json.dumps([review]))
    import_check_files(library, [path])


def test_claim_panel_shows_matches_attaches_and_copies_with_undo(qtbot, library, monkeypatch, tmp_path):
    from tests.ui.claim_helpers import CLAIMS, PanelHarness

    from factcheck_app.store.evidence import list_evidence
    from factcheck_app.store.verdicts import get_verdict

    h = PanelHarness(qtbot, library, monkeypatch)
    _checks_for(library, tmp_path, CLAIMS[0])
    panel = h.panel
    panel.set_claim(h.claims[0])
    section = panel.checked_before
    assert section.list.count() == 1 and "Mostly true — Made Checks, 2017-04-09" in section.list.item(0).text()
    section.attach_button.menu().actions()[0].trigger()  # supports
    assert [e["stance"] for e in list_evidence(library.db, h.claims[0])] == ["supports"]
    section.copy_button.click()
    verdict = get_verdict(library.db, h.claims[0])
    assert (verdict["rating"], verdict["status"], verdict["checker"]) == ("Mostly true", "draft", "ana")
    assert h.errors == [] and h.changed
    h.stack.undo()
    assert get_verdict(library.db, h.claims[0]) is None
    h.stack.undo()
    assert list_evidence(library.db, h.claims[0]) == []
    h.stack.redo()
    assert len(list_evidence(library.db, h.claims[0])) == 1
    # The other claim matches nothing; matching it again says so.
    panel.set_claim(h.claims[1])
    assert section.list.count() == 0 and section.empty.isVisibleTo(section)
    section.rematch_button.click()
    assert h.errors == [] and section.list.count() == 0
    h.stack.clear()


def test_claims_table_shows_and_filters_matched_claims(make_window, tmp_path, qtbot):
    from tests.ui.claim_helpers import CLAIMS, import_claims

    from factcheck_app.ops.matching import match_claims
    from factcheck_app.ui.models.claims_model import MATCH_COLUMN

    path = tmp_path / "lib.sqlite"
    with open_library(path) as library:
        import_claims(library.db)
        _checks_for(library, tmp_path, CLAIMS[1])
        match_claims(library)
    window = make_window(path)
    window.claims_view.set_scope_all(True)
    window.claims_view.model.set_article(None, all_claims=True)
    view = window.claims_view
    model = view.model
    texts = {model.index(r, 0).data(): model.index(r, MATCH_COLUMN).data() for r in range(model.rowCount())}
    assert texts[" ".join(CLAIMS[1].split())].startswith("strong") and texts[" ".join(CLAIMS[0].split())] == ""
    assert model.headerData(MATCH_COLUMN, Qt.Orientation.Horizontal) == "Checked before"
    view.checked_before_filter.setChecked(True)
    assert view.proxy.rowCount() == 1 and view.proxy.index(0, 0).data() == " ".join(CLAIMS[1].split())
    view.clear_filters()
    assert view.proxy.rowCount() == 2 and not view.checked_before_filter.isChecked()


def test_file_menu_imports_fact_checks(make_window, tmp_path, qtbot, dialog_log, monkeypatch):
    from factcheck_app.ui.dialogs import prompts

    window = make_window(tmp_path / "lib.sqlite")
    assert window.acts.act_import_checks in window.menuBar().actions()[0].menu().actions()
    monkeypatch.setattr(prompts, "ask_open_files", lambda *a, **k: [str(DATA / "list.json")])
    with qtbot.waitSignal(window.check_importer.imported, timeout=30_000):
        window.acts.act_import_checks.trigger()
    assert published_checks.check_count(window.library.db) == 2
    assert "2 published checks added" in dialog_log.calls[-1]["text"]
