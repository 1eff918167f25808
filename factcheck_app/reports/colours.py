"""Colour arithmetic for verdict badges: text that stays readable on the rating's colour."""
from __future__ import annotations

import functools

DARK_TEXT = "#1a1a1a"
LIGHT_TEXT = "#ffffff"


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Return the WCAG relative luminance of a #rrggbb colour (0 black .. 1 white)."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast(a: str, b: str) -> float:
    """Return the WCAG contrast ratio between two #rrggbb colours (1 .. 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@functools.lru_cache(maxsize=256)
def readable_text_colour(background: str) -> str:
    """Return white or near-black, whichever contrasts more with ``background``."""
    try:
        return LIGHT_TEXT if contrast(background, LIGHT_TEXT) >= contrast(background, DARK_TEXT) else DARK_TEXT
    except (ValueError, TypeError, IndexError):
        return DARK_TEXT
