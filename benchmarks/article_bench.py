"""Article bodies from real saved news pages: the app's HTML reader against trafilatura
called directly, on the public article-extraction benchmark (scrapinghub, MIT licence:
181 pages with their true article bodies).

Run: ``.venv/bin/python -m benchmarks.article_bench [--data DIR]``. The benchmark's data
is never part of this project: it is read from DIR (a checkout of
github.com/scrapinghub/article-extraction-benchmark, or a folder holding its
``ground-truth.json`` and ``html/``), by default the ignored cache
``benchmarks/.cache/article-extraction-benchmark``, which is cloned with git on first use.

The score is the benchmark's own: word 4-gram ("shingle") precision and recall per page,
each page weighted equally, F1 of the two means. The app's body is scored without its
first line (the title it puts first), as the benchmark's bodies carry no headline.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

REPOSITORY = "https://github.com/scrapinghub/article-extraction-benchmark"
DEFAULT_DATA = Path(__file__).resolve().parent / ".cache" / "article-extraction-benchmark"
SLOW_PAGE_SECONDS = 3.0
_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    """Return the text's word n-grams with their counts (the benchmark's tokenisation: ``\\w+``)."""
    words = _WORD.findall(text or "")
    return Counter(tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1)) if words[i:i + n])


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    """Return (tp, fp, fn) over the two texts' 4-gram shingles, normalised to sum to 1."""
    truth, guess = shingles(true), shingles(pred)
    tp = sum((truth & guess).values())
    fp = sum((guess - truth).values())
    fn = sum((truth - guess).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision and recall over pages (pages with nothing to score left out) and their F1."""
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall)}


def ensure_data(folder: Path) -> Path | None:
    """Return the folder holding ``ground-truth.json``; clone the benchmark into the default cache
    when it is missing there (None when that fails)."""
    if (folder / "ground-truth.json").is_file():
        return folder
    if folder != DEFAULT_DATA:
        sys.exit(f"article_bench: {folder} has no ground-truth.json (give a checkout of {REPOSITORY})")
    folder.parent.mkdir(parents=True, exist_ok=True)
    print(f"article_bench: fetching {REPOSITORY} into {folder} ...", file=sys.stderr)
    try:
        done = subprocess.run(["git", "clone", "--depth", "1", REPOSITORY, str(folder)], check=False, timeout=600)
    except (OSError, subprocess.TimeoutExpired):
        done = None
    if done is None or done.returncode != 0 or not (folder / "ground-truth.json").is_file():
        return None
    return folder


def app_article(html: bytes):
    """Return the app's article for the page: read and its claims extracted, as an import does."""
    from factcheck_app.extract.pipeline import analyse

    return analyse(html, "page.html")


def body_of(article) -> str:
    """The article's body without the title line the app puts first."""
    body = article.body
    if article.title and body.startswith(article.title):
        body = body[len(article.title):]
    return body.strip()


def app_body(html: bytes) -> tuple[str, str | None]:
    """Return the app's body without its title line, and the reader it used."""
    article = app_article(html)
    return body_of(article), article.reader


def claims_outside(article, true_body: str) -> tuple[int, int]:
    """(claims whose words are mostly not in the true body, all claims): claims made of page clutter."""
    truth = shingles(true_body)
    outside = 0
    for claim in article.claims:
        grams = shingles(claim.text)
        if grams and sum(count for gram, count in grams.items() if gram in truth) * 2 < sum(grams.values()):
            outside += 1
    return outside, len(article.claims)


def trafilatura_body(html: bytes) -> str:
    """Return trafilatura's text for the page, with its default settings."""
    import trafilatura

    return trafilatura.extract(html) or ""


def main(argv: list[str] | None = None) -> int:
    """Score both readers on every page; print the table and the slowest pages."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the benchmark's folder (ground-truth.json, html/)")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pages (0: all)")
    parser.add_argument("--worst", type=int, default=8, help="list the N pages where the app scores lowest")
    args = parser.parse_args(argv)
    folder = ensure_data(args.data)
    if folder is None:  # no network here: say so and let `make bench` go on with the other benchmarks
        print(f"article_bench: skipped: the benchmark could not be fetched; clone {REPOSITORY} and pass --data DIR "
              "(or `make bench ARTICLE_BENCH_DATA=DIR`)")
        return 0
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[: args.limit or None]
    trafilatura_body(b"<html><body><p>warm up</p></body></html>")
    app_article(b"<html><body><p>warm up the reader</p></body></html>")
    ours, theirs, times, readers, per_page = [], [], [], Counter(), []
    clutter = [0, 0]
    for key in keys:
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        expected = truth[key].get("articleBody", "")
        start = time.perf_counter()
        article = app_article(html)
        times.append((time.perf_counter() - start, key))
        body, reader = body_of(article), article.reader
        readers[reader] += 1
        outside, total = claims_outside(article, expected)
        clutter[0] += outside
        clutter[1] += total
        ours.append(page_counts(expected, body))
        theirs.append(page_counts(expected, trafilatura_body(html)))
        per_page.append((2 * ours[-1][0] / (2 * ours[-1][0] + ours[-1][1] + ours[-1][2] or 1), key, truth[key].get("url")))
    mine, direct = scores(ours), scores(theirs)
    print(f"article-extraction benchmark: {len(keys)} pages, word 4-gram shingles, pages weighted equally")
    print(f"{'reader':<28}{'precision':>10}{'recall':>10}{'F1':>8}")
    print(f"{'factcheck HTML import':<28}{mine['precision']:>10.3f}{mine['recall']:>10.3f}{mine['f1']:>8.3f}")
    print(f"{'trafilatura.extract direct':<28}{direct['precision']:>10.3f}{direct['recall']:>10.3f}{direct['f1']:>8.3f}")
    seconds = sorted(times, reverse=True)
    print(f"readers used: {dict(readers)}")
    print(f"claims mostly outside the true body: {clutter[0]} of {clutter[1]} ({clutter[0] / max(1, clutter[1]):.1%})")
    print(f"time per page (app: read and extract claims): median {statistics.median(t for t, _ in times) * 1000:.0f} ms, "
          f"slowest {seconds[0][0]:.2f} s ({seconds[0][1][:12]}), "
          f"over {SLOW_PAGE_SECONDS:.0f} s: {sum(t > SLOW_PAGE_SECONDS for t, _ in times)}")
    if args.worst:
        print("lowest F1 pages (app):")
        for f1, key, url in sorted(per_page)[: args.worst]:
            print(f"  {f1:.3f}  {key[:12]}  {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
