"""Page furniture: the mastheads, buttons, ads and related-links blocks that come along
when an article is copied from a web page, and the rules that take them out again.

The tables below are the place to extend: each entry is a regular expression matched
against a whole line (trimmed, case-insensitive, trailing ``: › » →`` ignored).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck_app.core.case_fold import IgnoreCasePattern
from factcheck_app.ingest.metadata import is_headline
from factcheck_app.ingest.outlets import masthead_outlet

# Lines that are never part of a story, wherever they sit.
FURNITURE_LINES: dict[str, tuple[str, ...]] = {
    "advertising": (
        r"advertisement", r"advertising", r"ad", r"ads?\s+by\s+\w+", r"sponsored(?:\s+(?:content|links?|stories))?",
        r"paid\s+(?:content|post|partner\s+content)", r"partner\s+content", r"promoted(?:\s+stories)?",
        r"(?:story|article)\s+continues\s+(?:below|after)\s+(?:this\s+|the\s+)?(?:advertisement|ad)",
        r"continue\s+reading(?:\s+the\s+main\s+story|\s+below)?", r"scroll\s+(?:down\s+)?to\s+continue(?:\s+reading|\s+with\s+content)?",
        r"skip\s+(?:this\s+)?ad(?:vertisement)?", r"report\s+(?:this\s+)?ad",
    ),
    "article actions": (
        r"placeholder\s+while\s+article\s+actions\s+load", r"share(?:\s+this(?:\s+(?:article|story|page))?)?",
        r"share\s+(?:on|via|to)\s+[\w ]{1,20}", r"share\s+(?:the\s+)?(?:full\s+)?article", r"comments?",
        r"\d[\d,]*\s+comments?", r"(?:view|show|read|leave\s+a)\s+(?:\d+\s+)?comments?",
        r"gift(?:\s+this)?\s+(?:article|story)", r"give\s+this\s+article", r"save(?:\s+(?:article|story|for\s+later))?",
        r"saved(?:\s+stories)?", r"add\s+to\s+(?:your\s+)?saved\s+(?:stories|articles|items)", r"bookmark",
        r"listen(?:\s+to\s+(?:this|the)\s+(?:article|story))?(?:\s+\d+\s+min(?:ute)?s?)?",
        r"\d+\s*min(?:ute)?s?(?:\s+(?:read|listen))?", r"print(?:\s+this\s+(?:article|page|story))?", r"email",
        r"copy\s+link(?:\s+to\s+clipboard)?", r"link\s+copied(?:\s+to\s+clipboard)?!?", r"read\s+more", r"show\s+more",
        r"load\s+more", r"see\s+more", r"follow(?:\s+us)?(?:\s+on\s+[\w ]{1,20})?",
        r"follow(?:ing)?\s+this\s+(?:author|topic|story)", r"text\s+size", r"reprints?(?:\s+(?:&|and)\s+permissions)?",
        r"report\s+an\s+error", r"(?:suggest\s+a\s+)?correction", r"most\s+read", r"most\s+popular",
    ),
    "navigation": (
        r"skip\s+to\s+(?:main\s+)?(?:content|navigation|search|footer)", r"jump\s+to\s+(?:main\s+)?content",
        r"(?:main\s+|open\s+|close\s+)?menu", r"search", r"close", r"toggle\s+navigation", r"back\s+to\s+top",
        r"sections", r"home(?:page)?", r"go\s+to\s+(?:the\s+)?homepage", r"top\s+of\s+page", r"next\s+article",
        r"previous\s+article", r"you\s+are\s+here",
    ),
    "account": (
        r"subscribe(?:\s+(?:now|today|here))?", r"sign\s+in", r"sign\s+up", r"log\s*in", r"log\s*out", r"sign\s+out",
        r"register", r"my\s+account", r"create\s+(?:an?\s+|free\s+)*account",
        r"already\s+(?:a\s+subscriber|have\s+an\s+account|registered)\??(?:\s+(?:sign|log)\s*in\.?)?",
        r"subscribe\s+to\s+[\w' ]{1,40}", r"subscribe\s+for\s+\S+\s+[\w ]{0,30}",
        r"sign\s+up\s+(?:for|to)\s+(?:our|the|this)?\s*[\w' ]{0,40}newsletters?(?:\s+here)?",
        r"(?:get\s+(?:the|our)\s+)?[\w' ]{0,30}newsletters?(?:\s+sign[\s-]?up)?", r"manage\s+newsletters",
        r"support\s+(?:our\s+)?journalism", r"(?:become\s+a\s+)?(?:member|supporter)",
        r"try\s+\d+\s+(?:days?|weeks?|months?)\s+(?:free|for\s+\S+)",
    ),
    "consent": (
        r"accept(?:\s+all)?(?:\s+cookies)?", r"reject(?:\s+all)?(?:\s+cookies)?", r"i\s+(?:agree|accept)",
        r"got\s+it!?", r"manage\s+(?:cookies|preferences|(?:privacy|cookie)\s+settings)", r"cookie\s+(?:settings|policy|preferences)",
        r"privacy\s+policy", r"terms\s+of\s+(?:use|service)", r"do\s+not\s+sell\s+my\s+(?:personal\s+)?info(?:rmation)?",
    ),
    "legal": (
        r"(?:copyright\s*)?©.{0,120}", r"copyright\s+(?:\(c\)\s*)?\d{4}.{0,120}", r".{0,100}all\s+rights\s+reserved\.?",
    ),
}

# Headings that open a block of links to other stories. Trailing, the block goes with
# them; inside the story only the heading (and the headlines right under it) go.
RELATED_HEADINGS: tuple[str, ...] = (
    r"more\s+(?:on|from|about|in)\s+.{1,60}", r"more\s+(?:stories|coverage|news|headlines|to\s+read)",
    r"read\s+more", r"read\s+next", r"(?:what|stories)\s+to\s+read\s+next", r"related(?:\s+(?:stories|articles|coverage|content|links|reading|topics|news))?",
    r"see\s+also", r"further\s+reading", r"most\s+(?:read|popular|viewed|shared|emailed)(?:\s+(?:stories|articles|now|today))?",
    r"trending(?:\s+(?:now|stories|today))?", r"recommended(?:\s+(?:for\s+you|stories|reading))?",
    r"you\s+(?:might|may)\s+also\s+(?:like|be\s+interested\s+in)", r"top\s+stories", r"latest\s+(?:news|stories|headlines)",
    r"editor'?s?’?\s+picks", r"in\s+case\s+you\s+missed\s+it", r"around\s+the\s+web", r"from\s+around\s+the\s+web",
    r"don'?’?t\s+miss", r"popular\s+(?:now|stories|on\s+.{1,40})",
)
# A one-line pointer to another story: "Read more: Trump says ...", "Related: ...".
INLINE_LINK_LINE = re.compile(
    r"(?:read\s+more|related|see\s+also|also\s+read|read\s+also|more|watch|listen)\s*:\s+.{1,200}", re.IGNORECASE
)
# Words of a share bar copied as one line: "Share Facebook Twitter Email".
SHARE_WORDS = frozenset(
    "share facebook twitter x email e-mail linkedin whatsapp reddit print comment comments gift article "
    "save copy link pinterest telegram messenger flipboard tumblr sms more options bluesky threads mastodon".split()
)
# A cookie notice speaks for the site ("we use cookies", "by continuing"); an article about
# cookie law does not, so a mere mention of cookies is not enough.
_COOKIE_HINTS = ("we use cookies", "we and our partners", "this site uses", "this website uses", "our site uses",
                 "our website uses", "by continuing to", "by using this", "by using our", "uses cookies to",
                 "cookie policy", "cookie settings", "accept all cookies", "accept cookies", "manage cookies")

MAX_TRAILING_LINK_CHARS = 250
MAX_TRAILING_LINKS = 20
_TRIM = " \t:›»→>|•·…"


def _compile(patterns) -> IgnoreCasePattern:
    # Lower-cased lines and a pattern without the flag: it compiles several times faster.
    return IgnoreCasePattern("(?:" + "|".join(patterns) + ")")


_FURNITURE = _compile(p for group in FURNITURE_LINES.values() for p in group)
_RELATED = _compile(RELATED_HEADINGS)


def _key(line: str) -> str:
    return " ".join(line.strip().strip(_TRIM).split())


def is_furniture(line: str) -> bool:
    """Whether one line is page furniture (ads, buttons, navigation, account, cookie notices)."""
    key = _key(line)
    if not key:
        return False
    if _FURNITURE.fullmatch(key):
        return True
    words = re.split(r"[\s|/·•,]+", key.lower())
    if len(words) >= 2 and all(word in SHARE_WORDS for word in words if word):
        return True
    lower = key.lower()
    return "cookie" in lower and len(key) <= 400 and any(hint in lower for hint in _COOKIE_HINTS)


def is_related_heading(line: str) -> bool:
    """Whether a line opens a block of links to other stories ("More on WorldViews", "Most read")."""
    key = _key(line)
    return bool(key) and len(key) <= 80 and _RELATED.fullmatch(key) is not None


def _short_linkish(line: str) -> bool:
    return len(line.strip()) <= MAX_TRAILING_LINK_CHARS


@dataclass
class CleanedText:
    """Text with its furniture removed, plus what the furniture told us."""

    text: str
    outlet: str | None = None
    removed: list[str] = field(default_factory=list)


def _strip_masthead(lines: list[str], removed: list[str]) -> tuple[list[str], str | None]:
    """Drop furniture and masthead lines at the very top; return the rest and the outlet named."""
    outlet = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip() or is_furniture(line):
            if line.strip():
                removed.append(line.strip())
            index += 1
            continue
        found = masthead_outlet(line)
        if not found:
            break
        name, certain = found
        following = next((other for other in lines[index + 1:] if other.strip() and not is_furniture(other)), None)
        if not certain and not (following and is_headline(following)):
            break
        if following is None:  # a lone outlet name is all there is: keep it as the text
            break
        outlet = outlet or name
        removed.append(line.strip())
        index += 1
    return lines[index:], outlet


def _trailing_block_start(lines: list[str]) -> int | None:
    """Index of the related-links heading that starts the trailing block, or None.

    Walks up from the end while the lines are few and short (story links); the highest
    related heading reached opens the block, provided some story stands above it.
    """
    start = None
    links = 0
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line.strip():
            continue
        if is_related_heading(line):
            start = index
        elif links >= MAX_TRAILING_LINKS or not _short_linkish(line):
            break
        links += 1
    if start is None or not any(line.strip() for line in lines[:start]):
        return None
    return start


def strip_furniture(text: str) -> CleanedText:
    """Return ``text`` without page furniture, and the outlet named by a masthead at its top.

    Lines are dropped whole; every kept line is kept exactly. Runs of blank lines left
    behind collapse to one blank line.
    """
    removed: list[str] = []
    lines, outlet = _strip_masthead(text.split("\n"), removed)
    cut = _trailing_block_start(lines)
    if cut is not None:
        removed.extend(line.strip() for line in lines[cut:] if line.strip())
        lines = lines[:cut]
    kept: list[str] = []
    skipping_links = False
    for line in lines:
        if not line.strip():
            kept.append(line)
            continue
        if skipping_links and _looks_like_link_headline(line):
            removed.append(line.strip())
            continue
        skipping_links = False
        if is_related_heading(line) and len(kept) > 0:
            skipping_links = True
            removed.append(line.strip())
            continue
        if is_furniture(line) or INLINE_LINK_LINE.fullmatch(_key(line)):
            removed.append(line.strip())
            continue
        kept.append(line)
    cleaned = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", "\n".join(kept)).strip()
    return CleanedText(cleaned, outlet, removed)


def _looks_like_link_headline(line: str) -> bool:
    """A story link under a mid-text related heading: short and not a finished sentence."""
    text = line.strip()
    return len(text) <= 150 and not text.endswith((".", "!", "?", ".”", '."', ":"))
