"""Document files a merge brings along: checked against their SHA-256, then kept beside the library.

A change file (or a library read whole) carries the bytes of every document row it carries.
Every file is checked before the merge begins, so a damaged one refuses the whole merge; the
files are written inside the merge's transaction, before it commits, and a file already kept
here under the same hash is reused.
"""
from __future__ import annotations

from pathlib import Path

from factcheck_app.ops.change_file import ChangeFileError, ChangeSet
from factcheck_app.store import documents
from factcheck_app.store.files import file_problem, remove_if_unused, sha256_of_bytes, store_bytes
from factcheck_app.store.library import Library


def check_files(changes: ChangeSet, name: str | None) -> None:
    """Raise ChangeFileError when a carried file's bytes do not match the SHA-256 it travels under."""
    for sha256, data in changes.files.items():
        if sha256_of_bytes(data) != sha256:
            raise ChangeFileError(
                f"{name or 'The change file'} is damaged: a document file does not match its SHA-256 "
                f"({sha256[:12]}…); nothing was merged. Ask for the file again."
            )


def documents_held(lib: Library, changes: ChangeSet) -> set[str]:
    """Return the SHA-256 of the carried documents the library holds already (read before a merge applies)."""
    return {e.row["sha256"] for e in changes.tables.get("documents", [])
            if e.row is not None and documents.find_by_hash(lib.db, e.row["sha256"]) is not None}


def keep_files(lib: Library, changes: ChangeSet, held: set[str], *, write_files: bool) -> list[Path]:
    """Keep the file of every carried document row the library now holds; return the paths written now.

    A document new to the library (not in ``held``) whose file neither came along nor is here
    already refuses the merge: the library would name a file it does not have. With
    ``write_files`` False (a preview) nothing is written, but the same refusal applies.
    """
    written: list[Path] = []
    try:
        for entry in changes.tables.get("documents", []):
            if entry.row is None:
                continue
            sha256 = entry.row["sha256"]
            local = documents.find_by_hash(lib.db, sha256)
            if local is None:  # removed here after this version, or never taken
                continue
            suffix = documents.stored_suffix(local)
            data = changes.files.get(sha256)
            if data is None:
                if sha256 in held or file_problem(lib.path, sha256, local["size"], suffix) is None:
                    continue
                raise ChangeFileError(
                    f"The changes carry document {local['file_name']} without its file, and this library does "
                    "not have it; nothing was merged. Ask for the file again."
                )
            if write_files:
                path, new = store_bytes(lib.path, data, sha256, suffix)
                if new:
                    written.append(path)
    except OSError as exc:
        forget_files(written)
        raise ChangeFileError(
            f"The document files could not be written beside the library ({exc.strerror or exc}); nothing was merged."
        ) from exc
    except BaseException:
        forget_files(written)
        raise
    return written


def forget_files(paths: list[Path]) -> None:
    """Remove files a merge wrote that no row came to name (the merge did not commit)."""
    for path in paths:
        remove_if_unused(path)
