"""One rule for web addresses, typed or read from a page."""
from __future__ import annotations

import pytest

from factcheck_app.core.web_addresses import is_web_address


@pytest.mark.parametrize("value", ["https://example.org/a", "http://example.org", " https://x.example/p?q=1 ", "file:///tmp/a.html"])
def test_web_addresses(value):
    assert is_web_address(value)


@pytest.mark.parametrize("value", ["javascript:alert(1)", "data:text/html,<b>x</b>", "example.org", "https://a b", "", "vbscript:x"])
def test_not_web_addresses(value):
    assert not is_web_address(value)
