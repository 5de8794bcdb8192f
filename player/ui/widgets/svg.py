"""SVG icons and drawings from ``assets/icons``, sharp at every screen scale (125–200 %).

The app draws no raster icon: every icon is an SVG of ``assets/icons/ui`` (24 × 24, strokes of
2 in ``currentColor``, round ends) painted in a colour of the palette by ``SvgIconEngine`` at
the size and device pixel ratio Qt asks for. A colour given by its palette name (``"accent"``)
is looked up when the icon is drawn, so icons follow a switch between light and dark.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from player.ui import style


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
        self.colour = colour  # "#rrggbb", or the name of a colour of the palette

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        from PySide6.QtSvg import QSvgRenderer

        colour = self.colour if self.colour.startswith("#") else style.colour(self.colour).name()
        renderer = QSvgRenderer(QByteArray(svg_bytes(self.name, colour)))
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
    """``assets/icons/ui/<name>.svg`` in a colour of the palette (``"accent"``) or ``#rrggbb``,
    sharp at every scale."""
    return QIcon(SvgIconEngine(f"ui/{name}.svg", colour))


class Illustration(QWidget):
    """A decorative SVG drawing in the palette's accent colour, at a fixed size."""

    def __init__(self, name: str, width: int, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setFixedSize(width, height)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(QByteArray(svg_bytes(self.name, style.current().accent)))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(self.rect()))
