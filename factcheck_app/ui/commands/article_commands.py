"""Undoable changes the main window makes to an article's claims: date correction, hand-made claims,
splits and dismissals. Each runs once before it is pushed (so a refusal never reaches the undo stack)
and reports what changed through ``on_change(article_id, claim_ids)``.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from factcheck_app.store import articles as articles_store
from factcheck_app.store import claims as claims_store
from factcheck_app.store.errors import StoreError
from factcheck_app.store.library import Library
from factcheck_app.ui.dialogs import prompts

OnChange = Callable[[str, list[str]], None]


class StoreCommand(QUndoCommand):
    """A store operation on the undo stack; ``run()`` does it the first time, redo() after an undo."""

    def __init__(self, text: str, library: Library, article_id: str, on_change: OnChange) -> None:
        super().__init__(text)
        self.library = library
        self.article_id = article_id
        self.on_change = on_change
        self._first = True

    def run(self) -> None:
        """Do the change now (raises StoreError when refused); push the command afterwards."""
        self._forward()
        self.on_change(self.article_id, self.changed_ids())

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._guarded(self._forward)

    def undo(self) -> None:
        self._guarded(self._backward)

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            step()
        except StoreError as exc:
            # The claim may have been merged or removed since: drop this step rather than fail again.
            self.setObsolete(True)
            prompts.message(None, "warning", "Cannot undo", f"“{self.text()}” cannot be undone or redone: {exc}")
            return
        self.on_change(self.article_id, self.changed_ids())

    def changed_ids(self) -> list[str]:
        """Return the claims whose rows changed."""
        return []

    def _forward(self) -> None:
        raise NotImplementedError

    def _backward(self) -> None:
        raise NotImplementedError


class CorrectDateCommand(StoreCommand):
    """Set an article's published date and re-resolve its relative dates."""

    def __init__(self, library: Library, article_id: str, old: str | None, new: str | None,
                 on_change: OnChange) -> None:
        super().__init__(f"Correct published date to {new or 'no date'}", library, article_id, on_change)
        self.old, self.new = old, new

    def _apply(self, published: str | None) -> None:
        from factcheck_app.extract.pipeline import extract_claims

        body = articles_store.get_article(self.library.db, self.article_id)["body"]
        articles_store.reresolve_facets(self.library.db, self.article_id, published, extract_claims(body, published))

    def _forward(self) -> None:
        self._apply(self.new)

    def _backward(self) -> None:
        self._apply(self.old)


class AddClaimCommand(StoreCommand):
    """Add a claim by hand over a stretch of the body, with the facets the extractor finds inside it.

    Undo deletes the claim (the store refuses when evidence or a verdict hang on it); redo puts it back
    under the same id, with the same span and facets, so later steps that name it still apply.
    """

    def __init__(self, library: Library, article_id: str, start: int, end: int, on_change: OnChange) -> None:
        super().__init__("Add claim from selection", library, article_id, on_change)
        self.start, self.end = start, end
        self.claim_id: str | None = None
        self.deleted: dict | None = None

    def _forward(self) -> None:
        db = self.library.db
        if self.claim_id is None:
            from factcheck_app.extract.pipeline import find_facets

            article = articles_store.get_article(db, self.article_id)
            facets = find_facets(article["body"], article.get("published"))
            self.claim_id = claims_store.add_claim(db, self.article_id, self.start, self.end, facets)
        elif self.deleted is not None:
            row = self.deleted
            facets = [claims_store.facet_from_row(f) for f in row["facets"]]
            claims_store.add_claim(db, self.article_id, row["start_offset"], row["end_offset"], facets,
                                   claim_id=self.claim_id)
            self.deleted = None

    def _backward(self) -> None:
        self.deleted = claims_store.delete_claim(self.library.db, self.claim_id)

    def changed_ids(self) -> list[str]:
        return [self.claim_id] if self.claim_id else []


class SplitClaimCommand(StoreCommand):
    """Split a claim at a body offset; undo merges the two parts again."""

    def __init__(self, library: Library, article_id: str, claim_id: str, at: int, on_change: OnChange) -> None:
        super().__init__("Split claim", library, article_id, on_change)
        self.claim_id, self.at = claim_id, at
        self.second_id: str | None = None

    def _forward(self) -> None:
        self.second_id = claims_store.split_claim(self.library.db, self.claim_id, self.at)

    def _backward(self) -> None:
        claims_store.merge_claims(self.library.db, [self.claim_id, self.second_id])

    def changed_ids(self) -> list[str]:
        return [self.claim_id] + ([self.second_id] if self.second_id else [])


class DismissClaimsCommand(StoreCommand):
    """Dismiss claims (not worth checking); undo gives back each one's previous status."""

    def __init__(self, library: Library, article_id: str, claim_ids: list[str], on_change: OnChange) -> None:
        super().__init__(f"Dismiss {len(claim_ids)} claim{'s' if len(claim_ids) != 1 else ''}",
                         library, article_id, on_change)
        self.claim_ids = claim_ids
        self.before = {cid: claims_store.get_claim(library.db, cid) for cid in claim_ids}

    def _forward(self) -> None:
        for cid in self.claim_ids:
            claims_store.set_status(self.library.db, cid, "dismissed", "Dismissed in the claims table")

    def _backward(self) -> None:
        for cid, row in self.before.items():
            claims_store.set_status(self.library.db, cid, row["status"], row.get("dismiss_reason"))

    def changed_ids(self) -> list[str]:
        return list(self.claim_ids)
