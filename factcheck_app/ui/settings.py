"""A typed registry over QSettings: every setting is declared once with its key, type and default.

The settings file is an INI file in $FACTCHECK_CONFIG_DIR when that is set (tests point it at
a temporary folder), else in the platform's user configuration folder.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from factcheck_app.appdirs import APP_DIR_NAME

T = TypeVar("T")


SETTINGS_FILE = "factcheck-desk.ini"
MAX_RECENT = 8


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One declared setting: its QSettings key, Python type and default value."""

    key: str
    kind: type
    default: Any


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
MAIN_SPLITTER = Setting("window/main_splitter", QByteArray, QByteArray())
CENTRE_SPLITTER = Setting("window/centre_splitter", QByteArray, QByteArray())
RECENT_LIBRARIES = Setting("library/recent", list, [])
IMPORT_FOLDER = Setting("import/folder", str, "")
CLAIMS_SCOPE_ALL = Setting("claims/scope_all", bool, False)
ARTICLE_FONT_POINTS = Setting("article/font_points", int, 0)
# The checker's name is not here: it is in the user profile (factcheck_app.user_profile), which
# the command line reads too.


def settings_path() -> Path | None:
    """Return the INI file used when $FACTCHECK_CONFIG_DIR is set, else None (platform location)."""
    folder = os.environ.get("FACTCHECK_CONFIG_DIR")
    return Path(folder) / SETTINGS_FILE if folder else None


class Settings:
    """Typed get/set over one QSettings object."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        if qsettings is None:
            path = settings_path()
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                qsettings = QSettings(str(path), QSettings.Format.IniFormat)
            else:
                qsettings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                      APP_DIR_NAME, APP_DIR_NAME)
        self.qsettings = qsettings

    def get(self, setting: Setting[T]) -> T:
        """Return the stored value converted to the setting's type, or its default."""
        raw = self.qsettings.value(setting.key, None)
        if raw is None:
            return _copy(setting.default)
        try:
            return _convert(raw, setting.kind)
        except (TypeError, ValueError):
            # A hand-edited or older file must never stop the app from starting.
            return _copy(setting.default)

    def set(self, setting: Setting[T], value: T) -> None:
        """Store ``value`` under the setting's key."""
        self.qsettings.setValue(setting.key, value)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self.qsettings.sync()

    def add_recent_library(self, path: str) -> list[str]:
        """Put ``path`` first in the recent-libraries list (at most MAX_RECENT); return the list."""
        recent = [p for p in self.get(RECENT_LIBRARIES) if p != path]
        recent.insert(0, path)
        del recent[MAX_RECENT:]
        self.set(RECENT_LIBRARIES, recent)
        return recent


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def _convert(raw: Any, kind: type) -> Any:
    if kind is bool:
        if isinstance(raw, str):
            return raw.strip().lower() in ("true", "1", "yes")
        return bool(raw)
    if kind is int:
        return int(raw)
    if kind is str:
        return str(raw)
    if kind is list:
        # An INI file stores a one-element list as a plain string.
        if isinstance(raw, str):
            return [raw] if raw else []
        return [str(v) for v in raw]
    if kind is QByteArray:
        return raw if isinstance(raw, QByteArray) else QByteArray(raw)
    raise TypeError(f"unsupported setting type {kind!r}")
