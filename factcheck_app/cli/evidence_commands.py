"""`factcheck evidence add|edit|remove`: sources attached to claims with a stance and an excerpt."""
from __future__ import annotations

import argparse

from factcheck_app.cli.context import open_store
from factcheck_app.cli.options import acting_person, add_action, resolve_id
from factcheck_app.core.vocabulary import STANCES


def register(sub: argparse._SubParsersAction) -> None:
    """Add the evidence sub-commands."""
    evidence = sub.add_parser("evidence", help="attach, edit or remove evidence",
                              description="Evidence: a source attached to a claim with a stance and an excerpt.")
    group = evidence.add_subparsers(title="evidence commands", metavar="ACTION", required=True)
    p = add_action(group, "add", cmd_evidence_add, "attach a source to a claim with a stance; prints the evidence id",
                   by=True)
    p.add_argument("claim", metavar="CLAIM", help="claim id or a prefix of at least 4 characters")
    p.add_argument("source", metavar="SOURCE", nargs="?",
                   help="source id or a prefix of at least 4 characters (with --from-document: may be left out "
                   "when one source keeps the document)")
    p.add_argument("--stance", choices=STANCES, required=True)
    p.add_argument("--excerpt", help="the words of the source that bear on the claim")
    p.add_argument("--locator", help="where in the source: page, section, timestamp")
    p.add_argument("--note")
    p.add_argument("--from-document", dest="document", metavar="DOC",
                   help="quote a document the source keeps (id or prefix); the excerpt must occur on --page")
    p.add_argument("--page", type=int, metavar="N", help="with --from-document: the page (or paragraph) quoted")
    p = add_action(group, "edit", cmd_evidence_edit, "change an evidence row's stance, excerpt, locator or note",
                   "Change an evidence row; only the options given change ('' clears one).")
    p.add_argument("evidence", metavar="EVIDENCE", help="evidence id or a prefix of at least 4 characters")
    p.add_argument("--stance", choices=STANCES)
    p.add_argument("--excerpt")
    p.add_argument("--locator")
    p.add_argument("--note")
    p.add_argument("--source", metavar="SOURCE", help="cite another source instead")
    p = add_action(group, "remove", cmd_evidence_remove, "detach evidence from its claim (the source stays)")
    p.add_argument("evidence", metavar="EVIDENCE")


def cmd_evidence_add(args: argparse.Namespace) -> int:
    """Attach evidence and print its id."""
    from factcheck_app.cli.errors import CommandError
    from factcheck_app.ops.evidence import add_evidence

    if args.document is None and (args.page is not None or not args.source):
        raise CommandError("give a SOURCE, or quote a document with --from-document DOC --page N --excerpt TEXT"
                           if args.page is None else "--page goes with --from-document DOC")
    if args.document is not None and (args.page is None or not args.excerpt):
        raise CommandError("--from-document needs --page N and --excerpt TEXT (the words quoted from that page)")
    with open_store(args) as lib:
        claim_id = resolve_id(lib, "claims", args.claim)
        source_id = resolve_id(lib, "sources", args.source) if args.source else None
        if args.document is not None:
            from factcheck_app.ops.documents import quote_document

            result = quote_document(lib, claim_id, resolve_id(lib, "documents", args.document), args.page,
                                    args.excerpt, args.stance, source_id=source_id, locator=args.locator,
                                    note=args.note, by=acting_person(args))
        else:
            result = add_evidence(lib, claim_id, source_id, args.stance, excerpt=args.excerpt, locator=args.locator,
                                  note=args.note, by=acting_person(args))
    print(result.value)
    return 0


def cmd_evidence_edit(args: argparse.Namespace) -> int:
    """Change an evidence row."""
    from factcheck_app.cli.errors import CommandError
    from factcheck_app.ops.evidence import edit_evidence

    fields = {k: getattr(args, k) for k in ("stance", "excerpt", "locator", "note") if getattr(args, k) is not None}
    with open_store(args) as lib:
        if args.source:
            fields["source_id"] = resolve_id(lib, "sources", args.source)
        if not fields:
            raise CommandError("say what to change, e.g. --stance or --excerpt")
        row = edit_evidence(lib, resolve_id(lib, "evidence", args.evidence), **fields).value
    print(f"{row['id'][:8]}  {row['stance']}")
    return 0


def cmd_evidence_remove(args: argparse.Namespace) -> int:
    """Detach evidence."""
    from factcheck_app.ops.evidence import remove_evidence

    with open_store(args) as lib:
        row = remove_evidence(lib, resolve_id(lib, "evidence", args.evidence)).value
    print(f"removed {row['id'][:8]} from claim {row['claim_id'][:8]}")
    return 0
