"""The main window: a toolbar, one screen at a time, and a status bar with sync state.

Screens never know about each other: they emit requests (open this course, this lesson, go
back) and the window decides what to show. Screens for a course or a lesson are built when
opened and dropped when left, so nothing of a course is loaded before the learner asks; their
modules are imported when first opened too (a lesson screen brings the learning engine, the
video screen VLC), which keeps them out of the app's start. Every page is a ``Screen``
(``screens/base.py``): the window connects the same signals on each and hands each the changes
the task runner announces, and the screens redraw from those.
"""

from __future__ import annotations

import contextlib
import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from player.core.errors import PlayerError
from player.ui import geometry, ops
from player.ui.ops.changes import Changes
from player.ui.screens.base import Screen
from player.ui.screens.library import LibraryScreen
from player.ui.services import Services
from player.ui.sync import SyncMonitor, SyncView
from player.ui.tasks import one_line
from player.ui.units import local_time
from player.ui.widgets.common import Note, show_error
from player.ui.widgets.focus import install_focus_ring
from player.ui.widgets.svg import svg_icon

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent


#: The longest the window waits for its first screen's data before showing anyway.
SHOW_AT_THE_LATEST_MS = 1500


class MainWindow(QMainWindow):
    learner_changed = Signal()
    screen_changed = Signal(str)  # object name of the screen now shown

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        # Read the learner and the library first, so the storage lane works while the window
        # is built and painted (the answer arrives through the event loop, once it is built).
        default_name = self.tr("Learner")
        self._first_screen_read = False
        self._show_when_read = False
        services.tasks.run(
            lambda: ops.first_screen(services, default_name),
            self._first_screen_ready,
            self._first_screen_failed,
            owner=self,
        )
        self.setObjectName("main-window")
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            install_focus_ring(app)
        self.setMinimumSize(QSize(800, 520))
        self._maximize = geometry.restore(self, services.settings, QSize(1200, 760))

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.library = LibraryScreen(services)
        self.library.course_requested.connect(self.open_course)
        self.library.add_requested.connect(self.add_course)
        self.stack.addWidget(self.library)
        self._history: list[Screen] = []

        self._build_toolbar()
        self._build_status_bar()
        services.tasks.error_shown.connect(self._show_status_error)
        services.tasks.operation_did_execute.connect(self._operation_did_execute)
        self.sync = SyncMonitor(services, self)
        self.sync.changed.connect(self._sync_changed)
        self.sync.app_update_available.connect(self._app_update_available)
        self._sync_view: SyncView | None = None
        self._app_update: tuple[str, str] | None = None  # (version, hub address)
        self.retranslate()

    def show_when_ready(self) -> None:
        """Show the window once its first screen (learner and library) has been read.

        It then appears complete, drawn once, rather than as an empty library that fills in a
        moment later (and is drawn twice). The read takes milliseconds; it was started when
        the window was built.
        """
        if self._first_screen_read:
            self._show_settled()
        else:
            self._show_when_read = True
            # A read held up (another app instance writing, a slow disk) must not hide the app:
            # after a moment the window shows anyway and the library fills in when read.
            QTimer.singleShot(SHOW_AT_THE_LATEST_MS, self._reveal)

    def _first_screen_done(self) -> None:
        self._first_screen_read = True
        self._reveal()

    def _reveal(self) -> None:
        if self._show_when_read:
            self._show_when_read = False
            self._show_settled()

    def _show_settled(self) -> None:
        """Show the window with its layouts settled, so its first frame is drawn once.

        Showing posts layout requests (the cards' grid, the scroll bar it turns out to need,
        the main window's areas); handled in turn by the event loop, they would move widgets
        after the first frame and paint the whole window a second time (a flicker on slow
        machines). Handling them now lets that first frame be the final one.
        """
        if self._maximize:
            self.showMaximized()
        else:
            self.show()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _first_screen_failed(self, error: BaseException) -> None:
        self.library.show_error(error)  # e.g. a damaged database: said on the library screen
        self._first_screen_done()

    def _first_screen_ready(self, first: ops.FirstScreen) -> None:
        if first.learner.has_pin:
            self.sync.start(first.outbox)
            self._first_screen_done()
            self.ask_pin_at_start(first.learner)
            return
        self.services.learner = first.learner
        self._update_learner_action()
        self.learner_changed.emit()
        self._apply_preferences()
        self.library.show_courses(first.courses)
        self.sync.start(first.outbox)
        self._first_screen_done()
        if self.services.context.fresh and self.services.install_demo:
            self.services.context.fresh = False
            # The library redraws when the install announces the new course.
            self.services.tasks.run(
                lambda: ops.install_demo(self.services), owner=self, lane="transfer"
            )

    # ------------------------------------------------------------------ chrome

    def _build_toolbar(self) -> None:
        bar = QToolBar()
        bar.setObjectName("main-toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.action_library = QAction(self)
        self.action_library.setShortcut(QKeySequence("Ctrl+Home"))
        self.action_library.triggered.connect(self.show_library)
        self.action_add = QAction(self)
        self.action_add.setShortcut(QKeySequence.StandardKey.Open)
        self.action_add.triggered.connect(self.add_course)
        self.action_back = QAction(self)
        self.action_back.setObjectName("action-back")
        # Alt+Left once: the platform's "Back" binding is Alt+Left too on Linux, and one key
        # listed twice is an "ambiguous shortcut" that Qt never fires.
        self.action_back.setShortcuts(
            _unique(
                [QKeySequence("Alt+Left"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Back)]
            )
        )
        self.action_back.triggered.connect(self.go_back)
        self.addAction(self.action_back)
        self.action_learner = QAction(self)
        self.action_learner.setShortcut(QKeySequence("Ctrl+L"))
        self.action_learner.triggered.connect(self.switch_learner)
        self.action_settings = QAction(self)
        self.action_settings.setShortcut(QKeySequence("Ctrl+,"))
        self.action_settings.triggered.connect(self.open_settings)
        self.action_dashboard = QAction(self)
        self.action_dashboard.setObjectName("action-dashboard")
        self.action_dashboard.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.action_dashboard.triggered.connect(self.open_dashboard)
        self.action_workshop = QAction(self)
        self.action_workshop.setObjectName("action-workshop")
        self.action_workshop.triggered.connect(self.open_workshop)
        self.action_sync_details = QAction(self)
        self.action_sync_details.triggered.connect(self.open_sync_details)
        self.addAction(self.action_sync_details)
        self.action_shortcuts = QAction(self)
        self.action_shortcuts.setObjectName("action-shortcuts")
        self.action_shortcuts.setShortcut(QKeySequence("F1"))
        self.action_shortcuts.triggered.connect(self.open_shortcuts)
        bar.addAction(self.action_library)
        bar.addAction(self.action_add)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addAction(self.action_learner)
        bar.addAction(self.action_dashboard)
        bar.addAction(self.action_workshop)
        bar.addAction(self.action_settings)
        bar.addAction(self.action_shortcuts)
        self._give_toolbar_buttons_tab_stops(bar)
        self._dialogs: dict[str, QWidget] = {}  # the non-blocking dialogs open now, by name
        self.start_prompt: QWidget | None = None
        self.toolbar = bar

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.sync_label = QLabel()
        self.sync_label.setObjectName("sync-status")
        self.online = QToolButton()
        self.online.setObjectName("online-indicator")
        self.online.setAutoRaise(True)
        self.online.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.online.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.online.clicked.connect(self.action_sync_details.trigger)  # a real button: details
        self.sync_details_button = QToolButton()
        self.sync_details_button.setObjectName("sync-details")
        self.sync_details_button.setAutoRaise(True)
        self.sync_details_button.setDefaultAction(self.action_sync_details)
        # Shown once the paired hub offers a newer version of the app (SyncMonitor).
        self.app_update_label = QLabel()
        self.app_update_label.setObjectName("app-update")
        self.app_update_label.setTextFormat(Qt.TextFormat.PlainText)
        self.app_update_label.hide()
        status.addWidget(self.sync_label, 1)
        status.addPermanentWidget(self.app_update_label)
        status.addPermanentWidget(self.sync_details_button)
        status.addPermanentWidget(self.online)
        self._online_state: bool | None = None
        self.set_online(None)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Course Player"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.action_library.setText(self.tr("&Library"))
        self.action_library.setToolTip(self.tr("Your courses (Ctrl+Home)"))
        self.action_add.setText(self.tr("&Add a course…"))
        self.action_back.setText(self.tr("Back"))
        self.action_settings.setText(self.tr("&Settings"))
        self.action_dashboard.setText(self.tr("&Trainer dashboard"))
        self.action_dashboard.setToolTip(
            self.tr("Who is where in the workshop: learners × modules (Ctrl+Shift+D)")
        )
        self.action_back.setToolTip(self.tr("Back (Alt+Left)"))
        self.action_settings.setToolTip(self.tr("Settings (Ctrl+,)"))
        self.action_add.setToolTip(
            self.tr("Install a course from a file, a USB stick or the web (Ctrl+O)")
        )
        self.action_shortcuts.setText(self.tr("&Keyboard shortcuts"))
        self.action_shortcuts.setToolTip(self.tr("Every keyboard shortcut of the app (F1)"))
        self.action_workshop.setText(self.tr("Share in a &workshop…"))
        self.action_workshop.setToolTip(
            self.tr("Share this laptop's courses over the local Wi-Fi, or pair with a hub")
        )
        self.action_sync_details.setText(self.tr("Sync details…"))
        self.action_sync_details.setToolTip(
            self.tr("What is waiting to be sent, and what the server refused")
        )
        self._update_learner_action()
        self.set_online(self._online_state)
        self._sync_text()
        self._app_update_text()

    def changeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_learner_action(self) -> None:
        name = self.services.learner.name if self.services.learner is not None else ""
        if name:
            self.action_learner.setText(self.tr("Learner: %1").replace("%1", name))
        else:
            self.action_learner.setText(self.tr("Learner"))
        self.action_learner.setToolTip(self.tr("Switch learner (Ctrl+L)"))

    def set_online(self, online: bool | None) -> None:
        """The indicator: online (LRS reachable), offline, or not checked yet."""
        self._online_state = online
        if online is None:
            text, colour = self.tr("Offline mode"), "locked"
        elif online:
            text, colour = self.tr("Online"), "success"
        else:
            text, colour = self.tr("Offline"), "warning"
        self.online.setText(text)
        self.online.setIcon(svg_icon("dot", colour))
        self.online.setAccessibleName(self.tr("Connection: %1").replace("%1", text))

    def _app_update_available(self, version: str, hub_url: str) -> None:
        self._app_update = (version, hub_url)
        self._app_update_text()
        self.app_update_label.show()

    def _app_update_text(self) -> None:
        if self._app_update is None:
            return
        version, hub_url = self._app_update
        text = self.tr("An app update is available on the hub")
        self.app_update_label.setText(text)
        self.app_update_label.setAccessibleName(text)
        self.app_update_label.setToolTip(
            self.tr("Version %1. To install it, close the app and run: %2")
            .replace("%1", version)
            .replace("%2", f"course-player app-update apply {hub_url}")
        )

    def _sync_changed(self, view: SyncView) -> None:
        self._sync_view = view
        self.set_online(view.online)
        self._sync_text()

    def _sync_text(self) -> None:
        view = self._sync_view
        if view is None:
            text = ""
        elif view.pending:
            text = self.tr("%n result(s) waiting to be sent", "", view.pending)
        elif view.last_sent_at:
            text = self.tr("All sent at %1").replace("%1", local_time(view.last_sent_at))
        else:
            text = self.tr("Nothing to send")
        if view is not None and view.rejected:
            text += " — " + self.tr("%n refused by the server", "", view.rejected)
        self.sync_label.setText(text)
        self.sync_label.setAccessibleName(text)

    def _show_status_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 15_000)

    # ------------------------------------------------------------------ navigation

    def current_screen(self) -> Screen | None:
        current = self.stack.currentWidget()
        return current if isinstance(current, Screen) else None

    def _screens(self) -> list[Screen]:
        """The screens the window holds: the one shown, the history and the library."""
        widgets = (self.stack.widget(index) for index in range(self.stack.count()))
        return [widget for widget in widgets if isinstance(widget, Screen)]

    def _operation_did_execute(self, changes: Changes, initiator: object) -> None:
        for screen in self._screens():
            screen.operation_did_execute(changes, initiator)

    def _show(self, screen: Screen, *, push: bool = True) -> None:
        current = self.current_screen()
        if push and current is not None and current is not screen:
            self._history.append(current)
        if self.stack.indexOf(screen) < 0:
            self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        screen.setFocus(Qt.FocusReason.OtherFocusReason)
        self._drop_hidden()
        self.screen_changed.emit(screen.objectName())

    def tab_chain(self) -> list[QWidget]:
        """What Tab visits, in order: the tool bars, the screen shown, then the status bar.

        Screens are built after the bars, and Qt's Tab order is creation order: left to Qt,
        Tab would visit the status bar before the screen it shows. Within each part Qt's order
        stands (screens set theirs with ``chain_tab_order``); widgets in none of these parts
        come after the screen.
        """
        everything: list[QWidget] = []
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self and len(everything) < 10_000:
            everything.append(widget)
            widget = widget.nextInFocusChain()
        bars = self.findChildren(QToolBar)
        for bar in bars:
            self._give_toolbar_buttons_tab_stops(bar)  # buttons added since the window was built
        screen = self.stack.currentWidget()
        status = self.statusBar()

        def part(widget: QWidget) -> int:
            if any(bar.isAncestorOf(widget) for bar in bars):
                return 0
            if screen is not None and screen.isAncestorOf(widget):
                return 1
            return 3 if status.isAncestorOf(widget) else 2

        ordered = sorted(everything, key=part)  # stable: Qt's order within each part
        return [w for w in ordered if _tabbable(w, self)]

    def _give_toolbar_buttons_tab_stops(self, bar: QToolBar) -> None:
        """Qt leaves tool bar buttons out of the Tab chain: the keyboard must reach them too.

        That includes the "»" button a narrow window shows for the actions that do not fit,
        which opens them as a menu (arrows and Enter).
        """
        buttons = [bar.widgetForAction(action) for action in bar.actions()]
        more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:
            more.setAccessibleName(self.tr("More actions"))
            buttons.append(more)
        for button in buttons:
            if isinstance(button, QToolButton) and button.focusPolicy() == Qt.FocusPolicy.NoFocus:
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt override
        chain = self.tab_chain()
        current = QApplication.focusWidget()
        if not chain or current is None or not self.isAncestorOf(current):
            return super().focusNextPrevChild(next)
        if current in chain:
            target = chain[(chain.index(current) + (1 if next else -1)) % len(chain)]
        else:  # the screen itself holds the focus (just shown): into the screen
            screen = self.stack.currentWidget()
            inside = [w for w in chain if screen is not None and screen.isAncestorOf(w)] or chain
            target = inside[0] if next else inside[-1]
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True

    def _drop_hidden(self) -> None:
        """Delete screens that are neither shown, in the history, nor the library."""
        keep = {id(self.library), id(self.stack.currentWidget()), *map(id, self._history)}
        for screen in self._screens():
            if id(screen) not in keep:
                screen.release()
                self.stack.removeWidget(screen)
                screen.deleteLater()

    def show_library(self) -> None:
        self._history.clear()
        self._show(self.library, push=False)

    def go_back(self) -> None:
        if not self._history:
            return
        self._show(self._history.pop(), push=False)

    def open_course(self, course_id: str) -> None:
        from player.ui.screens.outline import OutlineScreen

        self._history = []
        screen = OutlineScreen(self.services, course_id)
        screen.lesson_requested.connect(self.open_lesson)
        screen.back_requested.connect(self.show_library)
        self._show(self.library, push=False)
        self._show(screen)

    def open_lesson(
        self, course_id: str, lesson_id: str, kind: str, *, replace: bool = False
    ) -> None:
        """Open a lesson; ``replace`` swaps it for the lesson on screen ("next lesson")."""
        services = self.services
        if kind == "text":
            from player.ui.screens.reading import load_page

            def load() -> Any:
                opened = ops.open_lesson(services, course_id, lesson_id)
                page = load_page(services.context, course_id, lesson_id)
                return dataclasses.replace(page, changes=opened)

            services.tasks.run(
                load, lambda page: self._show_page(page, replace), self._lesson_failed, owner=self
            )
        elif kind == "video":
            from player.ui.screens.lesson_loader import load_video, video_screen

            services.tasks.run(
                lambda: load_video(services, course_id, lesson_id),
                lambda data: self._show_lesson(
                    video_screen(services, data), course_id, lesson_id, replace
                ),
                self._lesson_failed,
                owner=self,
            )
        elif kind == "quiz":
            from player.ui.screens.quiz import QuizScreen

            self._show_lesson(
                QuizScreen(services, course_id, lesson_id), course_id, lesson_id, replace
            )
        elif kind == "survey":
            from player.ui.screens.survey import SurveyScreen

            self._show_lesson(
                SurveyScreen(services, course_id, lesson_id), course_id, lesson_id, replace
            )

    def _show_page(self, page: Any, replace: bool) -> None:
        from player.ui.screens.reading import ReadingScreen

        services = self.services
        screen: ReadingScreen | None = None

        def report(elapsed: float, at_end: bool) -> None:
            services.tasks.run(
                lambda: ops.record_reading(
                    services, page.course_id, page.lesson_id, elapsed, at_end
                ),
                lambda recorded: (
                    screen.mark_done() if recorded.newly_completed and screen is not None else None
                ),
                owner=screen,
            )

        screen = ReadingScreen(page, report=report)
        screen.text_size_changed.connect(self.remember_text_size)
        self._show_lesson(screen, page.course_id, page.lesson_id, replace)

    def _show_lesson(self, screen: Screen, course_id: str, lesson_id: str, replace: bool) -> None:
        screen.back_requested.connect(self.go_back)
        screen.next_requested.connect(lambda: self.open_next(course_id, lesson_id))
        screen.full_screen_changed.connect(self._set_chrome_hidden)
        self._show(screen, push=not replace)

    def _set_chrome_hidden(self, hidden: bool) -> None:
        """In full screen the video fills the screen: no tool bar, no status bar."""
        for bar in self.findChildren(QToolBar):
            bar.setVisible(not hidden)
        self.statusBar().setVisible(not hidden)

    def open_next(self, course_id: str, lesson_id: str) -> None:
        def opened(found: ops.LessonRefUI | None) -> None:
            if found is None:
                self.go_back()
            else:
                self.open_lesson(found.course_id, found.lesson_id, found.kind, replace=True)

        self.services.tasks.run(
            lambda: ops.next_lesson_after(self.services, course_id, lesson_id),
            opened,
            self._lesson_failed,
            owner=self,
        )

    def _lesson_failed(self, error: BaseException) -> None:
        show_error(self, self.tr("Cannot open this lesson"), one_line(error))

    # ------------------------------------------------------------------ dialogs

    def add_course(self) -> None:
        from player.ui.screens.add_course import AddCourseDialog

        AddCourseDialog(self.services, self).exec()  # an install announces the new course

    def switch_learner(self) -> None:
        from player.ui.screens.learners import LearnerDialog

        dialog = LearnerDialog(self.services, self)
        dialog.switched.connect(self._learner_switched)
        dialog.exec()

    def ask_pin_at_start(self, learner: Any) -> QWidget:
        """The app starts on a learner with a PIN: ask it before showing any of their progress.

        The switcher opens with that learner selected; picking another learner is fine, and
        Quit (or closing the prompt) closes the app. Until then there is no current learner.
        """
        from player.ui.screens.learners import LearnerDialog

        dialog = LearnerDialog(self.services, self, start_learner=learner)
        dialog.switched.connect(self._learner_switched)
        dialog.rejected.connect(self.close)
        self.start_prompt = dialog
        dialog.open()
        return dialog

    def _learner_switched(self, learner: Any) -> None:
        self.services.learner = learner
        self._update_learner_action()
        self.learner_changed.emit()
        self._apply_preferences()
        self.services.tasks.announce(Changes(learner=True), self)  # their progress, not mine
        self.show_library()

    def open_dashboard(self) -> QWidget:
        """The trainer's workshop dashboard (its own optional PIN guards it)."""
        from player.ui.screens.dashboard_dialog import DashboardDialog

        return self._open_once("dashboard", lambda: DashboardDialog(self.services, self))

    def open_sync_details(self) -> QWidget:
        from player.ui.screens.sync_details import SyncDetailsDialog

        def build() -> QWidget:
            dialog = SyncDetailsDialog(self.services, self, lambda: self.sync.last_problem)
            self.sync.changed.connect(dialog.sync_checked)
            dialog.send_now.connect(self.sync.tick)  # "Send now": one sync, the same as the timer's
            return dialog

        return self._open_once("sync_details", build)

    def open_workshop(self) -> QWidget:
        from player.ui.screens.workshop import WorkshopDialog

        return self._open_once("workshop", lambda: WorkshopDialog(self.services, self))

    @property
    def dashboard(self) -> QWidget | None:
        return self._dialogs.get("dashboard")

    @property
    def sync_details(self) -> QWidget | None:
        return self._dialogs.get("sync_details")

    def _open_once(self, name: str, build: Any) -> QWidget:
        """Show a non-blocking dialog, or raise it when it is already open."""
        dialog = self._dialogs.get(name)
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = build()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._dialogs.pop(name, None))
        self._dialogs[name] = dialog
        dialog.show()
        return dialog

    def open_shortcuts(self) -> QWidget:
        """The "Keyboard shortcuts" help page (F1), a non-blocking dialog."""
        from player.ui.screens.shortcuts import ShortcutsDialog

        return self._open_once("shortcuts", lambda: ShortcutsDialog(self))

    def open_settings(self) -> None:
        self.settings_dialog().exec()

    def settings_dialog(self) -> QDialog:
        """The Settings dialog, its choices wired to the window (not shown yet)."""
        from player.ui.screens.settings import SettingsDialog

        dialog = SettingsDialog(self.services, self)
        dialog.saved.connect(self.library.refresh)  # trusted keys change the publisher lines
        dialog.text_size_chosen.connect(self.remember_text_size)
        dialog.language_switched.connect(self._rename_default_learner)
        return dialog

    # ------------------------------------------------------------------ learner's choices

    def _apply_preferences(self) -> None:
        """The learner's text size, once their profile is known (their own, on a shared laptop)."""
        from player.ui import text_size

        learner_id = self.services.learner_id
        self.services.tasks.run(
            lambda: ops.learner_preferences(self.services, learner_id),
            lambda prefs: text_size.apply(prefs.text_size),
            owner=self,
        )

    def _rename_default_learner(self, old_name: str, new_name: str) -> None:
        """The placeholder profile ("Learner") takes the new language's name ("Apprenant")."""

        def renamed(learner: Any) -> None:
            current = self.services.learner
            if learner is not None and current is not None and learner.id == current.id:
                self.services.learner = learner
                self._update_learner_action()
                self.learner_changed.emit()

        self.services.tasks.run(
            lambda: ops.rename_default_learner(self.services, old_name, new_name),
            renamed,
            owner=self,
        )

    def remember_text_size(self, percent: int) -> None:
        from player.ui.screens.lesson_loader import remember

        remember(self.services, self, text_size=percent)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        place = geometry.remembered(self, self.services.settings)
        if place is not None:
            # A settings file that cannot be written: the next start is centred, that is all.
            with contextlib.suppress(PlayerError, OSError):
                self.services.save_settings(**{geometry.SETTINGS_KEY: place})
        if "workshop_hub" in self.services.extras:
            from player.ui.screens.workshop import stop_sharing

            stop_sharing(self.services)
        self.sync.close()
        for screen in self._screens():
            screen.release()
        super().closeEvent(event)


def _tabbable(widget: QWidget, window: QWidget) -> bool:
    """Whether Tab stops on ``widget`` (Qt's own rule for the focus chain)."""
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and widget.isEnabled()
        and widget.isVisibleTo(window)
    )


def _unique(sequences: list[QKeySequence]) -> list[QKeySequence]:
    """Each key sequence once, in order (empty ones dropped)."""
    seen: list[QKeySequence] = []
    for sequence in sequences:
        if not sequence.isEmpty() and sequence not in seen:
            seen.append(sequence)
    return seen


__all__ = ["MainWindow", "Note"]
