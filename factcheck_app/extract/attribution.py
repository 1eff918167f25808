"""Who said a quotation: the speaker named in the attribution around it.

The rules follow English news style. An attribution after the quotation
("…,” KCNA reported.) outranks one before it, because a quote inside reported
speech ("The message said the nations were “…,” KCNA reported.") belongs to
the outer reporter. Before the quotation the nearest speech verb's subject is
taken ("Trump tweeted Tuesday that … “solve the problem”"); a coordinated verb
("… and reiterated “…”") falls back to the sentence's subject. Pronouns are
resolved by the caller to the previous speaker.
"""
from __future__ import annotations

import re

from factcheck_app.extract.entity_words import ORG_DESCRIPTORS, TITLES

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|wrote|writes|tweeted|tweets|posted|reported|reports|"
    "stated|states|declared|declares|announced|announces|warned|warns|explained|explains|noted|notes|"
    "insisted|insists|stressed|stresses|argued|argues|claimed|claims|asked|asks|replied|replies|"
    "responded|continued|concluded|acknowledged|admitted|admits|confirmed|confirms|recalled|"
    "suggested|cautioned|urged|urges|reiterated|reiterates|emphasised|emphasized|commented|"
    "remarked|predicted|pledged|vowed|promised|demanded|called|calls|described|describes|"
    "accused|denied|agreed|maintained|contended|countered|conceded|observed|threatened|"
    "boasted|complained|lamented|joked|quipped|mused|shouted|whispered|testified|"
    "proclaimed|affirmed|asserted|alleged|charged|stressed|tweeted|messaged|texted"
)
_VERB_RE = re.compile(rf"(?<![\w-])(?:{SPEECH_VERBS})\b")  # not "so-called"

PRONOUNS = frozenset("he she it they we i He She It They We I".split())
_DETERMINERS = frozenset(
    "the a an this that his her its their one another some several many two three The A An "
    "This That His Her Its Their One Another Some Several Many Two Three".split())
# Words that end a backward walk: a subject never runs across them.
_WALL = frozenset("""
that and but or which who whom whose when while as because if since though although after
before said says is was are were be been has have had will would could should may might
than then so not also to for from in on at by with without into about over under
""".split())
_CONNECTORS = frozenset("al bin ibn de del da di van von der la le du of for the".split())
_ADVERBS = frozenset("also later then previously earlier once reportedly has had have simply "
                     "further repeatedly again recently".split())
_WORD = re.compile(r"[\w’'.-]+|[,:;()“”\"«»]")
_PUNCT = frozenset(",:;()“”\"«»")
_CAP_RUN = re.compile(
    r"(?:(?:[A-Z][\w’'.-]*|al-[\w-]+|bin|de|of(?=\s[A-Z])|the(?=\s[A-Z]))\s+){0,7}"
    r"[A-Z][\w’'.-]*(?:’s|'s)?")
_INTRO = re.compile(r"^[^,“”\"]{1,45},\s+")
# Words that open an adverbial phrase, not a subject.
_OPENERS = frozenset("In On At After Before During For From With Since When While Although Though Despite "
                     "Under Over Through By Without Within Amid Among As If Once Until Unlike Like".split())

# After the closing mark: "KCNA reported", "the spokesman said", "it added".
_AFTER_SUBJECT_VERB = re.compile(
    rf"^[\s,—–-]*(?:(?:coach|manager|spokesman|spokeswoman|spokesperson|minister|senator|chief|president|director"
    rf"|lawyer|attorney|analyst|economist|official)\s+(?=[A-Z]))?"
    rf"(?P<sp>(?:[Tt]he|[Aa]n?|[A-Z][\w’'.-]*)(?:\s+[\w’'.-]+){{0,6}}?|he|she|it|they|we|I)"
    rf"(?:,\s[^,“”\"]{{1,60}},)?\s+(?:\w+ly\s+|also\s+|later\s+)?(?:{SPEECH_VERBS})\b")
# After the closing mark, inverted: "said Kim Jong Un", "added a spokesman for the ministry".
_AFTER_VERB_SUBJECT = re.compile(
    rf"^[\s,—–-]*(?:{SPEECH_VERBS})\s+(?P<sp>(?:the|a|an|[A-Z][\w’'.-]*)(?:\s+[\w’'.-]+){{0,7}}?)"
    rf"(?=\s*(?:[,.;:!?]|$|\s(?:who|which|in|on|at|during|after|when|while|as|to|on)\b))")
_ACCORDING_TO = re.compile(
    r"\b[Aa]ccording\s+to\s+(?P<sp>(?:the\s+|a\s+|an\s+)?(?:[\w’'.-]+\s+){0,6}?[\w’'.-]+)(?=\s*[,.;:]|$)")


def _clean(speaker: str) -> str:
    return speaker.strip(" ,.;:—–-")


# A party-and-state tag after a US legislator's name ("Sen. Ben Sasse, R-Neb."): not a speaker.
_PARTY_TAG = re.compile(r"^\(?[RDI]-[A-Z][A-Za-z.]*\)?$")
# Words no speaker's noun phrase holds: clause words, comparisons.
_NOT_IN_SPEAKER = frozenset("as that which if because than when while where whether".split())
# Heads of a speaker named by role rather than name ("the spokesman", "officials", "a lawyer for the firm").
ROLE_HEADS = frozenset("""
spokesman spokeswoman spokesperson spokespeople official officials minister ministers lawyer lawyers attorney
attorneys company companies firm ministry statement report reports agency police coach manager player players
president leader leaders director chief executive executives source sources analyst analysts expert experts
witness witnesses resident residents government department committee group officer officers authorities
prosecutor prosecutors judge doctor doctors scientist scientists researcher researchers economist economists
aide aides adviser advisers advisor advisors secretary chairman chairwoman ceo founder team club union party
commission council board military army navy ministry embassy office court agency organisers organizers
campaign website newspaper paper broadcaster network channel magazine study survey letter document memo
teacher student students worker workers employee employees member members mother father son daughter wife
husband family friend friends neighbour neighbor neighbours neighbors owner owners farmer farmers fan fans
governor senator mayor ambassador envoy general commander captain colonel lieutenant sergeant soldier
soldiers pilot driver doctor nurse activist activists protester protesters organiser organizer
""".split())


_ROLES = ROLE_HEADS | {w.lower() for w in TITLES if w.isalpha()} | ORG_DESCRIPTORS | frozenset(
    "singer star actor actress artist rapper author writer band musician composer poet novelist host presenter "
    "journalist reporter editor columnist historian professor academic researcher campaigner candidate voter "
    "voters victim victims survivor survivors parent parents child children user users customer customers".split())


def clean_speaker(speaker: str | None) -> str | None:
    """Return a speaker as a name or a role ("KCNA", "the spokesman"), or None when the words
    found are neither: a party tag ("R-Neb"), a bare possessive ("Sondland’s"), a clause
    ("the software as the company")."""
    if not speaker:
        return None
    speaker = _clean(speaker)
    words = speaker.split()
    if not words or _PARTY_TAG.match(speaker) or speaker.endswith(("’s", "'s", "s’", "s'")):
        return None
    if any(w.lower() in _NOT_IN_SPEAKER for w in words):
        return None
    if speaker in PRONOUNS:
        return speaker
    head = words[-1].lower().strip("’'")
    if any(w[0].isupper() for w in words if w.lower() not in _DETERMINERS) or head in _ROLES \
            or head.rstrip("s") in _ROLES:
        return speaker
    return None


def speaker_after(right: str) -> str | None:
    """Return the speaker named right after a closing quotation mark, if any."""
    m = _AFTER_SUBJECT_VERB.match(right) or _AFTER_VERB_SUBJECT.match(right)
    if m:
        return _clean(m.group("sp"))
    m = re.match(r"^[\s,—–-]*according\s+to\s+(?P<sp>[^,.;:]{2,80})", right)
    return _clean(m.group("sp")) if m else None


def _subject_before(words: list[str]) -> str | None:
    """Walk back from just before a speech verb and return its subject noun phrase."""
    # "Sen. Ben Sasse, R-Neb., said": the party tag between commas belongs to the name before it.
    if len(words) >= 3 and words[-1] == "," and _PARTY_TAG.match(words[-2].rstrip(",")) and words[-3] == ",":
        words = words[:-3]
    i = len(words) - 1
    while i >= 0 and words[i].lower() in _ADVERBS:
        i -= 1
    if i < 0:
        return None
    if words[i] in PRONOUNS:
        return words[i]
    if words[i].lower() in _WALL or words[i] in _PUNCT:
        return None
    taken: list[str] = []
    lower_run = 0
    while i >= 0:
        w = words[i]
        if w in _PUNCT:
            break
        if w in _DETERMINERS:
            taken.append(w)
            # "a spokesman for the Foreign Ministry": carry on through "for the".
            if i >= 2 and words[i - 1] in ("for", "of", "at", "from") and words[i - 2].lower() not in _WALL:
                taken.append(words[i - 1])
                i -= 2
                lower_run = 0
                continue
            break
        if w[0].isupper() or w in _CONNECTORS or w.startswith("al-"):
            taken.append(w)
        elif w.lower() in _WALL or lower_run >= 3:
            break
        else:
            taken.append(w)
            lower_run += 1
        i -= 1
    # Leading lower-case words with no determiner ("aided Syria's ministry") are not part of it.
    while taken and taken[-1][0].islower() and taken[-1] not in _DETERMINERS:
        taken.pop()
    return " ".join(reversed(taken)) or None


def sentence_subject(sentence: str) -> str | None:
    """Return the capitalised subject at the start of a sentence ("Syria's Foreign Ministry")."""
    s = _INTRO.sub("", sentence.lstrip(), count=1)
    first = s.split(None, 1)[0] if s.strip() else ""
    if first in _OPENERS:
        return None  # "In his initial Instagram announcement …": a phrase, not a subject
    m = _CAP_RUN.match(s)
    if not m:
        m = re.match(r"(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){0,2}?(?=(?:[\w-]+\s+)?(?:" + SPEECH_VERBS + r"|has|had|is|was)\b)", s)
        return _clean(m.group()) if m else None
    words = m.group().split()
    if len(words) == 1 and words[0] in _DETERMINERS:
        return None
    return _clean(m.group())


def speaker_before(left: str) -> tuple[str | None, bool]:
    """Return (speaker, found a speech verb) from the sentence text before an opening mark.

    The subject of the nearest speech verb is taken; "according to X" counts as
    a verb; a coordinated or subject-less verb falls back to the sentence subject.
    """
    verbs = list(_VERB_RE.finditer(left))
    acc = list(_ACCORDING_TO.finditer(left))
    if acc and (not verbs or acc[-1].start() > verbs[-1].start()):
        return _clean(acc[-1].group("sp")), True
    if not verbs:
        return None, False
    verb = verbs[-1]
    words = _WORD.findall(left[: verb.start()])
    subject = _subject_before(words)
    if subject:
        return _clean(subject), True
    return sentence_subject(left), True
