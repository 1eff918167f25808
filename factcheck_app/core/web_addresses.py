"""The one rule for a web address the app keeps and turns into a link, whether a checker
typed it or a page declared it: http(s) or file, nothing else (javascript:, data: never)."""
from __future__ import annotations

import re

_WEB_ADDRESS = re.compile(r"^(https?|file)://\S+$", re.IGNORECASE)


def is_web_address(value: str) -> bool:
    """Whether ``value`` (surrounding spaces aside) is an http://, https:// or file:// address."""
    return bool(_WEB_ADDRESS.match(value.strip()))
