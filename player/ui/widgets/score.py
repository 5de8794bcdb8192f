"""The quiz result: the score as a big figure over a bar, the pass mark as a notch on it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from player.ui import style
from player.ui.style import SPACING
from player.ui.widgets.common import percent, scaled_font


class ScoreGauge(QWidget):
    """``score`` and ``threshold`` (0..1): the figure in the verdict's colour, the bar filled to
    the score, and a mark at the threshold labelled "pass mark 70 %"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quiz-score-gauge")
        self.score = 0.0
        self.threshold = 0.0
        self.passed = False
        self.figure_font = scaled_font(self, 3.2, bold=True)
        self.label_font = scaled_font(self, 0.9)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(220)

    def set_result(self, score: float, threshold: float, passed: bool) -> None:
        self.score, self.threshold, self.passed = score, threshold, passed
        self.setAccessibleName(self.mark_text() + " ; " + percent(score))
        self.updateGeometry()
        self.update()

    def mark_text(self) -> str:
        return QCoreApplication.translate("ScoreGauge", "pass mark %1").replace(
            "%1", percent(self.threshold)
        )

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        figure = QFontMetrics(self.figure_font).height()
        label = QFontMetrics(self.label_font).height()
        return QSize(360, figure + SPACING.s + 20 + SPACING.xs + label + SPACING.xs)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = style.current()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tone = QColor(p.success if self.passed else p.warning)
        figure_height = QFontMetrics(self.figure_font).height()
        painter.setFont(self.figure_font)
        painter.setPen(tone)
        painter.drawText(
            QRectF(0, 0, self.width(), figure_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            percent(self.score),
        )
        bar_top = figure_height + SPACING.s
        width = self.width() - 2
        bar = QRectF(1, bar_top, width, 14)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(p.track))
        painter.drawRoundedRect(bar, 7, 7)
        if self.score > 0:
            painter.setBrush(tone)
            painter.drawRoundedRect(QRectF(1, bar_top, max(14, width * self.score), 14), 7, 7)
        x = 1 + width * self.threshold
        painter.setPen(QPen(QColor(p.text), 3))
        painter.drawLine(round(x), round(bar_top - 5), round(x), round(bar_top + 19))
        painter.setFont(self.label_font)
        painter.setPen(QColor(p.text))
        label = self.mark_text()
        label_width = QFontMetrics(self.label_font).horizontalAdvance(label)
        left = min(max(0.0, x - label_width / 2), self.width() - label_width)
        painter.drawText(
            QRectF(left, bar_top + 20 + SPACING.xs, label_width + 2, self.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            label,
        )
