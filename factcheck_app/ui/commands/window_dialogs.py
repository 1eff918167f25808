"""The dialogs the window opens on the open library: export, About, and the library's preferences
(rating scales, organisation). Each is imported when first used, for a quicker start-up."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from factcheck_app.store.errors import StoreError
from factcheck_app.ui.commands.op_runner import OpRunner
from factcheck_app.ui.dialogs import prompts


class WindowDialogs:
    """Opens the window's dialogs over ``parent`` on the runner's library; ``say`` tells the status bar."""

    def __init__(self, parent: QWidget, runner: OpRunner, say: Callable[[str], None]) -> None:
        self.parent = parent
        self.runner = runner
        self.say = say

    def export(self, article_id: str | None) -> None:
        """Open the export dialog for ``article_id``, or for the whole library when it is None."""
        from factcheck_app.ui.dialogs.export_dialog import ExportDialog

        try:
            # With the runner: missing items filled in the dialog are undoable and reach the panes.
            dialog = ExportDialog(self.runner.library, self.parent, article_ids=[article_id] if article_id else None,
                                  runner=self.runner)
            try:
                dialog.exec()
            finally:
                dialog.deleteLater()
        except (StoreError, OSError) as exc:
            prompts.message(self.parent, "error", "Export failed", f"The export could not be written: {exc}")

    def about(self) -> None:
        """Show the About dialog (versions, the open library, licences)."""
        from factcheck_app.ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self.runner.library, self.parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def scales(self) -> None:
        """Preferences > Rating Scales; a saved scale reaches the panes through the runner."""
        from factcheck_app.ui.dialogs.scales_dialog import run_scales_dialog

        run_scales_dialog(self.runner, self.parent)

    def organisation(self) -> None:
        """Preferences > Organisation: the library's publisher name, address and methodology note."""
        from factcheck_app.ui.dialogs.organisation_dialog import run_organisation_dialog

        if run_organisation_dialog(self.runner, self.parent):
            self.say("Organisation details saved.")
