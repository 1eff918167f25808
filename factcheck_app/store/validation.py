"""Checks on values a checker types: ISO dates, web addresses."""
from __future__ import annotations

import re
from datetime import date

from factcheck_app.core.web_addresses import is_web_address
from factcheck_app.store.errors import ValidationError

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: str | None, what: str = "date") -> str | None:
    """Return ``value`` if it is an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or empty; raise ValidationError."""
    if value is None or value == "":
        return None
    value = value.strip()
    if not _PARTIAL_DATE.match(value):
        raise ValidationError(f"The {what} '{value}' is not a date as YYYY-MM-DD.")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise ValidationError(f"The {what} '{value}' is not a real date.") from exc
    return value


def check_url(value: str | None, what: str = "url") -> str | None:
    """Return ``value`` if it is an http(s) or file address or empty; raise ValidationError.

    Other schemes (javascript:, data:) are refused: reports turn URLs into links.
    """
    if value is None or value == "":
        return None
    value = value.strip()
    if not is_web_address(value):
        raise ValidationError(f"The {what} '{value}' is not a web address (http:// or https://).")
    return value
