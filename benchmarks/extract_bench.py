"""Extraction speed: seed article latency, throughput on 1 MB of news text, linearity,
a 20 MB document's time and peak memory, start-up cost, and whole-process batch time
against the peer baseline.

Run: ``.venv/bin/python -m benchmarks.extract_bench`` from the project root
(``... extract_bench seed-repeat N``: only N seed extractions, for an instruction count). The
seed article and the MEANTIME dev set are read from ``../shared`` when present;
the 1 MB text is built from the team-written paragraphs below.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from factcheck_app.extract.pipeline import analyse, extract_claims

def _shared() -> Path:
    """The team's shared folder beside the checkout (a worktree sits one level deeper), or
    FACTCHECK_SHARED."""
    if os.environ.get("FACTCHECK_SHARED"):
        return Path(os.environ["FACTCHECK_SHARED"])
    here = Path(__file__).resolve()
    for parent in here.parents[1:4]:
        if (parent / "shared" / "eval").is_dir():
            return parent / "shared"
    return here.parents[2] / "shared"


SHARED = _shared()
SEED = SHARED / "seed" / "article.txt"
MEANTIME = SHARED / "eval" / "external" / "meantime_dev.json"
PEER = SHARED / "eval" / "peer_baseline.py"

# Team-written, news-like paragraphs (fictional places and people) covering the
# facet kinds and the traps: relative dates, money, ranges, years, quotes.
PARAGRAPHS = [
    "Harbour City Lays Off Dock Workers",
    "The port authority of Harbour City said Tuesday that it would cut 1,200 jobs by the end of the year, "
    "blaming a 14 percent drop in container traffic since 2019. Union leaders called the decision "
    "“a betrayal of the people who kept this port open during the floods.”",
    "Dr. Amara Okafor, who has led the authority since March 2016, told reporters the cuts would save about "
    "$45 million a year. “We have no other choice,” she said. The board approved the plan last week by "
    "a vote of seven to two.",
    "Rainfall in the northern provinces reached 312 mm in the first quarter of 2023, nearly twice the average "
    "for the 1990s, according to the Meteorological Office. More than 40,000 residents were moved to shelters, "
    "and dozens of roads remain closed.",
    "Shares of Norland Shipping Inc. fell 8.5% on Monday after the company reported a net loss of £20.1 million "
    "for the summer 2022 season. Analysts had expected a profit of between £3 million and £5 million.",
    "The treaty, signed in 1967 and revised in 1994, allows each side to inspect up to 25 sites a year. "
    "Critics say the 70th anniversary of the original accord, due next month, is a chance to extend it.",
    "Gen. R. Alvarez said the army had deployed 2,000 troops and 150 armoured vehicles to the border region "
    "two weeks ago. He declined to say whether a further 500 soldiers would follow in the coming days.",
    "Turnout in the 2008 election was 71.3 percent, the highest since the 1960s. This year, officials expect "
    "fewer than 60 percent of the country's 4.2 million registered voters to cast a ballot.",
    "The new rail line will run 300 km from the capital to the coast and carry up to 18,000 passengers a day. "
    "Construction began in the fourth quarter of 2021 and is expected to finish in early 2026.",
    "Yesterday the finance minister told parliament that inflation had slowed to 3.2% in February, down from "
    "a peak of 9.1% last summer. “The worst is behind us,” he said, adding that interest rates would stay "
    "at 4.75 percent until the autumn.",
    "Hundreds of volunteers spent the weekend clearing debris from the 19th century market hall, which "
    "burned down on 11 April 2021. The city has pledged €12 million to rebuild it by 2027.",
    "In the era of cheap flights, the regional airport grew quickly; it now handles roughly 2.5 million "
    "passengers a year, against 800,000 in 2005. The airline said it was currently reviewing three routes.",
]


def mixed_text(size: int) -> str:
    """About ``size`` characters of news text: the paragraphs repeated with blank lines between."""
    block = "\n\n".join(PARAGRAPHS) + "\n\n"
    return (block * (size // len(block) + 1))[:size]


def timed(fn, *args, repeat: int = 1, clock=time.perf_counter) -> float:
    """Best time of ``repeat`` runs, in seconds (wall clock unless ``clock`` says otherwise)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = clock()
        fn(*args)
        best = min(best, clock() - t0)
    return best


def seed_latency() -> None:
    if not SEED.exists():
        print("seed article: not found, skipped")
        return
    data = SEED.read_bytes()
    body = analyse(data, SEED.name, "2017-04-11").body
    for _ in range(20):
        extract_claims(body, "2017-04-11")
    runs, cpu = [], []
    for _ in range(200):
        t0, c0 = time.perf_counter(), time.process_time()
        extract_claims(body, "2017-04-11")
        runs.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    full = [timed(analyse, data, SEED.name, "2017-04-11") for _ in range(50)]
    print(f"seed article ({len(body)} chars): extract_claims median {statistics.median(runs) * 1000:.2f} ms "
          f"(CPU {statistics.median(cpu) * 1000:.2f} ms), "
          f"analyse (ingest + extract) median {statistics.median(full) * 1000:.2f} ms  [goal < 5 ms]")


@contextlib.contextmanager
def _one_process():
    """Extraction stays in this process inside the block (FACTCHECK_EXTRACT_WORKERS=1)."""
    before = os.environ.get("FACTCHECK_EXTRACT_WORKERS")
    os.environ["FACTCHECK_EXTRACT_WORKERS"] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ["FACTCHECK_EXTRACT_WORKERS"]
        else:
            os.environ["FACTCHECK_EXTRACT_WORKERS"] = before


def throughput() -> None:
    """1 MB as the app extracts it (two processes for a body this long), then in one process;
    the first call's time includes starting the second process."""
    from factcheck_app.extract import parallel

    mb = mixed_text(1_000_000)
    small = mixed_text(100_000)
    size = len(mb.encode('utf-8'))
    extract_claims(small, "2017-04-11")  # warm-up
    parallel.shutdown()
    t_first = timed(extract_claims, mb, "2017-04-11")
    t_big = timed(extract_claims, mb, "2017-04-11", repeat=3)
    c_big = timed(extract_claims, mb, "2017-04-11", repeat=2, clock=time.process_time)
    print(f"1 MB mixed news text, as the app extracts it (two processes): {t_big:.3f} s = {size / t_big / 1e6:.2f} MB/s; "
          f"first call, starting the second process, {t_first:.3f} s = {size / t_first / 1e6:.2f} MB/s; "
          f"CPU of this process {c_big:.3f} s  [goal >= 2 MB/s]")
    with _one_process():
        # CPU time too: when others share the machine, wall time measures them as much as us.
        t_one = timed(extract_claims, mb, "2017-04-11", repeat=3)
        c_one = timed(extract_claims, mb, "2017-04-11", repeat=2, clock=time.process_time)
        t_small = timed(extract_claims, small, "2017-04-11", repeat=5)
    print(f"1 MB in one process: {t_one:.3f} s = {size / t_one / 1e6:.2f} MB/s "
          f"(CPU {c_one:.3f} s = {size / c_one / 1e6:.2f} MB/s)")
    print(f"linearity (one process): 100 KB {t_small * 1000:.1f} ms, 1 MB {t_one * 1000:.1f} ms, "
          f"ratio {t_one / t_small:.2f} for 10x text  [goal <= 11]")


def stages() -> None:
    """Time each stage alone on 1 MB, so a slow stage is easy to find (best of 3, CPU
    time: steadier than wall time when other jobs share the machine)."""
    from factcheck_app.extract import dates, quantities, sentences

    text = mixed_text(1_000_000)
    pub = dt.date(2017, 4, 11)
    found = dates.find_dates(text, pub)
    spans = sentences.split_sentences(text)
    steps = [("sentences", lambda: sentences.split_sentences(text)),
             ("dates", lambda: dates.find_dates(text, pub)),
             ("quantities", lambda: quantities.find_quantities(text, found))]
    from factcheck_app.extract.entities import find_entities

    names = find_entities(text)
    for module, func in (("places", "find_places"), ("quotes", "find_quotes"), ("entities", "find_entities")):
        try:
            fn = getattr(importlib.import_module(f"factcheck_app.extract.{module}"), func)
        except (ImportError, AttributeError):
            continue
        fn(text[:2000])  # one-off loading (gazetteers) is not per-megabyte cost
        if module == "quotes":  # as in the pipeline, the quotes are given the entities found before them
            steps.append((module, lambda fn=fn: fn(text, names)))
        else:
            steps.append((module, lambda fn=fn: fn(text)))
    try:
        score = importlib.import_module("factcheck_app.extract.checkworthiness").score_sentence
        steps.append(("checkworthiness", lambda: [score(text[s:e], []) for s, e in spans]))
    except (ImportError, AttributeError):
        pass
    parts = ", ".join(f"{name} {timed(fn, repeat=3, clock=time.process_time) * 1000:.0f} ms" for name, fn in steps)
    print(f"per stage on 1 MB (CPU): {parts}")


def large_document(size: int = 20_000_000) -> None:
    """Extract one 20 MB document in a fresh process: its time and peak memory (resident set),
    this process's and the second process's (read once it has exited)."""
    code = ("import resource, sys, time; from benchmarks.extract_bench import mixed_text; "
            "from factcheck_app.extract.pipeline import extract_claims; from factcheck_app.extract import parallel; "
            f"text = mixed_text({size}); base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; "
            "t = time.perf_counter(); claims = extract_claims(text, '2017-04-11'); took = time.perf_counter() - t; "
            # the second process may already be let go (a very long text): wait for it to exit either way
            "parallel.shutdown(); import multiprocessing; [p.join() for p in multiprocessing.active_children()]; "
            "print(took, len(claims), base, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
            "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root).stdout.split()
    seconds, claims, base_kb, peak_kb, worker_kb = float(out[0]), int(out[1]), int(out[2]), int(out[3]), int(out[4])
    print(f"{size / 1e6:.0f} MB document: {seconds:.1f} s = {size / seconds / 1e6:.2f} MB/s, {claims} claims, "
          f"peak memory {peak_kb / 1024:.0f} MiB (text and start-up {base_kb / 1024:.0f} MiB), "
          f"second process {worker_kb / 1024:.0f} MiB  [goal: no blow-up, memory a small multiple of the text]")


def startup() -> None:
    code = ("import sys, time; t = time.perf_counter(); import factcheck_app.extract.pipeline as p; "
            "t1 = time.perf_counter(); p.analyse('Flights to Paris resumed on Monday.', None, '2017-04-11'); "
            "print(t1 - t, time.perf_counter() - t1, 'trafilatura' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    print(f"start-up: import pipeline {float(out[0]) * 1000:.0f} ms, first analyse() call (loads gazetteers) "
          f"{float(out[1]) * 1000:.0f} ms, trafilatura imported on the plain-text path: {out[2]}")


def batch_vs_peer() -> None:
    if not MEANTIME.exists():
        print("meantime_dev: not found, skipped")
        return
    docs = json.loads(MEANTIME.read_text(encoding="utf-8"))["documents"]
    lines = "".join(json.dumps({"id": d["id"], "text": d["text"], "published": d.get("published")},
                               ensure_ascii=False) + "\n" for d in docs)

    # Both programs run as installed programs do: with their bytecode cached (the first,
    # untimed run writes it), whatever PYTHONDONTWRITEBYTECODE this shell has.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def run(cmd: list[str]) -> float | None:
        t0 = time.perf_counter()
        before = os.times()
        proc = subprocess.run(cmd, input=lines, capture_output=True, text=True, encoding="utf-8", env=env)
        after = os.times()
        cpu_times.setdefault(cmd[0], []).append(after.children_user + after.children_system
                                                - before.children_user - before.children_system)
        return time.perf_counter() - t0 if proc.returncode == 0 else None

    def median_of_three(cmd: list[str]) -> float | None:
        run(cmd)
        times = [t for t in (run(cmd) for _ in range(3)) if t]
        return statistics.median(times) if times else None

    cpu_times: dict[str, list[float]] = {}
    factcheck = str(Path(sys.executable).with_name("factcheck"))
    ours = median_of_three([factcheck, "extract", "--batch"])
    print(f"meantime_dev batch ({len(docs)} docs), whole process `factcheck extract --batch`, median of 3: "
          f"ours {ours:.3f} s", end="")
    peer = median_of_three([sys.executable, str(PEER)]) if PEER.exists() else None
    if peer is None:
        print("; peer baseline not runnable here (pip install dateparser quantulum3 to compare)")
    else:
        ours_cpu = statistics.median(cpu_times[factcheck][1:])
        peer_cpu = statistics.median(cpu_times[sys.executable][1:])
        print(f"; peer baseline {peer:.3f} s; speed-up {peer / ours:.1f}x (CPU {ours_cpu:.3f} s vs {peer_cpu:.3f} s, "
              f"{peer_cpu / ours_cpu:.1f}x)  [goal >= 20x]")


def seed_repeat(times: int) -> None:
    """Extract the seed article ``times`` times after three warm-up runs, and nothing else: run under
    ``valgrind --tool=callgrind`` with 20 and with 0, the difference over 20 is the instructions one
    extraction takes, a figure other work on the machine does not move."""
    body = analyse(SEED.read_bytes(), SEED.name, "2017-04-11").body
    for _ in range(3 + times):
        extract_claims(body, "2017-04-11")


def main() -> int:
    if sys.argv[1:2] == ["seed-repeat"]:
        seed_repeat(int(sys.argv[2]))
        return 0
    seed_latency()
    throughput()
    stages()
    large_document()
    startup()
    batch_vs_peer()
    return 0


if __name__ == "__main__":
    sys.exit(main())
