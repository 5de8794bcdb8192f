"""The progress ring of a library card: the share of a course done, as an arc and a figure."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPen

from player.ui import style
from player.ui.widgets.common import percent


def paint_ring(painter: QPainter, rect: QRectF, share: float, font: QFont) -> None:
    """The share (0..1) as an arc in the accent colour over the track, the percentage inside."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    width = max(3.0, rect.width() / 9)
    box = rect.adjusted(width / 2, width / 2, -width / 2, -width / 2)
    painter.setPen(QPen(style.colour("track"), width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(box)
    if share > 0:
        pen = QPen(style.colour("accent"), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawArc(box, 90 * 16, -round(share * 360 * 16))
    painter.setPen(style.colour("text"))
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, percent(share))
    painter.restore()
