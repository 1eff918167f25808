"""Rating scales in the library: the built-in ones from resources/scales and custom ones saved by checkers."""
from __future__ import annotations

import json
from importlib import resources

from sqlite_utils import Database

from factcheck_app.core.rating_scales import RatingScale, ScaleError, parse_scale
from factcheck_app.store.errors import NotFoundError, ValidationError
from factcheck_app.store.transaction import write

DEFAULT_SCALE = "truth"


def builtin_scales() -> list[RatingScale]:
    """Return the scales shipped in resources/scales, in file-name order."""
    folder = resources.files("factcheck_app.resources") / "scales"
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            found.append(parse_scale(json.loads(entry.read_text(encoding="utf-8")), builtin=True))
    return found


def ensure_builtin_scales(db: Database) -> None:
    """Insert any built-in scale the library lacks (existing rows, even edited ones, are kept)."""
    have = {r["name"] for r in db.query("SELECT name FROM rating_scales")}
    missing = [s for s in builtin_scales() if s.name not in have]
    if not missing:
        return
    with write(db):
        for scale in missing:
            _put(db, scale, builtin=True)


def _put(db: Database, scale: RatingScale, builtin: bool) -> None:
    db["rating_scales"].upsert(
        {
            "name": scale.name,
            "title": scale.title,
            "description": scale.description,
            "steps": json.dumps(scale.to_dict()["steps"], ensure_ascii=False),
            "builtin": int(builtin),
        },
        pk="name",
    )


def _from_row(row: dict) -> RatingScale:
    return parse_scale(
        {"name": row["name"], "title": row["title"], "description": row["description"], "steps": json.loads(row["steps"])},
        builtin=bool(row["builtin"]),
    )


def list_scales(db: Database) -> list[RatingScale]:
    """Return every scale in the library, built-in first, then by title."""
    rows = db.query("SELECT * FROM rating_scales ORDER BY builtin DESC, title")
    return [_from_row(r) for r in rows]


def get_scale(db: Database, name: str) -> RatingScale:
    """Return the scale called ``name``; raise NotFoundError if the library has none."""
    rows = list(db.query("SELECT * FROM rating_scales WHERE name = ?", [name]))
    if not rows:
        names = ", ".join(s.name for s in list_scales(db))
        raise NotFoundError(f"No rating scale called '{name}' (the library has: {names}).")
    return _from_row(rows[0])


def save_scale(db: Database, data: dict) -> RatingScale:
    """Validate and save a custom scale (create or replace); return it. Built-in scales cannot be replaced."""
    try:
        scale = parse_scale(data)
    except ScaleError as exc:
        raise ValidationError(str(exc)) from exc
    existing = list(db.query("SELECT builtin FROM rating_scales WHERE name = ?", [scale.name]))
    if existing and existing[0]["builtin"]:
        raise ValidationError(f"'{scale.name}' is a built-in scale; save your version under another name.")
    with write(db):
        _put(db, scale, builtin=False)
    return scale


def delete_scale(db: Database, name: str) -> None:
    """Delete a custom scale that no verdict uses; raise ValidationError otherwise."""
    scale = get_scale(db, name)
    if scale.builtin:
        raise ValidationError(f"'{name}' is a built-in scale and cannot be deleted.")
    used = db.execute("SELECT count(*) FROM verdicts WHERE scale = ?", [name]).fetchone()[0]
    if used:
        raise ValidationError(f"'{name}' is used by {used} verdict(s); change them first.")
    with write(db):
        db.execute("DELETE FROM rating_scales WHERE name = ?", [name])
