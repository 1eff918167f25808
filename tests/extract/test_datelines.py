"""Datelines and bylines alone on a line are page furniture, not claims."""
from pathlib import Path

import pytest

from factcheck_app.extract.pipeline import analyse, extract_claims

BODY = "Council backs the bridge\n\n{line}\n\nThe council spent $45 million on design work in 2019, officials said."


@pytest.mark.parametrize("line", [
    "Published March 14, 2024",
    "Updated 3:15 p.m. EDT, March 14, 2024",
    "March 01, 2008",
    "Posted on Tuesday, April 11, 2017 at 9:00 a.m. EDT",
    "By Jane Smith and Tom Lee",
    "By Ana de la Cruz, Staff Writer",
])
def test_furniture_line_is_not_a_claim(line):
    texts = [c.text for c in extract_claims(BODY.format(line=line), "2017-04-11")]
    assert "The council spent $45 million on design work in 2019, officials said." in texts
    assert not any(line in t or t in line for t in texts)


@pytest.mark.parametrize("line", [
    "By the end of 2024, prices had risen 5 percent.",
    "Prices rose 5 percent on March 14, 2024.",
])
def test_sentences_with_dates_stay_claims(line):
    texts = [c.text for c in extract_claims(BODY.format(line=line), "2017-04-11")]
    assert line in texts


def test_a_date_inside_a_paragraph_is_not_dropped():
    body = "Council backs the bridge\n\nThe vote was held on March 14, 2024. It passed 9 to 4."
    assert any("March 14, 2024" in c.text for c in extract_claims(body, "2024-03-20"))


def test_harbour_bridge_sample_has_no_dateline_claim():
    sample = Path(__file__).resolve().parents[2] / "resources" / "samples" / "harbour-bridge.txt"
    article = analyse(sample.read_bytes(), sample.name)
    assert article.published == "2024-03-14"
    assert not any(c.text.startswith("Published") for c in article.claims)
