"""The library's cards as a learner meets them, for UI tests.

The cards are painted by a delegate (``player.ui.widgets.course_cards``), not widgets: a test
reads what a card shows through the model's roles (the texts the delegate draws) and clicks
its drawn buttons where the view lays them out, as a pointer would.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu

from player.ui.widgets.course_cards import CardGeometry, CardRole


@dataclass(frozen=True)
class Card:
    """What one card shows."""

    library: Any  # the LibraryScreen
    row: int

    @property
    def index(self) -> QModelIndex:
        return self.library.model.index(self.row)

    def role(self, role: int) -> Any:
        return self.index.data(role)

    @property
    def course_id(self) -> str:
        return str(self.role(CardRole.COURSE_ID))

    @property
    def title(self) -> str:
        return str(self.role(Qt.ItemDataRole.DisplayRole))

    @property
    def action(self) -> str:
        """The primary action's text: "Start" / "Continue"."""
        return str(self.role(CardRole.ACTION))

    @property
    def lessons(self) -> str:
        return str(self.role(CardRole.LESSONS))

    @property
    def progress(self) -> float:
        return float(self.role(CardRole.PROGRESS))

    @property
    def publisher(self) -> str | None:
        return self.role(CardRole.PUBLISHER)

    @property
    def publisher_tip(self) -> str | None:
        return self.role(CardRole.PUBLISHER_TIP)

    @property
    def spoken(self) -> str:
        """What a screen reader says of the card (its accessible text)."""
        return str(self.role(Qt.ItemDataRole.AccessibleTextRole))

    @property
    def described(self) -> str:
        return str(self.role(Qt.ItemDataRole.AccessibleDescriptionRole))

    def geometry(self) -> CardGeometry:
        """Where the card's parts are, in the view's viewport (scrolled into view first)."""
        view = self.library.view
        view.scrollTo(self.index)
        QApplication.processEvents()
        return view.card_geometry(self.index)


def cards(library: Any) -> list[Card]:
    """The cards the library shows, in order."""
    return [Card(library, row) for row in range(library.model.rowCount())]


def card(library: Any, course_id: str | None = None) -> Card:
    """The card of ``course_id`` (the first card when None)."""
    shown = cards(library)
    assert shown, "the library shows no course"
    if course_id is None:
        return shown[0]
    return next(c for c in shown if c.course_id == course_id)


def course_ids(library: Any) -> list[str]:
    return [c.course_id for c in cards(library)]


def click(qtbot: Any, library: Any, point: QPoint) -> None:
    qtbot.mouseClick(library.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def click_action(qtbot: Any, library: Any, course_id: str | None = None) -> None:
    """Click a card's primary action ("Start" / "Continue") where it is drawn."""
    click(qtbot, library, card(library, course_id).geometry().action.center())


def click_more(qtbot: Any, library: Any, course_id: str | None = None) -> QMenu:
    """Click a card's "⋯" where it is drawn; the menu that opens."""
    click(qtbot, library, card(library, course_id).geometry().more.center())
    menu = library.menu
    qtbot.waitUntil(menu.isVisible)
    return menu


def menu_action(menu: QMenu, name: str) -> Any:
    """The menu's action of this object name (``copy-to-usb``, ``remove-course``)."""
    return next(a for a in menu.actions() if a.objectName() == name)
