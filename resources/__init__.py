"""Data files shipped with the app: sample articles, rating scales, report templates, icons."""
