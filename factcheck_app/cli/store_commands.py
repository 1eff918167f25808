"""`factcheck store info|check|backup|restore|sample`: looking after the library file itself."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factcheck_app.cli.context import open_store, output_target, store_path
from factcheck_app.cli.errors import CommandError
from factcheck_app.cli.options import add_format_option, add_store_option
from factcheck_app.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    """Add the store sub-commands."""
    store = sub.add_parser("store", help="library file: info, check, backup, restore, sample",
                           description="Look after the library file: what it holds, an integrity check, backups.")
    store_sub = store.add_subparsers(title="store commands", metavar="ACTION", required=True)
    p = store_sub.add_parser("info", help="where the library is and what it holds",
                             description="Show the library's path, size, schema version and row counts.")
    add_store_option(p)
    add_format_option(p)
    p.set_defaults(func=cmd_info)
    p = store_sub.add_parser("check", help="integrity, foreign-key and document checks (exit 1 if problems)",
                             description="Run SQLite's full integrity check and the foreign-key check, and verify "
                             "every document file against its SHA-256 (missing or changed files are reported).")
    add_store_option(p)
    p.set_defaults(func=cmd_check)
    p = store_sub.add_parser("backup", help="copy the library and its documents to PATH (safe while in use)",
                             description="Copy the library to PATH with SQLite's online backup API, and the "
                             "document files it keeps to PATH.files beside it.")
    p.add_argument("target", metavar="PATH")
    p.add_argument("--force", action="store_true", help="overwrite PATH if it exists")
    add_store_option(p)
    p.set_defaults(func=cmd_backup)
    p = store_sub.add_parser("restore", help="replace the library with a backup (the latest automatic one by default)",
                             description="Replace the library with a backup: BACKUP, or the newest automatic backup. "
                             "The current file is kept beside it first; the backup's document files "
                             "(BACKUP.files) are copied back beside the library.")
    p.add_argument("backup", metavar="BACKUP", nargs="?")
    p.add_argument("--list", action="store_true", help="list the automatic backups instead")
    add_store_option(p)
    p.set_defaults(func=cmd_restore)
    p = store_sub.add_parser("sample", help="build the built-in sample library at PATH",
                             description="Build the built-in sample library (team-written articles, sources, "
                             "evidence and verdicts) at PATH.")
    p.add_argument("target", metavar="PATH")
    p.set_defaults(func=cmd_sample)


def cmd_info(args: argparse.Namespace) -> int:
    """Print library info."""
    from factcheck_app.store.info import library_info

    with open_store(args, reading=True) as lib:
        info = library_info(lib)
    if args.format == "json":
        print_json(info)
        return 0
    print(f"library         {info['path']}")
    print(f"size            {info['size_bytes']:,} bytes")
    print(f"schema version  {info['schema_version']}")
    print(f"journal         {info['journal_mode']}")
    for table, n in info["counts"].items():
        print(f"{table:<15} {n:,}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Run the checks; exit 1 when problems are found."""
    from factcheck_app.store.info import check_library

    with open_store(args, reading=True) as lib:
        problems = check_library(lib)
    for line in problems:
        print(line)
    print("ok" if not problems else f"{len(problems)} problem(s) found")
    return 1 if problems else 0


def cmd_backup(args: argparse.Namespace) -> int:
    """Back the library up to a path."""
    from factcheck_app.store.backup import backup_library

    target = output_target(args, args.target, "backup")
    with open_store(args, reading=True) as lib:
        _, missing = backup_library(lib.db.conn, lib.path, target)
    print(target)
    for name in missing:
        print(f"factcheck: warning: the document file {name} is missing from the library and was not copied",
              file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore from a backup (or list them)."""
    from factcheck_app.store.restore import list_backups, restore_backup

    path = store_path(args)
    if args.list:
        for backup in list_backups(path):
            print(backup)
        return 0
    restored_from, kept = restore_backup(path, Path(args.backup) if args.backup else None)
    print(f"restored {path} from {restored_from}" + (f"; the previous file is kept as {kept}" if kept else ""))
    return 0


def cmd_sample(args: argparse.Namespace) -> int:
    """Build the sample library."""
    from factcheck_app.sample_library import build_sample_library

    target = Path(args.target)
    if target.exists() and target.stat().st_size:
        raise CommandError(f"{target} exists; choose a new path for the sample library")
    summary = build_sample_library(target)
    print(f"{target}: {summary}")
    return 0
