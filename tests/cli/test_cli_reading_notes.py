"""`extract` and `import` say which reader read each file and pass on every warning about it."""
from __future__ import annotations

import json
import sys

from cli_support import SAMPLES

HTML = SAMPLES / "drought-report.html"


def test_extract_and_import_name_the_reader(cli, store_path):
    extracted = cli("extract", HTML)
    assert extracted.status == 0
    assert "drought-report.html: read as HTML main text (trafilatura)" in extracted.err
    as_json = json.loads(cli("extract", HTML, "--format", "json").out)
    assert as_json["reader"] == "HTML main text (trafilatura)" and isinstance(as_json["warnings"], list)
    imported = cli("import", HTML, "--store", store_path)
    assert imported.status == 0 and "read as HTML main text" in imported.err


def test_a_fallback_read_is_announced(cli, store_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    imported = cli("import", HTML, "--store", store_path)
    assert imported.status == 0
    assert "read as HTML fallback" in imported.err
    assert "note: The main-text reader could not be loaded" in imported.err
