"""The facet-kind registry: every kind of fact the extractor finds, with how it looks and how much it weighs.

Each kind is one finder module in ``extract/`` plus one ``FacetKind`` entry
below: its name, the label readers see, a colour (hex) and a line style
name for highlights, its check-worthiness weight, and where its finder
lives. The pipeline runs the finders in registry order (dates before
quantities: quantities must not re-use a date's numbers); the highlighter,
its legend and the reports read the label, colour and style from here.
Finders are named as "module:function" and imported only when the pipeline
runs, so reading the registry (the desktop app's legend) costs nothing.
"""
from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from factcheck_app.core.extraction import Facet

# Line styles a kind may use; the highlighter maps each to an underline, the reports to a CSS border.
LINE_STYLES = ("solid", "dashed", "dotted", "dot-dash", "dot-dot-dash", "wavy")


@dataclass(frozen=True)
class FindContext:
    """What a finder may use besides the body: the published date, and the facets of the kinds before it."""

    published: dt.date | None
    found: list[Facet] = field(default_factory=list)


Finder = Callable[[str, FindContext], list[Facet]]


@dataclass(frozen=True)
class FacetKind:
    """One kind of facet, as plain data: name, label, colour (#rrggbb), line style, weight and finder.

    ``weight`` is how much one facet of the kind raises a sentence's
    check-worthiness (a logit step, repeats counting less); ``finder`` is a
    ``Finder`` or its "module:function" path. ``needs`` names the kinds whose
    facets the finder reads from ``FindContext.found``; None (the default) means
    any kind registered before it. Kinds that need nothing of each other may run
    side by side on a long body (see ``extract/parallel``).
    """

    name: str
    label: str
    colour: str
    line_style: str
    weight: float
    finder: str | Finder
    needs: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if self.line_style not in LINE_STYLES:
            raise ValueError(f"line style {self.line_style!r} is not one of {', '.join(LINE_STYLES)}")
        if not (len(self.colour) == 7 and self.colour[0] == "#" and all(c in "0123456789abcdefABCDEF"
                                                                        for c in self.colour[1:])):
            raise ValueError(f"colour {self.colour!r} is not a #rrggbb hex colour")

    def find(self, body: str, context: FindContext) -> list[Facet]:
        """Run the kind's finder on the body."""
        return resolve_finder(self.finder)(body, context)


_REGISTRY: dict[str, FacetKind] = {}
_RESOLVED: dict[str, Finder] = {}


def resolve_finder(finder: str | Finder) -> Finder:
    """The finder itself, imported from its "module:function" path the first time."""
    if not isinstance(finder, str):
        return finder
    if finder not in _RESOLVED:
        module, _, name = finder.partition(":")
        _RESOLVED[finder] = getattr(importlib.import_module(module), name)
    return _RESOLVED[finder]


def register(kind: FacetKind) -> FacetKind:
    """Add a kind at the end of the registry (a kind of the same name is replaced in place)."""
    _REGISTRY[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    """Remove a kind from the registry (nothing happens when there is none of that name)."""
    _REGISTRY.pop(name, None)


@contextmanager
def registered(kind: FacetKind) -> Iterator[FacetKind]:
    """Register a kind for the length of a ``with`` block (a plug-in trial, a test)."""
    before = _REGISTRY.get(kind.name)
    register(kind)
    try:
        yield kind
    finally:
        if before is None:
            unregister(kind.name)
        else:
            register(before)


def facet_kinds() -> tuple[FacetKind, ...]:
    """Return every registered kind, in the order the pipeline runs them."""
    return tuple(_REGISTRY.values())


def facet_kind(name: str) -> FacetKind | None:
    """Return the registered kind of that name, or None."""
    return _REGISTRY.get(name)


def kind_label(name: str) -> str:
    """Return the label readers see for a kind (the name itself for a kind no longer registered)."""
    kind = _REGISTRY.get(name)
    return kind.label if kind else name


def kind_weight(name: str, default: float = 0.1) -> float:
    """Return a kind's check-worthiness weight (``default`` for a kind not registered)."""
    kind = _REGISTRY.get(name)
    return kind.weight if kind else default


register(FacetKind("date", "date", "#3b82f6", "dashed", 0.7, "factcheck_app.extract.dates:date_facets", needs=()))
register(FacetKind("quantity", "quantity", "#e8590c", "solid", 0.9,
                   "factcheck_app.extract.quantities:quantity_facets", needs=("date",)))
register(FacetKind("place", "place", "#2f9e44", "dotted", 0.25, "factcheck_app.extract.places:place_facets",
                   needs=()))
# Entities before quotes: a quote's pronoun ("he said") is resolved to a person named before it.
register(FacetKind("entity", "entity", "#868e96", "dot-dot-dash", 0.2,
                   "factcheck_app.extract.entities:entity_facets", needs=()))
register(FacetKind("quote", "quote", "#ae3ec9", "dot-dash", 0.15, "factcheck_app.extract.quotes:quote_facets",
                   needs=("entity",)))
