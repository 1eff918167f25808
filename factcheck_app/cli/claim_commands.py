"""`factcheck claim add|split|merge|dismiss|restore`: shaping an article's claims by hand."""
from __future__ import annotations

import argparse

from factcheck_app.cli.context import open_store
from factcheck_app.cli.errors import CommandError
from factcheck_app.cli.options import add_action, resolve_id

CLAIM_HELP = "claim id or a prefix of at least 4 characters"


def register(sub: argparse._SubParsersAction) -> None:
    """Add the claim sub-commands."""
    claim = sub.add_parser("claim", help="add, split, merge, dismiss or restore claims",
                           description="Shape an article's claims by hand. Spans are widened to whole words.")
    group = claim.add_subparsers(title="claim commands", metavar="ACTION", required=True)
    p = add_action(group, "add", cmd_claim_add, "make a claim of some of an article's words; prints its id",
                   "Make a claim of the article's words: --text (the exact words, first occurrence) or "
                   "--start/--end (character offsets into the article as stored).")
    p.add_argument("article", metavar="ARTICLE", help="article id or a prefix of at least 4 characters")
    p.add_argument("--text", help="the claim's words, as they stand in the article")
    p.add_argument("--start", type=int, metavar="N")
    p.add_argument("--end", type=int, metavar="N")
    p = add_action(group, "split", cmd_claim_split, "split a claim in two; prints the new second claim's id",
                   "Split a claim at --at (an offset into the article) or before the words --before; the first "
                   "part keeps the id, evidence and verdict.")
    p.add_argument("claim", metavar="CLAIM", help=CLAIM_HELP)
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--at", type=int, metavar="N")
    where.add_argument("--before", metavar="WORDS", help="the words that start the second part")
    p = add_action(group, "merge", cmd_claim_merge, "merge claims of one article into one",
                   "Merge claims of one article into the first by position; evidence moves to it. Refused when "
                   "more than one has a verdict.")
    p.add_argument("claims", nargs="+", metavar="CLAIM")
    p = add_action(group, "dismiss", cmd_claim_dismiss, "mark claims not check-worthy",
                   "Mark claims not check-worthy, with a reason; `claim restore` undoes it.")
    p.add_argument("claims", nargs="+", metavar="CLAIM")
    p.add_argument("--reason", default="Not check-worthy")
    p = add_action(group, "restore", cmd_claim_restore, "bring dismissed claims back",
                   "Bring dismissed claims back (checked with a verdict, in progress with evidence, else open).")
    p.add_argument("claims", nargs="+", metavar="CLAIM")


def cmd_claim_add(args: argparse.Namespace) -> int:
    """Add a claim by hand and print its id."""
    from factcheck_app.ops.claims import add_claim
    from factcheck_app.store.articles import get_article

    with open_store(args) as lib:
        article_id = resolve_id(lib, "articles", args.article)
        if args.text:
            body = get_article(lib.db, article_id)["body"]
            start = body.find(args.text.strip())
            if start < 0:
                raise CommandError("those words are not in the article (give them exactly as they stand)")
            end = start + len(args.text.strip())
        elif args.start is not None and args.end is not None:
            start, end = args.start, args.end
        else:
            raise CommandError("give the claim's words with --text, or --start and --end")
        result = add_claim(lib, article_id, start, end)
    print(result.value)
    return 0


def cmd_claim_split(args: argparse.Namespace) -> int:
    """Split a claim and print the second part's id."""
    from factcheck_app.ops.claims import split_claim
    from factcheck_app.store.claims import get_claim

    with open_store(args) as lib:
        claim_id = resolve_id(lib, "claims", args.claim)
        at = args.at
        if args.before is not None:
            claim = get_claim(lib.db, claim_id)
            found = claim["text"].find(args.before.strip(), 1)
            if found < 0:
                raise CommandError("those words are not inside the claim after its first word")
            at = claim["start_offset"] + found
        result = split_claim(lib, claim_id, at)
    print(result.value)
    return 0


def cmd_claim_merge(args: argparse.Namespace) -> int:
    """Merge claims and print the kept id."""
    from factcheck_app.ops.claims import merge_claims

    with open_store(args) as lib:
        ids = [resolve_id(lib, "claims", c) for c in args.claims]
        print(merge_claims(lib, ids).value)
    return 0


def cmd_claim_dismiss(args: argparse.Namespace) -> int:
    """Dismiss claims."""
    from factcheck_app.ops.claims import dismiss_claims

    with open_store(args) as lib:
        ids = [resolve_id(lib, "claims", c) for c in args.claims]
        dismiss_claims(lib, ids, args.reason)
    print(f"dismissed {len(set(ids))} claim{'s' if len(set(ids)) != 1 else ''}")
    return 0


def cmd_claim_restore(args: argparse.Namespace) -> int:
    """Restore dismissed claims."""
    from factcheck_app.ops.claims import restore_claims

    with open_store(args) as lib:
        ids = [resolve_id(lib, "claims", c) for c in args.claims]
        restore_claims(lib, ids)
    print(f"restored {len(set(ids))} claim{'s' if len(set(ids)) != 1 else ''}")
    return 0
