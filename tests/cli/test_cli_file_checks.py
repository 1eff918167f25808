"""What the command line does with files that are not what they seem, and on a full disk (issue 15,
parts 5 and 8): one line, exit 2, nothing left behind; read commands work where nothing needs writing."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli_support import SAMPLES, assert_refused
from reliability_support import read_only, sha256

TXT = SAMPLES / "harbour-bridge.txt"
ROOT = Path(__file__).resolve().parents[2]


# Part 8: importing something that is not an article file.

def test_importing_a_folder_says_it_is_a_folder(cli, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    assert_refused(cli("import", folder, "--store", tmp_path / "lib.sqlite"), "is a folder")
    assert not (tmp_path / "lib.sqlite").exists()


def test_importing_a_fifo_says_it_is_not_a_regular_file(cli, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would wait for ever
    assert_refused(cli("import", fifo, "--store", tmp_path / "lib.sqlite"), "not a regular file")
    assert_refused(cli("extract", fifo), "not a regular file")


def test_importing_a_link_to_a_device_says_it_is_not_a_regular_file(cli, tmp_path):
    link = tmp_path / "article.txt"
    link.symlink_to("/dev/zero")
    assert_refused(cli("import", link, "--store", tmp_path / "lib.sqlite"), "not a regular file")


def test_a_missing_file_is_still_no_such_file(cli, tmp_path):
    assert_refused(cli("import", tmp_path / "gone.txt", "--store", tmp_path / "lib.sqlite"), "no such file")


# Part 8: a read-only library exports, and refuses only what it would have to store.

def test_a_read_only_library_exports_and_lists(cli, populated, tmp_path):
    before = sha256(populated.path)
    with read_only(populated.path):
        done = cli("export", "--store", populated.path, "--format", "md", "--all", "--include-unchecked",
                   "-o", tmp_path / "r.md")
        assert done.status == 0, done
        assert (tmp_path / "r.md").is_file()
        for argv in (["articles"], ["claims"], ["source", "list"], ["store", "info"], ["store", "check"]):
            assert cli(*argv, "--store", populated.path).status == 0, argv
        claim = populated.claim_ids[0]
        refused = cli("export", "--store", populated.path, "--format", "claimreview", "--all",
                      "--include-unchecked", "--allow-missing-url", "-o", tmp_path / "r.jsonld",
                      "--review-url", f"{claim}=https://example.org/check")
        assert_refused(refused, "read-only")
    assert sha256(populated.path) == before


# Part 5: a full disk.

_LIMITED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
from factcheck_app.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _on_a_full_disk(limit: int, *argv) -> subprocess.CompletedProcess:
    """Run the command where no file may grow past ``limit`` bytes (RLIMIT_FSIZE: as a disk that is full)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", _LIMITED, str(limit), *map(str, argv)],
                          capture_output=True, text=True, env=env, timeout=120)


def test_a_sample_library_that_does_not_fit_leaves_nothing_and_a_retry_works(cli, tmp_path):
    target = tmp_path / "sample.sqlite"
    done = _on_a_full_disk(60_000, "store", "sample", target)
    assert done.returncode == 2, done
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr and "full" in done.stderr
    assert list(tmp_path.iterdir()) == [], "no library and no half-built file is left"
    assert cli("store", "sample", target).status == 0


@pytest.mark.parametrize("argv", [["articles"], ["store", "check"], ["claims"]])
def test_read_commands_work_on_a_full_disk(populated, argv):
    before = sha256(populated.path)
    done = _on_a_full_disk(1_000, *argv, "--store", populated.path)
    assert done.returncode == 0, done
    assert "disk" not in done.stderr
    assert sha256(populated.path) == before


def test_a_write_on_a_full_disk_is_one_line_naming_the_disk(populated):
    before = sha256(populated.path)
    done = _on_a_full_disk(1_000, "source", "add", "--title", "Not saved", "--store", populated.path)
    assert done.returncode == 2, done
    assert done.stderr.count("\n") == 1 and "disk" in done.stderr and "Traceback" not in done.stderr
    assert sha256(populated.path) == before
