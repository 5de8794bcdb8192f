"""Open a course, do module 1, pass its quiz and see module 2 unlock; retry a failed quiz."""

from __future__ import annotations

from PySide6.QtCore import Qt

from player.core.learning.activity import record_position
from player.core.learning.quiz import open_attempt
from player.core.learning.state import course_state
from tests.helpers.library import cards, click_action


def open_outline(qtbot, window):
    with qtbot.waitSignal(window.screen_changed):
        click_action(qtbot, window.library)  # the first card's "Start"
    outline = window.current_screen()
    qtbot.waitUntil(lambda: outline.outline is not None)
    return outline


def state_of(services):
    ctx = services.context
    return course_state(ctx.db, services.learner_id, ctx.manifest("test-course"))


def watch_intro_video(services) -> None:
    """Module 1's video, watched through the engine as the video view would report it."""
    ctx = services.context
    manifest = ctx.manifest("test-course")
    for position in range(0, 21, 5):
        record_position(
            ctx.db, services.learner_id, manifest, "m1-intro", float(position), 20.0, elapsed=5.0
        )


def open_lesson(qtbot, window, outline, lesson_id: str):
    with qtbot.waitSignal(window.screen_changed, timeout=10_000):
        qtbot.mouseClick(outline.lesson_buttons[lesson_id], Qt.MouseButton.LeftButton)
    return window.current_screen()


def answer_quiz(qtbot, quiz, answers: dict) -> None:
    """Answer through the widgets, one page at a time, waiting for each save."""
    for index, page in enumerate(quiz.pages):
        quiz.go_to(index)
        value = answers.get(page.question.id)
        if value is None:
            continue
        with qtbot.waitSignal(quiz.saved, timeout=10_000):
            if page.line is not None:
                qtbot.keyClicks(page.line, value)
                quiz.go_to(index)  # leaving or re-entering the page flushes the text
            else:
                for key in value if isinstance(value, list) else [value]:
                    page.buttons[key].click()


def test_library_lists_the_installed_course(window) -> None:
    assert [card.title for card in cards(window.library)] == ["Cours d'essai"]
    assert window.services.learner is not None


def test_outline_shows_states_and_the_lock_reason(qtbot, window) -> None:
    outline = open_outline(qtbot, window)
    assert outline.title.text() == "Cours d'essai"
    reason = outline.module_notes["m2"].text()
    assert "40%" in reason and "Quiz 1" in reason and "Module 1" in reason
    assert not outline.lesson_buttons["m2-read"].isEnabled()
    assert outline.lesson_buttons["m1-intro"].is_next
    assert outline.continue_button.text() == "Start the course"


def test_passing_the_quiz_unlocks_the_next_module(qtbot, window, services) -> None:
    outline = open_outline(qtbot, window)
    watch_intro_video(services)

    reading = open_lesson(qtbot, window, outline, "m1-read")
    assert reading.objectName() == "reading-screen"
    qtbot.waitUntil(lambda: state_of(services).lesson("m1-read").status == "complete")
    with qtbot.waitSignal(window.screen_changed):
        reading.back.click()
    qtbot.waitUntil(lambda: outline.lesson_buttons["m1-read"].state.value == "done")

    quiz = open_lesson(qtbot, window, outline, "m1-quiz")
    qtbot.waitUntil(lambda: bool(quiz.pages))
    answer_quiz(qtbot, quiz, {"q1": "b", "q2": ["a"], "q3": True, "q4": "Reformuler"})
    attempt = open_attempt(services.context.db, services.learner_id, "test-course", "m1-quiz")
    assert attempt is not None
    assert attempt.answers == {"q1": "b", "q2": ["a"], "q3": True, "q4": "Reformuler"}

    with qtbot.waitSignal(quiz.submitted, timeout=10_000):
        quiz.submit_button.click()
    assert quiz.verdict.text() == "✓ Passed"
    assert "75%" in quiz.score.text() and "40%" in quiz.score.text()
    assert quiz.unlocked.isVisibleTo(quiz) and "Module 2" in quiz.unlocked.text()
    assert "B est juste." in quiz.feedback.toPlainText()

    with qtbot.waitSignal(outline.loaded, timeout=10_000):
        quiz.to_outline.click()
    assert window.current_screen() is outline
    assert outline.lesson_buttons["m2-read"].isEnabled()
    assert outline.module_notes["m1"].text() == "Module complete."
    assert outline.lesson_buttons["m2-read"].is_next


def test_a_failed_attempt_can_be_retried_and_resumes_answers(qtbot, window, services) -> None:
    outline = open_outline(qtbot, window)
    quiz = open_lesson(qtbot, window, outline, "m1-quiz")
    qtbot.waitUntil(lambda: bool(quiz.pages))
    answer_quiz(qtbot, quiz, {"q1": "a"})

    # Leaving and reopening resumes the same attempt with the answer given.
    with qtbot.waitSignal(window.screen_changed):
        quiz.back.click()
    quiz = open_lesson(qtbot, window, outline, "m1-quiz")
    qtbot.waitUntil(lambda: bool(quiz.pages))
    assert quiz.pages[0].value() == "a"
    assert quiz.index == 1  # the first unanswered question

    with qtbot.waitSignal(quiz.submitted, timeout=10_000):
        quiz.submit(confirm=False)
    assert quiz.verdict.text() == "Not passed yet"
    assert not quiz.unlocked.isVisibleTo(quiz)
    # A failed attempt shows which answers were wrong, not the right ones (after_pass).
    feedback = quiz.feedback.toPlainText()
    assert "1. Choisir b\n✗ Not correct\nYour answer: A" in feedback
    assert "Correct answer" not in feedback and "B est juste" not in feedback
    assert "The right answers are shown once you pass this quiz." in feedback
    # The header's best score counts the attempt just made.
    assert "Your best score so far: 0%." in quiz.info.text()

    with qtbot.waitSignal(quiz.loaded, timeout=10_000):
        quiz.retry.click()
    assert all(page.value() is None for page in quiz.pages)
    assert quiz.pages_stack.currentIndex() == 0


def test_continue_goes_on_after_the_last_lesson_done(qtbot, window, services) -> None:
    outline = open_outline(qtbot, window)
    reading = open_lesson(qtbot, window, outline, "m1-read")  # short: read once shown
    with qtbot.waitSignal(outline.loaded, timeout=10_000):
        reading.back.click()
    assert outline.continue_button.text() == "Continue where I stopped"
    assert outline.lesson_buttons["m1-quiz"].is_next
    with qtbot.waitSignal(window.screen_changed, timeout=10_000):
        outline.continue_button.click()
    assert window.current_screen().objectName() == "quiz-screen"


def test_the_outline_says_the_survey_is_not_counted(qtbot, window, services) -> None:
    from player.core.learning.activity import record_reading
    from player.core.learning.quiz import answer, start_attempt, submit

    ctx = services.context
    manifest = ctx.manifest("test-course")
    watch_intro_video(services)
    record_reading(ctx.db, services.learner_id, manifest, "m1-read", at_end=True)
    attempt = start_attempt(ctx.db, services.learner_id, manifest, "m1-quiz")
    answer(ctx.db, manifest, attempt.id, "q1", "b")
    answer(ctx.db, manifest, attempt.id, "q2", ["a", "c"])
    submit(ctx.db, manifest, attempt.id)
    outline = open_outline(qtbot, window)
    # Module 2: a reading page, a quiz and a survey; the survey is listed but not counted.
    assert outline.module_notes["m2"].text() == (
        "0 of 2 lessons done. 1 optional survey(s), not counted."
    )


def test_a_quiz_whose_publisher_always_reveals_shows_the_right_answers(
    qtbot, tmp_path, qapp
) -> None:
    import json

    from player.core.context import open_context
    from player.core.install import install
    from player.core.package.pack import pack
    from player.core.package.reader import FolderSource
    from player.core.paths import DataDir
    from player.ui.i18n import Translations
    from player.ui.main_window import MainWindow
    from player.ui.services import build_services
    from tests.helpers.courses import write_source
    from tests.ui.conftest import course_document

    doc = course_document()
    doc["reveal_answers"] = "never"  # the course's rule ...
    doc["modules"][0]["lessons"][2]["reveal_answers"] = "always"  # ... a quiz overrides it
    source = write_source(tmp_path / "source", json.loads(json.dumps(doc)))
    data = DataDir(tmp_path / "data")
    ctx = open_context(data)
    try:
        install(ctx, FolderSource(pack(source, tmp_path / "package").dest))
    finally:
        ctx.close()
    translations = Translations(qapp)
    translations.apply("fr")
    services = build_services(data, translations=translations)
    window = MainWindow(services)
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitUntil(lambda: not services.tasks.busy)
        outline = open_outline(qtbot, window)
        quiz = open_lesson(qtbot, window, outline, "m1-quiz")
        qtbot.waitUntil(lambda: bool(quiz.pages))
        answer_quiz(qtbot, quiz, {"q3": False})
        with qtbot.waitSignal(quiz.submitted, timeout=10_000):
            quiz.submit(confirm=False)
        feedback = quiz.feedback.toPlainText()
        # "False" is an answer: the mark says "Réponse incorrecte", never "✗ Faux" (toPlainText
        # writes the no-break spaces as spaces).
        assert "✗ Réponse incorrecte\nVotre réponse : Faux\nBonne réponse : Vrai" in feedback
        assert "✗ Faux" not in feedback
    finally:
        window.close()  # its screens and timers go before the services they use
        services.close()
        translations.apply("en")
