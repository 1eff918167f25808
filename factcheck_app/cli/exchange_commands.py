"""`factcheck library export-changes|merge|conflicts`: working as a team by exchanging change files."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factcheck_app.cli.context import open_store, output_target, store_path
from factcheck_app.cli.errors import CommandError
from factcheck_app.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    """Add the library exchange sub-commands."""
    from factcheck_app.cli.parser import add_format_option, add_store_option

    group = sub.add_parser(
        "library", help="exchange changes with colleagues: export-changes, merge, conflicts",
        description="Work as a team offline: send a colleague your changes as one file, merge theirs (or a whole "
        "library) into yours, and see the verdicts that wait for a decision.",
    )
    actions = group.add_subparsers(title="library commands", metavar="ACTION", required=True)
    p = actions.add_parser(
        "export-changes", help="write everything changed since the last exchange with NAME to FILE",
        description="Write everything changed since the last exchange with colleague NAME (everything, the first "
        "time) to FILE, a change file they merge with `factcheck library merge`.",
    )
    p.add_argument("--for", dest="colleague", metavar="NAME", required=True, help="the colleague the changes are for")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="the change file to write")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.add_argument("--by", metavar="NAME", help="your name, written in the file (default: your profile's name)")
    add_store_option(p)
    p.set_defaults(func=cmd_export_changes)
    p = actions.add_parser(
        "merge", help="merge a change file or a whole library into this one",
        description="Merge a change file (from `factcheck library export-changes`) or a whole library file into "
        "the library, in one transaction: a failure leaves the library as it was.",
    )
    p.add_argument("source", metavar="FILE|LIBRARY")
    p.add_argument("--dry-run", action="store_true", help="only say what the merge would do; write nothing")
    p.add_argument("--by", metavar="NAME", help="who merges (default: $FACTCHECK_USER or your profile's name)")
    add_format_option(p)
    add_store_option(p)
    p.set_defaults(func=cmd_merge)
    p = actions.add_parser(
        "conflicts", help="verdicts changed on both sides, waiting for a decision",
        description="List the claims whose verdict two checkers changed apart from each other, with both versions. "
        "Decide with `factcheck verdict set` (the chosen or a new rating).",
    )
    add_format_option(p)
    add_store_option(p)
    p.set_defaults(func=cmd_conflicts)


def cmd_export_changes(args: argparse.Namespace) -> int:
    """Write the change file for a colleague."""
    from factcheck_app.ops.exchange import export_changes
    from factcheck_app.user_profile import acting_user

    target = output_target(args, args.output, "change file")
    with open_store(args) as lib:
        result = export_changes(lib, args.colleague, target, by=acting_user(args.by) or None).value
    what = "everything in the library" if result.first else "the changes since the last exchange"
    print(f"{target}: {what} for {args.colleague.strip()}: {result.rows:,} row(s), {result.claims:,} claim(s), "
          f"{result.size:,} bytes")
    return 0


def _progress_line(done: int, total: int, what: str) -> None:
    if sys.stderr.isatty() and total:
        sys.stderr.write(f"\r{what}: {done * 100 // total:3d}%")
        sys.stderr.flush()


def cmd_merge(args: argparse.Namespace) -> int:
    """Merge a change file or a library into the open library."""
    from factcheck_app.ops.exchange import read_changes
    from factcheck_app.ops.merge import merge_changes
    from factcheck_app.user_profile import acting_user

    source = Path(args.source)
    if not source.exists():
        raise CommandError(f"no such file: {source}")
    if source.resolve() == store_path(args).resolve():
        raise CommandError("a library cannot be merged into itself")
    changes = read_changes(source)
    with open_store(args) as lib:
        summary = merge_changes(
            lib, changes, by=acting_user(args.by), source=source.name, preview=args.dry_run, progress=_progress_line
        ).value
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 40 + "\r")
    if args.format == "json":
        print_json({"dry_run": args.dry_run, **summary.to_dict()})
        return 0
    head = "would merge" if args.dry_run else "merged"
    print(f"{head} {source.name}:")
    for line in summary.lines():
        print(f"  {line}")
    if summary.conflicts:
        print("see them with `factcheck library conflicts`")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    """List the verdicts waiting for a decision, each with its versions."""
    from factcheck_app.store.verdict_lineage import conflict_versions, conflicts

    with open_store(args, reading=True) as lib:
        found = [dict(c, versions=conflict_versions(lib.db, c["claim_id"])) for c in conflicts(lib.db)]
    if args.format == "json":
        print_json(found)
        return 0
    if not found:
        print("No verdict waits for a decision.")
        return 0
    for item in found:
        print(f"{item['claim_id'][:8]}  {item['text']}")
        for version in item["versions"]:
            print(f"    {version['to_rating'] or '(removed)'}  by {version['checker'] or version['changed_by'] or '?'}"
                  f"  {version['changed_at']}  {version['rationale'] or ''}".rstrip())
    return 0
