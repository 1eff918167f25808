"""The main window: it composes the panes (library, article, claims table, claim panel, summary), keeps
them on the same article and claim, and runs the window's commands.

Every change goes through ``OpRunner``; its ``changed`` signal carries what changed to every pane,
and each pane refreshes itself from it.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QWidget

from factcheck_app import APP_NAME, user_profile
from factcheck_app.ingest import SUPPORTED_SUFFIXES
from factcheck_app.ops.changes import Changes
from factcheck_app.store import views
from factcheck_app.store.claims import get_claim
from factcheck_app.store.library import Library
from factcheck_app.ui import settings as cfg
from factcheck_app.ui import shortcuts, workers
from factcheck_app.ui.commands.article_editing import ArticleEditing
from factcheck_app.ui.commands.claim_editing import ClaimEditing
from factcheck_app.ui.commands.daily_backup import DailyBackup
from factcheck_app.ui.commands.check_import import CheckImporter
from factcheck_app.ui.commands.document_actions import DocumentActions
from factcheck_app.ui.commands.exchange_actions import ExchangeActions
from factcheck_app.ui.commands.import_actions import FILE_FILTER, Importer
from factcheck_app.ui.commands.op_runner import OpRunner, ask_checker_name
from factcheck_app.ui.commands.window_dialogs import WindowDialogs
from factcheck_app.ui.dialogs import prompts
from factcheck_app.ui.dialogs.library_opening import open_with_recovery
from factcheck_app.ui.models.claims_model import ARTICLE, ID, SCORE, STATUS
from factcheck_app.ui.panes.article_view import ArticleView
from factcheck_app.ui.panes.claim_panel import ClaimPanel
from factcheck_app.ui.panes.claims_view import ClaimsView
from factcheck_app.ui.panes.library_pane import LibraryPane
from factcheck_app.ui.panes.library_summary import LibrarySummary
from factcheck_app.ui.window_actions import WindowActions

log = logging.getLogger(__name__)
DEFAULT_SIZE = (1400, 900)
DEFAULT_MAIN_SIZES = [290, 650, 460]
DEFAULT_CENTRE_SIZES = [520, 300]
LIBRARY_FILTER = "Factcheck Desk libraries (*.sqlite *.sqlite3 *.db);;All files (*)"


class MainWindow(QMainWindow):
    """Factcheck Desk's main window. Every change is committed to the library when made."""

    def __init__(self, settings: cfg.Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or cfg.Settings()
        self.library: Library | None = None
        self.article_id: str | None = None
        self.claim_id: str | None = None
        self.runner = OpRunner(self)
        self.undo_stack = self.runner.undo_stack
        self.editing = ClaimEditing(self.runner, self.select_claim, self.say)
        self.articles = ArticleEditing(self, self.runner, self.say)
        self.importer = Importer(self, self.runner, self.say)
        self.check_importer = CheckImporter(self, self.runner)
        self.documents = DocumentActions(self, self.runner, self._current_claim, self._select_evidence)
        self.dialogs = WindowDialogs(self, self.runner, self.say)
        self.daily_backup = DailyBackup(self.statusBar(), self)
        self.claim_panel: ClaimPanel | None = None
        self._shown_once = False

        self.setObjectName("mainWindow")
        self.setAccessibleName(APP_NAME)
        self.setAcceptDrops(True)
        self.library_pane = LibraryPane()
        self.article_view = ArticleView()
        self.claims_view = ClaimsView()
        self.panel_holder = self._placeholder("Open a library to check claims.")

        self.centre = QSplitter(Qt.Orientation.Vertical)
        self.centre.setObjectName("centreSplitter")
        self.centre.addWidget(self.article_view)
        self.centre.addWidget(self.claims_view)
        self.centre.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.library_pane)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.panel_holder)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.setCentralWidget(self.splitter)

        self.summary = LibrarySummary()
        self.statusBar().addPermanentWidget(self.summary)

        self.exchange = ExchangeActions(self, checker=self.runner.checker)
        self.acts = WindowActions(self, self.undo_stack)
        self._wire()
        self._restore_layout()
        self._update_actions()

    # --- construction ----------------------------------------------------
    def _placeholder(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("claimPanelPlaceholder")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setEnabled(False)
        label.setMargin(24)
        label.setAccessibleName("Claim panel")
        return label

    def _wire(self) -> None:
        self.library_pane.articleSelected.connect(self._article_selected)
        self.library_pane.detailsRequested.connect(self.edit_article_details)
        self.library_pane.deleteRequested.connect(self.delete_article)
        self.importer.landed.connect(self.library_pane.select_article)
        self.claims_view.restoreRequested.connect(self.restore_claims)
        self.claims_view.claimSelected.connect(self._claim_selected_in_table)
        self.claims_view.splitRequested.connect(self.split_claim)
        self.claims_view.mergeRequested.connect(self.merge_claims)
        self.claims_view.dismissRequested.connect(self.dismiss_claims)
        self.claims_view.addRequested.connect(self.add_claim_from_selection)
        self.claims_view.scopeChanged.connect(self._scope_changed)
        self.article_view.claimActivated.connect(self.select_claim)
        self.article_view.publishedCorrected.connect(self.correct_published)
        self.article_view.text.selectionChanged.connect(self._update_actions)
        self.claims_view.model.loaded.connect(self._claims_loaded)
        # Each pane refreshes itself from what changed; the window then puts the current claim back.
        for pane in (self.library_pane, self.claims_view, self.article_view, self.summary):
            self.runner.changed.connect(pane.on_changed)
        self.runner.changed.connect(self._library_changed)
        self.runner.noted.connect(self.say)
        # A merge or a decision is announced like any operation; the panes reload from it.
        self.exchange.changed.connect(self.runner.announce)
        self.runner.changed.connect(lambda _changes: self.exchange.update_decide())

    def _restore_layout(self) -> None:
        geometry = self.settings.get(cfg.WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
            screen = QGuiApplication.primaryScreen()
            if screen is not None:
                area = screen.availableGeometry()
                self.resize(min(DEFAULT_SIZE[0], area.width()), min(DEFAULT_SIZE[1], area.height()))
        state = self.settings.get(cfg.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        self._apply_splitters()
        points = self.settings.get(cfg.ARTICLE_FONT_POINTS)
        if points:
            self.article_view.set_text_points(points)
        self.claims_view.set_scope_all(self.settings.get(cfg.CLAIMS_SCOPE_ALL))
        self.acts.act_whole_library.setChecked(self.settings.get(cfg.CLAIMS_SCOPE_ALL))

    def _apply_splitters(self) -> None:
        """Restore the splitters' saved positions, else share the window's width in the default proportions."""
        for splitter, setting, default in ((self.splitter, cfg.MAIN_SPLITTER, DEFAULT_MAIN_SIZES),
                                           (self.centre, cfg.CENTRE_SPLITTER, DEFAULT_CENTRE_SIZES)):
            saved = self.settings.get(setting)
            if saved.isEmpty() or not splitter.restoreState(saved):
                splitter.setSizes(default)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._apply_splitters()

    def save_layout(self) -> None:
        """Remember geometry, splitter positions and the claims scope."""
        self.settings.set(cfg.WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(cfg.WINDOW_STATE, self.saveState())
        self.settings.set(cfg.MAIN_SPLITTER, self.splitter.saveState())
        self.settings.set(cfg.CENTRE_SPLITTER, self.centre.saveState())
        self.settings.set(cfg.CLAIMS_SCOPE_ALL, self.claims_view.model.shows_all)
        self.settings.sync()

    # --- the library -----------------------------------------------------
    def open_path(self, path: str | Path, create: bool = True, remember: bool = True) -> bool:
        """Open the library at ``path`` (explaining any problem); return True when it is now open.

        The first open of a day starts the day's copy of an existing library in a worker thread.
        """
        existed = Path(path).expanduser().is_file()
        library = open_with_recovery(self, Path(path), create=create)
        if library is None:
            return False
        self.set_library(library, remember=remember)
        if existed:
            self.daily_backup.start(library)
        return True

    def set_library(self, library: Library | None, remember: bool = True) -> None:
        """Show ``library`` (closing the previous one); None shows an empty window.

        ``remember`` puts it first under File > Open Recent; start-up never reopens it by itself:
        without --store the app opens the default library, the one the command line uses.
        """
        if self.importer.busy or self.check_importer.busy:
            workers.cancel_all()
        if self.claim_panel is not None:
            self.claim_panel.flush_pending()
        self.documents.close_all()
        old, self.library = self.library, library
        self.runner.set_library(library)
        self.article_id = self.claim_id = None
        self.claims_view.set_library(library)
        self.library_pane.set_library(library)
        self.article_view.set_library(library)
        self.summary.set_library(library)
        self.exchange.set_library(library)
        self._replace_panel()
        if old is not None and old is not library:
            old.close()
        if library is not None:
            if remember:
                self.settings.add_recent_library(str(library.path))
            self.setWindowFilePath(str(library.path))
        self._update_title()
        self._update_actions()

    def _replace_panel(self) -> None:
        if self.library is None:
            panel: QWidget = self._placeholder("Open a library to check claims.")
            self.claim_panel = None
        else:
            panel = self.claim_panel = ClaimPanel(self.runner, self)
            panel.decideRequested.connect(self.exchange.decide)
            panel.open_document = self.documents.open_document
            panel.leaveRequested.connect(self._back_to_claims)
            panel.setAccessibleName("Claim panel")
        sizes = self.splitter.sizes()
        old = self.splitter.replaceWidget(2, panel)
        self.panel_holder = panel
        if old is not None:
            old.deleteLater()
        self.splitter.setSizes(sizes if sum(sizes) else DEFAULT_MAIN_SIZES)

    def _update_title(self) -> None:
        if self.library is None:
            self.setWindowTitle(APP_NAME)
            return
        suffix = " [read-only]" if self.library.readonly else ""
        self.setWindowTitle(f"{self.library.path.name}{suffix} — {APP_NAME}")

    def say(self, text: str, timeout_ms: int = 5000) -> None:
        """Show a one-line message in the status bar for a while."""
        self.statusBar().showMessage(text, timeout_ms)

    @Slot()
    def choose_library(self) -> None:
        """Ask for a library file and open it."""
        start = str(self.library.path.parent) if self.library else ""
        path = prompts.ask_open_file(self, "Open library", start, LIBRARY_FILTER)
        if path:
            self.open_path(path, create=False)

    @Slot()
    def new_library(self) -> None:
        """Ask where to create a new library and open it."""
        start = str(self.library.path.parent) if self.library else ""
        path = prompts.ask_save_file(self, "New library", start, LIBRARY_FILTER)
        if path:
            if not Path(path).suffix:
                path += ".sqlite"
            self.open_path(path, create=True)

    # --- panes in step ---------------------------------------------------
    @Slot(object)
    def _article_selected(self, article_id: str | None) -> None:
        if article_id == self.article_id:
            return
        self.show_article(article_id)

    def show_article(self, article_id: str | None, claim_id: str | None = None) -> None:
        """Show an article in the article pane (and its claims in the table, in article scope)."""
        self.article_id = article_id
        self.claim_id = None
        if not self.article_view.show_article(article_id):
            self.article_id = None
        if not self.claims_view.model.shows_all:
            self.claims_view.model.set_article(self.article_id)
        if self.claim_panel is not None:
            self.claim_panel.set_claim(None)
        if claim_id:
            self.select_claim(claim_id)
        self._update_actions()

    @Slot(object)
    def _claim_selected_in_table(self, claim_id: str | None) -> None:
        # None: no claim is current in the table (a filter hid it). Nothing then acts on a claim
        # the checker cannot see, so the panel and the highlight let it go too.
        self._show_claim(claim_id)

    @Slot(str)
    def select_claim(self, claim_id: str) -> None:
        """Select a claim everywhere: the table row, the article highlight, the claim panel.

        A claim the table does not list is brought into view: its article is shown (article
        scope), or the filters that hide it are cleared, with a note saying so.
        """
        view, model = self.claims_view, self.claims_view.model
        if view.select_claim(claim_id):
            return
        article_id = self._article_of(claim_id)
        if article_id is None:
            return
        if not model.shows_all and model.article_id != article_id:
            self.library_pane.select_article(article_id)
            if self.article_id != article_id:
                self.show_article(article_id)
            if view.select_claim(claim_id):
                return
        if model.row_of(claim_id) is not None and view.proxy.filtering:
            view.clear_filters()
            self.say("Filters cleared to show the claim.")
            if view.select_claim(claim_id):
                return
        self._show_claim(claim_id)  # the whole-library list is still loading: it selects the claim when done

    def _show_claim(self, claim_id: str | None) -> None:
        article_id = self._article_of(claim_id) if claim_id else None
        if claim_id and article_id is None:
            return
        if article_id and article_id != self.article_id:
            # A claim of another article (whole-library list): bring its article up first.
            self.article_id = article_id
            self.library_pane.select_article(article_id)
            self.article_view.show_article(article_id)
        self.claim_id = claim_id
        self.article_view.set_current_claim(claim_id)
        if self.claim_panel is not None:
            self.claim_panel.set_claim(claim_id)
        self.documents.claim_changed()
        self._update_actions()

    def _current_claim(self) -> tuple[str | None, str | None]:
        """Return the current claim's id and text (what a quoted document passage becomes evidence for)."""
        if not self.claim_id or self.library is None:
            return None, None
        return self.claim_id, get_claim(self.library.db, self.claim_id)["text"]

    def _select_evidence(self, claim_id: str, evidence_id: str) -> None:
        if self.claim_panel is not None and self.claim_id == claim_id:
            self.claim_panel.evidence_view.select_evidence(evidence_id)

    def import_sources(self) -> None:
        """Ask for bibliography files (CSL-JSON, RIS, BibTeX) and import their entries as sources."""
        if self._writable():
            self.documents.import_sources()

    def _article_of(self, claim_id: str) -> str | None:
        row = self.claims_view.model.claim_row(claim_id)
        if row is not None:
            return row[ARTICLE]
        if self.library is None:
            return None
        return views.article_of_claim(self.library.db, claim_id)

    @Slot()
    def _claims_loaded(self) -> None:
        # After a background load the table is new: show the current claim in it again.
        if self.claim_id:
            self.claims_view.select_claim(self.claim_id, emit=False)

    @Slot(bool)
    def _scope_changed(self, everything: bool) -> None:
        self.acts.act_whole_library.setChecked(everything)
        keep = self.claim_id
        self.claims_view.model.set_article(self.article_id, all_claims=everything)
        if keep:
            self.claims_view.select_claim(keep, emit=False)

    @Slot()
    def toggle_scope(self) -> None:
        """Switch the claims table between this article and the whole library."""
        everything = self.acts.act_whole_library.isChecked()
        self.claims_view.set_scope_all(everything)
        self._scope_changed(everything)

    # --- after changes ---------------------------------------------------
    @Slot(object)
    def _library_changed(self, _changes: Changes) -> None:
        # The panes have refreshed themselves; what is left is the window's own state: an article
        # or claim that is gone is let go, the current claim is shown as current again.
        if self.article_id and self.article_view.article is None:
            self.show_article(None)
        if self.claim_id and self._article_of(self.claim_id) is None:
            self._show_claim(None)
        if self.claim_id:
            self.claims_view.select_claim(self.claim_id, emit=False)
            self.article_view.set_current_claim(self.claim_id, scroll=False)
        self._update_actions()

    # --- changing claims -------------------------------------------------
    def _writable(self) -> bool:
        if self.library is None:
            return False
        if self.library.readonly:
            self.say("This library is open read-only; changes are not possible.", 6000)
            return False
        return True

    @Slot()
    def add_claim_from_selection(self) -> None:
        """Make a claim of the text selected in the article."""
        if not self._writable() or self.article_id is None:
            return
        span = self.article_view.selection_span()
        if span is None:
            prompts.message(self, "info", "Add claim", "Select the words of the claim in the article first.")
            return
        self.editing.add_from_selection(self.article_id, span)

    @Slot()
    def split_current(self) -> None:
        """Split the selected claim at the article's text cursor."""
        if self.claim_id:
            self.split_claim(self.claim_id)

    @Slot(str)
    def split_claim(self, claim_id: str) -> None:
        """Split ``claim_id`` where the article's text cursor is."""
        if not self._writable():
            return
        second = self.editing.split(claim_id, self.article_view.cursor_offset())
        view = self.claims_view
        if second and view.proxy.filtering and view.proxy.proxy_row_of(second) < 0 and view.model.row_of(second) is not None:
            # Both parts stay in sight: the filter that would hide the new part is cleared.
            view.clear_filters()
            view.select_claim(self.claim_id or claim_id, emit=False)
            self.say("Claim split in two; filters cleared to show both parts.")

    @Slot()
    def merge_selected(self) -> None:
        """Merge the claims selected in the table."""
        self.merge_claims(self.claims_view.selected_claim_ids())

    @Slot(list)
    def merge_claims(self, claim_ids: list[str]) -> None:
        """Merge claims of one article (refused when it would lose a verdict)."""
        if self._writable():
            self.editing.merge(claim_ids)

    @Slot()
    def dismiss_selected(self) -> None:
        """Dismiss the claims selected in the table (one claim: the panel asks why).

        Only claims the table shows are ever dismissed: with none selected, nothing happens.
        """
        ids = self.claims_view.selected_claim_ids()
        if not ids:
            self.say("Select the claims to dismiss in the claims table first.")
            return
        if ids == [self.claim_id] and self.claim_panel is not None:
            if self._writable():
                self.claim_panel.dismiss()
            return
        self.dismiss_claims(ids)

    @Slot(list)
    def dismiss_claims(self, claim_ids: list[str]) -> None:
        """Dismiss ``claim_ids`` (undoable)."""
        if self._writable() and claim_ids:
            self.editing.dismiss(claim_ids)

    @Slot(list)
    def restore_claims(self, claim_ids: list[str]) -> None:
        """Bring dismissed claims back (undoable)."""
        if self._writable() and claim_ids:
            self.editing.restore(claim_ids)

    @Slot()
    @Slot(str)
    def edit_article_details(self, article_id: str | None = None) -> None:
        """Article details: edit the title, outlet, author, web address and published date (undoable)."""
        article_id = article_id or self.article_id
        if self._writable() and article_id is not None:
            self.articles.edit_details(article_id)

    @Slot()
    @Slot(str)
    def delete_article(self, article_id: str | None = None) -> None:
        """Delete an article with its claims, evidence links and verdicts, after confirmation (cannot be undone)."""
        article_id = article_id or self.article_id
        if self._writable() and article_id is not None:
            self.articles.delete(article_id)

    @Slot(object)
    def correct_published(self, published: str | None) -> None:
        """Set the shown article's published date; relative dates re-resolve (undoable)."""
        if self._writable() and self.article_id is not None:
            self.editing.correct_published(self.article_id, published)

    # --- keyboard helpers ------------------------------------------------
    @Slot()
    def step_claim(self, delta: int) -> None:
        """Select the next (1) or previous (-1) claim of the table."""
        self.claims_view.step(delta)

    @Slot()
    def rate(self, n: int) -> None:
        """Give the current claim the nth step of its scale (through the claim panel)."""
        if self.claim_panel is not None and self.claim_id and self._writable():
            self.claim_panel.rate(n)

    @Slot()
    def attach_source(self) -> None:
        """Move the keyboard to the claim panel's source search."""
        if self.claim_panel is not None and self.claim_id:
            self.claim_panel.focus_source_search()

    @Slot()
    def focus_rationale(self) -> None:
        """Move the keyboard to the verdict's rationale (a rating comes first: it is what the rationale explains)."""
        if self.claim_panel is None or not self.claim_id:
            return
        if not self.claim_panel.focus_rationale():
            self.say("Rate the claim first (keys 1 to 9), then write why.", 6000)

    @Slot()
    def _back_to_claims(self) -> None:
        self.claims_view.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def focus_claim_filter(self) -> None:
        """Put the keyboard in the claims filter."""
        self.claims_view.filter_text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.claims_view.filter_text.selectAll()

    @Slot()
    def focus_library_search(self) -> None:
        """Put the keyboard in the library search."""
        self.library_pane.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.library_pane.search.selectAll()

    @Slot()
    def zoom_text(self, step: int) -> None:
        """Make the article text a point larger (1) or smaller (-1); remembered."""
        points = self.article_view.set_text_points(self.article_view.text_points() + step)
        self.settings.set(cfg.ARTICLE_FONT_POINTS, points)

    @Slot()
    def show_shortcuts(self) -> None:
        """List the keyboard shortcuts."""
        prompts.message(self, "info", "Keyboard shortcuts", "Everything can be done from the keyboard:",
                        detail=shortcuts.help_text())

    def _update_actions(self) -> None:
        has_library = self.library is not None
        writable = has_library and not self.library.readonly
        has_article = self.article_id is not None
        has_claim = self.claim_id is not None
        for action in (self.acts.act_import, self.acts.act_import_sources, self.acts.act_paste,
                       self.acts.act_import_checks):
            action.setEnabled(writable)
        self.acts.act_add_claim.setEnabled(writable and has_article and self.article_view.selection_span() is not None)
        for action in (self.acts.act_split, self.acts.act_dismiss):
            action.setEnabled(writable and has_claim)
        for action in (self.acts.act_article_details, self.acts.act_delete_article):
            action.setEnabled(writable and has_article)
        self.acts.act_merge.setEnabled(writable)
        self.acts.act_attach.setEnabled(writable and has_claim and self.claim_panel is not None)
        self.acts.act_rationale.setEnabled(writable and has_claim and self.claim_panel is not None)
        for action in self.acts.rate_actions:
            action.setEnabled(writable and has_claim and self.claim_panel is not None)
        self.acts.act_export.setEnabled(has_library)
        # Scales and organisation belong to the library; your name belongs to this computer.
        for action in (self.acts.act_scales, self.acts.act_organisation):
            action.setEnabled(writable)
        for action in (self.acts.act_next, self.acts.act_previous, self.acts.act_whole_library):
            action.setEnabled(has_library)

    # --- import ----------------------------------------------------------
    @Slot()
    def choose_import(self) -> None:
        """Ask for article files and import them."""
        if not self._writable():
            return
        folder = self.settings.get(cfg.IMPORT_FOLDER)
        paths = prompts.ask_open_files(self, "Import articles", folder, FILE_FILTER)
        if paths:
            self.settings.set(cfg.IMPORT_FOLDER, str(Path(paths[0]).parent))
            self.import_paths(paths)

    def import_paths(self, paths: list[str | Path]) -> workers.Job | None:
        """Import files (several run in a worker, whose Job is returned)."""
        if not self._writable():
            return None
        return self.importer.import_paths([Path(p) for p in paths])

    @Slot()
    def choose_import_checks(self) -> workers.Job | None:
        """File > Import Fact-checks…: choose ClaimReview files and import them in a worker."""
        if not self._writable():
            return None
        return self.check_importer.choose_and_import(self.settings.get(cfg.IMPORT_FOLDER))

    @Slot()
    def paste_article(self) -> None:
        """Import the clipboard's text as a new article."""
        if self._writable():
            self.importer.import_text(QGuiApplication.clipboard().text())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = dropped_files([Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()])
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # --- other dialogs ---------------------------------------------------
    @Slot()
    def export(self) -> None:
        """Open the export dialog (for the shown article, or the whole library when none is shown)."""
        if self.library is not None:
            self.dialogs.export(self.article_id)

    @Slot()
    def about(self) -> None:
        """Show the About dialog."""
        self.dialogs.about()

    # --- preferences -----------------------------------------------------
    @Slot()
    def edit_scales(self) -> None:
        """Preferences > Rating Scales; an edited scale is shown at once in the panel and the claims table."""
        if self._writable():
            self.dialogs.scales()

    @Slot()
    def edit_organisation(self) -> None:
        """Preferences > Organisation (the library's publisher name, address and methodology note)."""
        if self._writable():
            self.dialogs.organisation()

    @Slot()
    def edit_checker_name(self) -> None:
        """Preferences > Your Name: who checks, adds evidence and reviews at this computer."""
        name = ask_checker_name(self, user_profile.get_user_name())
        if name is None:
            return
        if self.claim_panel is not None:
            # Words typed under the previous name are saved as theirs before the name changes.
            self.claim_panel.flush_pending()
        user_profile.set_user_name(name)
        if self.claim_panel is not None:
            self.claim_panel.set_checker_name(name)
        self.statusBar().showMessage(f"Working as {name}." if name else "Your name is not set.", 5000)

    @Slot()
    def show_preferences_menu(self) -> None:
        """Offer the three preferences under the mouse (macOS's Preferences… item in the application menu)."""
        self.acts.preferences_menu.popup(self.mapToGlobal(self.rect().center()))

    # --- closing ---------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        workers.cancel_all()
        if self.claim_panel is not None:
            # Words typed in the rationale but not yet saved by the panel's idle timer.
            self.claim_panel.flush_pending()
        self.save_layout()
        if self.library is not None:
            self.library.close()
            self.library = None
        super().closeEvent(event)

    def select_first_content(self) -> None:
        """Select the first article and its most check-worthy claim (start-up screenshot, first run)."""
        self.library_pane.select_first()
        rows = self.claims_view.model.rows
        mine = [r for r in rows if r[ARTICLE] == self.article_id and r[STATUS] != "dismissed"]
        if mine:
            best = max(mine, key=lambda r: r[SCORE])
            self.select_claim(best[ID])
        # Start in the claims table, where J/K and the number keys do their work.
        self.claims_view.table.setFocus(Qt.FocusReason.OtherFocusReason)


def dropped_files(paths: list[Path]) -> list[Path]:
    """Return the article files among dropped paths; a dropped folder gives its article files."""
    found = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            found.append(path)
    return found
