"""Errors an export raises; each carries a one-line message fit to show a checker."""
from __future__ import annotations


class ReportError(Exception):
    """Base class: the export cannot be made as asked; nothing was written."""


class TargetExistsError(ReportError):
    """The output file exists and overwriting it was not allowed."""


class NothingToExportError(ReportError):
    """The selection matches no claim."""


class SelectionError(ReportError):
    """The selection itself is wrong (unknown verdict label, no articles chosen...)."""


class ClaimReviewIncompleteError(ReportError):
    """ClaimReview markup would lack items (the organisation, a review's address...); ``items`` lists them."""

    def __init__(self, message: str, items: list | None = None) -> None:
        super().__init__(message)
        self.items = list(items or [])


class ExportCancelled(ReportError):
    """The checker cancelled a long export; the partial file was removed."""
