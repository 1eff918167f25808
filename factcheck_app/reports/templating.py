"""The Jinja2 environments for report templates in resources/templates, and their filters.

HTML templates are autoescaped. Markdown has no built-in autoescaping in Jinja2, so the
Markdown environment escapes every ``{{ expression }}`` through ``finalize`` with
``markdown_escape`` instead: a value a template has not marked safe (``Markup``) can never
add a link, an image or raw HTML. Only http(s) addresses ever become links (``http_url``).
"""
from __future__ import annotations

import functools
import re
from importlib import resources

import jinja2
from markupsafe import Markup

from factcheck_app.extract.facet_kinds import kind_label
from factcheck_app.reports.colours import readable_text_colour
from factcheck_app.reports.human_dates import human_date, human_day

_HTTP = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)
# Characters that start Markdown syntax or raw HTML anywhere in a line. Others ("(", "!", "#",
# "&" in prose) only act in a context these rules already break up, so they stay as typed:
# a reader of the plain text never sees "\(2011\)".
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<|~])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_WHITESPACE = re.compile(r"\s+")
# At the start of a line: a heading, list item, rule or block quote marker; a number ending an ordered-list marker.
_MD_LINE_START = re.compile(r"^(\s*)(?:(#{1,6}(?=\s|$)|[-+](?=\s|$)|>|=+\s*$)|(\d+)([.)])(?=\s|$))", re.MULTILINE)


def template_text(name: str) -> str:
    """Return the text of resources/templates/``name``."""
    return (resources.files("factcheck_app.resources") / "templates" / name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=4096)
def _http_url(value: str) -> str | None:
    return value.strip() if _HTTP.match(value.strip()) else None


def http_url(value: object) -> str | None:
    """Return ``value`` when it is an http or https address (safe to make a link of), else None."""
    return _http_url(value) if isinstance(value, str) else None


def markdown_escape(value: object) -> str:
    """Return ``value`` as Markdown text that shows literally: syntax characters backslash-escaped.

    ``Markup`` values pass unchanged (the template built them); None becomes an empty string.
    Line breaks become spaces so that a value cannot start a heading or list of its own.
    """
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = _WHITESPACE.sub(" ", str(value))
    text = _MD_ENTITY.sub(r"\\&", _MD_SPECIAL.sub(r"\\\1", text))
    return _MD_LINE_START.sub(_escape_line_start, text)


def _escape_line_start(m: re.Match) -> str:
    if m.group(2):
        return m.group(1) + "\\" + m.group(2)
    return m.group(1) + m.group(3) + "\\" + m.group(4)


def markdown_link(text: object, url: object) -> Markup:
    """Return a Markdown link when ``url`` is http(s), else the escaped text alone."""
    safe = http_url(url)
    label = markdown_escape(text) or markdown_escape(url)
    if not safe:
        return Markup(label)
    target = safe.replace("(", "%28").replace(")", "%29").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return Markup(f"[{label}](<{target}>)")


def paragraphs(text: str | None) -> list[str]:
    """Return the text split into paragraphs at blank lines, each with its white space folded."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def _grouped(value: object) -> str:
    """Return a number with thousands separators ('1200000000' -> '1,200,000,000'); other text as is."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if number.is_integer() and abs(number) < 1e15:
        return f"{int(number):,}"
    return f"{number:,}"


def facet_value(facet: dict) -> str:
    """Return a facet's resolved value as a reader sees it: '60000 vehicles', '2024-03-12', a speaker."""
    value = facet.get("value")
    parts = [_grouped(value) if facet.get("kind") == "quantity" else str(value)] if value not in (None, "") else []
    if facet.get("unit"):
        parts.append(facet["unit"])
    text = " ".join(parts)
    if facet.get("vague") and text:
        text = "about " + text
    if facet.get("speaker"):
        text = f"{text} (said by {facet['speaker']})" if text else f"said by {facet['speaker']}"
    return text


def facet_label(facet: dict) -> str:
    """Return a facet's words and resolved value: 'Tuesday → 2024-03-12' (the value only when it adds something)."""
    value = facet_value(facet)
    return f"{facet['text']} → {value}" if value and value != facet["text"] else facet["text"]


def scale_note(verdict: dict) -> str:
    """Return the scale beside a badge: 'Six-step truth scale · 5 of 6' (no numbers for off-scale ratings)."""
    if verdict.get("value") is None:
        return verdict["scale_title"]
    return f"{verdict['scale_title']} · {verdict['value']} of {verdict['best']}"


def verdict_byline(verdict: dict) -> str:
    """Return who checked and reviewed a verdict, its status and dates, as one line of text."""
    parts = [f"Checked by {verdict.get('checker') or 'unnamed checker'}"]
    if verdict.get("reviewer"):
        parts.append(f"reviewed by {verdict['reviewer']}")
    parts += [verdict["status"], f"rated {human_day(verdict.get('updated_at'))}"]
    if verdict.get("published_at"):
        parts.append(f"published {human_day(verdict['published_at'])}")
    return " · ".join(parts)


def source_meta(source: dict) -> str:
    """Return a source's publisher, author, date, kind and locator as one line of text."""
    parts = [source.get("publisher") or "Publisher unknown"]
    if source.get("author"):
        parts.append(source["author"])
    parts += [human_date(source.get("published")) or "undated", source.get("kind") or "other"]
    if source.get("locator"):
        parts.append(f"at {source['locator']}")
    return " · ".join(parts)


def correction_change(entry: dict) -> str:
    """Return what a correction changed, for people: "True → Mostly true", "Mostly true: rationale revised"."""
    before, after = entry.get("from"), entry.get("to")
    if after is None:
        return f"{before or 'no verdict'} → verdict withdrawn"
    if entry.get("action") == "rationale" or (before == after and entry.get("from_status") == entry.get("to_status")):
        return f"{after}: rationale revised"
    text = f"{before or 'no verdict'} → {after}"
    if entry.get("to_status") and entry.get("to_status") != entry.get("from_status"):
        text += f" ({entry['to_status']})"
    return text


def short_date(value: str | None) -> str:
    """Return the date part of an ISO timestamp ('2024-03-12T09:00:00+00:00' -> '2024-03-12')."""
    return (value or "")[:10]


class ReportEnvironment(jinja2.Environment):
    """An environment whose ``x.y`` looks in dicts first: the report is plain dicts, and Jinja's
    default (attribute first, then key) costs a failed getattr on every lookup of a large report."""

    def getattr(self, obj, attribute):  # noqa: A003 - Jinja's hook name
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def _common(env: jinja2.Environment) -> jinja2.Environment:
    env.filters.update(
        http_url=http_url, paragraphs=paragraphs, facet_value=facet_value, short_date=short_date,
        text_colour=readable_text_colour, facet_label=facet_label, scale_note=scale_note,
        verdict_byline=verdict_byline, source_meta=source_meta, kind_label=kind_label, human_date=human_date,
        human_day=human_day, correction_change=correction_change,
    )
    return env


def _loader() -> jinja2.BaseLoader:
    return jinja2.FunctionLoader(lambda name: template_text(name))


@functools.lru_cache(maxsize=None)
def html_environment() -> jinja2.Environment:
    """Return the (cached) autoescaping environment for HTML templates."""
    env = ReportEnvironment(loader=_loader(), autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    return _common(env)


@functools.lru_cache(maxsize=None)
def markdown_environment() -> jinja2.Environment:
    """Return the (cached) environment for Markdown templates: every expression is Markdown-escaped."""
    env = ReportEnvironment(loader=_loader(), autoescape=False, trim_blocks=True, lstrip_blocks=True,
                             finalize=markdown_escape, undefined=jinja2.StrictUndefined)
    env.filters.update(md=markdown_escape, md_link=markdown_link)
    return _common(env)
