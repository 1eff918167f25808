"""The "Checked before" section and File > Import fact-checks… (worker, progress, cancel)."""
from __future__ import annotations

from pathlib import Path

from factcheck_app.store import open_library, published_checks
from factcheck_app.ui.check_import import CheckImporter, describe_summary
from factcheck_app.ui.checked_before import CheckedBefore, describe_match

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


def test_import_fact_checks_in_a_worker(qtbot, tmp_path, dialog_log):
    from PySide6.QtWidgets import QWidget

    path = tmp_path / "lib.sqlite"
    open_library(path).close()
    window = QWidget()
    qtbot.addWidget(window)
    importer = CheckImporter(window)
    with open_library(path) as library:
        with qtbot.waitSignal(importer.imported, timeout=30_000) as done:
            assert importer.import_paths(library, [DATA / "feed.json", DATA / "single.json"]) is not None
        summary = done.args[0]
        assert (summary.added, len(summary.skipped)) == (3, 3)
        assert published_checks.check_count(library.db) == 3
    assert dialog_log.calls[-1]["level"] == "warning" and "3 published checks added" in dialog_log.calls[-1]["text"]
    assert "dataFeedElement 2" in dialog_log.calls[-1]["detail"]


def test_an_unreadable_file_imports_nothing(qtbot, tmp_path, dialog_log):
    from PySide6.QtWidgets import QWidget

    path = tmp_path / "lib.sqlite"
    open_library(path).close()
    window = QWidget()
    qtbot.addWidget(window)
    importer = CheckImporter(window)
    with open_library(path) as library:
        with qtbot.waitSignal(importer.failed, timeout=30_000):
            assert importer.import_paths(library, [DATA / "single.json", DATA / "broken.json"]) is not None
        assert published_checks.check_count(library.db) == 0
    assert dialog_log.calls[-1]["level"] == "error" and "not valid JSON" in dialog_log.calls[-1]["text"]


def test_summary_without_skips_is_information():
    from factcheck_app.ops.checks import ImportSummary

    level, text, detail = describe_summary(ImportSummary(added=2, collections=["feed"], matched_claims=1))
    assert level == "info" and detail is None and "2 published checks added, 0 updated in feed" in text
