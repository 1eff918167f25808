"""The main window: library, article and claims panes kept in step, with the claim panel beside them."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QWidget

from factcheck_app import APP_NAME
from factcheck_app.ingest import SUPPORTED_SUFFIXES
from factcheck_app.store import articles as articles_store
from factcheck_app.store import claims as claims_store
from factcheck_app.store.errors import NotFoundError, StoreError
from factcheck_app.ops.changes import Changes
from factcheck_app.store.library import Library
from factcheck_app.ui import dialogs, shortcuts, workers
from factcheck_app.ui import settings as cfg
from factcheck_app.ui.article_view import ArticleView
from factcheck_app.ui.claim_editing import ClaimEditing
from factcheck_app.ui.claim_panel import ClaimPanel
from factcheck_app.ui.claims_view import ClaimsView
from factcheck_app.ui.exchange_actions import ExchangeActions
from factcheck_app.ui.import_actions import FILE_FILTER, Importer, ImportOutcome, describe_outcomes
from factcheck_app.ui.library_opening import open_with_recovery
from factcheck_app.ui.library_pane import LibraryPane
from factcheck_app.ui.models.claims_model import ARTICLE, ID, SCORE, STATUS
from factcheck_app.ui.window_actions import WindowActions

log = logging.getLogger(__name__)
DEFAULT_SIZE = (1400, 900)
DEFAULT_MAIN_SIZES = [380, 620, 400]
DEFAULT_CENTRE_SIZES = [520, 300]
LIBRARY_FILTER = "Factcheck Desk libraries (*.sqlite *.sqlite3 *.db);;All files (*)"
SUMMARY_SQL = """
SELECT (SELECT count(*) FROM articles),
       (SELECT count(*) FROM claims WHERE status != 'dismissed'),
       (SELECT count(*) FROM claims WHERE status = 'checked'),
       (SELECT count(*) FROM sources)
"""


def plural(n: int, word: str) -> str:
    """Return '1 article' / '2 articles'."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


class MainWindow(WindowActions, ClaimEditing, QMainWindow):
    """Factcheck Desk's main window. Every change is committed to the library when made."""

    def __init__(self, settings: cfg.Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or cfg.Settings()
        self.library: Library | None = None
        self.article_id: str | None = None
        self.claim_id: str | None = None
        self.undo_stack = QUndoStack(self)
        self.importer = Importer(self)
        self.importer.imported.connect(self._imported)
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

        self.summary = QLabel("")
        self.summary.setAccessibleName("What the library holds")
        self.statusBar().addPermanentWidget(self.summary)

        self.exchange = ExchangeActions(self, checker=lambda: self.settings.get(cfg.CHECKER_NAME) or None)
        self.exchange.changed.connect(self._exchange_changed)
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self._wire()
        self._restore_layout()
        self.update_summary()
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
        self.claims_view.claimSelected.connect(self._claim_selected_in_table)
        self.claims_view.splitRequested.connect(self.split_claim)
        self.claims_view.mergeRequested.connect(self.merge_claims)
        self.claims_view.dismissRequested.connect(self.dismiss_claims)
        self.claims_view.addRequested.connect(self.add_claim_from_selection)
        self.claims_view.scopeChanged.connect(self._scope_changed)
        self.article_view.claimActivated.connect(self.select_claim)
        self.article_view.publishedCorrected.connect(self.correct_published)
        self.article_view.text.selectionChanged.connect(self._update_actions)
        self.undo_stack.indexChanged.connect(self._undo_index_changed)
        self.claims_view.model.loaded.connect(self._claims_loaded)

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
        self.act_whole_library.setChecked(self.settings.get(cfg.CLAIMS_SCOPE_ALL))

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
    def open_path(self, path: str | Path, create: bool = True) -> bool:
        """Open the library at ``path`` (explaining any problem); return True when it is now open."""
        library = open_with_recovery(self, Path(path), create=create)
        if library is None:
            return False
        self.set_library(library)
        return True

    def set_library(self, library: Library | None) -> None:
        """Show ``library`` (closing the previous one); None shows an empty window."""
        if self.importer.busy:
            workers.cancel_all()
        if self.claim_panel is not None:
            self.claim_panel.flush_pending()
        old, self.library = self.library, library
        self.undo_stack.clear()
        self.article_id = self.claim_id = None
        db = library.db if library else None
        self.claims_view.model.set_library(db, library.path if library else None)
        self.claims_view.model.set_article(None, all_claims=self.claims_view.model.shows_all)
        self.library_pane.model.set_library(db)
        self.article_view.set_article(None, [], [])
        self.article_view.set_read_only_date(bool(library and library.readonly))
        self._replace_panel()
        if old is not None and old is not library:
            old.close()
        if library is not None:
            self.settings.add_recent_library(str(library.path))
            self.settings.set(cfg.LAST_LIBRARY, str(library.path))
            self.setWindowFilePath(str(library.path))
        self.exchange.set_library(library)
        self._update_title()
        self.update_summary()
        self._update_actions()

    @Slot(object)
    def _exchange_changed(self, changes: Changes) -> None:
        """Reload after a merge (everything) or a decision (its claim)."""
        if changes.everything:
            self.set_library(self.library)
        else:
            for claim_id in changes.claim_ids:
                self.after_change(self._article_of(claim_id), [claim_id])
            if self.claim_panel is not None and self.claim_id in changes.claim_ids:
                self.claim_panel.set_claim(self.claim_id)

    def _replace_panel(self) -> None:
        if self.library is None:
            panel: QWidget = self._placeholder("Open a library to check claims.")
            self.claim_panel = None
        else:
            panel = self.claim_panel = ClaimPanel(self.library, self.undo_stack, self)
            panel.set_checker_name(self.settings.get(cfg.CHECKER_NAME))
            panel.claimChanged.connect(self._panel_changed_claim)
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

    def update_summary(self) -> None:
        """Say in the status bar what the library holds."""
        if self.library is None:
            self.summary.setText("No library open")
            return
        articles, claims, checked, sources = self.library.db.execute(SUMMARY_SQL).fetchone()
        text = " · ".join([plural(articles, "article"), plural(claims, "claim"), f"{checked:,} checked",
                           plural(sources, "source")])
        if self.library.readonly:
            text += " · read-only"
        self.summary.setText(text)

    @Slot()
    def choose_library(self) -> None:
        """Ask for a library file and open it."""
        start = str(self.library.path.parent) if self.library else ""
        path = dialogs.ask_open_file(self, "Open library", start, LIBRARY_FILTER)
        if path:
            self.open_path(path, create=False)

    @Slot()
    def new_library(self) -> None:
        """Ask where to create a new library and open it."""
        start = str(self.library.path.parent) if self.library else ""
        path = dialogs.ask_save_file(self, "New library", start, LIBRARY_FILTER)
        if path:
            if not Path(path).suffix:
                path += ".sqlite"
            self.open_path(path, create=True)

    @Slot()
    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.get(cfg.RECENT_LIBRARIES)
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p, create=False))
        if not recent:
            self.recent_menu.addAction("No recent libraries").setEnabled(False)

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
        self._load_article_view(keep_scroll=False)
        if not self.claims_view.model.shows_all:
            self.claims_view.model.set_article(article_id)
        if self.claim_panel is not None:
            self.claim_panel.set_claim(None)
        if claim_id:
            self.select_claim(claim_id)
        self._update_actions()

    def _load_article_view(self, keep_scroll: bool) -> None:
        if self.library is None or self.article_id is None:
            self.article_view.set_article(None, [], [])
            return
        db = self.library.db
        try:
            article = articles_store.get_article(db, self.article_id)
        except NotFoundError:
            self.article_id = None
            self.article_view.set_article(None, [], [])
            return
        self.article_view.set_article(article, claims_store.list_claims(db, self.article_id),
                                      claims_store.article_facets(db, self.article_id),
                                      current_claim=self.claim_id, keep_scroll=keep_scroll)

    @Slot(object)
    def _claim_selected_in_table(self, claim_id: str | None) -> None:
        if claim_id is None:
            return
        self._show_claim(claim_id)

    @Slot(str)
    def select_claim(self, claim_id: str) -> None:
        """Select a claim everywhere: the table row, the article highlight, the claim panel."""
        if not self.claims_view.select_claim(claim_id):
            self._show_claim(claim_id)

    def _show_claim(self, claim_id: str) -> None:
        article_id = self._article_of(claim_id)
        if article_id is None:
            return
        if article_id != self.article_id:
            # A claim of another article (whole-library list): bring its article up first.
            self.article_id = article_id
            self.library_pane.select_article(article_id)
            self._load_article_view(keep_scroll=False)
        self.claim_id = claim_id
        self.article_view.set_current_claim(claim_id)
        if self.claim_panel is not None:
            self.claim_panel.set_claim(claim_id)
        self._update_actions()

    def _article_of(self, claim_id: str) -> str | None:
        row = self.claims_view.model.claim_row(claim_id)
        if row is not None:
            return row[ARTICLE]
        if self.library is None:
            return None
        found = self.library.db.execute("SELECT article_id FROM claims WHERE id = ?", [claim_id]).fetchone()
        return found[0] if found else None

    @Slot()
    def _claims_loaded(self) -> None:
        # After a background load the table is new: show the current claim in it again.
        if self.claim_id:
            self.claims_view.select_claim(self.claim_id, emit=False)

    @Slot(bool)
    def _scope_changed(self, everything: bool) -> None:
        self.act_whole_library.setChecked(everything)
        keep = self.claim_id
        self.claims_view.model.set_article(self.article_id, all_claims=everything)
        if keep:
            self.claims_view.select_claim(keep, emit=False)

    @Slot()
    def toggle_scope(self) -> None:
        """Switch the claims table between this article and the whole library."""
        everything = self.act_whole_library.isChecked()
        self.claims_view.set_scope_all(everything)
        self._scope_changed(everything)

    # --- refreshing after changes ----------------------------------------
    def after_change(self, article_id: str | None, claim_ids: list[str]) -> None:
        """Bring every pane up to date after the store changed claims of ``article_id``."""
        if self.library is None:
            return
        model = self.claims_view.model
        if not claim_ids or any(model.row_of(cid) is None for cid in claim_ids):
            # New claims, or a change to many (a date correction): read the rows again.
            model.reload()
        else:
            for cid in claim_ids:
                model.refresh_claim(cid)  # reloads by itself when the claim is gone
        if self.claim_id and self._article_of(self.claim_id) is None:
            self.claim_id = None
            if self.claim_panel is not None:
                self.claim_panel.set_claim(None)
        if self.claim_id:
            self.claims_view.select_claim(self.claim_id, emit=False)
        if article_id:
            self.library_pane.model.refresh_article(article_id)
        if article_id == self.article_id:
            self._load_article_view(keep_scroll=True)
        self.update_summary()
        self._update_actions()

    @Slot(str)
    def _panel_changed_claim(self, claim_id: str) -> None:
        self.after_change(self._article_of(claim_id), [claim_id])

    @Slot(int)
    def _undo_index_changed(self, _index: int) -> None:
        # The panel's commands change claims too; refresh what is on screen cheaply.
        if self.claim_id and self.claims_view.model.row_of(self.claim_id) is not None:
            self.claims_view.model.refresh_claim(self.claim_id)
        if self.article_id:
            self.library_pane.model.refresh_article(self.article_id)
            self._load_article_view(keep_scroll=True)
        self.update_summary()

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
            self.statusBar().showMessage("Rate the claim first (keys 1 to 9), then write why.", 6000)

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
        dialogs.message(self, "info", "Keyboard shortcuts", "Everything can be done from the keyboard:",
                        detail=shortcuts.help_text())

    def _update_actions(self) -> None:
        has_library = self.library is not None
        writable = has_library and not self.library.readonly
        has_article = self.article_id is not None
        has_claim = self.claim_id is not None
        for action in (self.act_import, self.act_paste):
            action.setEnabled(writable)
        self.act_add_claim.setEnabled(writable and has_article and self.article_view.selection_span() is not None)
        for action in (self.act_split, self.act_dismiss):
            action.setEnabled(writable and has_claim)
        self.act_merge.setEnabled(writable)
        self.act_attach.setEnabled(writable and has_claim and self.claim_panel is not None)
        self.act_rationale.setEnabled(writable and has_claim and self.claim_panel is not None)
        for action in self.rate_actions:
            action.setEnabled(writable and has_claim and self.claim_panel is not None)
        self.act_export.setEnabled(has_library)
        # Scales and organisation belong to the library; your name belongs to this computer.
        for action in (self.act_scales, self.act_organisation):
            action.setEnabled(writable)
        for action in (self.act_next, self.act_previous, self.act_whole_library):
            action.setEnabled(has_library)

    # --- import ----------------------------------------------------------
    @Slot()
    def choose_import(self) -> None:
        """Ask for article files and import them."""
        if not self._writable():
            return
        folder = self.settings.get(cfg.IMPORT_FOLDER)
        paths = dialogs.ask_open_files(self, "Import articles", folder, FILE_FILTER)
        if paths:
            self.settings.set(cfg.IMPORT_FOLDER, str(Path(paths[0]).parent))
            self.import_paths(paths)

    def import_paths(self, paths: list[str | Path]) -> workers.Job | None:
        """Import files (several run in a worker, whose Job is returned)."""
        if not self._writable():
            return None
        return self.importer.import_paths(self.library, [Path(p) for p in paths])

    @Slot()
    def paste_article(self) -> None:
        """Import the clipboard's text as a new article."""
        if self._writable():
            self.importer.import_text(self.library, QGuiApplication.clipboard().text())

    @Slot(list, int)
    def _imported(self, outcomes: list[ImportOutcome], asked: int) -> None:
        if self.library is None:
            return
        self.library_pane.reload()
        self.update_summary()
        landed = [o for o in outcomes if o.article_id]
        if landed:
            self.library_pane.select_article(landed[-1].article_id)
        level, text, detail = describe_outcomes(outcomes, asked)
        if level == "info" and len(outcomes) == 1 and outcomes[0].created:
            self.statusBar().showMessage(text, 5000)
        else:
            dialogs.message(self, level, "Import", text, detail=detail)

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
        if self.library is None:
            return
        from factcheck_app.ui.export_dialog import ExportDialog  # imported when first used: quicker start-up

        try:
            ExportDialog(self.library, self, article_ids=[self.article_id] if self.article_id else None).exec()
        except (StoreError, OSError) as exc:
            dialogs.message(self, "error", "Export failed", f"The export could not be written: {exc}")

    @Slot()
    def about(self) -> None:
        """Show the About dialog."""
        from factcheck_app.ui.about_dialog import AboutDialog  # imported when first used: quicker start-up

        dialog = AboutDialog(self.library, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    # --- preferences -----------------------------------------------------
    @Slot()
    def edit_scales(self) -> None:
        """Preferences > Rating Scales; an edited scale is shown at once in the panel and the claims table."""
        if not self._writable():
            return
        from factcheck_app.ui.scales_dialog import run_scales_dialog

        if run_scales_dialog(self.library, self):
            if self.claim_panel is not None:
                self.claim_panel.reload_scales()
            self.claims_view.model.reload_scales()

    @Slot()
    def edit_organisation(self) -> None:
        """Preferences > Organisation (the library's publisher name, address and methodology note)."""
        if not self._writable():
            return
        from factcheck_app.ui.organisation_dialog import run_organisation_dialog

        if run_organisation_dialog(self.library, self):
            self.statusBar().showMessage("Organisation details saved.", 4000)

    @Slot()
    def edit_checker_name(self) -> None:
        """Preferences > Your Name: who checks, adds evidence and reviews at this computer."""
        current = self.settings.get(cfg.CHECKER_NAME)
        name = dialogs.ask_text(self, "Your name", "Your name, as checker and reviewer of verdicts:", current)
        if name is None:
            return
        name = " ".join(name.split()) or cfg.os_user_name()
        if self.claim_panel is not None:
            # Words typed under the previous name are saved as theirs before the name changes.
            self.claim_panel.flush_pending()
        self.settings.set(cfg.CHECKER_NAME, name)
        self.settings.sync()
        if self.claim_panel is not None:
            self.claim_panel.set_checker_name(name)
        self.statusBar().showMessage(f"Working as {name}." if name else "Your name is not set.", 5000)

    @Slot()
    def show_preferences_menu(self) -> None:
        """Offer the three preferences under the mouse (macOS's Preferences… item in the application menu)."""
        self.preferences_menu.popup(self.mapToGlobal(self.rect().center()))

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
