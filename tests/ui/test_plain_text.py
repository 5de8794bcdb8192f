"""Package text is plain text everywhere (issue 14).

A course whose every text (title, description, publisher, modules, lessons, questions, choices,
explanations, survey prompts) is HTML — an ``<img>`` that would fetch a file and a ``<b>`` — goes
through every screen, dialog and message box: wherever it appears it is shown as typed, never
rendered. A learner's name is typed by another learner on a shared laptop: the same holds.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from player.core.paths import DataDir
from tests.helpers.courses import MEDIA, write_source
from tests.ui.conftest import course_document, png_bytes

MARK = '<img src="images/schema.png"><b>gras</b>'


def marked(text: str) -> str:
    return f"{text} {MARK}"


def mark_everything(doc: dict[str, Any]) -> dict[str, Any]:
    doc["title"] = marked(doc["title"])
    doc["description"] = marked(doc["description"])
    doc["publisher"] = {"name": marked("Éditeur")}
    for module in doc["modules"]:
        module["title"] = marked(module["title"])
        for lesson in module["lessons"]:
            lesson["title"] = marked(lesson["title"])
            for question in lesson.get("questions", []):
                question["prompt"] = marked(question["prompt"])
                if "explanation" in question:
                    question["explanation"] = marked(question["explanation"])
                for choice in question.get("choices", []):
                    choice["text"] = marked(choice["text"])
    return doc


@pytest.fixture
def course_source(tmp_path: Path) -> Path:
    media = dict(MEDIA)
    media["images/schema.png"] = png_bytes()
    return write_source(tmp_path / "source", mark_everything(course_document()), media)


def labels_showing_the_mark(root: QWidget) -> list[QLabel]:
    labels = [root] if isinstance(root, QLabel) else []
    labels += root.findChildren(QLabel)
    return [label for label in labels if MARK in label.text()]


def assert_shown_as_typed(root: QWidget) -> int:
    """Every label under ``root`` that shows the markup shows it as text; how many there are."""
    found = labels_showing_the_mark(root)
    rendered = [
        (label.objectName() or type(label).__name__, label.text())
        for label in found
        if label.textFormat() != Qt.TextFormat.PlainText
    ]
    assert rendered == []
    return len(found)


def drawn_on_the_cards(library: Any) -> list[str]:
    """The strings the library's delegate writes on its cards (with ``drawText``: a painter
    draws a string as its characters, it has no rich-text path)."""
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    drawn: list[str] = []

    class Recording(QPainter):
        def drawText(self, *args: Any) -> None:  # noqa: N802 - QPainter's
            drawn.extend(arg for arg in args if isinstance(arg, str))
            super().drawText(*args)

    view = library.view
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32)
    painter = Recording(image)
    for row in range(library.model.rowCount()):
        option = QStyleOptionViewItem()
        index = library.model.index(row)
        option.rect = view.visualRect(index)
        option.font = view.font()
        option.state = QStyle.StateFlag.State_Enabled
        option.widget = view
        view.itemDelegate().paint(painter, option, index)
    painter.end()
    return drawn


def assert_cards_show_it_as_typed(library: Any) -> int:
    """The cards draw package text as typed (tags as characters); how many strings show it.
    A screen reader reads it as typed too."""
    assert assert_shown_as_typed(library) == 0  # no label: the cards are painted
    drawn = [text for text in drawn_on_the_cards(library) if "<" in text or ">" in text]
    assert '"><b>gras</b>' in " ".join(drawn)  # the title, on its two lines
    spoken = [
        library.model.index(row).data(Qt.ItemDataRole.AccessibleTextRole)
        for row in range(library.model.rowCount())
    ]
    assert all(MARK in text for text in spoken)
    return len(drawn)


def watch_and_read(services: Any) -> None:
    """Module 1's video and reading, done through the engine as their screens report them."""
    from player.core.learning.activity import record_position, record_reading

    db, manifest = services.context.db, services.context.manifest("test-course")
    learner = services.learner_id
    for position in range(0, 21, 5):
        record_position(db, learner, manifest, "m1-intro", float(position), 20.0, elapsed=5.0)
    record_reading(db, learner, manifest, "m1-read", at_end=True)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[QMessageBox]]:
    """Message boxes the app shows, answered at once (their first button) and kept."""
    shown: list[QMessageBox] = []

    def record(box: QMessageBox) -> int:
        shown.append(box)
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", record)
    monkeypatch.setattr(QMessageBox, "open", record)
    # The static shortcuts make boxes that cannot be set to plain text: none may be used.
    for name in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *_a, _name=name, **_k: pytest.fail(_name))
    yield shown


def open_screen(qtbot: Any, window: Any, kind: str, lesson_id: str) -> QWidget:
    with qtbot.waitSignal(window.screen_changed, timeout=20_000):
        window.open_lesson("test-course", lesson_id, kind)
    qtbot.waitUntil(lambda: not window.services.tasks.busy)
    return window.current_screen()


def test_course_text_is_shown_as_typed_on_every_screen(
    qtbot, window, services, boxes: list[QMessageBox]
) -> None:
    shown: dict[str, int] = {}
    shown["library"] = assert_cards_show_it_as_typed(window.library)

    window.open_course("test-course")
    outline = window.current_screen()
    qtbot.waitUntil(lambda: outline.outline is not None)
    shown["outline"] = assert_shown_as_typed(outline)

    shown["reading"] = assert_shown_as_typed(open_screen(qtbot, window, "text", "m1-read"))
    shown["video"] = assert_shown_as_typed(open_screen(qtbot, window, "video", "m1-intro"))

    watch_and_read(services)
    quiz = open_screen(qtbot, window, "quiz", "m1-quiz")
    qtbot.waitUntil(lambda: len(quiz.pages) == 4)
    shown["quiz"] = assert_shown_as_typed(quiz)
    for index, key in ((0, "b"), (2, True)):  # enough to pass, and to open module 2
        quiz.go_to(index)
        with qtbot.waitSignal(quiz.saved, timeout=10_000):
            quiz.pages[index].buttons[key].click()
    with qtbot.waitSignal(quiz.submitted, timeout=10_000):
        quiz.submit(confirm=False)
    assert MARK in quiz.unlocked.text()  # "Unlocked: Module 2 … is now open."
    shown["quiz result"] = assert_shown_as_typed(quiz)
    feedback = quiz.feedback.toPlainText()
    assert MARK in feedback  # each question and explanation as typed, tags included

    survey = open_screen(qtbot, window, "survey", "m2-survey")
    shown["survey"] = assert_shown_as_typed(survey)

    assert {name for name, count in shown.items() if count == 0} == set()


def test_course_text_is_shown_as_typed_in_every_dialog(
    qtbot, window, services, data_dir: DataDir, tmp_path: Path, boxes: list[QMessageBox]
) -> None:
    from player.core.learning.learners import create_learner
    from player.core.package.pack import pack
    from player.ui.screens.add_course import AddCourseDialog
    from player.ui.screens.learners import LearnerDialog

    shown: dict[str, int] = {}
    # Another learner typed this name on a shared laptop.
    create_learner(services.context.db, marked("Ana"), pin="1234")

    learners = LearnerDialog(services, window)
    qtbot.addWidget(learners)
    learners.show()
    qtbot.waitUntil(lambda: learners.list.count() == 2)
    learners.list.setCurrentRow(
        next(row for row in range(2) if MARK in learners.list.item(row).text())
    )
    learners.switch_button.click()  # without the PIN
    assert MARK in learners.message.text()  # "Enter Ana …'s PIN."
    shown["learners"] = assert_shown_as_typed(learners)

    from player.core.learning.pins import mark_trainer_pin_offered

    mark_trainer_pin_offered(services.context.db)  # two learners: else it offers a trainer PIN
    dashboard = window.open_dashboard()
    qtbot.waitUntil(lambda: not services.tasks.busy)
    assert_shown_as_typed(dashboard)  # the course's title is in its list, which shows no HTML
    titles = [dashboard.course.itemText(row) for row in range(dashboard.course.count())]
    assert any(MARK in title for title in titles)

    stick = tmp_path / "stick"
    stick.mkdir()
    pack(tmp_path / "source", stick / "cours.zip")
    services.mount_points = lambda: [stick]
    copy = window.library.copy_to_usb("test-course")
    qtbot.waitUntil(lambda: not services.tasks.busy)
    shown["copy to USB"] = assert_shown_as_typed(copy)

    add = AddCourseDialog(services, window)
    qtbot.addWidget(add)
    add.show()
    qtbot.waitUntil(lambda: not services.tasks.busy)
    shown["USB sticks"] = assert_shown_as_typed(add)
    with qtbot.waitSignal(add.planned, timeout=20_000):
        add.read_plan(str(stick / "cours.zip"))
    shown["plan"] = assert_shown_as_typed(add)
    with qtbot.waitSignal(add.failed, timeout=20_000):
        add.read_plan(str(tmp_path / '<img src="x.png"><b>gras<b>.zip'))
    assert '<img src="x.png"><b>gras<b>.zip' in add.message.text()
    assert add.message.textFormat() == Qt.TextFormat.PlainText

    # Dialogs that show no package text still show whatever they show as typed.
    from player.ui.screens.settings import SettingsDialog

    settings = SettingsDialog(services, window)
    qtbot.addWidget(settings)
    settings.show()
    assert_shown_as_typed(settings)
    assert_shown_as_typed(window.open_sync_details())
    qtbot.waitUntil(lambda: not services.tasks.busy)
    assert_shown_as_typed(window)

    assert {name for name, count in shown.items() if count == 0} == set()


def test_messages_quoting_a_package_are_shown_as_typed(
    qtbot, window, services, boxes: list[QMessageBox]
) -> None:
    from player.core.trust import KeyChangedError
    from player.ui.app import _cannot_start, ask_to_start_afresh
    from player.ui.screens.add_course import AddCourseDialog
    from player.ui.widgets.common import show_error

    show_error(window, "Course Player", marked("Cannot open this lesson"))
    ask_to_start_afresh(marked("The progress database is damaged"))
    _cannot_start(marked("Cannot open"), exit_when_ready=False)
    add = AddCourseDialog(services, window)
    qtbot.addWidget(add)
    old_key = "ed25519:" + base64.b64encode(bytes(32)).decode()
    new_key = "ed25519:" + base64.b64encode(bytes(range(32))).decode()
    add.confirm_new_key(KeyChangedError(marked("key changed"), marked("course"), old_key, new_key))
    assert len(boxes) == 4
    for box in boxes:
        assert assert_shown_as_typed(box) >= 1
