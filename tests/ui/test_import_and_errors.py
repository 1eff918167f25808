"""Importing files (one, many in a worker, bad ones, duplicates) and libraries that cannot be opened."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from factcheck_app.store.backup import automatic_backup
from factcheck_app.store.library import open_library
from factcheck_app.ui import error_handling
from factcheck_app.ui.dialogs.library_opening import OPEN_READ_ONLY, RESTORE_BACKUP

ARTICLE = """{title}

The council said on Tuesday that {n} new homes were built in 2023, compared with 310 in 2022.
"""


def write_articles(folder, count):
    paths = []
    for i in range(count):
        path = folder / f"article-{i}.txt"
        path.write_text(ARTICLE.format(title=f"Housing report number {i}", n=400 + i), encoding="utf-8")
        paths.append(path)
    return paths


def test_many_files_import_in_a_worker_and_a_bad_one_is_reported(make_window, tmp_path, qtbot, dialog_log):
    window = make_window(tmp_path / "lib.sqlite")
    paths = write_articles(tmp_path, 3)
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    empty = tmp_path / "empty.md"
    empty.write_text("   \n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=30_000):
        job = window.import_paths([paths[0], bad, paths[1], empty, paths[2]])
        assert job is not None
    assert window.library_pane.model.rowCount() == 3
    call = dialog_log.calls[-1]
    assert call["level"] == "warning"
    assert "Imported 3 of 5 files" in call["text"]
    assert "photo.txt" in call["detail"] and "empty.md" in call["detail"]
    assert "Traceback" not in dialog_log.texts()


def test_a_duplicate_says_already_in_the_library_and_selects_it(make_window, tmp_path, dialog_log):
    window = make_window(tmp_path / "lib.sqlite")
    first, second = write_articles(tmp_path, 2)
    window.import_paths([first])
    window.import_paths([second])
    first_id = window.library.db.execute("SELECT id FROM articles WHERE source_name = ?", [first.name]).fetchone()[0]
    window.import_paths([first])
    assert "already in the library" in dialog_log.calls[-1]["text"]
    assert window.article_id == first_id
    assert window.library_pane.current_article_id() == first_id
    assert window.library_pane.model.rowCount() == 2


def test_a_pipe_is_refused_rather_than_read(make_window, tmp_path, dialog_log):
    import os

    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)  # reading it would block the import worker for ever
    window = make_window(tmp_path / "lib.sqlite")
    window.import_paths([fifo])
    assert "not a regular file" in dialog_log.calls[-1]["detail"]


def test_a_bad_single_file_gives_a_clear_dialog(make_window, tmp_path, dialog_log):
    window = make_window(tmp_path / "lib.sqlite")
    window.import_paths([tmp_path / "missing.html"])
    call = dialog_log.calls[-1]
    assert call["level"] == "error"
    assert "missing.html could not be imported" in call["text"]
    assert "no such file" in call["detail"]
    assert window.library is not None


def test_cancelled_batch_stops_between_files(make_window, tmp_path, qtbot, dialog_log):
    window = make_window(tmp_path / "lib.sqlite")
    paths = write_articles(tmp_path, 6)
    with qtbot.waitSignal(window.importer.imported, timeout=30_000):
        job = window.import_paths(paths)
        job.cancel()
    imported = window.library_pane.model.rowCount()
    assert imported < 6
    if imported < 6:
        assert "cancelled" in dialog_log.calls[-1]["text"]


def test_dropping_files_imports_them(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "lib.sqlite")
    (path,) = write_articles(tmp_path, 1)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.library_pane.model.rowCount() == 1


def test_damaged_library_offers_the_latest_backup(make_window, sample_library, dialog_log):
    with open_library(sample_library) as lib:
        automatic_backup(lib.db.conn, sample_library, "test")
    for side in ("-wal", "-shm"):
        sample_library.with_name(sample_library.name + side).unlink(missing_ok=True)
    sample_library.write_bytes(b"this is not a database at all" * 100)
    window = make_window()
    dialog_log.answers.append(RESTORE_BACKUP)
    assert window.open_path(sample_library, create=False)
    assert RESTORE_BACKUP in dialog_log.calls[-1]["buttons"]
    assert window.library_pane.model.rowCount() == 2
    kept = list(sample_library.parent.glob("sample.sqlite.replaced-*"))
    assert kept, "the damaged file is kept aside"


def test_damaged_library_without_backup_keeps_the_app_running(make_window, tmp_path, dialog_log):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"junk" * 100)
    window = make_window()
    assert not window.open_path(path, create=False)
    assert dialog_log.calls[-1]["level"] == "error"
    assert "not a Factcheck Desk library" in dialog_log.calls[-1]["text"]
    assert path.read_bytes() == b"junk" * 100
    assert window.library is None
    assert window.summary.text() == "No library open"


def test_read_only_library_can_be_opened_read_only(make_window, sample_library, dialog_log, monkeypatch):
    from factcheck_app.store.errors import StoreReadOnlyError
    from factcheck_app.ui.dialogs import library_opening

    real_open = library_opening.open_library

    def open_refusing_writes(path, create=True, readonly=False, daily_backup=True):
        # Stands in for a file on a read-only share (tests may run as root, where chmod does not bite).
        if not readonly:
            raise StoreReadOnlyError(f"{path} is read-only; open it read-only or copy it somewhere writable.")
        return real_open(path, create=create, readonly=True)

    monkeypatch.setattr(library_opening, "open_library", open_refusing_writes)
    window = make_window()
    dialog_log.answers.append(OPEN_READ_ONLY)
    assert window.open_path(sample_library, create=False)
    assert OPEN_READ_ONLY in dialog_log.calls[-1]["buttons"]
    assert window.library.readonly
    assert "read-only" in window.windowTitle()
    assert not window.acts.act_import.isEnabled()
    window.library_pane.select_first()
    window.correct_published("2001-01-01")
    assert window.undo_stack.count() == 0
    assert window.library.db.execute("SELECT count(*) FROM articles WHERE published = '2001-01-01'").fetchone()[0] == 0


def test_read_only_refused_keeps_the_window_empty(make_window, sample_library, dialog_log, monkeypatch):
    from factcheck_app.store.errors import StoreReadOnlyError
    from factcheck_app.ui.dialogs import library_opening

    def refuse(path, create=True, readonly=False, daily_backup=True):
        raise StoreReadOnlyError("The library is read-only here.")

    monkeypatch.setattr(library_opening, "open_library", refuse)
    window = make_window()
    dialog_log.answers.append("Cancel")
    assert not window.open_path(sample_library, create=False)
    assert window.library is None


def test_unexpected_errors_are_logged_and_shown_once(main_window, dialog_log):
    reporter = error_handling.UnexpectedErrorReporter(lambda: main_window)
    error_handling.setup_logging()
    for _ in range(2):
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError as exc:
            reporter(type(exc), exc, exc.__traceback__)
    assert len(dialog_log.calls) == 1
    assert "Traceback" not in dialog_log.texts()
    assert "keeps running" in dialog_log.calls[0]["text"]
    for handler in error_handling.log.handlers:
        handler.flush()
    logged = error_handling.log_path().read_text(encoding="utf-8")
    assert logged.count("boom in a slot") >= 2
    assert "Traceback" in logged


def test_a_page_read_by_the_fallback_is_announced(make_window, tmp_path, dialog_log, monkeypatch):
    import sys

    page = tmp_path / "page.html"
    page.write_text("<html><body><form><h1>Housing report</h1><p>" + ARTICLE.format(title="", n=420)
                    + "</p></form></body></html>", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # the main-text reader cannot load
    window = make_window(tmp_path / "lib.sqlite")
    window.import_paths([page])
    call = dialog_log.calls[-1]
    assert call["level"] == "warning"
    assert "read as HTML fallback" in call["text"]
    assert "could not be loaded" in call["detail"]
    assert window.library_pane.model.rowCount() == 1


def test_a_single_import_names_its_reader(make_window, tmp_path, dialog_log):
    page = tmp_path / "page.html"
    page.write_text('<html><head><meta property="article:published_time" content="2023-05-02T09:00:00+01:00"></head>'
                    "<body><h1>Housing report</h1><p>" + ARTICLE.format(title="", n=420) + "</p></body></html>",
                    encoding="utf-8")
    window = make_window(tmp_path / "lib.sqlite")
    window.import_paths([page])
    assert not dialog_log.calls  # all went well: a status-bar message, no dialog
    assert window.statusBar().currentMessage() == "Imported Housing report, read as HTML main text (trafilatura)."
