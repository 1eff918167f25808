"""Report benchmark: HTML for 10,000 claims (goal < 1 s) and PDF for 1,000 claims (goal < 5 s).

    python -m benchmarks.report_bench
    python -m benchmarks.report_bench --articles 50 --claims-per-article 100 --pdf-articles 5

A temporary library is filled with bulk inserts (articles, claims with facets, sources,
evidence, verdicts, and a published-then-corrected history on some claims). In the same run
it times reading those rows straight from SQLite, building the report model from the store,
and rendering: so the figures show what rendering adds to the bare read.
"""
from __future__ import annotations

import argparse
import json
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from factcheck_app.core.ids import new_id
from factcheck_app.reports.html import write_html
from factcheck_app.reports.model import build_report
from factcheck_app.reports.selection import Selection
from factcheck_app.store import open_library
from factcheck_app.store.transaction import write

WORDS = ("council harbour bridge traffic vote survey wheat drought ministry budget report hospital vaccine "
         "inflation tariff pipeline railway school census emissions flood pension court ruling senate").split()
RATINGS = [("True", 6), ("Mostly true", 5), ("Half true", 4), ("Mostly false", 3), ("False", 2),
           ("Pants on fire", 1), ("Unverifiable", 0)]
STANCES = ("supports", "refutes", "context")
NOW = "2026-01-01T00:00:00+00:00"
LATER = "2026-02-01T00:00:00+00:00"


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 22))]
    words.insert(rng.randint(1, 8), f"{rng.randint(2, 99_000):,}")
    return " ".join(words).capitalize() + "."


def fill(db, rng: random.Random, n_articles: int, per_article: int, n_sources: int = 500) -> None:
    """Bulk-insert the benchmark rows in one transaction."""
    articles, claims, facets, verdicts, history, evidence = [], [], [], [], [], []
    sources = [{"id": new_id(), "title": f"Source {i}: {' '.join(rng.choices(WORDS, k=4))}",
                "publisher": f"Publisher {i % 40}", "url": f"https://src.example.org/{i}", "kind": "dataset",
                "reliability": "high", "published": "2025-05-01", "archive_url": f"https://archive.example.org/{i}",
                "tags": "", "created_at": NOW, "updated_at": NOW} for i in range(n_sources)]
    for a in range(n_articles):
        article_id = new_id()
        sentences = [_sentence(rng) for _ in range(per_article + 5)]
        body = f"Benchmark article {a}\n\n" + " ".join(sentences)
        articles.append({"id": article_id, "title": f"Benchmark article {a}", "outlet": f"Outlet {a % 7}",
                         "author": "A. Writer", "url": f"https://news.example.org/{a}", "published": "2025-06-01",
                         "body": body, "source_name": f"a{a}.txt", "content_hash": new_id(), "imported_at": NOW})
        offset = len(f"Benchmark article {a}\n\n")
        for s, text in enumerate(sentences):
            start, end = offset, offset + len(text)
            offset = end + 1
            if s >= per_article:
                continue
            claim_id = new_id()
            claims.append({"id": claim_id, "article_id": article_id, "start_offset": start, "end_offset": end,
                           "text": text, "score": 0.8, "status": "checked", "origin": "automatic",
                           "created_at": NOW, "updated_at": NOW})
            number = text.split()[1] if text.split()[1][0].isdigit() else text.split()[0]
            at = text.find(number)
            facets.append({"id": new_id(), "claim_id": claim_id, "kind": "quantity", "start_offset": start + at,
                           "end_offset": start + at + len(number), "text": number, "value": number.replace(",", ""),
                           "unit": "people", "speaker": None, "subtype": "count", "vague": 0})
            facets.append({"id": new_id(), "claim_id": claim_id, "kind": "date", "start_offset": start,
                           "end_offset": start + 4, "text": text[:4], "value": "2025-05", "unit": None,
                           "speaker": None, "subtype": "date", "vague": 0})
            for _ in range(2):
                evidence.append({"id": new_id(), "claim_id": claim_id, "source_id": rng.choice(sources)["id"],
                                 "stance": rng.choice(STANCES), "excerpt": " ".join(rng.choices(WORDS, k=15)),
                                 "locator": f"p. {rng.randint(1, 300)}", "note": None, "added_by": "bench",
                                 "added_at": NOW, "updated_at": NOW})
            rating = rng.choice(RATINGS)[0]
            published = rng.random() < 0.2
            verdicts.append({"id": new_id(), "claim_id": claim_id, "scale": "truth", "rating": rating,
                             "rationale": " ".join(rng.choices(WORDS, k=25)), "checker": "A. Checker",
                             "reviewer": "B. Editor", "status": "published" if published else "reviewed",
                             "created_at": NOW, "updated_at": LATER if published else NOW,
                             "published_at": NOW if published else None})
            history.append({"id": new_id(), "claim_id": claim_id, "changed_at": NOW, "changed_by": "A. Checker",
                            "from_rating": None, "to_rating": rating, "from_status": None,
                            "to_status": "published" if published else "reviewed", "scale": "truth", "why": None})
            if published:
                history.append({"id": new_id(), "claim_id": claim_id, "changed_at": LATER, "changed_by": "B. Editor",
                                "from_rating": "True", "to_rating": rating, "from_status": "published",
                                "to_status": "published", "scale": "truth", "why": "New figures."})
    with write(db):
        for table, rows in (("sources", sources), ("articles", articles), ("claims", claims), ("facets", facets),
                            ("evidence", evidence), ("verdicts", verdicts), ("verdict_history", history)):
            db[table].insert_all(rows, batch_size=2000)


RAW_SQL = """
SELECT c.*, v.rating, v.rationale, v.status AS vstatus,
  (SELECT json_group_array(f.text || '=' || coalesce(f.value, '')) FROM facets f WHERE f.claim_id = c.id) AS facets,
  (SELECT json_group_array(s.title || '|' || e.stance || '|' || coalesce(e.excerpt, ''))
     FROM evidence e JOIN sources s ON s.id = e.source_id WHERE e.claim_id = c.id) AS sources
FROM claims c JOIN verdicts v ON v.claim_id = c.id
WHERE c.article_id IN (SELECT value FROM json_each(?))
ORDER BY c.article_id, c.start_offset
"""


class Clock:
    """Wall-clock and CPU seconds of one step (CPU time is steadier on a shared machine)."""

    def __init__(self, wall: float, cpu: float) -> None:
        self.wall, self.cpu = wall, cpu

    def __add__(self, other: "Clock") -> "Clock":
        return Clock(self.wall + other.wall, self.cpu + other.cpu)

    def __format__(self, spec: str) -> str:
        return f"{self.wall:6.3f} s wall, {self.cpu:6.3f} s CPU"


def timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return value, Clock(time.perf_counter() - wall, time.process_time() - cpu)


def raw_read(path: Path, article_ids: list[str]) -> int:
    """Read the same claims, verdicts, facets and sources with plain sqlite3 (the floor for any report)."""
    conn = sqlite3.connect(path)
    try:
        return len(conn.execute(RAW_SQL, [json.dumps(article_ids)]).fetchall())
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> None:
    """Build the library, then time reading and rendering; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--claims-per-article", type=int, default=100)
    parser.add_argument("--pdf-articles", type=int, default=10, help="articles in the PDF run (100 claims each)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "bench.sqlite"
        with open_library(path) as lib:
            _, load = timed(lambda: fill(lib.db, random.Random(7), args.articles, args.claims_per_article))
            all_ids = [r[0] for r in lib.db.execute("SELECT id FROM articles ORDER BY rowid")]
            n_claims = lib.db.execute("SELECT count(*) FROM claims").fetchone()[0]
            print(f"library: {args.articles} articles, {n_claims:,} claims, bulk-loaded in {load.wall:.2f} s")

            rows, raw = timed(lambda: raw_read(path, all_ids))
            report, model = timed(lambda: build_report(lib.db, Selection()))
            _, html = timed(lambda: write_html(report, folder / "all.html"))
            size = (folder / "all.html").stat().st_size
            _figures(f"HTML, {report['summary']['claims']:,} claims ({size / 1e6:.1f} MB)", rows, raw, model,
                     "render + write HTML", html, goal=1.0)

            pdf_ids = all_ids[: args.pdf_articles]
            from factcheck_app.reports.pdf import ensure_gui_application, write_pdf

            ensure_gui_application()
            rows, raw = timed(lambda: raw_read(path, pdf_ids))
            report, model = timed(lambda: build_report(lib.db, Selection(article_ids=pdf_ids)))
            _, pdf = timed(lambda: write_pdf(report, folder / "part.pdf"))
            from pypdf import PdfReader  # only to count the pages; a test extra

            count = len(PdfReader(str(folder / "part.pdf")).pages)
            _figures(f"PDF, {report['summary']['claims']:,} claims ({count} A4 pages)", rows, raw, model,
                     "lay out + print PDF", pdf, goal=5.0)


def _figures(title: str, rows: int, read: Clock, build: Clock, step: str, render: Clock, goal: float) -> None:
    """Print one run's figures; the goal is for the whole report (build + render), by CPU and by wall time."""
    total = build + render
    print(title)
    print(f"  read rows (plain sqlite3)  {read}  ({rows:,} rows)")
    print(f"  build report from store    {build}")
    print(f"  {step:<26} {render}")
    print(f"  total (build + render)     {total}")
    print(f"  ratio render / read        {render.cpu / read.cpu:6.1f} x CPU   (total / read {total.cpu / read.cpu:.1f} x)")
    verdict = "met" if total.cpu < goal else "NOT met"
    print(f"  goal total < {goal:g} s: {verdict} by CPU time"
          f" ({'met' if total.wall < goal else 'not met'} by wall time, which counts other load on the machine)")


if __name__ == "__main__":
    main()
