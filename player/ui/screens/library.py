"""The library: installed courses as cards, and the way to add one.

Its cards come from one read on the storage lane (the course list, the learner's progress in
each course and its publisher), so each card is drawn once, complete; no media is touched until
a course is opened.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from player.ui import ops
from player.ui.ops.changes import Changes
from player.ui.screens.base import Screen
from player.ui.services import Services
from player.ui.style import SPACING, mark
from player.ui.tasks import TaskRunner, one_line
from player.ui.units import format_size
from player.ui.widgets.common import Card, Heading, Note, Retranslatable, scaled_font
from player.ui.widgets.pictures import PictureView
from player.ui.widgets.publisher import PublisherLabel
from player.ui.widgets.ring import ProgressRing


def language_name(code: str) -> str:
    locale = QLocale(code)
    if locale.language() == QLocale.Language.C:
        return code
    name = locale.nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


CARD_WIDTH = 300
COVER_SIZE = (CARD_WIDTH - 2 * SPACING.m, (CARD_WIDTH - 2 * SPACING.m) * 9 // 16)


class CourseCard(Retranslatable, Card):
    """A course: its cover, title, publisher, a progress ring with "3 lessons of 9", one
    primary action (Start / Continue) and the rest (USB copy, remove) in a menu."""

    open_requested = Signal(str)
    copy_requested = Signal(str)  # course id: "Copy this course to a USB stick"
    remove_requested = Signal(str)

    def __init__(
        self,
        course: ops.CourseSummary,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.course = course
        self.tasks = tasks
        self.setObjectName(f"course-card-{course.id}")
        self.setFixedWidth(CARD_WIDTH)
        self.cover = PictureView(*COVER_SIZE)
        self.title = Heading(factor=1.2)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        mark(self.details, muted=True)
        self.publisher = PublisherLabel()
        self.bar = ProgressRing(44)
        self.lessons = QLabel()
        self.lessons.setTextFormat(Qt.TextFormat.PlainText)
        self.lessons.setWordWrap(True)
        self.button = QPushButton()
        mark(self.button, primary=True)
        self.button.clicked.connect(lambda: self.open_requested.emit(self.course.id))
        self._menu: QMenu | None = None  # built on first use: twenty cards start faster
        self.copy_action = QAction(self)
        self.copy_action.setObjectName("copy-to-usb")
        self.copy_action.triggered.connect(lambda: self.copy_requested.emit(self.course.id))
        self.remove_action = QAction(self)
        self.remove_action.setObjectName("remove-course")
        self.remove_action.triggered.connect(lambda: self.remove_requested.emit(self.course.id))
        self.more = QToolButton()
        self.more.setObjectName("course-menu")
        self.more.setText("⋯")
        self.more.clicked.connect(self._show_menu)
        self.more.setFont(scaled_font(self.more, 1.3, bold=True))

        progress = QHBoxLayout()
        progress.setSpacing(SPACING.s)
        progress.addWidget(self.bar)
        progress.addWidget(self.lessons, 1)
        actions = QHBoxLayout()
        actions.setSpacing(SPACING.s)
        actions.addWidget(self.button, 1)
        actions.addWidget(self.more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING.m, SPACING.m, SPACING.m, SPACING.m)
        layout.setSpacing(SPACING.s)
        layout.addWidget(self.cover)
        layout.addWidget(self.title)
        layout.addWidget(self.publisher)
        layout.addWidget(self.details)
        layout.addStretch(1)  # a taller card in the same row: text stays up, actions down
        layout.addLayout(progress)
        layout.addLayout(actions)
        self.show_course(course)

    @property
    def menu(self) -> QMenu:
        """The secondary actions: copy to a USB stick, remove."""
        if self._menu is None:
            self._menu = QMenu(self)
            self._menu.addAction(self.copy_action)
            self._menu.addSeparator()
            self._menu.addAction(self.remove_action)
        return self._menu

    def _show_menu(self) -> None:
        self.menu.popup(self.more.mapToGlobal(self.more.rect().bottomLeft()))

    def show_course(self, course: ops.CourseSummary) -> None:
        """Show this course's (new) data: progress, version, publisher."""
        self.course = course
        self.title.setText(course.title)
        self.title.setLocale(QLocale(course.language))
        self.publisher.set_publisher(course.publisher)
        self.retranslate()

    def load_cover(self) -> None:
        """Decode the cover (after the first frame: the main window calls this when idle)."""
        if self.tasks is not None:
            self.cover.show_picture(self.course.cover, self.tasks, self.course.title)
        else:
            self.cover.letter = self.course.title[:1].upper()

    def retranslate(self) -> None:
        course = self.course
        self.details.setText(
            self.tr("%1 · version %2 · %3")
            .replace("%1", language_name(course.language))
            .replace("%2", str(course.version))
            .replace("%3", format_size(course.bytes))
        )
        started = course.started
        share = round((course.progress or 0) * 100)
        self.bar.setValue(share)
        if course.total:
            counted = self.tr("%1 lessons of %2").replace("%1", str(course.done))
            counted = counted.replace("%2", str(course.total))
        else:
            counted = ""
        self.lessons.setText(counted)
        self.bar.setAccessibleName(
            self.tr("Progress in %1").replace("%1", course.title)
            + (f" : {counted}" if counted else "")
        )
        self.button.setText(self.tr("Continue") if started else self.tr("Start"))
        self.button.setAccessibleName(
            (self.tr("Continue %1") if started else self.tr("Start %1")).replace("%1", course.title)
        )
        self.copy_action.setText(self.tr("Copy to a USB stick…"))
        self.remove_action.setText(self.tr("Remove from this computer…"))
        self.more.setToolTip(self.tr("More actions"))
        self.more.setAccessibleName(self.tr("More actions for %1").replace("%1", course.title))
        self.setAccessibleName(course.title)


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
    course_requested = Signal(str)
    add_requested = Signal()
    refreshed = Signal()
    redraws_on = Changes(progress=True, courses=True, learner=True)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("library-screen")
        self.courses: list[ops.CourseSummary] = []
        self.loaded = False  # the course list has been read at least once
        self.cards: list[CourseCard] = []
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
        top.addWidget(self.heading, 1)
        top.addWidget(self.export_progress)
        top.addWidget(self.add)

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(SPACING.l)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.grid_host)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the cards

        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING.xl, SPACING.l, SPACING.xl, SPACING.s)
        layout.setSpacing(SPACING.l)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll_area, 1)
        self._layout = layout
        self._columns = 1
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("My courses"))
        self.add.setText(self.tr("Add a course…"))
        self.add.setAccessibleName(self.tr("Add a course"))
        self.export_progress.setText(self.tr("Export my progress to a USB stick…"))
        self._update_status()

    def _update_status(self) -> None:
        # Before the first read, say nothing: "no course" would be wrong with 20 installed.
        empty = self.loaded and not self.courses
        if empty or self._empty is not None:
            self.empty.setVisible(empty)
        self.scroll_area.setVisible(not empty)
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
            self._layout.insertWidget(self._layout.indexOf(self.scroll_area), self._empty)
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
        """Draw one card per course (the main window passes the list it read at start-up)."""
        self.courses = courses
        self.loaded = True
        if [course.id for course in courses] == [card.course.id for card in self.cards]:
            # Back from a lesson: the same courses, new progress. Update the cards in place
            # (no flicker, no rebuilding every card for one changed bar).
            for card, course in zip(self.cards, courses, strict=True):
                card.show_course(course)
            self._update_status()
            self.refreshed.emit()
            return
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        for course in courses:
            card = CourseCard(course, self.services.tasks)
            card.open_requested.connect(self.course_requested)
            card.copy_requested.connect(self.copy_to_usb)
            card.remove_requested.connect(self.ask_to_remove)
            self.cards.append(card)
        self._layout_cards()
        self._update_status()
        self.refreshed.emit()
        # Covers after the first frame: the cards show their placeholder until then.
        QTimer.singleShot(0, self, self._load_covers)

    def _load_covers(self) -> None:
        for card in self.cards:
            card.load_cover()

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

    def _layout_cards(self) -> None:
        while self.grid.count():
            self.grid.takeAt(0)
        for index, card in enumerate(self.cards):
            self.grid.addWidget(card, index // self._columns, index % self._columns)
        # Spare height goes to an empty row below the cards, never into the cards themselves.
        rows = -(-len(self.cards) // self._columns)
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 1 if row == rows else 0)
        if self.grid.rowCount() <= rows:
            self.grid.setRowStretch(rows, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        spare = self.width() - 2 * SPACING.xl
        columns = max(1, (spare + SPACING.l) // (CARD_WIDTH + SPACING.l))
        if columns != self._columns:
            self._columns = columns
            self._layout_cards()
