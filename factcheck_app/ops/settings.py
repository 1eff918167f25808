"""Library settings (the checking organisation, its address, the methodology note) and the checker's name.

The organisation belongs to the library (reports and ClaimReview name it); the checker's
name belongs to the person at this computer (``factcheck_app.user_profile``).
"""
from __future__ import annotations

from functools import partial

from factcheck_app import user_profile
from factcheck_app.core.settings_keys import SETTINGS, SettingKey
from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.ops.people import require_person
from factcheck_app.store import settings as store
from factcheck_app.store.errors import ValidationError
from factcheck_app.store.library import Library
from factcheck_app.store.transaction import write
from factcheck_app.store.validation import check_url


BY_NAME = {s.name: s for s in SETTINGS}


def setting_key(name: str) -> SettingKey:
    """Return the declared setting called ``name``; raise ValidationError listing the known ones."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValidationError(
            f"No setting called '{name}' (choose one of: {', '.join(BY_NAME)})."
        ) from None


def get_setting(lib: Library | None, name: str) -> str | None:
    """Return a setting's value (None when unset); ``user`` needs no library."""
    spec = setting_key(name)
    if not spec.in_library:
        return user_profile.get_user_name() or None
    if lib is None:
        raise ValidationError(f"The setting '{name}' belongs to a library; open one.")
    return store.get_setting(lib.db, spec.key)


def _tidy(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    if name == "methodology":
        return value.strip() or None
    text = " ".join(value.split()) or None
    if name == "organisation-url":
        return check_url(text, "organisation's address")
    return text


def set_setting(lib: Library | None, name: str, value: str | None) -> OpResult:
    """Set (None or "": clear) a setting; return its new value. Undo puts the old value back."""
    spec = setting_key(name)
    value = _tidy(name, value)
    if not spec.in_library:
        old = user_profile.get_user_name() or None
        user_profile.set_user_name(require_person(value, "your name") if value else None)
        return OpResult(changes=Changes(settings=True), value=value, label="Your name",
                        undo=partial(_set_back, name=name, value=old))
    if lib is None:
        raise ValidationError(f"The setting '{name}' belongs to a library; open one.")
    with write(lib.db):
        old = store.get_setting(lib.db, spec.key)
        store.set_setting(lib.db, spec.key, value)
    return OpResult(changes=Changes(settings=True), value=value, label=f"Set {name}",
                    undo=partial(_set_back, name=name, value=old))


def _set_back(lib: Library | None, *, name: str, value: str | None) -> OpResult:
    return set_setting(lib, name, value)
