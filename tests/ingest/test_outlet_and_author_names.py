"""The publication's name and the author's, as issue 17 found them written on real pages."""
from __future__ import annotations

import pytest

from factcheck_app.ingest.author_names import clean_author, pick_author
from factcheck_app.ingest.outlet_names import clean_site_name, host_outlet


@pytest.mark.parametrize("value, name", [
    ("U.S.", None), ("@politifact", "PolitiFact"), ("usatoday", "USA Today"), ("Hosted", None),
    ("The Jerusalem Post | JPost.com", "The Jerusalem Post"), ("Riverton Chronicle | riverton.example", "Riverton Chronicle"),
    ("riverton.example", None), ("The Lakeside Gazette", "The Lakeside Gazette"), ("the Guardian", "The Guardian"),
])
def test_site_names(value, name):
    assert clean_site_name(value) == name


@pytest.mark.parametrize("url, name", [
    ("https://www.reuters.com/article/us-x", "Reuters"), ("https://hosted.ap.org/riverton/article/1", "Associated Press"),
    ("https://edition.cnn.com/2019/11/19/x.html", "CNN"), ("https://news.sky.com/story/x", "Sky News"),
    ("https://riverton.example/x", None), ("javascript:alert(1)", None), (None, None),
])
def test_known_sites_by_address(url, name):
    assert host_outlet(url) == name


@pytest.mark.parametrize("value, name", [
    ("By Jamelle Bouie", "Jamelle Bouie"), ("JERUSALEM POST STAFF NOVEMBER", "Jerusalem Post Staff"),
    ("BBC News", None), ("Al Jazeera", None), ("@politifact", None), ("https://www.facebook.com/page", None),
    ("Jane Doe, Associated Press", "Jane Doe"), ("Tom Reed | Staff Writer", "Tom Reed"),
    ("Analysis by Chris Cillizza", "Chris Cillizza"), ("Tom Gillespie News reporter", "Tom Gillespie"),
    ("ROBERT BURNS, AP National Security Writer", "Robert Burns"), ("Carrie Arnold November 15, 2019", "Carrie Arnold"),
    ("Name *", None), ("Theresa May", "Theresa May"), ("Grace Hill", "Grace Hill"), ("PTI", "PTI"),
    ("The council said on Monday that the works would start", None),
])
def test_author_names(value, name):
    assert clean_author(value, "Al Jazeera", "BBC News") == name


def test_a_named_person_wins_over_a_desk():
    assert pick_author([None, "Snopes Staff", "Ivan Petrov"]) == "Ivan Petrov"
    assert pick_author(["Island Herald Staff", None]) == "Island Herald Staff"
    assert pick_author([None, None]) is None
