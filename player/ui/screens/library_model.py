"""The library's courses as a Qt list model: one row per installed course.

Rows are the ``ops.CourseSummary`` values of one storage read (``ops.library_courses``). The
model answers, in the UI language, what a card shows (``widgets.course_cards.CardRole``) and
what a screen reader says: ``AccessibleTextRole`` is a sentence naming the course, its
publisher and the lessons done; ``AccessibleDescriptionRole`` says what Enter and the Menu key
do.

Covers are loaded lazily: the first time a card is painted, its cover is decoded at the card's
size after the first frame (``widgets.pictures.decode_later``), kept in ``QPixmapCache``, and
the card repainted (``dataChanged``). A library of fifty courses decodes the covers on screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QImage, QPixmap, QPixmapCache

from player.ui import ops
from player.ui.units import format_size
from player.ui.widgets import pictures
from player.ui.widgets.course_cards import CardRole
from player.ui.widgets.publisher import publisher_line

Index = QModelIndex | QPersistentModelIndex


def language_name(code: str) -> str:
    locale = QLocale(code)
    if locale.language() == QLocale.Language.C:
        return code
    name = locale.nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


class CourseListModel(QAbstractListModel):
    """The installed courses, in the order read (by title)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.courses: list[ops.CourseSummary] = []
        self.cover_size = QSize()  # device pixels; set by the view (its cards' cover size)
        self._decoding: set[str] = set()

    # --- the rows ---------------------------------------------------------------------------

    def set_courses(self, courses: list[ops.CourseSummary]) -> None:
        """Show these courses. The same courses with new progress update the rows in place
        (the current card stays current); another list resets the model."""
        if [c.id for c in courses] == [c.id for c in self.courses]:
            self.courses = list(courses)
            if courses:
                self.dataChanged.emit(self.index(0), self.index(len(courses) - 1))
            return
        self.beginResetModel()
        self.courses = list(courses)
        self.endResetModel()

    def course(self, index: Index) -> ops.CourseSummary:
        return self.courses[index.row()]

    def row_of(self, course_id: str) -> int:
        """The row of a course, or -1."""
        return next((row for row, c in enumerate(self.courses) if c.id == course_id), -1)

    def retranslate(self) -> None:
        """The UI language changed: every text role reads again."""
        if self.courses:
            self.dataChanged.emit(self.index(0), self.index(len(self.courses) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.courses)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # no drag, no edit

    # --- what a card shows ------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.courses):
            return None
        course = self.courses[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return course.title
        if role == Qt.ItemDataRole.DecorationRole:
            return self._cover(course, index)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.spoken(course)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.what_keys_do(course)
        if role == CardRole.COURSE_ID:
            return course.id
        if role in (CardRole.PUBLISHER, CardRole.PUBLISHER_TONE, CardRole.PUBLISHER_TIP):
            if course.publisher is None:
                return None
            line = publisher_line(course.publisher)
            if role == CardRole.PUBLISHER:
                return line.text
            return line.tone if role == CardRole.PUBLISHER_TONE else line.tip
        if role == CardRole.DETAILS:
            return (
                self.tr("%1 · version %2 · %3")
                .replace("%1", language_name(course.language))
                .replace("%2", str(course.version))
                .replace("%3", format_size(course.bytes))
            )
        if role == CardRole.PROGRESS:
            return course.progress or 0.0
        if role == CardRole.LESSONS:
            return self.lessons(course)
        if role == CardRole.ACTION:
            return self.tr("Continue") if course.started else self.tr("Start")
        if role == CardRole.MORE_TIP:
            return self.tr("More actions")
        if role == CardRole.LETTER:
            return course.title[:1].upper()
        return None

    def lessons(self, course: ops.CourseSummary) -> str:
        """ "3 lessons of 9", or "" when the course's lessons are unknown."""
        if not course.total:
            return ""
        return (
            self.tr("%1 lessons of %2")
            .replace("%1", str(course.done))
            .replace("%2", str(course.total))
        )

    def spoken(self, course: ops.CourseSummary) -> str:
        """What a screen reader says of a card: title, publisher, lessons done."""
        parts = [course.title]
        if course.publisher is not None:
            parts.append(publisher_line(course.publisher).text)
        lessons = self.lessons(course)
        if lessons:
            parts.append(lessons)
        return ". ".join(part.rstrip(".") for part in parts) + "."

    def what_keys_do(self, course: ops.CourseSummary) -> str:
        """What Enter and the Menu key do on a card."""
        if course.started:
            return self.tr(
                "Press Enter to continue this course, or the Menu key to copy it to a USB "
                "stick or remove it."
            )
        return self.tr(
            "Press Enter to start this course, or the Menu key to copy it to a USB stick or "
            "remove it."
        )

    # --- covers -----------------------------------------------------------------------------

    def _cover(self, course: ops.CourseSummary, index: Index) -> QPixmap | None:
        """The cover at the card's size if decoded, else None (the card shows its letter) and
        the decoding starts."""
        path, size = course.cover, self.cover_size
        if path is None or size.isEmpty():
            return None
        key = f"cover:{size.width()}x{size.height()}:{path}"
        pixmap = QPixmap()
        if QPixmapCache.find(key, pixmap):
            return pixmap
        image = pictures.cached(path, size)
        if image is not None:
            pixmap = QPixmap.fromImage(image)
            QPixmapCache.insert(key, pixmap)
            return pixmap
        if path not in self._decoding:
            self._decoding.add(path)
            pictures.decode_later(self, path, size, lambda image: self._decoded(path, size, image))
        return None

    def _decoded(self, path: str, size: QSize, image: QImage | None) -> None:
        self._decoding.discard(path)
        if image is None:
            return  # not a picture after all: the card keeps its letter
        pictures.remember(path, size, image)
        for row, course in enumerate(self.courses):
            if course.cover == path:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
