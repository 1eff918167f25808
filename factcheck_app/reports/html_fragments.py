"""The HTML report's innermost, most repeated pieces (facet chips and source list items), built in Python.

A 10,000-claim report holds about 20,000 facet chips and 20,000 cited sources. Rendered by
Jinja they cost a generator step, an attribute lookup and an ``escape`` call per value, which
was half of the report's rendering time. Here every value is escaped with
``markupsafe.escape`` (the very function Jinja's autoescaping calls) and the pieces that
only depend on the source (title, link, publisher line, archive link) are built once per
source and reused for every claim that cites it. The output is byte for byte what the
template's loops produced; tests/reports/test_report_html.py holds the two to each other.
"""
from __future__ import annotations

from markupsafe import Markup, escape

from factcheck_app.extract.facet_kinds import kind_label
from factcheck_app.reports.human_dates import human_date
from factcheck_app.reports.templating import facet_label, http_url

# The per-source fields that decide how a source looks: the cache key of its fragments.
_SOURCE_FIELDS = ("title", "url", "publisher", "author", "published", "kind", "archive_url")


def facet_chips(facets: list[dict]) -> Markup:
    """Return a claim's facets as ``<li class="chip">`` items (kind, then words and resolved value)."""
    return Markup("".join(
        f'<li class="chip"><i>{escape(kind_label(f["kind"]))}</i> {escape(facet_label(f))}</li>' for f in facets))


class SourceItems:
    """Renders claims' source lists; remembers each source's fixed fragments for the next claim citing it.

    One instance serves one report: its cache lives only as long as that report's rendering.
    """

    def __init__(self) -> None:
        self._fixed: dict[tuple, tuple[str, str, str]] = {}

    def __call__(self, sources: list[dict]) -> Markup:
        """Return the ``<li>`` items of a claim's ``<ol class="sources">``, one per cited source."""
        items = []
        for s in sources:
            title, meta_head, meta_tail = self._source(s)
            stance = escape(s["stance"])
            locator = f" · at {escape(s['locator'])}" if s.get("locator") else ""
            excerpt = f'<p class="excerpt">“{escape(s["excerpt"])}”</p>' if s["excerpt"] else ""
            items.append(
                f'      <li><span class="stance stance-{stance}">{stance}</span>\n'
                f'        <span class="source-title">{title}</span>\n'
                f'        <div class="source-meta">{meta_head}{locator}{meta_tail}</div>\n'
                f'{excerpt}      </li>\n')
        return Markup("".join(items))

    def _source(self, s: dict) -> tuple[str, str, str]:
        """Return the source's title (linked when http), publisher line before the locator, and what follows it."""
        key = tuple(s.get(k) for k in _SOURCE_FIELDS) + tuple((d["name"], d["sha256"]) for d in s.get("documents") or ())
        fixed = self._fixed.get(key)
        if fixed is None:
            fixed = self._fixed[key] = _source_fragments(s)
        return fixed


def claimant_line(publishing: dict) -> Markup:
    """Return the "Claim by … , date · published review" line under a claim ("" when neither is known)."""
    claimant, claim_date = publishing["claimant"], publishing["claim_date"]
    if not claimant and not claim_date:
        return Markup("")
    text = f"Claim by {escape(claimant or 'an unknown claimant')}"
    if claim_date:
        text += f", {escape(human_date(claim_date))}"
    review = http_url(publishing["review_url"])
    if review:
        text += f' · <a href="{escape(review)}">published review</a>'
    return Markup(f'<div class="byline">{text}</div>')


def _source_fragments(s: dict) -> tuple[str, str, str]:
    url = s["url"]
    title = escape(s["title"])
    title_html = f'<a href="{escape(url)}">{title}</a>' if http_url(url) else str(title)
    # templating.source_meta without the locator (which belongs to the citation, not the source).
    parts = [s.get("publisher") or "Publisher unknown"]
    if s.get("author"):
        parts.append(s["author"])
    parts += [human_date(s.get("published")) or "undated", s.get("kind") or "other"]
    head = str(escape(" · ".join(parts)))
    tail = ""
    archive = s["archive_url"]
    if archive:
        tail += (f' · <a href="{escape(archive)}">archived copy</a>' if http_url(archive)
                 else f" · archived copy: {escape(archive)}")
    if url and not http_url(url):
        tail += f" · {escape(url)}"
    for document in s.get("documents") or ():
        tail += f" · document {escape(document['name'])}, SHA-256 {escape(document['sha256'])}"
    return title_html, head, tail
