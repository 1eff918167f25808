"""Page furniture: the mastheads, buttons, ads and related-links blocks that come along
when an article is copied from a web page, and the rules that take them out again.

The tables below are the place to extend: each entry is a regular expression matched
against a whole line (trimmed, case-insensitive, trailing ``: › » →`` ignored).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck_app.core.case_fold import IgnoreCasePattern, is_case_blind
from factcheck_app.ingest.captions import LONE_CREDIT
from factcheck_app.ingest.metadata import is_headline
from factcheck_app.ingest.outlets import masthead_outlet

# A credit line names people ("Reporting by Jane Roe and Sam Poe in Seoul; Editing by Lee Moe").
_NAME = r"(?-i:[A-Z][\w.'’-]*(?:\s+(?:(?:de|van|von|al|bin|da|del|la|le)\s+)?[A-Z][\w.'’-]*){0,3})"
_ROLE = r"(?:(?:additional\s+)?reporting|writing|editing|compiled|produced|graphics|photos?|video)\s+by\s+"

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
        r"order\s+reprints?",
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
        r"(?:copyright\s*)?[©ⓒ].{0,120}", r"copyright\s+(?:\(c\)\s*)?\d{4}.{0,120}", r".{0,100}all\s+rights\s+reserved\.?",
        r"if\s+you\s+(?:buy|purchase)\s+something\s+(?:through|from|via)\s+.{1,250}",
    ),
    # Who reported, wrote and edited: the desk's credit line, not the story.
    "credits": (
        rf"\(?{_ROLE}{_NAME}(?:\s+(?:in|from)\s+{_NAME})?(?:\s*(?:,|;|\band\b|&)\s*(?:{_ROLE})?{_NAME}(?:\s+(?:in|from)\s+{_NAME})?)*\s*\)?\.?",
        r"[^.!?]{1,300}\bcontributed\s+(?:reporting|to\s+this\s+(?:report|story|article))(?:\s+(?:from|in)\s+[^.]{1,60})?\.?",
        r"(?:photo|photograph|image|picture)s?\s*(?:credit)?\s*:\s*[^.!?]{1,60}",
        r"source\s*:\s*[^.!?]{1,60}",
        r"reach\s+(?:the\s+)?(?:reporters?|writers?|authors?)\s+(?:on|at|by)\s.{1,200}",
        r"have\s+a\s+(?:news\s+)?tip\?.{0,250}",
        r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", r"(?:https?://)?(?:www\.)?(?:twitter|x|facebook|instagram)\.com/\S+",
        r"[\w ]{1,30}:\s*https?://.{0,200}",
        r"(?:write|e-?mail)\s+(?:to\s+)?.{1,60}\s+at\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+.{0,200}",
        r"filed\s+under\s*:.{0,100}", r"tags?", r"tags?\s*:.{1,300}", r"explore\s+further",
        # Machine text that structured data leaves in a page: a bare timestamp, an image address.
        r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?",
        r"https?://\S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?",
    ),
    # Calls to act: apps, newsletters, social accounts, contests.
    "promotion": (
        # A call to click, never a story's sentence that quotes one ("an email said 'click here'").
        r"(?:click|tap)\s+here\b.{0,150}", r".{0,200}[.!?]\s+(?:click|tap)\s+here\b[^.!?]{0,80}[.!?]?",
        r"(?-i:[^a-z]{0,200}\bCLICK(?:ING)?\s+HERE\b[^a-z]{0,120})", r".{0,100}\bby\s+clicking\s+here",
        r"follow\s+.{1,80}\s+on\s+(?:twitter|facebook|instagram|youtube|linkedin|tiktok|snapchat)\b.{0,400}",
        r"follow\s+.{0,200}(?:https?://|\s@\w).{0,200}", r".{0,200}\bdelivered\s+to\s+your\s+inbox\b.{0,120}",
        r"sign\s+up\s*:.{0,200}", r"subscribe\s+to\s+.{1,200}", r"if\s+you\s+enjoyed\s+this\s+(?:article|story|piece).{0,300}",
        r"this\s+copy\s+is\s+for\s+your\s+personal.{0,400}", r"an\s+error\s+(?:has\s+)?occurred[,.;]?\s*(?:please\s+)?try\s+again(?:\s+later)?\.?",
        r"this\s+(?:article|story)\s+has\s+been\s+sent\s+to.{0,60}", r"thank\s+you!?",
        r"thanks?(?:\s+you)?\s+for\s+(?:signing\s+up|subscribing)!?", r"keep\s+an\s+eye\s+on\s+your\s+inbox.{0,80}",
        r"sorry!?", r"there\s+was\s+an\s+error\s+processing\s+your\s+subscription\.?",
        r"get\s+(?:the\s+latest\s+)?(?:updates|news|stories)\s+(?:right\s+)?in\s+your\s+inbox\.?(?:\s+subscribe\b.{0,80})?",
        r"subscribe\s+to\s+.{1,60}\bnewsletters?\.?", r"join\s+(?:our|the)\s+free\s+.{1,80}",
        r"like\s+this\s+story\?.{0,60}", r"tell\s+us\s+what\s+you\s+think.{0,20}",
        r"also\s+on\s+[\w-]+\.(?:com|net|org|co\.uk)\b.{0,250}",
        # Link-block labels that some sites put mid-story: only the label goes.
        r"more", r"most\s+(?:read|popular|viewed|shared)\s+(?:in|on)\s+.{1,40}",
    ),
    # A numbered heading ("3.") or a bare "Updated at 1:23 p.m." stamp carries no words of the story.
    "markers": (
        r"\d{1,2}\s*[.)]", r"updated\s+(?:at\s+)?\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4})?\.?",
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
    r"don'?’?t\s+miss", r"popular\s+(?:now|stories|on\s+.{1,40})", r"(?:you\s+)?(?:might|may)\s+also\s+like",
)
# A one-line pointer to another story: "Read more: Trump says ...", "Related: ...".
INLINE_LINK_LINE = re.compile(
    r"\[?(?:read\s+more|related(?:\s+(?:post|story|article))?|see\s+(?:also|more)|also\s+read|read\s+also|more|watch|listen)"
    r"\s*:\s+.{1,200}", re.IGNORECASE
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
SHOUTED_LINK_WORDS = 7
MIN_TRAILING_BULLETS = 3
MAX_TRAILING_LINKS = 20
_TRIM = " \t:›»→>|•·…-–—*"


class _LineRule:
    """Patterns matched against a whole line ignoring case, as one alternation would be.

    Those written in lower case run as an IgnoreCasePattern on the lower-cased line (it
    compiles several times faster); the few that need the case ("CLICK HERE", "[T ]") keep
    the flag. A line matches the alternation exactly when it matches one of the two.
    """

    __slots__ = ("_blind", "_cased")

    def __init__(self, patterns) -> None:
        patterns = list(patterns)
        blind = [p for p in patterns if is_case_blind(p)]
        cased = [p for p in patterns if not is_case_blind(p)]
        self._blind = IgnoreCasePattern("(?:" + "|".join(blind) + ")") if blind else None
        self._cased = re.compile("(?:" + "|".join(cased) + ")", re.IGNORECASE) if cased else None

    def fullmatch(self, line: str) -> bool:
        """Whether the whole line matches one of the patterns."""
        return bool((self._blind is not None and self._blind.fullmatch(line))
                    or (self._cased is not None and self._cased.fullmatch(line)))


def _compile(patterns) -> _LineRule:
    return _LineRule(patterns)


_FURNITURE = _compile(p for group in FURNITURE_LINES.values() for p in group)
_RELATED = _compile(RELATED_HEADINGS)


def _key(line: str) -> str:
    return " ".join(line.strip().strip(_TRIM).split())


def is_furniture(line: str) -> bool:
    """Whether one line is page furniture (ads, buttons, navigation, account, cookie notices)."""
    key = _key(line)
    if not key:
        return bool(line.strip())  # a lone bullet or rule: punctuation only
    if _FURNITURE.fullmatch(key) or (len(key) <= 60 and LONE_CREDIT.fullmatch(key)) or _shouted_link(key):
        return True
    words = re.split(r"[\s|/·•,]+", key.lower())
    if len(words) >= 2 and all(word in SHARE_WORDS for word in words if word):
        return True
    lower = key.lower()
    return "cookie" in lower and len(key) <= 400 and any(hint in lower for hint in _COOKIE_HINTS)


def _shouted_link(key: str) -> bool:
    """A headline of another story in capitals ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'"),
    as some sites put between paragraphs; a story's own capitalised subheads are shorter."""
    if len(key) > 120 or len(key.split()) < SHOUTED_LINK_WORDS or key.upper() != key or "|" in key:
        return False
    letters = [ch for ch in key if ch.isalpha()]
    return sum(ch.isupper() for ch in letters) * 2 > len(letters) and not _SENTENCE_END.search(key)


def is_related_heading(line: str) -> bool:
    """Whether a line opens a block of links to other stories ("More on WorldViews", "Most read")."""
    key = _key(line).rstrip(".")
    return bool(key) and len(key) <= 80 and _RELATED.fullmatch(key)


_SENTENCE_END = re.compile(r"[.!?][\"”’')]*$")


def _short_linkish(line: str) -> bool:
    return len(line.strip()) <= MAX_TRAILING_LINK_CHARS


def _story_sentence(line: str) -> bool:
    """A line that reads as a paragraph of a story rather than a link: long enough, ending like a sentence."""
    text = line.strip()
    return not text.startswith(("- ", "• ")) and len(text.split()) >= 12 and _SENTENCE_END.search(text) is not None


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
    below = [line for line in lines[start + 1:] if line.strip()]
    # Mostly paragraphs under the heading: a link box sat mid-story and the story went on.
    if sum(map(_story_sentence, below)) * 2 >= len(below):
        return None
    return start


def _trailing_link_list_start(lines: list[str]) -> int | None:
    """Index of a bulleted list of other stories' headlines that ends the text, or None.

    Three or more bullets at the very end, most of them not sentences (headlines with a
    teaser), under a story: a list of links that lost its heading.
    """
    bullets = []
    for index in range(len(lines) - 1, -1, -1):
        text = lines[index].strip()
        if not text:
            continue
        if not text.startswith(("- ", "• ")) or len(text) > MAX_TRAILING_LINK_CHARS:
            break
        bullets.append(index)
    if len(bullets) < MIN_TRAILING_BULLETS or not any(line.strip() for line in lines[:bullets[-1]]):
        return None
    unfinished = sum(not _SENTENCE_END.search(lines[i].strip()) for i in bullets)
    return bullets[-1] if unfinished * 3 >= len(bullets) * 2 else None


def strip_furniture(text: str) -> CleanedText:
    """Return ``text`` without page furniture, and the outlet named by a masthead at its top.

    Lines are dropped whole; every kept line is kept exactly. Runs of blank lines left
    behind collapse to one blank line.
    """
    removed: list[str] = []
    lines, outlet = _strip_masthead(text.split("\n"), removed)
    cut = _trailing_block_start(lines)
    if cut is None:
        cut = _trailing_link_list_start(lines)
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
