"""The quiz: one question at a time, each answer saved the moment it changes, then the result.

One question per page suits a 1024×600 netbook and keyboard use: Tab reaches the answers
first, then the navigation buttons; arrow keys move between choices, Space picks, Enter in a
typed answer moves on, Alt+N / Alt+P move between questions and Ctrl+Enter submits.
Multiple-choice checkboxes are deliberately not in a ``QButtonGroup``: Qt gives only the focused
button of a group a place in the Tab chain and moves by arrows only between exclusive buttons,
which left every checkbox but the first out of reach of the keyboard.
Every change goes to the engine (``answer``) on the storage lane, so a learner who closes the
laptop mid-quiz resumes with every answer given. A text answer is saved when the learner stops
typing briefly or leaves the field.

The result page shows the score, pass or fail against the threshold in force, each question's
feedback with its explanation, and — on a pass that opens the next module — says so.
"""

from __future__ import annotations

import dataclasses
import html
from typing import Any

from PySide6.QtCore import QElapsedTimer, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from player.ui import ops, style
from player.ui.screens.base import Screen
from player.ui.services import Services
from player.ui.style import mark
from player.ui.tasks import one_line
from player.ui.widgets.common import (
    Heading,
    Note,
    Retranslatable,
    lesson_header,
    percent,
    scaled_font,
    screen_margins,
)
from player.ui.widgets.focus import chain_tab_order
from player.ui.widgets.score import ScoreGauge

TEXT_SAVE_DELAY_MS = 600


class QuestionPage(Retranslatable, QWidget):
    """One question's prompt and answer controls; emits ``changed(value)`` on every change."""

    changed = Signal(object)
    entered = Signal()  # Enter pressed in a typed answer

    def __init__(self, question: Any, language: QLocale, parent: QWidget | None = None):
        super().__init__(parent)
        self.question = question
        self.prompt = Heading(question.prompt, 1.15)
        self.prompt.setLocale(language)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        self.hint = Note()
        layout.addWidget(self.hint)
        self.buttons: dict[Any, QAbstractButton] = {}
        self.group: QButtonGroup | None = None
        self.line: QLineEdit | None = None
        kind = question.kind
        if kind == "single":
            self.group = QButtonGroup(self)
            for choice in question.choices:
                button: QAbstractButton = QRadioButton(choice.text)
                button.setLocale(language)
                button.setObjectName(f"choice-{question.id}-{choice.id}")
                self.group.addButton(button)
                self.buttons[choice.id] = button
                layout.addWidget(button)
            self.group.buttonToggled.connect(self._toggled)
        elif kind == "multiple":
            for choice in question.choices:  # no group: each checkbox is reachable (above)
                button = QCheckBox(choice.text)
                button.setLocale(language)
                button.setObjectName(f"choice-{question.id}-{choice.id}")
                button.toggled.connect(lambda checked, b=button: self._toggled(b, checked))
                self.buttons[choice.id] = button
                layout.addWidget(button)
        elif kind == "true_false":
            self.group = QButtonGroup(self)
            for value in (True, False):
                button = QRadioButton()
                button.setObjectName(f"choice-{question.id}-{str(value).lower()}")
                self.group.addButton(button)
                self.buttons[value] = button
                layout.addWidget(button)
            self.group.buttonToggled.connect(self._toggled)
        else:
            self.line = QLineEdit()
            self.line.setObjectName(f"answer-{question.id}")
            self.line.setLocale(language)
            self.line.setMaxLength(500)
            self.line.textEdited.connect(lambda text: self.changed.emit(text))
            self.line.returnPressed.connect(self.entered)
            layout.addWidget(self.line)
        layout.addStretch(1)
        self.set_value(question.answer)
        self.retranslate()

    def retranslate(self) -> None:
        kind = self.question.kind
        hints = {
            "single": self.tr("Choose one answer."),
            "multiple": self.tr("Choose every correct answer."),
            "true_false": self.tr("True or false?"),
            "text": self.tr("Type your answer."),
        }
        self.hint.setText(hints.get(kind, ""))
        if kind == "true_false":
            self.buttons[True].setText(self.tr("True"))
            self.buttons[False].setText(self.tr("False"))
        if self.line is not None:
            self.line.setAccessibleName(self.tr("Your answer"))
            self.line.setAccessibleDescription(self.question.prompt)
            self.line.setToolTip(self.tr("Enter: next question"))
        for button in self.buttons.values():
            button.setAccessibleDescription(self.question.prompt)

    def set_value(self, value: Any) -> None:
        """Show a saved answer without emitting ``changed``."""
        self.blockSignals(True)
        try:
            if self.line is not None:
                self.line.setText(value if isinstance(value, str) else "")
            else:
                picked = set(value) if isinstance(value, list) else {value}
                exclusive = self.group is not None and self.group.exclusive()
                if self.group is not None:
                    self.group.setExclusive(False)
                for key, button in self.buttons.items():
                    button.setChecked(value is not None and key in picked)
                if self.group is not None:
                    self.group.setExclusive(exclusive)
        finally:
            self.blockSignals(False)

    def value(self) -> Any:
        kind = self.question.kind
        if self.line is not None:
            text = self.line.text()
            return text if text.strip() else None
        checked = [key for key, button in self.buttons.items() if button.isChecked()]
        if kind == "multiple":
            return checked or None
        return checked[0] if checked else None

    def _toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if self.question.kind != "multiple" and not checked:
            return  # the other half of an exclusive switch
        self.changed.emit(self.value())

    def controls(self) -> list[QWidget]:
        """The answer controls, in reading order (for the screen's Tab order)."""
        return [self.line] if self.line is not None else list(self.buttons.values())

    def focus_first(self) -> None:
        if self.line is not None:
            self.line.setFocus()
            return
        checked = [b for b in self.buttons.values() if b.isChecked()]
        target = checked[0] if checked else next(iter(self.buttons.values()), None)
        if target is not None:
            target.setFocus()


class QuizScreen(Screen):
    loaded = Signal()
    saved = Signal(str)  # question id, after the engine stored the answer
    submitted = Signal(object)  # QuizOutcome

    def __init__(
        self, services: Services, course_id: str, lesson_id: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.services = services
        self.course_id = course_id
        self.lesson_id = lesson_id
        self.session: ops.QuizSession | None = None
        self.outcome: ops.QuizOutcome | None = None
        self.pages: list[QuestionPage] = []
        self.index = 0
        self._pending_text: tuple[str, Any] | None = None
        self.setObjectName("quiz-screen")

        self.back = QPushButton()
        self.back.clicked.connect(self.back_requested)
        self.title = Heading(factor=1.4)
        self.position = QLabel()
        self.position.setObjectName("quiz-position")
        top = lesson_header(self.back, self.title, self.position)
        self.info = Note()
        self.message = Note()
        self.message.setObjectName("quiz-message")
        self.message.hide()

        # Page 0: the questions; page 1: the result.
        self.pages_stack = QStackedWidget()
        self.question_scroll = QScrollArea()
        self.question_scroll.setWidgetResizable(True)
        self.question_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Tab goes to the answers themselves (the area scrolls to the focused one).
        self.question_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.question_stack = QStackedWidget()
        self.question_scroll.setWidget(self.question_stack)
        self.previous = QPushButton()
        self.previous.setObjectName("quiz-previous")
        self.previous.clicked.connect(lambda: self.go_to(self.index - 1))
        self.next = QPushButton()
        self.next.setObjectName("quiz-next")
        self.next.clicked.connect(lambda: self.go_to(self.index + 1))
        self.submit_button = QPushButton()
        self.submit_button.setObjectName("quiz-submit")
        self.submit_button.clicked.connect(self.submit)
        nav = QHBoxLayout()
        nav.addWidget(self.previous)
        nav.addStretch(1)
        nav.addWidget(self.next)
        nav.addWidget(self.submit_button)
        asking = QWidget()
        asking_layout = QVBoxLayout(asking)
        asking_layout.setContentsMargins(0, 0, 0, 0)
        asking_layout.addWidget(self.question_scroll, 1)
        asking_layout.addLayout(nav)

        result = QWidget()
        self.verdict = Heading(factor=1.5)
        self.verdict.setObjectName("quiz-verdict")
        self.score = QLabel()
        self.score.setTextFormat(Qt.TextFormat.PlainText)
        self.score.setObjectName("quiz-score")
        self.score.setFont(scaled_font(self, 1.15))
        self.unlocked = QLabel()
        self.unlocked.setTextFormat(Qt.TextFormat.PlainText)  # names modules
        self.unlocked.setObjectName("quiz-unlocked")
        self.unlocked.setWordWrap(True)
        mark(self.unlocked, notice="success")
        self.feedback = QTextBrowser()
        self.feedback.setObjectName("quiz-feedback")
        self.feedback.setOpenLinks(False)
        self.retry = QPushButton()
        self.retry.setObjectName("quiz-retry")
        self.retry.clicked.connect(self.start)
        self.to_outline = QPushButton()
        self.to_outline.clicked.connect(self.back_requested)
        self.next_lesson = QPushButton()
        self.next_lesson.setObjectName("quiz-next-lesson")
        self.next_lesson.clicked.connect(self.next_requested)
        result_buttons = QHBoxLayout()
        result_buttons.addWidget(self.retry)
        result_buttons.addStretch(1)
        result_buttons.addWidget(self.to_outline)
        result_buttons.addWidget(self.next_lesson)
        result_layout = QVBoxLayout(result)
        result_layout.setContentsMargins(0, 0, 0, 0)
        self.gauge = ScoreGauge()
        result_layout.addWidget(self.verdict)
        result_layout.addWidget(self.gauge)
        result_layout.addWidget(self.score)
        result_layout.addWidget(self.unlocked)
        result_layout.addWidget(self.feedback, 1)
        result_layout.addLayout(result_buttons)

        self.pages_stack.addWidget(asking)
        self.pages_stack.addWidget(result)

        layout = screen_margins(QVBoxLayout(self))
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(self.message)
        layout.addWidget(self.pages_stack, 1)

        self._text_timer = QTimer(self, singleShot=True, interval=TEXT_SAVE_DELAY_MS)
        self._text_timer.timeout.connect(self._flush_text)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.submit)
        self._clock = QElapsedTimer()
        self._clock.start()
        self.retranslate()
        self.start()

    # ------------------------------------------------------------------ attempt

    def start(self) -> None:
        """Start a new attempt, or resume the unfinished one with its answers."""
        self.message.clear()
        self.message.hide()
        self.services.tasks.run(
            lambda: ops.start_quiz(self.services, self.course_id, self.lesson_id),
            self._show_session,
            self._failed,
            owner=self,
        )

    def _show_session(self, session: ops.QuizSession) -> None:
        self.session = session
        self.outcome = None
        language = QLocale(session.language)
        self.title.setText(session.title)
        self.title.setLocale(language)
        while self.question_stack.count():
            widget = self.question_stack.widget(0)
            if widget is not None:
                self.question_stack.removeWidget(widget)
                widget.deleteLater()
        self.pages = []
        for question in session.questions:
            page = QuestionPage(question, language)
            page.changed.connect(
                lambda value, qid=question.id, kind=question.kind: self._changed(qid, kind, value)
            )
            page.entered.connect(self._entered)
            self.pages.append(page)
            self.question_stack.addWidget(page)
        self.pages_stack.setCurrentIndex(0)
        self.position.show()
        unanswered = [i for i, q in enumerate(session.questions) if q.answer is None]
        self._chain_tab_order()
        self.go_to(unanswered[0] if unanswered else 0)
        self.retranslate()
        self.loaded.emit()

    def _chain_tab_order(self) -> None:
        """Answers first, then the buttons that act on them (pages are built after those)."""
        answers = [control for page in self.pages for control in page.controls()]
        chain_tab_order(
            [self.back, *answers, self.previous, self.next, self.submit_button]
            + [self.feedback, self.retry, self.to_outline, self.next_lesson]
        )

    def _entered(self) -> None:
        """Enter in a typed answer: on to the next question, or submit after the last one."""
        if self.index < len(self.pages) - 1:
            self.go_to(self.index + 1)
        else:
            self.submit()

    def go_to(self, index: int) -> None:
        if not self.pages:
            return
        self._flush_text()
        self.index = max(0, min(index, len(self.pages) - 1))
        self.question_stack.setCurrentIndex(self.index)
        self.pages[self.index].focus_first()
        self._update_nav()

    def _update_nav(self) -> None:
        count = len(self.pages)
        self.position.setText(
            self.tr("Question %1 of %2")
            .replace("%1", str(self.index + 1))
            .replace("%2", str(count))
        )
        self.previous.setEnabled(self.index > 0)
        self.next.setVisible(self.index < count - 1)
        self.submit_button.setDefault(self.index == count - 1)
        self.next.setDefault(self.index < count - 1)

    def _changed(self, question_id: str, kind: str, value: Any) -> None:
        if kind == "text":
            self._pending_text = (question_id, value if value and value.strip() else None)
            self._text_timer.start()
            return
        self._save(question_id, value)

    def _flush_text(self) -> None:
        self._text_timer.stop()
        if self._pending_text is not None:
            question_id, value = self._pending_text
            self._pending_text = None
            self._save(question_id, value)

    def _save(self, question_id: str, value: Any) -> None:
        session = self.session
        if session is None:
            return
        self.services.tasks.run(
            lambda: ops.save_answer(
                self.services, self.course_id, session.attempt_id, question_id, value
            ),
            lambda _none: self.saved.emit(question_id),
            self._failed,
            owner=self,
        )

    def unanswered(self) -> int:
        return sum(1 for page in self.pages if page.value() is None)

    def submit(self, *, confirm: bool = True) -> None:
        session = self.session
        if session is None or self.pages_stack.currentIndex() != 0:
            return
        self._flush_text()
        missing = self.unanswered()
        if confirm and missing:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Submit the quiz?"),
                self.tr("%n question(s) have no answer yet. Submit anyway?", "", missing),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            if box.exec() != QMessageBox.StandardButton.Yes:
                return
        self.submit_button.setEnabled(False)
        # Same lane as the answers: every answer above is stored before the attempt is scored.
        self.services.tasks.run(
            lambda: ops.submit_quiz(
                self.services, self.course_id, self.lesson_id, session.attempt_id
            ),
            self._show_result,
            self._failed,
            owner=self,
        )

    def _show_result(self, outcome: ops.QuizOutcome) -> None:
        self.outcome = outcome
        if self.session is not None:  # the header's best score counts this attempt too
            self.session = dataclasses.replace(
                self.session,
                best_score=outcome.result.best_score,
                attempts=self.session.attempts + 1,
            )
        self.submit_button.setEnabled(True)
        self.pages_stack.setCurrentIndex(1)
        self.position.hide()
        self.retranslate()
        (self.next_lesson if outcome.result.passed else self.retry).setFocus()
        self.submitted.emit(outcome)

    def _failed(self, error: BaseException) -> None:
        self.submit_button.setEnabled(True)
        self.message.setText(one_line(error))
        self.message.show()

    # ------------------------------------------------------------------ text

    def retranslate(self) -> None:
        self.back.setText(self.tr("← Outline"))
        self.back.setAccessibleName(self.tr("Back to the course outline"))
        self.back.setToolTip(self.tr("Back to the course outline (Alt+Left)"))
        self.previous.setText(self.tr("← &Previous"))
        self.next.setText(self.tr("&Next →"))
        self.submit_button.setText(self.tr("&Submit answers"))
        self.submit_button.setToolTip(self.tr("Submit (Ctrl+Enter)"))
        self.retry.setText(self.tr("&Try again"))
        self.to_outline.setText(self.tr("Back to the &outline"))
        self.next_lesson.setText(self.tr("Next &lesson →"))
        session = self.session
        if session is None:
            self.title.setText(self.tr("Loading the quiz…"))
            return
        info = self.tr("Pass mark: %1.").replace("%1", percent(session.threshold))
        if session.best_score is not None:
            info += " " + self.tr("Your best score so far: %1.").replace(
                "%1", percent(session.best_score)
            )
        info += " " + self.tr("Each answer is saved as soon as you give it.")
        self.info.setText(info)
        self._update_nav()
        if self.outcome is not None:
            self._retranslate_result(self.outcome)

    def _retranslate_result(self, outcome: ops.QuizOutcome) -> None:
        result = outcome.result
        if result.passed:
            self.verdict.setText(self.tr("✓ Passed"))
            mark(self.verdict, tone="success")
        else:
            self.verdict.setText(self.tr("Not passed yet"))
            mark(self.verdict, tone="warning")
        self.gauge.set_result(result.score, result.threshold, result.passed)
        mark(self.next_lesson, primary=result.passed)  # the one thing to do next stands out
        mark(self.retry, primary=not result.passed)
        self.score.setText(
            self.tr("Your score: %1 — pass mark %2 — best score %3")
            .replace("%1", percent(result.score))
            .replace("%2", percent(result.threshold))
            .replace("%3", percent(result.best_score))
        )
        self.score.setAccessibleName(self.verdict.text() + ". " + self.score.text())
        # The focus lands on one of these when the result shows: a screen reader reads the
        # verdict and the score with it, not only the button's name.
        for button in (self.retry, self.next_lesson, self.to_outline):
            button.setAccessibleDescription(self.score.accessibleName())
        if outcome.unlocked:
            names = ", ".join(self.tr("“%1”").replace("%1", title) for title in outcome.unlocked)
            self.unlocked.setText(self.tr("Unlocked: %1 is now open.").replace("%1", names))
        elif outcome.course_complete:
            self.unlocked.setText(self.tr("Course complete. Congratulations!"))
        self.unlocked.setVisible(bool(outcome.unlocked or outcome.course_complete))
        self.next_lesson.setVisible(result.passed)
        self.feedback.setHtml(self._feedback_html(outcome))
        self.feedback.setAccessibleName(self.tr("Answers and explanations"))

    def _feedback_html(self, outcome: ops.QuizOutcome) -> str:
        parts = []
        right = html.escape(self.tr("Correct"))
        wrong = html.escape(self.tr("Not correct"))
        yours = html.escape(self.tr("Your answer:"))
        key = html.escape(self.tr("Correct answer:"))
        for number, item in enumerate(outcome.result.feedback, start=1):
            mark = (
                f"<span style='color:{style.current().success}'>✓ {right}</span>"
                if item.correct
                else f"<span style='color:{style.current().danger}'>✗ {wrong}</span>"
            )
            prompt = html.escape(outcome.prompts.get(item.question_id, item.question_id))
            given = html.escape(self._answer_text(outcome, item.question_id, item.kind, item.given))
            expected = html.escape(
                self._answer_text(outcome, item.question_id, item.kind, list(item.expected))
            )
            parts.append(f"<p><b>{number}. {prompt}</b><br>{mark}<br>{yours} {given}")
            # Until the publisher's rule reveals them, a wrong answer's right answer (and its
            # explanation, which usually gives it away) stays hidden: try again first.
            if not item.correct and outcome.reveal:
                parts.append(f"<br>{key} {expected}")
            if item.explanation and (item.correct or outcome.reveal):
                parts.append(f"<br><i>{html.escape(item.explanation)}</i>")
            parts.append("</p>")
        if not outcome.reveal and not all(item.correct for item in outcome.result.feedback):
            hidden = self.tr("The right answers are shown once you pass this quiz.")
            parts.insert(0, f"<p><i>{html.escape(hidden)}</i></p>")
        return "".join(parts)

    def _answer_text(
        self, outcome: ops.QuizOutcome, question_id: str, kind: str, value: Any
    ) -> str:
        if value is None or value == []:
            return self.tr("(no answer)")
        if kind == "true_false":
            flag = value[0] if isinstance(value, list) else value
            return self.tr("True") if flag else self.tr("False")
        if kind == "text":
            return " / ".join(value) if isinstance(value, list) else str(value)
        names = outcome.choices.get(question_id, {})
        values = value if isinstance(value, list) else [value]
        return ", ".join(names.get(v, str(v)) for v in values)

    # ------------------------------------------------------------------ leaving

    def release(self) -> None:
        self._save_on_leaving()

    def _save_on_leaving(self) -> None:
        """Save a text answer still being typed and the time spent on the quiz since shown."""
        self._flush_text()
        if not self._clock.isValid():
            return  # saved when hidden already
        seconds = self._clock.elapsed() / 1000.0
        self._clock.invalidate()
        if seconds > 0 and self.session is not None:
            self.services.tasks.run(
                lambda: ops.add_time_spent(self.services, self.course_id, self.lesson_id, seconds)
            )

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._clock.isValid():
            self._clock.start()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self._save_on_leaving()
        super().hideEvent(event)
