"""Options shared by sub-commands (--store, --format, --by) and turning typed ids into rows' ids."""
from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck_app.store.library import Library


def add_store_option(parser: argparse.ArgumentParser) -> None:
    """Add --store PATH (default: $FACTCHECK_STORE or the user data folder's library)."""
    parser.add_argument(
        "--store",
        metavar="PATH",
        help="library file to use (default: $FACTCHECK_STORE, else the library in your user data folder)",
    )


def add_format_option(parser: argparse.ArgumentParser) -> None:
    """Add --format table|json for listings."""
    parser.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")


def add_by_option(parser: argparse.ArgumentParser, *aliases: str) -> None:
    """Add --by NAME: who does this (default: $FACTCHECK_USER, else `factcheck settings set user NAME`)."""
    parser.add_argument(
        "--by", *aliases, dest="by", metavar="NAME",
        help="who does this (default: $FACTCHECK_USER, else the name set with `factcheck settings set user NAME`)",
    )


def acting_person(args: argparse.Namespace) -> str:
    """Return who acts: --by, else $FACTCHECK_USER, else the remembered name, else "" (the operation refuses)."""
    from factcheck_app.user_profile import acting_user

    return acting_user(getattr(args, "by", None))


def resolve_id(lib: "Library", table: str, typed: str) -> str:
    """Return the id in ``table`` that ``typed`` names: the full id or a prefix of at least 4 characters."""
    from factcheck_app.store.ids import resolve

    return resolve(lib.db, table, typed)


def add_action(
    group: argparse._SubParsersAction,
    name: str,
    func,
    help: str,
    description: str | None = None,
    *,
    listing: bool = False,
    by: tuple[str, ...] | bool = False,
    store: bool = True,
) -> argparse.ArgumentParser:
    """Add one sub-command running ``func``, with --store (and --format for a listing, --by for a named write).

    ``by`` may name other spellings of --by (e.g. ("--checker",)). Returns the parser for its own arguments.
    """
    p = group.add_parser(name, help=help, description=description or help[:1].upper() + help[1:] + ".")
    if by:
        add_by_option(p, *(by if isinstance(by, tuple) else ()))
    if store:
        add_store_option(p)
    if listing:
        add_format_option(p)
    p.set_defaults(func=func)
    return p
