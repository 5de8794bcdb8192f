"""The text size: one percentage of the system font, applied to the whole application.

The learner picks it in Settings or with Ctrl+plus / Ctrl+minus on a reading page; it is
remembered per learner (``player.core.learning.preferences``) and applied when their profile is
read. Every widget follows the application font (Qt propagates it from the event loop),
headings keep their proportion (``widgets.common.Heading``), and reading pages render with their
widget's font.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from player.core.learning.preferences import TEXT_SIZES

_BASE = "course_player_base_font"  # the application's font before any scaling


def _base_font(app: QApplication) -> QFont:
    base = app.property(_BASE)
    if not isinstance(base, QFont):
        base = QFont(app.font())
        app.setProperty(_BASE, base)
    return base


def current() -> int:
    """The text size in force, in percent."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return 100
    base = _base_font(app)
    if base.pointSizeF() <= 0:
        return 100
    size = round(app.font().pointSizeF() / base.pointSizeF() * 100)
    return min(TEXT_SIZES, key=lambda choice: abs(choice - size))


def apply(percent: int) -> int:
    """Scale the application font to ``percent`` of the system's; returns the size in force."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return 100
    percent = percent if percent in TEXT_SIZES else 100
    base = _base_font(app)
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * percent / 100)
    elif base.pixelSize() > 0:
        font.setPixelSize(round(base.pixelSize() * percent / 100))
    if font != app.font():
        app.setFont(font)  # widgets follow once the event loop runs
        from player.ui.widgets.common import Heading

        for widget in app.allWidgets():
            if isinstance(widget, Heading):  # a font of its own: rescaled here
                widget.rescale(font)
    return percent


def step(direction: int) -> int:
    """One size larger (``direction`` > 0), smaller (< 0), or back to 100 % (0)."""
    if direction == 0:
        return apply(100)
    index = TEXT_SIZES.index(current()) + (1 if direction > 0 else -1)
    return apply(TEXT_SIZES[max(0, min(index, len(TEXT_SIZES) - 1))])
