"""Shared widgets: text from a course package is shown as typed, never as HTML."""

from __future__ import annotations


def test_titles_and_notes_show_markup_as_typed(qapp) -> None:
    from PySide6.QtCore import Qt

    from player.ui.widgets.common import Heading, Note
    from player.ui.widgets.publisher import PublisherLabel

    for label in (Heading("<b>Cours</b>"), Note("<i>note</i>"), PublisherLabel()):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert Note().textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse


def test_the_online_dot_is_a_filled_circle_of_its_colour(qapp) -> None:
    from PySide6.QtGui import QColor

    from player.ui.widgets.icons import dot_icon

    image = dot_icon("#2e7d32").pixmap(14, 14).toImage()
    assert image.pixelColor(7, 7) == QColor("#2e7d32")  # the middle is filled
    assert image.pixelColor(0, 0).alpha() == 0  # the corners stay see-through
