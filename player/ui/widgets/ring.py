"""A progress ring: a ``QProgressBar`` (so screen readers read its value) drawn as a circle."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QProgressBar, QWidget

from player.ui import style
from player.ui.widgets.common import percent, scaled_font


class ProgressRing(QProgressBar):
    """0..100, drawn as an arc in the accent colour over the track, the share in the middle."""

    def __init__(self, diameter: int = 48, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 100)
        self.setTextVisible(False)
        self.diameter = diameter
        self.setFixedSize(diameter, diameter)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.diameter, self.diameter)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(3.0, self.diameter / 9)
        box = QRectF(self.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        painter.setPen(QPen(style.colour("track"), width))
        painter.drawEllipse(box)
        share = (self.value() - self.minimum()) / max(1, self.maximum() - self.minimum())
        if share > 0:
            pen = QPen(style.colour("accent"), width)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawArc(box, 90 * 16, -round(share * 360 * 16))
        painter.setPen(style.colour("text"))
        painter.setFont(scaled_font(self, 0.8, bold=True))
        painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, percent(share))
