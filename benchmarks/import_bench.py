"""Importing very large saved pages: time and peak memory of the whole `factcheck import`
process on pages just under the 20 MB limit, and the refusal just above it.

Run: ``.venv/bin/python -m benchmarks.import_bench``. Two team-built pages are written to
a temporary folder: a *heavy* saved page (what a browser's "Save page" gives for a long
story: inline scripts, style sheets and pictures as data addresses around the article) and
a *text-heavy* one (20 MB of article markup, the worst case for main-text extraction and
claim extraction), and a 20 MB plain-text file. Each is imported by the real command in its own process; the peak
memory is that process's maximum resident set size.
"""
from __future__ import annotations

import base64
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LIMIT_BYTES = 20 * 1024 * 1024
TARGET_BYTES = LIMIT_BYTES - 64 * 1024
GOAL_SECONDS = 20.0
GOAL_PEAK_MB = 400.0
FACTCHECK = Path(sys.executable).with_name("factcheck")

_WORDS = ("council harbour bridge repairs vehicles million officials said transport department statement residents "
          "budget rail line airport vote engineers inspection reservoir water board contract district").split()


def _sentence(rnd: random.Random, n: int) -> str:
    words = " ".join(rnd.choice(_WORDS) for _ in range(24))
    return f"The {words} cost ${n % 90 + 10} million, officials said on {n % 28 + 1} March 2021."


def heavy_page(target: int = TARGET_BYTES) -> bytes:
    """A saved page: 60 story paragraphs among inline scripts, styles and data-address pictures."""
    rnd = random.Random(17)
    story = "".join(f"<p>{_sentence(rnd, n)}</p>\n" for n in range(60))
    picture = base64.b64encode(rnd.randbytes(300_000)).decode("ascii")
    parts = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour budget report | The Riverton Chronicle</title>',
             '<meta property="og:title" content="Harbour budget report">',
             '<meta property="article:published_time" content="2021-03-04T18:20:00-05:00">',
             "<style>" + ".c{color:#123456;margin:0 auto}" * 20000 + "</style></head><body>",
             "<nav>" + '<a href="/section">Section</a>' * 300 + "</nav>",
             f"<article><h1>Harbour budget report</h1>{story}</article>"]
    size = sum(map(len, parts))
    while size < target - 200:
        chunk = (f'<img alt="" src="data:image/jpeg;base64,{picture}">' if rnd.random() < 0.5 else
                 '<script>window.__STATE__ = {"items": [' + ",".join(f'"{rnd.random()}"' for _ in range(20000)) + "]};</script>")
        chunk = chunk[: max(0, target - 200 - size)]
        parts.append(chunk)
        size += len(chunk)
    parts.append("<footer>Contact us</footer></body></html>")
    return "".join(parts).encode("utf-8")


def _filled(head: str, block: str, tail: str, seed: int, target: int) -> bytes:
    """``head``, then ``block`` (formatted with a new story sentence each time) until ``target`` bytes, then ``tail``."""
    rnd = random.Random(seed)
    parts, size, n = [head], len(head), 0
    while size < target - 200:
        n += 1
        parts.append(block.format(_sentence(rnd, n)))
        size += len(parts[-1])
    parts.append(tail)
    return "".join(parts).encode("utf-8")


def text_heavy_page(target: int = TARGET_BYTES) -> bytes:
    """20 MB of article markup: nested blocks of paragraphs, every one of them story text."""
    return _filled('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour budget: the full record</title>'
                   "</head><body><article><h1>Harbour budget: the full record</h1>",
                   '<div class="block"><div class="inner"><p>{}</p></div></div>\n', "</article></body></html>", 23, target)


def plain_text_file(target: int = TARGET_BYTES) -> bytes:
    """20 MB of plain-text paragraphs, as a transcript or a document dump pasted into a .txt file."""
    return _filled("Harbour budget: the full record\n\n", "{}\n\n", "", 29, target)


def run_import(page: Path, store: Path) -> tuple[float, float, int, str]:
    """Return (seconds, peak resident MB, exit status, stderr) of `factcheck import page`."""
    start = time.perf_counter()
    process = subprocess.Popen([str(FACTCHECK), "import", str(page), "--store", str(store)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    err = process.stderr.read()
    process.stdout.close()
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, process.returncode, err


def main() -> int:
    """Import both pages and an over-size one; print the table."""
    print(f"{'page':<34}{'size':>10}{'time':>9}{'peak RSS':>11}  result")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for name, build, suffix in (("heavy saved page", heavy_page, ".html"), ("text-heavy page", text_heavy_page, ".html"),
                                    ("plain-text file", plain_text_file, ".txt")):
            page = folder / f"{name.replace(' ', '-')}{suffix}"
            page.write_bytes(build())
            seconds, peak, status, err = run_import(page, folder / "library.sqlite")
            ok = status == 0 and seconds < GOAL_SECONDS and peak < GOAL_PEAK_MB
            claims = next((line.strip() for line in err.splitlines() if line.strip().endswith("claims")), "")
            print(f"{name:<34}{page.stat().st_size / 2**20:>7.2f}MiB{seconds:>8.1f}s{peak:>8.0f} MB  "
                  f"{'within' if ok else 'OVER'} goals (< {GOAL_SECONDS:.0f} s, < {GOAL_PEAK_MB:.0f} MB); {claims}")
        over = folder / "over-the-limit.html"
        over.write_bytes(heavy_page(LIMIT_BYTES).ljust(LIMIT_BYTES + 1, b" "))
        seconds, peak, status, err = run_import(over, folder / "library.sqlite")
        print(f"{'over the limit (20 MB + 1 byte)':<34}{over.stat().st_size / 2**20:>7.2f}MiB{seconds:>8.1f}s{peak:>8.0f} MB  "
              f"exit {status}: {err.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
