"""Claim extraction: sentence splitting, one module per facet kind, check-worthiness,
and the pipeline (``pipeline.extract_claims`` / ``pipeline.analyse``) that assembles claims."""
