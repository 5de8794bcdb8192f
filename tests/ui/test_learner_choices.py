"""The learner-side choices of issue 15: text size everywhere, the placeholder profile renamed
with the language, Qt's own dialogs in the UI language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from player.core.learning.learners import list_learners
from player.core.learning.preferences import get_preferences, set_preferences
from player.ui import text_size
from tests.helpers.library import card


def point_size() -> float:
    return QApplication.font().pointSizeF()


def test_the_text_size_setting_applies_everywhere_and_is_remembered(
    qtbot, window, services
) -> None:
    base = point_size()
    heading = window.library.heading
    heading_size = heading.font().pointSizeF()
    cards = window.library.view
    first = card(window.library).index
    card_height = cards.visualRect(first).height()
    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    dialog.text_size.setCurrentIndex(dialog.text_size.findData(130))
    dialog.save()
    try:
        assert point_size() == pytest.approx(base * 1.3)
        assert heading.font().pointSizeF() == pytest.approx(heading_size * 1.3)
        qtbot.waitUntil(lambda: cards.font().pointSizeF() == pytest.approx(base * 1.3))
        # The cards' text grows, and the cards with it.
        qtbot.waitUntil(lambda: cards.visualRect(first).height() > card_height)
        qtbot.waitUntil(lambda: not services.tasks.busy)
        assert get_preferences(services.context.db, services.learner_id).text_size == 130
    finally:
        text_size.apply(100)
    assert point_size() == pytest.approx(base)


def test_ctrl_plus_on_a_reading_page_enlarges_the_text_and_is_remembered(
    qtbot, window, services
) -> None:
    from tests.ui.test_course_flow import open_lesson, open_outline

    base = point_size()
    outline = open_outline(qtbot, window)
    page = open_lesson(qtbot, window, outline, "m1-read")
    qtbot.waitExposed(page)
    page.browser.setFocus()
    try:
        qtbot.keyClick(page.browser, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        assert point_size() == pytest.approx(base * 1.15)
        qtbot.waitUntil(lambda: page.browser.font().pointSizeF() == pytest.approx(base * 1.15))
        qtbot.keyClick(page.browser, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(page.browser, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
        assert point_size() == pytest.approx(base * 0.9)
        qtbot.waitUntil(lambda: not services.tasks.busy)
        assert get_preferences(services.context.db, services.learner_id).text_size == 90
    finally:
        text_size.apply(100)


def test_a_learner_s_text_size_applies_when_their_profile_is_read(qtbot, services) -> None:
    from player.ui.main_window import MainWindow

    base = point_size()
    db = services.context.db
    from player.core.learning.learners import ensure_default_learner

    set_preferences(db, ensure_default_learner(db, "Learner").id, text_size=150)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show_when_ready()
    try:
        qtbot.waitUntil(lambda: point_size() == pytest.approx(base * 1.5))
    finally:
        window.close()
        text_size.apply(100)


def test_the_placeholder_profile_is_renamed_on_a_language_switch(qtbot, window, services) -> None:
    assert services.learner.name == "Learner"
    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.save()
    qtbot.waitUntil(lambda: services.learner.name == "Apprenant")
    assert window.action_learner.text() == "Apprenant\xa0: Apprenant"
    assert [learner.name for learner in list_learners(services.context.db)] == ["Apprenant"]


def test_a_renamed_profile_keeps_its_name_on_a_language_switch(qtbot, window, services) -> None:
    from player.core.learning.learners import rename_learner

    rename_learner(services.context.db, services.learner_id, "Aminata")
    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.save()
    qtbot.waitUntil(lambda: not services.tasks.busy)
    assert [learner.name for learner in list_learners(services.context.db)] == ["Aminata"]


def test_qt_s_own_dialogs_speak_the_ui_language(services) -> None:
    """PySide6-Essentials ships qtbase_fr.qm; the file picker's buttons come from it."""
    services.translations.apply("fr")
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "&Nom de fichier\xa0:"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    services.translations.apply("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
