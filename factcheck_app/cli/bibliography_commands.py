"""`factcheck source import|export`: sources from and to CSL-JSON, RIS and BibTeX (Zotero and citation managers)."""
from __future__ import annotations

import argparse
import sys

from factcheck_app.cli.context import open_store
from factcheck_app.cli.errors import CommandError
from factcheck_app.cli.options import add_action, resolve_id

EXPORT_FORMATS = ("csl-json", "ris", "bibtex")


def register_source_actions(group: argparse._SubParsersAction) -> None:
    """Add `source import` and `source export` to the `source` command."""
    p = add_action(
        group, "import", cmd_source_import, "import sources from CSL-JSON, RIS or BibTeX files",
        "Import sources from bibliography files: CSL-JSON (Zotero's export), RIS or BibTeX, the format told "
        "from the content. An entry with the DOI, else the address, else the title and date of a source "
        "already in the library updates it; the others are created. Prints what was created, updated and "
        "skipped; broken entries are listed with their position on stderr and the rest are imported.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p = add_action(
        group, "export", cmd_source_export, "export sources as CSL-JSON, RIS or BibTeX",
        "Write the library's sources, an article's cited sources or a claim's sources as CSL-JSON, RIS or "
        "BibTeX, for Zotero and citation managers.")
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS, dest="bib_format")
    scope = p.add_mutually_exclusive_group(required=True)
    scope.add_argument("--all", action="store_true", help="every source in the library")
    scope.add_argument("--article", action="append", metavar="ID", help="the sources cited on an article's claims")
    scope.add_argument("--claim", action="append", metavar="ID", help="the sources cited on a claim")
    p.add_argument("-o", "--output", required=True, metavar="PATH")
    p.add_argument("--force", action="store_true", help="overwrite PATH if it exists")


def cmd_source_import(args: argparse.Namespace) -> int:
    """Import bibliography files; print the created / updated / skipped report."""
    from factcheck_app.ops.bibliography import import_sources
    from factcheck_app.store.sources import get_source

    with open_store(args, create=True) as lib:
        report = import_sources(lib, args.files).value
        titles = {s: get_source(lib.db, s)["title"] for s in report.created + report.updated + report.skipped}
    for name, fmt in report.formats.items():
        print(f"{name}: {fmt}")
    for label, ids in (("created", report.created), ("updated", report.updated), ("skipped", report.skipped)):
        for source_id in ids:
            print(f"{label:<8} {source_id}  {titles[source_id]}")
    for problem in report.problems:
        print(f"not imported: {problem}", file=sys.stderr)
    print(report.summary())
    return 0


def cmd_source_export(args: argparse.Namespace) -> int:
    """Export sources as a bibliography file."""
    from factcheck_app.reports.bibliography_export import export_sources
    from factcheck_app.reports.errors import ReportError
    from factcheck_app.store.sources import sources_cited

    with open_store(args, reading=True) as lib:
        if args.all:
            rows = sources_cited(lib.db)
        elif args.article:
            rows = sources_cited(lib.db, article_ids=[resolve_id(lib, "articles", a) for a in args.article])
        else:
            rows = sources_cited(lib.db, claim_ids=[resolve_id(lib, "claims", c) for c in args.claim])
    try:
        path = export_sources(rows, args.bib_format, args.output, force=args.force)
    except ReportError as exc:
        raise CommandError(str(exc)) from exc
    print(f"{path}: {len(rows)} source(s)")
    return 0
