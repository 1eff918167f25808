"""The fixed words of the domain: claim statuses and origins, stances, verdict statuses, source kinds.

The store's CHECK constraints, the command line's choices and the GUI's combo boxes all
read these, so one list says what each field may hold.
"""
from __future__ import annotations

CLAIM_STATUSES = ("open", "in_progress", "checked", "dismissed")
CLAIM_ORIGINS = ("automatic", "manual")
STANCES = ("supports", "refutes", "context")
VERDICT_STATUSES = ("draft", "reviewed", "published")
SOURCE_KINDS = (
    "official record",
    "news report",
    "expert",
    "dataset",
    "social post",
    "academic paper",
    "press release",
    "interview",
    "other",
)
RELIABILITY_LEVELS = ("unknown", "low", "medium", "high")
