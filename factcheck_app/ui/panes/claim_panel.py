"""The claim panel beside the claims table: the claim, its evidence, and its verdict.

Every change is an operation run through the window's ``OpRunner`` (so it is undoable and
the sign-off rules apply); the panel shows the claim again when the runner says it changed.
A refusal becomes one clear message; the panel keeps what the checker typed.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from factcheck_app import user_profile
from factcheck_app.ops import checked_before as checked_before_ops
from factcheck_app.ops import claims as claim_ops
from factcheck_app.ops import evidence as evidence_ops
from factcheck_app.ops import publishing as publishing_ops
from factcheck_app.ops import sources as source_ops
from factcheck_app.ops import verdicts as verdict_ops
from factcheck_app.ops.changes import Changes
from factcheck_app.ops.matching import match_claims
from factcheck_app.store import Library, StoreError
from factcheck_app.store.claim_matches import stored_matches
from factcheck_app.store.claims import get_claim
from factcheck_app.store.errors import NotFoundError
from factcheck_app.store.sources import get_source
from factcheck_app.store.verdict_lineage import conflict_versions
from factcheck_app.ui.commands.op_runner import PERSON, OpRunner
from factcheck_app.ui.dialogs import evidence_dialog, prompts, source_dialog
from factcheck_app.ui.panes.checked_before import CheckedBefore
from factcheck_app.ui.panes.evidence_list import EvidenceTableModel, EvidenceTableView
from factcheck_app.ui.panes.inline_warning import InlineWarning
from factcheck_app.ui.panes.publishing_fields import PublishingFields
from factcheck_app.ui.panes.source_search import SourceSearch
from factcheck_app.ui.panes.verdict_editor import VerdictEditor
from factcheck_app.ui.plain_text import plain_label

APP_TITLE = "Factcheck Desk"
CLAIM_STATUS_LABELS = {"open": "Open", "in_progress": "In progress", "checked": "Checked", "dismissed": "Dismissed"}
DISMISS_REASONS = (
    "Opinion, not a checkable fact",
    "Prediction about the future",
    "Not significant enough to check",
    "Already checked elsewhere",
    "Not a claim (a question, a headline fragment)",
)


def show_error(parent: QWidget, message: str) -> None:
    """Tell the checker that a change could not be made (tests replace this function)."""
    prompts.message(parent, "warning", APP_TITLE, message)


def ask_dismiss_reason(parent: QWidget) -> str | None:
    """Ask why a claim is not check-worthy; return the reason, or None when cancelled (tests replace this)."""
    reason, ok = QInputDialog.getItem(
        parent, "Dismiss claim", "Why is this claim not worth checking?", list(DISMISS_REASONS), 0, True
    )
    return reason if ok else None


class ClaimPanel(QWidget):
    """Shows one claim with its evidence and verdict and turns every edit into an undoable operation."""

    leaveRequested = Signal()  # Escape in the empty source search: the window gives the keyboard back to the table
    decideRequested = Signal(str)  # the claim's verdict waits for a decision between two merged versions

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        #: Opens a document (id, page, passage, parent): the window's document actions, set by the window.
        self.open_document: Callable[..., object] | None = None
        self.library: Library = runner.library
        self.claim_id: str | None = None
        self.checker_name = user_profile.get_user_name()
        self._scale_in_use: str | None = None
        self._unsaved_rationale: dict[str, str] = {}
        runner.changed.connect(self.on_changed)

        self.setAccessibleName("Claim panel")
        self.pages = QStackedWidget()
        self.empty_label = QLabel("Select a claim")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setEnabled(False)  # drawn in the palette's disabled (muted) text colour
        self.empty_label.setAccessibleName("No claim selected")
        self.pages.addWidget(self.empty_label)
        self.pages.addWidget(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._set_tab_order()
        self.set_claim(None)

    # --- building ---------------------------------------------------------------------------------

    def _build_content(self) -> QWidget:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(self._build_header())

        evidence_box = QGroupBox("Evidence")
        evidence_layout = QVBoxLayout(evidence_box)
        self.source_search = SourceSearch(self.library)
        self.source_search.attachRequested.connect(self._attach)
        self.source_search.createRequested.connect(self._create_and_attach)
        self.source_search.leaveRequested.connect(self.leaveRequested)
        self.source_search.editSourceRequested.connect(
            lambda source_id: source_dialog.run_source_dialog(self.runner, self, source_id=source_id,
                                                              open_document=self.open_document))
        self.source_search.removeSourceRequested.connect(self._remove_source)
        self.source_search.mergeSourceRequested.connect(self._merge_sources)
        self.evidence_model = EvidenceTableModel(self.library, self)
        self.evidence_view = EvidenceTableView()
        self.evidence_view.setModel(self.evidence_model)
        self.evidence_view.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.evidence_view.editRequested.connect(self._edit_evidence)
        self.evidence_view.detachRequested.connect(self._detach)
        self.evidence_view.sourceEditRequested.connect(self._edit_source)
        self.evidence_view.documentRequested.connect(self._open_evidence_document)
        self.evidence_view.selectionModel().selectionChanged.connect(self._update_evidence_buttons)
        self.evidence_model.modelReset.connect(self._update_evidence_buttons)
        self.edit_evidence_button = QPushButton("Ed&it…")
        self.edit_evidence_button.setAccessibleName("Edit the selected evidence")
        self.edit_evidence_button.clicked.connect(lambda: self._edit_evidence(self.evidence_view.current_evidence_id()))
        self.edit_source_button = QPushButton("S&ource…")
        self.edit_source_button.setAccessibleName("Edit the selected evidence's source")
        self.edit_source_button.clicked.connect(lambda: self._edit_source(self.evidence_view.current_evidence_id()))
        self.document_button = QPushButton("Doc&ument")
        self.document_button.setAccessibleName("Open the selected evidence's document at the quoted passage")
        self.document_button.clicked.connect(
            lambda: self._open_evidence_document(self.evidence_view.current_evidence_id()))
        self.detach_button = QPushButton("&Detach")
        self.detach_button.setAccessibleName("Detach the selected evidence from the claim")
        self.detach_button.clicked.connect(lambda: self._detach(self.evidence_view.current_evidence_id()))
        # Short labels keep the panel narrow; the full action is the tooltip and the accessible name.
        for button in (self.edit_evidence_button, self.edit_source_button, self.document_button, self.detach_button):
            button.setToolTip(button.accessibleName())
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_evidence_button)
        buttons.addWidget(self.edit_source_button)
        buttons.addWidget(self.document_button)
        buttons.addStretch(1)
        buttons.addWidget(self.detach_button)
        evidence_layout.addWidget(self.source_search)
        evidence_layout.addWidget(self.evidence_view, 1)
        evidence_layout.addLayout(buttons)
        layout.addWidget(evidence_box, 2)

        self.checked_before = CheckedBefore()
        self.checked_before.attachRequested.connect(self._attach_check)
        self.checked_before.copyRequested.connect(self._copy_rating)
        self.checked_before.rematchRequested.connect(self._rematch)
        self.checked_before.set_writable(not self.library.readonly)
        layout.addWidget(self.checked_before, 1)

        verdict_box = QGroupBox("Verdict")
        verdict_layout = QVBoxLayout(verdict_box)
        verdict_layout.addWidget(self._build_decision_banner())
        self.verdict_editor = VerdictEditor(self.library, read_only=self.library.readonly)
        self.verdict_editor.ratingChosen.connect(self._set_rating)
        self.verdict_editor.rationaleEdited.connect(self._save_rationale)
        self.verdict_editor.statusChosen.connect(self._status_chosen)
        self.verdict_editor.reviewRequested.connect(self._review)
        self.verdict_editor.clearRequested.connect(self._clear_verdict)
        verdict_layout.addWidget(self.verdict_editor)
        layout.addWidget(verdict_box, 3)

        self.publishing_fields = PublishingFields()
        self.publishing_fields.editRequested.connect(self._edit_publishing)
        layout.addWidget(self.publishing_fields)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        return self.scroll

    def _build_decision_banner(self) -> QWidget:
        """A line shown while two versions of the verdict, changed apart by two checkers, wait for a decision."""
        self.decision_box = QWidget()
        row = QHBoxLayout(self.decision_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.decision_warning = InlineWarning("Verdict waits for a decision", framed=True)
        self.decide_button = QPushButton("Decide…")
        self.decide_button.setAccessibleName("See both versions of the verdict side by side and decide")
        self.decide_button.clicked.connect(lambda: self.claim_id and self.decideRequested.emit(self.claim_id))
        row.addWidget(self.decision_warning, 1)
        row.addWidget(self.decide_button, 0, Qt.AlignmentFlag.AlignTop)
        self.decision_box.hide()
        return self.decision_box

    def _refresh_decision(self) -> None:
        versions = conflict_versions(self.library.db, self.claim_id) if self.claim_id else []
        if len(versions) < 2:
            self.decision_box.hide()
            return
        who = " and ".join(v["checker"] or v["changed_by"] or "someone" for v in versions)
        self.decision_warning.show_message(
            f"{who} changed this verdict apart from each other: both versions are kept until someone decides. "
            "Setting the verdict here decides too.")
        self.decide_button.setEnabled(not self.library.readonly)
        self.decision_box.show()

    def _build_header(self) -> QVBoxLayout:
        self.claim_label = plain_label()
        self.claim_label.setWordWrap(True)
        self.claim_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.claim_label.setAccessibleName("Claim")
        font = QFont(self.claim_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setWeight(QFont.Weight.DemiBold)
        self.claim_label.setFont(font)
        self.meta_label = plain_label()
        self.meta_label.setWordWrap(True)
        self.meta_label.setAccessibleName("Claim details")
        self.meta_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted, from the palette
        self.dismissed_label = plain_label()
        self.dismissed_label.setWordWrap(True)
        self.dismissed_label.setAccessibleName("Why the claim was dismissed")
        self.dismiss_button = QPushButton("Dis&miss…")
        self.dismiss_button.setAccessibleName("Dismiss the claim as not check-worthy")
        self.dismiss_button.setToolTip("Not check-worthy: an opinion, a prediction, too minor…")
        self.dismiss_button.clicked.connect(self.dismiss)
        self.reopen_button = QPushButton("Re&open")
        self.reopen_button.setAccessibleName("Reopen the dismissed claim")
        self.reopen_button.clicked.connect(self._reopen)

        details = QVBoxLayout()
        details.setSpacing(2)
        details.addWidget(self.meta_label)
        details.addWidget(self.dismissed_label)
        self.read_only_label = QLabel("This library is open read-only: nothing here can be changed.")
        self.read_only_label.setWordWrap(True)
        self.read_only_label.setAccessibleName("Read-only library")
        details.addWidget(self.read_only_label)
        row = QHBoxLayout()
        row.addLayout(details, 1)
        row.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.reopen_button, 0, Qt.AlignmentFlag.AlignTop)
        header = QVBoxLayout()
        header.addWidget(self.claim_label)
        header.addLayout(row)
        self.claim_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        return header

    def _set_tab_order(self) -> None:
        editor = self.verdict_editor
        chain = [
            self.dismiss_button, self.reopen_button, self.source_search.new_button, self.source_search.search_edit,
            self.source_search.stance_combo, self.evidence_view, self.edit_evidence_button, self.edit_source_button,
            self.detach_button, editor.scale_combo, *editor.rating_buttons(), editor.clear_button,
            editor.rationale_edit, editor.checker_edit, editor.status_combo, editor.review_button, editor.history_view,
            *self.publishing_fields.tab_chain(),
        ]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # --- the agreed interface ---------------------------------------------------------------------

    def set_claim(self, claim_id: str | None) -> None:
        """Show ``claim_id`` (None: the empty state), after saving anything typed for the previous claim."""
        self.flush_pending()
        if claim_id is not None and claim_id == self.claim_id:
            # Showing the same claim again only refreshes it: a half-typed search stays.
            self._refresh()
            return
        if claim_id is not None:
            try:
                get_claim(self.library.db, claim_id)
            except StoreError as exc:
                show_error(self, str(exc))
                claim_id = None
        self.claim_id = claim_id
        self.source_search.clear()
        if claim_id is None:
            self.pages.setCurrentWidget(self.empty_label)
            self.evidence_model.load(None)
            self.verdict_editor.show_claim(None)
            self.checked_before.set_matches([])
            self.publishing_fields.show_publishing(None, None, None)
            return
        self.pages.setCurrentWidget(self.scroll)
        self.evidence_model.load(claim_id)
        self._load_matches()
        self.verdict_editor.show_claim(claim_id, self._scale_in_use, self.checker_name)
        self._restore_unsaved_rationale()
        self._refresh_header()
        self._refresh_decision()
        self._refresh_publishing()
        self._rebuild_tab_order_if_needed()

    def focus_source_search(self) -> None:
        """Put the keyboard focus in the attach-source search box."""
        if self.claim_id is None:
            return
        self.scroll.ensureWidgetVisible(self.source_search.search_edit)
        self.source_search.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.source_search.search_edit.selectAll()

    def focus_rationale(self) -> bool:
        """Put the keyboard in the rationale box; return False when there is no verdict to explain yet."""
        edit = self.verdict_editor.rationale_edit
        if self.claim_id is None or not edit.isEnabled():
            return False
        self.scroll.ensureWidgetVisible(edit)
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.moveCursor(QTextCursor.MoveOperation.End)
        return True

    def rate(self, n: int) -> None:
        """Rate the claim with the ``n``th step (1-based) of the scale shown; out-of-range numbers do nothing."""
        scale = self.verdict_editor.current_scale()
        if self.claim_id is None or self.library.readonly or scale is None or not 1 <= n <= len(scale.steps):
            return
        self._set_rating(scale.name, scale.steps[n - 1].label)

    def dismiss(self) -> None:
        """Dismiss the claim as not check-worthy, asking for the reason (undoable)."""
        if self.claim_id is None or self.library.readonly:
            return
        self.flush_pending()
        reason = ask_dismiss_reason(self)
        if reason is None:
            return
        if not reason.strip():
            show_error(self, "Say why the claim is not worth checking.")
            return
        self._run(claim_ops.dismiss_claims, [self.claim_id], reason.strip(), refused="Cannot dismiss")

    def set_checker_name(self, name: str) -> None:
        """Set who is working: the checker of new verdicts, the adder of evidence, the reviewer."""
        self.checker_name = " ".join((name or "").split())
        if self.claim_id is not None:
            self.verdict_editor.refresh(self.checker_name)

    # --- more for the window ----------------------------------------------------------------------

    def flush_pending(self) -> None:
        """Save what the checker typed but the idle timer has not saved yet (the window calls it on close)."""
        if self.claim_id is not None:
            self.verdict_editor.flush()

    def on_changed(self, changes: Changes) -> None:
        """Show the claim again when ``changes`` touch it, its sources or the rating scales."""
        if changes.scales or changes.everything:
            self.reload_scales()
        if self.claim_id is not None and (changes.everything or changes.sources or changes.checks
                                          or self.claim_id in changes.claim_ids):
            self._refresh()
        if changes.sources and self.source_search.search_edit.text().strip():
            self.source_search.update_results()  # an edited or removed source shows as it is now

    def reload_scales(self) -> None:
        """Re-read the rating scales after they were edited in Preferences."""
        self.verdict_editor.reload_scales()
        if self.claim_id is not None:
            self.verdict_editor.refresh(self.checker_name)
            self._rebuild_tab_order_if_needed()

    def hideEvent(self, event) -> None:
        # A window closing hides its children first: the last typed words are saved here.
        self.flush_pending()
        super().hideEvent(event)

    # --- running operations -----------------------------------------------------------------------

    def _run(self, op, *args, **kwargs):
        """Run an operation through the window's runner; return its result, or None when refused (and said why)."""
        return self.runner.run(op, *args, **kwargs)

    def _refresh(self) -> None:
        try:
            get_claim(self.library.db, self.claim_id)
        except NotFoundError:
            self.set_claim(None)  # deleted elsewhere (its article removed, or merged away)
            return
        except StoreError as exc:
            show_error(self, str(exc))
            return
        self._refresh_decision()
        selected = self.evidence_view.current_evidence_id()
        self.evidence_model.refresh()
        if selected:
            self.evidence_view.select_evidence(selected)
        self.verdict_editor.refresh(self.checker_name)
        self._load_matches()
        self._refresh_header()
        self._refresh_publishing()

    def _refresh_publishing(self) -> None:
        info, stored = publishing_ops.publishing_details(self.library, self.claim_id)
        self.publishing_fields.show_publishing(self.claim_id, info, stored, read_only=self.library.readonly)

    def _edit_publishing(self, claim_id: str, edit) -> None:
        """Save a publishing field as an undoable operation; the runner's changed signal refreshes the panel."""
        self._run(publishing_ops.edit_publishing, claim_id, edit, by=self.runner.checker(ask=False),
                  on_refusal=self.publishing_refused)

    def publishing_refused(self, message: str) -> None:
        """A publishing edit was refused: say why, and show the saved values again."""
        show_error(self, message)
        if self.claim_id is not None:
            self._refresh_publishing()

    def _refresh_header(self) -> None:
        claim = get_claim(self.library.db, self.claim_id)
        self.claim_label.setText(claim["text"])
        count = claim["sources"] or 0
        sources = f"{count} source" + ("" if count == 1 else "s")
        parts = [claim["article_title"] or "Untitled article", CLAIM_STATUS_LABELS.get(claim["status"], claim["status"]), sources]
        self.meta_label.setText(" · ".join(parts))
        dismissed = claim["status"] == "dismissed"
        self.dismissed_label.setText(f"Not check-worthy: {claim['dismiss_reason']}" if dismissed else "")
        self.dismissed_label.setVisible(dismissed)
        self.dismiss_button.setVisible(not dismissed)
        self.reopen_button.setVisible(dismissed)
        writable = not self.library.readonly
        for widget in (self.dismiss_button, self.reopen_button, self.source_search):
            widget.setEnabled(writable)
        self.read_only_label.setVisible(not writable)
        self.source_search.set_attached({r["source_id"] for r in (self.evidence_model.evidence_row(i)
                                         for i in range(self.evidence_model.rowCount()))})

    def _rebuild_tab_order_if_needed(self) -> None:
        # Rating buttons are rebuilt when the scale changes; they must stay in the Tab chain.
        self._set_tab_order()

    def _update_evidence_buttons(self) -> None:
        can_edit = self.evidence_view.current_evidence_id() is not None and not self.library.readonly
        for button in (self.edit_evidence_button, self.edit_source_button, self.detach_button):
            button.setEnabled(can_edit)
        evidence_id = self.evidence_view.current_evidence_id()
        row = self.evidence_model.row_of(evidence_id) if evidence_id else -1
        self.document_button.setEnabled(row >= 0 and bool(self.evidence_model.evidence_row(row).get("document_id")))

    # --- checked before -------------------------------------------------------------------------

    def _load_matches(self) -> None:
        selected = self.checked_before.current_match()
        rows = stored_matches(self.library.db, self.claim_id) if self.claim_id else []
        self.checked_before.set_matches(rows)
        if selected is not None:
            for number, row in enumerate(rows):
                if row["id"] == selected["id"]:
                    self.checked_before.list.setCurrentRow(number)

    def _attach_check(self, check_id: str, stance: str) -> None:
        if self.claim_id is not None and not self.library.readonly:
            self._run(checked_before_ops.attach_check, self.claim_id, check_id, stance, by=PERSON,
                      refused="Cannot attach the published check")

    def _copy_rating(self, check_id: str) -> None:
        if self.claim_id is not None and not self.library.readonly:
            self._run(checked_before_ops.copy_rating, self.claim_id, check_id, by=PERSON,
                      refused="Cannot copy the rating")

    def _rematch(self) -> None:
        if self.claim_id is not None and not self.library.readonly:
            self._run(match_claims, [self.claim_id], refused="Cannot match the claim")

    # --- evidence -------------------------------------------------------------------------------

    def _attach(self, source_id: str, stance: str) -> None:
        claim_id = self.claim_id
        if claim_id is None or self.library.readonly:
            return
        result = self._run(evidence_ops.add_evidence, claim_id, source_id, stance, by=PERSON,
                           refused="Cannot attach the source")
        if result is not None:
            self.source_search.clear()
            self.evidence_view.select_evidence(result.value)

    def _create_and_attach(self, title: str, stance: str) -> None:
        if self.claim_id is None:
            return
        source_id = source_dialog.run_source_dialog(self.runner, self, initial_title=title)
        if source_id:
            self._attach(source_id, stance)

    def _edit_evidence(self, evidence_id: str | None) -> None:
        if self.library.readonly:
            return
        row = self.evidence_model.row_of(evidence_id) if evidence_id else -1
        if row < 0:
            return
        changes = evidence_dialog.run_evidence_dialog(self.evidence_model.evidence_row(row), self)
        if changes:
            self._run(evidence_ops.edit_evidence, evidence_id, **changes, refused="Cannot change the evidence")

    def _edit_source(self, evidence_id: str | None) -> None:
        row = self.evidence_model.row_of(evidence_id) if evidence_id else -1
        if row < 0:
            return
        source_dialog.run_source_dialog(self.runner, self, source_id=self.evidence_model.evidence_row(row)["source_id"],
                                        open_document=self.open_document)

    def _open_evidence_document(self, evidence_id: str | None) -> None:
        """Open the document the evidence quotes, at its page, the excerpt highlighted."""
        row = self.evidence_model.row_of(evidence_id) if evidence_id else -1
        if row < 0 or self.open_document is None:
            return
        evidence = self.evidence_model.evidence_row(row)
        if evidence.get("document_id"):
            self.open_document(evidence["document_id"], evidence.get("page"), evidence.get("excerpt"))

    def _remove_source(self, source_id: str) -> None:
        if source_id and not self.library.readonly:
            self._run(source_ops.remove_source, source_id, refused="Cannot remove the source")

    def _merge_sources(self, keep_id: str, candidate_ids: list[str]) -> None:
        """Merge a duplicate (chosen among the listed sources) into ``keep_id``, after confirmation."""
        if self.library.readonly or not candidate_ids:
            return
        rows = {sid: get_source(self.library.db, sid) for sid in (keep_id, *candidate_ids)}
        candidates = list(candidate_ids)
        labels = [f"{rows[c]['title']} · {rows[c].get('publisher') or 'no publisher'} · {c[:8]}" for c in candidates]
        keep = rows[keep_id]["title"]
        chosen = prompts.ask_choice(self, "Merge sources", f"Which source is a duplicate of “{keep}”?", labels)
        if chosen is None:
            return
        duplicate = candidates[chosen]
        answer = prompts.message(
            self, "question", "Merge sources",
            f"Merge “{rows[duplicate]['title']}” into “{keep}”? Its evidence will cite “{keep}” and it leaves "
            "the library; this cannot be undone.", buttons=("Merge", "Cancel"))
        if answer == "Merge":
            self._run(source_ops.merge_sources, keep_id, [duplicate], refused="Cannot merge the sources")

    def _detach(self, evidence_id: str | None) -> None:
        if evidence_id and not self.library.readonly:
            self._run(evidence_ops.remove_evidence, evidence_id, refused="Cannot detach the source")

    # --- verdict --------------------------------------------------------------------------------

    def _set_rating(self, scale: str, label: str) -> None:
        self.flush_pending()
        self._scale_in_use = scale
        if self.claim_id is not None:
            self._run(verdict_ops.set_rating, self.claim_id, label, scale=scale, by=PERSON, refused="Cannot rate")

    def _save_rationale(self, claim_id: str, text: str) -> None:
        # Consecutive edits of one claim's rationale are one undo step.
        saved = self._run(verdict_ops.set_rationale, claim_id, text, by=PERSON, merge_key=("rationale", claim_id),
                          refused="Cannot save the rationale")
        if saved is not None:
            self._unsaved_rationale.pop(claim_id, None)
        else:
            # Kept for this session and put back when the claim is shown again, so nothing typed is lost.
            self._unsaved_rationale[claim_id] = text

    def _restore_unsaved_rationale(self) -> None:
        text = self._unsaved_rationale.get(self.claim_id)
        if text is not None and self.verdict_editor.rationale_edit.isEnabled():
            self.verdict_editor.rationale_edit.setPlainText(text)

    def _review(self) -> None:
        if self.claim_id is not None:
            self.flush_pending()
            self._run(verdict_ops.review_verdict, self.claim_id, by=PERSON, refused="Cannot mark reviewed")

    def _status_chosen(self, status: str) -> None:
        if self.claim_id is None:
            return
        self.flush_pending()
        if status == "reviewed":
            self._review()
        elif status == "published":
            self._run(verdict_ops.publish_verdict, self.claim_id, by=PERSON, refused="Cannot publish")
        self._refresh()  # a refused choice shows the saved status again

    def _clear_verdict(self) -> None:
        if self.claim_id is not None:
            self.flush_pending()
            self._run(verdict_ops.clear_verdict, self.claim_id, by=PERSON, refused="Cannot clear the verdict")

    def _reopen(self) -> None:
        if self.claim_id is not None:
            self._run(claim_ops.restore_claims, [self.claim_id], refused="Cannot reopen the claim")
