"""`factcheck scale list|add`: the library's rating scales."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from factcheck_app.cli.context import open_store
from factcheck_app.cli.errors import CommandError
from factcheck_app.cli.options import add_action
from factcheck_app.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    """Add the scale sub-commands."""
    scale = sub.add_parser("scale", help="list or add rating scales",
                           description="Rating scales: the built-in ones and the desk's own.")
    group = scale.add_subparsers(title="scale commands", metavar="ACTION", required=True)
    add_action(group, "list", cmd_scale_list, "list the rating scales and their steps", listing=True)
    p = add_action(
        group, "add", cmd_scale_add, "add (or replace) a custom scale from a JSON file",
        "Add a custom rating scale, or replace one of the desk's own, from a JSON file: "
        '{"name": "desk", "title": "Desk scale", "steps": [{"label": "Right", "value": 1, "colour": "#1a7f37"}, …]} '
        "(steps best first; \"off_scale\": true for results beside the true-to-false axis).")
    p.add_argument("file", metavar="FILE.json")


def cmd_scale_list(args: argparse.Namespace) -> int:
    """List rating scales."""
    from factcheck_app.store.scales import list_scales

    with open_store(args, reading=True) as lib:
        scales = list_scales(lib.db)
    if args.format == "json":
        print_json([s.to_dict() for s in scales])
        return 0
    for scale in scales:
        print(f"{scale.name}: {scale.title}")
        for step in scale.steps:
            print(f"  {step.value:>2}  {step.label}" + ("  (off the scale)" if step.off_scale else ""))
    return 0


def cmd_scale_add(args: argparse.Namespace) -> int:
    """Add a custom scale from a JSON file."""
    from factcheck_app.ops.scales import save_scale

    path = Path(args.file)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise CommandError(f"{path.name} is not a JSON scale definition ({exc})") from exc
    if not isinstance(data, dict):
        raise CommandError(f"{path.name} must hold one JSON object with name, title and steps")
    with open_store(args, create=True) as lib:
        scale = save_scale(lib, data).value
    print(f"{scale.name}: {scale.title} ({len(scale.steps)} steps)")
    return 0
