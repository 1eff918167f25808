"""The keyboard map in one place: the window's actions take their keys from here, and Help shows it."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence

KEYS: dict[str, tuple[str, ...]] = {
    "open_library": ("Ctrl+Shift+O",),
    "new_library": ("Ctrl+N",),
    "import": ("Ctrl+O",),
    "paste": ("Ctrl+Shift+V",),
    "export": ("Ctrl+Shift+E",),
    "quit": ("Ctrl+Q",),
    "undo": ("Ctrl+Z",),
    "redo": ("Ctrl+Shift+Z", "Ctrl+Y"),
    "add_claim": ("Ctrl+Shift+A",),
    "split": ("Ctrl+Shift+S",),
    "merge": ("Ctrl+Shift+M",),
    "dismiss": ("Ctrl+D",),
    "next_claim": ("J", "Ctrl+Down"),
    "previous_claim": ("K", "Ctrl+Up"),
    "find_claims": ("Ctrl+F",),
    "search_library": ("Ctrl+L",),
    "attach_source": ("Ctrl+E",),
    "rationale": ("Ctrl+R",),
    "your_name": ("Ctrl+Shift+U",),
    "shortcuts": ("F1",),
    "larger_text": ("Ctrl++", "Ctrl+="),
    "smaller_text": ("Ctrl+-",),
}
HELP_ORDER = (
    ("next_claim", "Next claim"), ("previous_claim", "Previous claim"), ("find_claims", "Filter claims"),
    ("search_library", "Search the library"), ("attach_source", "Attach a source to the claim (Escape: back)"),
    ("rationale", "Write the rationale of the verdict"), ("your_name", "Your name (checker and reviewer)"),
    ("add_claim", "Add claim from the selected text"), ("split", "Split claim at the article cursor"),
    ("merge", "Merge selected claims"), ("dismiss", "Dismiss claim"), ("undo", "Undo"), ("redo", "Redo"),
    ("import", "Import article files"), ("paste", "Paste an article from the clipboard"),
    ("export", "Export"), ("open_library", "Open library"), ("new_library", "New library"),
)


def sequences(name: str) -> list[QKeySequence]:
    """Return the key sequences of action ``name``."""
    return [QKeySequence(k) for k in KEYS[name]]


def help_text() -> str:
    """Return the shortcut list as plain text lines."""
    lines = [f"{' or '.join(KEYS[name])}: {what}" for name, what in HELP_ORDER]
    lines.append("1 to 9: give the current claim the nth rating of its scale")
    return "\n".join(lines)
