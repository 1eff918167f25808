"""ClaimReview (schema.org JSON-LD) for search engines and fact-check aggregators.

One ClaimReview per claim with a verdict. Required: claimReviewed, reviewRating, url (the
published fact-check), author (the checking organisation). Recommended: itemReviewed (a Claim
with author, datePublished and appearance) and datePublished. The published URL of a claim's
fact-check lives in the library setting ``claimreview.url.<claim id>``.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup
from sqlite_utils import Database

from factcheck_app.reports.errors import ClaimReviewIncompleteError, ReportError
from factcheck_app.reports.model import iter_claims, review_url_key
from factcheck_app.reports.safe_write import write_string
from factcheck_app.reports.templating import html_environment, http_url
from factcheck_app.store import settings

MAX_CLAIM_LENGTH = 74  # "under 75 characters"
SNIPPET_TEMPLATE = "claimreview_snippet.html.j2"


def shorten_claim(text: str, limit: int = MAX_CLAIM_LENGTH) -> str:
    """Return ``text`` on one line, at most ``limit`` characters: cut at a word boundary with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut and not flat[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–—") + "…"


def set_review_url(db: Database, claim_id: str, url: str) -> None:
    """Record the published fact-check URL of a claim (http or https only)."""
    if not http_url(url):
        raise ReportError(f"'{url}' is not a web address (http:// or https://).")
    settings.set_setting(db, review_url_key(claim_id), url.strip())


@dataclass
class Problems:
    """What the markup would lack: required items block the export, recommended ones are warnings."""

    missing_url: list[str] = field(default_factory=list)
    required: list[str] = field(default_factory=list)
    recommended: list[str] = field(default_factory=list)

    def message(self, allow_missing_url: bool) -> str:
        """Return the problems as one line for a checker."""
        parts = []
        if self.missing_url and not allow_missing_url:
            ids = ", ".join(cid[:8] for cid in self.missing_url)
            parts.append(f"no published fact-check URL for claim(s) {ids} (set one with --review-url CLAIM=URL, "
                         "or pass --allow-missing-url)")
        parts += self.required
        if self.recommended:
            parts.append("recommended but missing: " + "; ".join(self.recommended))
        return "ClaimReview incomplete: " + "; ".join(parts) + "."

    def blocking(self, allow_missing_url: bool) -> bool:
        """Return True when the markup cannot be written."""
        return bool(self.required or (self.missing_url and not allow_missing_url))


def _item_author(article: dict) -> dict | None:
    if article.get("outlet"):
        return {"@type": "Organization", "name": article["outlet"]}
    if article.get("author"):
        return {"@type": "Person", "name": article["author"]}
    return None


def _rating(verdict: dict) -> dict:
    rating = {"@type": "Rating", "alternateName": verdict["rating"]}
    if not verdict["off_scale"]:
        rating.update(ratingValue=verdict["value"], bestRating=verdict["best"], worstRating=verdict["worst"])
    return rating


def claim_review(report: dict, article: dict, claim: dict) -> dict:
    """Return one ClaimReview object for a claim that has a verdict."""
    verdict = claim["verdict"]
    org = report["organisation"]
    author = {"@type": "Organization", "name": org.get("name")}
    if org.get("url"):
        author["url"] = org["url"]
    item: dict = {"@type": "Claim"}
    if _item_author(article):
        item["author"] = _item_author(article)
    if article.get("published"):
        item["datePublished"] = article["published"]
    if http_url(article.get("url")):
        item["appearance"] = {"@type": "CreativeWork", "url": article["url"]}
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": shorten_claim(claim["text"]),
        "reviewRating": _rating(verdict),
        "itemReviewed": item,
        "author": author,
        "datePublished": (verdict.get("published_at") or verdict["updated_at"] or "")[:10] or None,
        "url": verdict.get("review_url"),
    }
    return {k: v for k, v in review.items() if v is not None}


def check(report: dict) -> Problems:
    """Return what the ClaimReview markup of the report would lack."""
    problems = Problems()
    if not report["organisation"].get("name"):
        problems.required.append("no checking organisation (set the library setting 'organisation.name')")
    if not report["organisation"].get("url"):
        problems.recommended.append("the organisation's web address (library setting 'organisation.url')")
    seen_articles = set()
    for article, claim in iter_claims(report):
        if claim["verdict"] is None:
            continue
        if not claim["verdict"].get("review_url"):
            problems.missing_url.append(claim["id"])
        if article["id"] in seen_articles:
            continue
        seen_articles.add(article["id"])
        name = (article["title"] or article["id"][:8])[:40]
        lacks = [what for what, ok in (("outlet or author", _item_author(article)),
                                       ("publication date", article.get("published")),
                                       ("web address", http_url(article.get("url")))) if not ok]
        if lacks:
            problems.recommended.append(f"article '{name}' has no " + ", no ".join(lacks))
    return problems


def claim_reviews(report: dict, *, allow_missing_url: bool = False) -> list[dict]:
    """Return the ClaimReview objects; raise ClaimReviewIncompleteError when required properties are missing."""
    problems = check(report)
    if problems.blocking(allow_missing_url):
        raise ClaimReviewIncompleteError(problems.message(allow_missing_url))
    reviews = [claim_review(report, a, c) for a, c in iter_claims(report) if c["verdict"] is not None]
    if not reviews:
        raise ClaimReviewIncompleteError("ClaimReview needs claims with a verdict; none is selected.")
    return reviews


def script_safe_json(data: object) -> str:
    """Return JSON that can sit inside an HTML script element: every '<' (so '</' and '<!--') is escaped.

    JSON parsers read the \\u003c escape back as '<', so the data is unchanged.
    """
    return json.dumps(data, ensure_ascii=False, indent=2).replace("<", "\\u003c")


def render_claimreview(report: dict, *, allow_missing_url: bool = False) -> str:
    """Return the JSON-LD document: a list of ClaimReview objects."""
    return json.dumps(claim_reviews(report, allow_missing_url=allow_missing_url), ensure_ascii=False, indent=2) + "\n"


def render_claimreview_html(report: dict, *, allow_missing_url: bool = False) -> str:
    """Return an HTML snippet for a CMS: one <script type="application/ld+json"> per ClaimReview."""
    reviews = claim_reviews(report, allow_missing_url=allow_missing_url)
    ids = [c["id"] for _, c in iter_claims(report) if c["verdict"] is not None]
    items = [{"claim_id": cid, "json": Markup(script_safe_json(r))} for cid, r in zip(ids, reviews)]
    return html_environment().get_template(SNIPPET_TEMPLATE).render(
        items=items, organisation=report["organisation"].get("name"))


def write_claimreview(report: dict, path: str | os.PathLike, *, html: bool = False, force: bool = False,
                      allow_missing_url: bool = False) -> Path:
    """Write the JSON-LD (or, with ``html``, the CMS snippet) atomically; return the path."""
    render = render_claimreview_html if html else render_claimreview
    return write_string(path, render(report, allow_missing_url=allow_missing_url), force=force)


def warnings(report: dict) -> list[str]:
    """Return the recommended properties the markup lacks (the export goes ahead without them)."""
    return check(report).recommended
