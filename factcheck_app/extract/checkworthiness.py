"""Check-worthiness: how much a sentence deserves a checker's attention (minimal first version)."""
from __future__ import annotations

from factcheck_app.core.extraction import Facet


def score_sentence(text: str, facets: list[Facet]) -> float:
    """Return a score in [0, 1]: higher means check this sentence sooner."""
    return min(1.0, 0.1 * len(facets))
