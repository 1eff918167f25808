"""Exchange benchmark: merging a change file of 10,000 claims into a 200,000-claim library; file size per 1,000 claims.

    python -m benchmarks.exchange_bench               # the issue's scale
    python -m benchmarks.exchange_bench --scale 0.1   # a tenth of every count

A colleague's library holds 1,000 articles with 10 claims each, every claim with two pieces of
evidence, a facet and a verdict (with its history row). Its change file is merged into a
copy of a library holding 200,000 other claims (20,000 articles, 20,000 sources, 200,000
evidence rows). Then the colleague rates and cites 1,000 of those claims again and the
change file of just that work is measured. Last, the colleague attaches 100 generated 10-page
PDFs to sources and quotes a page of each: the change file of that work (rows, pages and the
files' bytes) is measured, merged into the large library, and its files checked there; then
each document is quoted again and that change file (no file sent again) is measured.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.store_bench import NOW, PUBLISHERS, STANCES, _text
from factcheck_app.ops.documents import attach_documents, quote_document
from factcheck_app.ops.exchange import export_changes, read_changes
from factcheck_app.ops.merge import merge_changes
from factcheck_app.store import open_library
from factcheck_app.store.bulk import bulk_load
from factcheck_app.store.evidence import add_evidence
from factcheck_app.store.info import check_documents
from factcheck_app.ops.verdicts import set_verdict

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.document_samples import make_pdf  # noqa: E402


def _rows(prefix: str, n_articles: int, claims_per: int, n_sources: int, evidence_per: int, rng: random.Random,
          verdicts: bool) -> dict[str, list[dict]]:
    """Return generated rows (ids start with ``prefix``) for one library."""
    sources = [
        {"id": f"{prefix}s{i:07d}", "title": _text(rng, 6).capitalize(), "url": f"https://{prefix}.example.org/{i}",
         "publisher": rng.choice(PUBLISHERS), "kind": "news report", "reliability": "unknown", "tags": "",
         "created_at": NOW, "updated_at": NOW}
        for i in range(n_sources)
    ]
    articles, claims, facets, evidence, history, verdict_rows = [], [], [], [], [], []
    for a in range(n_articles):
        article_id = f"{prefix}a{a:07d}"
        body = _text(rng, 20 * claims_per)
        articles.append({"id": article_id, "title": _text(rng, 8).capitalize(), "outlet": rng.choice(PUBLISHERS),
                         "published": "2024-05-01", "body": body, "content_hash": f"{prefix}h{a:07d}",
                         "imported_at": NOW})
        for c in range(claims_per):
            claim_id = f"{prefix}c{a:07d}{c:03d}"
            claims.append({"id": claim_id, "article_id": article_id, "start_offset": c * 40,
                           "end_offset": c * 40 + 30, "text": _text(rng, 14), "score": rng.random(),
                           "status": "checked" if verdicts else "open", "origin": "automatic",
                           "created_at": NOW, "updated_at": NOW})
            facets.append({"id": f"{prefix}f{a:07d}{c:03d}", "claim_id": claim_id, "kind": "quantity",
                           "start_offset": c * 40, "end_offset": c * 40 + 2, "text": "59", "value": "59",
                           "unit": "missiles", "vague": 0})
            for e in range(evidence_per):
                evidence.append({"id": f"{prefix}e{a:07d}{c:03d}{e}", "claim_id": claim_id,
                                 "source_id": f"{prefix}s{rng.randrange(n_sources):07d}",
                                 "stance": rng.choice(STANCES), "excerpt": _text(rng, 10), "added_by": "Ann",
                                 "added_at": NOW, "updated_at": NOW})
            if verdicts:
                verdict_id = f"{prefix}v{a:07d}{c:03d}"
                verdict_rows.append({"id": verdict_id, "claim_id": claim_id, "scale": "truth", "rating": "False",
                                     "rationale": _text(rng, 12), "checker": "Ann", "status": "draft",
                                     "created_at": NOW, "updated_at": NOW})
                history.append({"id": f"{prefix}h{a:07d}{c:03d}", "claim_id": claim_id, "changed_at": NOW,
                                "changed_by": "Ann", "to_rating": "False", "to_status": "draft", "scale": "truth",
                                "action": "set", "verdict_id": verdict_id,
                                "to_rationale": verdict_rows[-1]["rationale"], "checker": "Ann",
                                "verdict_created_at": NOW, "verdict_updated_at": NOW})
    out = {"sources": sources, "articles": articles, "claims": claims, "facets": facets, "evidence": evidence}
    if verdicts:
        out.update(verdicts=verdict_rows, verdict_history=history)
    return out


def build(path: Path, rows: dict[str, list[dict]]) -> None:
    """Create a library at ``path`` holding ``rows``."""
    with open_library(path) as lib:
        for table, data in rows.items():
            bulk_load(lib.db, table, data)
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of every count (default 1)")
    args = parser.parse_args()
    rng = random.Random(5)
    big_articles, mine_articles = int(20_000 * args.scale), int(1_000 * args.scale)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        build(folder / "big.sqlite", _rows("x", big_articles, 10, big_articles, 1, rng, verdicts=False))
        build(folder / "mine.sqlite", _rows("m", mine_articles, 10, 2 * mine_articles, 2, rng, verdicts=True))
        print(f"libraries built in {time.perf_counter() - started:.1f} s")
        with open_library(folder / "mine.sqlite") as mine:
            claims = mine.db.execute("SELECT count(*) FROM claims").fetchone()[0]
            sent = export_changes(mine, "Big desk", folder / "first.fcchanges", by="Ann").value
        with open_library(folder / "big.sqlite") as big:
            big_claims = big.db.execute("SELECT count(*) FROM claims").fetchone()[0]
        shutil.copy(folder / "big.sqlite", folder / "target.sqlite")
        with open_library(folder / "target.sqlite") as target:
            # Timed from reading the file to the commit (opening the library, with its daily backup, comes first).
            started, cpu = time.perf_counter(), time.process_time()
            summary = merge_changes(target, read_changes(sent.path), by="Bob").value
            merge_time, merge_cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"change file with {claims:,} claims ({sent.rows:,} rows): {sent.size:,} bytes")
        print(f"merge into a library of {big_claims:,} claims:   {merge_time:.2f} s wall, {merge_cpu:.2f} s CPU "
              f"(goal < 10 s at full scale; load average {os.getloadavg()[0]:.1f})"
              f"  [{summary.new['claims']:,} claims, {summary.new['evidence']:,} evidence, "
              f"{len(summary.verdict_changes):,} verdicts]")
        with open_library(folder / "mine.sqlite") as mine:
            ids = [r[0] for r in mine.db.execute("SELECT id FROM claims ORDER BY random() LIMIT 1000")]
            source = mine.db.execute("SELECT id FROM sources LIMIT 1").fetchone()[0]
            for claim_id in ids:
                set_verdict(mine, claim_id, "Mostly true", rationale="checked again, " + _text(rng, 12), by="Ann")
                add_evidence(mine.db, claim_id, source, "supports", excerpt=_text(rng, 10), added_by="Ann")
            again = export_changes(mine, "Big desk", folder / "again.fcchanges", by="Ann").value
        print(f"per 1,000 changed claims (new verdict + evidence each): {again.size:,} bytes ({again.rows:,} rows)")
        print(f"per 1,000 claims sent whole (with facets, 2 evidence, verdict): {sent.size * 1000 // claims:,} bytes")
        bench_documents(folder, rng, max(1, int(100 * args.scale)))


def bench_documents(folder: Path, rng: random.Random, count: int) -> None:
    """Attach ``count`` 10-page PDFs in the colleague's library, quote each, and measure that change file."""
    pdf_bytes = 0
    quoted: list[tuple[str, str, str]] = []
    with open_library(folder / "mine.sqlite") as mine:
        sources = [r[0] for r in mine.db.execute("SELECT id FROM sources ORDER BY id LIMIT ?", [count])]
        claims = [r[0] for r in mine.db.execute("SELECT id FROM claims ORDER BY id LIMIT ?", [count])]
        for n in range(count):
            pages = [f"Page {p + 1} of report {n}. " + _text(rng, 350) for p in range(10)]
            path = folder / f"report-{n}.pdf"
            path.write_bytes(make_pdf(pages, fast=True))
            pdf_bytes += path.stat().st_size
            document = attach_documents(mine, sources[n % len(sources)], [path]).value[0].document_id
            excerpt = " ".join(pages[4].split()[5:9])
            quote_document(mine, claims[n % len(claims)], document, 5, excerpt, "supports", by="Ann")
            quoted.append((claims[(n + 1) % len(claims)], document, " ".join(pages[5].split()[5:9])))
        docs = export_changes(mine, "Big desk", folder / "documents.fcchanges", by="Ann").value
        after = export_changes(mine, "Big desk", folder / "after.fcchanges", by="Ann").value
        for claim_id, document, excerpt in quoted:
            quote_document(mine, claim_id, document, 6, excerpt, "refutes", by="Ann")
        requoted = export_changes(mine, "Big desk", folder / "requoted.fcchanges", by="Ann").value
        requoted_files = len(read_changes(requoted.path).files)
    print(f"change file with {count} new 10-page PDFs ({pdf_bytes:,} bytes of files), each quoted once: "
          f"{docs.size:,} bytes ({docs.rows:,} rows); {docs.size / pdf_bytes:.2f} x the files' size")
    print(f"the next change file, no document changed since: {after.size:,} bytes (files are not sent again)")
    print(f"a new quote of each of those documents: {requoted.size:,} bytes ({requoted.rows:,} rows, "
          f"{requoted_files} files): the quoted documents' rows and pages come along, not their files")
    with open_library(folder / "target.sqlite") as target:
        started = time.perf_counter()
        summary = merge_changes(target, read_changes(docs.path), by="Bob").value
        took = time.perf_counter() - started
        problems = check_documents(target)
    print(f"merge of that file into the large library: {took:.2f} s wall  [{summary.new['documents']} documents, "
          f"{summary.new['document_pages']} pages]; document files checked there: "
          f"{'all match their SHA-256' if not problems else problems[:3]}")


if __name__ == "__main__":
    main()
