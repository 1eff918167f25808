"""Send changes, merge with a summary first, and the side-by-side decision between two verdict versions."""
from __future__ import annotations

import shutil

import pytest

from factcheck_app.ops import verdicts as vops
from factcheck_app.ops.exchange import export_changes, read_changes
from factcheck_app.ops.merge import merge_changes
from factcheck_app.store import verdicts
from factcheck_app.store.library import open_library
from factcheck_app.store.verdict_lineage import conflicts
from factcheck_app.ui.commands.exchange_flow import ExchangeFlow
from factcheck_app.ui.dialogs.conflicts_dialog import ConflictsDialog
from factcheck_app.ui.dialogs.exchange_dialogs import MergeSummaryDialog, SendChangesDialog


@pytest.fixture
def pair(sample_library, tmp_path):
    """Return two open libraries copied from the sample (Ann's and Bob's) and a claim id they share."""
    bob_path = tmp_path / "bob.sqlite"
    shutil.copy(sample_library, bob_path)
    ann, bob = open_library(sample_library), open_library(bob_path)
    claim = ann.db.execute("SELECT id FROM claims ORDER BY id LIMIT 1").fetchone()[0]
    yield ann, bob, claim
    ann.close()
    bob.close()


def test_send_dialog_says_what_the_file_will_hold(qtbot, pair, tmp_path):
    ann, _, _ = pair
    dialog = SendChangesDialog(ann)
    qtbot.addWidget(dialog)
    assert not dialog.send_button.isEnabled()
    dialog.colleague.setCurrentText("Bob")
    assert "whole library" in dialog.scope.text()
    export_changes(ann, "Bob", tmp_path / "first.fcchanges", by="Ann")
    dialog.colleague.setCurrentText("Bob ")
    assert "changed since" in dialog.scope.text()
    name, target = dialog.chosen()
    assert name == "Bob" and target.name.startswith("changes-for-Bob-") and target.suffix == ".fcchanges"


def test_send_then_merge_with_the_summary_first(qtbot, pair, tmp_path):
    ann, bob, claim = pair
    vops.set_verdict(ann, claim, "False", rationale="Ann's reading.", by="Ann")
    flow = ExchangeFlow(qtbot_widget(qtbot))
    with qtbot.waitSignal(flow.sent, timeout=20_000) as sent:
        flow.send(ann, "Bob", tmp_path / "a.fcchanges", "Ann")
    assert sent.args[0].path.exists()

    asked = []
    flow.confirm = lambda summary: asked.append(summary) or True
    with qtbot.waitSignal(flow.merged, timeout=20_000) as merged:
        flow.merge(bob, tmp_path / "a.fcchanges", "Bob")
    assert claim in asked[0].verdict_changes  # the summary came before the merge was written
    assert claim in merged.args[0].verdict_changes
    assert verdicts.get_verdict(bob.db, claim)["rationale"] == "Ann's reading."


def test_cancelling_at_the_summary_writes_nothing(qtbot, pair, tmp_path):
    ann, bob, claim = pair
    vops.set_verdict(ann, claim, "False", by="Ann")
    export_changes(ann, "Bob", tmp_path / "a.fcchanges", by="Ann")
    before = verdicts.get_verdict(bob.db, claim)
    flow = ExchangeFlow(qtbot_widget(qtbot))
    flow.confirm = lambda summary: False
    with qtbot.waitSignal(flow.previewed, timeout=20_000):
        flow.merge(bob, tmp_path / "a.fcchanges", "Bob")
    qtbot.wait(50)
    assert verdicts.get_verdict(bob.db, claim) == before


def test_a_damaged_file_fails_with_one_line(qtbot, pair, tmp_path):
    _, bob, _ = pair
    (tmp_path / "bad.fcchanges").write_bytes(b"\x1f\x8b" + b"\x00" * 40)
    flow = ExchangeFlow(qtbot_widget(qtbot))
    with qtbot.waitSignal(flow.failed, timeout=20_000) as failed:
        flow.merge(bob, tmp_path / "bad.fcchanges", "Bob")
    assert "damaged or incomplete" in failed.args[0] and "\n" not in failed.args[0]


def test_summary_dialog_lists_what_comes_as_plain_text(qtbot, pair, tmp_path):
    ann, bob, claim = pair
    vops.set_verdict(ann, claim, "False", by="<b>Ann</b>")
    export_changes(ann, "Bob", tmp_path / "a.fcchanges", by="Ann")
    summary = merge_changes(bob, read_changes(tmp_path / "a.fcchanges"), by="Bob", preview=True).value
    dialog = MergeSummaryDialog(tmp_path / "a.fcchanges", summary)
    qtbot.addWidget(dialog)
    assert any("verdict change" in label.text() for label in dialog.lines)
    assert dialog.merge_button.isEnabled()


def test_two_versions_side_by_side_until_one_is_kept(qtbot, pair, tmp_path):
    ann, bob, claim = pair
    vops.set_verdict(ann, claim, "False", rationale="Ann: the report says 41.", by="Ann")
    vops.set_verdict(bob, claim, "True", rationale="Bob: the survey says 59.", by="Bob")
    export_changes(ann, "Bob", tmp_path / "a.fcchanges", by="Ann")
    merge_changes(bob, read_changes(tmp_path / "a.fcchanges"), by="Bob")
    dialog = ConflictsDialog(bob, "Cat")
    qtbot.addWidget(dialog)
    assert dialog.current_claim() == claim
    titles = sorted(card.title() for card in dialog.cards)
    assert titles == ["Version by Ann", "Version by Bob"]
    assert {card.rationale.toPlainText() for card in dialog.cards} == {"Ann: the report says 41.",
                                                                         "Bob: the survey says 59."}
    evidence = bob.db.execute("SELECT count(*) FROM evidence WHERE claim_id = ?", [claim]).fetchone()[0]
    assert dialog.evidence.topLevelItemCount() == evidence
    anns = next(card for card in dialog.cards if card.title() == "Version by Ann")
    with qtbot.waitSignal(dialog.changed):
        anns.keep_button.click()
    assert conflicts(bob.db) == []
    kept = verdicts.get_verdict(bob.db, claim)
    assert (kept["rating"], kept["checker"], kept["status"]) == ("False", "Ann", "draft")
    assert verdicts.verdict_history(bob.db, claim)[-1]["changed_by"] == "Cat"
    assert dialog.current_claim() is None


def qtbot_widget(qtbot):
    """Return a plain widget owned by qtbot, to parent the flow and its progress dialogs."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_window_has_send_merge_and_decide(qtbot, main_window, dialog_log, tmp_path):
    window = main_window
    titles = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Send Changes…" in titles and "&Merge…" in titles
    assert window.exchange.act_send.isEnabled() and not window.exchange.act_decide.isEnabled()
    other = tmp_path / "other.sqlite"
    shutil.copy(window.library.path, other)
    with open_library(other) as lib:
        claim = lib.db.execute("SELECT id FROM claims ORDER BY id LIMIT 1").fetchone()[0]
        vops.set_verdict(lib, claim, "False", rationale="From the other desk.", by="Ann")
    window.exchange.flow.confirm = lambda summary: True
    with qtbot.waitSignal(window.exchange.flow.merged, timeout=20_000):
        window.exchange.merge(str(other))
    assert verdicts.get_verdict(window.library.db, claim)["rationale"] == "From the other desk."
    assert "Merged" in dialog_log.texts()


def test_the_claim_panel_says_when_a_verdict_waits_for_a_decision(qtbot, main_window, tmp_path, monkeypatch,
                                                                 dialog_log):
    window = main_window
    dialog_log.answers = ["Later"]  # the merge offers to decide now
    lib = window.library
    other = tmp_path / "other.sqlite"
    shutil.copy(lib.path, other)
    claim = lib.db.execute("SELECT id FROM claims ORDER BY id LIMIT 1").fetchone()[0]
    vops.set_verdict(lib, claim, "False", rationale="Here.", by="Ann")
    with open_library(other) as there:
        vops.set_verdict(there, claim, "True", rationale="There.", by="Bob")
    window.exchange.flow.confirm = lambda summary: True
    with qtbot.waitSignal(window.exchange.flow.merged, timeout=20_000):
        window.exchange.merge(str(other))
    assert "conflicting verdict" in dialog_log.texts()
    window.select_claim(claim)
    panel = window.claim_panel
    assert panel.decision_box.isVisible()
    assert "Ann and Bob" in panel.decision_warning.text() or "Bob and Ann" in panel.decision_warning.text()
    assert window.exchange.act_decide.isEnabled()
    opened = []
    monkeypatch.setattr(window.exchange, "decide", lambda claim_id=None: opened.append(claim_id))
    panel.decideRequested.disconnect()
    panel.decideRequested.connect(window.exchange.decide)
    panel.decide_button.click()
    assert opened == [claim]
