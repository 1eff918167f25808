"""Furniture that survives main-text extraction on real news pages (issue 17): credit lines,
calls to act, lone picture credits, numbered headings, link boxes, machine text. Every
line here is written for these tests, modelled on how news sites lay such things out."""
from __future__ import annotations

import pytest

from factcheck_app.ingest import read_article
from factcheck_app.ingest.furniture import is_furniture, strip_furniture

STORY = [
    "The Riverton council voted 7-2 on Tuesday to extend the light-rail line by 6.5 miles to the airport.",
    "Supporters said the extension would take 12,000 cars off the road each day, according to the transit agency.",
    "Opponents argued that the $1.2 billion cost would fall on residents who never ride the trains at all.",
    "Construction is due to begin next spring and the first trains should run by the end of 2027, officials said.",
]


@pytest.mark.parametrize("line", [
    "Reporting by Jane Roe; additional reporting by Sam Poe and Ana Lu; Editing by Lee Moe",
    "(Reporting by Will Dunn; Editing by Tom Braun)",
    "Additional reporting by Maria Gonzalez",
    "Kim Lee contributed reporting from Seoul.",
    "Associated Press writers Tom Reed and Ana Lu contributed to this report.",
    "CLICK HERE TO GET THE RIVERTON NEWS APP",
    "Get Riverton Business on the go by clicking here",
    "Get Riverton Monthly delivered every month. 12 issues for £11.99. Click here for more information.",
    "Click here to subscribe to The Riverton Newsletter",
    "An error has occurred, please try again later.",
    "Follow Newsroom on Instagram, Facebook, Twitter and YouTube.",
    "Follow The Riverton Chronicle Opinion section on Facebook, Twitter (@RivOpinion) and Instagram.",
    "SOURCE: Gazette News",
    "Join our Free $1,000,000 Bracket Challenge",
    "Photo: Jane Doe, AP",
    "3.",
    "-",
    "Reuters",
    "Getty Images",
    "Thanks for signing up!",
    "Get the latest updates right in your inbox. Subscribe to Riverton.com’s newsletters.",
    "Like this story? Share it with a friend!",
    "Also on riverton.com Council votes on the budget as the mayor looks on",
    "Write to Dana Smith at dana.smith@riverton.example",
    "2019-11-19T08:57:40+01:00",
    "https://static.riverton.example/images/2019/tram-1200x800.jpg",
    "SEAN DOE ELIMINATED FROM 'DANCING ON THE RIVER' IN A SHOCK RESULT",
    "Filed under: Transport",
    "Tags: transport, council, light rail",
])
def test_news_page_furniture_lines(line):
    assert is_furniture(line), line


@pytest.mark.parametrize("line", [
    "GIRLS BASKETBALL",
    "LOOK WHAT YOU MADE ME DO",
    "Reporting by the Riverton Chronicle found that 40 buses were late every day in March.",
    "The source of the leak was never found, the council said.",
    "Photographs taken by the inspectors show cracks in 12 of the 40 pillars.",
    "ﺐِﺒْﺣَﺃ َﻚَﺒﻴِﺒَﺣ ﺎًﻧْﻮَﻫ ﺎَﻣ ﻰَﺴَﻋ ْﻥَﺃ َﻥﻮُﻜَﻳ َﻚَﻀْﻴِﻐَﺑ ﺎًﻣْﻮَﻳ",
    "In 2019 the council spent $3 million on buses.",
    "The email told customers to click here to claim a refund, police said.",
    "An error occurred during the count, officials said.",
])
def test_story_lines_are_kept(line):
    assert not is_furniture(line), line


def test_a_link_box_mid_story_does_not_cut_the_story():
    text = "\n\n".join(STORY[:2] + ["DON'T MISS", "Mayor under fire [INSIGHT]", "Tram fares to rise [VIDEO]"] + STORY[2:])
    cleaned = strip_furniture(text).text
    for paragraph in STORY:
        assert paragraph in cleaned
    assert "DON'T MISS" not in cleaned


def test_a_trailing_list_of_story_links_goes_but_a_closing_list_of_facts_stays():
    links = ["- Mayor under fire Critics line up against the budget", "- Tram fares to rise What riders will pay",
             "- Storm closes bridge Drivers face long detours"]
    cleaned = strip_furniture("\n\n".join(STORY + links)).text
    assert cleaned.endswith(STORY[-1])
    facts = ["- The line will have 11 stations.", "- Trains will run every 6 minutes.", "- Fares start at $2."]
    assert strip_furniture("\n\n".join(STORY + facts)).text.endswith(facts[-1])


def test_captions_are_pruned_and_the_page_address_is_dropped():
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    html = f"""<html><head><title>Council backs airport rail link</title>
    <link rel="canonical" href="https://riverton.example/news/rail"></head><body><article>
    <h1>Council backs airport rail link</h1><figure><img src="t.jpg"><figcaption>A tram at Central Station on Monday.
    (Jane Smith/Riverton Chronicle)</figcaption></figure>{paragraphs}<p>https://riverton.example/news/rail</p></article></body></html>"""
    article = read_article(html.encode(), "page.html")
    assert "tram at Central Station" not in article.body
    assert "https://riverton.example/news/rail" not in article.body
    assert STORY[-1] in article.body


def test_the_standfirst_under_the_headline_is_not_body():
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    html = f"""<html><head><title>Council backs airport rail link</title></head><body><article>
    <h1>Council backs airport rail link</h1>
    <h2 class="sub-head" itemprop="description">A costly line that supporters say will take cars off the road</h2>
    {paragraphs}</article></body></html>"""
    article = read_article(html.encode(), "page.html")
    assert "costly line that supporters say" not in article.body
    assert all(paragraph in article.body for paragraph in STORY)
