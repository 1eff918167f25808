"""Changing claims from the window: add from the article's selection, split at its cursor, merge, dismiss,
restore, correct the article's date. Each acts on the claims selected and visible in the table and runs
one operation (which snaps selections and split points to whole words); a refusal is explained with the
operation's own words. What changed reaches every pane through the runner."""
from __future__ import annotations

from collections.abc import Callable

from factcheck_app.ops import articles as article_ops
from factcheck_app.ops import claims as claim_ops
from factcheck_app.ui.commands.op_runner import OpRunner


class ClaimEditing:
    """The claim-changing commands of a window: ``select`` shows a claim everywhere, ``say`` tells the status bar."""

    def __init__(self, runner: OpRunner, select: Callable[[str], None], say: Callable[[str], None]) -> None:
        self.runner = runner
        self.select = select
        self.say = say

    def add_from_selection(self, article_id: str, span: tuple[int, int]) -> str | None:
        """Make a claim of body[span] (widened to whole words) in ``article_id``; return its id."""
        result = self.runner.run(claim_ops.add_claim, article_id, span[0], span[1], refused="Cannot add the claim")
        if result is None:
            return None
        self.say("Claim added.")
        self.select(result.value)  # may say instead that the filters were cleared to show it
        return result.value

    def split(self, claim_id: str, at: int) -> str | None:
        """Split ``claim_id`` at the word boundary nearest body offset ``at``; return the second part's id."""
        result = self.runner.run(claim_ops.split_claim, claim_id, at, refused="Cannot split the claim")
        if result is None:
            return None
        self.say("Claim split in two.")
        return result.value

    def merge(self, claim_ids: list[str]) -> str | None:
        """Merge claims of one article (refused when it would lose a verdict); return the kept id."""
        result = self.runner.run(claim_ops.merge_claims, claim_ids, refused="Cannot merge these claims")
        if result is None:
            return None
        self.select(result.value)
        self.say(f"Merged {len(claim_ids)} claims into one.")
        return result.value

    def dismiss(self, claim_ids: list[str], reason: str | None = None) -> bool:
        """Mark ``claim_ids`` not check-worthy (undoable)."""
        return self.runner.run(claim_ops.dismiss_claims, claim_ids, reason or "Dismissed in the claims table",
                               refused="Cannot dismiss") is not None

    def restore(self, claim_ids: list[str]) -> bool:
        """Bring dismissed claims back (undoable)."""
        return self.runner.run(claim_ops.restore_claims, claim_ids, refused="Cannot restore") is not None

    def correct_published(self, article_id: str, published: str | None) -> bool:
        """Set ``article_id``'s published date; relative dates re-resolve (undoable)."""
        result = self.runner.run(article_ops.edit_article, article_id, published=published,
                                 refused="Cannot change the date")
        if result is None:
            return False
        self.say(f"Published date set to {published or 'no date'}; relative dates worked out again.")
        return True
