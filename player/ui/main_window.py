"""The main window: a toolbar, one screen at a time, and a status bar with sync state.

Screens never know about each other: they emit requests (open this course, this lesson, go
back) and the window decides what to show. Screens for a course or a lesson are built when
opened and dropped when left, so nothing of a course is loaded before the learner asks.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from player.ui.screens.library import LibraryScreen
from player.ui.screens.reading import ReadingScreen, load_page
from player.ui.services import Services
from player.ui.tasks import one_line
from player.ui.widgets.common import Note, show_error
from player.ui.widgets.icons import dot_icon


class MainWindow(QMainWindow):
    learner_changed = Signal()
    screen_changed = Signal(str)  # object name of the screen now shown

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.setObjectName("main-window")
        self.resize(1200, 760)
        self.setMinimumSize(QSize(800, 520))

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.library = LibraryScreen(services)
        self.library.course_requested.connect(self.open_course)
        self.library.add_requested.connect(self.add_course)
        self.stack.addWidget(self.library)
        self._history: list[QWidget] = []

        self._build_toolbar()
        self._build_status_bar()
        services.tasks.error_shown.connect(self._show_status_error)
        self.retranslate()
        self.library.refresh()

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
        self.action_back.setShortcuts([QKeySequence("Alt+Left"), QKeySequence.StandardKey.Back])
        self.action_back.triggered.connect(self.go_back)
        self.addAction(self.action_back)
        self.action_learner = QAction(self)
        self.action_learner.setShortcut(QKeySequence("Ctrl+L"))
        self.action_learner.triggered.connect(self.switch_learner)
        self.action_settings = QAction(self)
        self.action_settings.setShortcut(QKeySequence("Ctrl+,"))
        self.action_settings.triggered.connect(self.open_settings)
        bar.addAction(self.action_library)
        bar.addAction(self.action_add)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addAction(self.action_learner)
        bar.addAction(self.action_settings)
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
        status.addWidget(self.sync_label, 1)
        status.addPermanentWidget(self.online)
        self._online_state: bool | None = None
        self.set_online(None)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Course Player"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.action_library.setText(self.tr("&Library"))
        self.action_library.setToolTip(self.tr("Your courses (Ctrl+Home)"))
        self.action_add.setText(self.tr("&Add a course…"))
        self.action_add.setToolTip(self.tr("Install a course from a file, a USB stick or the web"))
        self.action_back.setText(self.tr("Back"))
        self.action_settings.setText(self.tr("&Settings"))
        self._update_learner_action()
        self.set_online(self._online_state)

    def changeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_learner_action(self) -> None:
        name = self.services.extras.get("learner_name")
        if name:
            self.action_learner.setText(self.tr("Learner: %1").replace("%1", name))
        else:
            self.action_learner.setText(self.tr("Learner"))
        self.action_learner.setToolTip(self.tr("Switch learner (Ctrl+L)"))

    def set_online(self, online: bool | None) -> None:
        """The indicator: online (LRS reachable), offline, or not checked yet."""
        self._online_state = online
        if online is None:
            text, colour = self.tr("Offline mode"), "#7a7a7a"
        elif online:
            text, colour = self.tr("Online"), "#2e7d32"
        else:
            text, colour = self.tr("Offline"), "#b26a00"
        self.online.setText(text)
        self.online.setIcon(dot_icon(colour))
        self.online.setAccessibleName(self.tr("Connection: %1").replace("%1", text))

    def set_sync_status(self, text: str) -> None:
        self.sync_label.setText(text)
        self.sync_label.setAccessibleName(text)

    def _show_status_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 15_000)

    # ------------------------------------------------------------------ navigation

    def current_screen(self) -> QWidget:
        return self.stack.currentWidget()

    def _show(self, screen: QWidget, *, push: bool = True) -> None:
        current = self.stack.currentWidget()
        if push and current is not None and current is not screen:
            self._history.append(current)
        if self.stack.indexOf(screen) < 0:
            self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        screen.setFocus(Qt.FocusReason.OtherFocusReason)
        self._drop_hidden()
        self.screen_changed.emit(screen.objectName())

    def _drop_hidden(self) -> None:
        """Delete screens that are neither shown, in the history, nor the library."""
        keep = {id(self.library), id(self.stack.currentWidget()), *map(id, self._history)}
        for index in reversed(range(self.stack.count())):
            widget = self.stack.widget(index)
            if id(widget) not in keep:
                self.stack.removeWidget(widget)
                widget.deleteLater()

    def show_library(self) -> None:
        self._history.clear()
        self._show(self.library, push=False)
        self.library.refresh()

    def go_back(self) -> None:
        if not self._history:
            return
        previous = self._history.pop()
        self._show(previous, push=False)
        refresh = getattr(previous, "refresh", None)
        if callable(refresh):
            refresh()

    def open_course(self, course_id: str) -> None:
        from player.ui.screens.outline import OutlineScreen

        self._history = []
        screen = OutlineScreen(self.services, course_id)
        screen.lesson_requested.connect(self.open_lesson)
        screen.back_requested.connect(self.show_library)
        self._show(self.library, push=False)
        self._show(screen)

    def open_lesson(self, course_id: str, lesson_id: str, kind: str) -> None:
        if kind == "text":
            self.services.tasks.run(
                lambda: load_page(self.services.context, course_id, lesson_id),
                self._show_page,
                self._lesson_failed,
                owner=self,
            )
        else:
            from player.ui.screens.lessons import lesson_screen

            screen = lesson_screen(self.services, course_id, lesson_id, kind)
            self._wire_lesson(screen, course_id, lesson_id)
            self._show(screen)

    def _show_page(self, page: Any) -> None:
        from player.ui.screens.lessons import reading_done

        screen = ReadingScreen(page, on_read=reading_done(self.services))
        self._wire_lesson(screen, page.course_id, page.lesson_id)
        self._show(screen)

    def _wire_lesson(self, screen: QWidget, course_id: str, lesson_id: str) -> None:
        back = getattr(screen, "back_requested", None)
        if back is not None:
            back.connect(self.go_back)
        nxt = getattr(screen, "next_requested", None)
        if nxt is not None:
            nxt.connect(lambda: self.open_next(course_id, lesson_id))

    def open_next(self, course_id: str, lesson_id: str) -> None:
        from player.ui.screens.lessons import next_lesson

        def opened(found: tuple[str, str] | None) -> None:
            if found is None:
                self.go_back()
            else:
                self._history.pop() if self._history and self._history[-1] is not None else None
                self.open_lesson(course_id, *found)

        self.services.tasks.run(
            lambda: next_lesson(self.services, course_id, lesson_id),
            opened,
            self._lesson_failed,
            owner=self,
        )

    def _lesson_failed(self, error: BaseException) -> None:
        show_error(self, self.tr("Cannot open this lesson"), one_line(error))

    # ------------------------------------------------------------------ dialogs

    def add_course(self) -> None:
        from player.ui.screens.add_course import AddCourseDialog

        dialog = AddCourseDialog(self.services, self)
        dialog.installed.connect(lambda _id: self.library.refresh())
        dialog.exec()

    def switch_learner(self) -> None:
        from player.ui.screens.learners import LearnerDialog

        dialog = LearnerDialog(self.services, self)
        if dialog.exec():
            self._update_learner_action()
            self.learner_changed.emit()
            self.show_library()

    def open_settings(self) -> None:
        from player.ui.screens.settings import SettingsDialog

        SettingsDialog(self.services, self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        for index in range(self.stack.count()):
            closing = getattr(self.stack.widget(index), "about_to_close", None)
            if callable(closing):
                closing()
        super().closeEvent(event)


__all__ = ["MainWindow", "Note"]
