"""Random damage to a library file: every command either works or says one clear line; nothing crashes.

A file refused when opened is left byte-for-byte as it was. Damage that SQLite cannot
see (bytes in unused space) may open normally; then reads must still not crash.
"""
from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

import pytest

from factcheck_app.cli import main

from reliability_support import seed_library, sha256

COMMANDS = (["articles"], ["claims"], ["search", "council"], ["source", "list"], ["store", "check"])


def _damage(data: bytearray, rng: random.Random) -> str:
    """Damage ``data`` in one of several ways; return what was done."""
    how = rng.choice(["overwrite", "truncate", "zero-page", "flip-bits", "header"])
    if how == "overwrite":
        start = rng.randrange(100, len(data))
        length = rng.randint(1, 3000)
        data[start:start + length] = bytes(rng.randrange(256) for _ in range(min(length, len(data) - start)))
    elif how == "truncate":
        del data[rng.randrange(0, len(data)):]
    elif how == "zero-page":
        page = rng.randrange(1, len(data) // 4096)
        data[page * 4096:(page + 1) * 4096] = bytes(4096)
    elif how == "flip-bits":
        for _ in range(rng.randint(1, 50)):
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
    else:
        i = rng.randrange(16, 100)  # the header after the magic string: page size, versions, counts...
        data[i] = rng.randrange(256)
    return how


def _run(capsys, argv) -> tuple[int, str]:
    capsys.readouterr()
    status = main(argv)
    return status, capsys.readouterr().err


def run_damage(tmp_path: Path, capsys, figures, cases: int, seed: int) -> None:
    pristine = tmp_path / "pristine.sqlite"
    seed_library(pristine)
    original = pristine.read_bytes()
    rng = random.Random(seed)
    for case in range(cases):
        path = tmp_path / f"damaged-{case}.sqlite"
        data = bytearray(original)
        how = _damage(data, rng)
        path.write_bytes(bytes(data))
        before = sha256(path)
        for argv in COMMANDS:
            status, err = _run(capsys, [*argv, "--store", str(path)])
            assert status in (0, 1, 2), (how, argv, status)
            if status == 2:
                assert len(err.splitlines()) == 1 and err.startswith("factcheck: "), (how, argv, err)
                assert "Traceback" not in err
                if "damaged" in err or "not a" in err or "integrity" in err:
                    assert sha256(path) == before, (how, argv)
        figures["bad stores tried"] += 1
        for side in path.parent.glob(path.name + "*"):
            if side.is_dir():
                shutil.rmtree(side)
            else:
                side.unlink()


def test_randomly_damaged_libraries(tmp_path, capsys, figures):
    run_damage(tmp_path, capsys, figures, cases=15, seed=7)


@pytest.mark.stress
def test_randomly_damaged_libraries_many(tmp_path, capsys, figures):
    run_damage(tmp_path, capsys, figures, cases=400, seed=int(time.time()))
