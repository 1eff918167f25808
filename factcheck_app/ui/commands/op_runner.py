"""Running operations from the window: the one undo command type, and the "changed" signal every pane refreshes from.

``OpRunner.run(op, *args, **kwargs)`` calls ``op(library, *args, **kwargs)`` (a function of
``factcheck_app.ops``), pushes an ``OpCommand`` holding the operation's inverse onto the undo
stack, and emits ``changed`` with the operation's ``Changes``. Undo runs the inverse; the
inverse's own ``undo`` is the redo, and so on. A refusal (any StoreError) is one message and
nothing is pushed. Arguments given as ``PERSON`` become the checker's name, asked for once
and remembered in the user profile the command line reads too.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Hashable, Iterator
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from factcheck_app import user_profile
from factcheck_app.ingest.errors import IngestError
from factcheck_app.ops.changes import BoundOp, Changes, OpResult
from factcheck_app.ops.people import MAX_NAME_LENGTH
from factcheck_app.store.errors import StoreError
from factcheck_app.store.library import Library
from factcheck_app.ui.dialogs import prompts


class _Person:
    """Stands for the checker's name in an operation's arguments until the runner fills it in."""

    def __repr__(self) -> str:
        return "PERSON"


PERSON: Any = _Person()
NAME_PROMPT = "Your name, as it will stand on verdicts, evidence and reviews:"


def ask_checker_name(parent: QWidget | None, current: str = "") -> str | None:
    """Ask who is working; return the tidied name ("" when cleared), or None when cancelled."""
    name = prompts.ask_text(parent, "Your name", NAME_PROMPT, current)
    if name is None:
        return None
    return " ".join(name.split())[:MAX_NAME_LENGTH]


class OpCommand(QUndoCommand):
    """An operation that has run, on the undo stack: undo runs its inverse, redo the inverse's inverse.

    Consecutive commands with the same ``merge_key`` (rationale edits of one claim) become one step:
    the first one's inverse is kept, and as an inverse reads the state it replaces when it runs, its
    own undo then redoes every merged edit at once.
    """

    def __init__(self, runner: "OpRunner", result: OpResult, merge_key: Hashable | None = None) -> None:
        super().__init__(result.label or "Change")
        self.runner = runner
        self.merge_key = merge_key
        self._next: BoundOp | None = result.undo
        self._ran = True  # the operation has already run when the command is pushed

    def redo(self) -> None:
        if self._ran:
            self._ran = False  # QUndoStack.push calls redo(): the change is already made
            return
        self._step()

    def undo(self) -> None:
        self._step()

    def _step(self) -> None:
        step, library = self._next, self.runner.library
        if step is None or library is None:
            self.setObsolete(True)
            return
        try:
            result = step(library)
        except StoreError as exc:
            # The rows it names may have been merged or deleted since: drop the step rather than fail again.
            self.setObsolete(True)
            self.runner.failed.emit(f"“{self.text()}” cannot be undone or redone: {exc}")
            return
        self._next = result.undo
        if result.undo is None:
            self.setObsolete(True)
        self.runner.changed.emit(result.changes)

    def id(self) -> int:  # noqa: A003 - Qt's name
        return 1 if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        return isinstance(other, OpCommand) and other.merge_key is not None and other.merge_key == self.merge_key


class OpRunner(QObject):
    """Runs operations on the open library for the window and its panes, with undo, and says what changed."""

    #: An operation, its undo or its redo changed the library (an ``ops.Changes``).
    changed = Signal(object)
    #: An undo or redo could not be done (one line for the checker).
    failed = Signal(str)
    #: Something the checker should know that did not stop an operation (one line).
    noted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.undo_stack = QUndoStack(self)
        self._step_text: str | None = None  # inside one_step: the undo step the next operations join
        self._step_open = False
        self.failed.connect(lambda text: prompts.message(self._window(), "warning", "Cannot undo", text))

    def _window(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def set_library(self, library: Library | None) -> None:
        """Run later operations on ``library``; the undo history of the previous one is dropped."""
        self.undo_stack.clear()
        self.library = library

    @property
    def writable(self) -> bool:
        """True when a library is open and may be changed."""
        return self.library is not None and not self.library.readonly

    def checker(self, ask: bool = True) -> str | None:
        """Return the checker's name; when none is remembered, ask once (``ask``) and remember it. None: no name."""
        name = user_profile.get_user_name()
        if name or not ask:
            return name or None
        name = ask_checker_name(self._window())
        if not name:
            return None
        user_profile.set_user_name(name)
        return name

    def run(
        self,
        op: Callable[..., OpResult],
        *args: Any,
        refused: str = "Cannot make this change",
        merge_key: Hashable | None = None,
        on_refusal: Callable[[str], None] | None = None,
        **kwargs: Any,
    ) -> OpResult | None:
        """Run ``op(library, *args, **kwargs)`` now; return its result, or None when it was refused (and said why).

        An undoable result goes on the undo stack; ``merge_key`` merges consecutive steps with the same key.
        The reason for a refusal goes to ``on_refusal`` (a dialog showing it under its form), else to a
        message box titled ``refused``.
        """
        if self.library is None:
            return None
        if any(v is PERSON for v in (*args, *kwargs.values())):
            name = self.checker()
            if name is None:
                prompts.message(self._window(), "info", refused,
                                "Changes are recorded under the checker's name: give your name to make this one.")
                return None
            args = tuple(name if v is PERSON else v for v in args)
            kwargs = {k: (name if v is PERSON else v) for k, v in kwargs.items()}
        try:
            result = op(self.library, *args, **kwargs)
        except (StoreError, IngestError) as exc:
            if on_refusal is not None:
                on_refusal(str(exc))
            else:
                prompts.message(self._window(), "warning", refused, str(exc))
            return None
        if result.undo is not None:
            if self._step_text is not None and not self._step_open:
                self.undo_stack.beginMacro(self._step_text)
                self._step_open = True
            self.undo_stack.push(OpCommand(self, result, merge_key))
        self.changed.emit(result.changes)
        for note in result.notes:
            self.noted.emit(note)
        return result

    @contextlib.contextmanager
    def one_step(self, text: str) -> Iterator[None]:
        """Make the operations run inside the block one undo step named ``text`` (none when nothing ran)."""
        self._step_text, self._step_open = text, False
        try:
            yield
        finally:
            if self._step_open:
                self.undo_stack.endMacro()
            self._step_text, self._step_open = None, False

    def announce(self, changes: Changes) -> None:
        """Tell the panes about a change made outside ``run`` (a background import)."""
        if changes:
            self.changed.emit(changes)
