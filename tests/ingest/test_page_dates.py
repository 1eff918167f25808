"""The page's own local publication date (issue 17): a UTC timestamp is not the day the page
was published where it was published; the date forms pages print; a caption date only as a
last resort, said to the checker."""
from __future__ import annotations

import pytest

from factcheck_app.ingest import read_article
from factcheck_app.ingest.metadata import dateline_date
from factcheck_app.ingest.page_dates import VisibleStamp, local_publication_date, visible_stamps


def test_a_timestamp_with_an_offset_keeps_its_own_date():
    assert local_publication_date(["2019-11-19T21:50:59-05:00"], []) == "2019-11-19"
    assert local_publication_date(["2020-08-14T23:55:00+05:30"], []) == "2020-08-14"


def test_a_utc_timestamp_takes_the_offset_of_another_stamp_of_the_page():
    assert local_publication_date(["2019-11-20T01:50:59Z"], [], ["2019-11-19T21:05:00-05:00"]) == "2019-11-19"


def test_a_utc_timestamp_takes_the_zone_printed_on_the_page():
    assert local_publication_date(["2019-11-20T01:50:59Z"], [VisibleStamp("2019-11-19", "published", "EST")]) == "2019-11-19"
    # ET in March 2020 before the clocks changed: UTC-5
    assert local_publication_date(["2020-03-04T04:30:00Z"], [VisibleStamp("2020-03-03", "shown", "ET")]) == "2020-03-03"


def test_a_utc_timestamp_takes_the_visible_date_a_day_apart_at_most():
    assert local_publication_date(["2019-11-20T01:50:59Z"], [VisibleStamp("2019-11-19", "published")]) == "2019-11-19"
    assert local_publication_date(["2019-11-20T01:50:59Z"], [VisibleStamp("2019-10-02", "published")]) == "2019-11-20"


def test_visible_stamps_in_the_forms_pages_print():
    text = "x\nPublished: Monday, November 18th, 2019\ny\nPublished 7:07 PM EST Nov 19, 2019\nUpdated Nov. 20, 2019 at 8:50 p.m. ET"
    assert visible_stamps(text) == [VisibleStamp("2019-11-18", "published"),
                                    VisibleStamp("2019-11-19", "published", "EST", "19:07"),
                                    VisibleStamp("2019-11-20", "updated", "ET", "20:50")]


def test_a_shown_time_of_day_must_be_the_same_moment():
    # 13:16 UTC on the 19th is not "9:42am on the 20th" anywhere: that stamp is a later update.
    assert local_publication_date(["2019-11-19T13:16:00Z"], [VisibleStamp("2019-11-20", "shown", None, "09:42")]) == "2019-11-19"
    # 02:59 UTC on the 20th is "8:59 pm on the 19th" six hours west.
    assert local_publication_date(["2019-11-20T02:59:46Z"], [VisibleStamp("2019-11-19", "shown", None, "20:59")]) == "2019-11-19"


@pytest.mark.parametrize("line, iso", [
    ("Published: Monday, November 18th, 2019", "2019-11-18"),
    ("Published 7:07 PM EST Nov 19, 2019", "2019-11-19"),
    ("Updated 10:15 a.m. Nov. 3, 2019", "2019-11-03"),
])
def test_datelines_in_text(line, iso):
    assert dateline_date(line)[0] == iso


def test_several_names_in_one_itemprop():
    html = ('<html><head><meta itemprop="datePublished dateCreated" content="2019-05-16T14:03:00-04:00"></head>'
            '<body><h1>Wage bill passes</h1><p>The assembly passed the wage bill by 41 votes to 29 on Thursday.</p></body></html>')
    assert read_article(html.encode(), "p.html").published == "2019-05-16"


def test_a_fact_check_page_is_dated_by_its_review_not_the_claim():
    html = """<html><head><script type="application/ld+json">
    {"@type": "ClaimReview", "itemReviewed": {"@type": "Claim", "datePublished": "2019-11-10"},
     "datePublished": "2019-11-18T09:00:00-05:00"}</script></head>
    <body><h1>Did the city spend $3 million on one shelter?</h1><p>Stated on November 10, 2019 in a post.</p>
    <p>City records show the contract covered 180 shelters across four districts.</p></body></html>"""
    assert read_article(html.encode(), "p.html").published == "2019-11-18"


def test_a_caption_date_is_used_only_without_a_date_line_and_the_checker_is_told():
    text = ("Ships return to the harbour\n\nIn this photo taken on Tuesday, April 11, 2017, a ship docks. (AP)\n\n"
            "The harbour reopened after the storm, officials said.")
    article = read_article(text, "a.txt")
    assert article.published == "2017-04-11"
    assert any("photo caption" in warning for warning in article.warnings)
    dated = read_article("Ships return to the harbour\n\nPublished April 12, 2017\n\n" + text.split("\n\n", 1)[1], "a.txt")
    assert dated.published == "2017-04-12" and not any("caption" in w for w in dated.warnings)
