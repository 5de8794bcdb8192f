"""The survey at the end of the course, and video lessons opening in the video view."""

from __future__ import annotations

from player.core.learning.survey import survey_answers
from player.ui.screens.survey import SurveyScreen
from tests.helpers.library import click_action


def test_survey_answers_reach_the_engine(qtbot, services) -> None:
    from player.core.learning.learners import ensure_default_learner

    services.learner = ensure_default_learner(services.context.db)
    # Module 2 opens once module 1 is complete; the survey itself never gates.
    from player.core.learning import quiz
    from player.core.learning.activity import record_position, record_reading
    from player.core.learning.state import course_state

    db, manifest = services.context.db, services.context.manifest("test-course")
    learner = services.learner.id
    for position in range(0, 21, 5):
        record_position(db, learner, manifest, "m1-intro", float(position), 20.0, elapsed=5.0)
    record_reading(db, learner, manifest, "m1-read", at_end=True)
    attempt = quiz.start_attempt(db, learner, manifest, "m1-quiz")
    quiz.answer(db, manifest, attempt.id, "q1", "b")
    quiz.answer(db, manifest, attempt.id, "q3", True)
    assert quiz.submit(db, manifest, attempt.id).passed
    assert course_state(db, services.learner.id, manifest).is_open("m2-survey")

    screen = SurveyScreen(services, "test-course", "m2-survey")
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: len(screen.questions) == 3)
    screen.submit()
    assert screen.message.text() == "Answer at least one question first."
    useful, pace, words = screen.questions
    useful.group.button(4).click()
    pace.group.buttons()[1].click()
    qtbot.keyClicks(words.text, "Merci beaucoup")
    with qtbot.waitSignal(screen.submitted, timeout=10_000):
        screen.submit_button.click()
    assert screen.message.text() == "Thank you! Your answers were saved."
    stored = survey_answers(db, services.learner.id, "test-course", "m2-survey")
    assert stored == {"useful": 4, "pace": "fine", "words": "Merci beaucoup"}


def test_the_outline_opens_a_video_lesson_in_the_video_view(qtbot, window, services) -> None:
    from player.core.learning.activity import record_position

    ctx = services.context
    record_position(
        ctx.db, services.learner_id, ctx.manifest("test-course"), "m1-intro", 7.0, 20.0, elapsed=7
    )
    with qtbot.waitSignal(window.screen_changed):
        click_action(qtbot, window.library)
    outline = window.current_screen()
    qtbot.waitUntil(lambda: outline.outline is not None)
    with qtbot.waitSignal(window.screen_changed, timeout=20_000):
        outline.lesson_buttons["m1-intro"].click()
    view = window.current_screen()
    assert view.objectName() == "video-lesson"
    assert view.lesson is not None and view.lesson.title == "Introduction"
    assert [source.label for source in view.lesson.sources] == ["480p", "240p", "audio"]
    assert view.lesson.has_next
    sink = view._sink
    assert sink is not None and sink.resume_position() == 7.0
    with qtbot.waitSignal(window.screen_changed, timeout=20_000):
        view.back_requested.emit()
    assert window.current_screen() is outline


def test_full_screen_video_hides_the_window_bars(qtbot, window, services) -> None:
    from PySide6.QtWidgets import QToolBar

    with qtbot.waitSignal(window.screen_changed):
        click_action(qtbot, window.library)
    outline = window.current_screen()
    qtbot.waitUntil(lambda: outline.outline is not None)
    with qtbot.waitSignal(window.screen_changed, timeout=20_000):
        outline.lesson_buttons["m1-intro"].click()
    view = window.current_screen()
    bars = window.findChildren(QToolBar)
    assert bars and all(bar.isVisible() for bar in bars)
    view.set_full_screen(True)
    assert not any(bar.isVisible() for bar in bars) and not window.statusBar().isVisible()
    view.set_full_screen(False)
    assert all(bar.isVisible() for bar in bars) and window.statusBar().isVisible()
