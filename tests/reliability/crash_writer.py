"""A checker who never stops: writes units of work to a library until killed.

Run as ``python crash_writer.py STORE FIRST_UNIT``. Each unit is a source, an evidence
row citing it and a verdict change, written in ONE transaction; when the transaction has
returned, the unit number and its ids are printed and flushed, so the parent knows which
units were reported saved before it kills this process with SIGKILL.
"""
from __future__ import annotations

import sys
from pathlib import Path

from factcheck_app.store import open_library
from factcheck_app.store.evidence import add_evidence
from factcheck_app.store.sources import add_source
from factcheck_app.store.transaction import write

# The verdict helper the tests share sits one folder up (this runs as a script).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from verdict_support import set_verdict  # noqa: E402

RATINGS = ("True", "Mostly true", "Half true", "Mostly false", "False")


def unit_title(number: int) -> str:
    """Return the source title that marks unit ``number`` (the parent looks for it)."""
    return f"crash unit {number}"


def write_unit(db, number: int, claim_ids: list[str]) -> tuple[str, str]:
    """Write unit ``number`` (source + evidence + verdict) as one transaction; return (source id, evidence id)."""
    claim_id = claim_ids[number % len(claim_ids)]
    with write(db):
        source_id = add_source(db, unit_title(number), publisher=f"Publisher {number % 7}", notes="x" * (number % 300))
        evidence_id = add_evidence(db, claim_id, source_id, "supports", excerpt=f"excerpt of unit {number}")
        set_verdict(db, claim_id, RATINGS[number % len(RATINGS)], rationale=f"unit {number}",
                    checker="crash writer", why=f"unit {number}")
    return source_id, evidence_id


def main(argv: list[str]) -> int:
    """Write units from FIRST_UNIT on, for ever."""
    store, number = argv[0], int(argv[1])
    lib = open_library(store, create=False)
    claim_ids = [r[0] for r in lib.db.execute("SELECT id FROM claims ORDER BY start_offset")]
    while True:
        source_id, evidence_id = write_unit(lib.db, number, claim_ids)
        sys.stdout.write(f"{number} {source_id} {evidence_id}\n")
        sys.stdout.flush()
        number += 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
