"""An undo command that runs an operation from ``factcheck_app.ops`` and, on undo, the inverse it returned."""
from __future__ import annotations

from factcheck_app.ops.changes import BoundOp
from factcheck_app.store import Library
from factcheck_app.ui.undo_commands import CommandEvents, StoreCommand


class OpCommand(StoreCommand):
    """Redo runs the operation (then, after an undo, the redo its inverse returned); undo runs its inverse."""

    def __init__(self, events: CommandEvents, library: Library, operation: BoundOp, claim_id: str, text: str) -> None:
        super().__init__(events, library, text)
        self.operation = operation
        self.claim_id = claim_id
        self._undo: BoundOp | None = None
        self.result = None

    def forward(self) -> str:
        self.result = self.operation(self.library)
        self._undo = self.result.undo
        return self.claim_id

    def backward(self) -> str:
        result = self._undo(self.library)
        self.operation = result.undo  # undoing returns the redo
        return self.claim_id
