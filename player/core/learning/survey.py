"""Satisfaction surveys: answers stored and sent to the outbox; never gating, no right answers.

Answer values: ``rating`` an integer 1–5, ``single`` a choice id, ``text`` a string (at most
2,000 characters). Questions may be left out, but not all of them. Each submission is kept
(``survey_responses``) with one ``survey_answered`` event; submitting again adds a new
response (the latest is the learner's current opinion) and the survey lesson stays complete.
The event is preceded by one ``survey_question_answered`` event per answered question (so an
LRS can average ratings), all naming the response's ``response_uuid``.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from player.core.errors import QT_TRANSLATE_NOOP, LearningError
from player.core.learning import trace
from player.core.learning.events import emit
from player.core.learning.grading import text_answer
from player.core.learning.learners import get_learner
from player.core.learning.records import lesson_of, touch_progress
from player.core.learning.state import require_open, settle
from player.core.package.manifest import Manifest, Question
from player.core.store.database import utc_now

if TYPE_CHECKING:
    from sqlite_utils import Database

MAX_SURVEY_TEXT = 2000


@dataclass(frozen=True)
class SurveyResponse:
    id: int
    uuid: str
    lesson_id: str
    answers: dict[str, Any]
    submitted_at: str
    statement_id: str


def _check(question: Question, value: Any) -> Any:
    if question.kind == "rating":
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise LearningError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors", "Question {question!r} takes a rating from 1 to 5."
                ),
                question=question.id,
            )
        return value
    if question.kind == "single":
        ids = [choice.id for choice in question.choices]
        if value not in ids:
            raise LearningError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "Question {question!r} has no choice {choice!r}."),
                question=question.id,
                choice=value,
            )
        return value
    return text_answer(question.id, value, MAX_SURVEY_TEXT).strip()


def submit_survey(
    db: Database,
    learner_id: int,
    manifest: Manifest,
    lesson_id: str,
    answers: Mapping[str, Any],
) -> SurveyResponse:
    """Store a survey response and its ``survey_answered`` event in one transaction."""
    lesson = lesson_of(manifest, lesson_id, "survey")
    questions = {q.id: q for q in lesson.questions}
    cleaned: dict[str, Any] = {}
    for question_id, value in answers.items():
        if question_id not in questions:
            raise LearningError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "Survey {lesson!r} has no question {question!r}."),
                lesson=lesson_id,
                question=question_id,
            )
        if value is None or value == "":
            continue
        cleaned[question_id] = _check(questions[question_id], value)
    if not cleaned:
        raise LearningError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "Answer at least one question of the survey.")
        )
    with db.atomic():
        require_open(db, learner_id, manifest, lesson_id)
        trace.note_started(db, learner_id, manifest, lesson)
        learner = get_learner(db, learner_id)
        now = utc_now()
        response_uuid = str(uuid.uuid4())
        cursor = db.execute(
            "INSERT INTO survey_responses (uuid, learner_id, course_id, lesson_id,"
            " course_version, answers, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                response_uuid,
                learner_id,
                manifest.id,
                lesson_id,
                manifest.version,
                json.dumps(cleaned, ensure_ascii=False),
                now,
            ],
        )
        touch_progress(db, learner_id, manifest.id, lesson_id)
        db.execute(
            "UPDATE lesson_progress SET completed_at = ? WHERE learner_id = ? AND course_id = ?"
            " AND lesson_id = ? AND completed_at IS NULL",
            [now, learner_id, manifest.id, lesson_id],
        )
        for question in lesson.questions:
            if question.id in cleaned:
                emit(
                    db,
                    "survey_question_answered",
                    learner_id=learner_id,
                    learner_uuid=learner.uuid,
                    manifest=manifest,
                    lesson=lesson,
                    response_uuid=response_uuid,
                    question_id=question.id,
                    question_kind=question.kind,
                    prompt=question.prompt,
                    choices=[[choice.id, choice.text] for choice in question.choices],
                    response=cleaned[question.id],
                )
        statement_id = emit(
            db,
            "survey_answered",
            learner_id=learner_id,
            learner_uuid=learner.uuid,
            manifest=manifest,
            lesson=lesson,
            response_uuid=response_uuid,
            answers=cleaned,
        )
        settle(db, learner_id, manifest)
    assert cursor.lastrowid is not None
    return SurveyResponse(cursor.lastrowid, response_uuid, lesson_id, cleaned, now, statement_id)


def survey_answers(
    db: Database, learner_id: int, course_id: str, lesson_id: str
) -> dict[str, Any] | None:
    """The learner's latest answers to a survey, None when never answered."""
    rows = list(
        db.query(
            "SELECT answers FROM survey_responses WHERE learner_id = ? AND course_id = ?"
            " AND lesson_id = ? ORDER BY id DESC LIMIT 1",
            [learner_id, course_id, lesson_id],
        )
    )
    return json.loads(rows[0]["answers"]) if rows else None
