"""Photo captions: lines that stay in the body but are reported apart, since their claims
describe a picture rather than the story."""
from __future__ import annotations

import re

# Who takes or hands out news pictures; a parenthesised credit naming one ends a caption.
_PHOTO_SOURCES = (
    r"AP|Associated Press|Reuters|AFP|EPA|EPA-EFE|Getty(?:\s+Images)?|Bloomberg|Xinhua|Yonhap|KCNA|KRT|"
    r"Pool|Handout|File(?:\s+photo)?|Shutterstock|Alamy|PA(?:\s+Media)?|Sipa|ANSA|dpa|Anadolu|"
    r"Kyodo|TASS|Sputnik|UPI|NurPhoto|SOPA|Zuma|Courtesy\b[^()]*|[\w.&' -]+\s+Images|Images"
)
_CREDIT_TAIL = re.compile(
    r"\(\s*(?:"
    rf"(?:[^()]{{0,80}}\bvia\s+[^()]{{1,60}})"            # (KRT via AP)
    r"|(?:(?:photo|photograph|image|picture|credit|video)s?\s*(?:by|:)[^()]{1,80})"  # (Photo: Jane Doe)
    r"|(?-i:[A-Z][^()/]{0,60}/[A-Z][^()]{0,60})"            # (Jabin Botsford/The Washington Post)
    rf"|(?-i:(?:[^()]{{0,40}}\b)?(?:{_PHOTO_SOURCES})(?:\s+[Pp]hoto)?)"   # (Reuters), (AP Photo)
    r")\s*\)\s*$",
    re.IGNORECASE,
)
#: A picture credit standing alone on its line ("Reuters", "Getty Images", "AP Photo/Jane Doe").
LONE_CREDIT = re.compile(rf"(?:{_PHOTO_SOURCES})(?:\s+[Pp]hoto)?(?:\s*/\s*[^/]{{1,40}})?", re.IGNORECASE)
_CAPTION_START = re.compile(
    r"^\s*(?:FILE\s*[-–—:]\s*)?In\s+(?:this|these)\s+(?:[\w,]+\s+){0,5}?"
    r"(?:image|images|photo|photos|photograph|picture|pictures|handout|file\s+photo|video\s+still|still)\b",
    re.IGNORECASE,
)
_CAPTION_LABEL = re.compile(r"^\s*(?:photo|photograph|image|picture)\s*(?:credit)?\s*:", re.IGNORECASE)
_MAX_CAPTION_CHARS = 800


def is_caption(line: str) -> bool:
    """Whether one line is a photo caption: a credit in parentheses at its end, or "In this image ..." at its start."""
    text = line.strip()
    if not text or len(text) > _MAX_CAPTION_CHARS:
        return False
    return bool(_CREDIT_TAIL.search(text) or _CAPTION_START.match(text) or _CAPTION_LABEL.match(text))


def caption_spans(body: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets in ``body`` of every caption line, without its surrounding spaces."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in body.split("\n"):
        if is_caption(line):
            start = offset + (len(line) - len(line.lstrip()))
            spans.append((start, offset + len(line.rstrip())))
        offset += len(line) + 1
    return spans
