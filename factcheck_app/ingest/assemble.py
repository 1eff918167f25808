"""The last step of every reader: strip furniture, settle title/date/outlet, put the
title first and find the captions, giving the final body that offsets point into."""
from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck_app.core.extraction import ExtractedArticle
from factcheck_app.ingest.captions import caption_spans
from factcheck_app.ingest.errors import IngestError
from factcheck_app.ingest.furniture import strip_furniture
from factcheck_app.ingest.metadata import find_author, find_title_index, looks_like_headline, published_and_source


@dataclass
class Hints:
    """Metadata a reader found outside the text (HTML meta tags, Markdown front matter)."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


_WORDS = re.compile(r"\w+")
# How many of the longer headline's words the other must share to be the same headline
# written differently ("review - shoots" / "review – shoots", a section label dropped).
_SAME_HEADLINE = 0.75
_HEADLINE_WINDOW = 8
#: The longest body kept. A long read is a few hundred thousand characters; past this a file
#: is not an article a checker can work through, and extraction time grows with it.
MAX_BODY_CHARS = 1_500_000


def _same_headline(line: str, title: str) -> bool:
    a, b = set(_WORDS.findall(line.casefold())), set(_WORDS.findall(title.casefold()))
    return bool(a and b) and len(a & b) >= _SAME_HEADLINE * max(len(a), len(b)) and len(line) <= 2 * len(title)


def _visible_headline(lines: list[str], title: str) -> int | None:
    """Index of the line near the top that shows ``title`` (exactly, or the same headline written differently)."""
    wanted = _fold(title)
    exact = next((i for i, line in enumerate(lines[:40]) if line.strip() and _fold(line) == wanted), None)
    if exact is not None:
        return exact
    near = [i for i, line in enumerate(lines) if line.strip()][:_HEADLINE_WINDOW]
    return next((i for i in near if _same_headline(lines[i].strip(), title)), None)


def _title_first(lines: list[str], title: str | None) -> tuple[str, str | None]:
    """Return (body, title) with the title as the body's first line.

    A known title found among the first lines is moved up (as the page shows it, when it
    writes the same headline a little differently); one not in the text is prepended;
    without one, the headline-like line near the top is used.
    """
    if title:
        index = _visible_headline(lines, title)
        if index is not None and _fold(lines[index]) != _fold(title) and looks_like_headline(lines[index]):
            title = " ".join(lines[index].split())
    else:
        index = find_title_index(lines)
        title = lines[index].strip() if index is not None else None
    if index is not None:
        rest = lines[:index] + lines[index + 1:]
    else:
        rest = lines
    rest_text = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", "\n".join(rest)).strip()
    if not title:
        return rest_text, None
    return (f"{title}\n\n{rest_text}" if rest_text else title), title


def assemble_article(text: str, hints: Hints, warnings: list[str], reader: str | None = None) -> ExtractedArticle:
    """Return the finished article for cleaned reader output ``text`` (from ``reader``); raise IngestError if nothing is left."""
    if len(text) > MAX_BODY_CHARS:
        cut = text.rfind("\n\n", 0, MAX_BODY_CHARS)
        warnings.append(f"This article's text is {len(text) / 1e6:.1f} million characters, more than any article: "
                        f"only the first {MAX_BODY_CHARS / 1e6:.0f} million were kept.")
        text = text[: cut if cut > 0 else MAX_BODY_CHARS]
    cleaned = strip_furniture(text)
    lines = cleaned.text.split("\n")
    if hints.url:  # the page's own address printed on it (a share or print block)
        lines = [line for line in lines if line.strip() != hints.url.strip()]
    title = " ".join(hints.title.split()) if hints.title else None
    body, title = _title_first(lines, title)
    if not body.strip():
        raise IngestError("Nothing readable was left in this file after removing page clutter.")
    if title is None:
        warnings.append("No headline was recognised; the article has no title.")
    body_lines = body.split("\n")
    published, source = (hints.published, "page") if hints.published else published_and_source(body_lines)
    if published is None:
        warnings.append("No publication date was found; relative dates such as 'last week' cannot be resolved.")
    elif source == "caption":
        warnings.append(f"The publication date ({published}) was taken from a photo caption, since the article "
                        "gives no date line; check it.")
    return ExtractedArticle(
        body=body,
        title=title,
        outlet=hints.outlet or cleaned.outlet,
        author=hints.author or find_author(body_lines),
        url=hints.url,
        published=published,
        captions=caption_spans(body),
        warnings=warnings,
        reader=reader,
    )
