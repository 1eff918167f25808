"""Rating-scale operations: save a custom scale (create or replace) and delete one no verdict uses."""
from __future__ import annotations

from functools import partial

from factcheck_app.core.rating_scales import RatingScale
from factcheck_app.ops.changes import Changes, OpResult
from factcheck_app.store import scales as store
from factcheck_app.store.errors import NotFoundError
from factcheck_app.store.library import Library
from factcheck_app.store.transaction import write


def _previous(lib: Library, name: str) -> RatingScale | None:
    try:
        return store.get_scale(lib.db, name)
    except NotFoundError:
        return None


def save_scale(lib: Library, data: dict) -> OpResult:
    """Validate and save a custom scale; return it. Undo restores the former version or deletes a new one."""
    with write(lib.db):
        before = _previous(lib, str(data.get("name", "")))
        scale = store.save_scale(lib.db, data)
    undo = (partial(delete_scale, name=scale.name) if before is None
            else partial(save_scale, data=before.to_dict()))
    return OpResult(changes=Changes(scales=True), value=scale, label=f"Save scale {scale.title}", undo=undo)


def delete_scale(lib: Library, name: str | None = None) -> OpResult:
    """Delete a custom scale that no verdict uses (refused otherwise); undo saves it again."""
    with write(lib.db):
        scale = store.get_scale(lib.db, name)
        store.delete_scale(lib.db, name)
    return OpResult(changes=Changes(scales=True), value=scale, label=f"Delete scale {scale.title}",
                    undo=partial(save_scale, data=scale.to_dict()))
