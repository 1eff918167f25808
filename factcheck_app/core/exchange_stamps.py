"""Version stamps of the rows that travel between libraries, and how two versions of one row combine.

A stamp is the UTC time to the millisecond, a space and the id of the library that made the
change (``2024-05-01T09:30:00.123Z 3f2a…``); stamps compare as text and the later one wins.

A row kept against a removal (the removal gave way because evidence, an attachment or a
verdict still names the row, see ops/merge.py) gets a kept stamp, ``<removal stamp> kept
<stamp of the content kept>``. It sorts right after the removal it cancels and before any
later change, so the row comes back wherever that removal went; and it says how new the
content it keeps is, so that two libraries keeping the same row, or a library that never saw
the removal, keep the newest content rather than whichever version happens to be stamped last.
"""
from __future__ import annotations

#: Joins a removal's stamp and the stamp of the content kept against it.
KEPT = " kept "


def content_stamp(stamp: str) -> str:
    """Return the stamp of the content a version holds: a kept stamp's content part, else the stamp itself."""
    return stamp.rpartition(KEPT)[2] if KEPT in stamp else stamp


def kept_stamp(removal: str, content: str) -> str:
    """Return the stamp of a row kept against the removal stamped ``removal``, holding content stamped ``content``."""
    return f"{removal}{KEPT}{content_stamp(content)}"


def combine(a: str, b: str) -> str:
    """Return the stamp two versions of one present row combine into: the later presence, the newer content.

    For plain stamps that is simply the later one. When the later is a kept stamp whose content
    is older than the other version's, the content of the other is kept under the same removal.
    The result does not depend on the order of ``a`` and ``b`` and combining again changes nothing.
    """
    later, earlier = (a, b) if a >= b else (b, a)
    if KEPT in later and content_stamp(earlier) > content_stamp(later):
        return kept_stamp(later.rpartition(KEPT)[0], earlier)
    return later


def content_order(a: str, b: str) -> int:
    """Return 1 when version ``a`` holds newer content than ``b``, -1 when older, 0 when the same content stamp."""
    ca, cb = content_stamp(a), content_stamp(b)
    return (ca > cb) - (ca < cb)
