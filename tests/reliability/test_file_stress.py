"""Long runs for the file-system failures of issue 15 (`make stress`): exports and writes on disks of
random sizes, -wal files of every wrong kind beside a library, and exports killed at random moments.

The default suite runs one short round of each; the stress marker runs the long ones.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck_app.store import open_library
from factcheck_app.store.errors import StrayWalError
from factcheck_app.store.info import check_library, counts
from factcheck_app.store.sources import add_source
from factcheck_app.ops.verdicts import set_verdict

from reliability_support import make_article, seed_library, sha256

ROOT = Path(__file__).resolve().parents[2]
FORMATS = {"html": ".html", "md": ".md", "csv": ".csv", "json": ".json", "pdf": ".pdf"}


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


def _grown_library(path: Path, articles: int) -> Path:
    """A library with ``articles`` articles, every claim rated, so that exports take a while."""
    from factcheck_app.store.articles import import_article
    from factcheck_app.store.transaction import write

    with open_library(path) as lib:
        with write(lib.db):
            for number in range(articles):
                result = import_article(lib.db, make_article(f"Article {number}"), source_name=f"{number}.txt")
                for claim_id in result.claim_ids:
                    set_verdict(lib, claim_id, "False", rationale="r" * 300, by="Stress")
    return path


@pytest.fixture(scope="module")
def big_library(tmp_path_factory) -> Path:
    return _grown_library(tmp_path_factory.mktemp("big") / "big.sqlite", 150)


# Disk-full runs.

_LIMITED = """
import resource, sys
from factcheck_app.store import open_library
keep = open_library(sys.argv[2], create=False)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
from factcheck_app.cli import main
sys.exit(main(sys.argv[3:]))
"""


def _complete(path: Path, fmt: str) -> bool:
    data = path.read_bytes()
    if fmt == "pdf":
        return data.startswith(b"%PDF") and b"%%EOF" in data[-64:]
    if fmt == "json":
        json.loads(data)
        return True
    if fmt == "html":
        return data.rstrip().endswith(b"</html>")
    return len(data) > 0


def full_disk_round(library: Path, folder: Path, rng: random.Random, figures) -> None:
    """Export and write on a 'disk' of random size: a clean success or one line, never a partial file."""
    fmt = rng.choice(sorted(FORMATS))
    limit = rng.choice([rng.randint(200, 4_000), rng.randint(4_000, 80_000), rng.randint(80_000, 400_000)])
    out = folder / f"report-{figures['full-disk runs']}{FORMATS[fmt]}"
    before = sha256(library)
    done = subprocess.run([sys.executable, "-c", _LIMITED, str(limit), str(library), "export", "--store",
                           str(library), "--all", "--format", fmt, "-o", str(out)],
                          capture_output=True, text=True, env=_env(), timeout=300)
    assert "Traceback" not in done.stderr, done.stderr
    if done.returncode == 0:
        assert _complete(out, fmt), (fmt, limit)
    else:
        assert done.returncode == 2 and done.stderr.count("\n") == 1, (fmt, limit, done.stderr)
        assert not out.exists()
    assert [p.name for p in folder.iterdir() if p.name.endswith(".part")] == []
    assert sha256(library) == before
    figures["full-disk runs"] += 1
    done = subprocess.run([sys.executable, "-c", _LIMITED, str(limit), str(library), "source", "add", "--title",
                           "t" * rng.randint(1, 20_000), "--store", str(library)],
                          capture_output=True, text=True, env=_env(), timeout=120)
    assert "Traceback" not in done.stderr and done.returncode in (0, 2), done.stderr
    with open_library(library) as lib:
        assert check_library(lib) == []
    figures["full-disk runs"] += 1


def test_a_full_disk_round(big_library, tmp_path, figures):
    library = tmp_path / "lib.sqlite"
    shutil.copyfile(big_library, library)
    full_disk_round(library, tmp_path, random.Random(1), figures)


@pytest.mark.stress
def test_exports_and_writes_on_disks_of_random_sizes(big_library, tmp_path, figures):
    library = tmp_path / "lib.sqlite"
    shutil.copyfile(big_library, library)
    rng = random.Random(15)
    for _ in range(30):
        full_disk_round(library, tmp_path, rng, figures)


# Stray WAL files.

def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _kept_wal(db_path: Path, writes) -> bytes:
    """Return the -wal a connection leaves after ``writes`` (it never checkpoints)."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        writes(conn)
        return _wal(db_path).read_bytes()
    finally:
        conn.close()


def _library_wal(path: Path, rng: random.Random) -> bytes:
    lib = open_library(path)
    try:
        lib.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
        lib.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for number in range(rng.randint(1, 4)):
            add_source(lib.db, f"In the WAL {number} " + "w" * rng.randint(0, 5000))
        return _wal(path).read_bytes()
    finally:
        lib.close()


def stray_wal_round(folder: Path, rng: random.Random, figures) -> None:
    """Put a -wal of some wrong kind (or the right one, damaged) beside a library and open it.

    Either the open is refused with StrayWalError and the library and WAL stay byte-identical,
    or it opens and the library is sound.
    """
    folder.mkdir()
    library = folder / "library.sqlite"
    seed_library(library)
    kind = rng.choice(["other-program", "other-library", "older-copy", "newer-file", "own-damaged", "own"])
    if kind == "other-program":
        def writes(conn):
            conn.execute(f"PRAGMA page_size = {rng.choice([1024, 4096, 8192])}")
            conn.execute("CREATE TABLE t (x)")
            for _ in range(rng.randint(1, 50)):
                conn.execute("INSERT INTO t VALUES (?)", [os.urandom(rng.randint(1, 3000))])
        wal = _kept_wal(folder / "other.db", writes)
    elif kind == "other-library":
        other = folder / "other.sqlite"
        seed_library(other, title="Another library")
        wal = _library_wal(other, rng)
    elif kind == "older-copy":
        older = folder / "older.sqlite"
        shutil.copyfile(library, older)
        with open_library(library) as lib:
            add_source(lib.db, "After the copy")
        wal = _library_wal(library, rng)
        shutil.copyfile(older, library)
    elif kind == "newer-file":
        wal = _library_wal(library, rng)
        with open_library(library) as lib:
            add_source(lib.db, "Later")
    else:
        wal = _library_wal(library, rng)
        if kind == "own-damaged":
            data = bytearray(wal)
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
            wal = bytes(data[: rng.randint(32, len(data))])
    _wal(library).write_bytes(wal)
    before, wal_before = sha256(library), sha256(_wal(library))
    try:
        lib = open_library(library)
    except StrayWalError:
        assert kind != "own", "the library's own WAL was refused"
        assert sha256(library) == before and sha256(_wal(library)) == wal_before
    else:
        assert kind in ("own", "own-damaged"), f"a {kind} WAL was replayed"
        try:
            assert check_library(lib) == []
            assert counts(lib.db)["articles"] == 1
        finally:
            lib.close()
    figures["stray WALs tried"] += 1


def test_a_stray_wal_round(tmp_path, figures):
    rng = random.Random(3)
    for number in range(6):
        stray_wal_round(tmp_path / str(number), rng, figures)


@pytest.mark.stress
def test_many_stray_wals(tmp_path, figures):
    rng = random.Random(1515)
    for number in range(150):
        stray_wal_round(tmp_path / str(number), rng, figures)


# Exports killed at random moments.

#: Attempts per round at catching an export while its temporary file exists; the later ones
#: freeze the export the moment the file appears.
KILL_ATTEMPTS = 8


def _parts(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


def _freeze(proc: subprocess.Popen) -> None:
    """Stop ``proc`` and return once it has stopped (or ended): what is on disk then stays as it is."""
    proc.send_signal(signal.SIGSTOP)  # does nothing once the export has ended and been collected
    if proc.returncode is None:
        # WNOWAIT leaves an ended child for Popen to collect.
        os.waitid(os.P_PID, proc.pid, os.WSTOPPED | os.WEXITED | os.WNOWAIT)


def kill_export_while_writing(command: list[str], folder: Path, delay: float) -> bool:
    """Run an export, freeze it ``delay`` seconds after its temporary file appears, then SIGKILL it.

    Return whether the temporary file still existed when it was frozen, that is whether the
    kill landed between creating the temporary file and renaming it into place. A JSON
    report is rendered in memory and its temporary file lives 3-5 ms, less than the time
    between two looks of a sleeping poll: hence the freeze before looking, and the spinning poll.
    """
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env())
    deadline = time.monotonic() + 120
    while not _parts(folder) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.0002)
    if proc.poll() is not None:
        _out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, f"the export failed by itself: {err.decode(errors='replace')}"
        return False
    time.sleep(delay)
    _freeze(proc)
    caught = bool(_parts(folder))
    proc.kill()
    proc.communicate(timeout=60)
    return caught


def kill_export_round(library: Path, folder: Path, rng: random.Random, figures) -> None:
    """Kill an export while it writes its temporary file: the target is then absent or the old whole
    file; the next export to the folder removes what the killed one left and writes a whole report."""
    fmt = rng.choice(sorted(FORMATS))
    target = folder / f"report{FORMATS[fmt]}"
    command = [sys.executable, "-m", "factcheck_app", "export", "--store", str(library), "--all",
               "--format", fmt, "-o", str(target), "--force"]
    for attempt in range(KILL_ATTEMPTS):
        before = target.read_bytes() if target.exists() else None
        # First at a random moment of the write; when that keeps landing after the rename (a
        # short write), at the moment the temporary file appears.
        delay = rng.uniform(0, 0.05) if attempt < KILL_ATTEMPTS // 2 else 0.0
        caught = kill_export_while_writing(command, folder, delay)
        if caught:
            after = target.read_bytes() if target.exists() else None
            assert after == before, "a killed export changed its target"
            break
        # The kill came after the rename (or before the temporary file): the target is whole.
        assert not target.exists() or _complete(target, fmt)
    assert _parts(folder), f"no {fmt} export could be killed while it wrote its temporary file"
    done = subprocess.run(command, capture_output=True, text=True, env=_env(), timeout=300)
    assert done.returncode == 0, done.stderr
    assert _complete(target, fmt)
    assert _parts(folder) == []
    figures["exports killed"] += 1


def test_a_killed_export_is_cleaned_up_by_the_next(big_library, tmp_path, figures):
    kill_export_round(big_library, tmp_path, random.Random(7), figures)


@pytest.mark.stress
def test_exports_killed_at_random_moments(big_library, tmp_path, figures):
    rng = random.Random(151)
    for _ in range(12):
        kill_export_round(big_library, tmp_path, rng, figures)
