"""News outlets and their slogans, so a pasted masthead can be recognised and named.

Extend the tables freely: ``KNOWN_OUTLETS`` holds display names (a leading "The" is
optional when matching), ``SLOGANS`` taglines printed beside a masthead, and
``OUTLET_WORDS`` the last words that make an unknown title-case name read as a newspaper.
"""
from __future__ import annotations

import re

from factcheck_app.core.case_fold import IgnoreCasePattern

KNOWN_OUTLETS: tuple[str, ...] = (
    "The Washington Post", "The New York Times", "The Wall Street Journal", "USA Today",
    "Los Angeles Times", "Chicago Tribune", "The Boston Globe", "The Guardian", "The Observer",
    "The Times", "The Sunday Times", "The Telegraph", "The Daily Telegraph", "The Independent",
    "Financial Times", "The Economist", "BBC News", "BBC", "CNN", "Fox News", "NBC News",
    "CBS News", "ABC News", "NPR", "PBS NewsHour", "Reuters", "Associated Press", "AP News",
    "AFP", "Bloomberg", "Politico", "Axios", "The Atlantic", "The New Yorker", "Vox",
    "HuffPost", "BuzzFeed News", "Al Jazeera", "Daily Mail", "MailOnline", "The Sun",
    "The Mirror", "Evening Standard", "Sky News", "The Hill", "Newsweek", "Time", "Forbes",
    "Business Insider", "Insider", "CNBC", "The Daily Beast", "Slate", "Salon", "Vice",
    "ProPublica", "The Intercept", "Deutsche Welle", "DW", "France 24", "Euronews",
    "The Irish Times", "The Globe and Mail", "Toronto Star", "CBC News", "The Sydney Morning Herald",
    "The Age", "The Hindu", "The Times of India", "Hindustan Times", "South China Morning Post",
    "The Straits Times", "The Japan Times", "Haaretz", "The Times of Israel", "The Jerusalem Post",
    "Miami Herald", "The Seattle Times", "The Denver Post", "Houston Chronicle",
    "San Francisco Chronicle", "The Philadelphia Inquirer", "Newsday", "The Christian Science Monitor",
    "Yahoo News", "MSNBC", "The Washington Times", "New York Post", "The National",
)

SLOGANS: tuple[str, ...] = (
    "Democracy Dies in Darkness", "All the News That's Fit to Print", "Without fear or favour",
    "Live your best life", "Fair and Balanced", "The Most Trusted Name in News",
    "Journalism with impact", "Independent journalism", "Think Freely", "News and Analysis",
)

OUTLET_WORDS: tuple[str, ...] = (
    "Post", "Times", "News", "Herald", "Tribune", "Journal", "Guardian", "Gazette", "Chronicle",
    "Telegraph", "Independent", "Observer", "Express", "Mail", "Globe", "Examiner", "Inquirer",
    "Register", "Dispatch", "Courier", "Bulletin", "Monitor", "Reporter", "Star", "Sun", "Record",
    "Standard", "Mirror", "Sentinel", "Argus", "Advertiser", "Daily", "Weekly", "Press",
    "Post-Gazette", "Times-Picayune", "Today", "Wire", "Insider", "Review", "Chronicle-Journal",
    "Ledger", "Citizen", "Leader", "Enquirer", "Bee", "Eagle", "Beacon", "Clarion", "Echo", "Advocate",
    "Banner", "Statesman", "Messenger", "Democrat", "Pioneer", "Plain Dealer", "Post-Dispatch",
    "Times-Union", "Free Press", "Evening Standard", "Despatch", "Item", "Voice", "Recorder",
)

_SEPARATOR = r"\s*[-–—|:·•]\s*"
# Matched ignoring case; written in lower case, it compiles several times faster (see IgnoreCasePattern).
_KNOWN = IgnoreCasePattern(
    r"^(?P<name>(?:the\s+)?(?:"
    + "|".join(re.escape(re.sub(r"^The\s+", "", name).lower())
               for name in sorted(KNOWN_OUTLETS, key=len, reverse=True))
    + r"))(?P<rest>.*)$"
)
# An unknown paper's name: at most four capitalised words ending in a newspaper word.
# Case-sensitive on purpose: "Apple Daily" matches, "apple daily sales" does not.
_GENERIC = re.compile(
    r"^(?P<name>(?:The\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3}(?:" + "|".join(map(re.escape, OUTLET_WORDS)) + r"))"
    r"(?P<rest>(?:(?<=[a-z])[A-Z].*)|(?:" + _SEPARATOR + r".*)|)$"
)
_DISPLAY = {re.sub(r"^the\s+", "", name.lower()): name for name in KNOWN_OUTLETS}
_SLOGANS = {slogan.lower() for slogan in SLOGANS}
MAX_MASTHEAD_CHARS = 120


def _tail_kind(rest: str) -> str | None:
    """Classify what follows an outlet name: "" nothing, "slogan", "glued", "tagline", or None."""
    if not rest.strip():
        return ""
    if rest.strip(" -–—|:·•").lower() in _SLOGANS:
        return "slogan"
    # Copying a page glues the masthead to its slogan ("The Washington PostDemocracy ...").
    if rest[0].isupper() and len(rest) <= 80:
        return "glued"
    if re.match(_SEPARATOR, rest) and len(rest.split()) <= 10:
        return "tagline"
    return None


def masthead_outlet(line: str) -> tuple[str, bool] | None:
    """Return (outlet name, certain) when ``line`` is a masthead, with or without a slogan.

    ``certain`` is False when the line only looks like one (an unknown name, or a known
    name with a tagline); the caller then also wants a headline to follow it.
    """
    text = " ".join(line.split())
    if not text or len(text) > MAX_MASTHEAD_CHARS:
        return None
    known = _KNOWN.match(text)
    if known:
        name = text[known.start("name"):known.end("name")]  # the match is on the lower-cased text
        kind = _tail_kind(text[known.start("rest"):])
        if kind is not None:
            key = re.sub(r"^the\s+", "", name.lower())
            return _DISPLAY.get(key, name), kind in ("", "slogan", "glued")
    generic = _GENERIC.match(text)
    if generic:
        kind = _tail_kind(generic["rest"])
        if kind is not None:
            return generic["name"], kind in ("slogan",)
    return None
