"""Entity facets: named people and organisations (minimal first version)."""
from __future__ import annotations

from factcheck_app.core.extraction import Facet


def find_entities(body: str) -> list[Facet]:
    """Return entity facets (kind "entity") found in ``body``, ordered by start offset."""
    return []
