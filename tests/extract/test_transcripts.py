"""Transcripts: the speaker prefix names the claimant, the moderator's questions rank low."""
from __future__ import annotations

from factcheck_app.extract.pipeline import extract_claims
from factcheck_app.extract.transcripts import read_transcript

DEBATE = (
    "MODERATOR: Good evening and welcome to the debate on the harbour.\n"
    "MODERATOR: Councillor Vance, your plan cuts the ferry budget by 40 percent, doesn't it?\n"
    "VANCE: Thank you.\n"
    "VANCE: The ferry budget grew by 40 percent between 2015 and 2019 while passenger numbers fell.\n"
    "(APPLAUSE)\n"
    "OKORO: That is not true.\n"
    "OKORO: Passenger numbers rose by 12 percent in 2019, according to the port's own report.\n"
    "MODERATOR: Councillor Okoro, what would you do about the ferry budget?\n"
)


def test_the_prefix_is_the_claimant_and_not_part_of_the_claim() -> None:
    claims = extract_claims(DEBATE, "2020-02-01")
    for claim in claims:
        assert not claim.text.startswith(("MODERATOR:", "VANCE:", "OKORO:"))
        assert claim.speaker in {"MODERATOR", "VANCE", "OKORO"}
        assert all(f.text not in {"MODERATOR", "VANCE", "OKORO"} for f in claim.facets)
    grew = next(c for c in claims if "grew by 40 percent" in c.text)
    assert grew.speaker == "VANCE"
    assert grew.text.startswith("The ferry budget")


def test_the_moderators_questions_rank_below_the_speakers_claims() -> None:
    claims = extract_claims(DEBATE, "2020-02-01")
    by_text = {c.text: c for c in claims}
    question = next(c for t, c in by_text.items() if "cuts the ferry budget" in t)
    answer = next(c for t, c in by_text.items() if "grew by 40 percent" in t)
    rebuttal = next(c for t, c in by_text.items() if "rose by 12 percent" in t)
    assert question.score < answer.score and question.score < rebuttal.score
    assert read_transcript(DEBATE).askers == {"MODERATOR"}


def test_stage_directions_are_not_claims() -> None:
    assert not any("APPLAUSE" in c.text for c in extract_claims(DEBATE, "2020-02-01"))


def test_an_article_with_a_colon_is_not_a_transcript() -> None:
    article = ("Harbour fares rise\n\nThe council said: fares will rise by 5 percent.\n"
               "Note: the ferry runs daily.\nThe budget was approved on Monday.\n")
    assert read_transcript(article) is None


def test_a_sentence_beside_a_checkable_one_of_the_same_speaker_shares_some_of_its_worth() -> None:
    beside = ("VANCE: The ferry budget grew by 40 percent between 2015 and 2019.\n"
              "VANCE: That money went to the new terminal.\n"
              "OKORO: I disagree.\n")
    alone = ("VANCE: We should talk about the harbour.\n"
             "VANCE: That money went to the new terminal.\n"
             "OKORO: I disagree.\n")

    def score(body: str) -> float:
        return next(c.score for c in extract_claims(body, "2020-02-01") if c.text.startswith("That money"))

    assert score(beside) > score(alone)
