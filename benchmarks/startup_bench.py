"""Start-up benchmark: the packaged app against `python -m factcheck_app`, and the bundle's size.

    python -m benchmarks.startup_bench               # median of 5 runs each
    python -m benchmarks.startup_bench --runs 9 --bundle dist/FactcheckDesk

Each run is `... gui --sample --screenshot FILE` offscreen, timed from launch to exit: Qt
start-up, opening the sample library, laying out and rendering the main window. A first run
per variant builds the sample library (timed apart as "first run"); the measured runs reuse it.
Build the bundle first with `make package`.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_BUNDLE = REPO / "dist" / "FactcheckDesk"


def timed_run(command: list[str], data_dir: Path, shot: Path) -> float:
    """Run ``command`` with the screenshot arguments; return its wall time in seconds."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FACTCHECK_DATA_DIR=str(data_dir))
    env.pop("FACTCHECK_STORE", None)
    start = time.perf_counter()
    subprocess.run([*command, "gui", "--sample", "--screenshot", str(shot)], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(name: str, command: list[str], runs: int, work: Path) -> dict:
    """Return the first-run time and the median/min/max of ``runs`` further runs of ``command``."""
    data_dir = work / name / "data"
    shot = work / name / "shot.png"
    first = timed_run(command, data_dir, shot)
    times = [timed_run(command, data_dir, shot) for _ in range(runs)]
    return {"name": name, "first": first, "median": statistics.median(times), "min": min(times), "max": max(times)}


def folder_size(path: Path) -> int:
    """Return the bytes of every file under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    """Print the table of start-up times and the bundle's size; return 0 (2 when there is no bundle)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="measured runs per variant (default 5)")
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE, help="the one-folder bundle to time")
    args = parser.parse_args(argv)
    executable = args.bundle / ("FactcheckDesk.exe" if sys.platform == "win32" else "FactcheckDesk")
    if not executable.is_file():
        print(f"startup_bench: no bundle at {args.bundle}; build it with `make package`", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as tmp:
        work = Path(tmp)
        results = [
            measure("python -m factcheck_app", [sys.executable, "-m", "factcheck_app"], args.runs, work),
            measure("bundle", [str(executable)], args.runs, work),
        ]
    print(f"start-up to --screenshot exit, offscreen, median of {args.runs} (first run builds the sample):")
    print(f"{'variant':<26}{'first run':>11}{'median':>9}{'min':>8}{'max':>8}")
    for r in results:
        print(f"{r['name']:<26}{r['first']:>10.2f}s{r['median']:>8.2f}s{r['min']:>7.2f}s{r['max']:>7.2f}s")
    print(f"bundle size: {folder_size(args.bundle) / 2**20:.0f} MiB in {args.bundle}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
