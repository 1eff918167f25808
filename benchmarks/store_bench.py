"""Store benchmark: bulk load, full-text search latency, durable verdict writes and file size.

    python -m benchmarks.store_bench            # the issue's scale (100k sources, 20k articles, 200k claims, 1M evidence)
    python -m benchmarks.store_bench --scale 0.1

The same generated rows are loaded twice in one run: through the store (sqlite-utils
insert_all in one transaction) and with plain sqlite3 executemany into an identical
schema, so the ratio shows what the store's layer costs.
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from factcheck_app.store import open_library
from factcheck_app.store.bulk import bulk_load
from factcheck_app.store.search import search
from factcheck_app.ops.verdicts import set_verdict

WORDS = (
    "minister budget report council harbour bridge traffic election vote survey wheat drought missile airfield "
    "ceasefire refugees hospital vaccine inflation tariff export pipeline reactor satellite border police court "
    "ruling senate bill tax deficit unemployment census emissions coal solar flood earthquake port railway "
    "strike union wage pension school teacher university research study agency statement spokesperson official "
    "document dataset record interview archive treaty summit sanctions embassy army navy troops casualties"
).split()
PUBLISHERS = ["Ministry of Finance", "Statistics Office", "Reuters", "Associated Press", "City Council",
              "National Archive", "World Bank", "University Press", "Court Records", "Health Agency"]
KINDS = ["official record", "news report", "expert", "dataset", "social post"]
STANCES = ["supports", "refutes", "context"]
NOW = "2026-01-01T00:00:00+00:00"


SYLLABLES = "ka lo mi ra tu ven sor bel an dri pol nek sta vo ril ga ben tor sim lu".split()


def _names(rng: random.Random, n: int) -> list[str]:
    """Invent ``n`` distinct name-like words (people, places, bodies): what makes real searches selective."""
    names: set[str] = set()
    while len(names) < n:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(names)


NAMES = _names(random.Random(3), 30_000)


def _text(rng: random.Random, n: int) -> str:
    """Return n words: mostly common news words, about one in four a name drawn with a Zipf-like skew."""
    words = []
    for _ in range(n):
        if rng.random() < 0.25:
            words.append(NAMES[min(int(rng.paretovariate(0.7)) - 1, len(NAMES) - 1)])
        else:
            words.append(rng.choice(WORDS))
    return " ".join(words)


def generate(scale: float, seed: int = 7) -> dict[str, list[dict]]:
    """Return generated rows for sources, articles, claims and evidence at the given scale."""
    rng = random.Random(seed)
    n_sources, n_articles = int(100_000 * scale), int(20_000 * scale)
    n_claims, n_evidence = int(200_000 * scale), int(1_000_000 * scale)
    sources = [
        {"id": f"s{i:07d}", "title": _text(rng, 6).capitalize(), "url": f"https://example.org/{i}",
         "publisher": rng.choice(PUBLISHERS), "kind": rng.choice(KINDS), "reliability": "unknown",
         "notes": _text(rng, 12), "tags": ", ".join(rng.sample(WORDS, 2)), "published": "2024-05-01",
         "created_at": NOW, "updated_at": NOW}
        for i in range(n_sources)
    ]
    articles = [
        {"id": f"a{i:07d}", "title": _text(rng, 8).capitalize(), "outlet": rng.choice(PUBLISHERS),
         "published": "2024-05-01", "body": _text(rng, 150), "content_hash": f"h{i:07d}", "imported_at": NOW}
        for i in range(n_articles)
    ]
    claims = [
        {"id": f"c{i:07d}", "article_id": f"a{i % n_articles:07d}", "start_offset": 0, "end_offset": 80,
         "text": _text(rng, 14), "score": rng.random(), "status": "open", "origin": "automatic",
         "created_at": NOW, "updated_at": NOW}
        for i in range(n_claims)
    ]
    evidence = [
        {"id": f"e{i:08d}", "claim_id": f"c{i % n_claims:07d}", "source_id": f"s{rng.randrange(n_sources):07d}",
         "stance": rng.choice(STANCES), "excerpt": _text(rng, 10), "added_at": NOW, "updated_at": NOW}
        for i in range(n_evidence)
    ]
    return {"sources": sources, "articles": articles, "claims": claims, "evidence": evidence}


def load_with_store(path: Path, data: dict[str, list[dict]]) -> float:
    """Load through the store; return seconds."""
    with open_library(path) as lib:
        started = time.perf_counter()
        for table in ("sources", "articles", "claims", "evidence"):
            bulk_load(lib.db, table, data[table])
        return time.perf_counter() - started


def load_with_sqlite3(path: Path, data: dict[str, list[dict]]) -> float:
    """Load the same rows with plain executemany into an identical, empty schema; return seconds."""
    open_library(path).close()
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    for table in ("sources", "articles", "claims", "evidence"):
        rows = data[table]
        cols = list(rows[0])
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        conn.executemany(sql, ([r[c] for c in cols] for r in rows))
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def percentile(values: list[float], p: float) -> float:
    """Return the p-th percentile (0-100) of values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full row counts (default 1)")
    args = parser.parse_args()
    data = generate(args.scale)
    total_rows = sum(len(v) for v in data.values())
    print(f"rows: {', '.join(f'{k} {len(v):,}' for k, v in data.items())} ({total_rows:,} in all)")
    with tempfile.TemporaryDirectory() as tmp:
        store_file, plain_file = Path(tmp) / "store.sqlite", Path(tmp) / "plain.sqlite"
        t_plain = load_with_sqlite3(plain_file, data)
        t_store = load_with_store(store_file, data)
        rate_store, rate_plain = total_rows / t_store, total_rows / t_plain
        print(f"bulk load, store (sqlite-utils):  {t_store:7.2f} s  {rate_store:,.0f} rows/s")
        print(f"bulk load, plain sqlite3:         {t_plain:7.2f} s  {rate_plain:,.0f} rows/s")
        print(f"store rate / plain rate:          {rate_store / rate_plain:.2f}  (goal >= 0.50)")
        del data
        with open_library(store_file) as lib:
            rng = random.Random(11)
            # Queries are sampled from stored texts (two of a row's words, as a checker types them).
            texts = [r[0] for r in lib.db.execute(
                "SELECT title FROM sources ORDER BY random() LIMIT 100")] + [r[0] for r in lib.db.execute(
                "SELECT excerpt FROM evidence ORDER BY random() LIMIT 100")]
            queries = [" ".join(rng.sample(t.split(), 2)) for t in texts]
            for q in queries[:10]:
                search(lib.db, q)
            times, cpu = [], []
            for q in queries:
                started, started_cpu = time.perf_counter(), time.process_time()
                search(lib.db, q, limit=20)
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            print(f"FTS search over 200 queries:      median {statistics.median(times):.2f} ms, "
                  f"p95 {percentile(times, 95):.2f} ms  (goal: interactive, < 50 ms)")
            # On a shared machine the wall clock counts other people's work too; CPU time does not.
            print(f"  of which CPU time:              median {statistics.median(cpu):.2f} ms, "
                  f"p95 {percentile(cpu, 95):.2f} ms")
            claim_ids = [r[0] for r in lib.db.execute("SELECT id FROM claims ORDER BY random() LIMIT 200")]
            ratings = ["True", "Mostly true", "Half true", "False"]
            writes = []
            for i, claim_id in enumerate(claim_ids):
                started = time.perf_counter()
                set_verdict(lib, claim_id, ratings[i % 4], scale="truth", rationale="benchmark", by="bench")
                writes.append((time.perf_counter() - started) * 1000)
            print(f"durable verdict write (FULL sync): median {statistics.median(writes):.2f} ms, "
                  f"p95 {percentile(writes, 95):.2f} ms  (goal median < 5 ms)")
            lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = store_file.stat().st_size
        print(f"file size:                        {size / 2**20:,.1f} MiB")


if __name__ == "__main__":
    main()
