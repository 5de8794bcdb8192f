"""For tests and scripts: open one screen of the first course as soon as the app is ready.

``COURSE_PLAYER_OPEN_SCREEN=<screen>`` in the environment makes the app, once its library is
read, open that screen the way a learner would get there: ``library``, ``outline`` (the first
course), or a lesson screen — ``video``, ``reading``, ``quiz``, ``survey`` — for the first
lesson of that kind in the first course (a locked one too: this is for inspection), or the
``shortcuts`` help page. When the screen is shown the app prints ``screen: <object name>`` on
stdout, so a test knows when to look (the AT-SPI test in ``tests/integration`` does).

It is not a learner feature: nothing in the app sets the variable, and an unknown value is
reported on stderr and otherwise ignored.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer

ENVIRONMENT_VARIABLE = "COURSE_PLAYER_OPEN_SCREEN"
LESSON_KINDS = {"video": "video", "reading": "text", "quiz": "quiz", "survey": "survey"}
#: Dialogs, by the name given here: the window's method that opens each, and its object name.
DIALOGS = {
    "shortcuts": ("open_shortcuts", "shortcuts-dialog"),
    "dashboard": ("open_dashboard", "dashboard-dialog"),
    "settings": ("open_settings", "settings-dialog"),
    "learners": ("switch_learner", "learner-dialog"),
    "add-course": ("add_course", "add-course-dialog"),
}
SCREENS = ("library", "outline", *DIALOGS, *LESSON_KINDS)


def requested_screen() -> str | None:
    return os.environ.get(ENVIRONMENT_VARIABLE) or None


class ScreenOpener(QObject):
    """Waits for the library, then walks to the requested screen and says so on stdout."""

    def __init__(self, window: Any, screen: str) -> None:
        """``window`` is the app's ``MainWindow`` (not imported: only app.py imports it)."""
        super().__init__(window)
        self.window = window
        self.screen = screen
        self._wait_for_library()

    def _wait_for_library(self) -> None:
        """Look again every moment until the library shows a course (the demo may install)."""
        if self.window.services.tasks.busy or not self.window.library.courses:
            QTimer.singleShot(100, self._wait_for_library)
            return
        self._open()

    def _open(self) -> None:
        window = self.window
        if self.screen == "library":
            self._announce(window.library.objectName())
        elif self.screen in DIALOGS:
            method, name = DIALOGS[self.screen]
            # Some are modal (their own event loop runs until closed): say it once it shows.
            QTimer.singleShot(0, lambda: self._announce(name))
            getattr(window, method)()
        else:
            course_id = window.library.courses[0].id
            window.open_course(course_id)
            outline: Any = window.current_screen()
            if self.screen == "outline":
                outline.loaded.connect(
                    lambda: self._announce(outline.objectName()),
                    Qt.ConnectionType.SingleShotConnection,
                )
            else:
                outline.loaded.connect(
                    lambda: self._open_lesson(course_id, outline),
                    Qt.ConnectionType.SingleShotConnection,
                )

    def _open_lesson(self, course_id: str, outline: Any) -> None:
        kind = LESSON_KINDS[self.screen]
        lessons = [
            lesson
            for module in outline.outline.state.modules
            for lesson in module.lessons
            if lesson.type == kind
        ]
        if not lessons:
            print(f"course-player: no {self.screen} lesson in {course_id}", file=sys.stderr)
            return
        self.window.screen_changed.connect(self._announce, Qt.ConnectionType.SingleShotConnection)
        self.window.open_lesson(course_id, lessons[0].lesson_id, lessons[0].type)

    def _announce(self, name: str) -> None:
        print(f"screen: {name}", flush=True)


def open_requested_screen(window: Any) -> None:
    """Open the screen ``COURSE_PLAYER_OPEN_SCREEN`` names, if any, once the app is ready."""
    screen = requested_screen()
    if screen is None:
        return
    if screen not in SCREENS:
        print(
            f"course-player: {ENVIRONMENT_VARIABLE}={screen!r} is not one of {', '.join(SCREENS)}",
            file=sys.stderr,
        )
        return
    ScreenOpener(window, screen)
