"""The demo course with the keyboard alone, in French (issue 15, item 1).

Every step is a key event sent to the widget that has the focus, as a keyboard user's keys
would be: no ``click()``, no value set on a widget. Only where the test has to start (the
survey, behind two modules of videos) does it open a screen itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from player.core.learning.quiz import open_attempt

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
DEMO = "demo-communication"


@pytest.fixture
def demo_window(qtbot, qapp, tmp_path: Path) -> Iterator[object]:
    """The main window over a data folder holding the demo course, in French."""
    from player.core.context import open_context
    from player.core.demo import install_demo_course
    from player.core.paths import DataDir
    from player.ui.i18n import Translations
    from player.ui.main_window import MainWindow
    from player.ui.services import build_services

    data = DataDir(tmp_path / "data")
    ctx = open_context(data)
    install_demo_course(ctx)
    ctx.close()
    translations = Translations(qapp)
    translations.apply("fr")
    services = build_services(data, translations=translations)
    services.install_demo = False
    window = MainWindow(services)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: bool(window.library.courses) and not services.tasks.busy)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield window
    window.close()
    window.deleteLater()  # with its sync monitor, whose first check is still pending
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    services.close()
    translations.apply("en")


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    # Between two keys a person leaves the event loop time to run (widgets just added to a
    # shown screen appear through it).
    QApplication.processEvents()
    qtbot.keyClick(focused(), key, modifier)


def tab_to(qtbot, wanted: Callable[[QWidget], bool], limit: int = 40) -> QWidget:
    """Press Tab until the focus is on a widget ``wanted`` accepts; fail if it never comes."""
    seen = []
    QApplication.processEvents()
    for _ in range(limit):
        widget = focused()
        if wanted(widget):
            return widget
        seen.append(f"{type(widget).__name__}:{widget.objectName()}")
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached the widget; it went through {seen}")


def tab_order(qtbot, count: int) -> list[QWidget]:
    order = []
    for _ in range(count):
        order.append(focused())
        press(qtbot, Qt.Key.Key_Tab)
    return order


def open_demo_quiz_by_keys(qtbot, window) -> object:
    tab_to(qtbot, lambda w: w is window.library.view)  # the cards: the first one is current
    assert window.library.view.currentIndex().row() == 0
    with qtbot.waitSignal(window.screen_changed):
        press(qtbot, Qt.Key.Key_Return)
    outline = window.current_screen()
    qtbot.waitUntil(lambda: outline.outline is not None)
    qtbot.waitUntil(lambda: outline.lesson_buttons["m1-quiz"].isVisible())
    tab_to(qtbot, lambda w: w is outline.lesson_buttons["m1-quiz"])
    with qtbot.waitSignal(window.screen_changed, timeout=10_000):
        press(qtbot, Qt.Key.Key_Space)
    quiz = window.current_screen()
    assert quiz.objectName() == "quiz-screen"
    qtbot.waitUntil(lambda: bool(quiz.pages))
    return quiz


def next_question(qtbot, quiz) -> None:
    index = quiz.index
    tab_to(qtbot, lambda w: w is quiz.next)
    press(qtbot, Qt.Key.Key_Space)
    assert quiz.index == index + 1


def test_the_demo_quiz_is_passed_with_the_keyboard_alone(qtbot, demo_window) -> None:
    window = demo_window
    quiz = open_demo_quiz_by_keys(qtbot, window)
    services = window.services

    # Q1, one answer: the focus is on the first choice; Down moves to the second, Space picks.
    assert focused() is quiz.pages[0].buttons["a"]
    press(qtbot, Qt.Key.Key_Down)
    assert focused() is quiz.pages[0].buttons["b"]
    with qtbot.waitSignal(quiz.saved, timeout=10_000):
        press(qtbot, Qt.Key.Key_Space)
    next_question(qtbot, quiz)

    # Q2, several answers: Space ticks, Down and Tab both reach every checkbox.
    page = quiz.pages[1]
    assert focused() is page.buttons["a"]
    with qtbot.waitSignal(quiz.saved, timeout=10_000):
        press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Down)
    assert focused() is page.buttons["b"]
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.buttons["c"]
    with qtbot.waitSignal(quiz.saved, timeout=10_000):
        press(qtbot, Qt.Key.Key_Space)
    next_question(qtbot, quiz)

    # Q3, true or false: "Faux" is the second choice.
    assert focused() is quiz.pages[2].buttons[True]
    press(qtbot, Qt.Key.Key_Down)
    with qtbot.waitSignal(quiz.saved, timeout=10_000):
        press(qtbot, Qt.Key.Key_Space)
    next_question(qtbot, quiz)

    # Q4, a typed answer: Enter saves it and moves on.
    assert focused() is quiz.pages[3].line
    qtbot.keyClicks(focused(), "reformuler")
    with qtbot.waitSignal(quiz.saved, timeout=10_000):
        press(qtbot, Qt.Key.Key_Return)
    assert quiz.index == 4

    # Q5, true or false: Space picks "Vrai", which has the focus.
    assert focused() is quiz.pages[4].buttons[True]
    with qtbot.waitSignal(quiz.saved, timeout=10_000):
        press(qtbot, Qt.Key.Key_Space)

    attempt = open_attempt(services.context.db, services.learner_id, DEMO, "m1-quiz")
    assert attempt is not None
    assert attempt.answers == {
        "q1": "b",
        "q2": ["a", "c"],
        "q3": False,
        "q4": "reformuler",
        "q5": True,
    }

    # "Valider mes réponses" is reached by Tab after the answers, and Space submits.
    tab_to(qtbot, lambda w: w is quiz.submit_button)
    with qtbot.waitSignal(quiz.submitted, timeout=10_000):
        press(qtbot, Qt.Key.Key_Space)
    assert quiz.verdict.text() == "✓ Réussi"
    assert focused() is quiz.next_lesson  # the way on has the focus, and says the result
    assert focused().accessibleDescription().startswith("✓ Réussi. Votre score")


def test_answers_come_before_the_buttons_in_the_tab_order(qtbot, demo_window) -> None:
    quiz = open_demo_quiz_by_keys(qtbot, demo_window)
    next_question(qtbot, quiz)  # to the multiple-choice question
    page = quiz.pages[1]
    order = tab_order(qtbot, 7)
    assert order == [*page.buttons.values(), quiz.previous, quiz.next, quiz.submit_button]


def test_ctrl_enter_submits_and_enter_after_the_last_typed_answer_too(qtbot, demo_window) -> None:
    quiz = open_demo_quiz_by_keys(qtbot, demo_window)
    for _ in range(3):
        next_question(qtbot, quiz)
    assert focused() is quiz.pages[3].line
    qtbot.keyClicks(focused(), "reformuler")
    with qtbot.waitSignal(quiz.saved, timeout=10_000):
        press(qtbot, Qt.Key.Key_Return)
    assert quiz.index == 4
    # Unanswered questions remain: Ctrl+Enter asks first; Escape keeps the quiz open.
    QApplication.processEvents()

    asked: list[str] = []

    def dismiss() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, dismiss)  # the question is not up yet
            return
        asked.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    QApplication.processEvents()
    QTimer.singleShot(0, dismiss)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked and "pas encore de réponse" in asked[0]
    assert quiz.pages_stack.currentIndex() == 0


def test_tab_reaches_the_tool_bar_then_the_screen_then_the_status_bar(qtbot, demo_window) -> None:
    window = demo_window
    window.resize(1366, 740)  # every tool bar button shows (a netbook's: test below)
    tab_to(qtbot, lambda w: w is window.toolbar.widgetForAction(window.action_library))
    order = tab_order(qtbot, len(window.tab_chain()))
    toolbar = [window.toolbar.widgetForAction(a) for a in window.toolbar.actions()]
    names = [w.objectName() for w in order]
    assert window.toolbar.widgetForAction(window.action_shortcuts) in order
    cards = window.library.view
    assert cards in order
    assert order.index(cards) > max(order.index(w) for w in order if w in toolbar)
    assert order.index(window.sync_details_button) > order.index(cards), names


def test_alt_left_goes_back(qtbot, demo_window) -> None:
    window = demo_window
    quiz = open_demo_quiz_by_keys(qtbot, window)
    assert window.current_screen() is quiz
    with qtbot.waitSignal(window.screen_changed):
        press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_screen().objectName() == "outline-screen"


def test_f1_lists_the_shortcuts_in_french(qtbot, demo_window) -> None:
    window = demo_window
    press(qtbot, Qt.Key.Key_F1)
    dialog = window._dialogs.get("shortcuts")
    assert dialog is not None and dialog.windowTitle() == "Raccourcis clavier"
    rows = dict(dialog.rows())
    assert rows["Alt+Flèche gauche"] == "Retour"
    assert rows["Ctrl+Entrée"] == "Valider les réponses"
    assert rows["Espace"]  # key names in French too
    tooltip = window.toolbar.widgetForAction(window.action_shortcuts).toolTip()
    assert "F1" in tooltip


def test_the_focused_widget_has_a_visible_ring(qtbot, demo_window) -> None:
    from PySide6.QtWidgets import QFocusFrame

    from player.ui import style

    window = demo_window
    button = window.library.export_progress
    tab_to(qtbot, lambda w: w is button)
    rings = [f for f in window.findChildren(QFocusFrame) if f.isVisible()]
    assert len(rings) == 1
    ring = rings[0]
    assert ring.widget() is button
    assert ring.geometry().contains(button.geometry())
    image = ring.grab().toImage()
    middle_top = image.pixelColor(image.width() // 2, 0)
    assert middle_top.name() == style.current().focus


def test_the_current_card_wears_the_ring(qtbot, demo_window) -> None:
    from PySide6.QtWidgets import QFocusFrame

    from player.ui import style

    window = demo_window
    view = window.library.view
    tab_to(qtbot, lambda w: w is view)
    # No ring around the whole list: the card the arrows and Enter act on wears it.
    assert not [f for f in window.findChildren(QFocusFrame) if f.isVisible()]
    rect = view.visualRect(view.currentIndex())
    image = view.viewport().grab().toImage()
    assert image.pixelColor(rect.center().x(), rect.top() + 1).name() == style.current().focus
    view.clearFocus()
    image = view.viewport().grab().toImage()
    assert image.pixelColor(rect.center().x(), rect.top() + 1).name() != style.current().focus


def complete_all_but_the_survey(services) -> None:
    """Every video watched, page read and quiz passed, through the learning engine."""
    from player.core.learning.activity import record_position, record_reading
    from player.core.learning.quiz import answer, start_attempt, submit

    db, learner = services.context.db, services.learner_id
    manifest = services.context.manifest(DEMO)
    for lesson in manifest.lessons:
        if lesson.type == "video":
            for position in range(0, int(lesson.duration) + 5, 5):
                at = min(float(position), lesson.duration)
                record_position(db, learner, manifest, lesson.id, at, lesson.duration, elapsed=5.0)
        elif lesson.type == "text":
            record_reading(db, learner, manifest, lesson.id, elapsed=240, at_end=True)
        elif lesson.type == "quiz":
            attempt = start_attempt(db, learner, manifest, lesson.id)
            for question in lesson.questions:
                right = list(question.answer)
                value = right if question.kind == "multiple" else right[0]
                answer(db, manifest, attempt.id, question.id, value)
            assert submit(db, manifest, attempt.id).passed


def test_the_survey_is_answered_with_the_keyboard_alone(qtbot, demo_window) -> None:
    from player.core.learning.survey import survey_answers

    window = demo_window
    complete_all_but_the_survey(window.services)
    window.open_lesson(DEMO, "m2-avis", "survey")  # where the test starts: behind two modules
    survey = window.current_screen()
    qtbot.waitUntil(lambda: bool(survey.questions))
    usefulness, videos, length, ideas = survey.questions

    # The focus starts on the first rating; Right moves along the scale, Space picks.
    assert focused() is usefulness.group.button(1)
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Right)
    assert focused() is usefulness.group.button(4)
    assert focused().accessibleName() == "4 sur 5"
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Tab)  # the next question, not the other buttons of this scale
    assert focused() is videos.group.button(1)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is length.group.button(0)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is ideas.text
    qtbot.keyClicks(focused(), "Plus d'exemples")
    press(qtbot, Qt.Key.Key_Tab)  # Tab leaves the text box for "Envoyer mes réponses"
    assert focused() is survey.submit_button
    with qtbot.waitSignal(survey.submitted, timeout=10_000):
        press(qtbot, Qt.Key.Key_Space)

    services = window.services
    answers = survey_answers(services.context.db, services.learner_id, DEMO, "m2-avis")
    assert answers == {
        "utilite": 4,
        "videos": 2,
        "duree": "adaptee",
        "suggestions": "Plus d'exemples",
    }


def test_tool_bar_actions_that_do_not_fit_are_reached_through_more(qtbot, demo_window) -> None:
    window = demo_window
    window.resize(700, 600)
    qtbot.waitUntil(lambda: not window.toolbar.widgetForAction(window.action_shortcuts).isVisible())
    more = window.toolbar.findChild(QWidget, "qt_toolbar_ext_button")
    assert more is not None and more.isVisible()
    tab_to(qtbot, lambda w: w is more)
    assert more.accessibleName() == "Plus d’actions"
