"""Start the desktop app: build the services once, pass them in, show the window.

Nothing heavy happens before the window shows: no VLC (loaded by the video screen when a video
lesson opens), no network (sync checks start later, in the background), no course media, and no
manifest parsing beyond the course list the library reads from the database.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from player import __version__
from player.core.errors import DamagedDatabaseError, PlayerError
from player.core.paths import DataDir, choose_data_dir
from player.core.resources import assets_dir
from player.core.store.database import set_aside_damaged
from player.ui import style
from player.ui.errors import localized
from player.ui.i18n import Translations, pick_language
from player.ui.main_window import MainWindow
from player.ui.services import Services, build_services
from player.ui.tasks import TaskRunner


class _ExitWhenReady(QObject):
    """Exit 0 once the window is exposed, its first screen has its data and the loop is idle.

    "Ready" means what a learner sees: the library's cards are filled (their data comes from
    the task runner), not an empty frame. Says on stdout how many courses it shows, so smoke
    tests of builds can check the library really loaded.
    """

    def __init__(self, window: QWidget, app: QApplication, tasks: TaskRunner) -> None:
        super().__init__(window)
        self._app = app
        self._window = window
        self._tasks = tasks
        window.installEventFilter(self)
        self._armed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self._window
            and not self._armed
            and event.type()
            in (
                QEvent.Type.Show,
                QEvent.Type.Expose,
                QEvent.Type.Paint,
            )
        ):
            self._armed = True
            # A zero timer fires once the queued events (the first paint included) are done.
            QTimer.singleShot(0, self._idle)
        return False

    def _idle(self) -> None:
        handle = self._window.windowHandle()
        if (
            handle is not None
            and not handle.isExposed()
            and os.environ.get("QT_QPA_PLATFORM") not in ("offscreen", "minimal")
        ):
            QTimer.singleShot(10, self._idle)
            return
        if self._tasks.busy:  # the library (or the learner) is still being read
            self._tasks.idle.connect(self._idle, Qt.ConnectionType.SingleShotConnection)
            return
        library = getattr(self._window, "library", None)
        shown = 0 if library is None else library.model.rowCount()  # the cards it shows
        print(f"ready: {shown} course(s) in the library", flush=True)
        self._app.exit(0)


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    apply_identity(app)
    style.apply(app)  # the palette of the system's light or dark scheme, followed live
    return app


def apply_identity(app: QApplication) -> None:
    """The app's name and icon, which every window and dialog shows."""
    app.setApplicationName("course-player")
    app.setApplicationDisplayName("Course Player")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("course-player")
    app.setDesktopFileName("course-player")
    icon = assets_dir() / "icons" / "course-player.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def start(services: Services) -> QWidget:
    """The main window for these services (tests call this with their own data folder)."""
    window = MainWindow(services)
    window.show_when_ready()
    return window


def open_services(
    data: DataDir, translations: Translations, start_afresh: Callable[[str], bool]
) -> Services:
    """The services over the data folder; a damaged database is the user's call.

    ``start_afresh(message)`` asks whether to move the damaged database aside and start with
    empty progress; when it says no, the ``DamagedDatabaseError`` goes up (the app quits).
    """
    try:
        return build_services(data, translations=translations)
    except DamagedDatabaseError as error:
        if not start_afresh(localized(error)):
            raise
        set_aside_damaged(error.path)
        return build_services(data, translations=translations)


def ask_to_start_afresh(message: str) -> bool:
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Critical, translate("StartUp", "Course Player"), message)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the message may quote a path
    box.setInformativeText(
        translate(
            "StartUp",
            "You can start with empty progress: the damaged file is moved to the backups "
            "folder, nothing is deleted. Progress already sent to your organisation or saved "
            "on a USB stick can be imported again.",
        )
    )
    start = box.addButton(
        translate("StartUp", "Start with empty progress"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(translate("StartUp", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(start)
    box.exec()
    return box.clickedButton() is start


def _cannot_start(message: str, exit_when_ready: bool) -> int:
    """Say in one line why the app cannot open (a box, and the terminal for scripts)."""
    print(f"course-player: error: {message}", file=sys.stderr)
    if not exit_when_ready:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("StartUp", "Course Player"),
            message,
            QMessageBox.StandardButton.Ok,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
    return 1


def run_app(exit_when_ready: bool = False) -> int:
    app = create_application()
    translations = Translations(app)
    data, notice = choose_data_dir()
    # A smoke test or script never waits on a question: it reports and exits non-zero.
    ask = (lambda _message: False) if exit_when_ready else ask_to_start_afresh
    try:
        services = open_services(data, translations, ask)
    except PlayerError as error:
        return _cannot_start(localized(error), exit_when_ready)
    # A smoke test or start-up benchmark measures the window, not the demo install.
    services.install_demo = not exit_when_ready
    translations.apply(pick_language(services.settings_language()))
    window = start(services)
    if notice and isinstance(window, QMainWindow):
        window.statusBar().showMessage(notice)  # e.g. portable mode on a read-only stick
    if exit_when_ready:
        _ExitWhenReady(window, app, services.tasks)
    if os.environ.get("COURSE_PLAYER_OPEN_SCREEN") and isinstance(window, MainWindow):
        from player.ui.open_at_start import open_requested_screen  # tests and scripts only

        open_requested_screen(window)
    try:
        return app.exec()
    finally:
        services.close()
