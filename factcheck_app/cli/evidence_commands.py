"""`factcheck source`, `search`, `evidence add`, `verdict set|history`: the checker's work from the shell."""
from __future__ import annotations

import argparse

from factcheck_app.cli import bibliography_commands, document_commands
from factcheck_app.cli.context import open_store
from factcheck_app.cli.output import print_json, print_table
from factcheck_app.core.vocabulary import RELIABILITY_LEVELS, SOURCE_KINDS, STANCES, VERDICT_STATUSES


def register(sub: argparse._SubParsersAction) -> None:
    """Add the source, search, evidence and verdict sub-commands."""
    from factcheck_app.cli.parser import add_format_option, add_store_option

    source = sub.add_parser("source", help="add or list sources", description="Add or list the library's sources.")
    source_sub = source.add_subparsers(title="source commands", metavar="ACTION", required=True)
    p = source_sub.add_parser("add", help="add a source; prints its id", description="Add a source; prints its id.")
    p.add_argument("--title", required=True)
    p.add_argument("--url")
    p.add_argument("--publisher")
    p.add_argument("--author")
    p.add_argument("--published", metavar="YYYY-MM-DD")
    p.add_argument("--accessed", metavar="YYYY-MM-DD")
    p.add_argument("--kind", choices=SOURCE_KINDS, default="other")
    p.add_argument("--reliability", choices=RELIABILITY_LEVELS, default="unknown")
    p.add_argument("--archive-url", dest="archive_url", metavar="URL", help="an archived copy of the source")
    p.add_argument("--doi", metavar="DOI", help="the source's DOI (10.1234/abc)")
    p.add_argument("--notes")
    p.add_argument("--tag", action="append", dest="tags", metavar="TAG", help="a tag (repeat for more)")
    add_store_option(p)
    p.set_defaults(func=cmd_source_add)
    p = source_sub.add_parser("list", help="list sources", description="List sources by title.")
    add_store_option(p)
    add_format_option(p)
    p.set_defaults(func=cmd_source_list)
    document_commands.register_source_actions(source_sub)
    bibliography_commands.register_source_actions(source_sub)

    p = sub.add_parser("search", help="full-text search of sources, evidence and claims",
                       description="Search sources (title, publisher, notes, tags), evidence excerpts and claims; "
                       "best matches first. Every word must match; the last one may be the start of a word.")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=20)
    add_store_option(p)
    add_format_option(p)
    p.set_defaults(func=cmd_search)

    evidence = sub.add_parser("evidence", help="attach evidence to a claim", description="Attach evidence to a claim.")
    evidence_sub = evidence.add_subparsers(title="evidence commands", metavar="ACTION", required=True)
    p = evidence_sub.add_parser("add", help="attach a source to a claim with a stance; prints the evidence id",
                                description="Attach a source to a claim with a stance; prints the evidence id.")
    p.add_argument("claim", metavar="CLAIM", help="claim id or unique prefix")
    p.add_argument("source", metavar="SOURCE", help="source id or unique prefix")
    p.add_argument("--stance", choices=STANCES, required=True)
    p.add_argument("--excerpt", help="the words of the source that bear on the claim")
    p.add_argument("--locator", help="where in the source: page, section, timestamp")
    p.add_argument("--note")
    p.add_argument("--by", dest="added_by", metavar="NAME", help="who attached it")
    add_store_option(p)
    p.set_defaults(func=cmd_evidence_add)

    verdict = sub.add_parser("verdict", help="set a verdict or show its history",
                             description="Set a claim's verdict or show its history.")
    verdict_sub = verdict.add_subparsers(title="verdict commands", metavar="ACTION", required=True)
    p = verdict_sub.add_parser("set", help="set a claim's rating", description="Set a claim's rating on a scale.")
    p.add_argument("claim", metavar="CLAIM", help="claim id or unique prefix")
    p.add_argument("rating", metavar="RATING", help="a rating of the scale, e.g. 'Mostly true'")
    p.add_argument("--scale", metavar="NAME", help="rating scale (default: the verdict's current one, else 'truth')")
    p.add_argument("--rationale")
    p.add_argument("--checker", metavar="NAME")
    p.add_argument("--status", choices=VERDICT_STATUSES)
    p.add_argument("--why", help="why the verdict changed (kept in its history)")
    add_store_option(p)
    p.set_defaults(func=cmd_verdict_set)
    p = verdict_sub.add_parser("review", help="mark a verdict reviewed by a second checker",
                               description="Mark a verdict reviewed by a second checker.")
    p.add_argument("claim", metavar="CLAIM")
    p.add_argument("--reviewer", required=True, metavar="NAME")
    add_store_option(p)
    p.set_defaults(func=cmd_verdict_review)
    p = verdict_sub.add_parser("history", help="show every change to a claim's verdict",
                               description="Show every change to a claim's verdict: who, when, from, to, why.")
    p.add_argument("claim", metavar="CLAIM")
    add_store_option(p)
    add_format_option(p)
    p.set_defaults(func=cmd_verdict_history)
    p = verdict_sub.add_parser("scales", help="list the rating scales and their steps",
                               description="List the library's rating scales and their steps.")
    add_store_option(p)
    add_format_option(p)
    p.set_defaults(func=cmd_verdict_scales)


def cmd_source_add(args: argparse.Namespace) -> int:
    """Add a source and print its id."""
    from factcheck_app.store.sources import add_source

    fields = {k: getattr(args, k) for k in ("url", "publisher", "author", "published", "accessed", "kind",
                                             "reliability", "archive_url", "notes", "doi")}
    with open_store(args, create=True) as lib:
        print(add_source(lib.db, args.title, tags=args.tags or [], **fields))
    return 0


def cmd_source_list(args: argparse.Namespace) -> int:
    """List sources."""
    from factcheck_app.store.sources import list_sources

    with open_store(args, reading=True) as lib:
        rows = list_sources(lib.db)
    if args.format == "json":
        print_json(rows)
    else:
        print_table(rows, [("id", "ID", 8), ("kind", "KIND", 14), ("publisher", "PUBLISHER", 20),
                           ("published", "PUBLISHED", 10), ("uses", "USES", 4), ("title", "TITLE", 60)])
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


def cmd_evidence_add(args: argparse.Namespace) -> int:
    """Attach evidence and print its id."""
    from factcheck_app.store.evidence import add_evidence
    from factcheck_app.store.ids import resolve

    with open_store(args) as lib:
        claim_id = resolve(lib.db, "claims", args.claim)
        source_id = resolve(lib.db, "sources", args.source)
        print(add_evidence(lib.db, claim_id, source_id, args.stance, args.excerpt, args.locator, args.note, args.added_by))
    return 0


def cmd_verdict_set(args: argparse.Namespace) -> int:
    """Set a verdict and print it."""
    from factcheck_app.store.ids import resolve
    from factcheck_app.store.verdicts import set_verdict

    with open_store(args) as lib:
        claim_id = resolve(lib.db, "claims", args.claim)
        v = set_verdict(lib.db, claim_id, args.rating, args.scale, args.rationale, args.checker, args.status, args.why)
    print(f"{claim_id[:8]}  {v['rating']} ({v['scale']}, {v['status']})")
    return 0


def cmd_verdict_review(args: argparse.Namespace) -> int:
    """Mark a verdict reviewed."""
    from factcheck_app.store.ids import resolve
    from factcheck_app.store.verdicts import review_verdict

    with open_store(args) as lib:
        claim_id = resolve(lib.db, "claims", args.claim)
        v = review_verdict(lib.db, claim_id, args.reviewer)
    print(f"{claim_id[:8]}  {v['rating']} reviewed by {v['reviewer']}")
    return 0


def cmd_verdict_history(args: argparse.Namespace) -> int:
    """Print a claim's verdict history."""
    from factcheck_app.store.ids import resolve
    from factcheck_app.store.verdicts import verdict_history

    with open_store(args, reading=True) as lib:
        rows = verdict_history(lib.db, resolve(lib.db, "claims", args.claim))
    if args.format == "json":
        print_json(rows)
    else:
        print_table(rows, [("changed_at", "WHEN", 25), ("changed_by", "WHO", 14), ("from_rating", "FROM", 16),
                           ("to_rating", "TO", 16), ("to_status", "STATUS", 9), ("why", "WHY", 50)])
    return 0


def cmd_verdict_scales(args: argparse.Namespace) -> int:
    """List rating scales."""
    from factcheck_app.store.scales import list_scales

    with open_store(args, create=True) as lib:
        scales = list_scales(lib.db)
    if args.format == "json":
        print_json([s.to_dict() for s in scales])
        return 0
    for scale in scales:
        print(f"{scale.name}: {scale.title}")
        for step in scale.steps:
            print(f"  {step.value:>2}  {step.label}" + ("  (off the scale)" if step.off_scale else ""))
    return 0
