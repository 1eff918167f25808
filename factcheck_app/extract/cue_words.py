"""Cue-word patterns the check-worthiness score counts: attribution, hedges, opinion, captions.

General English news vocabulary, compiled once at import. Each word cue is a
list of phrases; the phrase list builds both the regex and its trigger words,
so the two cannot drift apart. A sentence whose words include none of a cue's
triggers cannot match it, and the regex is not run (see ``Cue.fires``).
"""
from __future__ import annotations

import itertools
import re

from factcheck_app.core.case_fold import IgnoreCasePattern

_PLAIN_WORD = re.compile(r"[a-z]+")


def _product(*slots: str) -> list[str]:
    """Every phrase made of one alternative per slot ("is|was", "said") -> "is said", "was said"."""
    return [" ".join(words) for words in itertools.product(*(s.split("|") for s in slots))]


def phrase_alternation(phrases: list[str]) -> str:
    """The alternation of ``phrases`` (no word boundaries), factored as a trie on their first words.

    Python's ``re`` tries an alternation's branches one by one at every word
    boundary; branching on one character at a time rejects most positions after
    a single comparison. Every phrase's first word is a whole token, so at any
    position only phrases with that first word can match, and among those the
    written order is kept: the matches are those of the plain alternation.
    """
    rests: dict[str, list[str]] = {}
    for phrase in phrases:
        first, _, rest = phrase.partition(" ")
        rests.setdefault(first, []).append(rest)
    trie: dict = {}
    for first in rests:
        node = trie
        for ch in first:
            node = node.setdefault(ch, {})
        node[""] = first

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in node.items() if ch]
        if "" in node:
            tails = [r"\s+" + r.replace(" ", r"\s+") if r else "" for r in rests[node[""]]]
            branches.append("(?:" + "|".join(tails) + ")")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(trie)


def phrase_regex(phrase: str) -> str:
    """The regex of one cue phrase as whole words: what ``\\b`` + ``phrase_alternation([phrase])``
    + ``\\b`` matches. A first word of plain letters is written first and its leading ``\\b`` as
    a look-behind after it, so that ``re`` can scan for that word instead of trying every position."""
    first, _, rest = phrase.partition(" ")
    if not _PLAIN_WORD.fullmatch(first):
        return r"\b" + phrase_alternation([phrase]) + r"\b"
    tail = r"\s+" + rest.replace(" ", r"\s+") if rest else ""
    return first + r"(?<!\w" + first + ")" + tail + r"\b"


class Cue:
    """A case-insensitive phrase cue: ``regex`` matches any phrase as whole words.

    Phrases are regex fragments whose words are separated by single spaces (any
    whitespace in the text). ``triggers`` holds the longest plain word of each
    phrase (a whole token whenever the phrase matches; longer words are rarer,
    so the prefilter lets fewer sentences through).
    """

    __slots__ = ("_pattern", "_regex", "_lower", "triggers", "_needed", "_words", "_phrases", "_phrase_regexes")

    def __init__(self, phrases: list[str]):
        self._pattern = r"\b" + phrase_alternation(phrases) + r"\b"
        self._regex: IgnoreCasePattern | None = None
        # The pattern run on lower-cased text, kept at hand: most sentences are lower-cased once
        # by the caller, and a cue is searched in thousands of them.
        self._lower: re.Pattern[str] | None = None
        # One-word phrases: a text holds one exactly when its word tokens do, no regex needed.
        self._words = frozenset(p for p in phrases if _PLAIN_WORD.fullmatch(p))
        triggers = set()
        # trigger -> the plain words of each phrase it stands for: every one of them
        # is a whole token when that phrase matches, as the trigger is.
        needed: dict[str, list[frozenset[str]]] = {}
        of_trigger: dict[str, list[tuple[frozenset[str], str]]] = {}
        for phrase in phrases:
            plain = [w for w in phrase.split(" ") if _PLAIN_WORD.fullmatch(w)]
            if not plain:
                raise ValueError(f"cue phrase without a plain word to trigger on: {phrase!r}")
            trigger = max(plain, key=len)
            triggers.add(trigger)
            needed.setdefault(trigger, []).append(frozenset(plain))
            of_trigger.setdefault(trigger, []).append((frozenset(plain), phrase))
        self.triggers = frozenset(triggers)
        self._needed = {t: tuple(sets) for t, sets in needed.items()}
        # trigger -> (plain words, phrase) of the phrases it stands for, for ``found``.
        self._phrases = {t: tuple(pairs) for t, pairs in of_trigger.items()}
        self._phrase_regexes: dict[str, IgnoreCasePattern] = {}

    def vocabulary(self) -> frozenset[str]:
        """Every word the cue's tests look for among a text's tokens (``found``, ``fires``): they
        answer the same given only the tokens that are among these."""
        return frozenset(word for sets in self._needed.values() for words in sets for word in words)

    def words(self) -> frozenset[str]:
        """Every word that can make the cue fire: its one-word phrases and its triggers."""
        return self._words | self.triggers

    @property
    def regex(self) -> IgnoreCasePattern:
        """The cue's regex, matched ignoring case and compiled on first use (a short batch
        process may never need some)."""
        if self._regex is None:
            self._regex = IgnoreCasePattern(self._pattern)
        return self._regex

    def found(self, folded_words: set[str], text: str, lowered: str | None) -> bool:
        """Whether the text holds one of the phrases: a one-word phrase among its tokens, or the
        regex matching where the tokens allow it. ``lowered`` is ``plain_lower(text)``."""
        if not self._words.isdisjoint(folded_words):
            return True
        if self.triggers.isdisjoint(folded_words):
            return False
        # Only the phrases whose plain words are all there can match, each searched by itself:
        # a one-phrase regex is found by a scan for its first word, where the alternation of
        # them all is tried at every word boundary. The alternation matches where one of them does.
        holds_all = folded_words.issuperset
        subject = text if lowered is None else lowered
        for trigger in self.triggers.intersection(folded_words):
            for words, phrase in self._phrases[trigger]:
                if holds_all(words) and self._phrase_regex(phrase).pattern_for(lowered).search(subject):
                    return True
        return False

    def _phrase_regex(self, phrase: str) -> IgnoreCasePattern:
        """One phrase's regex, as whole words, compiled on first use."""
        regex = self._phrase_regexes.get(phrase)
        if regex is None:
            regex = self._phrase_regexes[phrase] = IgnoreCasePattern(phrase_regex(phrase))
        return regex

    def _compiled(self, lowered: str | None) -> re.Pattern[str]:
        """The compiled pattern to run on ``lowered`` (on the text itself when that is None)."""
        if lowered is None:
            return self.regex.pattern_for(None)
        if self._lower is None:
            self._lower = self.regex.pattern_for(lowered)
        return self._lower

    def search(self, text: str, lowered: str | None) -> re.Match | None:
        """The regex's first match in ``text``, given ``lowered = plain_lower(text)`` (the caller
        lower-cases a sentence once for all the cues)."""
        return self._compiled(lowered).search(text if lowered is None else lowered)

    def count(self, text: str, lowered: str | None) -> int:
        """How many times the regex matches in ``text`` (``lowered`` as for ``search``)."""
        return len(self._compiled(lowered).findall(text if lowered is None else lowered))

    def fires(self, folded_words: set[str]) -> bool:
        """Whether the regex can match a text with these (lower-cased) word tokens.

        A trigger alone is not enough: all the plain words of one of its phrases
        must be there ("said" fires the hedge "was said to" only beside "was" and
        "to"), which keeps the regex from running on most sentences with "said".
        """
        if self.triggers.isdisjoint(folded_words):
            return False
        # map() over issuperset keeps the subset tests in C: no generator frame per phrase.
        holds_all = folded_words.issuperset
        for trigger in self.triggers.intersection(folded_words):
            if any(map(holds_all, self._needed[trigger])):
                return True
        return False


# A source is named for the claim: the checker can go to it.
ATTRIBUTION = Cue([
    "according to", "said", "says", "told", "reported", "reports", "announced", "confirmed", "stated",
    "tweeted", "wrote", "claimed", "cited", "quoted", "testified", "disclosed", "revealed", "estimated",
    "data show", "data showed", "figures show", "figures showed", "statement"])

# The writer flags the claim as unverified: exactly what a checker should verify.
HEDGE = Cue([
    *_product("is|are|was|were", "believed|thought|said|reported|alleged|understood|suspected|estimated", "to"),
    "reportedly", "allegedly", "purportedly", "supposedly", "apparently",
    "unconfirmed", "unverified", "unnamed", "according to", *_product("sources|officials", "say|said"),
    *_product("it", "is", "claimed|alleged|reported"), "claim that", "claims that",
    "rumor", "rumors", "rumour", "rumours"])

# Speculation, evaluation and framing: opinion rather than checkable fact.
OPINION = Cue([
    "might", "may be", "could be", "perhaps", "maybe", "seem", "seems", "seemed", "appear to", "appears to",
    "arguably", "likely to", "hopefully", "i think", "we believe", "should", "must", "ought",
    r"far from", r"most \w+est", r"most \w+ed", "one of the most", "the most",
    "surprisingly", "remarkably", "clearly", "obviously", "of course",
    "beautiful", "terrible", "great", "best", "worst", "amazing", "shocking",
    "tragic", "disastrous", "outrageous", "ridiculous", "brilliant", "wonderful", "horrible"])

# A comparison or a change over time: a figure against another, which records can settle.
COMPARISON = Cue([
    "more than", "less than", "fewer than", "higher than", "lower than", "larger than", "smaller than",
    "as many as", "as much as", "compared with", "compared to", "up from", "down from", "times as",
    "increased", "increase", "increases", "decreased", "decrease", "doubled", "tripled", "quadrupled",
    "halved", "rose", "risen", "fell", "fallen", "dropped", "grew", "grown", "declined", "soared",
    "plunged", "surged", "percent", "per cent", "percentage", "rate", "average"])

# A record or a first: "the largest ever", "for the first time", "never before".
RECORD = Cue([
    "ever", "in history", "record", "all-time high", "for the first time", "the first time", "never",
    "highest", "lowest", "largest", "biggest", "smallest", "fastest", "only country", "no other"])

# A deed someone can be held to: voted, signed, cut, created.
DEED = Cue([
    "voted", "signed", "supported", "opposed", "approved", "passed", "vetoed", "cut", "raised", "created",
    "killed", "spent", "borrowed", "paid", "built", "closed", "banned", "funded", "invested", "hired",
    "fired", "lost", "won", "launched", "invaded", "deported", "arrested", "convicted", "sued",
    "announced", "allowed", "refused", "rejected", "endorsed", "proposed", "imposed", "moved"])

# Laws, treaties, budgets and taxes: the public record a claim can be checked against.
PUBLIC_RECORD = Cue([
    "law", "laws", "bill", "act", "treaty", "agreement", "deal", "tax", "taxes", "tariff", "tariffs",
    "budget", "debt", "deficit", "regulation", "regulations", "policy", "amendment", "constitution",
    "court", "ruling", "election", "votes", "poll", "polls", "survey", "study", "report", "census"])

# A cause named: "because of", "led to", "as a result".
CAUSE = Cue(["because of", "caused", "causes", "due to", "led to", "leads to", "as a result", "result of",
             "responsible for", "blamed", "thanks to"])

# Courtesies and stage business: no fact in them.
COURTESY = Cue(["thank you", "thanks", "applause", "laughter", "crosstalk", "good evening", "good morning",
                "good night", "ladies and gentlemen", "welcome", "god bless", "congratulations",
                "nice to", "great to be", "pleasure to"])

# A promise or forecast: not yet a fact anyone can check.
FUTURE = Cue(["will", "ll", "going to", "gonna", "would like to", "want to", "plan to", "hope to",
              "intend to", "my plan", "our plan", "under my", "we propose", "i propose"])

# Photo captions and credits: scene-setting, not claims. Three shapes, each
# with its own cheap precondition in ``is_caption``.
_CAPTION_START_RE = re.compile(
    r"\s*(?:in\s+this\s+(?:image|photo|picture|file\s+photo|undated)|photo\s*:|image\s*:|file\s+photo)", re.I)
_CAPTION_AGENCY_RE = re.compile(
    r"\((?:[A-Z][\w.]*\s+)?(?:via\s+)?(?:AP|Reuters|AFP|Getty\s+Images|EPA)\)", re.I)
_CAPTION_CREDIT = Cue([r"photo (?:by|credit|courtesy)", r"image (?:by|credit|courtesy)"])


_CAPTION_FIRST_LETTERS = ("i", "p", "f")
# The words is_caption looks for among a text's tokens.
CAPTION_WORDS = _CAPTION_CREDIT.vocabulary()


def is_caption(text: str, folded_words: set[str], lowered: str | None) -> bool:
    """True for a photo caption or credit: "In this photo ...", "(AP)", "photo by ..."
    (``lowered`` is ``plain_lower(text)``; ``folded_words`` its word tokens, lower-cased, or
    those of them among CAPTION_WORDS)."""
    # The opening shape starts (after any space) with "in", "photo", "image" or "file": a text whose
    # first letter is none of theirs is not tried (without ``lowered``, i.e. with one of the
    # letters the flag folds to "i", "k" or "s", it always is).
    opens = lowered is None or lowered.lstrip()[:1] in _CAPTION_FIRST_LETTERS
    return bool((opens and _CAPTION_START_RE.match(text))
                or ("(" in text and _CAPTION_AGENCY_RE.search(text))
                or (_CAPTION_CREDIT.fires(folded_words) and _CAPTION_CREDIT.search(text, lowered)))


NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
                "billion", "billions", "first", "second", "third", "fourth", "fifth", "tenth")
# Numbers in digits, and number words or digit ordinals ("5th"). No position can
# start a match of both, so the two are counted separately (the words only when
# one occurs).
# The leading \b is written as a look-behind after the first digit, so that ``re``
# can skip ahead to the next digit instead of trying every position.
DIGIT_NUMBER_RE = re.compile(r"\d(?<!\w\d)[\d,.]*\b")
WORD_NUMBER_RE = re.compile(r"\b(?:" + phrase_alternation(list(NUMBER_WORDS)) + r"|\d+(?:st|nd|rd|th))\b", re.I)
YEAR_RE = re.compile(r"(?:1[89]|20)(?<!\w\d\d)\d\ds?\b")
ANY_DIGIT_RE = re.compile(r"\d")

# Regular past-tense verbs ("supplied", "launched"): a rough stand-in for a
# VBD part-of-speech count, which ClaimBuster finds typical of factual claims.
# A whole word of four lower-case ASCII letters or more ending in "ed" (the
# look-behind after the first letter is a leading \b), except NOT_PAST_EVENT.
PAST_EVENT_RE = re.compile(r"[a-z](?<!\w[a-z])[a-z]+ed\b")
NOT_PAST_EVENT = frozenset("need indeed speed seed feed bed red shed breed creed greed hundred kindred".split())


# PAST_EVENT_RE read backwards, for the reversed text: a match there opens with "de", which ``re``
# scans for, where the forward pattern starts a try at every letter. (Its leading \b is a
# look-behind after the "de"; its \b after the letters ends the word, as \b before them did.)
_PAST_EVENT_REVERSED_RE = re.compile(r"de(?<!\wde)[a-z]{2,}\b")
_NOT_PAST_EVENT_REVERSED = frozenset(word[::-1] for word in NOT_PAST_EVENT)


def past_event_count(text: str) -> int:
    """The number of regular past-tense verbs in ``text`` ("launched", not "need"): PAST_EVENT_RE's
    matches not in NOT_PAST_EVENT.

    A match is a whole word of four lower-case ASCII letters or more that ends in "ed", with no
    word character on either side; the words are found from their endings, in the reversed text.
    """
    found = _PAST_EVENT_REVERSED_RE.findall(text[::-1])
    if not found:
        return 0
    return len(found) - sum(map(_NOT_PAST_EVENT_REVERSED.__contains__, found))


def is_word_char(ch: str) -> bool:
    """What ``re`` counts as a word character (\\w) in a str pattern."""
    return ch.isalnum() or ch == "_"
