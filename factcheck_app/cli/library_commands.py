"""`factcheck import`, `articles`, `claims`, `show`: bringing articles in and listing what the library holds."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factcheck_app.cli.context import open_store
from factcheck_app.cli.errors import CommandError
from factcheck_app.cli.output import print_json, print_record, print_table


def register(sub: argparse._SubParsersAction) -> None:
    """Add the import and listing sub-commands."""
    from factcheck_app.cli.parser import add_format_option, add_store_option

    p = sub.add_parser("import", help="import articles and their extracted claims", description=
                       "Import article files (.txt, .html, .md) with their extracted claims; prints each article's id. "
                       "The same text imported twice is not duplicated.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="the articles' publication date, overriding the one found")
    add_store_option(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("articles", help="list the library's articles", description="List the library's articles.")
    p.add_argument("--search", metavar="TEXT", help="only articles whose title or outlet contains TEXT")
    add_store_option(p)
    add_format_option(p)
    p.set_defaults(func=cmd_articles)

    p = sub.add_parser("claims", help="list claims", description="List claims, in reading order.")
    p.add_argument("--article", metavar="ID", help="only this article's claims (id or unique prefix)")
    p.add_argument("--status", choices=("open", "in_progress", "checked", "dismissed"))
    add_store_option(p)
    add_format_option(p)
    p.set_defaults(func=cmd_claims)

    p = sub.add_parser("show", help="show one claim with facets, evidence and verdict",
                       description="Show one claim: its facets, evidence, verdict and verdict history.")
    p.add_argument("claim", metavar="CLAIM", help="claim id or unique prefix")
    add_store_option(p)
    add_format_option(p)
    p.set_defaults(func=cmd_show)


def cmd_import(args: argparse.Namespace) -> int:
    """Import each file; print 'id  title' per article (noting ones already in the library)."""
    from factcheck_app.extract.pipeline import analyse
    from factcheck_app.ingest import MAX_ARTICLE_BYTES
    from factcheck_app.ingest.files import read_article_file
    from factcheck_app.store.articles import import_article
    from factcheck_app.store.validation import check_date

    published = check_date(args.published, "--published") if args.published else None
    # Read and extract everything first: a bad file stops the command before anything is written.
    prepared = []
    for name in args.files:
        path = Path(name)
        data = read_article_file(path, MAX_ARTICLE_BYTES)  # refuses folders, pipes, devices, oversize files
        prepared.append((path, analyse(data, filename=path.name, published=published)))
    with open_store(args, create=True) as lib:
        for path, article in prepared:
            result = import_article(lib.db, article, source_name=path.name)
            note = "" if result.created else "  (already in the library)"
            print(f"{result.article_id}  {article.title or path.name}{note}")
            if result.created:
                print(f"  {len(result.claim_ids)} claims", file=sys.stderr)
    return 0


def cmd_articles(args: argparse.Namespace) -> int:
    """List articles."""
    from factcheck_app.store.articles import list_articles

    with open_store(args, reading=True) as lib:
        rows = list_articles(lib.db, args.search)
    if args.format == "json":
        print_json(rows)
    else:
        print_table(rows, [("id", "ID", 8), ("published", "PUBLISHED", 10), ("outlet", "OUTLET", 20),
                           ("claims", "CLAIMS", 6), ("checked", "CHECKED", 7), ("title", "TITLE", 60)])
    return 0


def cmd_claims(args: argparse.Namespace) -> int:
    """List claims, optionally of one article and one status."""
    from factcheck_app.store.claims import list_claims
    from factcheck_app.store.ids import resolve

    with open_store(args, reading=True) as lib:
        article_id = resolve(lib.db, "articles", args.article) if args.article else None
        rows = list_claims(lib.db, article_id, args.status)
    if args.format == "json":
        print_json(rows)
    else:
        print_table(rows, [("id", "ID", 8), ("score", "SCORE", 5), ("status", "STATUS", 11), ("kinds", "KINDS", 24),
                           ("verdict", "VERDICT", 14), ("sources", "SRC", 3), ("text", "CLAIM", 70)])
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Show one claim in full."""
    from factcheck_app.store.claims import get_claim
    from factcheck_app.store.evidence import list_evidence
    from factcheck_app.store.ids import resolve
    from factcheck_app.store.verdicts import get_verdict, verdict_history

    with open_store(args, reading=True) as lib:
        claim_id = resolve(lib.db, "claims", args.claim)
        claim = get_claim(lib.db, claim_id)
        claim["evidence"] = list_evidence(lib.db, claim_id)
        claim["verdict_detail"] = get_verdict(lib.db, claim_id)
        claim["history"] = verdict_history(lib.db, claim_id)
    if args.format == "json":
        print_json(claim)
        return 0
    print_record({k: claim[k] for k in ("id", "article_title", "text", "score", "status", "origin", "dismiss_reason")})
    print("\nfacets:")
    for f in claim["facets"]:
        extra = " ".join(x for x in (f.get("unit") and f"unit={f['unit']}", f.get("speaker") and f"speaker={f['speaker']}",
                                     f.get("subtype") and f"type={f['subtype']}") if x)
        print(f"  {f['kind']:<9} {f['text']!r} -> {f['value']} {extra}".rstrip())
    print("\nevidence:")
    for e in claim["evidence"] or []:
        print(f"  {e['stance']:<9} {e['source_title']} ({e['publisher'] or 'no publisher'})"
              + (f" [{e['locator']}]" if e["locator"] else ""))
        if e["excerpt"]:
            print(f"            “{e['excerpt']}”")
    if not claim["evidence"]:
        print("  (none)")
    v = claim["verdict_detail"]
    print("\nverdict:")
    if v:
        print(f"  {v['rating']} on {v['scale']} ({v['status']}) by {v['checker'] or '?'}"
              + (f", reviewed by {v['reviewer']}" if v["reviewer"] else ""))
        if v["rationale"]:
            print(f"  {v['rationale']}")
    else:
        print("  Not yet checked")
    return 0
