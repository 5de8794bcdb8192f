"""The library: installed courses as cards, and the way to add one.

Its cards come from one read on the storage lane (the course list, the learner's progress in
each course and its publisher) into a list model (``library_model.CourseListModel``), shown by
a ``QListView`` whose delegate paints each card (``widgets.course_cards``): no widget per
course, and no media touched until a course is opened (covers are decoded when their card is
first painted).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from player.ui import ops
from player.ui.ops.changes import Changes
from player.ui.screens.base import Screen
from player.ui.screens.library_model import CourseListModel
from player.ui.services import Services
from player.ui.style import SPACING, mark
from player.ui.tasks import one_line
from player.ui.widgets.common import Heading, Note, Retranslatable, scaled_font
from player.ui.widgets.course_cards import CourseGrid


class EmptyLibrary(Retranslatable, QWidget):
    """What to do when no course is installed: three ways in, with an illustration."""

    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("empty-library")
        from player.ui.widgets.svg import Illustration

        self.picture = Illustration("empty-library.svg", 220, 150)
        self.title = Heading(factor=1.3)
        self.ways: list[tuple[QLabel, QLabel]] = []
        ways = QVBoxLayout()
        ways.setSpacing(SPACING.m)
        for _ in range(3):
            name = QLabel()
            name.setTextFormat(Qt.TextFormat.PlainText)
            name.setFont(scaled_font(name, 1.0, bold=True))
            how = Note()
            mark(how, muted=True)
            ways.addWidget(name)
            ways.addWidget(how)
            self.ways.append((name, how))
        self.add = QPushButton()
        mark(self.add, primary=True)
        self.add.clicked.connect(self.add_requested)
        text = QVBoxLayout()
        text.setSpacing(SPACING.m)
        text.addWidget(self.title)
        text.addLayout(ways)
        text.addWidget(self.add, 0, Qt.AlignmentFlag.AlignLeft)
        text.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACING.xl, SPACING.xl, SPACING.xl, SPACING.xl)
        layout.setSpacing(SPACING.xxl)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("No course yet: add your first one"))
        texts = (
            (
                self.tr("From a USB stick"),
                self.tr(
                    "Plug in the stick a trainer gave you, then choose Add a course…: the "
                    "courses on the stick are listed there."
                ),
            ),
            (
                self.tr("From a web address"),
                self.tr(
                    "Type the address your organisation sent you (it starts with https://). "
                    "Once installed, the course works without a network."
                ),
            ),
            (
                self.tr("From a workshop hub"),
                self.tr(
                    "In a workshop, the trainer's computer shares its courses on the local "
                    "network: they appear under Add a course…."
                ),
            ),
        )
        for (name, how), (title, text) in zip(self.ways, texts, strict=True):
            name.setText(title)
            how.setText(text)
        self.add.setText(self.tr("Add a course…"))
        self.add.setAccessibleName(self.tr("Add a course"))


class LibraryScreen(Screen):
    course_requested = Signal(str)  # open this course (its outline)
    copy_requested = Signal(str)  # course id: "Copy this course to a USB stick"
    remove_requested = Signal(str)  # course id: remove it from this computer (asks first)
    add_requested = Signal()
    refreshed = Signal()
    redraws_on = Changes(progress=True, courses=True, learner=True)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("library-screen")
        self.loaded = False  # the course list has been read at least once
        self.copy_dialog: QWidget | None = None

        self.heading = Heading(factor=1.6)
        self.add = QPushButton()
        self.add.clicked.connect(self.add_requested)
        # "Export my progress to a USB stick", beside the courses' "Copy to a USB stick"
        self.export_progress = QPushButton()
        self.export_progress.setObjectName("export-progress-to-usb")
        self.export_progress.clicked.connect(self.progress_to_usb)
        self.status = Note()
        self.status.hide()
        self._empty: EmptyLibrary | None = None  # made only when no course is installed
        top = QHBoxLayout()
        top.setSpacing(SPACING.m)
        top.addWidget(self.heading, 1)
        top.addWidget(self.export_progress)
        top.addWidget(self.add)

        self.model = CourseListModel(self)
        self.view = CourseGrid()
        self.view.setModel(self.model)
        self.view.open_requested.connect(self._open)
        self.view.menu_requested.connect(self._menu_requested)
        self.copy_requested.connect(self.copy_to_usb)
        self.remove_requested.connect(self.ask_to_remove)
        self._menu: QMenu | None = None  # built on first use
        self._menu_course: str | None = None  # the course the menu acts on
        self.copy_action = QAction(self)
        self.copy_action.setObjectName("copy-to-usb")
        self.copy_action.triggered.connect(lambda: self._act_on(self.copy_requested))
        self.remove_action = QAction(self)
        self.remove_action.setObjectName("remove-course")
        self.remove_action.triggered.connect(lambda: self._act_on(self.remove_requested))

        layout = QVBoxLayout(self)
        # The cards have a margin of their own (the view's spacing): the heading and the status
        # line take the same, so the cards' edges line up with them.
        inset = SPACING.xl - SPACING.l
        layout.setContentsMargins(inset, SPACING.l, inset, 0)
        layout.setSpacing(0)
        top.setContentsMargins(SPACING.l, 0, SPACING.l, 0)
        self.status.setContentsMargins(SPACING.l, 0, SPACING.l, 0)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self._layout = layout
        self.retranslate()

    @property
    def courses(self) -> list[ops.CourseSummary]:
        """The courses the library shows, in order."""
        return self.model.courses

    def retranslate(self) -> None:
        self.heading.setText(self.tr("My courses"))
        self.add.setText(self.tr("Add a course…"))
        self.add.setAccessibleName(self.tr("Add a course"))
        self.export_progress.setText(self.tr("Export my progress to a USB stick…"))
        self.view.setAccessibleName(self.tr("My courses"))
        self.view.setAccessibleDescription(
            self.tr("Arrow keys move between courses; Enter opens the course.")
        )
        self.copy_action.setText(self.tr("Copy to a USB stick…"))
        self.remove_action.setText(self.tr("Remove from this computer…"))
        self.model.retranslate()
        self._update_status()

    def _update_status(self) -> None:
        # Before the first read, say nothing: "no course" would be wrong with 20 installed.
        empty = self.loaded and not self.courses
        if empty or self._empty is not None:
            self.empty.setVisible(empty)
        self.view.setVisible(not empty)
        self.add.setVisible(not empty)  # the guidance has its own button
        self.status.setText("")
        self.status.hide()

    @property
    def empty(self) -> EmptyLibrary:
        """What to do with no course: built the first time the library is empty."""
        if self._empty is None:
            self._empty = EmptyLibrary()
            self._empty.add_requested.connect(self.add_requested)
            self._empty.hide()  # shown by _update_status when the library is empty
            # In the cards' place, it takes the margin the cards have of their own.
            self._empty.setContentsMargins(SPACING.l, SPACING.l, SPACING.l, SPACING.s)
            self._layout.insertWidget(self._layout.indexOf(self.view), self._empty)
        return self._empty

    def refresh(self) -> None:
        learner = self.services.learner
        learner_id = None if learner is None else int(learner.id)
        self.services.tasks.run(
            lambda: ops.library_courses(self.services, learner_id),
            self.show_courses,
            self.show_error,
            owner=self,
        )

    def show_error(self, error: BaseException) -> None:
        """Say in one line why the library could not be read."""
        self.status.setText(one_line(error))
        self.status.show()
        self.refreshed.emit()

    def show_courses(self, courses: list[ops.CourseSummary]) -> None:
        """Show these courses (the main window passes the list it read at start-up).

        Back from a lesson, the same courses with new progress update their cards in place
        (the current card stays current); covers are decoded when their card is first painted.
        """
        self.model.cover_size = self.view.cover_size()
        self.model.set_courses(courses)
        self.loaded = True
        self._update_status()
        self.refreshed.emit()

    # --- a card's actions -------------------------------------------------------------------

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.course_requested.emit(self.model.course(index).id)

    @property
    def menu(self) -> QMenu:
        """A card's secondary actions: copy to a USB stick, remove."""
        if self._menu is None:
            self._menu = QMenu(self)
            self._menu.setObjectName("course-menu")
            self._menu.addAction(self.copy_action)
            self._menu.addSeparator()
            self._menu.addAction(self.remove_action)
        return self._menu

    def open_menu(self, course_id: str, at: QPoint | None = None) -> QMenu:
        """Pop up the secondary actions of a course, at ``at`` (global) or below its "⋯"."""
        index = self.model.index(self.model.row_of(course_id))
        if at is None:
            at = self.view.viewport().mapToGlobal(self.view.card_geometry(index).more.bottomLeft())
        self._menu_course = course_id
        title = self.model.course(index).title
        self.menu.setAccessibleName(self.tr("More actions for %1").replace("%1", title))
        self.menu.popup(at)
        return self.menu

    def _menu_requested(self, index: QModelIndex, at: QPoint) -> None:
        self.open_menu(self.model.course(index).id, at)

    def _act_on(self, signal: SignalInstance) -> None:
        """A menu action chosen: ask for it with the course the menu was opened for."""
        if self._menu_course is not None:
            signal.emit(self._menu_course)

    def ask_to_remove(self, course_id: str) -> QWidget:
        """Confirm, then remove a course from this computer (progress is kept)."""
        from PySide6.QtWidgets import QMessageBox

        course = next(c for c in self.courses if c.id == course_id)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove a course"),
            self.tr("Remove “%1” from this computer?").replace("%1", course.title),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(
            self.tr("The learners' progress is kept: installing the course again brings it back.")
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            if box.clickedButton() is remove:
                self.services.tasks.run(
                    lambda: ops.remove_course(self.services, course_id),
                    lambda _changes: self.refresh(),
                    self.show_error,
                    owner=self,
                )

        box.finished.connect(answered)
        box.open()
        return box

    def copy_to_usb(self, course_id: str) -> QWidget:
        """Open "Copy this course to a USB stick" (window-modal, not blocking the event loop)."""
        from player.ui.screens.usb_dialogs import CopyToUsbDialog

        course = next(c for c in self.courses if c.id == course_id)
        if self.copy_dialog is not None:
            self.copy_dialog.close()
        dialog = CopyToUsbDialog(self.services, course.id, course.title, course.bytes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._copy_dialog_gone(dialog))
        self.copy_dialog = dialog
        dialog.open()
        return dialog

    def progress_to_usb(self) -> QWidget | None:
        """Open "Export my progress to a USB stick" for the current learner (window-modal)."""
        from player.ui.screens.usb_dialogs import ProgressToUsbDialog

        learner = self.services.learner
        if learner is None:
            return None
        if self.copy_dialog is not None:
            self.copy_dialog.close()
        dialog = ProgressToUsbDialog(self.services, int(learner.id), str(learner.name), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._copy_dialog_gone(dialog))
        self.copy_dialog = dialog
        dialog.open()
        return dialog

    def _copy_dialog_gone(self, dialog: QWidget) -> None:
        if self.copy_dialog is dialog:
            self.copy_dialog = None
