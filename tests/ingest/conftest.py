"""Fixtures for the ingest tests: a pasted web page written for these tests, and a guard
that fails any attempt to open a network connection."""
from __future__ import annotations

import socket

import pytest

# A made-up article as it looks when copied from a news site: masthead glued to its slogan,
# navigation and account links, article actions, ads, an inline link, a cookie notice and a
# trailing "Most Read" block.
PASTED_PAGE = """The Riverton ChronicleNews You Can Trust
Skip to main content
Sign in
Subscribe

City council votes to expand light-rail line to the airport

Published March 5, 2019 at 6:42 p.m. EST

By Maria Gonzalez and Tom Reed

A tram waits at Central Station in Riverton on Monday, March 4, 2019. (Jane Smith/The Riverton Chronicle)
Placeholder while article actions load
Share
Comment
Gift Article

The Riverton City Council voted 7-2 on Tuesday to extend the light-rail line by 6.5 miles to the airport, a project expected to cost $1.2 billion.

Advertisement

Story continues below advertisement

Supporters said the extension would take 12,000 cars off the road each day.

Read more: Riverton's traffic is the worst in the state, study finds

We use cookies to improve your experience. By continuing to browse, you accept our cookie policy.

Construction is due to begin in 2021 and finish by 2025, the transit agency said.

Most Read

Local bakery wins national award
Snowstorm expected this weekend
Why the mayor's race is tightening. Analysts explain.
"""

PASTED_PAGE_FURNITURE = (
    "The Riverton ChronicleNews You Can Trust",
    "Skip to main content",
    "Sign in",
    "Subscribe",
    "Placeholder while article actions load",
    "Gift Article",
    "Advertisement",
    "Story continues below advertisement",
    "Read more: Riverton",
    "We use cookies",
    "Most Read",
    "Local bakery wins national award",
    "Snowstorm expected this weekend",
    "Why the mayor's race is tightening",
)


@pytest.fixture
def pasted_page() -> str:
    return PASTED_PAGE


@pytest.fixture
def pasted_page_furniture() -> tuple[str, ...]:
    return PASTED_PAGE_FURNITURE


@pytest.fixture
def connection_attempts(monkeypatch) -> list[object]:
    """Make every socket connection fail and record it, so a test proves nothing is fetched.

    Stricter than the suite-wide guard (any address family), and it keeps a list the test
    can assert empty even if a library swallowed the error.
    """
    attempts: list[object] = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise AssertionError(f"network access attempted: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))
    return attempts
