"""Who did it: every write that records a person names a real one, given by the checker."""
from __future__ import annotations

from factcheck_app.store.errors import ValidationError

#: The longest name accepted (a name, not a paragraph pasted by mistake).
MAX_NAME_LENGTH = 120

HOW_TO_NAME = (
    "say who you are: in the app, Edit > Your Name…; on the command line, --by NAME, "
    "the FACTCHECK_USER environment variable, or `factcheck settings set user NAME`"
)


class MissingPersonError(ValidationError):
    """A write that records a person was asked for without a name."""


def require_person(name: str | None, what: str = "this change") -> str:
    """Return ``name`` tidied (inner spaces folded); raise MissingPersonError when there is none.

    The operating-system account is never used in its place: a verdict names the
    person who made it, as they gave their name.
    """
    tidy = " ".join((name or "").split())
    if not tidy:
        raise MissingPersonError(f"No checker named for {what}; {HOW_TO_NAME}.")
    if len(tidy) > MAX_NAME_LENGTH:
        raise ValidationError(f"A checker's name is at most {MAX_NAME_LENGTH} characters.")
    if any(not ch.isprintable() for ch in tidy):
        raise ValidationError("A checker's name cannot contain control characters.")
    return tidy


def same_person(a: str | None, b: str | None) -> bool:
    """Return True when two recorded names are the same person (case and spacing aside)."""
    if not a or not b:
        return False
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
