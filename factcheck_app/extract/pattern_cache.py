"""Compiled regular expressions kept between batch processes, so a short process does not compile them again.

Other tools run ``factcheck extract --batch`` again and again on a few articles; such a process
spent close to half of its time in ``re`` compiling the readers' and finders' patterns, the same
ones every run (``re`` compiles in Python). ``patterns_kept`` saves the compiled form of the
patterns a run used (the opcode list ``re`` hands to its C engine) in the user cache, keyed by
the Python build, and hands them to ``re``'s own pattern cache at the next start: ``re.compile``
then finds them there. A pattern compiled from the saved form compares equal to a freshly
compiled one (same pattern, flags and opcodes), and the engine validates the opcodes as it
always does. This leans on ``re``'s internals (its pattern cache and compiler), which differ
between Python versions: the stamp names the exact build, and whatever does not fit (another
layout, a refused program) is skipped, leaving ``re`` to compile as usual.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from factcheck_app.extract import table_cache

# (pattern, flags) -> (flags as compiled, opcodes, groups, group index, index group): _sre.compile's arguments.
Programs = dict[tuple[str, int], tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]]
_KIND = "batch-patterns"
# As many as re's cache holds beside the few patterns compiled before the block starts.
_MOST = getattr(re, "_MAXCACHE", 512) - 64


def _stamp() -> str:
    import _sre

    return table_cache.stamp_of(sys.version, f"sre{_sre.MAGIC}-{_sre.CODESIZE}")


def program(pattern: str, flags: int) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]:
    """What ``re`` compiles ``pattern`` to: the arguments it passes to its C engine (as
    ``re._compiler.compile`` does)."""
    parsed = re._parser.parse(pattern, flags)
    code = re._compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # The opcodes are int subclasses (named constants): plain ints, as marshal writes them.
    return flags | parsed.state.flags, [int(op) for op in code], parsed.state.groups - 1, groupindex, tuple(indexgroup)


def from_program(pattern: str, saved: tuple) -> re.Pattern:
    """The compiled pattern from what ``program`` gave (the engine checks the opcodes)."""
    import _sre

    flags, code, groups, groupindex, indexgroup = saved
    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)


def _install(programs: object) -> set[tuple[str, int]]:
    """Put the saved patterns in ``re``'s cache; return the keys put there."""
    cache = getattr(re, "_cache", None)
    if not isinstance(programs, dict) or not isinstance(cache, dict):
        return set()
    room = getattr(re, "_MAXCACHE", 0) - len(cache)
    installed = set()
    for key, saved in programs.items():
        if len(installed) >= room:
            break
        try:
            pattern, flags = key
            cache[str, pattern, flags] = from_program(pattern, saved)
        except (TypeError, ValueError, RuntimeError):  # another layout or a refused program: re compiles it
            continue
        installed.add(key)
    return installed


def _used(installed: set[tuple[str, int]]) -> list[tuple[str, int]]:
    """The string patterns in ``re``'s cache that were compiled in this process."""
    cache = getattr(re, "_cache", {})
    return [(pattern, flags) for kind, pattern, flags in list(cache)
            if kind is str and not flags & re.DEBUG and (pattern, flags) not in installed]


@contextmanager
def patterns_kept() -> Iterator[None]:
    """Run a block with the patterns saved by earlier runs already compiled, and save the ones it
    compiled anew for the next run."""
    try:
        stamp = _stamp()
        path = table_cache.cache_file(_KIND, stamp)
        saved = table_cache.load(path, stamp)
        installed = _install(saved)
    except Exception:  # noqa: BLE001 - a cache is never worth failing the batch for
        yield
        return
    yield
    try:
        new = _used(installed)
        if new:
            programs: Programs = {key: program(*key) for key in new}
            # This run's first, then the earlier ones, as many as re's cache holds: patterns of
            # older versions of the code do not pile up.
            for key, saved_program in (saved.items() if isinstance(saved, dict) else ()):
                if len(programs) >= _MOST:
                    break
                programs.setdefault(key, saved_program)
            table_cache.save(path, stamp, programs)
    except Exception:  # noqa: BLE001 - the next run compiles them again, that is all
        pass
