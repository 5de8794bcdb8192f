"""A learner going through the demo course with the real engine, for the statement tests and
``bench/bench_statements.py``: videos watched with a pause and a seek, pages read, quizzes
failed then passed, the survey answered, and a lowered threshold re-evaluated.

``Clock`` replaces the video sessions' wall clock (``player.core.learning.video.now``) so a
pause is a pause without waiting for it.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from player.core.learning.activity import (
    add_time_spent,
    open_lesson,
    record_position,
    record_reading,
)
from player.core.learning.learners import create_learner
from player.core.learning.quiz import answer, start_attempt, submit
from player.core.learning.survey import submit_survey
from player.core.learning.updates import on_course_installed
from player.core.package.manifest import Lesson, Manifest, Question, validate_manifest

if TYPE_CHECKING:
    from sqlite_utils import Database

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo-course"
SAVE_EVERY = 5.0  # seconds of video between two saved positions, as the video screen does


def demo_manifest() -> Manifest:
    document = yaml.safe_load((DEMO / "course.yaml").read_text(encoding="utf-8"))
    return validate_manifest(document, origin="course.yaml", require_files=False)


class Clock:
    """A wall clock that moves only when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self.moment = start or datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


def watch_video(
    db: Database,
    learner_id: int,
    manifest: Manifest,
    lesson: Lesson,
    clock: Clock,
    *,
    pause_at: float | None = None,
    seek_back_at: float | None = None,
) -> None:
    """Open the video and play it to its end, saving every 5 s like the video screen."""
    open_lesson(db, learner_id, manifest, lesson.id)
    length = lesson.duration or 60.0
    position = 0.0
    while position < length:
        step = min(SAVE_EVERY, length - position)
        clock.advance(step)
        position += step
        if position >= length:
            record_position(
                db, learner_id, manifest, lesson.id, length, length, elapsed=step, ended=True
            )
            break
        record_position(db, learner_id, manifest, lesson.id, position, length, elapsed=step)
        if pause_at is not None and position >= pause_at:
            pause_at = None
            clock.advance(90)  # the player stands paused for a minute and a half
        if seek_back_at is not None and position >= seek_back_at:
            seek_back_at = None
            position = max(0.0, position - 8.0)  # the learner drags the slider back 8 s
            record_position(db, learner_id, manifest, lesson.id, position, length, elapsed=0.0)


def right_answer(question: Question) -> Any:
    if question.kind == "multiple":
        return list(question.answer)
    return question.answer[0]


def wrong_answer(question: Question) -> Any:
    if question.kind == "single":
        return next(c.id for c in question.choices if c.id not in question.answer)
    if question.kind == "multiple":
        return [next(c.id for c in question.choices if c.id not in question.answer)]
    if question.kind == "true_false":
        return not question.answer[0]
    return "je ne sais pas"


def take_quiz(
    db: Database, learner_id: int, manifest: Manifest, lesson: Lesson, right: int
) -> float:
    """One attempt: the first ``right`` questions answered right, the others wrong."""
    attempt = start_attempt(db, learner_id, manifest, lesson.id)
    for index, question in enumerate(lesson.questions):
        value = right_answer(question) if index < right else wrong_answer(question)
        answer(db, manifest, attempt.id, question.id, value)
    add_time_spent(db, learner_id, manifest, lesson.id, 20.0 * len(lesson.questions))
    return submit(db, manifest, attempt.id).score


def answer_survey(db: Database, learner_id: int, manifest: Manifest, lesson: Lesson) -> None:
    open_lesson(db, learner_id, manifest, lesson.id)
    answers: dict[str, Any] = {}
    for question in lesson.questions:
        if question.kind == "rating":
            answers[question.id] = 4
        elif question.kind == "single":
            answers[question.id] = question.choices[0].id
        else:
            answers[question.id] = "Plus d'exemples en vidéo, s'il vous plaît."
    submit_survey(db, learner_id, manifest, lesson.id, answers)


def whole_course(db: Database, learner_id: int, manifest: Manifest, clock: Clock) -> None:
    """The typical learner: every lesson, one pause and one seek per video, each quiz failed
    once then passed, the survey answered."""
    for module in manifest.modules:
        for lesson in module.lessons:
            if lesson.type == "video":
                length = lesson.duration or 60.0
                watch_video(
                    db,
                    learner_id,
                    manifest,
                    lesson,
                    clock,
                    pause_at=length * 0.3,
                    seek_back_at=length * 0.6,
                )
            elif lesson.type == "text":
                open_lesson(db, learner_id, manifest, lesson.id)
                record_reading(db, learner_id, manifest, lesson.id, elapsed=4.0)
                record_reading(db, learner_id, manifest, lesson.id, elapsed=7.0, at_end=True)
            elif lesson.type == "quiz":
                open_lesson(db, learner_id, manifest, lesson.id)
                take_quiz(db, learner_id, manifest, lesson, right=1)
                take_quiz(db, learner_id, manifest, lesson, right=len(lesson.questions))
            elif lesson.type == "survey":
                answer_survey(db, learner_id, manifest, lesson)


def lowered_threshold(manifest: Manifest, threshold: float) -> Manifest:
    """The next version of the course, with a lower course-wide pass threshold."""
    return dataclasses.replace(manifest, version=manifest.version + 1, pass_threshold=threshold)


def reevaluate(db: Database, old: Manifest, new: Manifest) -> None:
    """What installing ``new`` over ``old`` does to progress (the installer's hook)."""
    with db.atomic():
        on_course_installed(db, old, new)


def every_kind(db: Database, manifest: Manifest, clock: Clock) -> None:
    """Three learners who, together, make the engine write every kind of event."""
    lessons = {lesson.id: lesson for lesson in manifest.lessons}
    # Ana: the whole course (pauses, seeks, failed then passed quizzes, the survey), then a
    # retake of a quiz she had passed
    ana = create_learner(db, "Ana", email="Ana.Diallo@Example.SN").id
    whole_course(db, ana, manifest, clock)
    take_quiz(db, ana, manifest, lessons["m1-quiz"], right=0)
    # Ben: module 1, then 3/5 in module 2's quiz (70 % needed) until version 2 lowers it
    ben = create_learner(db, "Ben").id
    for lesson in manifest.modules[0].lessons:
        if lesson.type == "video":
            watch_video(db, ben, manifest, lesson, clock)
        elif lesson.type == "text":
            record_reading(db, ben, manifest, lesson.id, at_end=True)
        else:
            take_quiz(db, ben, manifest, lesson, right=5)
    take_quiz(db, ben, manifest, lessons["m2-quiz"], right=3)
    reevaluate(db, manifest, lowered_threshold(manifest, 0.5))
    # Chloé: 10 s of the first video, then leaves it for the page (drop-out trace)
    chloe = create_learner(db, "Chloé").id
    open_lesson(db, chloe, manifest, "m1-ecoute")
    for position in (5.0, 10.0):
        clock.advance(5)
        record_position(db, chloe, manifest, "m1-ecoute", position, 25.0, elapsed=5.0)
    open_lesson(db, chloe, manifest, "m1-lecture")
    # Before an export: the time no statement carries yet (Chloé's 10 s of video)
    from player.core.learning.time_report import report_time_spent

    assert report_time_spent(db, lambda _course: manifest, learner_id=chloe) >= 1
