"""The words shown for a facet when the pointer rests on it: its kind, the text, and its normalised value."""
from __future__ import annotations

from factcheck_app.core.timex_text import describe_timex
from factcheck_app.extract.facet_kinds import kind_label


def _number(value: object) -> str:
    try:
        number = float(str(value))
    except (TypeError, ValueError):
        return str(value)
    return f"{number:,.0f}" if number.is_integer() else f"{number:,}"


def facet_value_text(facet: dict) -> str:
    """Return the facet's normalised value in words ("week of 3 April 2017 (2017-W14)", "59 cruise missiles")."""
    kind, value = facet.get("kind"), facet.get("value")
    if kind == "date":
        return describe_timex(value)
    if kind == "quantity":
        if value in (None, ""):
            return "no number found"
        approx = "about " if facet.get("vague") else ""
        unit = f" {facet['unit']}" if facet.get("unit") else ""
        return f"{approx}{_number(value)}{unit}"
    if kind == "place":
        name = value or facet.get("text") or ""
        return f"{name} ({facet['subtype']})" if facet.get("subtype") else str(name)
    if kind == "quote":
        speaker = facet.get("speaker")
        return f"said by {speaker}" if speaker else "speaker not identified"
    if kind == "entity":
        name = value or facet.get("text") or ""
        return f"{name} ({facet['subtype']})" if facet.get("subtype") else str(name)
    return str(value or "")


def facet_tooltip(facet: dict) -> str:
    """Return the tooltip for a facet: 'date: “last week” → week of 3 April 2017 (2017-W14)'."""
    text = " ".join(str(facet.get("text") or "").split())
    if len(text) > 80:
        text = text[:77] + "…"
    return f"{kind_label(str(facet.get('kind')))}: “{text}” → {facet_value_text(facet)}"
