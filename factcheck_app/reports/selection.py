"""Which claims a report covers: chosen articles (or all), a minimum verdict status, chosen ratings.

By default a report covers claims that have a verdict (it is a verdict report); dismissed
claims never appear. ``include_unchecked`` adds the other claims as "Not yet checked".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from factcheck_app.reports.errors import NothingToExportError, SelectionError
from factcheck_app.store.ids import resolve
from factcheck_app.store.report_rows import report_claim_rows
from factcheck_app.store.scales import list_scales

if TYPE_CHECKING:
    from sqlite_utils import Database  # the library connection, opened by the store

# A status selects verdicts at least that far along: published ones have been reviewed too.
STATUS_LEVELS = {"reviewed": ("reviewed", "published"), "published": ("published",)}


@dataclass
class Selection:
    """What to export. ``article_ids`` None means every article; ``verdicts`` are rating labels (any case)."""

    article_ids: list[str] | None = None
    status: str | None = None
    verdicts: list[str] = field(default_factory=list)
    include_unchecked: bool = False
    limit: int | None = None

    def describe(self) -> dict:
        """Return the selection as JSON-ready data for the report header."""
        return {
            "articles": list(self.article_ids) if self.article_ids is not None else "all",
            "status": self.status,
            "verdicts": list(self.verdicts),
            "include_unchecked": self.include_unchecked,
        }


def resolve_articles(db: Database, prefixes: list[str]) -> list[str]:
    """Return full article ids for ids or unique prefixes, in the order given, without repeats."""
    return list(dict.fromkeys(resolve(db, "articles", p) for p in prefixes))


def check_verdict_labels(db: Database, labels: list[str]) -> list[str]:
    """Return ``labels`` spelled as in the library's scales; raise SelectionError for an unknown one."""
    known: dict[str, str] = {}
    for scale in list_scales(db):
        for step in scale.steps:
            known.setdefault(step.label.casefold(), step.label)
    out = []
    for label in labels:
        found = known.get(label.strip().casefold())
        if found is None:
            raise SelectionError(
                f"'{label}' is not a rating of any scale in the library (ratings: {', '.join(known.values())})."
            )
        out.append(found)
    return list(dict.fromkeys(out))


def select_claim_rows(db: Database, selection: Selection) -> list[dict]:
    """Return the selected claims with their verdict columns, articles in order, claims in reading order.

    Raises SelectionError for a bad status and NothingToExportError when nothing matches.
    """
    if selection.article_ids is not None and not selection.article_ids:
        raise SelectionError("Choose at least one article, or all articles.")
    if selection.status and selection.status not in STATUS_LEVELS:
        raise SelectionError(f"Unknown status '{selection.status}' (choose reviewed or published).")
    rows = report_claim_rows(
        db,
        article_ids=selection.article_ids,
        statuses=list(STATUS_LEVELS[selection.status]) if selection.status else None,
        ratings=selection.verdicts or None,
        with_verdict_only=not selection.include_unchecked,
        limit=selection.limit,
    )
    if not rows:
        raise NothingToExportError(_nothing_message(selection))
    if selection.article_ids:
        order = {aid: i for i, aid in enumerate(selection.article_ids)}
        rows.sort(key=lambda r: order.get(r["article_id"], len(order)))  # stable: reading order is kept
    return rows


def _nothing_message(selection: Selection) -> str:
    parts = []
    if selection.status:
        parts.append(f"a {selection.status} verdict")
    if selection.verdicts:
        parts.append("the rating " + " or ".join(f"'{v}'" for v in selection.verdicts))
    what = " and ".join(parts) if parts else "a verdict"
    scope = "the chosen articles" if selection.article_ids is not None else "the library"
    return f"Nothing to export: no claim in {scope} has {what}."
