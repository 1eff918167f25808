"""The batch contract: JSON lines in, one result line per input, errors kept per line."""
from __future__ import annotations

import io
import json
import subprocess
import sys

from factcheck_app.extract.batch import run_batch


def test_one_result_per_line_with_id_and_article_fields():
    lines = [json.dumps({"id": "a1", "text": "Floods Hit Delta\n\nWater rose 3 metres on Monday.",
                         "published": "2017-04-11"}) + "\n", "\n",
             json.dumps({"id": 7, "text": "No facts here at all", "published": None}) + "\n"]
    out = io.StringIO()
    assert run_batch(lines, out) == 2
    first, second = [json.loads(line) for line in out.getvalue().splitlines()]
    assert first["id"] == "a1" and first["published"] == "2017-04-11"
    assert {"title", "body", "claims"} <= first.keys()
    facets = [f for c in first["claims"] for f in c["facets"]]
    assert {"kind", "text", "start", "end", "value", "unit", "speaker"} <= facets[0].keys()
    assert any(f["kind"] == "date" and f["value"] == "2017-04-10" for f in facets)
    for f in facets:
        assert first["body"][f["start"]:f["end"]] == f["text"]
    assert second["id"] == 7


def test_bad_lines_yield_errors_and_the_batch_goes_on():
    lines = ["{not json\n", json.dumps({"id": "x", "text": 5}) + "\n", json.dumps([1, 2]) + "\n",
             json.dumps({"id": "ok", "text": "Sales rose 5%."}) + "\n"]
    out = io.StringIO()
    assert run_batch(lines, out) == 4
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert all("error" in r for r in rows[:3]) and rows[1]["id"] == "x"
    assert "error" not in rows[3] and rows[3]["id"] == "ok"


def test_runs_as_a_module_on_stdin():
    line = json.dumps({"id": "m", "text": "Prices rose 12.5% last month.", "published": "2017-04-11"},
                      ensure_ascii=False)
    proc = subprocess.run([sys.executable, "-m", "factcheck_app.extract.batch"], input=line + "\n",
                          capture_output=True, text=True, encoding="utf-8", timeout=60, check=True)
    (row,) = [json.loads(x) for x in proc.stdout.splitlines()]
    assert row["id"] == "m" and any(f["value"] == "2017-03" for c in row["claims"] for f in c["facets"])
