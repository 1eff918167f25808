"""Matching a claim against earlier checks: the terms, the quick facets, and the ranking with its reasons."""
from __future__ import annotations

from factcheck_app.extract.match_text import facets_from_stored, quick_facets, split_posted, terms
from factcheck_app.extract.matching import Candidate, CorpusStats, Query, compare_facets, rank


def test_terms_fold_links_tags_numbers_and_word_forms():
    got = terms("Protesters at the #HarbourBridge said fourteen boats sank https://t.co/abc pic.twitter.com/x")
    assert got == ["protest", "harbour", "bridg", "said", "14", "boat", "sank"]
    assert terms("70 per cent of voters") == terms("70% of voters") == ["70", "percent", "voter"]


def test_the_date_of_an_embedded_posts_signature_is_not_words():
    text = "The bridge is closed. — Ada Lindqvist (@adal) June 4, 2019"
    body, posted = split_posted(text)
    assert posted == "June 4, 2019" and body.endswith("(@adal)")
    assert "2019" not in terms(text) and "ada" in terms(text)
    facets = quick_facets(text)
    assert facets.years == {"2019"} and facets.months == {"2019-06"}


def test_quick_facets_and_stored_facets():
    facets = quick_facets("Marco Rubio said 1,200 jobs went in March 2020.")
    assert facets.numbers == {"1200"} and facets.months == {"2020-03"} and "Marco Rubio" in facets.names
    stored = facets_from_stored([{"kind": "date", "value": "2017-04-11"}, {"kind": "quantity", "value": "59"},
                                 {"kind": "quote", "text": "x", "speaker": "Ada Lindqvist"}])
    assert stored.months == {"2017-04"} and stored.numbers == {"59"} and stored.names == ("Ada Lindqvist",)


def test_facets_agree_and_differ():
    bonus, agree, differ = compare_facets(quick_facets("In May 2019 Ocasio Cortez counted 59 missiles"),
                                          quick_facets("Ocasio-Cortez said 60 missiles were fired in May 2019"))
    assert "year 2019" in agree and "month 2019-05" in agree and any(a.startswith("name") for a in agree)
    assert differ and "59" in differ[0] and "60" in differ[0]
    assert bonus > 0


def _stats(candidates):
    df = {}
    for c in candidates:
        for t in set(terms(c.claim + " " + c.title)):
            df[t] = df.get(t, 0) + 1
    return CorpusStats(documents=len(candidates), document_frequency=df)


def test_rank_puts_the_same_claim_first_and_says_why():
    candidates = [
        Candidate("a", "The city spent 40 million dollars on the bridge in 2023.", "Bridge spending"),
        Candidate("b", "Ferry fares have doubled since 2019.", "Ferry fares"),
        Candidate("c", "The mayor opened a new library.", "Library opening"),
    ]
    query = Query.of("Ferry tickets now cost double what they did in 2019, say commuters")
    [first, *_] = rank(query, candidates, _stats(candidates))
    assert first.key == "b"
    assert "Ferry" in first.shared_words and "year 2019" in first.agreeing
    assert 0 < first.strength <= 1 and first.label in ("strong", "likely", "weak")
    assert "shared words" in first.reasons()


def test_rank_strength_is_full_when_the_text_holds_the_whole_check():
    candidates = [Candidate("a", "Ferry fares doubled.", ""), Candidate("b", "Bridge tolls rose.", "")]
    [match] = rank(Query.of("Ferry fares doubled, they say."), candidates, _stats(candidates), limit=1)
    assert match.key == "a" and match.strength == 1.0 and match.label == "strong"


def test_rank_ignores_candidates_without_shared_words_and_keeps_given_order_on_ties():
    candidates = [Candidate("x", "Ferry fares doubled.", ""), Candidate("y", "Ferry fares doubled.", ""),
                  Candidate("z", "Bridge tolls rose.", "")]
    ranked = rank(Query.of("ferry fares doubled"), candidates, _stats(candidates))
    assert [m.key for m in ranked] == ["x", "y"]
    assert rank(Query.of("the and of"), candidates, _stats(candidates)) == []


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDISH = st.text(alphabet=st.sampled_from(list("abcXYZ019 #@%’'-—.,()\u200b\ud7ff😀é")), max_size=80)


@settings(max_examples=200, deadline=None)
@given(query=WORDISH, claims=st.lists(WORDISH, min_size=1, max_size=5))
def test_any_text_ranks_without_error(query, claims):
    candidates = [Candidate(str(i), c, c[::-1]) for i, c in enumerate(claims)]
    for match in rank(Query.of(query), candidates, _stats(candidates)):
        assert 0.0 <= match.strength <= 1.0 and match.reasons()


def test_run_together_handles_split_into_known_words():
    from factcheck_app.extract.match_text import piece_terms, split_compound

    known = {"marco": 3, "rubio": 2, "tent": 9, "citi": 40, "real": 50, "donald": 30, "trump": 80, "marc": 1}
    assert split_compound("marcorubio", known) == ["marco", "rubio"]
    assert split_compound("realdonaldtrump", known) == ["real", "donald", "trump"]
    assert split_compound("tentcity", known) == ["tent", "citi"]
    assert split_compound("zzzzzzzz", known) is None and split_compound("ab", known) is None
    assert {"marco", "rubio", "marc", "orubio"} <= piece_terms("marcorubio")
