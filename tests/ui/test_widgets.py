"""Shared widgets: text from a course package is shown as typed, never as HTML."""

from __future__ import annotations

import pytest


def test_titles_and_notes_show_markup_as_typed(qapp) -> None:
    from PySide6.QtCore import Qt

    from player.ui.widgets.common import Heading, Note
    from player.ui.widgets.publisher import PublisherLabel

    for label in (Heading("<b>Cours</b>"), Note("<i>note</i>"), PublisherLabel()):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert Note().textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse


def test_an_enum_property_with_a_wrong_name_is_refused(qapp) -> None:
    from PySide6.QtWidgets import QLabel

    from player.ui.widgets.common import set_enum_property

    with pytest.raises(ValueError, match="textFormat"):
        set_enum_property(QLabel(), "textFormat", "PlainTxt")
