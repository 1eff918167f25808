import pytest

from factcheck_app.ingest import read_article
from factcheck_app.ingest.dates import find_date, iso_date_prefix
from factcheck_app.ingest.metadata import dateline_date, find_published, find_title_index, looks_like_headline


@pytest.mark.parametrize("line, iso", [
    ("April 11, 2017", "2017-04-11"),
    ("Published April 11, 2017 at 3:00 p.m. EDT", "2017-04-11"),
    ("11 April 2017", "2017-04-11"),
    ("2017-04-11", "2017-04-11"),
    ("March 01, 2008", "2008-03-01"),
    ("Updated: Sept. 3, 2019 | 10:15 AM", "2019-09-03"),
    ("Tuesday, April 11, 2017", "2017-04-11"),
])
def test_datelines(line, iso):
    assert dateline_date(line)[0] == iso


@pytest.mark.parametrize("line", ["On April 11, 2017, the strike began.", "February 30, 2017", "April 2017"])
def test_not_datelines(line):
    assert dateline_date(line) is None


def test_published_beats_updated_and_captions():
    lines = ["Headline here", "", "Updated April 12, 2017", "Published April 11, 2017",
             "A man walks on Monday, April 10, 2017. (Reuters)"]
    assert find_published(lines) == "2017-04-11"


def test_caption_date_when_there_is_no_dateline():
    lines = ["Headline here", "", "In this photo taken on Tuesday, April 11, 2017, a ship docks. (AP)", "", "Body."]
    assert find_published(lines) == "2017-04-11"


def test_dates_in_the_story_are_not_the_publication_date():
    article = read_article("Quiet headline for a story\n\nThe treaty was signed on June 1, 1990 in Geneva.")
    assert article.published is None
    assert any("publication date" in warning for warning in article.warnings)


def test_iso_prefix_and_find_date():
    assert iso_date_prefix("2017-04-11T15:00:00-04:00") == "2017-04-11"
    assert iso_date_prefix("not a date") is None
    assert find_date("on 3rd March 2020 it rained")[0] == "2020-03-03"


def test_title_is_first_headline_like_line():
    lines = ["", "In this image, a ship docks. (AP)", "Ships return to the harbour", "", "Body sentence one. Body two."]
    assert find_title_index(lines) == 2
    assert looks_like_headline("Apple Inc. CEO Steve Jobs on medical leave")
    assert not looks_like_headline("He went home. She stayed behind.")


def test_title_is_moved_to_the_front_of_the_body():
    text = "A ship docks in the harbour. (AP)\n\nShips return to the harbour\n\nThe body says 4 ships came back."
    article = read_article(text)
    assert article.title == "Ships return to the harbour"
    assert article.body == "Ships return to the harbour\n\nA ship docks in the harbour. (AP)\n\nThe body says 4 ships came back."
    start, end = article.captions[0]
    assert article.body[start:end] == "A ship docks in the harbour. (AP)"


def test_meantime_style_text_is_kept_whole():
    text = ("Stock markets worldwide fall dramatically\n\nMarch 01, 2008\n\n"
            "Stock markets around the world fell on Friday. The Dow Jones fell 315 points.")
    article = read_article(text)
    assert article.body == text
    assert article.title == "Stock markets worldwide fall dramatically"
    assert article.published == "2008-03-01"
