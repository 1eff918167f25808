"""The CSV export: one row per claim-source pair (a claim without sources gets one row), UTF-8 with BOM,
formula-like cells neutralised, and a README of the columns written beside it (``<stem>.columns.md``).
"""
from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import IO

from factcheck_app.extract.facet_kinds import kind_label
from factcheck_app.reports.model import Progress, iter_claims
from factcheck_app.reports.safe_write import check_target, write_string, write_text
from factcheck_app.reports.templating import facet_value, template_text

# (column, meaning): the order of the file's columns and the text of its README.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "The article's id in the library."),
    ("article_title", "The article's headline."),
    ("article_outlet", "The outlet that published the article."),
    ("article_author", "The article's author, when known."),
    ("article_published", "The article's publication date."),
    ("article_url", "The article's web address."),
    ("claim_id", "The claim's id in the library."),
    ("claim_position", "The claim's place in the article's reading order (1 = first) within this export."),
    ("claim_text", "The claim as quoted from the article."),
    ("claim_context", "The claim with the sentence before and after it, as it reads in the article."),
    ("claim_status", "open, in_progress or checked."),
    ("facets", "The facts inside the claim, '; '-separated, each as 'kind: text = resolved value'."),
    ("verdict_rating", "The rating label (empty: not yet checked)."),
    ("verdict_scale", "The rating scale's name (truth, labels, pinocchio or a custom scale)."),
    ("verdict_value", "The rating's number on its scale (empty for ratings off the scale, e.g. Unverifiable)."),
    ("verdict_best", "The scale's best number."),
    ("verdict_worst", "The scale's worst number."),
    ("verdict_colour", "The rating's colour as #rrggbb."),
    ("verdict_status", "draft, reviewed or published."),
    ("rationale", "Why the claim got its rating."),
    ("checker", "Who wrote the verdict."),
    ("reviewer", "Who reviewed it."),
    ("verdict_updated", "When the verdict last changed (UTC)."),
    ("verdict_published", "When the verdict was first published (UTC)."),
    ("review_url", "The published fact-check's web address, when set."),
    ("corrections", "Changes after publication, '; '-separated, each as 'date: from -> to (why)'."),
    ("claimant", "Who made the claim (a person or an organisation)."),
    ("claimant_type", "Person or Organization."),
    ("claim_date", "When the claim was made."),
    ("claim_reviewed", "The claim as reviewed: the short wording ClaimReview carries (at most 75 characters)."),
    ("appearances", "Where the claim appeared, ' '-separated; the first appearance first."),
    ("source_id", "The source's id (empty when the claim has no source)."),
    ("source_title", "The source's title."),
    ("stance", "supports, refutes or context: how the source bears on the claim."),
    ("excerpt", "The words of the source that bear on the claim."),
    ("locator", "Where in the source: page, table, timestamp."),
    ("evidence_note", "The checker's note on this piece of evidence."),
    ("source_publisher", "Who published the source."),
    ("source_author", "The source's author."),
    ("source_kind", "official record, dataset, expert, news report..."),
    ("source_reliability", "unknown, low, medium or high, as judged by the desk."),
    ("source_published", "The source's date."),
    ("source_url", "The source's web address."),
    ("source_archive_url", "An archived copy of the source."),
    ("source_documents", "The documents the source keeps, '; '-separated, each as 'file name (SHA-256 hash)'."),
)
HEADER = [name for name, _ in COLUMNS]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    """Return a cell as text; one that a spreadsheet would run as a formula gets a leading quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def columns_readme_path(path: str | os.PathLike) -> Path:
    """Return where the column README of a CSV file goes: beside it, '<stem>.columns.md'."""
    path = Path(path)
    return path.with_name(path.stem + ".columns.md")


def columns_readme() -> str:
    """Return the Markdown README that explains every column."""
    rows = "\n".join(f"| `{name}` | {meaning} |" for name, meaning in COLUMNS)
    return template_text("csv_columns.md").replace("{columns}", rows)


def _claim_cells(article: dict, claim: dict) -> dict:
    v = claim["verdict"] or {}
    facets = "; ".join(
        f"{kind_label(f['kind'])}: {f['text']}" + (f" = {facet_value(f)}" if facet_value(f) and facet_value(f) != f["text"] else "")
        for f in claim["facets"]
    )
    fixes = "; ".join(
        f"{c['date']}: {c['from'] or 'no verdict'} -> {c['to'] or 'verdict withdrawn'}" + (f" ({c['why']})" if c["why"] else "")
        for c in claim["corrections"]
    )
    return {
        "article_id": article["id"], "article_title": article["title"], "article_outlet": article["outlet"],
        "article_author": article["author"], "article_published": article["published"], "article_url": article["url"],
        "claim_id": claim["id"], "claim_position": claim["position"], "claim_text": claim["text"],
        "claim_context": f"{claim['context_before']}{claim['text']}{claim['context_after']}",
        "claim_status": claim["status"], "facets": facets,
        "verdict_rating": v.get("rating"), "verdict_scale": v.get("scale"), "verdict_value": v.get("value"),
        "verdict_best": v.get("best"), "verdict_worst": v.get("worst"), "verdict_colour": v.get("colour"),
        "verdict_status": v.get("status"), "rationale": v.get("rationale"), "checker": v.get("checker"),
        "reviewer": v.get("reviewer"), "verdict_updated": v.get("updated_at"),
        "verdict_published": v.get("published_at"), "review_url": v.get("review_url"), "corrections": fixes,
        **_publishing_cells(claim["publishing"]),
    }


def _publishing_cells(info: dict) -> dict:
    first = [a["url"] for a in info["appearances"] if a["first"]]
    others = [a["url"] for a in info["appearances"] if not a["first"]]
    return {"claimant": info["claimant"], "claimant_type": info["claimant_type"], "claim_date": info["claim_date"],
            "claim_reviewed": info["claim_reviewed"], "appearances": " ".join(first + others)}


def _source_cells(s: dict | None) -> dict:
    if s is None:
        return {}
    return {
        "source_id": s["source_id"], "source_title": s["title"], "stance": s["stance"], "excerpt": s["excerpt"],
        "locator": s["locator"], "evidence_note": s["note"], "source_publisher": s["publisher"],
        "source_author": s["author"], "source_kind": s["kind"], "source_reliability": s["reliability"],
        "source_published": s["published"], "source_url": s["url"], "source_archive_url": s["archive_url"],
        "source_documents": "; ".join(f"{d['name']} ({d['sha256']})" for d in s.get("documents") or ()),
    }


def iter_rows(report: dict):
    """Yield the data rows (lists of neutralised cells in HEADER order), one per claim-source pair."""
    for article, claim in iter_claims(report):
        base = _claim_cells(article, claim)
        for source in claim["sources"] or [None]:
            cells = {**base, **_source_cells(source)}
            yield [neutralise(cells.get(name)) for name in HEADER]


def write_rows(report: dict, fh: IO[str], progress: Progress | None = None) -> None:
    """Write the header and every row of the report to an open text file."""
    out = csv.writer(fh, lineterminator="\r\n")
    out.writerow(HEADER)
    total = report["summary"]["claims"]
    for i, row in enumerate(iter_rows(report)):
        out.writerow(row)
        if progress and i % 500 == 0:
            progress(min(i, total), total)


def write_csv(report: dict, path: str | os.PathLike, *, force: bool = False,
              progress: Progress | None = None) -> list[Path]:
    """Write the CSV file and its column README atomically; return both paths.

    Both targets are checked before either is written, so a refusal writes nothing.
    """
    readme = columns_readme_path(path)
    check_target(Path(path), force)
    check_target(readme, force)
    data = write_text(path, lambda fh: write_rows(report, fh, progress), force=force,
                      encoding="utf-8-sig", newline="")
    return [data, write_string(readme, columns_readme(), force=force)]


def export(report: dict, path: Path, options, progress=None) -> list[Path]:
    """The registry's renderer for ``csv``: the data file and its column README."""
    return write_csv(report, path, force=options.force, progress=progress)


def companions(path: Path) -> list[Path]:
    """The registry's companion files for ``csv``: the column README beside the data."""
    return [columns_readme_path(path)]


def preview(report: dict, options):
    """The registry's preview for ``csv``: the rows as CSV text."""
    import io

    from factcheck_app.reports.formats import Preview

    out = io.StringIO()
    write_rows(report, out)
    return Preview("text", out.getvalue())
