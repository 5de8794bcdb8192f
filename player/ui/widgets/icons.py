"""Small icons drawn with QPainter, so they need no image files: lesson states and the online
dot."""

from __future__ import annotations

import functools
from enum import StrEnum

from PySide6.QtCore import QByteArray, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QIcon,
    QIconEngine,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QWidget


class State(StrEnum):
    LOCKED = "locked"
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"


COLOURS = {
    State.LOCKED: QColor("#7a7a7a"),
    State.OPEN: QColor("#1f6fb2"),
    State.IN_PROGRESS: QColor("#c77700"),
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


# ------------------------------------------------------------------------------ SVG icons


@functools.cache
def _svg_source(name: str) -> bytes:
    from player.core.resources import assets_dir

    return (assets_dir() / "icons" / name).read_bytes()


def svg_bytes(name: str, colour: str) -> bytes:
    """An SVG from ``assets/icons`` with ``currentColor`` painted in ``colour``."""
    return _svg_source(name).replace(b"currentColor", colour.encode())


class SvgIconEngine(QIconEngine):
    """Draws an SVG at whatever size and screen scale Qt asks for: sharp at 125–200 %."""

    def __init__(self, name: str, colour: str) -> None:
        super().__init__()
        self.name = name
        self.colour = colour

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(QByteArray(svg_bytes(self.name, self.colour)))
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.5)
        renderer.render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def scaledPixmap(  # noqa: N802 - Qt override
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixmap = self.pixmap(size * scale, mode, state)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self.name, self.colour)


def svg_icon(name: str, colour: str) -> QIcon:
    """``assets/icons/ui/<name>.svg`` in a colour (``#rrggbb``), sharp at every scale."""
    return QIcon(SvgIconEngine(f"ui/{name}.svg", colour))


class Illustration(QWidget):
    """A decorative SVG drawing in the palette's accent colour, at a fixed size."""

    def __init__(self, name: str, width: int, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setFixedSize(width, height)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        from PySide6.QtSvg import QSvgRenderer

        from player.ui import style

        renderer = QSvgRenderer(QByteArray(svg_bytes(self.name, style.current().accent)))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(self.rect()))
