"""`factcheck export`: verdict reports as HTML, PDF, Markdown, CSV, JSON or ClaimReview markup."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factcheck_app.cli.context import open_store
from factcheck_app.cli.errors import CommandError
from factcheck_app.cli.options import add_store_option
from factcheck_app.reports.formats import FORMATS


def register(sub: argparse._SubParsersAction) -> None:
    """Add the export sub-command."""
    p = sub.add_parser(
        "export", help="export a verdict report (html, pdf, md, csv, json, claimreview)",
        description="Export the verdicts of one or more articles, or of the whole library, as a report. "
        "Covers claims with a verdict (with --include-unchecked, every claim not dismissed). "
        "Never overwrites a file without --force; a failed export leaves no partial file.")
    p.add_argument("--format", choices=FORMATS, required=True,
                   help="html: one self-contained page; pdf: printable report; md: Markdown; csv: one row per "
                   "claim and source (+ a .columns.md README); json: the full report data; claimreview: "
                   "schema.org JSON-LD; claimreview-html: the same as <script> blocks to paste into a CMS")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--article", nargs="+", metavar="ID", help="the article(s) to report on (id or unique prefix)")
    which.add_argument("--all", action="store_true", help="report on every article in the library")
    p.add_argument("--status", choices=("reviewed", "published"),
                   help="only verdicts at least this far along (reviewed includes published ones)")
    p.add_argument("--verdict", nargs="+", metavar="RATING", help="only claims rated so, e.g. --verdict False 'Mostly false'")
    p.add_argument("--include-unchecked", action="store_true",
                   help="also list claims without a verdict, as 'Not yet checked'")
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="the file to write, or a folder to write it into under a name made from the report's title")
    p.add_argument("--force", action="store_true", help="overwrite PATH (and its CSV README) if it exists")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size (default: a4)")
    p.add_argument("--review-url", action="append", default=[], metavar="CLAIM=URL",
                   help="ClaimReview: record the published fact-check URL of a claim (repeat for more); "
                   "kept in the library for later exports")
    p.add_argument("--allow-missing-url", action="store_true",
                   help="ClaimReview: write markup even for claims without a published fact-check URL")
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


def cmd_export(args: argparse.Namespace) -> int:
    """Check the request, read the report from the library, write it; print what was written."""
    from factcheck_app.reports import claimreview
    from factcheck_app.reports.errors import ReportError
    from factcheck_app.reports.exporter import ExportRequest, run_export
    from factcheck_app.reports.selection import Selection, check_verdict_labels, resolve_articles
    from factcheck_app.store.ids import resolve

    if not args.article and not args.all:
        raise CommandError("choose the articles to export: --article ID ... or --all")
    if args.review_url and not args.format.startswith("claimreview"):
        raise CommandError("--review-url is for --format claimreview or claimreview-html")
    output = Path(args.output).expanduser()
    try:
        # An export only reads, unless review addresses are to be kept: a read-only library exports.
        with open_store(args, reading=not args.review_url) as lib:
            db = lib.db
            urls = [(resolve(db, "claims", c), u) for c, u in _parse_review_urls(args.review_url)]
            for _, url in urls:
                if not claimreview.http_url(url):
                    raise CommandError(f"'{url}' is not a web address (http:// or https://)")
            selection = Selection(
                article_ids=resolve_articles(db, args.article) if args.article else None,
                status=args.status,
                verdicts=check_verdict_labels(db, args.verdict or []),
                include_unchecked=args.include_unchecked,
            )
            for claim_id, url in urls:
                claimreview.set_review_url(db, claim_id, url)
            request = ExportRequest(fmt=args.format, path=output, selection=selection, force=args.force,
                                    paper=args.paper, allow_missing_url=args.allow_missing_url)
            result = run_export(db, request)
    except ReportError as exc:
        raise CommandError(str(exc)) from exc
    for warning in result.warnings:
        sys.stderr.write(f"factcheck: warning: {warning}\n")
    for path in result.paths:
        print(path)
    return 0
