"""Editing a claim's publishing details: claimant, appearances, date, claim as reviewed, review address.

One operation, ``edit_publishing``, changes any of them at once (a value of None puts the
default back); its undo puts back exactly what was set before.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from functools import partial
from urllib.parse import urlsplit

from factcheck_app.core.claim_wording import check_claim_reviewed
from factcheck_app.core.publishing import (
    Appearance,
    Publishing,
    StoredPublishing,
    claimant_type,
    order_appearances,
)
from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.store import claims, publishing
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.transaction import write
from factcheck_app.store.validation import check_date

#: Marks a field the edit leaves alone (None means: back to the default).
UNCHANGED = object()
MAX_CLAIMANT_LENGTH = 200


@dataclass
class PublishingEdit:
    """The fields to change; each left UNCHANGED is kept, None (or empty) restores its default."""

    claimant: object = UNCHANGED
    claimant_type: object = UNCHANGED
    appearances: object = UNCHANGED  # a list of addresses, or None for the article's address
    add_appearances: object = UNCHANGED  # addresses to add after the current ones
    first_appearance: object = UNCHANGED
    claim_date: object = UNCHANGED
    claim_reviewed: object = UNCHANGED
    review_url: object = UNCHANGED

    def is_empty(self) -> bool:
        """Return True when the edit changes nothing."""
        return all(getattr(self, f.name) is UNCHANGED for f in fields(self))


def web_address(value: str, what: str) -> str:
    """Return ``value`` trimmed if it is an http(s) address with a host; raise ValidationError."""
    text = (value or "").strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(ch.isspace() for ch in text):
        raise ValidationError(f"The {what} '{text}' is not a web address (http:// or https://).")
    return text


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _edit_appearances(stored: StoredPublishing, edit: PublishingEdit,
                      current: tuple[Appearance, ...]) -> tuple[Appearance, ...] | None:
    """Return the appearances after the edit (None: back to the article's address)."""
    if edit.appearances is None:
        if edit.add_appearances is not UNCHANGED or not _blank_or_unchanged(edit.first_appearance):
            raise ValidationError("Give the claim's appearances before adding to them or marking the first one.")
        return None
    urls = list(current) if edit.appearances is UNCHANGED else [a for a in edit.appearances if not _blank(a)]
    urls = [a.url if isinstance(a, Appearance) else web_address(a, "appearance") for a in urls]
    if edit.add_appearances is not UNCHANGED:
        urls += [web_address(a, "appearance") for a in edit.add_appearances if not _blank(a)]
    if _blank_or_unchanged(edit.first_appearance):
        first = next((a.url for a in current if a.first), None)
        first = first if first in urls else None
    else:
        first = web_address(str(edit.first_appearance), "first appearance")
    if not urls:
        return None
    try:
        return order_appearances(urls, first)
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc


def _blank_or_unchanged(value: object) -> bool:
    return value is UNCHANGED or _blank(value)


def apply_edit(before: StoredPublishing, edit: PublishingEdit,
               current: tuple[Appearance, ...] = ()) -> StoredPublishing:
    """Return ``before`` with the edit applied, every value checked; raise ValidationError for a bad one.

    ``current`` is the claim's appearances as now exported (the article's address by
    default): the list that added appearances join and a new first appearance is chosen from.
    """
    after = before
    if edit.claimant is not UNCHANGED:
        name = None if _blank(edit.claimant) else " ".join(str(edit.claimant).split())
        if name and (len(name) > MAX_CLAIMANT_LENGTH or not name.isprintable()):
            raise ValidationError(f"A claimant is a name of at most {MAX_CLAIMANT_LENGTH} printable characters.")
        after = replace(after, claimant=name, claimant_type=after.claimant_type if name else None)
    if edit.claimant_type is not UNCHANGED and not _blank(edit.claimant_type):
        try:
            kind = claimant_type(str(edit.claimant_type))
        except ValueError as exc:
            raise ValidationError(str(exc)) from exc
        if not after.claimant:
            raise ValidationError("Name the claimant (--claimant) before saying whether it is a person or an "
                                  "organisation.")
        after = replace(after, claimant_type=kind)
    if after.claimant and not after.claimant_type:
        after = replace(after, claimant_type="Person")
    if any(v is not UNCHANGED for v in (edit.appearances, edit.add_appearances, edit.first_appearance)):
        after = replace(after, appearances=_edit_appearances(after, edit, current))
    if edit.claim_date is not UNCHANGED:
        after = replace(after, claim_date=None if _blank(edit.claim_date)
                        else check_date(str(edit.claim_date), "claim date"))
    if edit.claim_reviewed is not UNCHANGED:
        if _blank(edit.claim_reviewed):
            after = replace(after, claim_reviewed=None)
        else:
            try:
                after = replace(after, claim_reviewed=check_claim_reviewed(str(edit.claim_reviewed)))
            except ValueError as exc:
                raise ValidationError(str(exc)) from exc
    if edit.review_url is not UNCHANGED:
        after = replace(after, review_url=None if _blank(edit.review_url)
                        else web_address(str(edit.review_url), "review address"))
    return after


def edit_publishing(lib, claim_id: str, edit: PublishingEdit, *, by: str | None = None) -> OpResult:
    """Change a claim's publishing details; return its details as now exported. Undo restores the former ones."""
    with write(lib.db):
        claim = claims.get_claim(lib.db, claim_id)
        before = publishing.get_stored(lib.db, claim_id)
        after = apply_edit(before, edit, publishing.get_publishing(lib.db, claim_id).appearances)
        if after != before:
            publishing.save_stored(lib.db, claim_id, after, by)
        value = publishing.get_publishing(lib.db, claim_id)
    return OpResult(
        changes=Changes.of(claims=[claim_id], articles=[claim["article_id"]]) if after != before else Changes(),
        value=value,
        undo=partial(restore_publishing, claim_id=claim_id, stored=before, by=by),
        label="Edit publishing details",
    )


def restore_publishing(lib, claim_id: str, stored: StoredPublishing, by: str | None = None) -> OpResult:
    """Put back a claim's publishing details exactly as ``stored`` (undo and redo of an edit)."""
    with write(lib.db):
        claim = claims.get_claim(lib.db, claim_id)
        current = publishing.get_stored(lib.db, claim_id)
        publishing.save_stored(lib.db, claim_id, stored, by)
        value = publishing.get_publishing(lib.db, claim_id)
    return OpResult(
        changes=Changes.of(claims=[claim_id], articles=[claim["article_id"]]),
        value=value,
        undo=partial(restore_publishing, claim_id=claim_id, stored=current, by=by),
        label="Edit publishing details",
    )


def claim_publishing(lib, claim_id: str) -> Publishing:
    """Return a claim's publishing details as exported (a read, for panes and commands)."""
    return publishing.get_publishing(lib.db, claim_id)


def publishing_details(lib, claim_id: str) -> tuple[Publishing, StoredPublishing]:
    """Return a claim's details as exported and what checkers set (a read, for the claim panel)."""
    return publishing.get_publishing(lib.db, claim_id), publishing.get_stored(lib.db, claim_id)
