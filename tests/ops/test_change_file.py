"""The change file: it reads back as written; damaged, truncated, foreign or newer files are refused."""
from __future__ import annotations

import gzip
import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck_app.ops.change_file import VERSION, ChangeFileError, ChangeSet, Entry, decode, encode


def _sample() -> ChangeSet:
    return ChangeSet(
        header={"from": "Ann", "for": "Bob"},
        tables={
            "sources": [Entry("s1", "2026-01-01T10:00:00.000Z lib", False, {"id": "s1", "title": "Survey", "n": 2.5})],
            "documents": [Entry("d1", "2026-01-01T10:00:00.000Z lib", False, {"id": "d1", "data": b"\x00\xffPDF"})],
            "evidence": [Entry("e1", "2026-01-01T10:00:01.000Z lib", True, None)],
        },
        aliases=[{"table_name": "sources", "old_key": "s9", "new_key": "s1", "reason": "same address"}],
    )


def test_a_change_set_reads_back_as_written():
    back = decode(encode(_sample()))
    assert back.header == {"from": "Ann", "for": "Bob"}
    assert back.tables == _sample().tables  # bytes survive, removals have no row
    assert back.aliases == _sample().aliases


@pytest.mark.parametrize("cut", [10, 100, -30, -1])
def test_a_truncated_file_is_refused(cut):
    data = encode(_sample())
    with pytest.raises(ChangeFileError, match="damaged or incomplete"):
        decode(data[:cut])


def test_a_changed_byte_is_refused():
    raw = gzip.decompress(encode(_sample())).replace(b"Survey", b"Surfey")
    with pytest.raises(ChangeFileError, match="checksum"):
        decode(gzip.compress(raw))


def test_a_missing_trailer_is_refused():
    raw = gzip.decompress(encode(_sample()))
    lines = raw.splitlines(keepends=True)
    with pytest.raises(ChangeFileError, match="last line"):
        decode(gzip.compress(b"".join(lines[:-1])))


def test_a_file_from_a_newer_version_is_refused_clearly():
    raw = gzip.decompress(encode(_sample())).split(b"\n")
    header = json.loads(raw[0])
    header["version"] = VERSION + 1
    raw[0] = json.dumps(header).encode()
    with pytest.raises(ChangeFileError, match=f"newer Factcheck Desk.*version {VERSION + 1}"):
        decode(gzip.compress(b"\n".join(raw)))


@pytest.mark.parametrize("data", [b"", b"hello", b"SQLite format 3\x00", gzip.compress(b'{"format": "other"}\n')])
def test_other_files_are_not_change_files(data):
    with pytest.raises(ChangeFileError, match="not a Factcheck Desk change file"):
        decode(data)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_a_damaged_file_is_refused_or_reads_as_written(data):
    original = encode(_sample())
    damaged = bytearray(original)
    if data.draw(st.booleans(), label="truncate"):
        damaged = damaged[: data.draw(st.integers(0, len(damaged) - 1), label="length")]
    else:
        at = data.draw(st.integers(0, len(damaged) - 1), label="position")
        damaged[at] ^= data.draw(st.integers(1, 255), label="flip")
    try:
        back = decode(bytes(damaged))
    except ChangeFileError:
        return
    # Only bytes that carry no content (gzip's header fields) may change without being noticed.
    assert (back.header, back.tables, back.aliases) == (_sample().header, _sample().tables, _sample().aliases)


@pytest.mark.parametrize("older", range(1, VERSION))
def test_files_of_older_versions_are_still_read(older):
    sample = _sample()
    raw = gzip.decompress(encode(sample)).split(b"\n")
    header = json.loads(raw[0])
    header["version"] = older
    raw[0] = json.dumps(header).encode()
    body = b"".join(line + b"\n" for line in raw[:-2])
    trailer = {"end": True, "lines": len(raw) - 2, "sha256": hashlib.sha256(body).hexdigest()}
    back = decode(gzip.compress(body + json.dumps(trailer).encode() + b"\n"))
    assert back.tables == sample.tables and back.aliases == sample.aliases
