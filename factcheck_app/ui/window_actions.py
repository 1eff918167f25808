"""The main window's actions, menus and toolbar, built for a window and connected to its slots.

Every action is added to the window itself, so its shortcut works without the menu bar;
the keys come from ``shortcuts``.
"""
from __future__ import annotations

import sys

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QStyle, QToolBar

from factcheck_app import APP_NAME
from factcheck_app.ui import settings as cfg
from factcheck_app.ui import shortcuts

if TYPE_CHECKING:
    from factcheck_app.ui.main_window import MainWindow


def on_macos() -> bool:
    """Return True on macOS, where Preferences belongs in the application menu (tests replace this)."""
    return sys.platform == "darwin"


class WindowActions:
    """The actions of one MainWindow (``act_*``), its menus and toolbar; each action calls a slot of the window."""

    def __init__(self, window: "MainWindow", undo_stack: QUndoStack) -> None:
        self.window = window
        self.undo_stack = undo_stack
        self._make_actions()
        self._make_menus()
        self._make_toolbar()

    def _action(self, name: str | None, text: str, slot, tip: str = "", icon: QStyle.StandardPixmap | None = None,
                checkable: bool = False) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_{name or text}")
        if name:
            action.setShortcuts(shortcuts.sequences(name))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                              if name else tip)
        if icon is not None:
            action.setIcon(self.window.style().standardIcon(icon))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.window.addAction(action)  # shortcuts work without the menu bar
        return action

    def _make_actions(self) -> None:
        sp, w = QStyle.StandardPixmap, self.window
        self.act_open = self._action("open_library", "&Open Library…", w.choose_library,
                                     "Open another library file", sp.SP_DirOpenIcon)
        self.act_new = self._action("new_library", "&New Library…", w.new_library, "Create an empty library")
        self.act_import = self._action("import", "&Import Articles…", w.choose_import,
                                       "Import article files (.txt, .html, .md)", sp.SP_FileDialogNewFolder)
        self.act_import_checks = self._action(None, "Import &Fact-checks…", w.choose_import_checks,
                                              "Import published fact-checks (ClaimReview JSON-LD, DataFeed, "
                                              "saved pages) and match the claims against them")
        self.act_import_sources = self._action(None, "Import &Sources…", w.import_sources,
                                               "Import sources from CSL-JSON, RIS or BibTeX files (Zotero and "
                                               "citation managers)")
        self.act_paste = self._action("paste", "&Paste Article", w.paste_article,
                                      "Import the article text on the clipboard", sp.SP_FileIcon)
        self.act_export = self._action("export", "&Export…", w.export, "Export verdict reports",
                                       sp.SP_DialogSaveButton)
        self.act_quit = self._action("quit", "&Quit", w.close, "Close Factcheck Desk")
        self.act_undo = self.undo_stack.createUndoAction(w, "&Undo")
        self.act_undo.setShortcuts(shortcuts.sequences("undo"))
        self.act_undo.setIcon(w.style().standardIcon(sp.SP_ArrowBack))
        self.act_redo = self.undo_stack.createRedoAction(w, "&Redo")
        self.act_redo.setShortcuts(shortcuts.sequences("redo"))
        self.act_redo.setIcon(w.style().standardIcon(sp.SP_ArrowForward))
        for action in (self.act_undo, self.act_redo):
            w.addAction(action)
        self.act_add_claim = self._action("add_claim", "&Add Claim from Selection", w.add_claim_from_selection,
                                          "Make a claim of the text selected in the article",
                                          sp.SP_FileDialogContentsView)
        self.act_split = self._action("split", "&Split Claim at Cursor", w.split_current,
                                      "Split the selected claim where the article's text cursor is")
        self.act_merge = self._action("merge", "&Merge Selected Claims", w.merge_selected,
                                      "Merge the claims selected in the table into one")
        self.act_dismiss = self._action("dismiss", "&Dismiss Claim", w.dismiss_selected,
                                        "Mark the selected claims as not worth checking")
        self.act_article_details = self._action(None, "Article &Details…", w.edit_article_details,
                                                "Correct the article's title, outlet, author, web address or date")
        self.act_delete_article = self._action(None, "Delete &Article…", w.delete_article,
                                               "Delete the article with its claims and verdicts (asks first)")
        self.act_next = self._action("next_claim", "&Next Claim", lambda: w.step_claim(1),
                                     "Go to the next claim", sp.SP_ArrowDown)
        self.act_previous = self._action("previous_claim", "&Previous Claim", lambda: w.step_claim(-1),
                                         "Go to the previous claim", sp.SP_ArrowUp)
        self.act_find = self._action("find_claims", "&Filter Claims", w.focus_claim_filter,
                                     "Type to filter the claims table")
        self.act_search = self._action("search_library", "Search &Library", w.focus_library_search,
                                       "Type to search the library's articles")
        self.act_attach = self._action("attach_source", "&Attach Source…", w.attach_source,
                                       "Find a source to attach to the selected claim")
        self.act_rationale = self._action("rationale", "Write Ra&tionale", w.focus_rationale,
                                          "Move the keyboard to the verdict's rationale")
        self.act_whole_library = self._action(None, "Claims of the &Whole Library", w.toggle_scope,
                                              "List the claims of every article, not only the selected one",
                                              checkable=True)
        self.act_larger = self._action("larger_text", "&Larger Article Text", lambda: w.zoom_text(1),
                                       "Make the article text larger")
        self.act_smaller = self._action("smaller_text", "&Smaller Article Text", lambda: w.zoom_text(-1),
                                        "Make the article text smaller")
        self.act_shortcuts = self._action("shortcuts", "&Keyboard Shortcuts", w.show_shortcuts,
                                          "List the keyboard shortcuts")
        self.act_about = self._action(None, f"&About {APP_NAME}", w.about, "Version, library and licences")
        self.rate_actions = []
        for n in range(1, 10):
            action = QAction(f"Rating {n}", w)
            action.setObjectName(f"action_rate_{n}")
            action.setShortcut(QKeySequence(str(n)))
            action.triggered.connect(lambda _checked=False, n=n: w.rate(n))
            w.addAction(action)
            self.rate_actions.append(action)
        self._make_preference_actions()

    def _make_preference_actions(self) -> None:
        w = self.window
        self.act_scales = self._action(None, "&Rating Scales…", w.edit_scales,
                                       "Edit the rating scales of this library")
        self.act_organisation = self._action(None, "&Organisation…", w.edit_organisation,
                                             "Who publishes the checks, and the methodology note of reports")
        self.act_your_name = self._action("your_name", "Your &Name…", w.edit_checker_name,
                                          "Your name as checker, adder of evidence and reviewer")
        for action in (self.act_scales, self.act_organisation, self.act_your_name):
            # Qt would move items whose text looks like "settings" into the macOS application menu.
            action.setMenuRole(QAction.MenuRole.NoRole)
        self.act_preferences = None
        if on_macos():
            # macOS habit: Preferences… (Cmd+,) in the application menu; it offers the same three choices.
            self.act_preferences = self._action(None, "Preferences…", w.show_preferences_menu,
                                                "Rating scales, organisation and your name")
            self.act_preferences.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
            self.act_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)

    def _make_menus(self) -> None:
        w = self.window
        bar = w.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.act_open, self.act_new])
        self.recent_menu = QMenu("Open &Recent", w)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.act_import, self.act_import_sources, self.act_paste, self.act_import_checks,
                              self.act_export])
        file_menu.addSeparator()
        file_menu.addActions([self.window.exchange.act_send, self.window.exchange.act_merge])
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit = bar.addMenu("&Edit")
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addActions([self.act_add_claim, self.act_split, self.act_merge, self.act_dismiss])
        edit.addSeparator()
        edit.addActions([self.act_article_details, self.act_delete_article])
        edit.addSeparator()
        self.preferences_menu = edit.addMenu("Pr&eferences")
        self.preferences_menu.setObjectName("preferencesMenu")
        self.preferences_menu.addActions([self.act_scales, self.act_organisation, self.act_your_name])
        if self.act_preferences is not None:
            edit.addAction(self.act_preferences)  # moved by Qt into the application menu
        claim = bar.addMenu("&Claim")
        claim.addActions([self.act_next, self.act_previous, self.act_attach, self.act_rationale])
        claim.addAction(self.window.exchange.act_decide)
        rate = claim.addMenu("&Rate")
        rate.addActions(self.rate_actions)
        view = bar.addMenu("&View")
        view.addActions([self.act_find, self.act_search, self.act_whole_library])
        view.addSeparator()
        view.addActions([self.act_larger, self.act_smaller])
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.act_shortcuts, self.act_about])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.window.settings.get(cfg.RECENT_LIBRARIES)
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.window.open_path(p, create=False))
        if not recent:
            self.recent_menu.addAction("No recent libraries").setEnabled(False)

    def _make_toolbar(self) -> None:
        toolbar = QToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setAccessibleName("Main toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.act_import, self.act_paste])
        toolbar.addSeparator()
        toolbar.addActions([self.act_add_claim, self.act_previous, self.act_next])
        toolbar.addSeparator()
        toolbar.addActions([self.act_undo, self.act_redo])
        toolbar.addSeparator()
        toolbar.addAction(self.act_export)
        for action in toolbar.actions():
            button = toolbar.widgetForAction(action)
            if button is not None and not action.isSeparator():
                button.setAccessibleName(action.text().replace("&", ""))
        self.window.addToolBar(toolbar)
