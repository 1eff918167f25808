"""`factcheck export`: reports, ClaimReview markup, the corrections log and statistics, in any registered format."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factcheck_app.cli.context import open_store
from factcheck_app.cli.errors import CommandError
from factcheck_app.cli.options import add_store_option
from factcheck_app.reports.formats import all_formats, format_ids


def register(sub: argparse._SubParsersAction) -> None:
    """Add the export sub-command (its formats come from the export-format registry)."""
    formats = all_formats()
    p = sub.add_parser(
        "export", help="export a report, ClaimReview, the corrections log or statistics",
        description="Export the verdicts of one or more articles, or of the whole library. "
        "Covers claims with a verdict (with --include-unchecked, every claim not dismissed); ClaimReview only "
        "reviewed or published verdicts unless --include-drafts. "
        "Never overwrites a file without --force; a failed export leaves no partial file.")
    p.add_argument("--format", choices=format_ids(), required=True,
                   help="; ".join(f"{f.id}: {f.help or f.label}" for f in formats))
    which = p.add_mutually_exclusive_group()
    which.add_argument("--article", nargs="+", metavar="ID", help="the article(s) to report on (id or unique prefix)")
    which.add_argument("--all", action="store_true", help="report on every article in the library")
    p.add_argument("--status", choices=("reviewed", "published"),
                   help="only verdicts at least this far along (reviewed includes published ones)")
    p.add_argument("--verdict", nargs="+", metavar="RATING", help="only claims rated so, e.g. --verdict False 'Mostly false'")
    p.add_argument("--include-unchecked", action="store_true",
                   help="also list claims without a verdict, as 'Not yet checked'")
    p.add_argument("--include-drafts", action="store_true",
                   help="ClaimReview: export draft verdicts too (each marked as a draft)")
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="the file to write, or a folder to write it into under a name made from the report's title")
    p.add_argument("--force", action="store_true", help="overwrite PATH (and its CSV README) if it exists")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size (default: a4)")
    p.add_argument("--review-url", action="append", default=[], metavar="CLAIM=URL",
                   help="ClaimReview: record the published review's address of a claim (repeat for more); "
                   "kept in the library, as `factcheck publishing set CLAIM --review-url URL`")
    p.add_argument("--allow-incomplete", "--allow-missing-url", dest="allow_incomplete", action="store_true",
                   help="ClaimReview: write the markup even though items are missing (they are listed)")
    add_store_option(p)
    p.set_defaults(func=cmd_export)


def _parse_review_urls(values: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        claim, sep, url = value.partition("=")
        if not sep or not claim.strip() or not url.strip():
            raise CommandError(f"--review-url takes CLAIM=URL, not '{value}'")
        pairs.append((claim.strip(), url.strip()))
    return pairs


def _record_review_urls(lib, pairs: list[tuple[str, str]]) -> None:
    """Check every address first, then record them through the publishing operation (nothing on a bad one)."""
    from factcheck_app.cli.options import resolve_id
    from factcheck_app.ops.publishing import PublishingEdit, edit_publishing, web_address
    from factcheck_app.user_profile import acting_user

    resolved = [(resolve_id(lib, "claims", c), web_address(u, "review address")) for c, u in pairs]
    for claim_id, url in resolved:
        edit_publishing(lib, claim_id, PublishingEdit(review_url=url), by=acting_user() or None)


def cmd_export(args: argparse.Namespace) -> int:
    """Check the request, read the report from the library, write it; print what was written."""
    from factcheck_app.cli.publishing_commands import print_missing
    from factcheck_app.reports.errors import ClaimReviewIncompleteError, ReportError
    from factcheck_app.reports.exporter import ExportRequest, export_format, run_export
    from factcheck_app.reports.selection import Selection, check_verdict_labels, resolve_articles

    if not args.article and not args.all:
        raise CommandError("choose the articles to export: --article ID ... or --all")
    fmt = export_format(args.format)
    if args.review_url and not fmt.publication:
        raise CommandError(f"--review-url is for the ClaimReview formats, not {fmt.id}")
    output = Path(args.output).expanduser()
    try:
        with open_store(args) as lib:
            db = lib.db
            selection = Selection(
                article_ids=resolve_articles(db, args.article) if args.article else None,
                status=args.status,
                verdicts=check_verdict_labels(db, args.verdict or []),
                include_unchecked=args.include_unchecked,
            )
            if args.review_url:
                _record_review_urls(lib, _parse_review_urls(args.review_url))
            request = ExportRequest(fmt=fmt.id, path=output, selection=selection, force=args.force,
                                    paper=args.paper, allow_incomplete=args.allow_incomplete,
                                    include_drafts=args.include_drafts)
            result = run_export(db, request)
    except ClaimReviewIncompleteError as exc:
        if not exc.items:
            raise CommandError(str(exc)) from exc
        sys.stderr.write(f"factcheck: {exc} Nothing was written. Fill these in (or pass --allow-incomplete):\n")
        print_missing(exc.items)
        return 2
    except ReportError as exc:
        raise CommandError(str(exc)) from exc
    for warning in result.warnings:
        sys.stderr.write(f"factcheck: warning: missing {warning}\n")
    for path in result.paths:
        print(path)
    return 0
