"""The window's exchange actions: File > Send Changes…, File > Merge…, Claim > Verdicts to Decide….

One object owns the three actions and the flows behind them; the window adds the actions to
its menus and tells it which library is open and who the checker is. What a merge or a
decision changed goes back to the window through ``changed`` (a Changes), so every pane
reloads the same way as after any other operation.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from factcheck_app.ops.change_file import SUFFIX
from factcheck_app.ops.changes import Changes
from factcheck_app.ops.exchange import ExportResult
from factcheck_app.ops.merge import MergeSummary
from factcheck_app.store.library import Library
from factcheck_app.store.verdict_lineage import conflicts
from factcheck_app.ui.commands.exchange_flow import ExchangeFlow
from factcheck_app.ui.dialogs import prompts
from factcheck_app.ui.dialogs.conflicts_dialog import ConflictsDialog
from factcheck_app.ui.dialogs.exchange_dialogs import SendChangesDialog

MERGE_FILTER = f"Change files or libraries (*{SUFFIX} *.sqlite *.db);;All files (*)"


class ExchangeActions(QObject):
    """Send Changes…, Merge… and Verdicts to Decide… for one window."""

    changed = Signal(object)

    def __init__(self, window: QWidget, checker: Callable[[], str | None]) -> None:
        super().__init__(window)
        self.window = window
        self.checker = checker
        self.library: Library | None = None
        self.flow = ExchangeFlow(window)
        self.flow.sent.connect(self._sent)
        self.flow.merged.connect(self._merged)
        self.flow.failed.connect(lambda text: prompts.message(self.window, "warning", "Exchange", text))
        self.act_send = self._action("&Send Changes…", "Write your changes to a file for a colleague", self.send)
        self.act_merge = self._action("&Merge…", "Merge a colleague's change file or a whole library", self.merge)
        self.act_decide = self._action("Verdicts to &Decide…", "Verdicts changed on both sides, side by side",
                                       self.decide)
        self.set_library(None)

    def _action(self, text: str, tip: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def set_library(self, library: Library | None) -> None:
        """Work on ``library`` from now on (None: no library open) and enable the actions that apply."""
        self.library = library
        writable = library is not None and not library.readonly
        self.act_send.setEnabled(writable)
        self.act_merge.setEnabled(writable)
        self.update_decide()

    def update_decide(self) -> None:
        """Enable Verdicts to Decide… only while some verdict waits for a decision."""
        self.act_decide.setEnabled(self.library is not None and bool(conflicts(self.library.db)))

    @Slot()
    def send(self) -> None:
        """Ask who the changes are for and where to write them, then write them in the background."""
        if self.library is None:
            return
        dialog = SendChangesDialog(self.library, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        colleague, target = dialog.chosen()
        self.flow.send(self.library, colleague, target, self.checker())

    @Slot()
    def merge(self, path: str | None = None) -> None:
        """Choose a change file or library, show what merging it does, and merge when the checker agrees."""
        if self.library is None:
            return
        path = path or prompts.ask_open_file(self.window, "Merge Changes", str(self.library.path.parent), MERGE_FILTER)
        if not path:
            return
        who = self.checker()
        if not who:
            prompts.message(self.window, "info", "Merge Changes",
                            "A merge is recorded under the checker's name: give your name (Edit > Your Name…) first.")
            return
        self.flow.merge(self.library, Path(path), who)

    @Slot()
    def decide(self, claim_id: str | None = None) -> None:
        """Show the verdicts waiting for a decision, two versions side by side."""
        if self.library is None:
            return
        dialog = ConflictsDialog(self.library, self.checker(), self.window, claim_id=claim_id)
        dialog.changed.connect(self.changed)
        dialog.exec()
        self.update_decide()

    @Slot(object)
    def _sent(self, result: ExportResult) -> None:
        what = "the whole library" if result.first else "the changes since the last exchange"
        prompts.message(self.window, "info", "Changes Sent",
                        f"{result.path.name} holds {what}: {result.rows:,} rows, {result.claims:,} claims "
                        f"({result.size:,} bytes). Hand it to your colleague; they merge it with File > Merge…."
                        + "".join(f"\n\n{name}: its file is missing or changed beside this library, so it was sent "
                                  "without it (`factcheck store check` says more)." for name in result.missing_files))

    @Slot(object)
    def _merged(self, summary: MergeSummary) -> None:
        self.changed.emit(Changes(everything=True))
        self.update_decide()
        text = "\n".join(summary.lines())
        if summary.conflicts:
            answer = prompts.message(self.window, "question", "Merged", text, ("Decide Now", "Later"))
            if answer == "Decide Now":
                self.decide(summary.conflicts[0])
        else:
            prompts.message(self.window, "info", "Merged", text)
