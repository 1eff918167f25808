"""Run `factcheck` commands in a process whose every network attempt is recorded by an audit hook.

Usage: ``python audited_run.py REPORT.json '["import", "a.html", ...]' '[...]' ...``. Writes
``{"statuses": [...], "attempts": [...]}`` to REPORT.json. Audit hooks see every socket
connect and name lookup made through Python, including by libraries that catch the error.
"""
from __future__ import annotations

import json
import socket
import sys

ATTEMPTS: list[str] = []
NETWORK_EVENTS = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "socket.getnameinfo",
                  "urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect"}


def hook(event: str, args: tuple) -> None:
    """Record network use; refuse it too, so nothing leaves even if a caller swallows the error."""
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        sock = args[0]
        if getattr(sock, "family", None) in (socket.AF_INET, socket.AF_INET6):
            ATTEMPTS.append(f"{event} {args[1:]!r}")
            raise OSError("network access is not allowed in this test")
    elif event in NETWORK_EVENTS:
        ATTEMPTS.append(f"{event} {args!r}")
        raise OSError("network access is not allowed in this test")


def main(argv: list[str]) -> int:
    """Run each command line; write statuses and attempts to the report."""
    report, commands = argv[0], [json.loads(a) for a in argv[1:]]
    sys.addaudithook(hook)
    from factcheck_app.cli import main as factcheck

    statuses = []
    for command in commands:
        try:
            statuses.append(factcheck(command))
        except SystemExit as exc:
            statuses.append(exc.code)
    with open(report, "w", encoding="utf-8") as fh:
        json.dump({"statuses": statuses, "attempts": ATTEMPTS}, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
