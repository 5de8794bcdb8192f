"""Small icons drawn with QPainter, so they need no image files: lesson states and the online
dot."""

from __future__ import annotations

import functools
from enum import StrEnum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap


class State(StrEnum):
    LOCKED = "locked"
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"


COLOURS = {
    State.LOCKED: QColor("#7a7a7a"),
    State.OPEN: QColor("#1f6fb2"),
    State.IN_PROGRESS: QColor("#b36b00"),  # 3:1 on the window (colours.py)
    State.DONE: QColor("#2e7d32"),
}


def state_icon(state: State, size: int = 32) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = COLOURS[state]
    pen = QPen(colour, max(2.0, size / 10))
    painter.setPen(pen)
    box = QRectF(size * 0.12, size * 0.12, size * 0.76, size * 0.76)
    if state is State.LOCKED:
        body = QRectF(size * 0.2, size * 0.45, size * 0.6, size * 0.42)
        painter.setBrush(colour)
        painter.drawRoundedRect(body, size * 0.06, size * 0.06)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        shackle = QRectF(size * 0.3, size * 0.12, size * 0.4, size * 0.5)
        painter.drawArc(shackle, 0, 180 * 16)
        painter.drawLine(QPointF(size * 0.3, size * 0.37), QPointF(size * 0.3, size * 0.47))
        painter.drawLine(QPointF(size * 0.7, size * 0.37), QPointF(size * 0.7, size * 0.47))
    elif state is State.OPEN:
        painter.drawEllipse(box)
    elif state is State.IN_PROGRESS:
        painter.drawEllipse(box)
        painter.setBrush(colour)
        painter.drawPie(box, 90 * 16, 180 * 16)
    else:
        painter.setBrush(colour)
        painter.drawEllipse(box)
        tick = QPainterPath(QPointF(size * 0.3, size * 0.52))
        tick.lineTo(QPointF(size * 0.45, size * 0.67))
        tick.lineTo(QPointF(size * 0.72, size * 0.36))
        painter.setPen(QPen(QColor("white"), max(2.0, size / 9)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
    painter.end()
    return QIcon(pixmap)


@functools.cache  # three colours, drawn once each (an icon is shared, never changed)
def dot_icon(colour: str, size: int = 14) -> QIcon:
    """A filled dot, for the online/offline indicator."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    painter.end()
    return QIcon(pixmap)
