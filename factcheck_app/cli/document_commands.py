"""`factcheck source attach|detach|files`: documents kept by a source (PDF, saved pages, text, pictures)."""
from __future__ import annotations

import argparse
import sys

from factcheck_app.cli.context import open_store
from factcheck_app.cli.options import add_action, resolve_id
from factcheck_app.cli.output import print_json, print_table


def register_source_actions(group: argparse._SubParsersAction) -> None:
    """Add `source attach`, `source detach` and `source files` to the `source` command."""
    p = add_action(
        group, "attach", cmd_source_attach, "keep document files with a source (PDF, .html, .txt, .md, PNG, JPEG, WebP)",
        "Keep document files with a source: PDF, a saved web page (.html), text (.txt), Markdown (.md) or a "
        "picture (PNG, JPEG, WebP). Each file is kept unchanged beside the library, named by its SHA-256, and its "
        "text made searchable; the same file attached twice is kept once. Prints one line per file: document id, "
        "type, size, SHA-256 and name. A file that cannot be kept stops the command before anything is written.")
    p.add_argument("source", metavar="SOURCE", help="source id or a prefix of at least 4 characters")
    p.add_argument("files", nargs="+", metavar="FILE")
    p = add_action(
        group, "detach", cmd_source_detach, "detach documents from a source",
        "Detach documents from a source. A document no other source keeps and no evidence quotes leaves the "
        "library's tables; its file stays beside the library (backups may name it).")
    p.add_argument("source", metavar="SOURCE", help="source id or a prefix of at least 4 characters")
    p.add_argument("documents", nargs="+", metavar="DOC", help="document id or a prefix of at least 4 characters")
    p = add_action(
        group, "files", cmd_source_files, "list a source's documents with hash, size, type and when attached",
        "List the documents a source keeps: id, type, size, pages (or paragraphs), whether the text is "
        "searchable, when it was attached, SHA-256 and file name.", listing=True)
    p.add_argument("source", metavar="SOURCE", help="source id or a prefix of at least 4 characters")


def _text_state(row: dict) -> str:
    if row["part_kind"] == "image" and not row["has_text"]:
        return "image"
    if not row["has_text"]:
        return "no text"
    return "ocr" if row.get("text_origin") == "ocr" else "yes"


def cmd_source_attach(args: argparse.Namespace) -> int:
    """Attach files to a source; print one line per file."""
    from factcheck_app.ops.documents import attach_documents

    with open_store(args) as lib:
        source_id = resolve_id(lib, "sources", args.source)
        result = attach_documents(lib, source_id, args.files)
    for a in result.value:
        note = "  (already attached)" if a.already_attached else "  (already in the library)" if a.reused else ""
        print(f"{a.document_id}  {a.media_type}  {a.size} bytes  sha256 {a.sha256}  {a.file_name}{note}")
    for line in result.notes:
        print(line, file=sys.stderr)
    return 0


def cmd_source_detach(args: argparse.Namespace) -> int:
    """Detach documents from a source; print one line per document."""
    from factcheck_app.ops.documents import detach_documents

    with open_store(args) as lib:
        source_id = resolve_id(lib, "sources", args.source)
        result = detach_documents(lib, source_id, [resolve_id(lib, "documents", d) for d in args.documents])
    for document_id in result.value:
        print(f"detached {document_id}")
    return 0


def cmd_source_files(args: argparse.Namespace) -> int:
    """List a source's documents."""
    from factcheck_app.store.documents import documents_of_source

    with open_store(args, reading=True) as lib:
        rows = documents_of_source(lib.db, resolve_id(lib, "sources", args.source))
    for row in rows:
        row["text"] = _text_state(row)
    if args.format == "json":
        print_json([{k: r[k] for k in ("id", "attached_name", "media_type", "size", "sha256", "part_kind", "parts",
                                       "has_text", "text_origin", "attached_at", "added_at")} for r in rows])
    else:
        print_table(rows, [("id", "ID", 8), ("media_type", "TYPE", 15), ("size", "BYTES", 12),
                           ("parts", "PARTS", 5), ("text", "TEXT", 7), ("attached_at", "ATTACHED", 25),
                           ("sha256", "SHA-256", 64), ("attached_name", "NAME", 40)])
    return 0
