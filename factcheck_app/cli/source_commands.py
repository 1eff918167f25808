"""`factcheck source add|list|edit|merge|remove`: the library's shared sources."""
from __future__ import annotations

import argparse

from factcheck_app.cli import bibliography_commands, document_commands
from factcheck_app.cli.context import open_store
from factcheck_app.cli.options import add_action, resolve_id
from factcheck_app.cli.output import print_json, print_table
from factcheck_app.core.vocabulary import RELIABILITY_LEVELS, SOURCE_KINDS

#: The fields `source add` and `source edit` take, as (option, dest).
FIELD_OPTIONS = (
    ("--url", "url"), ("--publisher", "publisher"), ("--author", "author"), ("--published", "published"),
    ("--accessed", "accessed"), ("--archive-url", "archive_url"), ("--doi", "doi"), ("--notes", "notes"),
)


def _add_field_options(p: argparse.ArgumentParser, *, editing: bool) -> None:
    for option, dest in FIELD_OPTIONS:
        p.add_argument(option, dest=dest, metavar="TEXT" if dest not in ("published", "accessed") else "YYYY-MM-DD")
    default = None if editing else "other"
    p.add_argument("--kind", choices=SOURCE_KINDS, default=default)
    p.add_argument("--reliability", choices=RELIABILITY_LEVELS, default=None if editing else "unknown")
    p.add_argument("--tag", action="append", dest="tags", metavar="TAG",
                   help="a tag (repeat for more)" + ("; replaces the tags" if editing else ""))


def register(sub: argparse._SubParsersAction) -> None:
    """Add the source sub-commands."""
    source = sub.add_parser("source", help="add, list, edit, merge or remove sources",
                            description="The library's sources, shared by every claim that cites them.")
    group = source.add_subparsers(title="source commands", metavar="ACTION", required=True)
    p = add_action(group, "add", cmd_source_add, "add a source; prints its id")
    p.add_argument("--title", required=True)
    _add_field_options(p, editing=False)
    add_action(group, "list", cmd_source_list, "list sources",
               "List sources by title, with how often each is cited.", listing=True)
    p = add_action(group, "edit", cmd_source_edit, "change a source's fields",
                   "Change a source's fields; only the options given change ('' clears one).")
    p.add_argument("source", metavar="SOURCE", help="source id or a prefix of at least 4 characters")
    p.add_argument("--title")
    _add_field_options(p, editing=True)
    p = add_action(group, "merge", cmd_source_merge, "merge duplicate sources into one",
                   "Merge duplicates into KEEP: their evidence then cites KEEP, KEEP's empty fields are filled "
                   "from them, and they are removed.")
    p.add_argument("keep", metavar="KEEP", help="the source to keep")
    p.add_argument("duplicates", nargs="+", metavar="DUPLICATE", help="sources merged into KEEP")
    p = add_action(group, "remove", cmd_source_remove, "remove a source no evidence cites",
                   "Remove a source; refused while evidence cites it.")
    p.add_argument("source", metavar="SOURCE")
    document_commands.register_source_actions(group)
    bibliography_commands.register_source_actions(group)


def _fields(args: argparse.Namespace) -> dict:
    fields = {dest: getattr(args, dest) for _, dest in FIELD_OPTIONS if getattr(args, dest) is not None}
    for dest in ("kind", "reliability", "title"):
        if getattr(args, dest, None) is not None:
            fields[dest] = getattr(args, dest)
    if args.tags is not None:
        fields["tags"] = args.tags
    return fields


def cmd_source_add(args: argparse.Namespace) -> int:
    """Add a source and print its id."""
    from factcheck_app.ops.sources import add_source

    fields = _fields(args)
    title = fields.pop("title")
    fields.setdefault("tags", [])
    with open_store(args, create=True) as lib:
        print(add_source(lib, title, **fields).value)
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


def cmd_source_edit(args: argparse.Namespace) -> int:
    """Change a source's fields and print it."""
    from factcheck_app.cli.errors import CommandError
    from factcheck_app.ops.sources import edit_source

    fields = _fields(args)
    if not fields:
        raise CommandError("say what to change, e.g. --title or --url")
    with open_store(args) as lib:
        row = edit_source(lib, resolve_id(lib, "sources", args.source), **fields).value
    print(f"{row['id'][:8]}  {row['title']}")
    return 0


def cmd_source_merge(args: argparse.Namespace) -> int:
    """Merge duplicate sources into one."""
    from factcheck_app.ops.sources import merge_sources

    with open_store(args) as lib:
        keep = resolve_id(lib, "sources", args.keep)
        others = [resolve_id(lib, "sources", d) for d in args.duplicates]
        row = merge_sources(lib, keep, others).value
    print(f"{row['id'][:8]}  {row['title']}  (merged {len(set(others) - {keep})})")
    return 0


def cmd_source_remove(args: argparse.Namespace) -> int:
    """Remove an unused source."""
    from factcheck_app.ops.sources import remove_source

    with open_store(args) as lib:
        row = remove_source(lib, resolve_id(lib, "sources", args.source)).value
    print(f"removed {row['id'][:8]}  {row['title']}")
    return 0
