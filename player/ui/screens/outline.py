"""The course outline: modules and lessons with their state, the next lesson, "continue".

State comes from the learning engine (``course_state``); a locked module says what opens it,
phrased here from the engine's ``LockReason`` data ("reach 40 % in “Quiz 1” (Module 1)").
Course titles and lesson titles are the course's own text, in the course's language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from player.ui import ops, style
from player.ui.ops.changes import Changes
from player.ui.screens.base import Screen
from player.ui.services import Services
from player.ui.style import SPACING, mark
from player.ui.tasks import one_line
from player.ui.widgets import pictures
from player.ui.widgets.common import (
    Card,
    Heading,
    Note,
    lesson_header,
    percent,
    scaled_font,
    screen_margins,
)
from player.ui.widgets.icons import State, state_icon
from player.ui.widgets.publisher import PublisherLabel
from player.ui.widgets.svg import svg_icon

LESSON_STATE = {
    "not_started": State.OPEN,
    "in_progress": State.IN_PROGRESS,
    "complete": State.DONE,
}
MODULE_STATE = {"locked": State.LOCKED, "open": State.OPEN, "complete": State.DONE}


THUMBNAIL_SIZE = QSize(96, 54)


class LessonButton(QPushButton):
    """One lesson row: thumbnail, type icon, title, kind · duration · state, and a state icon;
    the next lesson is highlighted, a locked one greyed with a lock. Disabled while locked.

    ``text()`` (also its accessible name) says it all in one line; the row draws it in parts.
    """

    def __init__(self, lesson: Any, locked: bool, is_next: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.lesson = lesson
        self.locked = locked
        self.is_next = is_next
        self.setObjectName(f"lesson-{lesson.lesson_id}")
        self.setEnabled(not locked)
        state = State.LOCKED if locked else LESSON_STATE[lesson.status]
        self.state = state
        self.headline = lesson.title
        self.detail = ""
        self.badge = ""
        self.thumbnail: QPixmap | None = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_thumbnail(self, path: str | None) -> None:
        if path is None:
            return
        size = THUMBNAIL_SIZE * self.devicePixelRatioF()
        image = pictures.cached(path, size)
        if image is not None:
            self._thumbnail(image)
            return
        pictures.decode_later(self, path, size, lambda image: self._decoded(path, size, image))

    def _decoded(self, path: str, size: QSize, image: QImage | None) -> None:
        if image is not None:
            pictures.remember(path, size, image)
            self._thumbnail(image)

    def _thumbnail(self, image: QImage) -> None:
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.thumbnail = pixmap
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        lines = self.fontMetrics().height() * 2 + SPACING.xs
        return QSize(400, max(THUMBNAIL_SIZE.height(), lines) + 2 * SPACING.s)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = style.current()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        if self.is_next:
            painter.setPen(QPen(QColor(p.accent), 2))
            painter.setBrush(QColor(p.next_surface))
            painter.drawRoundedRect(rect, style.RADIUS, style.RADIUS)
        elif self.underMouse() and self.isEnabled():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(p.surface_alt))
            painter.drawRoundedRect(rect, style.RADIUS, style.RADIUS)
        x = SPACING.s
        thumb = QRectF(x, (self.height() - THUMBNAIL_SIZE.height()) / 2, *THUMBNAIL_SIZE.toTuple())
        clip = QPainterPath()
        clip.addRoundedRect(thumb, 4, 4)
        painter.save()
        painter.setClipPath(clip)
        if self.locked:
            painter.setOpacity(0.4)
        if self.thumbnail is not None:
            painter.drawPixmap(thumb.toRect(), self.thumbnail)
        else:
            painter.fillRect(thumb, QColor(p.surface_alt))
            kind = svg_icon(TYPE_ICON.get(self.lesson.type, "text"), "text_muted")
            side = 24
            kind.paint(
                painter,
                QRect(
                    round(thumb.center().x() - side / 2),
                    round(thumb.center().y() - side / 2),
                    side,
                    side,
                ),
            )
        painter.restore()
        x = int(thumb.right()) + SPACING.m
        state_side = 22
        right = self.width() - SPACING.m - state_side
        metrics = self.fontMetrics()
        if self.badge:
            badge_font = scaled_font(self, 0.85, bold=True)
            badge_width = QFontMetrics(badge_font).horizontalAdvance(self.badge) + 2 * SPACING.s
            badge = QRectF(right - SPACING.s - badge_width, 0, badge_width, metrics.height() + 4)
            badge.moveTop((self.height() - badge.height()) / 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(p.accent))
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
            painter.setPen(QColor(p.on_accent))
            painter.setFont(badge_font)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self.badge)
            right = int(badge.left())
        state_icon(self.state).paint(
            painter,
            QRect(
                self.width() - SPACING.m - state_side,
                (self.height() - state_side) // 2,
                state_side,
                state_side,
            ),
        )
        width = max(10, right - x - SPACING.s)
        top = (self.height() - 2 * metrics.height() - SPACING.xs) // 2
        type_side = metrics.height()
        svg_icon(
            TYPE_ICON.get(self.lesson.type, "text"), "locked" if self.locked else "accent"
        ).paint(painter, QRect(x, top, type_side, type_side))
        title_font = QFont(self.font())
        title_font.setBold(self.is_next)
        painter.setFont(title_font)
        painter.setPen(QColor(p.locked if self.locked else p.text))
        title_x = x + type_side + SPACING.s
        painter.drawText(
            QRect(title_x, top, width - type_side - SPACING.s, metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(title_font).elidedText(
                self.headline, Qt.TextElideMode.ElideRight, width - type_side - SPACING.s
            ),
        )
        painter.setFont(self.font())
        painter.setPen(QColor(p.locked if self.locked else p.text_muted))
        painter.drawText(
            QRect(x, top + metrics.height() + SPACING.xs, width, metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(self.detail, Qt.TextElideMode.ElideRight, width),
        )


TYPE_ICON = {"video": "video", "text": "text", "quiz": "quiz", "survey": "survey"}


class OutlineScreen(Screen):
    lesson_requested = Signal(str, str, str)  # course id, lesson id, lesson type
    loaded = Signal()
    redraws_on = Changes(progress=True, courses=True, learner=True)

    def __init__(self, services: Services, course_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.course_id = course_id
        self.outline: ops.Outline | None = None
        self.lesson_buttons: dict[str, LessonButton] = {}
        self.module_notes: dict[str, QLabel] = {}
        self.module_icons: dict[str, QLabel] = {}
        self.setObjectName("outline-screen")

        self.back = QPushButton()
        self.back.clicked.connect(self.back_requested)
        self.title = Heading(factor=1.6)
        self.publisher = PublisherLabel()
        self.summary = Note()
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(self.fontMetrics().height() // 2 + 2)
        self.continue_button = QPushButton()
        self.continue_button.setObjectName("continue")
        self.continue_button.setDefault(True)
        mark(self.continue_button, primary=True)
        self.continue_button.setFont(scaled_font(self, 1.1, bold=True))
        self.continue_button.clicked.connect(self.continue_course)
        top = lesson_header(self.back, self.title)
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.continue_button)

        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the lessons themselves
        scroll.setWidget(self.body)

        layout = screen_margins(QVBoxLayout(self))
        layout.addLayout(top)
        layout.addWidget(self.publisher)
        layout.addLayout(head)
        layout.addWidget(self.bar)
        layout.addWidget(scroll, 1)
        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------------ data

    def refresh(self) -> None:
        self.services.tasks.run(
            lambda: ops.course_outline(self.services, self.course_id),
            self._show,
            self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(one_line(error))

    def _show(self, outline: ops.Outline) -> None:
        self.outline = outline
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.lesson_buttons = {}
        self.module_notes = {}
        self.module_icons = {}
        language = QLocale(outline.manifest.language)
        self.title.setLocale(language)
        self.publisher.set_publisher(outline.publisher)
        state = outline.state
        for index, module in enumerate(state.modules, start=1):
            self.body_layout.addWidget(self._module_card(index, module, state, language))
        self.retranslate()
        focus = self.continue_button if self.continue_button.isEnabled() else self.back
        focus.setFocus()
        self.loaded.emit()

    def _module_card(self, index: int, module: Any, state: Any, language: QLocale) -> Card:
        card = Card()
        card.setObjectName(f"module-{module.module_id}")
        locked = module.status == "locked"
        mark(card, locked=locked)  # a locked module is greyed, with a lock, at a glance
        layout = QVBoxLayout(card)
        layout.setContentsMargins(SPACING.l, SPACING.m, SPACING.l, SPACING.m)
        layout.setSpacing(SPACING.xs)
        header = QHBoxLayout()
        header.setSpacing(SPACING.s)
        icon = QLabel()
        size = self.fontMetrics().height() + 8
        icon.setPixmap(
            state_icon(MODULE_STATE[module.status]).pixmap(
                QSize(size, size), self.devicePixelRatioF()
            )
        )
        icon.setObjectName(f"module-state-{module.module_id}")
        self.module_icons[module.module_id] = icon
        title = Heading(module.title, 1.2)
        title.setLocale(language)
        header.addWidget(icon)
        header.addWidget(title, 1)
        layout.addLayout(header)
        note = Note()
        note.setObjectName(f"module-note-{module.module_id}")
        if module.status == "locked":
            # Its lessons are disabled, out of the Tab chain: the reason itself takes the focus,
            # so a keyboard or screen reader user meets the lock and what opens it.
            note.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
        self.module_notes[module.module_id] = note
        layout.addWidget(note)
        if locked:
            mark(title, tone="locked")
            mark(note, tone="locked")
        thumbnails = self.outline.thumbnails if self.outline is not None else {}
        for lesson in module.lessons:
            button = LessonButton(lesson, locked, lesson.lesson_id == state.next_lesson)
            button.setLocale(language)
            button.show_thumbnail(thumbnails.get(lesson.lesson_id))
            button.clicked.connect(
                lambda _=False, les=lesson: self.lesson_requested.emit(
                    self.course_id, les.lesson_id, les.type
                )
            )
            self.lesson_buttons[lesson.lesson_id] = button
            layout.addWidget(button)
        card.setAccessibleName(module.title)
        return card

    # ------------------------------------------------------------------ text

    def retranslate(self) -> None:
        self.back.setText(self.tr("← Library"))
        self.back.setAccessibleName(self.tr("Back to the library"))
        self.back.setToolTip(self.tr("Back to the library (Alt+Left)"))
        outline = self.outline
        if outline is None:
            self.title.setText(self.tr("Loading the course…"))
            self.continue_button.setText(self.tr("Continue where I stopped"))
            self.continue_button.setEnabled(False)
            return
        state = outline.state
        self.title.setText(state.title)
        done, total = state.lessons_done, state.lessons_total
        if state.complete:
            self.summary.setText(
                self.tr("Course complete: all %1 lessons done. Well done!").replace(
                    "%1", str(total)
                )
            )
        else:
            self.summary.setText(
                self.tr("%1 of %2 lessons done").replace("%1", str(done)).replace("%2", str(total))
            )
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setAccessibleName(self.summary.text())
        started = any(
            lesson.status != "not_started" for module in state.modules for lesson in module.lessons
        )
        self.continue_button.setEnabled(state.next_lesson is not None)
        if state.next_lesson is None:
            self.continue_button.setText(self.tr("Nothing left to do"))
        elif started:
            self.continue_button.setText(self.tr("Continue where I stopped"))
        else:
            self.continue_button.setText(self.tr("Start the course"))
        self.continue_button.setToolTip(
            self.tr("Opens “%1”").replace("%1", state.lesson(state.next_lesson).title)
            if state.next_lesson
            else ""
        )
        for module in state.modules:
            note = self.module_notes.get(module.module_id)
            if note is not None:
                note.setText(self.module_text(module))
                note.setVisible(bool(note.text()))
                note.setAccessibleName(note.text())
            icon = self.module_icons.get(module.module_id)
            if icon is not None:
                states = {
                    "locked": self.tr("Locked module"),
                    "open": self.tr("Open module"),
                    "complete": self.tr("Completed module"),
                }
                icon.setAccessibleName(states.get(module.status, module.status))
            for lesson in module.lessons:
                button = self.lesson_buttons.get(lesson.lesson_id)
                if button is not None:
                    self._lesson_text(button, module)

    def module_text(self, module: Any) -> str:
        if module.status == "complete":
            return self.tr("Module complete.")
        if module.status == "open":
            text = (
                self.tr("%1 of %2 lessons done.")
                .replace("%1", str(module.lessons_done))
                .replace("%2", str(module.lessons_total))
            )
            # Surveys are listed with the lessons but never counted: say so, or the count
            # looks wrong ("2 lessons" next to three items).
            surveys = sum(1 for lesson in module.lessons if not lesson.required)
            if surveys:
                text += " " + self.tr("%n optional survey(s), not counted.", "", surveys)
            return text
        return self.lock_text(module.lock)

    def lock_text(self, lock: Any) -> str:
        """The locked module's reason, as a sentence in the UI language."""
        if lock is None:
            return self.tr("Locked: finish the module before.")
        steps: list[str] = []
        for quiz in lock.quizzes:
            step = (
                self.tr("reach %1 in “%2” (%3)")
                .replace("%1", percent(quiz.threshold))
                .replace("%2", quiz.title)
                .replace("%3", lock.module_title)
            )
            if quiz.best_score is not None:
                step += self.tr(" — best so far %1").replace("%1", percent(quiz.best_score))
            steps.append(step)
        if len(lock.lessons) == 1:
            steps.append(self.tr("finish “%1”").replace("%1", lock.lessons[0].title))
        elif lock.lessons:
            steps.append(
                self.tr("finish the other %1 lessons of “%2”")
                .replace("%1", str(len(lock.lessons)))
                .replace("%2", lock.module_title)
            )
        if not steps:
            return self.tr("Locked: complete “%1” first.").replace("%1", lock.module_title)
        separator = self.tr("; ", "between the steps that open a module")
        return self.tr("Locked. To open it: %1.").replace("%1", separator.join(steps))

    def _lesson_text(self, button: LessonButton, module: Any) -> None:
        lesson = button.lesson
        kinds = {
            "video": self.tr("Video"),
            "text": self.tr("Reading"),
            "quiz": self.tr("Quiz"),
            "survey": self.tr("Survey"),
        }
        if button.locked:
            status = self.tr("locked")
        elif lesson.status == "complete":
            status = self.tr("done")
            if lesson.type == "quiz" and lesson.best_score is not None:
                status = self.tr("passed, best %1").replace("%1", percent(lesson.best_score))
        elif lesson.status == "in_progress":
            status = self.tr("in progress")
            if lesson.type == "quiz" and lesson.best_score is not None:
                status = (
                    self.tr("best %1, %2 needed")
                    .replace("%1", percent(lesson.best_score))
                    .replace("%2", percent(lesson.threshold or 0))
                )
        else:
            status = self.tr("to do")
        parts = [kinds.get(lesson.type, lesson.type)]
        duration = self._duration(button)
        if duration:
            parts.append(duration)
        parts.append(status)
        button.detail = "  ·  ".join(parts)
        button.badge = self.tr("Next") if button.is_next else ""
        text = f"{lesson.title}  ·  {button.detail}"
        if button.is_next:
            text = self.tr("▶ Next: %1").replace("%1", text)
        button.setText(text)
        button.update()
        button.setAccessibleName(text)
        if button.locked and module.lock is not None:
            button.setToolTip(self.lock_text(module.lock))
            button.setAccessibleDescription(self.lock_text(module.lock))  # read after its name

    def _duration(self, button: LessonButton) -> str:
        """A video's length ("4 min", "45 s"), from the course or as last played."""
        seconds = button.lesson.duration
        if not seconds and self.outline is not None:
            lesson = self.outline.manifest.lesson(button.lesson.lesson_id)
            seconds = lesson.duration if lesson is not None else None
        if not seconds:
            return ""
        if seconds < 60:
            return self.tr("%1 s").replace("%1", str(round(seconds)))
        return self.tr("%1 min").replace("%1", str(round(seconds / 60)))

    # ------------------------------------------------------------------ actions

    def continue_course(self) -> None:
        if self.outline is None or self.outline.state.next_lesson is None:
            return
        lesson = self.outline.state.lesson(self.outline.state.next_lesson)
        self.lesson_requested.emit(self.course_id, lesson.lesson_id, lesson.type)
