"""The satisfaction survey at the end of a course: ratings 1–5, single choices, free text.

No right answers and never gating; the answers go to the engine (and its outbox) on submit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from player.ui import ops
from player.ui.screens.base import Screen
from player.ui.services import Services
from player.ui.tasks import one_line
from player.ui.widgets.common import Heading, Note, Retranslatable, lesson_header, screen_margins
from player.ui.widgets.focus import chain_tab_order

MAX_TEXT = 2000


class SurveyQuestion(Retranslatable, QGroupBox):
    def __init__(
        self, question: Any, language: QLocale, previous: Any, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.question = question
        self.setObjectName(f"survey-{question.id}")
        self.prompt = Note(question.prompt)
        self.prompt.setLocale(language)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        self.group: QButtonGroup | None = None
        self.text: QPlainTextEdit | None = None
        self.scale_hint = Note()
        if question.kind == "rating":
            self.group = QButtonGroup(self)
            row = QHBoxLayout()
            for value in range(1, 6):
                button = QRadioButton(str(value))
                button.setObjectName(f"survey-{question.id}-{value}")
                self.group.addButton(button, value)
                row.addWidget(button)
                if previous == value:
                    button.setChecked(True)
            row.addStretch(1)
            layout.addLayout(row)
            layout.addWidget(self.scale_hint)
        elif question.kind == "single":
            self.group = QButtonGroup(self)
            self.choice_ids: list[str] = []
            for index, choice in enumerate(question.choices):
                button = QRadioButton(choice.text)
                button.setLocale(language)
                button.setObjectName(f"survey-{question.id}-{choice.id}")
                self.group.addButton(button, index)
                self.choice_ids.append(choice.id)
                layout.addWidget(button)
                if previous == choice.id:
                    button.setChecked(True)
        else:
            self.text = QPlainTextEdit()
            self.text.setObjectName(f"survey-{question.id}-text")
            self.text.setTabChangesFocus(True)
            self.text.setMaximumHeight(self.fontMetrics().height() * 6)
            if isinstance(previous, str):
                self.text.setPlainText(previous)
            layout.addWidget(self.text)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.question.prompt)
        self.scale_hint.setText(self.tr("1 = not at all, 5 = very much"))
        if self.group is not None:
            for button in self.group.buttons():
                button.setAccessibleDescription(self.question.prompt)
                if self.question.kind == "rating":  # "3 out of 5", not a bare "3"
                    value = self.group.id(button)
                    button.setAccessibleName(self.tr("%1 out of 5").replace("%1", str(value)))
                    button.setAccessibleDescription(
                        self.question.prompt + " " + self.scale_hint.text()
                    )
        if self.text is not None:
            self.text.setAccessibleName(self.tr("Your answer"))

    def controls(self) -> list[QWidget]:
        """The answer controls, in reading order (for the screen's Tab order)."""
        if self.text is not None:
            return [self.text]
        return list(self.group.buttons()) if self.group is not None else []

    def value(self) -> Any:
        if self.text is not None:
            return self.text.toPlainText().strip()[:MAX_TEXT] or None
        assert self.group is not None
        checked = self.group.checkedId()
        if checked < 0:
            return None
        if self.question.kind == "rating":
            return checked
        return self.choice_ids[checked]


class SurveyScreen(Screen):
    loaded = Signal()
    submitted = Signal()

    def __init__(
        self, services: Services, course_id: str, lesson_id: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.services = services
        self.course_id = course_id
        self.lesson_id = lesson_id
        self.session: ops.SurveySession | None = None
        self.questions: list[SurveyQuestion] = []
        self.setObjectName("survey-screen")
        self.back = QPushButton()
        self.back.clicked.connect(self.back_requested)
        self.title = Heading(factor=1.4)
        top = lesson_header(self.back, self.title)
        self.intro = Note()
        self.message = Note()
        self.message.setObjectName("survey-message")
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the answers themselves
        scroll.setWidget(self.body)
        self.submit_button = QPushButton()
        self.submit_button.setObjectName("survey-submit")
        self.submit_button.clicked.connect(self.submit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.submit_button)
        layout = screen_margins(QVBoxLayout(self))
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.retranslate()
        services.tasks.run(
            lambda: ops.open_survey(services, course_id, lesson_id),
            self._show,
            self._failed,
            owner=self,
        )

    def retranslate(self) -> None:
        self.back.setText(self.tr("← Outline"))
        self.back.setAccessibleName(self.tr("Back to the course outline"))
        self.back.setToolTip(self.tr("Back to the course outline (Alt+Left)"))
        self.submit_button.setText(self.tr("&Send my answers"))
        self.intro.setText(
            self.tr(
                "Tell us what you thought of this course. There are no right answers, "
                "and every question is optional."
            )
        )
        if self.session is None:
            self.title.setText(self.tr("Loading the survey…"))

    def _show(self, session: ops.SurveySession) -> None:
        self.session = session
        language = QLocale(session.language)
        self.title.setText(session.title)
        self.title.setLocale(language)
        previous = session.previous or {}
        for question in session.questions:
            widget = SurveyQuestion(question, language, previous.get(question.id))
            self.questions.append(widget)
            self.body_layout.addWidget(widget)
        self.body_layout.addStretch(1)
        # The questions are built after the buttons: Tab must still reach them first.
        answers = [control for question in self.questions for control in question.controls()]
        chain_tab_order([self.back, *answers, self.submit_button])
        first = self.questions[0].controls() if self.questions else []
        checked = [c for c in first if isinstance(c, QRadioButton) and c.isChecked()]
        if first:
            (checked or first)[0].setFocus(Qt.FocusReason.OtherFocusReason)
        if session.previous:
            self.message.setText(self.tr("You already answered; you may change your answers."))
        self.loaded.emit()

    def answers(self) -> dict[str, Any]:
        return {q.question.id: q.value() for q in self.questions if q.value() is not None}

    def submit(self) -> None:
        answers = self.answers()
        if not answers:
            self.message.setText(self.tr("Answer at least one question first."))
            return
        self.submit_button.setEnabled(False)
        self.services.tasks.run(
            lambda: ops.submit_survey(self.services, self.course_id, self.lesson_id, answers),
            self._done,
            self._failed,
            owner=self,
        )

    def _done(self, _result: Any) -> None:
        self.submit_button.setEnabled(True)
        self.message.setText(self.tr("Thank you! Your answers were saved."))
        self.submitted.emit()

    def _failed(self, error: BaseException) -> None:
        self.submit_button.setEnabled(True)
        self.message.setText(one_line(error))
