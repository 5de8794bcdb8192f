"""The app's named colours, each with what it is drawn on, checked against WCAG 2.2 AA.

Text needs a contrast ratio of at least 4.5:1 with its background (WCAG 1.4.3); icons, state
dots, chart bars and the focus ring at least 3:1 (1.4.11, non-text contrast). The backgrounds
are the Fusion palette's window (#efefef) and base (white), plus the few panels the app paints
itself. ``tests/ui/test_contrast.py`` computes every ratio, and checks that every colour written
in ``player/ui`` is one of these.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Use(enum.Enum):
    TEXT = 4.5  # the minimum contrast ratio for this use
    GRAPHIC = 3.0


WINDOW = "#efefef"  # Fusion's window and button background
BASE = "#ffffff"  # text fields, lists, the quiz feedback
SUCCESS_PANEL = "#e3f2e5"  # the quiz's "unlocked" box
TABLE_HEADER = "#e8e8e8"  # the header row of printed reports (black text)
BLACK = "#000000"
WHITE = "#ffffff"

FOCUS_RING = "#1a5fb4"


@dataclass(frozen=True, slots=True)
class Colour:
    value: str
    use: Use
    on: tuple[str, ...] = (WINDOW, BASE)


NAMED: dict[str, Colour] = {
    # Text
    "error_text": Colour("#b00020", Use.TEXT),
    "success_text": Colour("#1b5e20", Use.TEXT, (WINDOW, BASE, SUCCESS_PANEL)),
    "warning_text": Colour("#8a4b00", Use.TEXT),
    "unsigned_publisher_text": Colour("#8a5a00", Use.TEXT),
    "report_header_text": Colour(BLACK, Use.TEXT, (TABLE_HEADER,)),
    # Graphics: the focus ring, state icons and dots, chart bars, panel borders
    "focus_ring": Colour(FOCUS_RING, Use.GRAPHIC),
    "state_locked": Colour("#7a7a7a", Use.GRAPHIC),
    "state_open": Colour("#1f6fb2", Use.GRAPHIC),
    "state_in_progress": Colour("#b36b00", Use.GRAPHIC),
    "state_done": Colour("#2e7d32", Use.GRAPHIC, (WINDOW, BASE, SUCCESS_PANEL)),
    "offline": Colour("#b26a00", Use.GRAPHIC),
    "chart_score": Colour("#1565c0", Use.GRAPHIC),
}


def relative_luminance(colour: str) -> float:
    """WCAG 2.2's relative luminance of an sRGB colour written ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    red, green, blue = linear
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG's contrast ratio, from 1 (same colour) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
