"""The names of the readers an article can come through, as shown to the checker.

A page read by the fallback is worse than one read by the main-text reader, so every
article says which reader produced its body (``ExtractedArticle.reader``).
"""
from __future__ import annotations

PLAIN_TEXT = "plain text"
MARKDOWN = "Markdown"
HTML_MAIN_TEXT = "HTML main text (trafilatura)"
HTML_FALLBACK = "HTML fallback: all visible text"
