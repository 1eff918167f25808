"""Document files kept beside the library, content-addressed: ``<library>.files/ab/<sha256>.<ending>``.

A stored file is named by the SHA-256 of its bytes, so the same file attached twice is kept
once, two libraries merged keep one copy, and a changed file is caught by re-hashing it. A
file is written to a temporary name and renamed into place, then made read-only; it is never
altered afterwards, and never deleted by the app (a backup may still name it).
"""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

_CHUNK = 1024 * 1024


def files_dir(store_path: Path) -> Path:
    """Return the folder that holds a library's document files (beside the library file)."""
    store_path = Path(store_path)
    return store_path.with_name(store_path.name + ".files")


def sha256_of_bytes(data: bytes) -> str:
    """Return the SHA-256 of ``data`` as 64 lower-case hex digits."""
    return hashlib.sha256(data).hexdigest()


def sha256_of_file(path: Path) -> str:
    """Return the SHA-256 of the file at ``path``, read in chunks."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def relative_path(sha256: str, suffix: str) -> Path:
    """Return where a file with this hash is kept, relative to the files folder."""
    return Path(sha256[:2]) / f"{sha256}{suffix}"


def stored_path(store_path: Path, sha256: str, suffix: str) -> Path:
    """Return the full path of the stored copy of a file with this hash."""
    return files_dir(store_path) / relative_path(sha256, suffix)


def read_stored(store_path: Path, sha256: str, suffix: str) -> bytes | None:
    """Return the bytes of the stored file with this hash, or None when it is missing or no longer matches."""
    path = stored_path(store_path, sha256, suffix)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if sha256_of_bytes(data) == sha256 else None


def store_bytes(store_path: Path, data: bytes, sha256: str, suffix: str) -> tuple[Path, bool]:
    """Keep ``data`` under its hash; return (its path, True when it was written now).

    A copy already there with the right bytes is reused. One whose bytes no longer match
    (damaged on disk) is replaced by the good bytes: the name promises that content.
    """
    target = stored_path(store_path, sha256, suffix)
    if target.is_file() and target.stat().st_size == len(data) and sha256_of_file(target) == sha256:
        return target, False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    try:
        with partial.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(partial, 0o444)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target, True


def remove_if_unused(path: Path) -> None:
    """Remove a file this process has just written and no row came to name (a failed attach)."""
    try:
        os.chmod(path, 0o644)
        path.unlink()
    except OSError:
        pass


def file_problem(store_path: Path, sha256: str, size: int, suffix: str) -> str | None:
    """Return what is wrong with a stored file ('missing', 'changed …'), or None when it matches its hash."""
    path = stored_path(store_path, sha256, suffix)
    if not path.is_file():
        return f"missing (expected at {path})"
    actual_size = path.stat().st_size
    if actual_size != size:
        return f"changed: {actual_size:,} bytes instead of {size:,} ({path})"
    if sha256_of_file(path) != sha256:
        return f"changed: its SHA-256 no longer matches ({path})"
    return None


def copy_files(source_dir: Path, target_dir: Path, names: list[Path]) -> list[Path]:
    """Copy the files ``names`` (relative paths) from one files folder to another, skipping those
    already there with the same hash; return the names that could not be found in ``source_dir``."""
    missing = []
    for name in names:
        src, dst = source_dir / name, target_dir / name
        if not src.is_file():
            missing.append(name)
            continue
        if dst.is_file() and sha256_of_file(dst) == name.stem:
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        partial = dst.with_name(f"{dst.name}.{os.getpid()}.partial")
        try:
            shutil.copyfile(src, partial)
            os.chmod(partial, 0o444)
            partial.replace(dst)
        except BaseException:
            partial.unlink(missing_ok=True)  # a full disk leaves no half-copied document
            raise
    return missing


def move_files(from_store: Path, to_store: Path) -> None:
    """Move the document files kept beside ``from_store`` to beside ``to_store`` (a library file that was
    built under one name and renamed into place); files already there are kept."""
    source, target = files_dir(from_store), files_dir(to_store)
    if not source.is_dir():
        return
    for path in sorted(source.rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(source)
            if not destination.exists():
                destination.parent.mkdir(parents=True, exist_ok=True)
                path.replace(destination)
    shutil.rmtree(source, ignore_errors=True)
