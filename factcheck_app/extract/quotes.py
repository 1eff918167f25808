"""Quote facets: quoted words and who said them (minimal first version)."""
from __future__ import annotations

from factcheck_app.core.extraction import Facet


def find_quotes(body: str) -> list[Facet]:
    """Return quote facets (kind "quote") found in ``body``, ordered by start offset."""
    return []
