"""Loading many rows at once (library merges, benchmarks): one transaction, sqlite-utils batches."""
from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from factcheck_app.store.transaction import write

BULK_BATCH_SIZE = 2_000


def bulk_load(db: Database, table: str, rows: Iterable[dict], batch_size: int = BULK_BATCH_SIZE) -> int:
    """Insert ``rows`` (dicts with the table's columns) into ``table`` in one transaction; return how many.

    Search indexes and constraints stay in force: triggers keep FTS in step.
    """
    counted = 0

    def counting(source: Iterable[dict]):
        nonlocal counted
        for row in source:
            counted += 1
            yield row

    with write(db):
        db[table].insert_all(counting(rows), batch_size=batch_size)
    return counted
