"""Check-worthiness: how soon a checker should look at a sentence, as a score in [0, 1].

ClaimBuster-style surface features. Specific, verifiable content raises the
score: quantities, dated events, named sites and places, attributions to a
named source, and hedges that flag an unverified claim ("reportedly", "is
believed to"). Opinion, speculation, rhetorical questions, captions and long
stretches of quoted rhetoric lower it: a checker can confirm who said such
words, not their truth.
"""
from __future__ import annotations

import math
import re
from typing import NamedTuple

from factcheck_app.core.case_fold import CASE_FOLD, CASE_FOLD_EXOTIC_RE
from factcheck_app.core.extraction import Facet
from factcheck_app.extract.facet_kinds import kind_weight
from factcheck_app.extract.cue_words import (
    ANY_DIGIT_RE,
    ATTRIBUTION,
    CAUSE,
    COMPARISON,
    COURTESY,
    DEED,
    FUTURE,
    PUBLIC_RECORD,
    RECORD,
    DIGIT_NUMBER_RE,
    HEDGE,
    NUMBER_WORDS,
    OPINION,
    WORD_NUMBER_RE,
    YEAR_RE,
    CAPTION_WORDS,
    is_caption,
    is_word_char,
    past_event_count,
    phrase_alternation,
)

# A named site counts on top of its place weight: facilities are what strikes and deals are about.
_SITE_WEIGHT = 0.7
SHORT_PENALTY = (1.0, 0.3)
# How much each sign moves the score (in logits): numbers and years, a named source, a hedge
# that flags an unverified claim, reported events, a record; questions count against.
W = {"number": 0.25, "year": 0.2, "attribution": 0.5, "hedge": 1.0, "past_event": 0.15, "record": 1.5,
     "question": 1.2, "long": 0.2}
# Cues of a checkable statement, and of none, with how much each moves the score.
_CUES = [(COMPARISON, 0.8), (DEED, 0.2), (PUBLIC_RECORD, 0.35), (CAUSE, 0.3), (COURTESY, -2.0), (FUTURE, -0.6)]
_CUES.append((RECORD, W["record"]))


# Every cue the score looks at, each given one bit: a sentence's words, met with the words of
# all the cues in one set intersection, say which few cues are worth a look.
_ATTRIBUTION_BIT, _HEDGE_BIT, _OPINION_BIT = 1, 2, 4
# Not a cue: a number word ("two", "dozens"), counted with the numbers.
_NUMBER_WORD_BIT = 1 << 30
_CUE_TABLE = tuple((8 << i, cue, weight) for i, (cue, weight) in enumerate(_CUES))
_ANY_CUE_BITS = sum(bit for bit, _cue, _weight in _CUE_TABLE)


def _index_cues() -> dict[str, int]:
    """word -> the bits of the cues it may fire (see ``Cue.words``)."""
    index: dict[str, int] = {}
    cues = [(_ATTRIBUTION_BIT, ATTRIBUTION), (_HEDGE_BIT, HEDGE), (_OPINION_BIT, OPINION)]
    for bit, cue in cues + [(bit, cue) for bit, cue, _weight in _CUE_TABLE]:
        for word in cue.words():
            index[word] = index.get(word, 0) | bit
    for word in NUMBER_WORDS:
        index[word] = index.get(word, 0) | _NUMBER_WORD_BIT
    return index


_BITS_OF_WORD = _index_cues()
_CUE_WORDS = frozenset(_BITS_OF_WORD)
# Every word any cue, the caption test or the number count looks for among a sentence's tokens:
# given only its tokens that are among these, each answers as given all of them, so the set of
# all of them is never built.
_VOCABULARY = frozenset().union(*(cue.vocabulary() for cue in (ATTRIBUTION, HEDGE, OPINION, *(c for c, _ in _CUES))),
                                CAPTION_WORDS, NUMBER_WORDS)
_QUOTE_MARKS = re.compile(r"[“\"«‘][^“”\"«»‘’]*[”\"»’]")
_ANAPHORIC_BEFORE = re.compile(r"\b(?:the|these|those|both)\s+$", re.I)
_COUNT_ANAPHORIC_BEFORE = re.compile(r"\b(?:the|these|those)\s+$", re.I)
_WORD = re.compile(r"\w+")
_NUMBER_WORDS = frozenset(NUMBER_WORDS)
# WORD_NUMBER_RE's digit ordinals ("5th"); the leading \b is a look-behind after
# the first digit, so that ``re`` skips ahead to digits.
_DIGIT_ORDINAL = re.compile(r"\d(?<!\w\d)\d*(?:st|nd|rd|th)\b", re.I)
# Folded before the word tokens are compared with the cue triggers (see core.case_fold).
_FOLD = CASE_FOLD
_EXOTIC = CASE_FOLD_EXOTIC_RE
# ASCII characters that are not word characters, each made a space: in an ASCII text, the words
# between them are what \w+ finds. Punctuation outside ASCII that sentences often hold likewise.
_ASCII_NOT_WORD = str.maketrans({chr(i): " " for i in range(128) if not (chr(i).isalnum() or chr(i) == "_")})
_COMMON_MARKS = "“”‘’—–…«»€£"


# The same blanking for the text's UTF-8 bytes: where the text is ASCII, a byte table does it in
# a fraction of the time a str table takes.
_ASCII_NOT_WORD_BYTES = bytes(32 if c < 128 and chr(c).translate(_ASCII_NOT_WORD) == " " else c for c in range(256))


def _word_tokens(lowered: str) -> list[str]:
    """``_WORD.findall(lowered)``, by splitting where the text is ASCII once its common
    punctuation is blanked (a translate and a split cost less than the regex)."""
    plain = lowered
    if not plain.isascii():
        for mark in _COMMON_MARKS:
            if mark in plain:
                plain = plain.replace(mark, " ")
        if not plain.isascii():
            return _WORD.findall(lowered)
    return plain.encode("ascii").translate(_ASCII_NOT_WORD_BYTES).decode("ascii").split()


# For an ASCII text's bytes: every byte but a digit, to be deleted (what is left says whether
# \d finds anything); and every whitespace byte made a space, every other an "x" (each word of
# ``str.split`` then starts where " x" is, or at an "x" at the start).
_NOT_DIGIT_BYTES = bytes(c for c in range(256) if not chr(c).isdigit() or c >= 128)
_SPACE_OR_X = bytes(32 if c < 128 and chr(c).isspace() else 120 for c in range(256))


def _ascii_split_count(raw: bytes) -> int:
    """``len(text.split())`` for an ASCII text's bytes ``raw``, without making the words."""
    shape = raw.translate(_SPACE_OR_X)
    return shape.count(b" x") + (shape[:1] == b"x")


def _harmonic_sum(n: int) -> float:
    """1 + 1/2 + ... + 1/n, summed in that order."""
    return sum(1.0 / k for k in range(1, n + 1))


# The sums for the counts a sentence has, looked up rather than summed (or asked of a cache).
_HARMONIC = tuple(_harmonic_sum(n) for n in range(64))


def _harmonic(n: int) -> float:
    """``_harmonic_sum(n)``, from the table when ``n`` is in it."""
    return _HARMONIC[n] if n < 64 else _harmonic_sum(n)


def _is_anaphoric_count(text: str, facet: Facet, lowered: str | None) -> bool:
    """"the two nations" points back at things already named; it is not a new figure."""
    at = text.find(facet.text)
    # The slice, not pos/endpos: its start counts as a word boundary, as it always has.
    # The pattern ends in \s+$, so a number right after a non-space cannot match.
    if not (at > 0 and text[at - 1].isspace()):
        return False
    if lowered is not None:
        return _follows_word(lowered, at, _POINTING_BACK)
    return bool(_ANAPHORIC_BEFORE.search(text[max(0, at - 8):at]))


_POINTING_BACK = ("the", "these", "those", "both")


def _is_year_led(value: str) -> bool:
    """Whether ``\\d{4}`` matches at the start of ``value``, without a regex."""
    return len(value) >= 4 and value[:4].isdecimal()


def _facet_evidence(text: str, facets: list[Facet], lowered: str | None) -> float:
    """What the typed facets add to the score: each kind by its weight, repeats counting less."""
    counts: dict[str, int] = {}
    sites = 0
    specific_dates = 0
    for f in facets:
        kind = f.kind
        if kind == "quantity":
            # _is_anaphoric_count, written out: it is asked of most facets. Every pointing word
            # ends in "e" or "h", so after a space that follows any other letter, none is there.
            at = text.find(f.text)
            if at > 0 and text[at - 1].isspace():
                if lowered is None:
                    if _is_anaphoric_count(text, f, lowered):
                        continue
                else:
                    before = lowered[at - 2:at - 1]
                    if (before in "eh" or before.isspace()) and _follows_word(lowered, at, _POINTING_BACK):
                        continue
        elif kind == "date":
            if f.value and _is_year_led(str(f.value)):
                specific_dates += 1
        elif kind == "place" and f.subtype == "site":
            sites += 1
        if kind in counts:
            counts[kind] += 1
        else:
            counts[kind] = 1
    # Summed in the order the kinds were met, from 0, as sum() did: the same float.
    score = 0
    for kind, n in counts.items():
        score += kind_weight(kind) * _harmonic(n)
    # Adding 0.0 changes no sum, so the terms that are 0 are left out.
    if sites:
        score += _SITE_WEIGHT * _harmonic(sites)
    if specific_dates:
        score += 0.2 * min(specific_dates, 2)
    return score


# DIGIT_NUMBER_RE and _DIGIT_ORDINAL in one pass: they never match at the same place, and a
# match of one ends before any place where the other starts, so the counts add up.
_DIGITS_OR_ORDINAL = re.compile(r"\d(?<!\w\d)(?:[\d,.]*\b|\d*(?:st|nd|rd|th)\b)", re.I)
# The same for an ASCII text, where \d and \w mean the same with the ASCII flag and are tested faster.
_ASCII_DIGITS_OR_ORDINAL = re.compile(_DIGITS_OR_ORDINAL.pattern, re.I | re.A)
# "the", "these" or "those", a space, and (group 1) what may start a number: the only places
# where a count can point back. Only "th" is consumed, so no place hides inside another's match.
_POINT_BACK_AT = re.compile(r"th(?=(?:e|ese|ose)\s+(\d|" + phrase_alternation(list(NUMBER_WORDS)) + "))")


def _count_token_numbers(text: str, lowered: str, tokens: list[str], words: set[str], has_digit: bool) -> int:
    """``_count_numbers`` for a text without the exotic characters (``lowered`` is ``text.lower()``,
    ``tokens`` its word tokens, ``words`` the number words among them).

    A number word matches as a whole token, so its matches are its tokens; the numbers in
    digits are counted by one regex; and only the few places after "the" are looked at.
    """
    n = 0
    for word in words:
        n += tokens.count(word)
    if has_digit:
        n += len((_ASCII_DIGITS_OR_ORDINAL if text.isascii() else _DIGITS_OR_ORDINAL).findall(text))
    if n:
        for m in _POINT_BACK_AT.finditer(lowered):
            at = m.start(1)
            # The pattern puts a space before ``at``, as the count pointing back needs.
            if _follows_word(lowered, at, _COUNT_BACK):
                if (_DIGITS_OR_ORDINAL.match(text, at) is not None if lowered[at].isdecimal()
                        else _WORD.match(lowered, at).group() in _NUMBER_WORDS):
                    n -= 1
    return n


def _count_numbers(text: str, folded: set[str], has_digit: bool, lowered: str | None) -> int:
    """Numbers in digits or words, except counts pointing back ("the two"): the computation
    ``_count_token_numbers`` stands in for, kept for texts with the exotic characters."""
    starts = [m.start() for m in DIGIT_NUMBER_RE.finditer(text)] if has_digit else []
    if lowered is None:
        starts += [m.start() for m in WORD_NUMBER_RE.finditer(text)]
        # As in _is_anaphoric_count, only a number after a space can follow "the".
        return sum(1 for s in starts
                   if not (s and text[s - 1].isspace() and _COUNT_ANAPHORIC_BEFORE.search(text[max(0, s - 8):s])))
    starts += _word_number_starts(text, lowered, folded, has_digit)
    return sum(1 for s in starts if not (s and text[s - 1].isspace() and _follows_word(lowered, s, _COUNT_BACK)))


_COUNT_BACK = ("the", "these", "those")


def _follows_word(lowered: str, at: int, words: tuple[str, ...]) -> bool:
    """What ``\\b(?:the|these|those)\\s+$`` finds in the 8 characters of ``lowered`` before ``at``
    (its start a word boundary), without running a regex per number."""
    window = lowered[at - 8:at] if at > 8 else lowered[:at]
    head = window.rstrip()
    # Most heads end in none of the words: one test of them all says so.
    if len(head) == len(window) or not head.endswith(words):
        return False
    for word in words:
        if head.endswith(word):
            k = len(head) - len(word)
            return k == 0 or not is_word_char(head[k - 1])
    return False


def _word_number_starts(text: str, lowered: str, folded: set[str], has_digit: bool) -> list[int]:
    """The starts of WORD_NUMBER_RE's matches in a text without the exotic characters.

    That regex (a leading word boundary, re.I) tries every position. Its matches
    are whole tokens, so they are found instead with ``str.find`` for the number
    words among the tokens and a digit-led scan for ordinals ("5th"). Without the
    characters ``_EXOTIC`` finds, ``lower()`` keeps every offset and matches what
    re.I matches.
    """
    starts = []
    words = _NUMBER_WORDS.intersection(folded)
    if words:
        n = len(text)
        for word in words:
            at = lowered.find(word)
            while at >= 0:
                end = at + len(word)
                if (at == 0 or not is_word_char(text[at - 1])) and (end == n or not is_word_char(text[end])):
                    starts.append(at)
                at = lowered.find(word, at + 1)
    if has_digit:
        starts += [m.start() for m in _DIGIT_ORDINAL.finditer(text)]
    return starts


def score_sentence(text: str, facets: list[Facet]) -> float:
    """Return a score in [0, 1]: higher means check this sentence sooner.

    ``facets`` are the facets found inside the sentence (any kinds). The score
    is a logistic squash of additive evidence, so it orders sentences well
    without claiming to be a calibrated probability.
    """
    return score_read(read_sentence(text), text, facets)


class SentenceReading(NamedTuple):
    """What the score takes from a sentence's own words: the terms its text adds, in the order
    they are added after the facets' evidence, and whether the evidence may read the text
    lower-cased (not where lower-casing moves a word boundary). Kept small: the pipeline holds
    one per sentence of the article at once."""

    terms: tuple[float, ...]
    lowers_plainly: bool


def score_read(reading: SentenceReading | None, text: str, facets: list[Facet]) -> float:
    """The score of ``text`` (read by ``read_sentence``) with its facets: the same float as
    ``score_sentence``, for the terms are added in the same order from the same start."""
    if reading is None:
        return 0.0
    x = -1.6
    if facets:  # without any, the evidence is 0.0, which changes no sum
        x += _facet_evidence(text, facets, text.lower() if reading.lowers_plainly else None)
    for term in reading.terms:
        x += term
    return 1.0 / (1.0 + math.exp(-x))


def read_sentence(text: str) -> SentenceReading | None:
    """Read what the score takes from the sentence alone, before its facets are known (None for
    a blank text, which scores 0). The pipeline reads sentences while facets are being found."""
    if not text or text.isspace():
        return None
    if text.isascii():
        # Byte tables do in one pass each what a regex or a split of the str does slower.
        lowered = text.lower()
        raw = lowered.encode("ascii")
        tokens = raw.translate(_ASCII_NOT_WORD_BYTES).decode("ascii").split()
        has_digit = bool(raw.translate(None, _NOT_DIGIT_BYTES))
        n_words = _ascii_split_count(raw)
    else:
        # Tokens first, then lower case, where lower-casing could move word boundaries (the
        # four _EXOTIC finds, none of them ASCII). Without those characters lower-casing moves
        # no boundary, and one call beats one per word.
        if _EXOTIC.search(text) is not None:
            lowered = tokens = None
            hit = _VOCABULARY.intersection(w.lower() for w in _WORD.findall(text.translate(_FOLD)))
        else:
            lowered = text.lower()
            tokens = _word_tokens(lowered)
        has_digit = ANY_DIGIT_RE.search(text) is not None
        n_words = len(text.split())
    if tokens is not None:
        hit = _VOCABULARY.intersection(tokens)
    # ``hit``, the words among the tokens that some test looks for, stands in for them all below.
    # The cues the sentence's words may fire, as bits: only those are looked at (most
    # sentences hold the words of two or three). Number words are among them.
    bits = 0
    for word in _CUE_WORDS.intersection(hit):
        bits |= _BITS_OF_WORD[word]
    # The terms in the order ``score_read`` adds them; a term taken off is added negated
    # (``x -= w`` is ``x += -w`` to the last bit).
    terms: list[float] = []
    # Numbers the facet finders may not have typed still signal a checkable claim.
    if tokens is None:
        numbers = _count_numbers(text, hit, has_digit, lowered)
    elif has_digit or bits & _NUMBER_WORD_BIT:
        numbers = _count_token_numbers(text, lowered, tokens,
                                       _NUMBER_WORDS.intersection(hit) if bits & _NUMBER_WORD_BIT else (), has_digit)
    else:
        numbers = 0
    if numbers:  # (0 would add 0.0, which changes nothing; so below)
        terms.append(W["number"] * (numbers if numbers < 3 else 3))
    # A year starts "18", "19" or "20": three substring tests rule most texts out for less than the scan.
    if has_digit and ("20" in text or "19" in text or "18" in text):
        terms.append(W["year"] * min(len(YEAR_RE.findall(text)), 2))
    if bits & _ATTRIBUTION_BIT and ATTRIBUTION.found(hit, text, lowered):
        terms.append(W["attribution"])
    if bits & _HEDGE_BIT and HEDGE.fires(hit):
        terms.append(W["hedge"] * min(HEDGE.count(text, lowered), 2))
    # Past-tense event verbs report something that happened: checkable.
    past = past_event_count(text)
    if past:
        terms.append(W["past_event"] * (past if past < 3 else 3))
    # What makes a statement checkable: comparisons and changes, records, deeds, the public
    # record (laws, budgets, votes), causes. Courtesies and promises are not.
    record = False
    if bits & _ANY_CUE_BITS:
        for bit, cue, weight in _CUE_TABLE:  # in the table's order, as the weights were always added
            if bits & bit and cue.found(hit, text, lowered):
                terms.append(weight)
                record = record or cue is RECORD
    if bits & _OPINION_BIT and OPINION.fires(hit):
        # "the worst deal ever" claims a record; a bare superlative is opinion.
        terms.append(-((0.35 if record else 0.7) * min(OPINION.count(text, lowered), 3)))
    if text.rstrip().endswith("?"):
        terms.append(-W["question"])
    if is_caption(text, hit, lowered):
        terms.append(-2.0)
    # A sentence that is mostly quoted rhetoric: the checkable part is who said it.
    # Every quoted stretch opens with one of these marks; most sentences have none,
    # and four substring tests cost less than the scan.
    # (Without any, 0.0 would be taken off, which changes nothing.)
    if '"' in text or (not text.isascii() and ("“" in text or "«" in text or "‘" in text)):
        quoted = sum(len(m.group()) for m in _QUOTE_MARKS.finditer(text))
        terms.append(-(1.6 * (quoted / max(len(text), 1)) ** 1.5))
    terms.append(length_term(n_words))
    return SentenceReading(tuple(terms), lowered is not None)


def length_term(n_words: int) -> float:
    """What a sentence's length in words adds to the score (0.0 for most).

    Too short to state a fact ("Not so good.", "Thank you.") counts against; a short statement
    may still claim one ("Wages are rising."). Adding the negated penalty gives the same float
    as subtracting it.
    """
    if n_words < 4:
        return -SHORT_PENALTY[0]
    if n_words < 8:
        return -SHORT_PENALTY[1]
    if n_words > 18:
        return W["long"]
    return 0.0
