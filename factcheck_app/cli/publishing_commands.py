"""`factcheck publishing show|set|check`: a claim's publishing details, and what ClaimReview still lacks."""
from __future__ import annotations

import argparse
import sys

from factcheck_app.cli.context import open_store
from factcheck_app.cli.errors import CommandError
from factcheck_app.cli.output import print_json

#: How to fill each missing item from the command line ({claim} is the claim's short id).
FIX_COMMANDS = {
    "organisation": 'factcheck settings set organisation "NAME"',
    "organisation-url": "factcheck settings set organisation-url https://…",
    "review_url": "factcheck publishing set {claim} --review-url https://…",
    "claim_reviewed": 'factcheck publishing set {claim} --claim-reviewed "SHORT WORDING"',
    "claimant": 'factcheck publishing set {claim} --claimant "NAME" --claimant-type person|organisation',
    "claim_date": "factcheck publishing set {claim} --claim-date YYYY-MM-DD",
    "appearances": "factcheck publishing set {claim} --appearance https://…",
}
CLAIM_HELP = "claim id or a prefix of at least 4 characters"
RESETTABLE = ("claimant", "appearances", "claim-date", "claim-reviewed", "review-url")


def fix_command(item) -> str:
    """Return the command that fills a missing item."""
    return FIX_COMMANDS[item.field].format(claim=(item.claim_id or "")[:8])


def print_missing(items, out=None) -> None:
    """Print each missing item on its own line, with the command that fills it."""
    out = out or sys.stderr
    for item in items:
        out.write(f"  - {item.message}\n      {fix_command(item)}\n")


def register(sub: argparse._SubParsersAction) -> None:
    """Add the publishing sub-commands."""
    from factcheck_app.cli.options import add_action

    group = sub.add_parser("publishing", help="a claim's publishing details (claimant, appearances, review address)",
                           description="Show or change what ClaimReview and reports say about a claim: who made it, "
                           "where and when it appeared, the claim as reviewed and the published review's address.")
    actions = group.add_subparsers(title="publishing commands", metavar="ACTION", required=True)

    p = add_action(actions, "show", cmd_show, "show a claim's publishing details and where each came from",
                   "Show a claim's publishing details; defaults say what they came from.", listing=True)
    p.add_argument("claim", metavar="CLAIM", help=CLAIM_HELP)

    p = add_action(actions, "set", cmd_set, "change a claim's publishing details",
                   "Change a claim's publishing details. Options not given are kept; --reset FIELD puts a default "
                   "back. Undo in the app reverses it.", by=True)
    p.add_argument("claim", metavar="CLAIM", help=CLAIM_HELP)
    p.add_argument("--claimant", metavar="NAME", help="the person or organisation who made the claim")
    p.add_argument("--claimant-type", choices=("person", "organisation"), help="whether the claimant is a person "
                   "or an organisation (default: person)")
    p.add_argument("--appearance", action="append", metavar="URL",
                   help="where the claim appeared; repeat for more (replaces the list; the first given is marked "
                   "first unless --first-appearance says otherwise)")
    p.add_argument("--add-appearance", action="append", metavar="URL",
                   help="add an appearance after the current ones (the article's address stays first)")
    p.add_argument("--first-appearance", metavar="URL", help="which appearance was the first")
    p.add_argument("--claim-date", metavar="YYYY-MM-DD", help="when the claim was made")
    p.add_argument("--claim-reviewed", metavar="TEXT", help="the claim as reviewed: at most 75 characters")
    p.add_argument("--review-url", metavar="URL", help="the published review's address")
    p.add_argument("--reset", action="append", choices=RESETTABLE, metavar="FIELD",
                   help=f"put a field's default back (one of: {', '.join(RESETTABLE)}); repeat for more")

    p = add_action(actions, "check", cmd_check,
                   "list what ClaimReview still lacks, with the command that fills each item",
                   "List what the ClaimReview export of these claims lacks, claim by claim, with the command that "
                   "fills each item; exit 1 when anything is missing.")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--article", nargs="+", metavar="ID", help="the article(s) to check")
    which.add_argument("--all", action="store_true", help="every article in the library")
    p.add_argument("--include-drafts", action="store_true", help="check draft verdicts too")


def _show_lines(info) -> list[str]:
    def origin(value, where):
        return f"{value}  ({where})" if value and where else (value or "(none)")

    lines = [
        f"claimant          {origin(info.claimant and f'{info.claimant} [{info.claimant_type}]', info.claimant_from)}",
        f"claim date        {origin(info.claim_date, info.claim_date_from)}",
        f"claim as reviewed {origin(info.claim_reviewed, info.claim_reviewed_from)}",
        f"review address    {info.review_url or '(none)'}",
        "appearances" + (f"       ({info.appearances_from})" if info.appearances_from else "       (none)"),
    ]
    lines += [f"  {'first ' if a.first else '      '}{a.url}" for a in info.appearances]
    return lines


def cmd_show(args: argparse.Namespace) -> int:
    """Print a claim's publishing details."""
    from factcheck_app.cli.options import resolve_id
    from factcheck_app.ops.publishing import claim_publishing

    with open_store(args, reading=True) as lib:
        info = claim_publishing(lib, resolve_id(lib, "claims", args.claim))
    if args.format == "json":
        print_json(info.to_dict())
    else:
        print("\n".join(_show_lines(info)))
    return 0


def _edit_from(args: argparse.Namespace):
    from factcheck_app.ops.publishing import PublishingEdit

    edit = PublishingEdit()
    resets = set(args.reset or ())
    for field, value in (("claimant", args.claimant), ("claimant_type", args.claimant_type),
                         ("appearances", args.appearance), ("add_appearances", args.add_appearance),
                         ("first_appearance", args.first_appearance), ("claim_date", args.claim_date),
                         ("claim_reviewed", args.claim_reviewed), ("review_url", args.review_url)):
        if value is not None:
            setattr(edit, field, value)
    for name in resets:
        field = name.replace("-", "_")
        if getattr(edit, field) is not getattr(PublishingEdit(), field):
            raise CommandError(f"--reset {name} and --{name} contradict each other; give one")
        setattr(edit, field, None)
    if edit.is_empty():
        raise CommandError("say what to change: --claimant, --appearance, --claim-date, --claim-reviewed, "
                           "--review-url or --reset FIELD")
    return edit


def cmd_set(args: argparse.Namespace) -> int:
    """Change a claim's publishing details; print them as now exported."""
    from factcheck_app.cli.options import acting_person, resolve_id
    from factcheck_app.ops.publishing import edit_publishing

    edit = _edit_from(args)
    with open_store(args) as lib:
        result = edit_publishing(lib, resolve_id(lib, "claims", args.claim), edit, by=acting_person(args) or None)
    print("\n".join(_show_lines(result.value)))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """List the missing items of a ClaimReview export of these articles; exit 1 when there are any."""
    from factcheck_app.reports.claimreview import missing_items
    from factcheck_app.reports.errors import ReportError
    from factcheck_app.reports.exporter import ExportRequest, read_report
    from factcheck_app.reports.selection import Selection, resolve_articles

    try:
        with open_store(args, reading=True) as lib:
            selection = Selection(article_ids=resolve_articles(lib.db, args.article) if args.article else None)
            report = read_report(lib.db, ExportRequest(fmt="claimreview", path=None, selection=selection,
                                                       include_drafts=args.include_drafts))
    except ReportError as exc:
        raise CommandError(str(exc)) from exc
    items = missing_items(report)
    if not items:
        print(f"ClaimReview is complete for {report['summary']['claims']} claims.")
        return 0
    print(f"ClaimReview lacks {len(items)} item{'s' if len(items) != 1 else ''}:")
    print_missing(items, sys.stdout)
    return 1
