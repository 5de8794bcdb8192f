"""Keyboard focus that everyone can see, and Tab orders that follow the screen.

Qt's Fusion style marks keyboard focus with a 1-pixel line at 30 % opacity: far below the 3:1
contrast WCAG 2.2 (1.4.11, non-text contrast) asks of a focus indicator. ``FocusRing`` is a
``QFocusFrame`` — Qt's own widget that follows the focused widget around, drawn just outside it
and transparent to the mouse — painted as a solid 2-pixel ring in the palette's ``focus`` colour
(``player/ui/style.py``, 3:1 on every background in light and dark).
One ring per application follows the focus through every window and dialog.

Screens that fill their pages after they are built (the quiz's questions, the outline's
lessons) create widgets after their buttons, and Qt's Tab order is creation order: they call
``chain_tab_order`` with the widgets in reading order.
"""

from __future__ import annotations

from collections.abc import Iterable

import shiboken6
from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QFocusFrame, QWidget

from player.ui import style

RING_WIDTH = 2.0


class FocusRing(QFocusFrame):
    """A solid ring just outside the focused widget."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("focus-ring")

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(style.colour("focus"), RING_WIDTH))
        inset = RING_WIDTH / 2
        painter.drawRoundedRect(
            QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 3.0, 3.0
        )
        painter.end()


class _FocusFollower(QObject):
    """Moves the application's ring to each newly focused widget."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focus-follower")
        self.ring: FocusRing | None = None
        app.focusChanged.connect(self._focus_changed)
        app.aboutToQuit.connect(self._stop)

    def _stop(self) -> None:
        """The app quits: windows are torn down, follow no widget through that."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if QApplication.closingDown():
            return
        if new is None or new.isWindow() or not new.isVisible() or _is_container(new):
            ring = self._live_ring()
            if ring is not None:
                ring.setWidget(None)  # type: ignore[arg-type]  # Qt takes nullptr: follow nothing
                ring.hide()
            return
        ring = self._live_ring()
        if ring is None:
            ring = self.ring = FocusRing()
            ring.destroyed.connect(self._forget)
        ring.setWidget(new)  # the ring becomes a child of the widget's parent, drawn above it
        ring.show()
        ring.raise_()

    def _live_ring(self) -> FocusRing | None:
        """The ring, unless Qt deleted it with the parent it had (a screen left, say)."""
        ring = self.ring
        if ring is not None and shiboken6.isValid(ring):
            return ring
        self.ring = None
        return None

    def _forget(self) -> None:
        self.ring = None


def _is_container(widget: QWidget) -> bool:
    """A whole page holding the focus until the learner moves it, or a view whose items draw
    the ring themselves (the library's cards, ``draws_focus``): no ring around it."""
    from player.ui.screens.base import Screen

    return isinstance(widget, Screen) or widget.property("draws_focus") is True


def install_focus_ring(app: QApplication) -> None:
    """Show a visible ring around the focused widget of every window of ``app`` (once)."""
    if app.findChild(_FocusFollower, "focus-follower") is None:
        _FocusFollower(app)


def chain_tab_order(widgets: Iterable[QWidget | None]) -> None:
    """Make Tab visit ``widgets`` in this order (hidden or disabled ones are skipped by Qt)."""
    previous: QWidget | None = None
    for widget in widgets:
        if widget is None:
            continue
        if previous is not None:
            QWidget.setTabOrder(previous, widget)
        previous = widget
