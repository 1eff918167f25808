"""Batch extraction: JSON lines in, JSON lines out (the contract in ARCHITECTURE.md).

Each input line is ``{"id", "text", "published"}``; each output line is the id
plus ``ExtractedArticle.to_dict()``. A bad line yields ``{"id", "error"}`` and
the batch goes on. Run as ``python -m factcheck_app.extract.batch < in.jsonl``.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TextIO

from factcheck_app.extract.pipeline import analyse


def run_batch(lines: Iterable[str], out: TextIO) -> int:
    """Extract every JSON line of ``lines`` and write one result line each to ``out``.

    Blank lines are skipped. Returns the number of result lines written
    (errors included).
    """
    count = 0
    for line in lines:
        if not line.strip():
            continue
        out.write(json.dumps(_one(line), ensure_ascii=False) + "\n")
        out.flush()
        count += 1
    return count


def _one(line: str) -> dict:
    """The result object for one input line; errors become {"id", "error"}."""
    doc_id = None
    try:
        doc = json.loads(line)
        if not isinstance(doc, dict):
            raise ValueError("each line must be a JSON object")
        doc_id = doc.get("id")
        text = doc.get("text")
        if not isinstance(text, str):
            raise ValueError('"text" must be a string')
        published = doc.get("published")
        if published is not None and not isinstance(published, str):
            raise ValueError('"published" must be an ISO date string or null')
        article = analyse(text, None, published)
        return {"id": doc_id, **article.to_dict()}
    except Exception as exc:  # noqa: BLE001 - one bad line must not stop the batch
        return {"id": doc_id, "error": f"{type(exc).__name__}: {exc}"}


def main() -> int:
    """Read JSON lines on stdin, write results on stdout."""
    from factcheck_app.extract.pattern_cache import patterns_kept

    sys.stdout.reconfigure(encoding="utf-8")
    sys.stdin.reconfigure(encoding="utf-8")
    with patterns_kept():
        run_batch(sys.stdin, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
