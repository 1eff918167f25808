"""`factcheck match` (has this been checked before?) and `factcheck checks` (collections of
published fact-checks: import, list, search, remove-collection)."""
from __future__ import annotations

import argparse
import json
import sys

from factcheck_app.cli.context import open_store
from factcheck_app.cli.errors import CommandError
from factcheck_app.cli.output import print_json, print_table, shorten
from factcheck_app.core.vocabulary import STANCES


def register(sub: argparse._SubParsersAction) -> None:
    """Add the match and checks sub-commands."""
    from factcheck_app.cli.options import add_by_option, add_format_option, add_store_option

    p = sub.add_parser(
        "match", help="has this claim been checked before?",
        description="Match a claim of the library (CLAIM) or any text (--text) against the library's published "
        "checks and its earlier claims with a verdict, offline; each match says why and how strong it is. "
        "Matching a library claim keeps its matches for the app's \"Checked before\" section. With --batch, "
        'read one JSON object {"verified_claims": [{"id", "claim", "title"}], "queries": [{"id", "text"}]} on stdin '
        'and write one line {"query_id", "ranked": [ids, best first, up to 20]} per query.',
    )
    p.add_argument("claim", metavar="CLAIM", nargs="?", help="claim id or unique prefix")
    p.add_argument("--text", metavar="TEXT", help="match this text instead of a library claim")
    p.add_argument("--batch", action="store_true", help="batch mode on stdin/stdout (needs no library)")
    p.add_argument("--limit", type=int, default=5, metavar="N", help="matches to show (default 5)")
    p.add_argument("--attach", metavar="CHECK", help="attach this published check (id or prefix) to CLAIM as "
                   "evidence; the check becomes a source")
    p.add_argument("--stance", choices=STANCES, help="the evidence's stance, with --attach")
    p.add_argument("--copy-rating", metavar="CHECK", help="give CLAIM this published check's rating as a draft "
                   "verdict, on the claim's scale")
    add_by_option(p)
    add_store_option(p)
    add_format_option(p)
    p.set_defaults(func=cmd_match)

    checks = sub.add_parser("checks", help="collections of published fact-checks (ClaimReview)",
                            description="Collections of published fact-checks, kept as read-only references.")
    csub = checks.add_subparsers(title="commands", metavar="COMMAND")
    checks.set_defaults(func=lambda args: _usage(checks))

    p = csub.add_parser(
        "import", help="import ClaimReview files",
        description="Import published fact-checks from ClaimReview JSON-LD files (one object, a list or an "
        "@graph), schema.org DataFeed files whose elements carry ClaimReview items, or saved HTML pages with "
        "ClaimReview blocks. Each file becomes a collection named after it (or --collection). Importing again "
        "updates checks rather than duplicating them; malformed items are reported with their position and "
        "skipped. The library's claims are matched against the checks afterwards.",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--collection", metavar="NAME", help="put every file's checks in this collection")
    add_store_option(p)
    p.set_defaults(func=cmd_checks_import)

    p = csub.add_parser("list", help="list collections, or the checks of one",
                        description="List the collections of published checks, or with --collection the checks of one.")
    p.add_argument("--collection", metavar="NAME", help="list this collection's checks (name or id prefix)")
    p.add_argument("--limit", type=int, default=100, metavar="N", help="checks to list (default 100)")
    add_store_option(p)
    add_format_option(p)
    p.set_defaults(func=cmd_checks_list)

    p = csub.add_parser("search", help="search published checks",
                        description="Published checks whose claim or title holds every word of QUERY (word forms "
                        "folded: 'protesters' finds 'protest').")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=20, metavar="N")
    add_store_option(p)
    add_format_option(p)
    p.set_defaults(func=cmd_checks_search)

    p = csub.add_parser("remove-collection", help="remove a collection and its checks",
                        description="Remove a collection of published checks (name or id prefix) and its checks.")
    p.add_argument("collection", metavar="NAME")
    add_store_option(p)
    p.set_defaults(func=cmd_checks_remove)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _positive(n: int, option: str) -> int:
    if n < 1:
        raise CommandError(f"{option} must be at least 1")
    return n


def cmd_match(args: argparse.Namespace) -> int:
    """Match a claim, a text, or run the batch contract."""
    if args.batch:
        if args.claim or args.text is not None:
            raise CommandError("--batch reads stdin; give no CLAIM or --text with it")
        return _batch()
    if (args.claim is None) == (args.text is None):
        raise CommandError("give a CLAIM id or --text \"…\" (one of them), or --batch")
    if args.attach or args.copy_rating:
        return _use_match(args)
    if args.stance:
        raise CommandError("--stance goes with --attach")
    limit = _positive(args.limit, "--limit")
    from factcheck_app.ops.matching import Matcher, kept, match_claims
    from factcheck_app.cli.options import resolve_id
    from factcheck_app.store import claims, published_checks

    if args.text is not None and not args.text.strip():
        raise CommandError("--text is empty")
    with open_store(args, reading=True) as lib:
        if args.text is not None:
            found = Matcher(lib).find(args.text, limit=limit)
            subject = args.text
        else:
            claim_id = resolve_id(lib, "claims", args.claim)
            claim = claims.get_claim(lib.db, claim_id)
            subject = claim["text"]
            found = Matcher(lib).find(claim["text"], claims.get_facets(lib.db, claim_id),
                                         exclude_article=claim["article_id"], limit=max(limit, 10))
            if not lib.readonly:
                match_claims(lib, [claim_id])
            found = found[:limit]
        details = published_checks.get_checks(lib.db, [f.target_id for f in found if f.kind == "check"])
        own = {f.target_id: claims.get_claim(lib.db, f.target_id) for f in found if f.kind == "claim"}
    rows = []
    for number, f in enumerate(found, 1):
        row = {"rank": number} | f.to_dict()
        if f.kind == "check":
            check = details.get(f.target_id, {})
            row |= {"text": check.get("claim_reviewed"), "rating": check.get("rating"),
                    "organisation": check.get("organisation"), "date": check.get("review_date"),
                    "url": check.get("review_url"), "collection": check.get("collection")}
        else:
            claim = own.get(f.target_id, {})
            row |= {"text": claim.get("text"), "rating": claim.get("verdict"), "organisation": "this library",
                    "date": (claim.get("verdict_updated_at") or "")[:10] or None, "url": None, "collection": None}
        rows.append(row)
    if args.format == "json":
        print_json({"subject": subject, "matches": rows})
        return 0
    if not rows:
        print("No earlier check matches.")
        return 0
    for row in rows:
        print(f"{row['rank']}. [{row['label']} {row['strength']:.0%}] {row['rating'] or 'no rating'} "
              f"— {row['organisation'] or 'unknown'}{', ' + row['date'] if row['date'] else ''}  ({row['kind']} {row['id'][:8]})")
        print(f"   {shorten(row['text'], 160)}")
        if row.get("url"):
            print(f"   {row['url']}")
        print(f"   why: {row['reasons']}")
    return 0


def _use_match(args: argparse.Namespace) -> int:
    """Attach a published check to a claim as evidence, or copy its rating as a draft verdict."""
    from factcheck_app.cli.options import acting_person, resolve_id
    from factcheck_app.ops.checked_before import attach_check, copy_rating
    from factcheck_app.store import published_checks

    if args.claim is None:
        raise CommandError("--attach and --copy-rating need a CLAIM, not --text")
    if args.attach and args.copy_rating:
        raise CommandError("give --attach or --copy-rating, one at a time")
    if args.attach and not args.stance:
        raise CommandError("--attach needs --stance supports|refutes|context")
    with open_store(args) as lib:
        claim_id = resolve_id(lib, "claims", args.claim)
        check = published_checks.get_check(lib.db, args.attach or args.copy_rating)
        if args.attach:
            result = attach_check(lib, claim_id, check["id"], args.stance, by=acting_person(args))
            print(result.value)
        else:
            verdict = copy_rating(lib, claim_id, check["id"], by=acting_person(args)).value
            print(f"{verdict['rating']} ({verdict['scale']} scale), {verdict['status']}, by {verdict['checker']}")
    return 0


def _batch() -> int:
    from factcheck_app.ops.match_batch import run_match_batch
    from factcheck_app.store.errors import ValidationError

    raw = sys.stdin.read()
    try:
        payload = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CommandError(f"the batch input is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    try:
        for line in run_match_batch(payload):
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    except ValidationError as exc:
        raise CommandError(str(exc)) from None
    sys.stdout.flush()
    return 0


def cmd_checks_import(args: argparse.Namespace) -> int:
    """Import ClaimReview files into collections; report what was added, updated and skipped."""
    from factcheck_app.ops.checks import import_checks, read_files

    collection = " ".join(args.collection.split()) if args.collection else None
    if args.collection is not None and not collection:
        raise CommandError("--collection is empty")
    files = read_files(args.files, collection)  # every file is read before anything is written
    if not any(f.result.checks for f in files):
        for f in files:
            for item in f.result.skipped:
                print(f"skipped {f.path}: {item}", file=sys.stderr)
        raise CommandError("no ClaimReview item could be read from " + ", ".join(args.files))
    with open_store(args, create=True) as lib:
        summary = import_checks(lib, files).value
    for line in summary.skipped:
        print(f"skipped {line}", file=sys.stderr)
    print(f"{summary.added} checks added, {summary.updated} updated, {len(summary.skipped)} items skipped "
          f"into {', '.join(summary.collections)}; {summary.matched_claims} claims have a match")
    return 0


def cmd_checks_list(args: argparse.Namespace) -> int:
    """List collections, or one collection's checks."""
    from factcheck_app.store import published_checks

    with open_store(args, reading=True) as lib:
        if args.collection:
            collection = published_checks.resolve_collection(lib.db, args.collection)
            rows = published_checks.list_checks(lib.db, collection["id"], _positive(args.limit, "--limit"))
        else:
            rows = published_checks.list_collections(lib.db)
    if args.format == "json":
        print_json(rows)
    elif args.collection:
        _print_checks(rows)
    else:
        print_table(rows, [("id", "ID", 8), ("name", "COLLECTION", 40), ("checks", "CHECKS", 7),
                           ("updated_at", "UPDATED", 20), ("source_file", "FILE", 40)])
    return 0


def _print_checks(rows: list[dict]) -> None:
    print_table(rows, [("id", "ID", 8), ("rating", "RATING", 18), ("organisation", "ORGANISATION", 20),
                       ("review_date", "DATE", 10), ("claim_reviewed", "CLAIM", 70)])


def cmd_checks_search(args: argparse.Namespace) -> int:
    """Search published checks by their words."""
    from factcheck_app.extract.match_text import terms
    from factcheck_app.store import published_checks

    words = terms(args.query)
    if not words:
        raise CommandError("the query has no word to search for")
    with open_store(args, reading=True) as lib:
        rows = published_checks.search_checks(lib.db, words, _positive(args.limit, "--limit"))
    if args.format == "json":
        print_json(rows)
    else:
        _print_checks(rows)
    return 0


def cmd_checks_remove(args: argparse.Namespace) -> int:
    """Remove a collection and its checks."""
    from factcheck_app.ops.checks import remove_collection

    with open_store(args) as lib:
        result = remove_collection(lib, args.collection)
    print(f"{result.label}: {result.value} checks removed")
    return 0
