"""A photo caption or credit describes a picture, not the story: it is never a claim (issues 16, 17)."""
from __future__ import annotations

from factcheck_app.extract.pipeline import analyse

TEXT = """Harbour bridge reopens after repairs

Published June 3, 2021

In this photo taken on Wednesday, June 2, 2021, workers paint the Harbour Street bridge in Riverton, where 18,000 vehicles crossed each day. (Jane Smith/AP)

The Harbour Street bridge reopened to traffic on Thursday after eight months of repairs that cost the city $4.2 million, officials said.

About 18,000 vehicles crossed the bridge each day before it closed in October, according to the transportation department.
"""


def test_captions_are_listed_but_never_claims():
    article = analyse(TEXT, "bridge.txt")
    [(start, end)] = article.captions
    assert article.body[start:end].startswith("In this photo taken")
    assert article.claims, "the story's own sentences are still claims"
    for claim in article.claims:
        assert not (start <= claim.start < end), claim.text
    assert article.published == "2021-06-03"  # the date line, not the caption's date
