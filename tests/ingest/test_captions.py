import pytest

from factcheck_app.ingest import read_article
from factcheck_app.ingest.captions import caption_spans, is_caption


@pytest.mark.parametrize("line", [
    "Rescue workers search the rubble in Aleppo on Monday. (Reuters)",
    "North Korean leader Kim Jong Un waves. (KRT via AP)",
    "A tram at Central Station. (Jane Smith/The Riverton Chronicle)",
    "Soldiers march in the parade. (AP Photo)",
    "Protesters gather outside the court (Photo: Lin Wu)",
    "In this image made from video released on Tuesday, the ship docks.",
    "FILE - In this March 3, 2015 file photo, the senator speaks.",
    "The bridge at dusk. (Getty Images)",
])
def test_caption_lines(line):
    assert is_caption(line)


@pytest.mark.parametrize("line", [
    "He said it was fine (and good).",
    "This picture is worrying, the minister said.",
    "The agency (AP) reported a rise of 4 percent in sales across the region over the quarter, analysts said today.",
])
def test_non_captions(line):
    assert not is_caption(line)


def test_caption_spans_point_into_the_body():
    body = "Title here\n\n  Ships in port. (AFP)  \n\nBody text."
    [(start, end)] = caption_spans(body)
    assert body[start:end] == "Ships in port. (AFP)"


def test_read_article_reports_caption_offsets(pasted_page):
    article = read_article(pasted_page)
    assert len(article.captions) == 1
    start, end = article.captions[0]
    assert article.body[start:end].startswith("A tram waits at Central Station")
    assert article.body[start:end].endswith("(Jane Smith/The Riverton Chronicle)")
