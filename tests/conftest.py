"""Shared test set-up: offscreen Qt, a fresh library per test, user folders in tmp, and no network at all."""
from __future__ import annotations

import os
import socket
import sys
import tempfile

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Property tests draw the same examples on every run of the suite, so a red run means a change,
# never the luck of a draw; `make stress` (and FACTCHECK_HYPOTHESIS_PROFILE=explore) draws at
# random to find what the fixed draws miss.
settings.register_profile("suite", derandomize=True, database=None)
settings.register_profile("explore")
if not os.environ.get("FACTCHECK_HYPOTHESIS_PROFILE"):
    settings.load_profile("suite")
# Helpers shared across the test folders (verdict_support) are imported by name.
sys.path.insert(0, os.path.dirname(__file__))
# One rebuildable cache (the place-name table) for the whole run, never the user's own.
os.environ["FACTCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="factcheck-test-cache-")


class NetworkAccessError(AssertionError):
    """A test tried to open a network connection; the app must never do that."""


def _refuse(*args, **kwargs):
    raise NetworkAccessError(f"network access attempted: {args[1:] or kwargs}")


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Fail any test that opens an internet socket (AF_INET/AF_INET6) or resolves a host name."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guarded(method):
        def connect(self, address, *rest):
            if self.family in (socket.AF_INET, socket.AF_INET6):
                raise NetworkAccessError(f"network access attempted: {address!r}")
            return method(self, address, *rest)

        return connect

    monkeypatch.setattr(socket.socket, "connect", guarded(real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(real_connect_ex))
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    yield


@pytest.fixture(autouse=True)
def user_folders(tmp_path_factory, monkeypatch):
    """Point the default library, data and log folders at a temporary folder for every test."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("FACTCHECK_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("FACTCHECK_LOG_DIR", str(base / "logs"))
    monkeypatch.setenv("FACTCHECK_STORE", str(base / "data" / "library.factcheck.sqlite"))
    monkeypatch.setenv("FACTCHECK_CONFIG_DIR", str(base / "config"))
    # Who acts is named by each test; the developer's own name never leaks in.
    monkeypatch.delenv("FACTCHECK_USER", raising=False)
    return base


@pytest.fixture
def store_path(tmp_path):
    """Return a path for a new library file in this test's temporary folder."""
    return tmp_path / "library.sqlite"


@pytest.fixture
def library(store_path):
    """Yield a fresh, open library in this test's temporary folder."""
    from factcheck_app.store import open_library

    lib = open_library(store_path)
    yield lib
    lib.close()
