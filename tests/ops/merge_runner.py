"""A merge that reports its progress line by line, to be killed mid-way: ``python merge_runner.py LIBRARY CHANGES``.

After each progress line it waits for a line on stdin, so the parent knows exactly where the
merge stands when it sends SIGKILL (inside the transaction, before the commit).
"""
from __future__ import annotations

import sys

from factcheck_app.ops.exchange import read_changes
from factcheck_app.ops.merge import merge_changes
from factcheck_app.store.library import open_library


def main(argv: list[str]) -> int:
    """Merge CHANGES into LIBRARY, printing 'progress N' as it goes and 'done' when committed."""
    lib = open_library(argv[0], create=False)
    changes = read_changes(argv[1])

    def progress(done: int, total: int, what: str) -> None:
        sys.stdout.write(f"progress {done}\n")
        sys.stdout.flush()
        sys.stdin.readline()

    merge_changes(lib, changes, by="Runner", progress=progress)
    sys.stdout.write("done\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
