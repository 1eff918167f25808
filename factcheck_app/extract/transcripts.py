"""Transcripts: lines that open with a speaker's name ("TRUMP: …", "MODERATOR: …").

In a transcript the prefix names the claimant and is not part of the claim.
Whoever mostly asks questions (or is labelled as the moderator, a questioner
or the audience) puts questions, not claims. Stage directions such as
"(APPLAUSE)" are nobody's claim.
"""
from __future__ import annotations

import re
from typing import NamedTuple

# "TRUMP:", "MR. SCHWAB:", "Audience member:": a short name, mostly capitals, then a colon.
_PREFIX = re.compile(r"^[ \t]*(?P<name>[A-Z][A-Za-z.'’ -]{0,38}?[A-Za-z.])[ \t]*:[ \t]+(?=\S)", re.M)
# At least this share of the non-blank lines must carry a prefix for a text to be a transcript.
_TRANSCRIPT_SHARE = 0.6
_MIN_TURNS = 3
# A speaker who ends at least this share of their sentences with "?" is putting the questions.
_QUESTION_SHARE = 0.12
_ASKING_LABELS = frozenset("MODERATOR MODERATORS QUESTION Q INTERVIEWER HOST ANCHOR AUDIENCE PANELIST "
                           "REPORTER REPORTERS QUESTIONER".split())
_STAGE_DIRECTION = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*$")


class Turn(NamedTuple):
    """One line of a transcript: where it starts, where its words start (after the prefix), who speaks."""

    line_start: int
    text_start: int
    speaker: str


class Transcript(NamedTuple):
    """The turns of a transcript, by line start, and the speakers who put the questions."""

    turns: dict[int, Turn]
    askers: frozenset[str]

    def turn_at(self, pos: int, body: str) -> Turn | None:
        """The turn of the line holding ``pos``."""
        return self.turns.get(body.rfind("\n", 0, pos) + 1)

    def is_stage_direction(self, body: str, start: int, end: int) -> bool:
        """True for "(APPLAUSE)", "[crosstalk]": a line that is only a bracketed note."""
        return _STAGE_DIRECTION.fullmatch(body, start, end) is not None


def _name_like(name: str) -> bool:
    """A speaker label: capitals ("TRUMP", "MR. SCHWAB") or one to three capitalised words."""
    words = name.split()
    if not words or len(words) > 3:
        return False
    return name.upper() == name or all(w[0].isupper() for w in words)


def read_transcript(body: str) -> Transcript | None:
    """Return the body's speaker turns when it reads as a transcript, else None."""
    if ":" not in body:
        return None
    turns: dict[int, Turn] = {}
    for m in _PREFIX.finditer(body):
        name = m.group("name").strip()
        if _name_like(name):
            turns[m.start()] = Turn(m.start(), m.end(), name)
    if len(turns) < _MIN_TURNS:
        return None
    lines = sum(1 for line in body.splitlines() if line.strip())
    if len(turns) < _TRANSCRIPT_SHARE * lines:
        return None
    return Transcript(turns, _askers(body, turns))


def _askers(body: str, turns: dict[int, Turn]) -> frozenset[str]:
    """Speakers labelled as questioners, or who end many of their lines with a question mark."""
    asked: dict[str, int] = {}
    said: dict[str, int] = {}
    for turn in turns.values():
        end = body.find("\n", turn.text_start)
        line = body[turn.text_start:end if end >= 0 else len(body)].rstrip()
        said[turn.speaker] = said.get(turn.speaker, 0) + 1
        if line.endswith("?"):
            asked[turn.speaker] = asked.get(turn.speaker, 0) + 1
    out = set()
    for speaker, n in said.items():
        label = speaker.upper().rstrip(".").split()
        if (label and label[0] in _ASKING_LABELS) or asked.get(speaker, 0) >= _QUESTION_SHARE * n:
            out.add(speaker)
    return frozenset(out)
