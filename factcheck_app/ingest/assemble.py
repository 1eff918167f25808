"""The last step of every reader: strip furniture, settle title/date/outlet, put the
title first and find the captions, giving the final body that offsets point into."""
from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck_app.core.extraction import ExtractedArticle
from factcheck_app.ingest.captions import caption_spans
from factcheck_app.ingest.errors import IngestError
from factcheck_app.ingest.furniture import strip_furniture
from factcheck_app.ingest.metadata import find_author, find_published, find_title_index


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


def _title_first(lines: list[str], title: str | None) -> tuple[str, str | None]:
    """Return (body, title) with the title as the body's first line.

    A known title found among the first lines is moved up; one not in the text is
    prepended; without one, the headline-like line near the top is used.
    """
    if title:
        wanted = _fold(title)
        index = next((i for i, line in enumerate(lines[:40]) if line.strip() and _fold(line) == wanted), None)
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
    cleaned = strip_furniture(text)
    lines = cleaned.text.split("\n")
    title = " ".join(hints.title.split()) if hints.title else None
    body, title = _title_first(lines, title)
    if not body.strip():
        raise IngestError("Nothing readable was left in this file after removing page clutter.")
    if title is None:
        warnings.append("No headline was recognised; the article has no title.")
    body_lines = body.split("\n")
    published = hints.published or find_published(body_lines)
    if published is None:
        warnings.append("No publication date was found; relative dates such as 'last week' cannot be resolved.")
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
