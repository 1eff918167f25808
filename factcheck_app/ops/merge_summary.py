"""What a merge did, or would do: counts per table, verdict changes, conflicts, reviews withdrawn, removals cancelled."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from factcheck_app.core.exchange_tables import exchange_table


@dataclass
class MergeSummary:
    """What a merge did (or, before it is written, would do)."""

    new: Counter = field(default_factory=Counter)
    changed: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)
    joined: Counter = field(default_factory=Counter)
    #: Rows kept against a removal because something still names them (the removal is cancelled), per table.
    kept: Counter = field(default_factory=Counter)
    #: Which rows those are, as (table, key): the merge log records them.
    kept_rows: list[tuple[str, str]] = field(default_factory=list)
    verdict_changes: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    reviews_withdrawn: list[str] = field(default_factory=list)
    skipped: int = 0
    source: str | None = None

    @property
    def nothing(self) -> bool:
        """Return True when the merge changes nothing in the library."""
        return not (
            sum(self.new.values()) or sum(self.changed.values()) or sum(self.removed.values())
            or sum(self.joined.values()) or sum(self.kept.values()) or self.verdict_changes or self.conflicts
        )

    def to_dict(self) -> dict:
        """Return the summary as plain data (for JSON output and the merge log)."""
        return {
            "source": self.source,
            "new": dict(self.new),
            "changed": dict(self.changed),
            "removed": dict(self.removed),
            "joined": dict(self.joined),
            "kept": dict(self.kept),
            "kept_rows": [list(item) for item in self.kept_rows],
            "verdict_changes": len(self.verdict_changes),
            "conflicts": self.conflicts,
            "reviews_withdrawn": self.reviews_withdrawn,
            "skipped": self.skipped,
        }

    def lines(self) -> list[str]:
        """Return the summary as short lines for the checker, most important first."""
        if self.nothing:
            return ["Nothing new: the library already holds every change."]
        out = []
        for table in ("articles", "claims", "sources", "evidence", "documents"):
            label = exchange_table(table).label
            if self.new[table]:
                out.append(f"{self.new[table]:,} new {label}")
        if self.verdict_changes:
            out.append(f"{len(self.verdict_changes):,} verdict change(s)")
        if self.conflicts:
            out.append(f"{len(self.conflicts):,} conflicting verdict(s) to decide")
        edited = sum(self.changed.values())
        if edited:
            out.append(f"{edited:,} row(s) updated")
        removed = sum(self.removed.values())
        if removed:
            out.append(f"{removed:,} row(s) removed on the other side")
        joined = sum(self.joined.values())
        if joined:
            out.append(f"{joined:,} duplicate(s) joined: " + ", ".join(f"{n} {t}" for t, n in self.joined.items() if n))
        kept = sum(self.kept.values())
        if kept:
            out.append(f"{kept:,} removed row(s) kept because work here or there still cites them: "
                       + ", ".join(f"{n} {exchange_table(t).label or t}" for t, n in self.kept.items() if n))
        if self.reviews_withdrawn:
            out.append(f"{len(self.reviews_withdrawn):,} review(s) no longer valid, back to draft")
        if self.skipped:
            out.append(f"{self.skipped:,} row(s) left out: what they belong to was removed")
        return out
