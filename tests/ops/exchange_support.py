"""Helpers for exchange tests: hand-made libraries, a round of exchange, and a library's content to compare."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from hypothesis import settings

from factcheck_app.core.extraction import ExtractedArticle
from factcheck_app.ops.documents import attach_documents
from factcheck_app.ops.exchange import export_changes, read_changes
from factcheck_app.ops.merge import merge_changes
from factcheck_app.store.articles import import_article
from factcheck_app.store.library import Library, open_library
from factcheck_app.store.documents import stored_suffix
from factcheck_app.store.files import file_problem
from factcheck_app.store.sources import add_source

# The hand-made article helper lives beside the reliability tests.
sys.path.insert(0, str(Path(__file__).parents[1] / "reliability"))
from reliability_support import make_article  # noqa: E402

SENTENCES = [
    "The dam holds 59 million cubic metres of water.",
    "Officials said 12 villages were flooded in 2019.",
    "The river rose 3 metres in one night.",
    "About 40 percent of the harvest was lost.",
]

#: Tables whose content must be equal in libraries that exchanged everything (and the columns that are local).
CONTENT_TABLES = {
    "articles": (), "claims": (), "facets": (), "sources": (), "evidence": (), "verdicts": (),
    "verdict_history": (), "rating_scales": (), "exchange_aliases": ("recorded_at", "recorded_by"),
    "verdict_conflicts": ("found_at",), "claim_publishing": (), "claim_appearances": (),
    "documents": (), "source_documents": (), "document_pages": ("id",),
}


def article(title: str, sentences: list[str] = SENTENCES) -> ExtractedArticle:
    """Return a hand-made extracted article: one claim with one quantity facet per sentence."""
    return make_article(title, sentences)


def make_base(path: Path) -> Path:
    """Build a small library at ``path``: one article with four claims and two sources."""
    with open_library(path) as lib:
        import_article(lib.db, article("River report"), source_name="river.txt")
        add_source(lib.db, "Water board survey", url="https://water.example.org/survey", publisher="Water board")
        add_source(lib.db, "Harvest statistics", url="https://doi.org/10.5555/harvest.2019", publisher="Stats office")
    return path


def copies(base: Path, folder: Path, names: list[str]) -> dict[str, Library]:
    """Return an open library per name, each a copy of ``base`` (as colleagues starting from one library)."""
    libs = {}
    for name in names:
        target = folder / f"{name}.sqlite"
        shutil.copy(base, target)
        libs[name] = open_library(target)
    return libs


def send(libs: dict[str, Library], sender: str, receiver: str, folder: Path, by: str | None = None):
    """Export ``sender``'s changes for ``receiver`` and merge them there; return the MergeSummary."""
    path = folder / f"{sender}-to-{receiver}.fcchanges"
    export_changes(libs[sender], receiver, path, by=sender)
    return merge_changes(libs[receiver], read_changes(path), by=by or receiver, source=path.name).value


def content(lib: Library) -> dict[str, list[tuple]]:
    """Return every content table's rows (local-only columns left out), sorted, to compare libraries,
    and each document's file as it stands beside the library (its hash, and whether it is intact)."""
    out = {}
    for table, local in CONTENT_TABLES.items():
        columns = [c for c in lib.db[table].columns_dict if c not in local]
        rows = lib.db.execute(f"SELECT {', '.join(columns)} FROM [{table}]").fetchall()
        out[table] = sorted(rows, key=repr)
    out["document files"] = sorted(
        (d["sha256"], file_problem(lib.path, d["sha256"], d["size"], stored_suffix(d)))
        for d in lib.db.query("SELECT * FROM documents")
    )
    return out


def attach_text(lib: Library, source_id: str, name: str, text: str) -> str:
    """Attach a small text document (written beside the library as ``name``) to a source; return its id."""
    path = lib.path.parent / name
    path.write_text(text, encoding="utf-8")
    return attach_documents(lib, source_id, [path]).value[0].document_id


def claim_ids(lib: Library) -> list[str]:
    """Return the library's claim ids in a stable order (article title, then position)."""
    return [r[0] for r in lib.db.execute(
        "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id ORDER BY a.title, c.start_offset")]


def exchange_profile(stress: bool = False) -> settings:
    """Return the exchange property-test profile: short in the suite, long under `make stress` or when asked."""
    long = stress or os.environ.get("FACTCHECK_HYPOTHESIS_PROFILE") == "stress"
    return settings(settings.get_profile("exchange-stress" if long else "exchange"))
