"""No network, proven: the test guard refuses connections, and import, extract and export make none."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from factcheck_app.cli import main

from test_hostile_articles import SCRIPTED_PAGE

HERE = Path(__file__).parent
ROOT = HERE.resolve().parents[1]


def _is_network_refusal(exc: BaseException) -> bool:
    return type(exc).__name__ == "NetworkAccessError"


@pytest.mark.parametrize(
    "attempt",
    [
        lambda: socket.create_connection(("127.0.0.1", 9), timeout=1),
        lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("192.0.2.1", 80)),
        lambda: socket.socket(socket.AF_INET6, socket.SOCK_STREAM).connect_ex(("::1", 80)),
        lambda: socket.getaddrinfo("example.com", 443),
        lambda: urllib.request.urlopen("http://example.com/", timeout=1),
    ],
    ids=["create_connection", "connect", "connect_ex-ipv6", "getaddrinfo", "urlopen"],
)
def test_the_guard_refuses_every_way_out(attempt):
    with pytest.raises(BaseException) as caught:
        attempt()
    chain = [caught.value, caught.value.__cause__, caught.value.__context__, getattr(caught.value, "reason", None)]
    assert any(e is not None and _is_network_refusal(e) for e in chain), repr(caught.value)


def test_the_guard_leaves_local_sockets_alone(tmp_path):
    left, right = socket.socketpair(socket.AF_UNIX)
    left.sendall(b"ok")
    assert right.recv(2) == b"ok"
    left.close()
    right.close()


@pytest.fixture
def remote_page(tmp_path) -> Path:
    page = tmp_path / "remote.html"
    page.write_text(SCRIPTED_PAGE, encoding="utf-8")
    return page


def test_import_and_extract_in_process_make_no_connection(remote_page, store_path, capsys):
    # The autouse guard raises on any attempt; the commands must still succeed.
    assert main(["import", str(remote_page), "--store", str(store_path)]) == 0
    assert main(["extract", str(remote_page), "--format", "json"]) == 0
    assert "evil.example" not in capsys.readouterr().out.split('"body"')[1].split('"claims"')[0]


def _audited(tmp_path: Path, *commands: list[str]) -> dict:
    report = tmp_path / "audit.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, str(HERE / "audited_run.py"), str(report),
                             *(json.dumps(c) for c in commands)], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(report.read_text(encoding="utf-8"))


def test_import_extract_and_export_make_no_connection_at_all(tmp_path, remote_page):
    store = str(tmp_path / "audited.sqlite")
    commands = [
        ["store", "sample", store],  # verdicts, reviews and an organisation, so every report has content
        ["import", str(remote_page), "--store", store],
        ["extract", str(remote_page), "--format", "json"],
        ["search", "buses", "--store", store],
    ]
    for fmt, suffix in (("html", "html"), ("md", "md"), ("csv", "csv"), ("json", "json"), ("claimreview", "jsonld")):
        commands.append(["export", "--format", fmt, "--all", "--include-unchecked", "--allow-missing-url",
                         "-o", str(tmp_path / f"report.{suffix}"), "--store", store])
    audit = _audited(tmp_path, *commands)
    assert audit["attempts"] == []
    assert audit["statuses"] == [0] * len(commands)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    # A self-contained report: nothing for a browser to fetch either.
    for remote in ('src="http', "src='http", 'href="http://evil', "url(http", "<script src"):
        assert remote not in html


def test_the_audit_hook_sees_attempts_even_when_the_caller_swallows_them():
    code = (
        "import socket, sys, audited_run\n"
        "sys.addaudithook(audited_run.hook)\n"
        "for attempt in (lambda: socket.getaddrinfo('example.com', 80),\n"
        "                lambda: socket.socket().connect(('192.0.2.1', 80))):\n"
        "    try:\n"
        "        attempt()\n"
        "    except Exception:\n"
        "        pass\n"
        "print(len(audited_run.ATTEMPTS))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE)])}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.stdout.strip() == "2", result.stderr
