"""Page metadata read straight from the HTML: meta tags, JSON-LD, <time>, <title>, <h1>.

Uses the stdlib event parser, which never recurses, so it copes with any nesting depth;
nothing referenced by the page is ever loaded.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from factcheck_app.core.web_addresses import is_web_address
from factcheck_app.ingest.author_names import clean_author, pick_author
from factcheck_app.ingest.html_bulk import json_ld_blocks
from factcheck_app.ingest.outlet_names import clean_site_name, host_outlet
from factcheck_app.ingest.page_dates import local_publication_date, time_text_stamps, visible_stamps, visible_text

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
METADATA_WINDOW_CHARS = 1_000_000


@dataclass
class HtmlMetadata:
    """What a page says about itself; any field may be None."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    #: Every name the page gives its site (site name, publisher), for telling an author from it.
    site_names: list[str] = field(default_factory=list)
    #: Addresses the page declared for itself that are not web addresses (javascript:, data:).
    rejected_urls: list[str] = field(default_factory=list)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


# Elements whose class says they hold the byline ("byline", "article-byline", "author-name");
# not a comment form's "comment-author" field.
_BYLINE_CLASS = re.compile(r"(?:^|\s)(?:[\w-]*byline[\w-]*|(?:article|post|entry|story)?[-_]*author(?:[-_]+name)?)(?:\s|$)",
                           re.IGNORECASE)


class _MetaCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.times: list[tuple[bool, str]] = []
        self.time_texts: list[str] = []
        self.json_ld: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.author_texts: list[str] = []  # <a rel="author">, itemprop="author" (or its "name")
        self._in: str | None = None
        self._capture: tuple[str, str] | None = None  # (what, closing tag)
        self._buffer: list[str] = []
        self._author_scope = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name.lower(): (value or "") for name, value in attrs}
        itemprops = attr.get("itemprop", "").lower().split()
        if tag == "meta":
            # itemprop="datePublished dateCreated": one tag, several names
            for key in (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").lower().split():
                if attr.get("content") and key not in self.meta:
                    self.meta[key] = attr["content"]
            return
        if tag == "link" and "canonical" in attr.get("rel", "").lower().split():
            self.canonical = self.canonical or attr.get("href")
        elif tag == "time" and attr.get("datetime"):
            explicit = "datepublished" in itemprops or "pubdate" in attr
            self.times.append((explicit, attr["datetime"]))
        elif tag == "script" and "ld+json" in attr.get("type", "").lower():
            self._in = "json_ld"
            self.json_ld.append("")
        elif tag == "title" and not self.title_parts:
            self._in = "title"
        elif tag == "h1" and not self.h1_parts:
            self._in = "h1"
        if self._capture is not None or len(self.author_texts) > 5 or len(self.time_texts) > 20:
            return
        if tag == "time":
            self._start_capture("time", tag)
        elif "author" in itemprops and "itemscope" in attr:
            self._author_scope = True
        elif "author" in itemprops or (tag == "a" and "author" in attr.get("rel", "").lower().split()) or (
                self._author_scope and "name" in itemprops) or _BYLINE_CLASS.search(attr.get("class", "")):
            self._author_scope = False
            self._start_capture("author", tag)

    def _start_capture(self, what: str, tag: str) -> None:
        self._capture = (what, tag)
        self._buffer = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "title", "h1"):
            self._in = None
        if self._capture is not None and tag == self._capture[1]:
            text = " ".join(" ".join(self._buffer).split())[:300]
            if text:
                (self.time_texts if self._capture[0] == "time" else self.author_texts).append(text)
            self._capture = None

    def handle_data(self, data: str) -> None:
        if self._in == "json_ld":
            self.json_ld[-1] += data
        elif self._in == "title":
            self.title_parts.append(data)
        elif self._in == "h1":
            self.h1_parts.append(data)
        if self._capture is not None and len(self._buffer) < 50:
            self._buffer.append(data)


# Nodes that describe the page's own article; a ClaimReview's reviewed claim (itemReviewed)
# carries the date of the statement checked, never the page's.
_ARTICLE_TYPES = frozenset(
    "newsarticle article reportagenewsarticle analysisnewsarticle opinionnewsarticle reviewnewsarticle "
    "backgroundnewsarticle blogposting socialmediaposting claimreview webpage liveblogposting report "
    "scholarlyarticle techarticle".split()
)
_NOT_THE_PAGE = ("itemReviewed", "review", "reviews", "isPartOf", "citation", "subjectOf", "about", "mentions")


def _types(node: dict) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _names(value: object, people_only: bool = False, by_id: dict | None = None) -> list[str]:
    """The names in an author/publisher value: a string, a {"name"} object (or an {"@id"}
    pointing at one elsewhere in the page's graph) or a list of them."""
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values[:10]:
        if isinstance(item, dict) and "name" not in item and by_id and isinstance(item.get("@id"), str):
            item = by_id.get(item["@id"], item)
        if isinstance(item, dict):
            if people_only and _types(item) & {"organization", "newsmediaorganization", "corporation"}:
                continue
            name = _clean(item.get("name"))
        else:
            name = _clean(item)
        if name:
            names.append(name)
    return names


def _nodes_by_id(data: object) -> dict[str, dict]:
    """Every node of a JSON-LD document that has an "@id" (a Yoast-style @graph links by id)."""
    found: dict[str, dict] = {}
    stack, visited = [data], 0
    while stack and visited < 5000:
        node = stack.pop()
        visited += 1
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            if isinstance(node.get("@id"), str) and len(node) > 1:
                found.setdefault(node["@id"], node)
            stack.extend(value for value in node.values() if isinstance(value, (dict, list)))
    return found


def _json_ld_fields(blocks: list[str]) -> dict[str, str]:
    """Return headline/datePublished/dateModified/author/publisher/url from JSON-LD blocks.

    An article-type node's fields win over any other node's; within a kind, the first found.
    Authors that are organisations are left out: an author is a person or a desk.
    """
    found: dict[str, str] = {}
    fallback: dict[str, str] = {}
    for block in blocks:
        if len(block) > _MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):
            continue
        by_id = _nodes_by_id(data)
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
            target = found if _types(node) & _ARTICLE_TYPES else fallback
            for key in ("headline", "datePublished", "dateModified", "dateCreated", "url"):
                if _clean(node.get(key)):
                    target.setdefault(key, _clean(node[key]))
            people = _names(node.get("author"), True, by_id)
            if people:
                target.setdefault("author", ", ".join(people))
            publishers = _names(node.get("publisher"), False, by_id)
            if publishers:
                target.setdefault("publisher", publishers[0])
            stack.extend(value for key, value in node.items()
                         if isinstance(value, (dict, list)) and key not in _NOT_THE_PAGE)
    return {**fallback, **found}


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = _clean(meta.get(key))
        if value:
            return value
    return None


def _stamps(meta: dict[str, str], ld: dict[str, str], times: list[tuple[bool, str]]) -> tuple[list[str], list[str]]:
    """The page's publication timestamps, best first, and its other timestamps (for their offsets)."""
    explicit = [value for is_explicit, value in times if is_explicit]
    best = [meta.get("article:published_time"), ld.get("datePublished"), _first(meta, _PUBLISHED_KEYS),
            *explicit, *(value for _, value in times)]
    others = [meta.get("article:modified_time"), meta.get("og:updated_time"), meta.get("datemodified"),
              ld.get("dateModified"), ld.get("dateCreated"), meta.get("datecreated")]
    return [v.strip() for v in best if v and v.strip()], [v.strip() for v in others if v and v.strip()]


def read_html_metadata(html: str) -> HtmlMetadata:
    """Return the title, outlet, author, canonical URL and published date (ISO, the page's local
    date) declared by a page."""
    collector = _MetaCollector()
    # Meta tags, the headline, bylines and date stamps sit near the top; the stdlib parser is
    # pure Python, so a huge page is parsed only that far. JSON-LD blocks are found anywhere.
    collector.feed(html[:METADATA_WINDOW_CHARS])
    collector.close()
    if len(html) > METADATA_WINDOW_CHARS:
        collector.json_ld.extend(json_ld_blocks(html, METADATA_WINDOW_CHARS))
    meta = collector.meta
    ld = _json_ld_fields(collector.json_ld)
    text = visible_text(html)
    stamps, others = _stamps(meta, ld, collector.times)
    shown = visible_stamps(text) + [stamp for value in collector.time_texts for stamp in time_text_stamps(value)]
    published = local_publication_date(stamps, shown, others)
    declared = [value for value in (_clean(collector.canonical), *(_clean(meta.get(key)) for key in _URL_KEYS),
                                    ld.get("url")) if value]
    url = next((value for value in declared if is_web_address(value)), None)
    rejected = [value for value in declared if not is_web_address(value)]
    site_names = [_first(meta, _SITE_NAME_KEYS), ld.get("publisher"), _first(meta, _PUBLISHER_KEYS)]
    outlet = host_outlet(url) or next((name for name in map(clean_site_name, site_names) if name), None)
    authors = [ld.get("author"), *(meta.get(key) for key in _AUTHOR_KEYS), *collector.author_texts,
               *_visible_bylines(text)]
    author = pick_author([clean_author(value, outlet, *site_names) for value in authors])
    return HtmlMetadata(
        title=_first(meta, _TITLE_KEYS) or ld.get("headline") or _clean("".join(collector.h1_parts))
        or _clean("".join(collector.title_parts)),
        outlet=outlet,
        author=author,
        url=url,
        published=published,
        site_names=[name for name in site_names if name],
        rejected_urls=rejected,
    )


_VISIBLE_BYLINE = re.compile(
    r"(?:^|\|)\s*(?:By|Author:)\s+(?P<name>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w.'’-]*){0,7})\s*(?:$|\|)",
    re.MULTILINE)


def _visible_bylines(text: str) -> list[str]:
    """Bylines ("By Jane Doe", "Author: Jane Doe") the reader sees on the page, first few only."""
    return [match["name"] for match, _ in zip(_VISIBLE_BYLINE.finditer(text), range(3))]
