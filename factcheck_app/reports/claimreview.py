"""ClaimReview (schema.org JSON-LD) as Google's fact-check structured-data guide documents it.

One ClaimReview per claim with a verdict: ``claimReviewed`` (the claim as reviewed, at most
75 characters), ``reviewRating`` (a Rating with ``alternateName`` and, for ratings on a
numeric scale, ``ratingValue`` between ``worstRating`` (at least 1) and ``bestRating``),
``url`` (the published review), ``author`` (the checking organisation with its address),
``datePublished``, and ``itemReviewed``: a ``Claim`` with ``author`` (Person or
Organization), ``datePublished``, ``appearance`` and ``firstAppearance``.

``missing_items`` lists what a claim lacks; nothing is written while anything is missing
unless the checker chooses to go ahead (``ExportOptions.allow_incomplete``). Draft
verdicts are only exported when asked for, and then carry ``creativeWorkStatus: "Draft"``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup

from factcheck_app.reports.errors import ClaimReviewIncompleteError
from factcheck_app.reports.model import iter_claims
from factcheck_app.reports.safe_write import write_string
from factcheck_app.reports.templating import html_environment, http_url

SNIPPET_TEMPLATE = "claimreview_snippet.html.j2"
#: Google: worstRating "must have a minimum value of 1".
LOWEST_WORST_RATING = 1
DRAFT_STATUS = "Draft"


@dataclass(frozen=True)
class MissingItem:
    """One thing the markup lacks: for a claim (``claim_id``) or for the whole desk (None).

    ``field`` names what to fill: organisation, organisation-url (the settings' names), review_url,
    claim_reviewed, claimant, claim_date or appearances.
    """

    claim_id: str | None
    field: str
    message: str
    claim_text: str = ""


def _claim_label(claim: dict) -> str:
    words = " ".join(claim["text"].split())
    return f"claim {claim['id'][:8]} (“{words[:40]}{'…' if len(words) > 40 else ''}”)"


def missing_items(report: dict) -> list[MissingItem]:
    """Return what the ClaimReview markup of the report lacks, the desk's items first, then claim by claim."""
    items = []
    org = report["organisation"]
    if not org.get("name"):
        items.append(MissingItem(None, "organisation", "the checking organisation's name"))
    if not http_url(org.get("url")):
        items.append(MissingItem(None, "organisation-url", "the checking organisation's web address"))
    for _, claim in iter_claims(report):
        if claim["verdict"] is None:
            continue
        info = claim["publishing"]
        label = _claim_label(claim)
        wanted = (
            ("review_url", http_url(info["review_url"]), "the published review's address"),
            ("claim_reviewed", info["claim_reviewed"],
             "the claim as reviewed (a short wording; the claim cannot be shortened without cutting a quotation)"),
            ("claimant", info["claimant"], "who made the claim (the claimant)"),
            ("claim_date", info["claim_date"], "when the claim was made"),
            ("appearances", any(http_url(a["url"]) for a in info["appearances"]), "where the claim appeared"),
        )
        items += [MissingItem(claim["id"], name, f"{label}: {what}", claim["text"])
                  for name, ok, what in wanted if not ok]
        if http_url(info["review_url"]) and http_url(org.get("url")) and not same_site(info["review_url"], org["url"]):
            items.append(MissingItem(claim["id"], "review_url", f"{label}: a review address on the organisation's "
                                     f"site ({_host(org['url'])}), where the markup is published", claim["text"]))
    return items


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").casefold()
    return host[4:] if host.startswith("www.") else host


def same_site(review_url: str, organisation_url: str) -> bool:
    """Return True when the review's address is on the organisation's domain or a subdomain of it.

    Google: the ClaimReview's url must be on the domain (or a subdomain) of the page that hosts the markup.
    """
    review, home = _host(review_url), _host(organisation_url)
    return bool(home) and (review == home or review.endswith("." + home))


def rating(verdict: dict) -> dict:
    """Return the Rating: its label, and its numbers when the rating sits on a numeric scale.

    Unverifiable and other off-scale ratings carry no number. A scale whose worst number is
    below 1 is shifted up so that worstRating is 1, as Google asks; the order is unchanged.
    """
    out = {"@type": "Rating", "alternateName": verdict["rating"], "name": verdict["rating"]}
    value, best, worst = verdict.get("value"), verdict.get("best"), verdict.get("worst")
    if verdict.get("off_scale") or None in (value, best, worst) or best <= worst:
        return out
    shift = max(0, LOWEST_WORST_RATING - worst)
    out.update(ratingValue=value + shift, bestRating=best + shift, worstRating=worst + shift)
    return out


def _party(name: str, kind: str | None, url: str | None = None) -> dict:
    party = {"@type": kind or "Person", "name": name}
    if http_url(url):
        party["url"] = url
    return party


def _creative_work(url: str) -> dict:
    return {"@type": "CreativeWork", "url": url}


def review_date(verdict: dict) -> str | None:
    """Return the review's publication date: when the verdict was published, else last changed."""
    moment = verdict.get("published_at") or verdict.get("updated_at")
    return moment[:10] if moment else None


def claim_review(report: dict, claim: dict) -> dict:
    """Return one ClaimReview object for a claim that has a verdict (missing items are left out)."""
    verdict, info, org = claim["verdict"], claim["publishing"], report["organisation"]
    item: dict = {"@type": "Claim"}
    if info["claimant"]:
        item["author"] = _party(info["claimant"], info["claimant_type"])
    if info["claim_date"]:
        item["datePublished"] = info["claim_date"]
    appearances = [a for a in info["appearances"] if http_url(a["url"])]
    if appearances:
        item["appearance"] = [_creative_work(a["url"]) for a in appearances]
        first = next((a for a in appearances if a["first"]), appearances[0])
        item["firstAppearance"] = _creative_work(first["url"])
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": http_url(info["review_url"]),
        "claimReviewed": info["claim_reviewed"],
        "itemReviewed": item,
        "author": _party(org["name"], "Organization", org.get("url")) if org.get("name") else None,
        "datePublished": review_date(verdict),
        "reviewRating": rating(verdict),
    }
    if verdict["status"] == "draft":
        review["creativeWorkStatus"] = DRAFT_STATUS
    return {k: v for k, v in review.items() if v is not None}


def _summary(items: list[MissingItem]) -> str:
    claims = {i.claim_id for i in items if i.claim_id}
    parts = [f"{i.message} is not set" for i in items if i.claim_id is None]
    if claims:
        parts.append(f"{len(claims)} claim{'s lack' if len(claims) != 1 else ' lacks'} details")
    return "ClaimReview is incomplete: " + "; ".join(parts) + "."


def claim_reviews(report: dict, *, allow_incomplete: bool = False) -> list[dict]:
    """Return the ClaimReview objects; raise ClaimReviewIncompleteError (with ``items``) when anything is missing."""
    reviews = [claim_review(report, c) for _, c in iter_claims(report) if c["verdict"] is not None]
    if not reviews:
        raise ClaimReviewIncompleteError("ClaimReview needs claims with a verdict; none is selected.")
    items = missing_items(report)
    if items and not allow_incomplete:
        raise ClaimReviewIncompleteError(_summary(items), items)
    return reviews


def script_safe_json(data: object) -> str:
    """Return JSON that can sit inside an HTML script element: every '<' (so '</' and '<!--') is escaped.

    JSON parsers read the \\u003c escape back as '<', so the data is unchanged.
    """
    return json.dumps(data, ensure_ascii=False, indent=2).replace("<", "\\u003c")


def render_claimreview(report: dict, *, allow_incomplete: bool = False) -> str:
    """Return the JSON-LD document: a list of ClaimReview objects."""
    return json.dumps(claim_reviews(report, allow_incomplete=allow_incomplete), ensure_ascii=False, indent=2) + "\n"


def render_claimreview_html(report: dict, *, allow_incomplete: bool = False) -> str:
    """Return an HTML snippet for a CMS: one <script type="application/ld+json"> per ClaimReview (per claim page)."""
    reviews = claim_reviews(report, allow_incomplete=allow_incomplete)
    claims = [c for _, c in iter_claims(report) if c["verdict"] is not None]
    items = [{"claim_id": c["id"], "draft": r.get("creativeWorkStatus") == DRAFT_STATUS,
              "json": Markup(script_safe_json(r))} for c, r in zip(claims, reviews)]
    return html_environment().get_template(SNIPPET_TEMPLATE).render(
        items=items, organisation=report["organisation"].get("name"))


def export(report: dict, path: Path, options, progress=None) -> list[Path]:
    """The registry's renderer for ``claimreview``."""
    text = render_claimreview(report, allow_incomplete=options.allow_incomplete)
    return [write_string(path, text, force=options.force)]


def export_html(report: dict, path: Path, options, progress=None) -> list[Path]:
    """The registry's renderer for ``claimreview-html``."""
    text = render_claimreview_html(report, allow_incomplete=options.allow_incomplete)
    return [write_string(path, text, force=options.force)]


def _preview(report: dict, render) -> "Preview":
    from factcheck_app.reports.formats import Preview

    items = missing_items(report)
    note = _summary(items) if items else ""
    try:
        return Preview("text", render(report, allow_incomplete=True), note)
    except ClaimReviewIncompleteError as exc:
        return Preview("text", str(exc), note)


def preview(report: dict, options):
    """The registry's preview for ``claimreview``: the JSON-LD, with what is missing as the note."""
    return _preview(report, render_claimreview)


def preview_html(report: dict, options):
    """The registry's preview for ``claimreview-html``."""
    return _preview(report, render_claimreview_html)
