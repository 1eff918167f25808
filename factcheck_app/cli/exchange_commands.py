"""`factcheck library export-changes|merge|conflicts`: working as a team by exchanging change files."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factcheck_app.cli.context import open_store, output_target, store_path
from factcheck_app.cli.errors import CommandError
from factcheck_app.cli.options import acting_person, add_action, resolve_id
from factcheck_app.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    """Add the library exchange sub-commands."""
    group = sub.add_parser(
        "library", help="exchange changes with colleagues: export-changes, merge, conflicts, decide",
        description="Work as a team offline: send a colleague your changes as one file, merge theirs (or a whole "
        "library) into yours, and decide between verdicts both of you changed.",
    )
    actions = group.add_subparsers(title="library commands", metavar="ACTION", required=True)
    p = add_action(actions, "export-changes", cmd_export_changes,
                   "write everything changed since the last exchange with NAME to FILE",
                   "Write everything changed since the last exchange with colleague NAME (everything, the first "
                   "time) to FILE, a change file they merge with `factcheck library merge`.", by=True)
    p.add_argument("--for", dest="colleague", metavar="NAME", required=True, help="the colleague the changes are for")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="the change file to write")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p = add_action(actions, "merge", cmd_merge, "merge a change file or a whole library into this one",
                   "Merge a change file (from `factcheck library export-changes`) or a whole library file into "
                   "the library, in one transaction: a failure leaves the library as it was.", listing=True, by=True)
    p.add_argument("source", metavar="FILE|LIBRARY")
    p.add_argument("--dry-run", action="store_true", help="only say what the merge would do; write nothing")
    add_action(actions, "conflicts", cmd_conflicts, "verdicts changed on both sides, waiting for a decision",
               "List the claims whose verdict two checkers changed apart from each other, with both versions "
               "(decide with `factcheck library decide`, or set the verdict anew).", listing=True)
    p = add_action(actions, "decide", cmd_decide, "keep one of two conflicting versions of a verdict",
                   "Keep one of the versions of a verdict waiting for a decision, as its checker recorded it "
                   "(VERSION: the version id or a prefix of 4+ characters, as `library conflicts` shows).", by=True)
    p.add_argument("claim", metavar="CLAIM", help="claim id or a prefix of at least 4 characters")
    p.add_argument("version", metavar="VERSION")


def cmd_export_changes(args: argparse.Namespace) -> int:
    """Write the change file for a colleague."""
    from factcheck_app.ops.exchange import export_changes

    target = output_target(args, args.output, "change file")
    with open_store(args) as lib:
        done = export_changes(lib, args.colleague, target, by=acting_person(args) or None)
    result = done.value
    for note in done.notes:
        print(f"warning: {note}", file=sys.stderr)
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

    source = Path(args.source)
    if not source.exists():
        raise CommandError(f"no such file: {source}")
    if source.resolve() == store_path(args).resolve():
        raise CommandError("a library cannot be merged into itself")
    changes = read_changes(source)
    with open_store(args) as lib:
        summary = merge_changes(
            lib, changes, by=acting_person(args), source=source.name, preview=args.dry_run, progress=_progress_line
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
            print(f"    {version['id'][:8]}  {version['to_rating'] or '(removed)'}"
                  f"  by {version['checker'] or version['changed_by'] or '?'}"
                  f"  {version['changed_at']}  {version['to_rationale'] or ''}".rstrip())
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    """Keep one version of a conflicting verdict."""
    from factcheck_app.ops.decisions import decide_verdict
    from factcheck_app.store.verdict_lineage import conflict_versions

    with open_store(args) as lib:
        claim_id = resolve_id(lib, "claims", args.claim)
        typed = args.version.strip().lower()
        matches = [v for v in conflict_versions(lib.db, claim_id) if len(typed) >= 4 and v["id"].startswith(typed)]
        if len(matches) != 1:
            raise CommandError(f"'{args.version}' names no single version of this claim's verdict; "
                               "see `factcheck library conflicts`")
        verdict = decide_verdict(lib, claim_id, matches[0]["id"], by=acting_person(args)).value
    kept = f"{verdict['rating']} by {verdict['checker']}" if verdict else "no verdict"
    print(f"{claim_id[:8]}  decided: {kept} (draft until reviewed)")
    return 0
