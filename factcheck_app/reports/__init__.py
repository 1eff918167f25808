"""Verdict reports and exports: one renderer per format (HTML, PDF, Markdown, CSV, JSON, ClaimReview).

``model.build_report`` reads the store once into plain data; every renderer works from that
data alone, and ``safe_write`` puts the result on disk atomically.
"""
