"""The Screen contract: the window talks to every page the same way, and pages redraw from the
changes operations announce, never from refresh() calls placed by hand."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from player.core.paths import DataDir
from player.core.sync.status import sync_status
from player.ui.services import Services, build_services
from tests.helpers.library import card, course_ids
from tests.ui.test_course_flow import answer_quiz, open_lesson, open_outline

ROOT = Path(__file__).resolve().parents[2]


def counting_reads(screen: QWidget) -> list[str]:
    """Record each time ``screen`` reads its data again."""
    reads: list[str] = []
    read = screen.refresh

    def refresh() -> None:
        reads.append(screen.objectName())
        read()

    screen.refresh = refresh  # type: ignore[attr-defined]
    return reads


def test_a_submitted_quiz_reaches_status_line_outline_and_library_without_a_refresh_call(
    qtbot, window, services
) -> None:
    resets: list[None] = []
    window.library.model.modelReset.connect(lambda: resets.append(None))
    assert card(window.library).progress == 0
    outline = open_outline(qtbot, window)
    outline_reads = counting_reads(outline)
    library_reads = counting_reads(window.library)
    quiz = open_lesson(qtbot, window, outline, "m1-quiz")
    qtbot.waitUntil(lambda: bool(quiz.pages))
    assert window.sync_label.text() == "Nothing to send"

    answer_quiz(qtbot, quiz, {"q1": "b", "q2": ["a"], "q3": True, "q4": "Reformuler"})
    with qtbot.waitSignal(quiz.submitted, timeout=10_000):
        quiz.submit_button.click()

    # The quiz is still on screen: the status line already counts its statements (its
    # answers, its result, the first-use traces).
    pending = sync_status(services.context.db).pending
    assert pending == services.context.db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
    assert pending > 1
    qtbot.waitUntil(lambda: not services.tasks.busy)  # no waiting for the sync timer
    assert window.sync_label.text().startswith(f"{pending} result")
    # Hidden screens read nothing yet, however many answers were saved ...
    assert outline_reads == [] and library_reads == []

    # ... and read once, when they show again.
    with qtbot.waitSignal(outline.loaded, timeout=10_000):
        quiz.back.click()
    assert outline_reads == ["outline-screen"]
    assert "passed, best 75%" in outline.lesson_buttons["m1-quiz"].text()

    with qtbot.waitSignal(window.library.refreshed, timeout=10_000):
        window.action_library.trigger()
    assert library_reads == ["library-screen"]
    # The same card, updated in place (not a new list), shows the progress.
    assert resets == [] and card(window.library).progress > 0


@pytest.fixture
def empty_services(qapp, tmp_path: Path) -> Iterator[Services]:
    built = build_services(DataDir(tmp_path / "empty"))
    built.install_demo = False
    yield built
    built.close()


def test_a_course_installed_anywhere_appears_in_the_library_on_screen(
    qtbot, empty_services, course_source, tmp_path: Path
) -> None:
    from player.core.package.pack import pack
    from player.ui.main_window import MainWindow
    from player.ui.screens.add_course import AddCourseDialog

    package_zip = tmp_path / "cours.zip"
    pack(course_source, package_zip)
    window = MainWindow(empty_services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.library.loaded)
    assert course_ids(window.library) == []

    # Not connected to the library at all; owned (and deleted) by the window, so not handed to
    # qtbot, which would close it again after Qt may already have deleted it.
    dialog = AddCourseDialog(empty_services, window)
    with qtbot.waitSignal(dialog.planned, timeout=20_000):
        dialog.read_plan(str(package_zip))
    with qtbot.waitSignal(window.library.refreshed, timeout=30_000):
        dialog.install_button.click()
    assert course_ids(window.library) == ["test-course"]


def test_every_page_of_the_window_is_a_screen() -> None:
    from player.ui.screens.base import Screen
    from player.ui.screens.library import LibraryScreen
    from player.ui.screens.outline import OutlineScreen
    from player.ui.screens.quiz import QuizScreen
    from player.ui.screens.reading import ReadingScreen
    from player.ui.screens.survey import SurveyScreen
    from player.ui.screens.video_lesson import VideoLessonView

    pages = (LibraryScreen, OutlineScreen, QuizScreen, ReadingScreen, SurveyScreen, VideoLessonView)
    assert all(issubclass(page, Screen) for page in pages)


def test_the_main_window_never_probes_its_screens_by_name() -> None:
    tree = ast.parse((ROOT / "player" / "ui" / "main_window.py").read_text(encoding="utf-8"))
    probes = [
        f"{node.func.id} (line {node.lineno})"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in {"getattr", "hasattr", "setattr"}
    ]
    assert probes == []


def test_a_screen_redraws_for_what_it_shows_and_not_for_its_own_changes(qtbot) -> None:
    from player.ui.ops.changes import COURSES, PROGRESS, Changes
    from player.ui.screens.base import Screen

    class Progress(Screen):
        redraws_on = Changes(progress=True)

        def __init__(self) -> None:
            super().__init__()
            self.reads = 0

        def refresh(self) -> None:
            self.reads += 1

    screen = Progress()
    qtbot.addWidget(screen)
    screen.show()
    screen.operation_did_execute(PROGRESS, None)
    screen.operation_did_execute(PROGRESS, screen)  # it asked: it has drawn the result
    screen.operation_did_execute(Changes(settings=True), None)  # not something it shows
    assert screen.reads == 1
    screen.hide()
    for _ in range(5):
        screen.operation_did_execute(COURSES, None)
    assert screen.reads == 1
    screen.show()
    assert screen.reads == 2  # stale while hidden: one read when shown again


def test_changes_combine_and_say_whether_they_touch_a_screen() -> None:
    from player.ui.ops.changes import COURSES, NOTHING, Changes

    both = Changes(progress=True) | Changes(outbox=True)
    assert both == Changes(progress=True, outbox=True)
    assert both.touches(Changes(outbox=True)) and not both.touches(Changes(courses=True))
    assert not NOTHING and both
    assert Changes(courses=True).touches(COURSES)


def test_progress_imported_on_the_dashboard_reaches_the_status_line(
    qtbot, window, services, course_source, tmp_path: Path
) -> None:
    from player.core.context import open_context
    from player.core.install import install
    from player.core.learning import create_learner, record_reading
    from player.core.package.pack import pack
    from player.core.package.reader import FolderSource
    from player.core.sync.progress_files import export_progress
    from player.core.sync.service import activity_bases, manifests_of
    from player.ui.screens.dashboard_dialog import DashboardDialog

    # Another laptop of the workshop, where Ana read a page: its progress file.
    package = tmp_path / "package"
    pack(course_source, package)
    laptop = open_context(DataDir(tmp_path / "laptop"))
    try:
        install(laptop, FolderSource(package))
        ana = create_learner(laptop.db, "Ana").id
        record_reading(laptop.db, ana, laptop.manifest("test-course"), "m1-read", at_end=True)
        bases = activity_bases(manifests_of(laptop))
        export_progress(laptop.db, tmp_path / "ana.jsonl", bases)
    finally:
        laptop.close()

    assert window.sync_label.text() == "Nothing to send"
    dialog = DashboardDialog(services, window)
    qtbot.addWidget(dialog)
    lines = len((tmp_path / "ana.jsonl").read_text(encoding="utf-8").splitlines())
    qtbot.waitUntil(lambda: dialog.unlocked)  # no trainer PIN here: open once that is known
    dialog.import_file(tmp_path / "ana.jsonl")
    qtbot.waitUntil(lambda: sync_status(services.context.db).pending == lines, timeout=10_000)
    qtbot.waitUntil(lambda: not services.tasks.busy)
    assert window.sync_label.text().startswith(f"{lines} result")
