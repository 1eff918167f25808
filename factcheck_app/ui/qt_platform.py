"""Choosing Qt's platform before the application starts, and one clear line when it cannot start.

Without a display Qt's default platform plugin aborts the process (exit 134) with a hint
about xcb libraries that misleads when the real cause is that there is no display at all.
"""
from __future__ import annotations

import os
import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

EXIT_NO_PLATFORM = 2


class PlatformError(Exception):
    """The desktop app cannot start here; the message is one line for the user."""


def has_display() -> bool:
    """Return True when a window can be shown: a display server on Linux, always on Windows and macOS."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def choose_platform(offscreen: bool) -> None:
    """Pick the platform: offscreen when asked (a screenshot needs no display), else refuse without one.

    An explicit $QT_QPA_PLATFORM is always respected.
    """
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return
    if not has_display():
        raise PlatformError("there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is "
                            "set); start it in a desktop session, or render one with --screenshot FILE.png")


class StartupGuard:
    """While the QApplication is made: keep Qt's plugin messages, and turn a fatal one into one line.

    Qt ends the process itself when no platform plugin loads, so the line is written from
    the message handler and the process exits there with status 2 (not Qt's abort).
    """

    def __init__(self) -> None:
        self.notes: list[str] = []
        self._previous = None

    def __enter__(self) -> "StartupGuard":
        self._previous = qInstallMessageHandler(self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        qInstallMessageHandler(self._previous)

    def _handle(self, mode, context, message: str) -> None:
        if mode == QtMsgType.QtFatalMsg:
            sys.stderr.write(f"factcheck: {startup_failure_line(message, self.notes)}\n")
            sys.stderr.flush()
            os._exit(EXIT_NO_PLATFORM)
        self.notes.append(message)


def startup_failure_line(fatal: str, notes: list[str]) -> str:
    """Return the one line that explains why Qt could not start (its own hint, if any, in brackets)."""
    platform = os.environ.get("QT_QPA_PLATFORM") or "the default"
    # The most telling of Qt's notes: no display server beats a missing library beats "could not load".
    hint = next((n for key in ("connect to display", "needed", "Could not") for n in notes if key in n), "")
    detail = " ".join((hint or fatal).split())
    return (f"the desktop app cannot start: Qt could not load its display plugin ({platform}: {detail}); "
            "check the display, or use --screenshot FILE.png to render offscreen")
