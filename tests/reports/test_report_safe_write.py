"""Atomic writes, refusal to overwrite, and file names made from titles."""
from __future__ import annotations

import pytest

from factcheck_app.reports import html as html_module
from factcheck_app.reports.errors import TargetExistsError
from factcheck_app.reports.html import write_html
from factcheck_app.reports.model import build_report
from factcheck_app.reports.safe_write import sanitise_filename, write_string


@pytest.mark.parametrize("title, expected", [
    ("Harbour bridge: the numbers", "harbour-bridge-the-numbers"),
    ("../../etc/passwd", "etc-passwd"),
    ("a/b\\c", "a-b-c"),
    ("..", "report"),
    ("", "report"),
    ("CON", "report"),
    ("Zürich — über alles", "zürich-über-alles"),
    ("line\nbreak\ttab\x00nul", "line-break-tab-nul"),
])
def test_sanitise_filename(title, expected):
    assert sanitise_filename(title) == expected


def test_sanitised_names_are_short_and_plain():
    name = sanitise_filename("word " * 100)
    assert len(name) <= 80 and not name.endswith("-")
    assert "/" not in sanitise_filename("x/" * 50) and ".." not in sanitise_filename("a..b....c")


def test_never_overwrites_without_force(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("keep me")
    with pytest.raises(TargetExistsError, match="already exists"):
        write_string(target, "new")
    assert target.read_text() == "keep me"
    write_string(target, "new", force=True)
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_renderer_failing_midway_leaves_no_file(report_db, tmp_path, monkeypatch):
    report = build_report(report_db)
    real = html_module.html_environment().get_template(html_module.TEMPLATE)

    class FailingTemplate:
        def generate(self, **context):
            chunks = real.generate(**context)
            yield next(chunks)
            raise RuntimeError("renderer broke halfway")

    class Env:
        def get_template(self, name):
            return FailingTemplate()

    monkeypatch.setattr(html_module, "html_environment", lambda: Env())
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.html"
    with pytest.raises(RuntimeError, match="halfway"):
        write_html(report, target)
    assert list(out.iterdir()) == []

    target.write_text("the old report")
    with pytest.raises(RuntimeError):
        write_html(report, target, force=True)
    assert target.read_text() == "the old report"
    assert [p.name for p in out.iterdir()] == ["report.html"]


def test_a_report_gets_ordinary_file_permissions(tmp_path):
    import os
    import stat

    from factcheck_app.reports.safe_write import write_text

    old = os.umask(0o022)
    try:
        path = write_text(tmp_path / "r.md", lambda fh: fh.write("# Report\n"))
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
