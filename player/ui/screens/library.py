"""The library: installed courses as cards, and the way to add one.

Its cards come from one read on the storage lane (the course list, the learner's progress in
each course and its publisher), so each card is drawn once, complete; no media is touched until
a course is opened.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from player.ui import ops
from player.ui.ops.changes import Changes
from player.ui.screens.base import Screen
from player.ui.services import Services
from player.ui.tasks import one_line
from player.ui.units import format_size
from player.ui.widgets.common import Card, Heading, Note, Retranslatable
from player.ui.widgets.publisher import PublisherLabel


def language_name(code: str) -> str:
    locale = QLocale(code)
    if locale.language() == QLocale.Language.C:
        return code
    name = locale.nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


class CourseCard(Retranslatable, Card):
    open_requested = Signal(str)
    copy_requested = Signal(str)  # course id: "Copy this course to a USB stick"

    def __init__(self, course: ops.CourseSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.course = course
        self.setObjectName(f"course-card-{course.id}")
        self.title = Heading(factor=1.25)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.publisher = PublisherLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(True)
        self.button = QPushButton()
        self.button.clicked.connect(lambda: self.open_requested.emit(self.course.id))
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copy-to-usb")
        self.copy_button.clicked.connect(lambda: self.copy_requested.emit(self.course.id))
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.copy_button)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.publisher)
        layout.addStretch(1)  # a taller card in the same row: text stays up, buttons down
        layout.addLayout(row)
        self.show_course(course)

    def show_course(self, course: ops.CourseSummary) -> None:
        """Show this course's (new) data: progress, version, publisher."""
        self.course = course
        self.title.setText(course.title)
        self.title.setLocale(QLocale(course.language))
        self.publisher.set_publisher(course.publisher)
        self.retranslate()

    def retranslate(self) -> None:
        course = self.course
        self.details.setText(
            self.tr("%1 · version %2 · %3")
            .replace("%1", language_name(course.language))
            .replace("%2", str(course.version))
            .replace("%3", format_size(course.bytes))
        )
        started = course.started
        percent = round((course.progress or 0) * 100)
        self.bar.setValue(percent)
        self.bar.setFormat(self.tr("%1 % done").replace("%1", str(percent)))
        self.bar.setAccessibleName(self.tr("Progress in %1").replace("%1", course.title))
        self.button.setText(self.tr("Continue") if started else self.tr("Open"))
        self.button.setAccessibleName(
            (self.tr("Continue %1") if started else self.tr("Open %1")).replace("%1", course.title)
        )
        self.copy_button.setText(self.tr("Copy to a USB stick…"))
        self.copy_button.setAccessibleName(
            self.tr("Copy %1 to a USB stick").replace("%1", course.title)
        )
        self.setAccessibleName(course.title)


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
        self.status = Note()
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.add)

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.grid_host)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll_area, 1)
        self._columns = 1
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("My courses"))
        self.add.setText(self.tr("Add a course…"))
        self.add.setAccessibleName(self.tr("Add a course"))
        self._update_status()

    def _update_status(self) -> None:
        # Before the first read, say nothing: "no course" would be wrong with 20 installed.
        if self.loaded and not self.courses:
            self.status.setText(
                self.tr(
                    "No course is installed yet. Add one from a file, a USB stick or a web "
                    "address; everything then works without a network."
                )
            )
        else:
            self.status.setText("")
        self.status.setVisible(self.loaded and not self.courses)

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
            card = CourseCard(course)
            card.open_requested.connect(self.course_requested)
            card.copy_requested.connect(self.copy_to_usb)
            self.cards.append(card)
        self._layout_cards()
        self._update_status()
        self.refreshed.emit()

    def copy_to_usb(self, course_id: str) -> QWidget:
        """Open "Copy this course to a USB stick" (window-modal, not blocking the event loop)."""
        from player.ui.screens.usb import CopyToUsbDialog

        course = next(c for c in self.courses if c.id == course_id)
        if self.copy_dialog is not None:
            self.copy_dialog.close()
        dialog = CopyToUsbDialog(self.services, course.id, course.title, course.bytes, self)
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
        columns = max(1, min(3, self.width() // (self.fontMetrics().averageCharWidth() * 48)))
        if columns != self._columns:
            self._columns = columns
            self._layout_cards()
