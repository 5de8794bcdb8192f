"""Window sizes that fit the screen they open on, remembered per screen.

Netbooks have 1024×600 screens (1366×768 at 125 % scaling is 1093×614 logical pixels): a window
or dialog must open within the screen's available geometry, whatever size it prefers. The main
window's geometry is remembered per screen (its name and size) in the settings, and restored
only when it still fits that screen's available area; a window that does not fit opens at its
preferred size, shrunk to the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRect, QSize

if TYPE_CHECKING:
    from PySide6.QtGui import QScreen
    from PySide6.QtWidgets import QWidget

#: Room kept for the window manager's title bar and borders (the frame is unknown before show).
FRAME_ALLOWANCE = QSize(16, 40)
SETTINGS_KEY = "window_geometry"


def screen_key(screen: QScreen) -> str:
    """A screen as remembered: its name and logical size ("eDP-1 1024x600")."""
    size = screen.geometry().size()
    return f"{screen.name()} {size.width()}x{size.height()}"


def fitted(preferred: QSize, available: QRect) -> QRect:
    """``preferred`` shrunk to ``available`` (less the frame allowance), centred in it."""
    room = available.size() - FRAME_ALLOWANCE
    size = preferred.boundedTo(room).expandedTo(QSize(1, 1))
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    return rect


def fit_to_screen(widget: QWidget, preferred: QSize) -> None:
    """Resize a window or dialog to ``preferred``, or less on a small screen."""
    screen = widget.screen()
    if screen is None:
        widget.resize(preferred)
        return
    widget.resize(fitted(preferred, screen.availableGeometry()).size())


def restore(widget: QWidget, settings: dict[str, Any], preferred: QSize) -> bool:
    """Place the main window: its saved geometry on this screen when it fits, else ``preferred``
    fitted to the screen. Returns whether it should open maximised."""
    screen = widget.screen()
    if screen is None:
        widget.resize(preferred)
        return False
    available = screen.availableGeometry()
    saved = settings.get(SETTINGS_KEY, {})
    entry = saved.get(screen_key(screen)) if isinstance(saved, dict) else None
    rect = _rect(entry)
    if rect is not None and available.contains(rect):
        widget.setGeometry(rect)
        return bool(entry.get("maximized")) if isinstance(entry, dict) else False
    placed = fitted(preferred, available)
    widget.resize(placed.size())
    widget.move(placed.topLeft())
    return False


def remembered(widget: QWidget, settings: dict[str, Any]) -> dict[str, Any] | None:
    """The settings' geometry entry with this window's place on its screen, or None."""
    screen = widget.screen()
    if screen is None or widget.isFullScreen():
        return None
    rect = widget.normalGeometry() if widget.isMaximized() else widget.geometry()
    if rect.isEmpty():
        return None
    saved = settings.get(SETTINGS_KEY)
    entries = dict(saved) if isinstance(saved, dict) else {}
    entries[screen_key(screen)] = {
        "x": rect.x(),
        "y": rect.y(),
        "width": rect.width(),
        "height": rect.height(),
        "maximized": widget.isMaximized(),
    }
    return entries


def _rect(entry: object) -> QRect | None:
    if not isinstance(entry, dict):
        return None
    values = [entry.get(key) for key in ("x", "y", "width", "height")]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return None
    x, y, width, height = values
    assert isinstance(x, int) and isinstance(y, int)
    assert isinstance(width, int) and isinstance(height, int)
    return QRect(x, y, width, height) if width > 0 and height > 0 else None
