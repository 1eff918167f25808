"""Changing claims from the main window: add from selection, split, merge, dismiss, date correction
(a mixin of MainWindow). Each change is one store call, undoable where the store allows it, and a
refusal is explained in a message box with the store's own words."""
from __future__ import annotations

from factcheck_app.store import articles as articles_store
from factcheck_app.store import claims as claims_store
from factcheck_app.store.errors import StoreError
from factcheck_app.ui.dialogs import prompts
from factcheck_app.ui.commands.article_commands import (
    AddClaimCommand,
    CorrectDateCommand,
    DismissClaimsCommand,
    SplitClaimCommand,
    StoreCommand,
)


class ClaimEditing:
    """The claim-changing slots of MainWindow."""

    def _run(self, command: StoreCommand, refused_title: str) -> bool:
        try:
            command.run()
        except StoreError as exc:
            prompts.message(self, "warning", refused_title, str(exc))
            return False
        self.undo_stack.push(command)
        return True

    # --- claim operations ------------------------------------------------
    def _writable(self) -> bool:
        if self.library is None:
            return False
        if self.library.readonly:
            self.statusBar().showMessage("This library is open read-only; changes are not possible.", 6000)
            return False
        return True

    def add_claim_from_selection(self) -> None:
        """Make a claim of the text selected in the article."""
        if not self._writable() or self.article_id is None:
            return
        span = self.article_view.selection_span()
        if span is None:
            prompts.message(self, "info", "Add claim", "Select the words of the claim in the article first.")
            return
        command = AddClaimCommand(self.library, self.article_id, span[0], span[1], self.after_change)
        if self._run(command, "Cannot add the claim"):
            self.select_claim(command.claim_id)
            self.statusBar().showMessage("Claim added.", 4000)

    def split_current(self) -> None:
        """Split the current claim at the article's text cursor."""
        if self.claim_id:
            self.split_claim(self.claim_id)

    def split_claim(self, claim_id: str) -> None:
        """Split ``claim_id`` where the article's text cursor is."""
        if not self._writable():
            return
        at = self.article_view.cursor_offset()
        command = SplitClaimCommand(self.library, self._article_of(claim_id) or "", claim_id, at, self.after_change)
        if self._run(command, "Cannot split the claim"):
            self.statusBar().showMessage("Claim split in two.", 4000)

    def merge_selected(self) -> None:
        """Merge the claims selected in the table."""
        self.merge_claims(self.claims_view.selected_claim_ids())

    def merge_claims(self, claim_ids: list[str]) -> None:
        """Merge claims of one article (refused when it would lose a verdict)."""
        if not self._writable():
            return
        if len(claim_ids) < 2:
            prompts.message(self, "info", "Merge claims", "Select two or more claims of one article to merge.")
            return
        article_id = self._article_of(claim_ids[0])
        try:
            kept = claims_store.merge_claims(self.library.db, claim_ids)
        except StoreError as exc:
            prompts.message(self, "warning", "Cannot merge these claims", str(exc))
            return
        # A merge deletes rows whose ids older undo steps may name; they cannot be replayed safely.
        self.undo_stack.clear()
        self.claim_id = kept
        self.claims_view.model.reload()
        self.after_change(article_id, [kept])
        self.select_claim(kept)
        self.statusBar().showMessage(f"Merged {len(claim_ids)} claims into one.", 4000)

    def dismiss_selected(self) -> None:
        """Dismiss the claims selected in the table (one claim: the panel asks why)."""
        ids = self.claims_view.selected_claim_ids() or ([self.claim_id] if self.claim_id else [])
        if ids == [self.claim_id] and self.claim_panel is not None:
            if self._writable():
                self.claim_panel.dismiss()
            return
        self.dismiss_claims(ids)

    def dismiss_claims(self, claim_ids: list[str]) -> None:
        """Dismiss ``claim_ids`` (undoable)."""
        if not self._writable() or not claim_ids:
            return
        try:
            command = DismissClaimsCommand(self.library, self._article_of(claim_ids[0]) or "", claim_ids,
                                           self.after_change)
        except StoreError as exc:
            prompts.message(self, "warning", "Cannot dismiss", str(exc))
            return
        self._run(command, "Cannot dismiss")

    def correct_published(self, published: str | None) -> None:
        """Set the shown article's published date; relative dates re-resolve (undoable)."""
        if not self._writable() or self.article_id is None:
            return
        old = articles_store.get_article(self.library.db, self.article_id).get("published")
        command = CorrectDateCommand(self.library, self.article_id, old, published, self.after_change)
        if self._run(command, "Cannot change the date"):
            self.statusBar().showMessage(f"Published date set to {published or 'no date'}; "
                                         "relative dates worked out again.", 5000)
