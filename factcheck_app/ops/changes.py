"""What an operation changed, and what its undo needs: the values every operation returns."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck_app.store.library import Library


@dataclass(frozen=True)
class Changes:
    """The parts of a library an operation touched, for panes to refresh from.

    ``article_ids`` / ``claim_ids`` name changed (added, edited or removed) rows;
    the flags say a whole kind changed (sources, rating scales, settings, published
    checks, documents); ``everything`` asks every view to reload (a merge, a restore).
    """

    article_ids: frozenset[str] = frozenset()
    claim_ids: frozenset[str] = frozenset()
    sources: bool = False
    scales: bool = False
    settings: bool = False
    checks: bool = False
    documents: bool = False
    everything: bool = False

    @classmethod
    def of(
        cls,
        *,
        articles: Iterable[str] = (),
        claims: Iterable[str] = (),
        **flags: bool,
    ) -> "Changes":
        """Return a Changes naming these articles and claims, with the given flags set."""
        return cls(article_ids=frozenset(a for a in articles if a), claim_ids=frozenset(c for c in claims if c), **flags)

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(
            article_ids=self.article_ids | other.article_ids,
            claim_ids=self.claim_ids | other.claim_ids,
            sources=self.sources or other.sources,
            scales=self.scales or other.scales,
            settings=self.settings or other.settings,
            checks=self.checks or other.checks,
            documents=self.documents or other.documents,
            everything=self.everything or other.everything,
        )

    def __bool__(self) -> bool:
        return bool(
            self.article_ids or self.claim_ids or self.sources or self.scales or self.settings
            or self.checks or self.documents or self.everything
        )


#: An operation bound to its arguments, waiting for the library: what undo and redo run.
BoundOp = Callable[["Library"], "OpResult"]


@dataclass
class OpResult:
    """What an operation returns: what changed, the value it made, and how to undo it.

    ``undo`` is the inverse operation already bound to its arguments (None when the
    operation cannot be undone, e.g. deleting an article after confirmation); running
    it returns an OpResult whose own ``undo`` redoes the change.
    """

    changes: Changes
    value: Any = None
    undo: BoundOp | None = None
    label: str = ""
    #: Things the checker should know that did not stop the operation (one line each).
    notes: list[str] = field(default_factory=list)
