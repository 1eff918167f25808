"""Compiled patterns kept between batch processes are the patterns re would compile."""
from __future__ import annotations

import re

import pytest

from factcheck_app.extract import pattern_cache, table_cache


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    """A cache folder of the test's own, and re's pattern cache as it was afterwards."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    before = dict(re._cache)
    yield tmp_path
    re._cache.clear()
    re._cache.update(before)


def test_a_pattern_made_from_its_saved_program_equals_the_compiled_one():
    from factcheck_app.extract import dates, quantities

    for source, flags in [(r"(?P<a>x)|(?P<b>y)\b", 0), (r"caf[eé]\s+(?:de|du)", re.IGNORECASE),
                          (dates._KEYWORD_SCAN.pattern, 0), (quantities._DIGIT_QUANTITY.pattern, 0)]:
        made = pattern_cache.from_program(source, pattern_cache.program(source, int(flags)))
        assert made == re.compile(source, flags)  # same pattern, flags and opcodes
        assert made.groupindex == re.compile(source, flags).groupindex


def test_the_next_run_finds_the_patterns_compiled_already(own_cache):
    source = r"kept\s+between\s+(?P<what>runs)"
    with pattern_cache.patterns_kept():
        re.compile(source)
    (saved,) = own_cache.glob("batch-patterns-*.marshal")
    re._cache.clear()
    with pattern_cache.patterns_kept():
        cached = re._cache[str, source, 0]  # there before anything compiled it
        assert re.compile(source) is cached
        assert cached.match("kept  between runs").group("what") == "runs"
    assert saved.exists()


def test_a_damaged_or_foreign_cache_is_left_to_re(own_cache):
    stamp = pattern_cache._stamp()
    path = table_cache.cache_file("batch-patterns", stamp)
    table_cache.save(path, stamp, {("x+", 0): (0, [1, 2, 3], 0, {}, (None,))})  # opcodes the engine refuses
    re._cache.clear()
    with pattern_cache.patterns_kept():
        assert ("x+" not in {key[1] for key in re._cache})
        assert re.compile("x+").fullmatch("xxx")
    path.write_bytes(b"\x00not marshal")
    with pattern_cache.patterns_kept():
        assert re.compile("y+").fullmatch("yy")


def test_a_batch_process_writes_the_same_results_with_the_kept_patterns(tmp_path):
    import os
    import subprocess
    import sys

    line = ('{"id": "a", "text": "Flights to Paris resumed on Monday, 12 days after 59 missiles hit.", '
            '"published": "2017-04-11"}\n')
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-m", "factcheck_app.extract.batch"], input=line, capture_output=True,
                           text=True, env=env, check=True).stdout for _ in range(2)]
    assert list(tmp_path.glob("batch-patterns-*.marshal"))  # the second run read what the first saved
    assert runs[0] == runs[1] and '"kind": "date"' in runs[0]
