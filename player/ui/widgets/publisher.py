"""The publisher line shown on a library card and in a course outline (docs/security.md).

Green "verified" only for a course signed by a key this computer trusts (shipped with the app,
or added in Settings / ``course-player trust add``), under the name the computer knows that key
by. A valid signature by any other key reads "signed by an unknown publisher (ABCD 1234)" in the
ordinary text colour, with the key's short fingerprint; an unsigned course reads "unsigned".

``publisher_line`` words it (the library's cards draw it), ``PublisherLabel`` shows it (the
outline).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from player.ui import style
from player.ui.ops import PublisherView
from player.ui.widgets.common import Retranslatable

Tone = Literal["verified", "unknown", "unsigned"]


@dataclass(frozen=True, slots=True)
class PublisherLine:
    text: str
    tip: str
    tone: Tone  # verified: the success colour; unknown: the text colour; unsigned: warning


def publisher_line(view: PublisherView) -> PublisherLine:
    """The publisher line in the UI language, its tool tip, and its tone."""
    translate = QCoreApplication.translate
    if view.verified:
        return PublisherLine(
            translate("PublisherLabel", "✔ %1 — verified publisher").replace(
                "%1", view.name or "?"
            ),
            translate("PublisherLabel", "Signed by a key this computer trusts. Key: %1").replace(
                "%1", view.key or ""
            ),
            "verified",
        )
    if view.signed:
        fingerprint = view.fingerprint or "?"
        if view.name:
            text = (
                translate("PublisherLabel", "%1 — signed by an unknown publisher (%2)")
                .replace("%1", view.name)
                .replace("%2", fingerprint)
            )
        else:
            text = translate("PublisherLabel", "Signed by an unknown publisher (%1)").replace(
                "%1", fingerprint
            )
        tip = translate(
            "PublisherLabel",
            "Signed, but by a key this computer does not trust: the name it shows proves "
            "nothing. Trust the key in Settings only if its publisher gave it to you. Key: %1",
        ).replace("%1", view.key or "")
        return PublisherLine(text, tip, "unknown")
    text = (
        translate("PublisherLabel", "%1 — unsigned").replace("%1", view.name)
        if view.name
        else translate("PublisherLabel", "Unsigned")
    )
    tip = translate(
        "PublisherLabel",
        "This course is not signed: nothing proves who made it or that it is unchanged.",
    )
    return PublisherLine(text, tip, "unsigned")


def tone_colour(tone: Tone) -> QColor | None:
    """The palette colour of a tone; None for the ordinary text colour."""
    if tone == "verified":
        return QColor(style.current().success)
    if tone == "unsigned":
        return QColor(style.current().warning)
    return None  # neutral: the signature holds, but nothing says whose key it is


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
        if self.view is None:
            self.clear()
            self.hide()
            return
        line = publisher_line(self.view)
        self.setText(line.text)
        self.setToolTip(line.tip)
        self.setAccessibleName(line.text)
        # A palette colour, not a style sheet: a style sheet per label costs a re-polish each.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, tone_colour(line.tone) or self.neutral)
        self.setPalette(palette)
        self.show()
