"""Telling an HTML page from plain text, without loading the HTML readers.

Kept apart from ``html_reader`` so that reading a plain-text article (every line
of a batch) never imports ``html.parser`` and ``logging``: about 10 ms of a
short batch process's start.
"""
from __future__ import annotations

import re

_SNIFF = re.compile(r"^\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<(?:p|div|br|span|a|h[1-6]|article|section|script|meta|title)\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether text is an HTML page (a doctype/html/head/body start, or tag-dense markup)."""
    if _SNIFF.match(text[:4096]):
        return True
    head = text[:20000]
    return head.lstrip().startswith("<") and len(_TAGS.findall(head)) >= 3
