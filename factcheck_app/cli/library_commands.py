"""`factcheck import`, `articles`, `claims`, `show`, `search`: bringing articles in and finding what the library holds."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factcheck_app.cli.context import open_store
from factcheck_app.cli.options import add_action, resolve_id
from factcheck_app.cli.output import print_json, print_reading_notes, print_record, print_table


def register(sub: argparse._SubParsersAction) -> None:
    """Add the import, listing and search sub-commands."""
    p = add_action(sub, "import", cmd_import, "import articles and their extracted claims",
                   "Import article files (.txt, .html, .md) with their extracted claims; prints each article's id. "
                   "The same text imported twice is not duplicated.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="the articles' publication date, overriding the one found")
    p = add_action(sub, "articles", cmd_articles, "list the library's articles", listing=True)
    p.add_argument("--search", metavar="TEXT", help="only articles whose title or outlet contains TEXT")
    p = add_action(sub, "claims", cmd_claims, "list claims", "List claims, in reading order.", listing=True)
    p.add_argument("--article", metavar="ID", help="only this article's claims (id or a prefix of 4+ characters)")
    p.add_argument("--status", choices=("open", "in_progress", "checked", "dismissed"))
    p = add_action(sub, "show", cmd_show, "show one claim with facets, evidence and verdict",
                   "Show one claim: its facets, evidence, verdict and verdict history.", listing=True)
    p.add_argument("claim", metavar="CLAIM", help="claim id or a prefix of at least 4 characters")
    p = add_action(sub, "search", cmd_search, "full-text search of sources, evidence and claims",
                   "Search sources (title, publisher, notes, tags), evidence excerpts and claims; best matches "
                   "first. Every word must match; the last one may be the start of a word.", listing=True)
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=20)


def cmd_import(args: argparse.Namespace) -> int:
    """Import each file; print 'id  title' per article (noting ones already in the library)."""
    from factcheck_app.ops.importing import prepare, read_file, store_article
    from factcheck_app.store.validation import check_date

    published = check_date(args.published, "--published") if args.published else None
    # Read and extract everything first: a bad file stops the command before anything is written.
    prepared = []
    for name in args.files:
        path = Path(name)
        prepared.append((path, prepare(read_file(path), name=path.name, published=published)))
    with open_store(args, create=True) as lib:
        for path, article in prepared:
            result = store_article(lib, article, source_name=path.name)
            imported = result.value
            note = "" if imported.created else "  (already in the library)"
            print(f"{imported.article_id}  {article.title or path.name}{note}")
            print_reading_notes(article, path.name, with_notes=False)
            if imported.created:
                print(f"  {len(imported.claim_ids)} claims", file=sys.stderr)
            for line in result.notes:
                print(f"  note: {line}", file=sys.stderr)
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

    with open_store(args, reading=True) as lib:
        article_id = resolve_id(lib, "articles", args.article) if args.article else None
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
    from factcheck_app.store.verdicts import get_verdict, verdict_history

    with open_store(args, reading=True) as lib:
        claim_id = resolve_id(lib, "claims", args.claim)
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


def cmd_search(args: argparse.Namespace) -> int:
    """Search the library."""
    from factcheck_app.store.search import search

    with open_store(args, reading=True) as lib:
        rows = search(lib.db, args.query, limit=max(1, args.limit))
    if args.format == "json":
        print_json(rows)
    else:
        print_table(rows, [("kind", "KIND", 8), ("id", "ID", 8), ("title", "MATCH", 70), ("detail", "DETAIL", 20)])
    return 0
