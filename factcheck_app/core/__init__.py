"""Domain types and rules (articles, claims, facets, sources, evidence, verdicts, rating scales); no I/O, no Qt."""
