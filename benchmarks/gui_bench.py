"""GUI benchmark: a library of 20,000 articles and 200,000 claims in the main window.

    python -m benchmarks.gui_bench              # the issue's scale
    python -m benchmarks.gui_bench --scale 0.1  # a quicker look
    python -m benchmarks.gui_bench --opening    # window-ready on an empty and on a ~1 GB library,
                                                # and the first open of a day (the daily copy)

Builds the library with sqlite-utils insert_all into a temporary file, then reports in
one run: window-ready time against a bare QMainWindow, scrolling the library table to
the end, loading every claim, filter times over all claims (goal < 50 ms), and source
search time (goal < 50 ms). Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from factcheck_app.store import open_library  # noqa: E402
from factcheck_app.store.bulk import bulk_load  # noqa: E402
from factcheck_app.store.search import search_sources  # noqa: E402

WORDS = (
    "minister budget report council harbour bridge traffic election vote survey wheat drought missile airfield "
    "ceasefire refugees hospital vaccine inflation tariff export pipeline reactor satellite border police court "
    "ruling senate bill tax deficit unemployment census emissions coal solar flood earthquake port railway "
    "strike union wage pension school teacher university research study agency statement spokesperson official"
).split()
OUTLETS = ["Northern Ledger", "Plainsview Herald", "Harbour Times", "Daily Record", "Evening Post"]
FACET_KINDS = ["date", "quantity", "place", "quote", "entity"]
STATUSES = ["open"] * 6 + ["in_progress", "checked", "dismissed"]
NOW = "2026-01-01T00:00:00+00:00"


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def build(path: Path, articles: int, claims_per_article: int, sources: int, seed: int = 7) -> float:
    """Create the library at ``path``; return the seconds it took."""
    rng = random.Random(seed)
    started = time.perf_counter()
    with open_library(path) as lib:
        db = lib.db
        article_rows, claim_rows, facet_rows = [], [], []
        for a in range(articles):
            article_id = f"a{a:06d}"
            sentences = [_sentence(rng, rng.randint(12, 24)) for _ in range(claims_per_article + 4)]
            body = "\n\n".join(sentences)
            article_rows.append({
                "id": article_id, "title": f"{_sentence(rng, 7)[:-1]} ({a})", "outlet": rng.choice(OUTLETS),
                "author": None, "url": None, "published": f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-"
                f"{rng.randint(1, 28):02d}", "body": body, "source_name": f"{article_id}.txt",
                "content_hash": f"hash-{article_id}", "imported_at": NOW,
            })
            offset = 0
            for c, sentence in enumerate(sentences):
                start, end = offset, offset + len(sentence)
                offset = end + 2
                if c >= claims_per_article:
                    continue
                claim_id = f"{article_id}-c{c:02d}"
                claim_rows.append({
                    "id": claim_id, "article_id": article_id, "start_offset": start, "end_offset": end,
                    "text": sentence, "score": round(rng.random(), 3), "status": rng.choice(STATUSES),
                    "origin": "automatic", "dismiss_reason": None, "created_at": NOW, "updated_at": NOW,
                })
                for f in range(2):
                    kind = rng.choice(FACET_KINDS)
                    facet_rows.append({
                        "id": f"{claim_id}-f{f}", "claim_id": claim_id, "kind": kind, "start_offset": start + f * 5,
                        "end_offset": start + f * 5 + 4, "text": sentence[f * 5:f * 5 + 4], "value": "2017-W14",
                        "unit": None, "speaker": None, "subtype": None, "vague": 0,
                    })
        bulk_load(db, "articles", article_rows)
        bulk_load(db, "claims", claim_rows)
        bulk_load(db, "facets", facet_rows)
        bulk_load(db, "sources", ({
            "id": f"s{s:06d}", "title": f"{_sentence(rng, 6)[:-1]} {s}", "publisher": rng.choice(OUTLETS),
            "kind": "other", "reliability": "unknown", "tags": "", "notes": _sentence(rng, 10),
            "created_at": NOW, "updated_at": NOW,
        } for s in range(sources)))
        db.execute("ANALYZE")
    return time.perf_counter() - started


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def _settle(app) -> None:
    for _ in range(3):
        app.processEvents()


def run(path: Path) -> None:
    """Open the library in the window and print the timings."""
    from PySide6.QtWidgets import QMainWindow

    from factcheck_app.ui.app import application

    app = application()
    started = time.perf_counter()
    bare = QMainWindow()
    bare.resize(1400, 900)
    bare.show()
    _settle(app)
    bare_ready = time.perf_counter() - started
    bare.close()

    open_library(path, create=False).close()  # a first open warms the file cache for both timings below
    started = time.perf_counter()
    open_library(path, create=False).close()
    opening = time.perf_counter() - started

    window, ready = _open_window(app, path)
    print(f"bare QMainWindow ready         {_ms(bare_ready)}")
    print(f"main window ready (library)    {_ms(ready)}   ({window.summary.text()})")
    print(f"  of which the store's open    {_ms(opening)}   (open_library alone: file checks, scales)")

    table = window.library_pane.table
    started = time.perf_counter()
    steps = 0
    bar = table.verticalScrollBar()
    while bar.value() < bar.maximum() and steps < 400:
        bar.setValue(bar.value() + bar.pageStep() * 25)
        app.processEvents()
        steps += 1
    scroll = time.perf_counter() - started
    print(f"scroll library to the end      {_ms(scroll)}   ({steps} jumps of 25 pages, "
          f"{_ms(scroll / max(steps, 1)).strip()} each)")

    from PySide6.QtCore import QEventLoop

    model = window.claims_view.model
    loop = QEventLoop()
    model.loaded.connect(loop.quit)
    started = time.perf_counter()
    window.acts.act_whole_library.setChecked(True)
    window.toggle_scope()
    blocked = time.perf_counter() - started
    if model.loading:
        loop.exec()
    _settle(app)
    load_all = time.perf_counter() - started
    proxy = window.claims_view.proxy
    print(f"load all claims (worker)       {_ms(load_all)}   ({proxy.rowCount():,} rows; GUI thread busy "
          f"{_ms(blocked).strip()} to start it)")

    def timed(label: str, **filters) -> None:
        times = []
        for _ in range(5):
            proxy.clear_filters()
            t = time.perf_counter()
            proxy.set_filters(**filters)
            times.append(time.perf_counter() - t)
        print(f"filter {label:<23} {_ms(statistics.median(times))}   ({proxy.rowCount():,} rows kept; goal < 50 ms)")

    proxy.sourceModel().folded_texts()  # built once per load, like the first keystroke does
    timed("text 'harbour'", text="harbour")
    timed("text 'vote bridge'", text="vote bridge")
    timed("kind quote", kind="quote")
    timed("status checked", status="checked")
    timed("text + kind + status", text="council", kind="date", status="open")
    proxy.clear_filters()
    steps = []
    for typed in ("h", "ha", "har", "harb", "harbo", "harbou", "harbour", "harbour v", "harbour vo", "harbour vote"):
        t = time.perf_counter()
        proxy.set_filters(text=typed)
        steps.append(time.perf_counter() - t)
    print(f"typing 'harbour vote' per key  {_ms(statistics.median(steps))}   (first key {_ms(steps[0]).strip()}, "
          f"slowest {_ms(max(steps)).strip()}; {proxy.rowCount():,} rows kept)")
    started = time.perf_counter()
    proxy.clear_filters()
    proxy.sort(2)
    print(f"sort all claims by score       {_ms(time.perf_counter() - started)}")

    db = window.library.db
    times = []
    for query in ("harbour", "minister budget", "vote", "coun", "railway strike union", "report 12"):
        t = time.perf_counter()
        hits = search_sources(db, query, 20)
        times.append(time.perf_counter() - t)
    print(f"source search (median of {len(times)})    {_ms(statistics.median(times))}   "
          f"(max {_ms(max(times)).strip()}, last query {len(hits)} hits; goal < 50 ms)")
    window.close()
    app.processEvents()


def _open_window(app, path: Path):
    """Return a new main window showing ``path`` with its first article selected, and the seconds it took."""
    from factcheck_app.ui.main_window import MainWindow
    from factcheck_app.ui.settings import Settings

    started = time.perf_counter()
    window = MainWindow(Settings())
    window.resize(1400, 900)
    window.show()
    window.open_path(path, create=False)
    window.select_first_content()
    _settle(app)
    return window, time.perf_counter() - started


def window_ready(app, path: Path) -> float:
    """Return the seconds from a new main window to one showing ``path`` with its first article selected."""
    window, took = _open_window(app, path)
    window.close()
    window.deleteLater()
    _settle(app)
    return took


def _median_ready(app, path: Path, runs: int) -> tuple[float, float]:
    """Return the median window-ready time and the median open_library time over ``runs`` opens."""
    ready = [window_ready(app, path) for _ in range(runs)]
    opens = []
    for _ in range(runs):
        started = time.perf_counter()
        open_library(path, create=False).close()
        opens.append(time.perf_counter() - started)
    return statistics.median(ready), statistics.median(opens)


def build_large(path: Path, scale: float) -> float:
    """Build a library with the store benchmark's rows and bulk loader (scale 2: about 1 GB); return seconds."""
    from benchmarks.store_bench import generate, load_with_store

    started = time.perf_counter()
    load_with_store(path, generate(scale))
    return time.perf_counter() - started


def opening(folder: Path, large: Path, scale: float, runs: int) -> None:
    """Print window-ready times on an empty and on a large library (goal: within 2x), and the
    first open after an unclean shutdown (the full integrity check)."""
    from factcheck_app.store.sessions import this_host
    from factcheck_app.ui.app import application

    app = application()
    empty = folder / "empty.sqlite"
    open_library(empty).close()
    if not large.exists():
        took = build_large(large, scale)
        print(f"built the large library in {took:.0f} s")
    print(f"large library: {large.stat().st_size / 2**20:,.0f} MiB")
    started = time.perf_counter()
    with open_library(large, create=False) as lib:  # a command's open makes the day's copy itself
        made = bool(lib.backups)
    print(f"command-line open              {_ms(time.perf_counter() - started)}   "
          f"({'the day' + chr(39) + 's copy made by the open' if made else 'a copy of today already there'})")
    window_ready(app, empty)  # warm-up: Qt's first window pays for fonts and styles
    empty_ready, empty_open = _median_ready(app, empty, runs)
    large_ready, large_open = _median_ready(app, large, runs)
    print(f"window ready, empty library    {_ms(empty_ready)}   (open_library {_ms(empty_open).strip()})")
    print(f"window ready, large library    {_ms(large_ready)}   (open_library {_ms(large_open).strip()})")
    print(f"large / empty                  {large_ready / empty_ready:8.2f}x   (goal: at most 2x; median of {runs})")
    # After the timings above: writing a gigabyte's copy leaves the disk busy for a while.
    first_open_of_a_day(app, large)
    # A marker of a process that is gone: what a crash leaves; the next open runs the full check.
    marker = large.parent / f".{large.name}.open.{this_host()}.999999999"
    marker.write_text("left by a crashed session\n")
    started = time.perf_counter()
    open_library(large, create=False).close()
    print(f"open after an unclean shutdown {_ms(time.perf_counter() - started)}   (full integrity check)")


def first_open_of_a_day(app, large: Path) -> None:
    """Print window-ready on the first open of a day, how long the daily copy then takes in its worker,
    and the longest pause of the GUI thread meanwhile; the copy is removed afterwards."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from factcheck_app.store.daily_backup import DAY_SECONDS, daily_backups

    copies = daily_backups(large)
    restore = [(path, path.stat().st_mtime) for path in copies[:1]]
    for path, mtime in restore:  # yesterday's copy, as far as the app can tell
        os.utime(path, (mtime - DAY_SECONDS - 60, mtime - DAY_SECONDS - 60))
    window, ready = _open_window(app, large)
    backup = getattr(window, "daily_backup", None)
    if backup is None or not backup.running:
        print(f"window ready, first open of a day {_ms(ready)}   (the copy made before the window was ready)")
    else:
        clock, longest = QElapsedTimer(), [0]
        ticker = QTimer()
        ticker.setInterval(10)

        def tick() -> None:
            longest[0] = max(longest[0], clock.restart())

        ticker.timeout.connect(tick)
        loop = QEventLoop()
        backup.job.signals.done.connect(loop.quit)
        started = time.perf_counter()
        clock.start()
        ticker.start()
        if backup.running:
            loop.exec()
        copied = time.perf_counter() - started
        during, longest[0] = longest[0], 0
        QTimer.singleShot(int(copied * 1000), loop.quit)  # as long again with no copy running
        loop.exec()
        ticker.stop()
        print(f"window ready, first open of a day {_ms(ready)}   (the copy then made in a worker)")
        print(f"  daily copy in the worker     {_ms(copied)}   (longest GUI-thread pause meanwhile "
              f"{during} ms, as long again without it {longest[0]} ms; timer every 10 ms)")
    window.close()
    window.deleteLater()
    _settle(app)
    for path in set(daily_backups(large)) - set(copies):
        path.unlink()
    for path, mtime in restore:
        os.utime(path, (mtime, mtime))


def main() -> None:
    """Build the library, open it, print figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of 20,000 articles / 200,000 claims")
    parser.add_argument("--keep", metavar="PATH", help="build the library here and keep it")
    parser.add_argument("--opening", action="store_true",
                        help="only window-ready times: an empty library against a large one built with the "
                        "store benchmark's bulk loader")
    parser.add_argument("--large-scale", type=float, default=2.0,
                        help="with --opening: the store benchmark's scale for the large library (2: about 1 GB)")
    parser.add_argument("--runs", type=int, default=5, help="with --opening: opens per library (median)")
    args = parser.parse_args()
    if args.opening:
        with tempfile.TemporaryDirectory() as folder:
            os.environ["FACTCHECK_CONFIG_DIR"] = str(Path(folder) / "config")
            large = Path(args.keep) if args.keep else Path(folder) / "large.sqlite"
            opening(Path(folder), large, args.large_scale, args.runs)
        return
    articles = max(10, int(20_000 * args.scale))
    with tempfile.TemporaryDirectory() as folder:
        # Fresh settings: a remembered window layout or claims scope would change what is measured.
        os.environ["FACTCHECK_CONFIG_DIR"] = str(Path(folder) / "config")
        path = Path(args.keep) if args.keep else Path(folder) / "bench.sqlite"
        if not path.exists():
            took = build(path, articles, 10, max(100, int(10_000 * args.scale)))
            print(f"built {articles:,} articles, {articles * 10:,} claims in {took:.1f} s "
                  f"({path.stat().st_size / 1e6:.0f} MB)")
        run(path)


if __name__ == "__main__":
    main()
