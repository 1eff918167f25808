"""The report as plain data: the store is read once, with a handful of bulk queries, into dicts and lists.

Every renderer works from this structure alone, and the JSON export is this structure as is
(see ``REPORT_FORMAT`` / ``REPORT_VERSION``), so a JSON file loads back into an equal structure.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from importlib import resources

from sqlite_utils import Database

from factcheck_app.core.ids import utc_now
from factcheck_app.core.rating_scales import NOT_YET_CHECKED, RatingScale
from factcheck_app.reports.context import CONTEXT_REACH, ArticleContext, sentence_context  # noqa: F401 - re-exported
from factcheck_app.reports.rows import corrections_by_claim, facets_by_claim, sources_by_claim
from factcheck_app.reports.selection import Selection, select_claim_rows
from factcheck_app.store import settings
from factcheck_app.core.publishing import ClaimContext, publishing_dict
from factcheck_app.store.publishing import stored_by_claim
from factcheck_app.store.scales import list_scales

REPORT_FORMAT = "factcheck-desk-report"
REPORT_VERSION = 1
UNCHECKED_COLOUR = "#9e9e9e"
UNKNOWN_STEP_COLOUR = "#6b6b6b"

Progress = Callable[[int, int], None]


def default_methodology(organisation: str | None = None) -> str:
    """Return the methodology note shipped in resources/templates (used when the library sets none).

    Its last sentence names whom to ask for a correction: the organisation when it is set.
    """
    path = resources.files("factcheck_app.resources") / "templates" / "methodology.txt"
    contact = organisation.strip() if organisation and organisation.strip() else "the fact-checkers who published it"
    return path.read_text(encoding="utf-8").strip().replace("{contact}", contact)


class _Steps:
    """Rating steps looked up by (scale, label) once per report, with each scale's best and worst numbers."""

    def __init__(self, scales: list[RatingScale]) -> None:
        self.scales = {s.name: s for s in scales}
        self.steps = {(s.name, step.label.casefold()): step for s in scales for step in s.steps}
        self.bounds = {s.name: (s.best, s.worst) for s in scales}

    def find(self, scale: str, label: str):
        return self.steps.get((scale, label.casefold()))


def _verdict(row: dict, steps: _Steps, review_urls: dict[str, str]) -> dict | None:
    if not row["verdict_id"]:
        return None
    scale = steps.scales.get(row["scale"])
    # A rating missing from its scale (the scale was edited later) keeps its label and shows neutral.
    step = steps.find(row["scale"], row["rating"])
    on_scale = step is not None and not step.off_scale
    best, worst = steps.bounds.get(row["scale"], (None, None))
    return {
        "rating": row["rating"],
        "scale": row["scale"],
        "scale_title": scale.title if scale else row["scale"],
        "colour": step.colour if step else UNKNOWN_STEP_COLOUR,
        "description": step.description if step else "",
        "value": step.value if on_scale else None,
        "best": best if on_scale else None,
        "worst": worst if on_scale else None,
        "off_scale": not on_scale,
        "rationale": row["rationale"],
        "checker": row["checker"],
        "reviewer": row["reviewer"],
        "status": row["verdict_status"],
        "created_at": row["verdict_created"],
        "updated_at": row["verdict_updated"],
        "published_at": row["published_at"],
        "review_url": review_urls.get(row["id"]),
    }


def _publishing(row: dict, article: dict, facets, stored) -> dict:
    """Return a claim's publishing details from the rows the report has read already (its quotes, its article)."""
    start = row["start_offset"]
    quotes = tuple((f["start"] - start, f["end"] - start, f["speaker"]) for f in facets if f["kind"] == "quote")
    context = ClaimContext(text=row["text"], quotations=quotes, article_author=article["author"],
                           article_outlet=article["outlet"], article_url=article["url"],
                           article_published=article["published"])
    return publishing_dict(stored, context)


ARTICLES_SQL = ("SELECT id, title, outlet, author, url, published, source_name, imported_at, body FROM articles "
                "WHERE id IN (SELECT value FROM json_each(?))")


def build_report(db: Database, selection: Selection | None = None, progress: Progress | None = None) -> dict:
    """Read the selected claims (with articles, facets, verdicts, sources, corrections) into a report dict.

    Raises NothingToExportError / SelectionError from the selection. ``progress(done, total)``
    is called as articles are assembled.
    """
    selection = selection or Selection()
    rows = select_claim_rows(db, selection)
    claim_ids = [r["id"] for r in rows]
    article_order = list(dict.fromkeys(r["article_id"] for r in rows))
    articles = {a["id"]: a for a in db.query(ARTICLES_SQL, [json.dumps(article_order)])}
    facets = facets_by_claim(db, claim_ids)
    sources = sources_by_claim(db, claim_ids)
    steps = _Steps(list_scales(db))
    stored = stored_by_claim(db, claim_ids)
    review_urls = {cid: info.review_url for cid, info in stored.items() if info.review_url}
    fixes = corrections_by_claim(db, set(claim_ids))

    organisation = settings.get_setting(db, settings.ORGANISATION_NAME)
    out_articles: list[dict] = []
    current: dict | None = None
    total = len(article_order)
    for row in rows:
        if current is None or current["id"] != row["article_id"]:
            a = articles[row["article_id"]]
            current = {k: a[k] for k in ("id", "title", "outlet", "author", "url", "published", "source_name",
                                         "imported_at")}
            current["claims"] = []
            out_articles.append(current)
            context = ArticleContext(a["body"])
            if progress:
                progress(len(out_articles), total)
        before, after = context.around(row["start_offset"], row["end_offset"])
        current["claims"].append({
            "id": row["id"],
            "position": len(current["claims"]) + 1,
            "text": row["text"],
            "context_before": before,
            "context_after": after,
            "start": row["start_offset"],
            "end": row["end_offset"],
            "status": row["status"],
            "origin": row["origin"],
            "facets": facets.get(row["id"], []),
            "verdict": _verdict(row, steps, review_urls),
            "sources": sources.get(row["id"], []),
            "corrections": fixes.get(row["id"], []),
            "publishing": _publishing(row, a, facets.get(row["id"], ()), stored.get(row["id"])),
        })

    return {
        "format": REPORT_FORMAT,
        "version": REPORT_VERSION,
        "generated_at": utc_now(),
        "title": _title(out_articles),
        "organisation": {"name": organisation, "url": settings.get_setting(db, settings.ORGANISATION_URL)},
        "selection": selection.describe(),
        "methodology": ((settings.get_setting(db, settings.METHODOLOGY) or "").strip()
                        or default_methodology(organisation)),
        "summary": summarise(out_articles),
        "articles": out_articles,
    }


def _title(articles: list[dict]) -> str:
    if len(articles) == 1:
        return f"Fact-check: {articles[0]['title'] or 'untitled article'}"
    return f"Fact-check report: {len(articles)} articles"


def iter_claims(report: dict):
    """Yield (article, claim) pairs in report order."""
    for article in report["articles"]:
        for claim in article["claims"]:
            yield article, claim


def summarise(articles: list[dict]) -> dict:
    """Return the summary counts: claims, articles, sources, by verdict (best rating first) and by status."""
    counts: Counter[str] = Counter()
    looks: dict[str, tuple] = {}
    status: Counter[str] = Counter()
    source_ids: set[str] = set()
    n_claims = 0
    for article in articles:
        for claim in article["claims"]:
            n_claims += 1
            source_ids.update(s["source_id"] for s in claim["sources"])
            v = claim["verdict"]
            if v is None:
                counts[NOT_YET_CHECKED] += 1
                looks.setdefault(NOT_YET_CHECKED, (UNCHECKED_COLOUR, (2, 0.0, NOT_YET_CHECKED)))
                continue
            counts[v["rating"]] += 1
            status[v["status"]] += 1
            if v["off_scale"]:
                rank = (1, 0.0, v["rating"].casefold())
            else:
                span = (v["best"] - v["worst"]) or 1
                rank = (0, -(v["value"] - v["worst"]) / span, v["rating"].casefold())
            looks.setdefault(v["rating"], (v["colour"], rank))
    by_verdict = [
        {"rating": label, "colour": looks[label][0], "count": n}
        for label, n in sorted(counts.items(), key=lambda item: looks[item[0]][1])
    ]
    return {
        "articles": len(articles),
        "claims": n_claims,
        "with_verdict": n_claims - counts.get(NOT_YET_CHECKED, 0),
        "sources": len(source_ids),
        "by_verdict": by_verdict,
        "by_status": {k: status.get(k, 0) for k in ("draft", "reviewed", "published")},
    }


def corrections_log(report: dict) -> list[dict]:
    """Return every correction in the report, oldest first, each with its claim's id and text."""
    log = [
        {**fix, "claim_id": claim["id"], "claim_text": claim["text"], "article_title": article["title"]}
        for article, claim in iter_claims(report)
        for fix in claim["corrections"]
    ]
    return sorted(log, key=lambda f: f["date"] or "")
