"""Every readable word of an HTML page, by the stdlib parser: the fallback when main-text
extraction fails or gives nothing (malformed or absurdly nested markup never breaks it)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose content is code, media or chrome, never article text. Void elements
# (embed, img, source) need no entry: they hold no text. A <form> is not among them: some
# sites wrap the whole page in one (ASP.NET pages do), so only its controls are skipped.
_SKIPPED = frozenset(
    "script style noscript iframe frame frameset template svg math object canvas video audio "
    "head nav aside footer button select textarea dialog".split()
)
_BLOCKS = frozenset(
    "p div section article main header h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table tr "
    "figure figcaption hr address details summary body html caption".split()
)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._skip_stack: list[str] = []
        self._pre = 0

    def _flush(self) -> None:
        text = "".join(self._current)
        text = text.strip("\n") if self._pre else " ".join(text.split())
        if text.strip():
            self.paragraphs.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED:
            self._skip_stack.append(tag)
        elif self._skip_stack:
            return
        elif tag == "br":
            self._current.append("\n" if self._pre else " ")
        elif tag in _BLOCKS:
            self._flush()
            self._pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag not in _SKIPPED:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._skip_stack:
            if tag in self._skip_stack:
                while self._skip_stack and self._skip_stack.pop() != tag:
                    pass
            return
        if tag in _BLOCKS:
            self._flush()
            if tag == "pre" and self._pre:
                self._pre -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip_stack:
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_text(html: str) -> str:
    """Return the page's visible text, one paragraph per block element, separated by blank lines."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return re.sub(r"\n{3,}", "\n\n", "\n\n".join(collector.paragraphs)).strip()
