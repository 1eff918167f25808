"""Documents benchmark: attaching and indexing a 300-page PDF, and search with 1,000 documents attached.

    python -m benchmarks.documents_bench                 # 300-page PDF; 1,000 documents of 10 pages
    python -m benchmarks.documents_bench --documents 100

The PDFs are generated here (fpdf2) from news-like words and invented names, so every
page has different text. Attaching runs the real operation (read, SHA-256, text per page
with PDFium, file kept beside the library, rows and search index in one transaction).
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.store_bench import _text, percentile
from factcheck_app.ops.documents import attach_documents
from factcheck_app.store import open_library
from factcheck_app.store.search import search, search_sources
from factcheck_app.store.sources import add_source

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.document_samples import make_pdf  # noqa: E402


def _pages(rng: random.Random, count: int, words: int) -> list[str]:
    return [f"Page {i + 1}. " + _text(rng, words) for i in range(count)]


def bench_big_pdf(folder: Path, pages: int, runs: int) -> None:
    """Time attaching one PDF of ``pages`` pages into a fresh library, ``runs`` times."""
    rng = random.Random(5)
    started = time.perf_counter()
    data = make_pdf(_pages(rng, pages, 350), fast=True)
    made = time.perf_counter() - started
    pdf = folder / "big-report.pdf"
    pdf.write_bytes(data)
    print(f"{pages}-page PDF: {len(data) / 2**20:.1f} MiB, generated in {made:.1f} s")
    times = []
    for run in range(runs):
        with open_library(folder / f"big-{run}.sqlite") as lib:
            source = add_source(lib.db, "Annual report")
            started = time.perf_counter()
            attach_documents(lib, source, [pdf])
            times.append(time.perf_counter() - started)
            hits = search(lib.db, " ".join(_pages(random.Random(5), pages, 350)[pages // 2].split()[3:5]), ("document",))
            assert hits, "the attached PDF's text is not searchable"
    print(f"attach and index the {pages}-page PDF: median {statistics.median(times):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in times)}), {pages / statistics.median(times):,.0f} pages/s")


def bench_search(folder: Path, documents: int, pages: int, queries: int) -> None:
    """Attach ``documents`` PDFs of ``pages`` pages each, then time searches."""
    rng = random.Random(9)
    texts: list[str] = []
    with open_library(folder / "many.sqlite") as lib:
        sources = [add_source(lib.db, f"Source {i}: " + _text(rng, 6)) for i in range(documents // 4 or 1)]
        started = time.perf_counter()
        attach_time = 0.0
        for i in range(documents):
            page_texts = _pages(rng, pages, 300)
            texts += rng.sample(page_texts, 1)
            path = folder / f"doc-{i}.pdf"
            path.write_bytes(make_pdf(page_texts, fast=True))
            t0 = time.perf_counter()
            attach_documents(lib, sources[i % len(sources)], [path])
            attach_time += time.perf_counter() - t0
            path.unlink()
        total = time.perf_counter() - started
        print(f"{documents:,} documents of {pages} pages attached: {attach_time:.1f} s attaching "
              f"({attach_time / documents * 1000:.0f} ms each; {total:.1f} s with generating the PDFs)")
        qrng = random.Random(13)
        asked = [" ".join(qrng.sample(qrng.choice(texts).split()[2:], 2)) for _ in range(queries)]
        for q in asked[:10]:
            search(lib.db, q)
        for label, run in (("search (sources, evidence, claims, documents)", lambda q: search(lib.db, q, limit=20)),
                           ("app source search (sources + their documents)", lambda q: search_sources(lib.db, q, 12))):
            times, cpu = [], []
            for q in asked:
                t0, c0 = time.perf_counter(), time.process_time()
                run(q)
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
            print(f"{label}: median {statistics.median(times):.2f} ms, p95 {percentile(times, 95):.2f} ms "
                  f"(CPU: median {statistics.median(cpu):.2f} ms, p95 {percentile(cpu, 95):.2f} ms) "
                  f"over {len(asked)} two-word queries")
        size = sum(p.stat().st_size for p in (folder / "many.sqlite.files").rglob("*") if p.is_file())
        print(f"library file {(folder / 'many.sqlite').stat().st_size / 2**20:.1f} MiB, documents {size / 2**20:.1f} MiB")


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300, help="pages of the big PDF (default 300)")
    parser.add_argument("--runs", type=int, default=3, help="times the big PDF is attached (default 3)")
    parser.add_argument("--documents", type=int, default=1000, help="documents attached for search (default 1000)")
    parser.add_argument("--document-pages", type=int, default=10, help="pages of each of them (default 10)")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_big_pdf(Path(tmp), args.pages, args.runs)
        bench_search(Path(tmp), args.documents, args.document_pages, args.queries)


if __name__ == "__main__":
    main()
