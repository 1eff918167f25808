"""Changing claims from the window: add from the article's selection, split at its cursor, merge, dismiss,
correct the article's date. Each acts on the claims selected and visible in the table; a refusal is
explained with the store's own words. What changed reaches every pane through the runner."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from factcheck_app.ops.changes import Changes
from factcheck_app.store import articles as articles_store
from factcheck_app.store import claims as claims_store
from factcheck_app.store import views
from factcheck_app.store.errors import StoreError
from factcheck_app.ui.commands.article_commands import (
    AddClaimCommand,
    CorrectDateCommand,
    DismissClaimsCommand,
    SplitClaimCommand,
    StoreCommand,
)
from factcheck_app.ui.commands.op_runner import OpRunner
from factcheck_app.ui.dialogs import prompts


class ClaimEditing:
    """The claim-changing commands of a window: ``select`` shows a claim everywhere, ``say`` tells the status bar."""

    def __init__(self, window: QWidget, runner: OpRunner, select: Callable[[str], None],
                 say: Callable[[str], None]) -> None:
        self.window = window
        self.runner = runner
        self.select = select
        self.say = say

    def _announce(self, article_id: str | None, claim_ids: list[str]) -> None:
        self.runner.announce(Changes.of(articles=[article_id] if article_id else [], claims=claim_ids))

    def _run(self, command: StoreCommand, refused_title: str) -> bool:
        try:
            command.run()
        except StoreError as exc:
            prompts.message(self.window, "warning", refused_title, str(exc))
            return False
        self.runner.undo_stack.push(command)
        return True

    def add_from_selection(self, article_id: str, span: tuple[int, int]) -> str | None:
        """Make a claim of body[span] in ``article_id``; return its id."""
        command = AddClaimCommand(self.runner.library, article_id, span[0], span[1], self._announce)
        if not self._run(command, "Cannot add the claim"):
            return None
        self.say("Claim added.")
        self.select(command.claim_id)  # may say instead that the filters were cleared to show it
        return command.claim_id

    def split(self, claim_id: str, at: int) -> bool:
        """Split ``claim_id`` at body offset ``at``."""
        library = self.runner.library
        command = SplitClaimCommand(library, views.article_of_claim(library.db, claim_id) or "", claim_id, at,
                                    self._announce)
        if not self._run(command, "Cannot split the claim"):
            return False
        self.say("Claim split in two.")
        return True

    def merge(self, claim_ids: list[str]) -> str | None:
        """Merge claims of one article (refused when it would lose a verdict); return the kept id."""
        if len(claim_ids) < 2:
            prompts.message(self.window, "info", "Merge claims", "Select two or more claims of one article to merge.")
            return None
        library = self.runner.library
        article_id = views.article_of_claim(library.db, claim_ids[0])
        try:
            kept = claims_store.merge_claims(library.db, claim_ids)
        except StoreError as exc:
            prompts.message(self.window, "warning", "Cannot merge these claims", str(exc))
            return None
        # A merge deletes rows whose ids older undo steps may name; they cannot be replayed safely.
        self.runner.undo_stack.clear()
        self._announce(article_id, list(claim_ids))
        self.select(kept)
        self.say(f"Merged {len(claim_ids)} claims into one.")
        return kept

    def dismiss(self, claim_ids: list[str]) -> bool:
        """Dismiss ``claim_ids`` (undoable)."""
        library = self.runner.library
        try:
            command = DismissClaimsCommand(library, views.article_of_claim(library.db, claim_ids[0]) or "",
                                           claim_ids, self._announce)
        except StoreError as exc:
            prompts.message(self.window, "warning", "Cannot dismiss", str(exc))
            return False
        return self._run(command, "Cannot dismiss")

    def correct_published(self, article_id: str, published: str | None) -> bool:
        """Set ``article_id``'s published date; relative dates re-resolve (undoable)."""
        library = self.runner.library
        old = articles_store.get_article(library.db, article_id).get("published")
        command = CorrectDateCommand(library, article_id, old, published, self._announce)
        if not self._run(command, "Cannot change the date"):
            return False
        self.say(f"Published date set to {published or 'no date'}; relative dates worked out again.")
        return True
