"""`factcheck extract`: claims of one file, or the batch contract on stdin/stdout; needs no library."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck_app.cli.errors import CommandError
from factcheck_app.cli.output import print_json, print_reading_notes

if TYPE_CHECKING:  # only named in annotations: `extract --batch` runs without loading argparse
    import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add the extract sub-command."""
    p = sub.add_parser(
        "extract",
        help="extract claims from an article without storing it",
        description="Extract an article's claims and facets. With --batch, read one JSON object a line on stdin "
        '({"id", "text", "published"}) and write one result a line (see README, "Batch extraction").',
    )
    p.add_argument("file", metavar="FILE", nargs="?")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date, overriding the one found")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.add_argument("--batch", action="store_true", help="batch mode: JSON lines on stdin, JSON lines on stdout")
    p.set_defaults(func=cmd_extract)


def cmd_extract(args: argparse.Namespace) -> int:
    """Extract one file or run the batch loop."""
    if args.batch:
        if args.file:
            raise CommandError("--batch reads stdin; give no FILE with it")
        from factcheck_app.extract.batch import run_batch

        run_batch(sys.stdin, sys.stdout)
        return 0
    if not args.file:
        raise CommandError("give a FILE to extract, or --batch")
    from factcheck_app.extract.pipeline import analyse
    from factcheck_app.ingest import MAX_ARTICLE_BYTES
    from factcheck_app.ingest.files import read_article_file
    from factcheck_app.store.validation import check_date

    published = check_date(args.published, "--published") if args.published else None
    path = Path(args.file)
    data = read_article_file(path, MAX_ARTICLE_BYTES)  # refuses folders, pipes, devices, oversize files
    article = analyse(data, filename=path.name, published=published)
    print_reading_notes(article, path.name)
    if args.format == "json":
        print_json(article.to_dict())
        return 0
    print(article.title or path.name)
    print(f"published: {article.published or 'unknown'}   outlet: {article.outlet or 'unknown'}")
    for claim in sorted(article.claims, key=lambda c: -c.score):
        print(f"\n[{claim.score:.2f}] {' '.join(claim.text.split())}")
        for f in claim.facets:
            detail = f.unit or f.speaker or f.subtype or ""
            print(f"    {f.kind:<9} {f.text!r} -> {f.value}" + (f"  ({detail})" if detail else ""))
    return 0
