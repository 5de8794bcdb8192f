"""The publisher line shown on a library card and in a course outline (docs/security.md).

Green "verified" only for a course signed by a key this computer trusts (shipped with the app,
or added in Settings / ``course-player trust add``), under the name the computer knows that key
by. A valid signature by any other key reads "signed by an unknown publisher (ABCD 1234)" in the
ordinary text colour, with the key's short fingerprint; an unsigned course reads "unsigned".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from player.ui import style
from player.ui.ops import PublisherView
from player.ui.widgets.common import Retranslatable


class PublisherLabel(Retranslatable, QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: PublisherView | None = None
        self.setObjectName("publisher")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.neutral = self.palette().color(QPalette.ColorRole.WindowText)
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
        colour: QColor | None
        if view.verified:
            text = self.tr("✔ %1 — verified publisher").replace("%1", view.name or "?")
            colour = QColor(style.current().success)
            tip = self.tr("Signed by a key this computer trusts. Key: %1").replace(
                "%1", view.key or ""
            )
        elif view.signed:
            fingerprint = view.fingerprint or "?"
            if view.name:
                text = (
                    self.tr("%1 — signed by an unknown publisher (%2)")
                    .replace("%1", view.name)
                    .replace("%2", fingerprint)
                )
            else:
                text = self.tr("Signed by an unknown publisher (%1)").replace("%1", fingerprint)
            colour = None  # neutral: the signature holds, but nothing says whose key it is
            tip = self.tr(
                "Signed, but by a key this computer does not trust: the name it shows proves "
                "nothing. Trust the key in Settings only if its publisher gave it to you. Key: %1"
            ).replace("%1", view.key or "")
        else:
            if view.name:
                text = self.tr("%1 — unsigned").replace("%1", view.name)
            else:
                text = self.tr("Unsigned")
            colour = QColor(style.current().warning)
            tip = self.tr(
                "This course is not signed: nothing proves who made it or that it is unchanged."
            )
        self.setText(text)
        self.setToolTip(tip)
        self.setAccessibleName(text)
        # A palette colour, not a style sheet: a style sheet per card costs a re-polish each.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, colour or self.neutral)
        self.setPalette(palette)
        self.show()
