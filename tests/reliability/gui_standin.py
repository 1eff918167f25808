"""Stands in for the desktop app: holds a library open and writes to it until a stop file appears.

Run as ``python gui_standin.py STORE STOP_FILE``. Each write attaches evidence and changes
a verdict in one transaction that it keeps open a few milliseconds (as a slow GUI action
would), then prints ``<n> <evidence id>`` and flushes. Prints ``done <count>`` at the end.
"""
from __future__ import annotations

import sys
from pathlib import Path
import time
from pathlib import Path

from factcheck_app.store import open_library
from factcheck_app.store.evidence import add_evidence
from factcheck_app.store.sources import add_source
from factcheck_app.store.transaction import write

# The verdict helper the tests share sits one folder up (this runs as a script).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from verdict_support import set_verdict  # noqa: E402

RATINGS = ("True", "False", "Half true")


def main(argv: list[str]) -> int:
    """Write until the stop file exists."""
    store, stop = argv[0], Path(argv[1])
    with open_library(store, create=False) as lib:
        db = lib.db
        claim_ids = [r[0] for r in db.execute("SELECT id FROM claims ORDER BY start_offset")]
        source_id = add_source(db, "GUI source")
        n = 0
        while not stop.exists():
            claim_id = claim_ids[n % len(claim_ids)]
            with write(db):
                evidence_id = add_evidence(db, claim_id, source_id, "context", note=f"gui {n}")
                set_verdict(db, claim_id, RATINGS[n % len(RATINGS)], rationale=f"gui {n}", checker="gui", why=f"gui {n}")
                time.sleep(0.005)
            sys.stdout.write(f"{n} {evidence_id}\n")
            sys.stdout.flush()
            n += 1
            # A person works between changes: a writer that retakes the lock the instant it lets go
            # starves every other writer on a loaded machine, which no checker's app does.
            time.sleep(0.003)
        sys.stdout.write(f"done {n}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
