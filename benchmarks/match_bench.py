"""Published-check benchmark: importing 100,000 ClaimReview items, the library's size for them,
and matching one article's claims against them.

    python -m benchmarks.match_bench              # 100,000 checks
    python -m benchmarks.match_bench --checks 10000

The checks are generated (news words and invented names, as in the store benchmark) into one
schema.org DataFeed file; a few restate the sample article's claims, so matching finds
something. Import is timed from reading the file to the committed transaction; matching is
timed for all the article's claims together, as a read (the ranked matches) and as the
operation that also stores them, median of five runs after one warm-up. Wall-clock and CPU
time are both printed: on a shared machine the wall clock also counts other people's work.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.store_bench import _text
from factcheck_app.extract.pipeline import analyse
from factcheck_app.ops.checks import import_checks, read_files
from factcheck_app.ops.matching import Matcher, match_claims
from factcheck_app.store import open_library
from factcheck_app.store.articles import import_article

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "harbour-bridge.txt"
RATINGS = [("False", 1), ("Mostly false", 2), ("Half true", 3), ("Mostly true", 4), ("True", 5)]
ORGANISATIONS = ["Example Checks", "Northern Fact Desk", "Graph Checkers", "Feed Fact Check", "Page Checkers"]


def _review(rng: random.Random, number: int, claim: str) -> dict:
    rating, value = rng.choice(RATINGS)
    year = rng.randint(2012, 2025)
    return {
        "@type": "ClaimReview",
        "url": f"https://checks.example.org/{year}/{number}",
        "datePublished": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "headline": _text(rng, rng.randint(5, 10)).capitalize() + "?",
        "claimReviewed": claim,
        "author": {"@type": "Organization", "name": rng.choice(ORGANISATIONS)},
        "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1,
                         "alternateName": rating},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": _text(rng, 2).title()},
                         "datePublished": f"{year}-01-01",
                         "appearance": [{"@type": "CreativeWork", "url": f"https://news.example.com/{number}"}]},
    }


def write_feed(path: Path, count: int, restated: list[str]) -> None:
    """Write a DataFeed of ``count`` generated ClaimReview items (``restated`` claims among them)."""
    rng = random.Random(12)
    items = []
    for number in range(count):
        if number % max(count // max(len(restated), 1), 1) == 0 and restated:
            claim = restated.pop()
        else:
            claim = _text(rng, rng.randint(10, 25)).capitalize() + f" in {rng.randint(2000, 2025)}."
        items.append({"@type": "DataFeedItem", "item": _review(rng, number, claim)})
    path.write_text(json.dumps({"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": items}))


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checks", type=int, default=100_000)
    args = parser.parse_args()
    article = analyse(SAMPLE.read_bytes(), filename=SAMPLE.name)
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "feed.json"
        write_feed(feed, args.checks, [c.text for c in article.claims[:20]])
        print(f"feed: {args.checks:,} ClaimReview items, {feed.stat().st_size / 2**20:.1f} MiB of JSON")
        path = Path(folder) / "bench.factcheck.sqlite"
        with open_library(path) as lib:
            start, cpu = time.perf_counter(), time.process_time()
            files = read_files([feed])
            read = time.perf_counter() - start
            summary = import_checks(lib, files).value
            total, cpu = time.perf_counter() - start, time.process_time() - cpu
            print(f"import: {total:.1f} s, CPU {cpu:.1f} s ({read:.1f} s reading the file), "
                  f"{summary.added / total:,.0f} checks/s, {summary.added:,} added")
            lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size = path.stat().st_size
            print(f"library size: {size / 2**20:.1f} MiB, {size / 2**20 * 100_000 / max(args.checks, 1):.1f} MiB "
                  "per 100,000 checks")
            claim_ids = import_article(lib.db, article, source_name=SAMPLE.name).claim_ids
            claims = [(c.text, [f.to_dict() for f in c.facets]) for c in article.claims]

            def find_all() -> int:
                matcher = Matcher(lib)
                return sum(bool(matcher.find(text, facets, limit=5)) for text, facets in claims)

            def store_all() -> int:
                return match_claims(lib, claim_ids).value

            for name, run in (("find matches", find_all), ("match and store", store_all)):
                run()
                wall, cpu = [], []
                for _ in range(5):
                    t, c = time.perf_counter(), time.process_time()
                    matched = run()
                    wall.append(time.perf_counter() - t)
                    cpu.append(time.process_time() - c)
                print(f"{name}, {len(claims)} claims of one article against {args.checks:,} checks: "
                      f"median {statistics.median(wall) * 1000:.1f} ms in total, CPU {statistics.median(cpu) * 1000:.1f} ms "
                      f"({statistics.median(cpu) * 1000 / len(claims):.2f} ms a claim), {matched} claims matched")


if __name__ == "__main__":
    main()
