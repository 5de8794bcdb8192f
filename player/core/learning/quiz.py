"""Quiz attempts: start or resume, answer (saved at once), submit, retry.

- ``start_attempt`` resumes the learner's unfinished attempt of that quiz, or starts a new one
  with a random seed stored in the attempt. With the quiz option ``shuffle`` the choice order
  comes from that seed, so a resumed attempt shows the same order (``presented_questions``).
- ``answer`` validates and saves one answer in its own transaction, the moment it is given;
  ``None`` clears it. Unknown questions or choices and answers to a submitted attempt are
  refused with a one-line ``LearningError``.
- ``submit`` scores the attempt (0–1, unanswered questions score 0), compares it with the
  threshold in force (``manifest.threshold_for``), returns per-question feedback with the
  explanation, writes one ``question_answered`` event per answered question and the
  ``quiz_attempted`` event and, on a first pass, the pass and any module/course completion that
  follows. An attempt submitted after the quiz was passed is a ``retake`` (its statements get
  a registration of their own: docs/sync.md). Submitting twice is refused. Retries are unlimited;
  the best attempt counts; a pass is never taken back.
"""

from __future__ import annotations

import json
import random
import secrets
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from player.core.errors import QT_TRANSLATE_NOOP, LearningError
from player.core.learning import trace
from player.core.learning.events import emit
from player.core.learning.grading import check_answer, grade
from player.core.learning.learners import get_learner
from player.core.learning.records import lesson_of, touch_progress
from player.core.learning.state import require_open, settle
from player.core.package.manifest import Choice, Lesson, Manifest, Question
from player.core.store.database import utc_now

if TYPE_CHECKING:
    from sqlite_utils import Database

PASS_EPSILON = 1e-9


@dataclass(frozen=True)
class Attempt:
    id: int
    uuid: str
    learner_id: int
    course_id: str
    lesson_id: str
    course_version: int
    seed: int
    started_at: str
    finished_at: str | None
    score: float | None
    threshold: float | None
    passed: bool | None
    answers: dict[str, Any]  # question id -> stored answer (see grading)
    time_spent: float

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


@dataclass(frozen=True)
class PresentedQuestion:
    """A question as shown in this attempt: choices in the attempt's order, no answer key."""

    id: str
    kind: str
    prompt: str
    choices: tuple[Choice, ...]
    answer: Any  # the learner's saved answer, None when unanswered


@dataclass(frozen=True)
class QuestionFeedback:
    question_id: str
    kind: str
    given: Any  # None when unanswered
    expected: tuple[Any, ...]  # the answer key (choice ids, bool, accepted texts)
    correct: bool
    credit: float  # 0..1 (below 1 only with partial credit)
    explanation: str


@dataclass(frozen=True)
class QuizResult:
    attempt_id: int
    attempt_uuid: str
    score: float
    threshold: float
    passed: bool  # this attempt reached the threshold
    newly_passed: bool  # the quiz was not passed before this attempt
    best_score: float
    feedback: tuple[QuestionFeedback, ...]
    statement_id: str  # of the quiz_attempted outbox event


def _attempt(db: Database, attempt_id: int) -> Attempt:
    rows = list(db.query("SELECT * FROM quiz_attempts WHERE id = ?", [attempt_id]))
    if not rows:
        raise LearningError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "There is no quiz attempt {attempt}."),
            attempt=attempt_id,
        )
    row = rows[0]
    answers = {
        a["question_id"]: json.loads(a["answer"])
        for a in db.query("SELECT * FROM quiz_answers WHERE attempt_id = ?", [attempt_id])
    }
    return Attempt(
        id=row["id"],
        uuid=row["uuid"],
        learner_id=row["learner_id"],
        course_id=row["course_id"],
        lesson_id=row["lesson_id"],
        course_version=row["course_version"],
        seed=row["seed"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        score=row["score"],
        threshold=row["threshold"],
        passed=None if row["passed"] is None else bool(row["passed"]),
        answers=answers,
        time_spent=row["time_spent"],
    )


def get_attempt(db: Database, attempt_id: int) -> Attempt:
    return _attempt(db, attempt_id)


def open_attempt(db: Database, learner_id: int, course_id: str, lesson_id: str) -> Attempt | None:
    """The learner's unfinished attempt of this quiz, if any."""
    rows = list(
        db.query(
            "SELECT id FROM quiz_attempts WHERE learner_id = ? AND course_id = ? AND lesson_id = ?"
            " AND finished_at IS NULL ORDER BY id DESC LIMIT 1",
            [learner_id, course_id, lesson_id],
        )
    )
    return _attempt(db, rows[0]["id"]) if rows else None


def start_attempt(db: Database, learner_id: int, manifest: Manifest, lesson_id: str) -> Attempt:
    """Resume the unfinished attempt of this quiz, or start a new one."""
    lesson_of(manifest, lesson_id, "quiz")
    with db.atomic():
        require_open(db, learner_id, manifest, lesson_id)
        trace.note_started(db, learner_id, manifest, lesson_of(manifest, lesson_id))
        touch_progress(db, learner_id, manifest.id, lesson_id)
        current = open_attempt(db, learner_id, manifest.id, lesson_id)
        if current is not None:
            return current
        cursor = db.execute(
            "INSERT INTO quiz_attempts (uuid, learner_id, course_id, lesson_id, course_version,"
            " seed, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                str(uuid.uuid4()),
                learner_id,
                manifest.id,
                lesson_id,
                manifest.version,
                secrets.randbits(31),
                utc_now(),
            ],
        )
        attempt_id = cursor.lastrowid
    assert attempt_id is not None
    return _attempt(db, attempt_id)


def presented_questions(attempt: Attempt, manifest: Manifest) -> list[PresentedQuestion]:
    """The quiz's questions for this attempt, choices shuffled by its seed when the quiz asks."""
    lesson = _quiz_of(attempt, manifest)
    rng = random.Random(attempt.seed)
    presented = []
    for question in lesson.questions:
        choices = list(question.choices)
        if lesson.shuffle and question.kind in ("single", "multiple"):
            rng.shuffle(choices)
        presented.append(
            PresentedQuestion(
                question.id,
                question.kind,
                question.prompt,
                tuple(choices),
                attempt.answers.get(question.id),
            )
        )
    return presented


def _quiz_of(attempt: Attempt, manifest: Manifest) -> Lesson:
    if attempt.course_id != manifest.id:
        raise LearningError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "Attempt {attempt} belongs to course {course!r}."),
            attempt=attempt.id,
            course=attempt.course_id,
        )
    return lesson_of(manifest, attempt.lesson_id, "quiz")


def _question(lesson: Lesson, question_id: str) -> Question:
    for question in lesson.questions:
        if question.id == question_id:
            return question
    raise LearningError.of(
        QT_TRANSLATE_NOOP("CoreErrors", "Quiz {lesson!r} has no question {question!r}."),
        lesson=lesson.id,
        question=question_id,
    )


def answer(
    db: Database, manifest: Manifest, attempt_id: int, question_id: str, value: Any
) -> Attempt:
    """Save (or with ``None`` clear) one answer of an unfinished attempt, committed at once."""
    with db.atomic():
        attempt = _attempt(db, attempt_id)
        lesson = _quiz_of(attempt, manifest)
        question = _question(lesson, question_id)
        if attempt.finished:
            raise LearningError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors", "This attempt was already submitted; start a new one to retry."
                )
            )
        if value is None:
            db.execute(
                "DELETE FROM quiz_answers WHERE attempt_id = ? AND question_id = ?",
                [attempt_id, question_id],
            )
        else:
            stored = check_answer(question, value)
            db.execute(
                "INSERT INTO quiz_answers (attempt_id, question_id, answer, answered_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (attempt_id, question_id)"
                " DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at",
                [attempt_id, question_id, json.dumps(stored, ensure_ascii=False), utc_now()],
            )
        touch_progress(db, attempt.learner_id, attempt.course_id, attempt.lesson_id)
    return _attempt(db, attempt_id)


def feedback_for(attempt: Attempt, manifest: Manifest) -> tuple[QuestionFeedback, ...]:
    """Per-question feedback for an attempt (also used to show a finished attempt again)."""
    lesson = _quiz_of(attempt, manifest)
    result = []
    for question in lesson.questions:
        given = attempt.answers.get(question.id)
        g = grade(question, given, partial_credit=lesson.partial_credit)
        result.append(
            QuestionFeedback(
                question.id,
                question.kind,
                given,
                question.answer,
                g.correct,
                g.credit,
                question.explanation,
            )
        )
    return tuple(result)


def submit(db: Database, manifest: Manifest, attempt_id: int) -> QuizResult:
    """Score and close the attempt; pass/fail against the threshold in force."""
    with db.atomic():
        attempt = _attempt(db, attempt_id)
        lesson = _quiz_of(attempt, manifest)
        if attempt.finished:
            raise LearningError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors", "This attempt was already submitted; start a new one to retry."
                )
            )
        learner = get_learner(db, attempt.learner_id)
        feedback = feedback_for(attempt, manifest)
        raw = sum(f.credit for f in feedback)
        score = round(raw / len(feedback), 6) if feedback else 0.0
        threshold = manifest.threshold_for(lesson)
        passed = score >= threshold - PASS_EPSILON
        now = utc_now()
        cursor = db.execute(
            "UPDATE quiz_attempts SET finished_at = ?, score = ?, threshold = ?, passed = ?"
            " WHERE id = ? AND finished_at IS NULL",
            [now, score, threshold, int(passed), attempt_id],
        )
        if cursor.rowcount != 1:  # pragma: no cover - guarded by the check above
            raise LearningError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors", "This attempt was already submitted; start a new one to retry."
                )
            )
        retake = is_passed(db, learner.id, manifest.id, lesson.id)
        for question, result in zip(lesson.questions, feedback, strict=True):
            if result.given is not None:
                emit(
                    db,
                    "question_answered",
                    learner_id=learner.id,
                    learner_uuid=learner.uuid,
                    manifest=manifest,
                    lesson=lesson,
                    attempt_uuid=attempt.uuid,
                    retake=retake,
                    **question_fields(question),
                    response=result.given,
                    success=result.correct,
                    credit=round(result.credit, 4),
                )
        statement_id = emit(
            db,
            "quiz_attempted",
            learner_id=learner.id,
            learner_uuid=learner.uuid,
            manifest=manifest,
            lesson=lesson,
            attempt_uuid=attempt.uuid,
            retake=retake,
            score=score,
            raw=round(raw, 4),
            max=len(feedback),
            threshold=threshold,
            success=passed,
            duration_s=round(attempt.time_spent, 3),
        )
        newly_passed = passed and record_pass(db, learner.id, manifest, lesson, now)
        if newly_passed:
            trace.note_lesson_done(db, learner.id, manifest, lesson)
        touch_progress(db, learner.id, manifest.id, lesson.id)
        settle(db, learner.id, manifest)
        best = db.execute(
            "SELECT MAX(score) FROM quiz_attempts WHERE learner_id = ? AND course_id = ?"
            " AND lesson_id = ? AND finished_at IS NOT NULL",
            [learner.id, manifest.id, lesson.id],
        ).fetchone()[0]
    return QuizResult(
        attempt.id,
        attempt.uuid,
        score,
        threshold,
        passed,
        newly_passed,
        float(best),
        feedback,
        statement_id,
    )


def question_fields(question: Question) -> dict[str, Any]:
    """What a question's statement describes it with (its cmi.interaction definition)."""
    return {
        "question_id": question.id,
        "question_kind": question.kind,
        "prompt": question.prompt,
        "choices": [[choice.id, choice.text] for choice in question.choices],
        "correct": list(question.answer),
    }


def is_passed(db: Database, learner_id: int, course_id: str, lesson_id: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM quiz_passes WHERE learner_id = ? AND course_id = ? AND lesson_id = ?",
        [learner_id, course_id, lesson_id],
    ).fetchone()
    return row is not None


def record_pass(
    db: Database, learner_id: int, manifest: Manifest, lesson: Lesson, now: str
) -> bool:
    """Record the quiz as passed (and its lesson complete); False if it already was."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO quiz_passes (learner_id, course_id, lesson_id, passed_at)"
        " VALUES (?, ?, ?, ?)",
        [learner_id, manifest.id, lesson.id, now],
    )
    if cursor.rowcount != 1:
        return False
    touch_progress(db, learner_id, manifest.id, lesson.id)
    db.execute(
        "UPDATE lesson_progress SET completed_at = ? WHERE learner_id = ? AND course_id = ?"
        " AND lesson_id = ? AND completed_at IS NULL",
        [now, learner_id, manifest.id, lesson.id],
    )
    return True
