"""The library's cards as a learner uses them (issues 19 and 20): a grid that wraps with the
window, arrows and Enter, the menu from "⋯", the Menu key and Shift+F10, a double click, and
what a screen reader is told of each card."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from player.core.context import open_context
from player.core.paths import DataDir
from tests.helpers.courses import install_copies
from tests.helpers.library import card, cards, click, click_action, click_more, menu_action

COPIES = ["course-00", "course-01", "course-02"]


@pytest.fixture
def data_dir(data_dir: DataDir, tmp_path: Path) -> DataDir:
    """The test course and three more: "Cours 0", "Cours 1", "Cours 2", "Cours d'essai"."""
    ctx = open_context(data_dir)
    try:
        install_copies(ctx, len(COPIES), tmp_path / "copies")
    finally:
        ctx.close()
    return data_dir


@pytest.fixture
def library(qtbot, window):
    window.resize(1366, 740)
    qtbot.waitUntil(lambda: len(cards(window.library)) == 4)
    return window.library


def press(qtbot, widget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QApplication.processEvents()
    qtbot.keyClick(widget, key, modifier)


def test_the_cards_wrap_with_the_window_and_fit_a_netbook(qtbot, window, library) -> None:
    view = library.view
    assert [c.title for c in cards(library)] == ["Cours 0", "Cours 1", "Cours 2", "Cours d'essai"]
    tops = {view.visualRect(c.index).top() for c in cards(library)}
    assert len(tops) == 1  # 1366 pixels wide: the four on one row
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: view.visualRect(card(library, "test-course").index).top() > 0)
    rows = [view.visualRect(c.index).top() for c in cards(library)]
    assert rows[0] == rows[1] == rows[2] < rows[3]  # three a row, the fourth below
    # A whole card fits the netbook's library, drawn button included.
    assert view.visualRect(cards(library)[0].index).height() <= view.viewport().height()


def test_arrows_move_between_cards_and_enter_opens_the_current_one(qtbot, window, library) -> None:
    view = library.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    view.setCurrentIndex(cards(library)[0].index)
    press(qtbot, view, Qt.Key.Key_Right)
    assert view.currentIndex().row() == 1
    press(qtbot, view, Qt.Key.Key_End)
    assert view.currentIndex().row() == 3
    press(qtbot, view, Qt.Key.Key_Left)
    assert view.currentIndex().row() == 2
    with qtbot.waitSignal(library.course_requested) as opened:
        press(qtbot, view, Qt.Key.Key_Return)
    assert opened.args == ["course-02"]
    outline = window.current_screen()
    assert outline.objectName() == "outline-screen" and outline.course_id == "course-02"


@pytest.mark.parametrize(
    "keys",
    [
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
    ],
    ids=["menu key", "shift+f10"],
)
def test_the_menu_key_opens_the_current_cards_secondary_actions(qtbot, library, keys) -> None:
    view = library.view
    view.setFocus()
    view.setCurrentIndex(card(library, "course-01").index)
    press(qtbot, view, *keys)
    menu = library.menu
    qtbot.waitUntil(menu.isVisible)
    assert menu.accessibleName() == "More actions for Cours 1"
    # Under the card's "⋯", where a pointer would have opened it.
    more = view.card_geometry(view.currentIndex()).more
    assert menu.pos().y() == view.viewport().mapToGlobal(more.bottomLeft()).y()
    with qtbot.waitSignal(library.remove_requested) as asked:
        menu_action(menu, "remove-course").trigger()
    assert asked.args == ["course-01"]
    for box in QApplication.topLevelWidgets():  # "Remove … from this computer?": not now
        if box.isVisible() and box.objectName() != "main-window":
            box.close()


def test_the_drawn_buttons_open_the_course_and_its_menu(qtbot, window, library) -> None:
    menu = click_more(qtbot, library, "course-02")
    assert menu.accessibleName() == "More actions for Cours 2"
    assert library.view.currentIndex().row() == 2  # the card acted on is the current one
    menu.close()
    with qtbot.waitSignal(library.course_requested) as opened:
        click_action(qtbot, library, "course-01")
    assert opened.args == ["course-01"]
    assert window.current_screen().course_id == "course-01"


def test_a_right_click_opens_the_menu_and_a_double_click_opens_the_course(qtbot, library) -> None:
    view = library.view
    cover = card(library, "test-course").geometry().cover.center()
    global_point = view.viewport().mapToGlobal(cover)
    from PySide6.QtGui import QContextMenuEvent

    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, cover, global_point),
    )
    qtbot.waitUntil(library.menu.isVisible)
    assert library.menu.accessibleName() == "More actions for Cours d'essai"
    library.menu.close()
    with qtbot.waitSignal(library.course_requested) as opened:
        # A double click is a press and a release, then a second press that is the double
        # click (QTest sends only that one).
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cover)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cover)
    assert opened.args == ["test-course"]


def test_a_click_beside_the_buttons_opens_nothing(qtbot, library) -> None:
    opened: list[str] = []
    library.course_requested.connect(opened.append)
    geometry = card(library).geometry()
    click(qtbot, library, geometry.cover.center())
    click(qtbot, library, QPoint(geometry.action.right() + 2, geometry.action.center().y()))
    assert opened == [] and not library.menu.isVisible()


def test_screen_readers_hear_each_card_as_a_sentence(qtbot, library) -> None:
    first = card(library, "test-course")
    assert first.spoken == "Cours d'essai. Unsigned. 0 lessons of 5."
    assert first.described == (
        "Press Enter to start this course, or the Menu key to copy it to a USB stick or remove it."
    )
    # What Qt puts on the accessibility bus: the list, named, and an item per card.
    grid = QAccessible.queryAccessibleInterface(library.view)
    assert grid.role() == QAccessible.Role.List
    assert grid.text(QAccessible.Text.Name) == "My courses"
    assert grid.childCount() == 4
    item = grid.child(first.row)
    assert item.role() == QAccessible.Role.ListItem
    assert item.text(QAccessible.Text.Name) == first.spoken
    assert item.text(QAccessible.Text.Description) == first.described


def test_the_cards_follow_the_ui_language(qtbot, window, library, services) -> None:
    from player.ui.screens.settings import SettingsDialog

    dialog = SettingsDialog(services, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.save()
    first = card(library, "test-course")
    qtbot.waitUntil(lambda: first.action == "Commencer")
    assert first.lessons == "0 leçons sur 5" and first.publisher == "Non signé"
    assert first.spoken == "Cours d'essai. Non signé. 0 leçons sur 5."
    qtbot.waitUntil(lambda: library.view.accessibleName() == "Mes cours")
    assert menu_action(library.menu, "copy-to-usb").text() == "Copier sur une clé USB…"


def test_the_drawn_buttons_light_up_under_the_pointer(qtbot, library) -> None:
    from player.ui import style

    view = library.view
    action = card(library).geometry().action
    probe = QPoint(action.left() + 4, action.center().y())  # the button's colour, no text

    def colour() -> str:
        return view.viewport().grab().toImage().pixelColor(probe).name()

    assert colour() == style.current().accent
    qtbot.mouseMove(view.viewport(), action.center())
    qtbot.waitUntil(lambda: colour() == style.current().accent_hover)
    assert view.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor
    qtbot.mouseMove(view.viewport(), card(library).geometry().cover.center())
    qtbot.waitUntil(lambda: colour() == style.current().accent)
