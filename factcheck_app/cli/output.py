"""Printing listings as a readable table or as JSON."""
from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TextIO


def shorten(text: object, width: int) -> str:
    """Return ``text`` on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(str(text if text is not None else "").split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def print_table(rows: Sequence[dict], columns: Sequence[tuple[str, str, int]], out: TextIO | None = None) -> None:
    """Print rows as aligned columns; ``columns`` are (key, heading, max width)."""
    out = out or sys.stdout  # looked up per call: callers may redirect sys.stdout after import
    cells = [[shorten(row.get(key), width) for key, _, width in columns] for row in rows]
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, (_, h, _) in enumerate(columns)]
    out.write("  ".join(h.ljust(w) for (_, h, _), w in zip(columns, widths)).rstrip() + "\n")
    for row in cells:
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() + "\n")
    if not rows:
        out.write("(none)\n")


def print_json(data: object, out: TextIO | None = None) -> None:
    """Print ``data`` as indented UTF-8 JSON."""
    out = out or sys.stdout
    out.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_record(record: dict, out: TextIO | None = None) -> None:
    """Print one record as 'key: value' lines, skipping empty values."""
    out = out or sys.stdout
    width = max((len(k) for k in record), default=0)
    for key, value in record.items():
        if value not in (None, "", [], {}):
            out.write(f"{key.ljust(width)}  {value}\n")


def print_reading_notes(article, name: str, out: TextIO | None = None, *, with_notes: bool = True) -> None:
    """Print on stderr which reader read ``name`` and (``with_notes``) every warning ingest gave about it."""
    out = out or sys.stderr
    out.write(f"  {name}: read as {article.reader or 'unknown'}\n")
    for warning in article.warnings if with_notes else ():
        out.write(f"  note: {warning}\n")
