"""The publisher line shown on a library card and in a course outline.

A course whose signature was checked at install shows its publisher and "verified"; any other
course shows "unverified publisher" (issue 7: unsigned packages still install, marked so).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from player.ui.ops import PublisherView
from player.ui.widgets.common import Retranslatable

VERIFIED_COLOUR = "#2e7d32"
UNVERIFIED_COLOUR = "#8a5a00"


class PublisherLabel(Retranslatable, QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: PublisherView | None = None
        self.setObjectName("publisher")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def set_publisher(self, view: PublisherView | None) -> None:
        self.view = view
        self.retranslate()

    def retranslate(self) -> None:
        view = self.view
        if view is None:
            self.clear()
            self.hide()
            return
        if view.verified:
            text = self.tr("✔ %1 — verified publisher").replace("%1", view.name or "?")
            colour = VERIFIED_COLOUR
            self.setToolTip(
                self.tr("The publisher's signature was checked at install. Key: %1").replace(
                    "%1", view.key or ""
                )
            )
        else:
            if view.name:
                text = self.tr("%1 — unverified publisher").replace("%1", view.name)
            else:
                text = self.tr("Unverified publisher")
            colour = UNVERIFIED_COLOUR
            self.setToolTip(
                self.tr(
                    "This course is not signed: nothing proves who made it or that it is unchanged."
                )
            )
        self.setText(text)
        self.setAccessibleName(text)
        # A palette colour, not a style sheet: a style sheet per card costs a re-polish each.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        self.setPalette(palette)
        self.show()
