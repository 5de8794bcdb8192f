"""Shared widgets: text from a course package is shown as typed, never as HTML."""

from __future__ import annotations


def test_titles_and_notes_show_markup_as_typed(qapp) -> None:
    from PySide6.QtCore import Qt

    from player.ui.widgets.common import Heading, Note
    from player.ui.widgets.publisher import PublisherLabel

    for label in (Heading("<b>Cours</b>"), Note("<i>note</i>"), PublisherLabel()):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert Note().textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
