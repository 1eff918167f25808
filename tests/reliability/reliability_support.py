"""Helpers shared by the reliability tests: hashes, a seeded library, read-only files that stop root too."""
from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck_app.core.extraction import ExtractedArticle, ExtractedClaim, Facet
from factcheck_app.store import open_library
from factcheck_app.store.articles import import_article

SENTENCES = [
    "The council approved 59 new buses in 2017.",
    "The mayor said the plan would cost $1.2 billion.",
    "Kibar was destroyed by an airstrike in 2007.",
    "Unemployment fell to 4.1 percent last year.",
    "The bridge carries 120,000 cars each day.",
    "Turnout reached 71 percent in the city.",
]


def sha256(path: Path) -> str:
    """Return the file's SHA-256 (the proof that a refused file was left as it was)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def make_article(title: str = "Test article", sentences: list[str] | None = None) -> ExtractedArticle:
    """Return an extracted article with one claim (and a quantity facet) per sentence, built by hand."""
    sentences = sentences or SENTENCES
    body = title + "\n\n"
    claims = []
    for text in sentences:
        start = len(body)
        body += text + " "
        number_at = next((i for i, ch in enumerate(text) if ch.isdigit()), 0)
        facet = Facet("quantity", start + number_at, start + number_at + 2, text[number_at:number_at + 2], value=1)
        claims.append(ExtractedClaim(start, start + len(text), text, 0.8, [facet]))
    return ExtractedArticle(body=body.rstrip(), title=title, outlet="Test Outlet", published="2024-03-14", claims=claims)


def seed_library(path: Path, title: str = "Test article") -> list[str]:
    """Create a library at ``path`` holding one article; return its claim ids in reading order."""
    with open_library(path) as lib:
        return import_article(lib.db, make_article(title), source_name="test.txt").claim_ids


def _set_immutable(path: Path, on: bool) -> bool:
    chattr = shutil.which("chattr")
    if chattr is None:
        return False
    result = subprocess.run([chattr, "+i" if on else "-i", str(path)], capture_output=True)
    return result.returncode == 0


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a file or folder truly read-only for this process for the block, then writable again.

    chmod does not stop root, and these tests often run as root: there the immutable
    flag (chattr +i) is used, which stops root too. When neither can be had, the test is
    skipped with the reason.
    """
    path = Path(path)
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if not _set_immutable(path, True):
        pytest.skip("running as root where chmod does not stop writes, and this filesystem has no immutable flag")
    if os.access(path, os.W_OK):
        _set_immutable(path, False)
        pytest.skip("the immutable flag was set but the kernel still reports the file writable")
    try:
        yield
    finally:
        _set_immutable(path, False)
