"""Reading published fact-checks: schema.org ClaimReview as JSON-LD (one object, a list, an
``@graph``), a schema.org DataFeed whose elements carry ClaimReview items, or a saved HTML page
with ``<script type="application/ld+json">`` blocks.

``read_checks`` returns the checks it could read and, for every item it could not, where that
item is in the file and why it was skipped. A file that is not JSON or HTML at all raises
IngestError.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from factcheck_app.core.published_checks import PublishedCheck, SkippedItem
from factcheck_app.ingest.encoding import decode_bytes
from factcheck_app.ingest.errors import IngestError

#: Largest collection file accepted: large published collections run to a few hundred MB.
MAX_COLLECTION_BYTES = 1024 * 1024 * 1024
#: Longest text kept in one field (a claim is a sentence or two, not a book).
MAX_FIELD = 4000

_ISO_DATE = re.compile(r"^\s*(\d{4}-\d\d-\d\d|\d{4}-\d\d|\d{4})")


@dataclass
class ReadResult:
    """What one file held: the checks read, and the items skipped with their positions."""

    checks: list[PublishedCheck] = field(default_factory=list)
    skipped: list[SkippedItem] = field(default_factory=list)


class _LdJsonBlocks(HTMLParser):
    """Collects the text of every ``<script type="application/ld+json">`` block of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._inside = False
        self._parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and any(k == "type" and (v or "").split(";")[0].strip().lower() == "application/ld+json"
                                   for k, v in attrs):
            self._inside, self._parts = True, []

    def handle_data(self, data: str) -> None:
        if self._inside:
            self._parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._inside:
            self.blocks.append("".join(self._parts))
            self._inside = False


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type", ())
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds if isinstance(k, str)}


def _text(value: Any) -> str | None:
    """Return a plain one-paragraph string from a JSON-LD value (a string, a number, a
    {"@value"} or {"name"} object, or the first of a list), or None."""
    if type(value) is not str:  # the common case first: this runs for every field of every item
        if isinstance(value, list):
            value = next((v for v in value if v not in (None, "", [])), None)
        if isinstance(value, dict):
            value = value.get("@value", value.get("name"))
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return None
    text = " ".join(value.split())
    return text[:MAX_FIELD] or None


def _number(value: Any) -> float | None:
    if isinstance(value, dict):
        value = value.get("@value")
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def _date(value: Any) -> str | None:
    """Return the ISO date (or year-month, or year) a JSON-LD date starts with, or None."""
    text = _text(value)
    if not text:
        return None
    match = _ISO_DATE.match(text)
    return match.group(1) if match else None


def _url(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("url") or value.get("@id")
    text = _text(value)
    return text if text and "://" in text else None


def _appearances(claim: dict) -> list[str]:
    found = []
    for key in ("appearance", "firstAppearance"):
        value = claim.get(key)
        for item in value if isinstance(value, list) else [value]:
            url = _url(item)
            if url and url not in found:
                found.append(url)
    return found


def parse_claim_review(obj: dict) -> PublishedCheck:
    """Return the PublishedCheck of one ClaimReview object; raise ValueError saying what is wrong."""
    claim = _text(obj.get("claimReviewed"))
    reviewed = obj.get("itemReviewed")
    reviewed = reviewed[0] if isinstance(reviewed, list) and reviewed else reviewed
    reviewed = reviewed if isinstance(reviewed, dict) else {}
    if not claim:
        # Some publishers leave claimReviewed empty and name the claim on the itemReviewed Claim.
        claim = _text(reviewed.get("text")) or _text(reviewed.get("name"))
    if not claim:
        raise ValueError("no claimReviewed text")
    rating = obj.get("reviewRating")
    rating = rating[0] if isinstance(rating, list) and rating else rating
    rating = rating if isinstance(rating, dict) else {}
    author = obj.get("author")
    author = author[0] if isinstance(author, list) and author else author
    claimant = reviewed.get("author")
    claimant = claimant[0] if isinstance(claimant, list) and claimant else claimant
    check = PublishedCheck(
        claim=claim,
        review_url=_url(obj.get("url")) or _url(obj.get("@id")),
        title=_text(obj.get("headline")) or _text(obj.get("name")),
        rating=_text(rating.get("alternateName")) or _text(rating.get("name")),
        rating_value=_number(rating.get("ratingValue")),
        best_rating=_number(rating.get("bestRating")),
        worst_rating=_number(rating.get("worstRating")),
        claimant=_text(claimant.get("name") if isinstance(claimant, dict) else claimant),
        claim_date=_date(reviewed.get("datePublished")) or _date(reviewed.get("dateCreated")),
        appearances=_appearances(reviewed),
        organisation=_text(author.get("name") if isinstance(author, dict) else author),
        organisation_url=_url(author.get("url")) if isinstance(author, dict) else None,
        review_date=_date(obj.get("datePublished")) or _date(obj.get("dateCreated")),
        language=_text(obj.get("inLanguage")),
    )
    if check.rating is None and check.rating_value is None:
        raise ValueError("no reviewRating (neither a rating name nor a value)")
    return check


def _walk(node: Any, where: str) -> Iterator[tuple[str, Any]]:
    """Yield (position, object) for every item that should be a ClaimReview, looking through
    lists, @graph and DataFeed elements (and DataFeedItem wrappers)."""
    if isinstance(node, list):
        for i, item in enumerate(node, 1):
            yield from _walk(item, f"{where}item {i}" if not where else f"{where}, item {i}")
        return
    if isinstance(node, dict):
        kinds = _types(node)
        if "@graph" in node and "ClaimReview" not in kinds:
            graph = node["@graph"]
            for i, item in enumerate(graph if isinstance(graph, list) else [graph], 1):
                yield from _walk(item, _join(where, f"@graph item {i}"))
            return
        if "DataFeed" in kinds or ("dataFeedElement" in node and "ClaimReview" not in kinds):
            elements = node.get("dataFeedElement", [])
            for i, item in enumerate(elements if isinstance(elements, list) else [elements], 1):
                yield from _walk(item, _join(where, f"dataFeedElement {i}"))
            return
        if "DataFeedItem" in kinds or ("item" in node and "ClaimReview" not in kinds and "claimReviewed" not in node):
            inner = node.get("item")
            if isinstance(inner, list):
                for i, item in enumerate(inner, 1):
                    yield _join(where, f"item {i}"), item
            else:
                yield where or "item 1", inner
            return
    yield where or "item 1", node


def _join(where: str, part: str) -> str:
    return f"{where}, {part}" if where else part


def _collect(data: Any, where: str, result: ReadResult) -> None:
    for position, obj in _walk(data, where):
        if not isinstance(obj, dict):
            result.skipped.append(SkippedItem(position, "not a JSON object"))
            continue
        if "ClaimReview" not in _types(obj) and "claimReviewed" not in obj:
            kinds = ", ".join(sorted(_types(obj))) or "no @type"
            result.skipped.append(SkippedItem(position, f"not a ClaimReview ({kinds})"))
            continue
        try:
            result.checks.append(parse_claim_review(obj))
        except ValueError as exc:
            result.skipped.append(SkippedItem(position, str(exc)))


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"line {exc.lineno}, column {exc.colno}: {exc.msg}"


def read_checks(data: bytes, filename: str = "") -> ReadResult:
    """Return the published checks in a ClaimReview JSON-LD, DataFeed or HTML file's bytes.

    Raise IngestError when the file holds no readable JSON-LD at all (empty, not JSON, a
    page without ld+json blocks); items that are not ClaimReviews, or lack a claim or a
    rating, are listed in ``skipped`` with their position.
    """
    if len(data) > MAX_COLLECTION_BYTES:
        raise IngestError(f"{filename or 'the file'} is too large ({len(data) / 1e6:.0f} MB); "
                          f"the limit is {MAX_COLLECTION_BYTES // (1024 * 1024)} MB.")
    if not data.strip():
        raise IngestError(f"{filename or 'the file'} is empty.")
    try:
        # JSON is UTF-8 by definition, and large collections are: no need to guess.
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, _ = decode_bytes(data)
    text = text.lstrip("\ufeff")
    result = ReadResult()
    head = text.lstrip()[:1]
    if head in ("{", "["):
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            raise IngestError(f"{filename or 'the file'} is not valid JSON ({_json_error(exc)}).") from None
        except RecursionError:
            raise IngestError(f"{filename or 'the file'} nests too deeply to be a ClaimReview file.") from None
        try:
            _collect(parsed, "", result)
        except RecursionError:
            raise IngestError(f"{filename or 'the file'} nests too deeply to be a ClaimReview file.") from None
        return result
    if "<" not in text[:2000]:
        raise IngestError(f"{filename or 'the file'} is neither JSON-LD nor an HTML page.")
    parser = _LdJsonBlocks()
    parser.feed(text)
    parser.close()
    if not parser.blocks:
        raise IngestError(f"{filename or 'the page'} has no ClaimReview (no application/ld+json block).")
    for number, block in enumerate(parser.blocks, 1):
        where = f"script block {number}"
        try:
            parsed = json.loads(block)
        except json.JSONDecodeError as exc:
            result.skipped.append(SkippedItem(where, f"not valid JSON ({_json_error(exc)})"))
            continue
        except RecursionError:
            result.skipped.append(SkippedItem(where, "nests too deeply"))
            continue
        try:
            _collect(parsed, where, result)
        except RecursionError:
            result.skipped.append(SkippedItem(where, "nests too deeply"))
    return result
