"""Undoable store operations for the claim panel: verdicts, evidence, dismissing a claim.

Each command wraps plain operations that take the library and return what changed
(the claim id); redo and undo run one operation, then report the claim through
``CommandEvents.changed`` so the panel and the window refresh. A store error in
redo or undo is reported through ``CommandEvents.failed`` and the command is made
obsolete, so QUndoStack drops it instead of keeping a step that never happened.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand
from sqlite_utils import Database

from factcheck_app.store import Library
from factcheck_app.store.claims import get_claim, set_status
from factcheck_app.store.errors import StoreError, ValidationError
from factcheck_app.store.evidence import add_evidence, get_evidence, remove_evidence, update_evidence
from factcheck_app.store.transaction import write
from factcheck_app.store.verdicts import clear_verdict, get_verdict, set_verdict

VERDICT_FIELDS = ("rating", "scale", "rationale", "checker", "status")
# Columns set_verdict / add_evidence cannot set, written back so that undo restores the row exactly.
VERDICT_RESTORED_COLUMNS = ("rationale", "checker", "reviewer", "created_at", "published_at")
EVIDENCE_RESTORED_COLUMNS = ("added_at",)
_RATIONALE_MERGE_ID = 4101


class CommandEvents(QObject):
    """Carries what commands report: ``changed(claim_id)`` after a store change, ``failed(message)`` on an error."""

    changed = Signal(str)
    failed = Signal(str)


def _claim_state(db: Database, claim_id: str) -> tuple[str, str | None]:
    claim = get_claim(db, claim_id)
    return claim["status"], claim["dismiss_reason"]


def _put_claim_state(db: Database, claim_id: str, state: tuple[str, str | None]) -> None:
    if _claim_state(db, claim_id) != state:
        set_status(db, claim_id, state[0], state[1])


# --- operations: each takes the library and returns the id of the claim it changed ---------------


def apply_verdict(library: Library, claim_id: str, fields: dict, who: str | None, why: str | None) -> str:
    """Set the claim's verdict to ``fields`` (rating, scale, rationale, checker, status); return the claim id."""
    set_verdict(
        library.db,
        claim_id,
        fields["rating"],
        scale=fields.get("scale"),
        rationale=fields.get("rationale"),
        checker=fields.get("checker") or who,
        status=fields.get("status"),
        why=why,
    )
    return claim_id


def restore_verdict(
    library: Library, claim_id: str, row: dict | None, claim_state: tuple[str, str | None], who: str | None,
    why: str = "undo",
) -> str:
    """Put back a verdict row as it was (or no verdict at all) and the claim's status; return the claim id."""
    db = library.db
    with write(db):
        if row is None:
            clear_verdict(db, claim_id, who=who, why=why)
        else:
            now = set_verdict(
                db, claim_id, row["rating"], scale=row["scale"], rationale=row["rationale"] or "",
                checker=row["checker"] or "", status=row["status"], why=why,
            )
            # set_verdict keeps an old value when given None, never sets the reviewer or the
            # creation time, and gives a re-created row a new id: those are written back.
            db["verdicts"].update(now["id"], {"id": row["id"], **{k: row[k] for k in VERDICT_RESTORED_COLUMNS}})
        _put_claim_state(db, claim_id, claim_state)
    return claim_id


def restore_evidence(library: Library, row: dict, claim_state: tuple[str, str | None] | None = None) -> str:
    """Re-attach a removed evidence row under its old id and time (and put the claim's status back); return the claim id."""
    db = library.db
    with write(db):
        add_evidence(
            db, row["claim_id"], row["source_id"], row["stance"], excerpt=row["excerpt"], locator=row["locator"],
            note=row["note"], added_by=row["added_by"], evidence_id=row["id"],
        )
        db["evidence"].update(row["id"], {k: row[k] for k in EVIDENCE_RESTORED_COLUMNS})
        if claim_state is not None:
            _put_claim_state(db, row["claim_id"], claim_state)
    return row["claim_id"]


def detach_evidence(library: Library, evidence_id: str, claim_state: tuple[str, str | None] | None = None) -> str:
    """Remove an evidence row (and, when given, put the claim's status back); return the claim id."""
    db = library.db
    with write(db):
        row = remove_evidence(db, evidence_id)
        if claim_state is not None:
            _put_claim_state(db, row["claim_id"], claim_state)
    return row["claim_id"]


def edit_evidence(library: Library, evidence_id: str, fields: dict) -> str:
    """Change an evidence row's stance, excerpt, locator or note; return the claim id."""
    return update_evidence(library.db, evidence_id, **fields)["claim_id"]


def set_claim_status(library: Library, claim_id: str, state: tuple[str, str | None]) -> str:
    """Set a claim's status and dismissal reason; return the claim id."""
    set_status(library.db, claim_id, state[0], state[1])
    return claim_id


# --- commands -------------------------------------------------------------------------------------


class StoreCommand(QUndoCommand):
    """A QUndoCommand whose redo and undo each run one store operation and report the claim it changed.

    Subclasses define ``forward()`` (run the change) and ``backward()`` (revert it), each returning the claim id.
    """

    def __init__(self, events: CommandEvents, library: Library, text: str) -> None:
        super().__init__(text)
        self.events = events
        self.library = library

    def _run(self, operation) -> None:
        try:
            claim_id = operation()
        except StoreError as exc:
            self.setObsolete(True)
            self.events.failed.emit(str(exc))
            return
        self.events.changed.emit(claim_id)

    def redo(self) -> None:
        self._run(self.forward)

    def undo(self) -> None:
        self._run(self.backward)


class SetVerdictCommand(StoreCommand):
    """Create or change a claim's verdict; undo restores the previous row, or clears it when there was none.

    ``changes`` holds any of rating, scale, rationale, checker, status; missing ones keep their
    current value. Consecutive rationale-only edits of one claim merge into one undo step.
    """

    def __init__(
        self, events: CommandEvents, library: Library, claim_id: str, changes: dict, who: str | None = None,
        text: str | None = None,
    ) -> None:
        unknown = set(changes) - set(VERDICT_FIELDS)
        if unknown:
            raise ValidationError(f"Unknown verdict fields: {', '.join(sorted(unknown))}.")
        self.claim_id = claim_id
        self.who = who
        self.before = get_verdict(library.db, claim_id)
        self.claim_before = _claim_state(library.db, claim_id)
        current = {k: self.before[k] for k in VERDICT_FIELDS} if self.before else {}
        self.target = {**current, **changes}
        if not self.target.get("rating"):
            raise ValidationError("Choose a rating before writing the rest of the verdict.")
        self.rationale_only = self.before is not None and set(changes) == {"rationale"}
        self.after: dict | None = None
        self.claim_after: tuple[str, str | None] | None = None
        super().__init__(events, library, text or _describe(changes))

    def forward(self) -> str:
        if self.after is not None:
            return restore_verdict(self.library, self.claim_id, self.after, self.claim_after, self.who, "redo")
        apply_verdict(self.library, self.claim_id, self.target, self.who, None)
        self.after = get_verdict(self.library.db, self.claim_id)
        self.claim_after = _claim_state(self.library.db, self.claim_id)
        return self.claim_id

    def backward(self) -> str:
        return restore_verdict(self.library, self.claim_id, self.before, self.claim_before, self.who)

    def id(self) -> int:
        return _RATIONALE_MERGE_ID if self.rationale_only else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetVerdictCommand) or not other.rationale_only or other.claim_id != self.claim_id:
            return False
        self.target, self.after, self.claim_after = other.target, other.after, other.claim_after
        return True


def _describe(changes: dict) -> str:
    if "rating" in changes:
        return f"Rate claim '{changes['rating']}'"
    if set(changes) == {"rationale"}:
        return "Edit rationale"
    if "status" in changes:
        return f"Mark verdict {changes['status']}"
    return "Edit verdict"


class ClearVerdictCommand(StoreCommand):
    """Remove a claim's verdict (it is 'Not yet checked' again); undo restores the row."""

    def __init__(self, events: CommandEvents, library: Library, claim_id: str, who: str | None = None) -> None:
        self.claim_id = claim_id
        self.who = who
        self.before = get_verdict(library.db, claim_id)
        if self.before is None:
            raise ValidationError("The claim has no verdict to clear.")
        self.claim_before = _claim_state(library.db, claim_id)
        self.claim_after: tuple[str, str | None] | None = None
        super().__init__(events, library, "Clear verdict")

    def forward(self) -> str:
        if self.claim_after is not None:
            return restore_verdict(self.library, self.claim_id, None, self.claim_after, self.who, "redo")
        clear_verdict(self.library.db, self.claim_id, who=self.who)
        self.claim_after = _claim_state(self.library.db, self.claim_id)
        return self.claim_id

    def backward(self) -> str:
        return restore_verdict(self.library, self.claim_id, self.before, self.claim_before, self.who)


class AttachEvidenceCommand(StoreCommand):
    """Attach a source to a claim; undo removes the evidence, redo re-adds it under the same id."""

    def __init__(
        self, events: CommandEvents, library: Library, claim_id: str, source_id: str, stance: str,
        excerpt: str | None = None, locator: str | None = None, note: str | None = None, added_by: str | None = None,
    ) -> None:
        self.claim_id = claim_id
        self.claim_before = _claim_state(library.db, claim_id)
        self.fields = {"source_id": source_id, "stance": stance, "excerpt": excerpt, "locator": locator,
                       "note": note, "added_by": added_by}
        self.row: dict | None = None
        super().__init__(events, library, "Attach source")

    @property
    def evidence_id(self) -> str | None:
        """Return the id of the evidence row once attached."""
        return self.row["id"] if self.row else None

    def forward(self) -> str:
        if self.row is not None:
            return restore_evidence(self.library, self.row)
        evidence_id = add_evidence(self.library.db, self.claim_id, **self.fields)
        self.row = get_evidence(self.library.db, evidence_id)
        return self.claim_id

    def backward(self) -> str:
        return detach_evidence(self.library, self.row["id"], self.claim_before)


class EditEvidenceCommand(StoreCommand):
    """Change an evidence row's stance, excerpt, locator or note; undo puts the old values back."""

    def __init__(self, events: CommandEvents, library: Library, evidence_id: str, fields: dict) -> None:
        self.evidence_id = evidence_id
        current = get_evidence(library.db, evidence_id)
        self.after = dict(fields)
        self.before = {k: current[k] for k in fields}
        super().__init__(events, library, "Edit evidence")

    def forward(self) -> str:
        return edit_evidence(self.library, self.evidence_id, self.after)

    def backward(self) -> str:
        return edit_evidence(self.library, self.evidence_id, self.before)


class DetachEvidenceCommand(StoreCommand):
    """Detach evidence from its claim; undo re-adds it with the same id."""

    def __init__(self, events: CommandEvents, library: Library, evidence_id: str) -> None:
        self.row = get_evidence(library.db, evidence_id)
        self.claim_before = _claim_state(library.db, self.row["claim_id"])
        super().__init__(events, library, "Detach source")

    def forward(self) -> str:
        return detach_evidence(self.library, self.row["id"])

    def backward(self) -> str:
        return restore_evidence(self.library, self.row, self.claim_before)


class ClaimStatusCommand(StoreCommand):
    """Dismiss a claim as not check-worthy (with a reason) or reopen it; undo restores status and reason."""

    def __init__(self, events: CommandEvents, library: Library, claim_id: str, status: str, reason: str | None) -> None:
        self.claim_id = claim_id
        self.before = _claim_state(library.db, claim_id)
        self.after = (status, reason)
        super().__init__(events, library, "Dismiss claim" if status == "dismissed" else "Reopen claim")

    def forward(self) -> str:
        return set_claim_status(self.library, self.claim_id, self.after)

    def backward(self) -> str:
        return set_claim_status(self.library, self.claim_id, self.before)


def dismiss_command(events: CommandEvents, library: Library, claim_id: str, reason: str) -> ClaimStatusCommand:
    """Return the command that dismisses a claim as not check-worthy for ``reason``."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why the claim is not worth checking.")
    return ClaimStatusCommand(events, library, claim_id, "dismissed", reason)


class OperationCommand(QUndoCommand):
    """An operation of ``factcheck_app.ops`` that has run, on the undo stack: undo runs the inverse
    it returned, redo the inverse's inverse; each step reports ``claim_id`` as changed."""

    def __init__(self, events: CommandEvents, library: Library, result, claim_id: str) -> None:
        super().__init__(result.label or "Change")
        self.events, self.library, self.claim_id = events, library, claim_id
        self._next = result.undo
        self._ran = True  # pushed after the operation ran: the first redo() is QUndoStack's own call

    def redo(self) -> None:
        if self._ran:
            self._ran = False
            return
        self._step()

    def undo(self) -> None:
        self._step()

    def _step(self) -> None:
        if self._next is None:
            self.setObsolete(True)
            return
        try:
            result = self._next(self.library)
        except StoreError as exc:
            self.setObsolete(True)
            self.events.failed.emit(str(exc))
            return
        self._next = result.undo
        self.events.changed.emit(self.claim_id)
