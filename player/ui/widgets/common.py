"""Small building blocks shared by the screens."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QWidget,
)

from player.ui.style import SPACING, mark


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """The widget's font scaled by a factor: sizes follow the system font, never pixels."""
    return scaled(widget.font(), factor, bold=bold)


def scaled(base: QFont, factor: float, *, bold: bool = False) -> QFont:
    """A copy of ``base`` scaled by a factor (in points, or pixels for a pixel-sized font)."""
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        font.setPixelSize(round(font.pixelSize() * factor))
    font.setBold(bold)
    return font


class Heading(QLabel):
    """A title label; its size is relative to the system font, and follows the text size."""

    def __init__(self, text: str = "", factor: float = 1.5, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._factor = factor
        self.setFont(scaled_font(self, factor, bold=True))
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # a title from a package is no HTML
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def rescale(self, base: QFont) -> None:
        """Follow a new application font (the text size changed), keeping the proportion."""
        font = QFont(base)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * self._factor)
        elif font.pixelSize() > 0:
            font.setPixelSize(round(font.pixelSize() * self._factor))
        font.setBold(True)
        self.setFont(font)


class Note(QLabel):
    """Wrapped plain text, selectable with the keyboard for screen readers.

    An empty note (a message line with nothing to say yet) takes no focus, so a screen reader
    never lands on a nameless, silent label.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self._fit_focus()

    def clear(self) -> None:
        super().clear()
        self._fit_focus()

    def setTextInteractionFlags(self, flags: Qt.TextInteractionFlag) -> None:  # noqa: N802
        super().setTextInteractionFlags(flags)
        self._fit_focus()

    def _fit_focus(self) -> None:
        flags = self.textInteractionFlags()
        keyboard = (
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        if not self.text():
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        elif flags & keyboard:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # as QLabel sets it for these flags
        elif flags & Qt.TextInteractionFlag.TextSelectableByMouse:
            self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)


class Card(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("card")
        self.setProperty("card", True)  # drawn by player.ui.style's sheet


class Retranslatable:
    """Mixin: ``retranslate()`` runs when the UI language changes (and once at creation)."""

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


def show_error(parent: QWidget, title: str, message: str) -> None:
    """A one-line error, as the core wrote it, in a modal box (shown as typed: it may quote a
    package)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAccessibleName(title)
    box.exec()


def percent(value: float) -> str:
    """A 0..1 share as the UI language writes it ("40 %" in French, "40%" in English)."""
    number = QLocale().toString(round(value * 100))
    if QLocale().language() == QLocale.Language.French:
        return f"{number}\u202f%"
    return f"{number}%"


def lesson_header(back: QWidget, title: QWidget, *extras: QWidget) -> QHBoxLayout:
    """The one header of every lesson screen: back button, title, then extras (e.g. "2 / 5"),
    on the spacing scale."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, SPACING.s)
    row.setSpacing(SPACING.m)
    row.addWidget(back, 0, Qt.AlignmentFlag.AlignVCenter)
    row.addWidget(title, 1)
    for extra in extras:
        row.addWidget(extra, 0, Qt.AlignmentFlag.AlignVCenter)
    return row


def screen_margins(layout: QBoxLayout) -> QBoxLayout:
    """A screen's outer margins and gaps, from the spacing scale."""
    layout.setContentsMargins(SPACING.xl, SPACING.l, SPACING.xl, SPACING.l)
    layout.setSpacing(SPACING.m)
    return layout


def say(label: QLabel, text: str, *, ok: bool = False) -> None:
    """A message under a form: red for a problem, green for what worked (never red)."""
    mark(label, tone="success" if ok else "danger")
    label.setText(text)
