"""Markdown articles rendered to readable text with markdown-it-py (CommonMark).

Headings lose their '#', emphasis its stars, links keep their words, images go, code
blocks stay as text. The first heading is the title. YAML front matter, if any, is
read for title/date/author and dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck_app.ingest.dates import iso_date_prefix
from factcheck_app.ingest.html_text import html_to_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_FIELD = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.+?)\s*$", re.MULTILINE)


@dataclass
class MarkdownArticle:
    """A Markdown document as plain paragraphs, with what its heading and front matter say."""

    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None


def _front_matter(text: str) -> tuple[str, dict[str, str]]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}
    fields = {m["key"].lower(): m["value"].strip("'\"") for m in _FRONT_FIELD.finditer(match["body"])}
    return text[match.end():], fields


def _inline_text(children) -> str:
    parts: list[str] = []
    for token in children or ():
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type == "softbreak":
            parts.append(" ")
        elif token.type == "hardbreak":
            parts.append("\n")
        # image, html_inline and the *_open/*_close markers carry no article text
    # A dropped image or tag leaves two spaces where it stood.
    return re.sub(r"(?<=\S) {2,}(?=\S)", " ", "".join(parts)).strip()


def read_markdown(text: str) -> MarkdownArticle:
    """Return the document as blank-line separated paragraphs (list items one per line)."""
    from markdown_it import MarkdownIt  # only the Markdown path pays for the import

    text, fields = _front_matter(text)
    tokens = MarkdownIt("commonmark").parse(text)
    blocks: list[tuple[str, bool]] = []  # (text, is a list item)
    title = None
    list_depth = 0
    in_heading = False
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "inline":
            content = _inline_text(token.children)
            if content:
                if in_heading and title is None:
                    title = " ".join(content.split())
                blocks.append((content, list_depth > 0))
        elif token.type in ("fence", "code_block"):
            if token.content.strip():
                blocks.append((token.content.rstrip("\n"), False))
        elif token.type == "html_block":
            content = html_to_text(token.content)
            if content:
                blocks.append((content, False))
    out: list[str] = []
    for index, (content, is_item) in enumerate(blocks):
        if index:
            out.append("\n" if is_item and blocks[index - 1][1] else "\n\n")
        out.append(content)
    front_title = fields.get("title")
    return MarkdownArticle(
        text="".join(out),
        title=front_title or title,
        published=iso_date_prefix(fields.get("date") or fields.get("published")),
        author=fields.get("author"),
    )
