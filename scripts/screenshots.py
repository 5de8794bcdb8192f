#!/usr/bin/env python3
"""Take a screenshot of every screen, in French, from the demo course (run under Xvfb).

Use ``scripts/screenshots.sh``, which starts Xvfb for each colour scheme and screen size and
calls this (``COURSE_PLAYER_COLOR_SCHEME``, ``SCREENSHOTS_SIZE``); images go to
``docs/screenshots/<scheme>-<size>/``. The data folder is a fresh temporary one with the demo
course installed; some progress is made through the learning engine first so the screens show
real states.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

OUT = ROOT / "docs" / "screenshots" / os.environ.get("SCREENSHOTS_SUBDIR", "")
#: The screen size (Xvfb's): the window fills it, less a title bar.
WIDTH, HEIGHT = (int(n) for n in os.environ.get("SCREENSHOTS_SIZE", "1366x768").split("x"))


def pump(seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def wait(predicate: Callable[[], bool], timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise SystemExit(f"screenshots: timed out waiting for {predicate}")
        pump(0.05)


def netbook() -> bool:
    """Xvfb runs a netbook-sized screen (1024×600)."""
    return QGuiApplication.primaryScreen().geometry().width() <= 1024


def out_dir() -> Path:
    return OUT  # docs/screenshots/<scheme>-<size>/ (SCREENSHOTS_SUBDIR)


def shoot(widget: QWidget, name: str) -> None:
    """The real screen pixels of a top-level window (VLC's picture included)."""
    pump(0.5)
    window = widget.window()
    screen = QGuiApplication.primaryScreen()
    frame = window.frameGeometry()
    image = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    if image.isNull() or image.width() < 10:
        image = window.grab()
    path = out_dir() / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path))
    print(path.relative_to(ROOT))


def newer_signed_demo(work: Path) -> Path:
    """A copy of the demo course source, as its version 2."""
    import shutil

    from player.core.resources import demo_course_source

    source = work / "demo-v2"
    shutil.copytree(demo_course_source(), source)
    yaml = source / "course.yaml"
    yaml.write_text(
        yaml.read_text(encoding="utf-8").replace("\nversion: 1\n", "\nversion: 2\n", 1),
        encoding="utf-8",
    )
    return source


def make_key(work: Path) -> Path:
    from player.core.trust import generate_key

    path = work / "editeur.key"
    generate_key(path)
    return path


def workshop(services: object) -> None:
    """Two more learners with some progress, made through the learning engine."""
    from player.core.learning.activity import record_reading
    from player.core.learning.learners import create_learner
    from player.core.learning.pins import mark_trainer_pin_offered

    # The app's own connection belongs to its storage worker: the script uses a second one.
    with services.separate_context() as ctx:  # type: ignore[attr-defined]
        course_id = ctx.db.execute("SELECT id FROM courses").fetchone()[0]
        manifest = ctx.manifest(course_id)
        readings = [les for les in manifest.modules[0].lessons if les.type == "text"]
        for name, done in (("Moussa", len(readings)), ("Fatou", 1)):
            learner = create_learner(ctx.db, name)
            for lesson in readings[:done]:
                record_reading(ctx.db, learner.id, manifest, lesson.id, elapsed=240, at_end=True)
        mark_trainer_pin_offered(ctx.db)  # the first-time trainer-PIN offer was answered


def main() -> int:
    from player.core.context import open_context
    from player.core.demo import install_demo_course
    from player.core.learning.activity import record_position, record_reading
    from player.core.learning.learners import ensure_default_learner
    from player.core.paths import DataDir
    from player.ui.app import create_application
    from player.ui.i18n import Translations
    from player.ui.main_window import MainWindow
    from player.ui.services import build_services

    OUT.mkdir(parents=True, exist_ok=True)
    app = create_application([sys.argv[0]])
    from PySide6.QtGui import QCursor

    QCursor.setPos(WIDTH - 1, HEIGHT - 1)  # no row under the mouse looks hovered
    translations = Translations(app)
    translations.apply("fr")
    work = Path(tempfile.mkdtemp(prefix="screenshots-"))
    data = DataDir(work / "data")
    ctx = open_context(data)
    install_demo_course(ctx)
    learner = ensure_default_learner(ctx.db, "Aminata")
    course_id = ctx.db.execute("SELECT id FROM courses").fetchone()[0]
    manifest = ctx.manifest(course_id)
    first_video = next(les for les in manifest.lessons if les.type == "video")
    for position in (0.0, 5.0, 10.0):
        record_position(ctx.db, learner.id, manifest, first_video.id, position, elapsed=5.0)
    ctx.close()

    # An empty library first: what a learner sees before any course is installed.
    empty = build_services(DataDir(work / "empty"), translations=translations)
    empty.install_demo = False
    window = MainWindow(empty)
    window.resize(WIDTH, HEIGHT - 28)
    window.move(0, 0)
    window.show()
    wait(lambda: window.library.loaded)
    wait(lambda: not empty.tasks.busy)
    shoot(window, "00-bibliotheque-vide")
    window.close()
    empty.close()

    services = build_services(data, translations=translations)
    services.install_demo = False
    window = MainWindow(services)
    if not netbook():
        window.resize(WIDTH, HEIGHT - 28)
        window.move(0, 0)
    window.show()  # on the netbook, where and how large the window places itself
    wait(lambda: services.learner is not None and bool(window.library.courses))
    wait(lambda: not services.tasks.busy)
    shoot(window, "01-bibliotheque")

    window.open_course(course_id)
    outline = window.current_screen()
    wait(lambda: outline.outline is not None)
    shoot(window, "02-sommaire")

    reading = next(les for les in manifest.lessons if les.type == "text")
    window.open_lesson(course_id, reading.id, "text")
    wait(lambda: window.current_screen().objectName() == "reading-screen")
    shoot(window, "03-lecture")
    window.go_back()

    window.open_lesson(course_id, first_video.id, "video")
    wait(lambda: window.current_screen().objectName() == "video-lesson")
    pump(3.0)  # let VLC show frames
    shoot(window, "04-video")
    # Skipped to its end, the video does not count yet: the player says so.
    video = window.current_screen()
    wait(lambda: video.player.duration > 0)
    video.seek_to(video.player.duration - 2.0)
    wait(lambda: video.resume_button.isVisible())
    shoot(window, "16-video-non-terminee")
    window.go_back()
    wait(lambda: window.current_screen() is outline)

    # Finish module 1 except its quiz, through the engine, so the quiz opens the next module.
    with services.separate_context() as ctx:  # not the storage worker's connection
        for lesson in manifest.modules[0].lessons:
            if lesson.type == "video":
                end = lesson.duration or 30.0
                steps = [min(end, 5.0 * i) for i in range(int(end // 5) + 2)]
                for position in steps:
                    record_position(
                        ctx.db, learner.id, manifest, lesson.id, position, end, elapsed=5
                    )
            elif lesson.type == "text":
                record_reading(ctx.db, learner.id, manifest, lesson.id, at_end=True)

    quiz_lesson = next(les for les in manifest.modules[0].lessons if les.type == "quiz")
    window.open_lesson(course_id, quiz_lesson.id, "quiz")
    quiz = window.current_screen()
    wait(lambda: bool(getattr(quiz, "pages", None)))
    for index, page in enumerate(quiz.pages):
        quiz.go_to(index)
        question = next(q for q in quiz_lesson.questions if q.id == page.question.id)
        if page.line is not None:
            page.line.setText(question.answer[0])
            quiz._changed(question.id, "text", question.answer[0])
        else:
            for key in question.answer:
                page.buttons[key].click()
        pump(0.1)
    quiz.go_to(0)
    shoot(window, "05-quiz-question")
    quiz.submit(confirm=False)
    wait(lambda: quiz.outcome is not None)
    shoot(window, "06-quiz-resultat")
    quiz.back_requested.emit()
    wait(lambda: window.current_screen() is outline)
    wait(lambda: not services.tasks.busy)
    shoot(window, "07-sommaire-module-ouvert")

    survey = next((les for les in manifest.lessons if les.type == "survey"), None)
    if survey is not None:
        window.open_lesson(course_id, survey.id, "survey")
        wait(lambda: bool(getattr(window.current_screen(), "questions", None)))
        shoot(window, "08-questionnaire")
        window.go_back()

    from player.core.learning.learners import create_learner
    from player.ui.screens.add_course import AddCourseDialog
    from player.ui.screens.learners import LearnerDialog
    from player.ui.screens.settings import SettingsDialog

    with services.separate_context() as ctx:  # type: ignore[attr-defined]
        create_learner(ctx.db, "Ibrahima", pin="2468")  # a PIN shows a lock in the list
    dialog = LearnerDialog(services, window)
    dialog.show()
    wait(lambda: dialog.list.count() > 1)
    shoot(dialog, "09-apprenants")
    dialog.close()

    settings = SettingsDialog(services, window)
    settings.show()
    shoot(settings, "10-parametres")
    settings.close()

    details = window.open_sync_details()
    wait(lambda: not services.tasks.busy)
    shoot(details, "12-details-envoi")
    details.close()

    from player.core.package.pack import pack
    from player.core.resources import demo_course_source
    from player.core.trust import signer_for

    package = work / "demo.zip"
    pack(demo_course_source(), package)
    # A folder stands in for a USB stick: the installed version, and a signed version 2.
    stick = work / "media" / "aminata" / "CLE-USB"
    stick.mkdir(parents=True)
    (stick / "demo-communication-v1.zip").write_bytes(package.read_bytes())
    pack(
        newer_signed_demo(work),
        stick / "demo-communication-v2.zip",
        sign=signer_for(make_key(work)),
    )
    services.mount_points = lambda: [stick]

    adding = AddCourseDialog(services, window)
    adding.show()
    wait(lambda: len(adding.usb.rows) == 2)
    shoot(adding, "13-cle-usb")
    adding.read_plan(str(package))
    wait(lambda: adding.plan is not None)
    shoot(adding, "11-ajout-cours")
    adding.close()

    copying = window.library.copy_to_usb(course_id)
    wait(lambda: copying.volumes.count() > 0)
    (stick / "demo-communication-v1.zip").unlink()
    copying.start_copy()
    wait(lambda: copying.export_result is not None)
    shoot(copying, "14-copie-cle-usb")
    copying.close()

    # The trainer dashboard, with two more learners of the workshop.
    wait(lambda: not services.tasks.busy)
    workshop(services)
    dashboard = window.open_dashboard()
    wait(lambda: dashboard.table.model().rowCount() > 0)
    wait(lambda: not services.tasks.busy)
    shoot(dashboard, "15-tableau-de-bord")
    dashboard.close()

    window.close()
    services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
