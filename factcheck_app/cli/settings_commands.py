"""`factcheck settings get|set`: the organisation, its address, the methodology note, and your name."""
from __future__ import annotations

import argparse

from factcheck_app.cli.options import add_action


def register(sub: argparse._SubParsersAction) -> None:
    """Add the settings sub-commands."""
    from factcheck_app.core.settings_keys import SETTINGS

    names = [s.name for s in SETTINGS]
    listing = "; ".join(f"{s.name}: {s.help}" for s in SETTINGS)
    settings = sub.add_parser("settings", help="organisation, address, methodology, your name",
                              description=f"Settings. {listing}.")
    group = settings.add_subparsers(title="settings commands", metavar="ACTION", required=True)
    p = add_action(group, "get", cmd_settings_get, "print a setting (all of them without NAME)",
                   "Print a setting's value, or every setting without NAME.")
    p.add_argument("name", metavar="NAME", nargs="?", choices=names)
    p = add_action(group, "set", cmd_settings_set, "set a setting ('' clears it)",
                   f"Set a setting; an empty VALUE clears it. {listing}.")
    p.add_argument("name", metavar="NAME", choices=names)
    p.add_argument("value", metavar="VALUE")


def _library_for(args: argparse.Namespace, names: list[str], *, writing: bool):
    """Open the library when one of ``names`` lives in it (None for the user's own settings only)."""
    from factcheck_app.cli.context import open_store, store_path
    from factcheck_app.ops.settings import setting_key

    if all(not setting_key(n).in_library for n in names):
        return None
    if not writing and len(names) > 1 and not store_path(args).exists():
        return None  # listing everything before any library exists: the library's settings are unset
    return open_store(args, create=writing, reading=not writing)


def cmd_settings_get(args: argparse.Namespace) -> int:
    """Print one setting or all of them."""
    from factcheck_app.ops.settings import SETTINGS, get_setting, setting_key

    names = [args.name] if args.name else [s.name for s in SETTINGS]
    lib = _library_for(args, names, writing=False)
    try:
        for name in names:
            value = get_setting(lib, name) if (lib is not None or not setting_key(name).in_library) else None
            print((value or "") if args.name else f"{name:<17} {value or '(not set)'}")
    finally:
        if lib is not None:
            lib.close()
    return 0


def cmd_settings_set(args: argparse.Namespace) -> int:
    """Set one setting."""
    from factcheck_app.ops.settings import set_setting

    lib = _library_for(args, [args.name], writing=True)
    try:
        value = set_setting(lib, args.name, args.value).value
    finally:
        if lib is not None:
            lib.close()
    print(f"{args.name} = {value}" if value else f"{args.name} cleared")
    return 0
