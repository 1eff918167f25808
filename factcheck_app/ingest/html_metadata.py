"""Page metadata read straight from the HTML: meta tags, JSON-LD, <time>, <title>, <h1>.

Uses the stdlib event parser, which never recurses, so it copes with any nesting depth;
nothing referenced by the page is ever loaded.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from html.parser import HTMLParser

from factcheck_app.ingest.dates import iso_date_prefix

_PUBLISHED_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
    "publish-date", "publication_date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "article.published", "original-publish-date",
)
_TITLE_KEYS = ("og:title", "twitter:title", "headline", "dc.title", "sailthru.title", "parsely-title")
_SITE_NAME_KEYS = ("og:site_name", "application-name")
# A publisher meta tag is often a legal entity or a URL, so it only stands in for a site name.
_PUBLISHER_KEYS = ("publisher", "dc.publisher")
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author")
_URL_KEYS = ("og:url", "twitter:url")
_MAX_JSON_LD_CHARS = 500_000


@dataclass
class HtmlMetadata:
    """What a page says about itself; any field may be None."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


class _MetaCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.times: list[tuple[bool, str]] = []
        self.json_ld: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name.lower(): (value or "") for name, value in attrs}
        if tag == "meta":
            key = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").strip().lower()
            if key and attr.get("content") and key not in self.meta:
                self.meta[key] = attr["content"]
        elif tag == "link" and "canonical" in attr.get("rel", "").lower().split():
            self.canonical = self.canonical or attr.get("href")
        elif tag == "time" and attr.get("datetime"):
            explicit = attr.get("itemprop", "").lower() == "datepublished" or "pubdate" in attr
            self.times.append((explicit, attr["datetime"]))
        elif tag == "script" and "ld+json" in attr.get("type", "").lower():
            self._in = "json_ld"
            self.json_ld.append("")
        elif tag == "title" and not self.title_parts:
            self._in = "title"
        elif tag == "h1" and not self.h1_parts:
            self._in = "h1"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "title", "h1"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "json_ld":
            self.json_ld[-1] += data
        elif self._in == "title":
            self.title_parts.append(data)
        elif self._in == "h1":
            self.h1_parts.append(data)


def _json_ld_fields(blocks: list[str]) -> dict[str, str]:
    """Return headline/datePublished/author/publisher/url from JSON-LD blocks, first found wins."""
    found: dict[str, str] = {}
    for block in blocks:
        if len(block) > _MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        visited = 0
        while stack and visited < 5000:  # bounded walk: no recursion, no runaway documents
            node = stack.pop()
            visited += 1
            if isinstance(node, list):
                stack.extend(reversed(node))
                continue
            if not isinstance(node, dict):
                continue
            for key in ("headline", "datePublished", "url"):
                if _clean(node.get(key)):
                    found.setdefault(key, _clean(node[key]))
            for key in ("author", "publisher"):
                value = node.get(key)
                if isinstance(value, list) and value:
                    value = value[0]
                name = _clean(value.get("name")) if isinstance(value, dict) else _clean(value)
                if name:
                    found.setdefault(key, name)
            stack.extend(value for value in node.values() if isinstance(value, (dict, list)))
    return found


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = _clean(meta.get(key))
        if value:
            return value
    return None


def read_html_metadata(html: str) -> HtmlMetadata:
    """Return the title, outlet, author, canonical URL and published date (ISO) declared by a page."""
    collector = _MetaCollector()
    collector.feed(html)
    collector.close()
    meta = collector.meta
    ld = _json_ld_fields(collector.json_ld)
    published = iso_date_prefix(meta.get("article:published_time")) or iso_date_prefix(ld.get("datePublished"))
    if not published:
        explicit = [value for is_explicit, value in collector.times if is_explicit]
        published = iso_date_prefix(_first(meta, _PUBLISHED_KEYS)) or iso_date_prefix(
            (explicit or [value for _, value in collector.times] or [None])[0])
    author = _first(meta, _AUTHOR_KEYS)
    if author and author.startswith(("http://", "https://")):  # article:author is often a profile URL
        author = None
    return HtmlMetadata(
        title=_first(meta, _TITLE_KEYS) or ld.get("headline") or _clean("".join(collector.h1_parts))
        or _clean("".join(collector.title_parts)),
        outlet=_first(meta, _SITE_NAME_KEYS) or ld.get("publisher") or _first(meta, _PUBLISHER_KEYS),
        author=author or ld.get("author"),
        url=_clean(collector.canonical) or _first(meta, _URL_KEYS) or ld.get("url"),
        published=published,
    )
