"""Changing an article from the window: its details (title, outlet, author, web address, published date)
through the details dialog, and deleting it after confirmation. Each runs one operation."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from factcheck_app.ops import articles as article_ops
from factcheck_app.store import views
from factcheck_app.ui.commands.op_runner import OpRunner
from factcheck_app.ui.dialogs import article_dialog, prompts


class ArticleEditing:
    """The article commands of a window: dialogs open over ``parent``; ``say`` tells the status bar."""

    def __init__(self, parent: QWidget, runner: OpRunner, say: Callable[[str], None]) -> None:
        self.parent = parent
        self.runner = runner
        self.say = say

    def edit_details(self, article_id: str) -> bool:
        """Open the details dialog for ``article_id``; return True when changes were saved (undoable)."""
        page = views.article_page(self.runner.library.db, article_id)
        if page is None:
            return False

        def save(changes: dict) -> str | None:
            problems: list[str] = []
            result = self.runner.run(article_ops.edit_article, article_id, **changes, on_refusal=problems.append)
            return None if result is not None else (problems[0] if problems else "The details were not saved.")

        if not article_dialog.run_article_dialog(page[0], save, self.parent):
            return False
        self.say("Article details saved.")
        return True

    def delete(self, article_id: str) -> bool:
        """Delete ``article_id`` with its claims, evidence links and verdicts once the checker confirms (not undoable)."""
        title = views.article_title(self.runner.library.db, article_id) or "this article"
        answer = prompts.message(
            self.parent, "question", "Delete article",
            f"Delete “{title}” with its claims, their evidence links, verdicts and history? "
            "This cannot be undone; the sources stay in the library.",
            buttons=("Delete", "Cancel"))
        if answer != "Delete":
            return False
        if self.runner.run(article_ops.delete_article, article_id, refused="Cannot delete the article") is None:
            return False
        self.say(f"Deleted “{title}”.")
        return True
