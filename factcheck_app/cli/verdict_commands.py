"""`factcheck verdict set|review|publish|clear|history|scales`: ratings and their sign-off."""
from __future__ import annotations

import argparse

from factcheck_app.cli.context import open_store
from factcheck_app.cli.options import acting_person, add_action, resolve_id
from factcheck_app.cli.output import print_json, print_table

CLAIM_HELP = "claim id or a prefix of at least 4 characters"


def register(sub: argparse._SubParsersAction) -> None:
    """Add the verdict sub-commands."""
    verdict = sub.add_parser("verdict", help="rate claims, review, publish, clear, history",
                             description="A claim's verdict: its rating, rationale, review by a second checker, "
                             "publication and history. Every change names who made it (--by).")
    group = verdict.add_subparsers(title="verdict commands", metavar="ACTION", required=True)
    p = add_action(group, "set", cmd_verdict_set, "set a claim's rating (and rationale)",
                   "Set a claim's rating on a scale, and its rationale. A change to a reviewed or published "
                   "verdict returns it to draft.", by=("--checker",))
    p.add_argument("claim", metavar="CLAIM", help=CLAIM_HELP)
    p.add_argument("rating", metavar="RATING", help="a rating of the scale, e.g. 'Mostly true'")
    p.add_argument("--scale", metavar="NAME", help="rating scale (default: the verdict's current one, else 'truth')")
    p.add_argument("--rationale")
    p.add_argument("--why", help="why the verdict changed (kept in its history)")
    p = add_action(group, "review", cmd_verdict_review, "mark a verdict reviewed by a second checker",
                   "Mark a verdict reviewed. The reviewer must differ from everyone who set the rating or wrote "
                   "the rationale since the last review.", by=("--reviewer",))
    p.add_argument("claim", metavar="CLAIM", help=CLAIM_HELP)
    p.add_argument("--why")
    p = add_action(group, "publish", cmd_verdict_publish, "mark a reviewed verdict published",
                   "Mark a reviewed verdict published; later changes are corrections.", by=True)
    p.add_argument("claim", metavar="CLAIM", help=CLAIM_HELP)
    p = add_action(group, "clear", cmd_verdict_clear, "remove a claim's verdict (kept in its history)",
                   "Remove a claim's verdict: it is 'Not yet checked' again. The removal is kept in the verdict "
                   "history (after publication, as a correction).", by=True)
    p.add_argument("claim", metavar="CLAIM", help=CLAIM_HELP)
    p.add_argument("--why")
    p = add_action(group, "history", cmd_verdict_history, "show every change to a claim's verdict",
                   "Show every change to a claim's verdict: who, when, what, from, to, why.", listing=True)
    p.add_argument("claim", metavar="CLAIM", help=CLAIM_HELP)
    add_action(group, "scales", cmd_verdict_scales, "list the rating scales and their steps (as `scale list`)",
               "List the library's rating scales and their steps.", listing=True)


def _say(claim_id: str, v: dict) -> None:
    extra = f", reviewed by {v['reviewer']}" if v.get("reviewer") else ""
    print(f"{claim_id[:8]}  {v['rating']} ({v['scale']}, {v['status']}) by {v['checker']}{extra}")


def cmd_verdict_set(args: argparse.Namespace) -> int:
    """Set a verdict and print it."""
    from factcheck_app.ops.verdicts import set_verdict

    with open_store(args) as lib:
        claim_id = resolve_id(lib, "claims", args.claim)
        v = set_verdict(lib, claim_id, args.rating, rationale=args.rationale, scale=args.scale,
                        by=acting_person(args), why=args.why).value
    _say(claim_id, v)
    return 0


def cmd_verdict_review(args: argparse.Namespace) -> int:
    """Mark a verdict reviewed."""
    from factcheck_app.ops.verdicts import review_verdict

    with open_store(args) as lib:
        claim_id = resolve_id(lib, "claims", args.claim)
        v = review_verdict(lib, claim_id, by=acting_person(args), why=args.why).value
    _say(claim_id, v)
    return 0


def cmd_verdict_publish(args: argparse.Namespace) -> int:
    """Mark a verdict published."""
    from factcheck_app.ops.verdicts import publish_verdict

    with open_store(args) as lib:
        claim_id = resolve_id(lib, "claims", args.claim)
        v = publish_verdict(lib, claim_id, by=acting_person(args)).value
    _say(claim_id, v)
    return 0


def cmd_verdict_clear(args: argparse.Namespace) -> int:
    """Remove a verdict."""
    from factcheck_app.ops.verdicts import clear_verdict

    with open_store(args) as lib:
        claim_id = resolve_id(lib, "claims", args.claim)
        removed = clear_verdict(lib, claim_id, by=acting_person(args), why=args.why).value
    print(f"{claim_id[:8]}  " + (f"verdict {removed['rating']} removed" if removed else "had no verdict"))
    return 0


def cmd_verdict_history(args: argparse.Namespace) -> int:
    """Print a claim's verdict history."""
    from factcheck_app.store.verdicts import verdict_history

    with open_store(args, reading=True) as lib:
        rows = verdict_history(lib.db, resolve_id(lib, "claims", args.claim))
    if args.format == "json":
        print_json(rows)
    else:
        print_table(rows, [("changed_at", "WHEN", 25), ("changed_by", "WHO", 14), ("action", "WHAT", 9),
                           ("from_rating", "FROM", 16), ("to_rating", "TO", 16), ("to_status", "STATUS", 9),
                           ("why", "WHY", 50)])
    return 0


def cmd_verdict_scales(args: argparse.Namespace) -> int:
    """List rating scales."""
    from factcheck_app.cli.scale_commands import cmd_scale_list

    return cmd_scale_list(args)
