import pytest

from factcheck_app.ingest import read_article
from factcheck_app.ingest.furniture import is_furniture, is_related_heading, strip_furniture
from factcheck_app.ingest.outlets import masthead_outlet


def test_pasted_page_loses_its_furniture(pasted_page, pasted_page_furniture):
    article = read_article(pasted_page.encode("utf-8"), "pasted.txt")
    for furniture in pasted_page_furniture:
        assert furniture not in article.body
    assert article.outlet == "The Riverton Chronicle"
    assert article.title == "City council votes to expand light-rail line to the airport"
    assert article.body.startswith(article.title + "\n\n")
    assert "12,000 cars" in article.body and "finish by 2025" in article.body
    assert "Published March 5, 2019" in article.body  # a dateline may stay
    assert article.author == "Maria Gonzalez and Tom Reed"


@pytest.mark.parametrize("line", [
    "Advertisement", "  ADVERTISEMENT  ", "Story continues below advertisement", "Share", "Share this article",
    "Comment", "12 Comments", "Gift Article", "Subscribe", "Sign in", "Listen", "Listen to this article 4 min",
    "Save", "Add to your saved stories", "Read more", "Follow", "Skip to main content", "Share Facebook Twitter Email",
    "Placeholder while article actions load", "Continue reading the main story", "5 min read", "Copy link",
    "We use cookies to personalise content. By continuing to use this site you agree.", "Accept all cookies",
    "© 2019 The Riverton Chronicle", "Sign up for our morning newsletter",
])
def test_furniture_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", ["Advertiſement", "Sİgn in", "Bac\u212a to top"])
def test_furniture_lines_match_as_a_case_insensitive_pattern_would(line):
    # To a case-insensitive pattern "ſ" is an "s", the dotted capital I an "i" and the Kelvin
    # sign a "k"; lower-casing alone would miss the first and the last, and lengthen the second.
    assert is_furniture(line)


def test_related_heading_matches_as_a_case_insensitive_pattern_would():
    assert is_related_heading("Top \u017ftories") and is_related_heading("Don’t MİSS")


@pytest.mark.parametrize("line", [
    "Share prices fell 3 percent on Tuesday.", "The comment drew criticism from both parties.",
    "Follow the money, the investigators said.", "Regulators say cookies require consent before they are set.",
    "Subscribers to the service rose to 12 million.",
])
def test_story_lines_are_not_furniture(line):
    assert not is_furniture(line)


@pytest.mark.parametrize("line", ["More on WorldViews", "Read more:", "Related:", "More from Politics", "Most read",
                                  "Most Popular", "You might also like", "Related stories"])
def test_related_headings(line):
    assert is_related_heading(line)


@pytest.mark.parametrize("line, outlet", [
    ("The New York TimesAll the News That's Fit to Print", "The New York Times"),
    ("The Guardian", "The Guardian"),
    ("Reuters", "Reuters"),
    ("BBC News - Home", "BBC News"),
    ("The Denver Post", "The Denver Post"),
])
def test_mastheads(line, outlet):
    found = masthead_outlet(line)
    assert found and found[0] == outlet


@pytest.mark.parametrize("line", ["Mary Barra appointed as General Motors chief", "Stock markets worldwide fall dramatically",
                                  "Apple releases iPhone SDK, announces upcoming update"])
def test_headlines_are_not_mastheads(line):
    assert masthead_outlet(line) is None


def test_title_case_headline_naming_no_outlet_survives():
    text = "Trump Attacks Press\n\nThe president criticised reporters on Monday in a long speech to supporters in Ohio."
    assert strip_furniture(text).text == text


def test_trailing_related_block_is_cut_but_a_mid_article_heading_only_drops_itself():
    body = "Headline about budgets\n\n" + ("A long paragraph about the budget vote and its effects. " * 3).strip()
    trailing = body + "\n\nMore from Business\n\nOil prices slip\nBanks rally. Markets cheer."
    assert strip_furniture(trailing).text == body
    middle = body + "\n\nRelated:\n\nOil prices slip\n\n" + "The second part of the story keeps going here. " * 6
    cleaned = strip_furniture(middle).text
    assert "Related:" not in cleaned and "Oil prices slip" not in cleaned and "second part of the story" in cleaned


def test_clean_text_is_untouched():
    text = "Stock markets worldwide fall dramatically\n\nMarch 01, 2008\n\nShares fell by 4% on Friday."
    assert strip_furniture(text).text == text
