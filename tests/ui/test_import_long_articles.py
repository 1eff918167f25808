"""A long article imported in the app's worker thread is extracted on two cores, with the claims of one."""
from __future__ import annotations

from factcheck_app.extract import parallel
from factcheck_app.store import views

ARTICLE = """Harbour authority cuts {n} jobs

The port authority of Velmora said on Tuesday that it would cut {n} jobs by 2027, blaming a 14 percent
drop in container traffic since 2019. “We have no other choice,” said Dr. Amara Okafor, who has led the
authority since March 2016. Rainfall near Lake Oranmo reached 312 mm in the first quarter of 2023.
"""


def _import(make_window, qtbot, library, paths) -> list[tuple]:
    window = make_window(library)
    with qtbot.waitSignal(window.importer.imported, timeout=60_000):
        assert window.import_paths(paths) is not None
    fields = (views.START, views.END, views.TEXT, views.SCORE, views.KINDS)
    return sorted(tuple(row[i] for i in fields) for row in views.claim_rows_from_file(library))


def test_an_article_imported_in_the_apps_worker_thread_gets_the_claims_of_one_process(make_window, qtbot, tmp_path,
                                                                                      monkeypatch):
    paths = []
    for n in (1200, 340):
        path = tmp_path / f"report-{n}.txt"
        path.write_text("\n\n".join([ARTICLE.format(n=n)] * 8), encoding="utf-8")
        paths.append(path)
    monkeypatch.setenv("FACTCHECK_EXTRACT_WORKERS", "1")
    alone = _import(make_window, qtbot, tmp_path / "one.sqlite", paths)
    monkeypatch.delenv("FACTCHECK_EXTRACT_WORKERS")
    monkeypatch.setenv("FACTCHECK_PARALLEL_MIN_CHARS", "0")  # these short reports count as long
    monkeypatch.setattr(parallel, "_broken", False)
    try:
        shared = _import(make_window, qtbot, tmp_path / "two.sqlite", paths)
        assert parallel._executor is not None  # started from the import's worker thread, and used
    finally:
        parallel.shutdown()
    assert alone and shared == alone
