"""A course's outline and its lessons: reading, videos' time, quizzes and surveys."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from player.core.errors import PlayerError
from player.core.learning.activity import add_time_spent as core_add
from player.core.learning.activity import open_lesson as core_open
from player.core.learning.activity import record_position as core_record_position
from player.core.learning.activity import record_reading as core_record
from player.core.learning.quiz import answer, presented_questions, start_attempt, submit
from player.core.learning.state import course_state
from player.core.learning.survey import submit_survey as core_submit
from player.core.learning.survey import survey_answers
from player.ui.ops.changes import (
    PROGRESS,
    PROGRESS_AND_OUTBOX,
    TIME_SPENT,
    Changes,
    progress_made,
)
from player.ui.ops.library import PublisherView, course_files_on_disk, publisher_view

if TYPE_CHECKING:
    from player.core.learning.quiz import PresentedQuestion, QuizResult
    from player.core.learning.state import CourseState
    from player.core.package.manifest import Manifest, Question
    from player.ui.services import Services


@dataclass(frozen=True)
class Outline:
    manifest: Manifest
    state: CourseState
    publisher: PublisherView | None = None
    thumbnails: dict[str, str] = field(default_factory=dict)  # lesson id -> picture on disk


def course_outline(services: Services, course_id: str) -> Outline:
    manifest = services.context.manifest(course_id)
    try:
        publisher: PublisherView | None = publisher_view(services.context, course_id)
    except PlayerError:
        publisher = None
    found = course_files_on_disk(
        services.context, [(course_id, lesson.thumbnail) for lesson in manifest.lessons]
    )
    thumbnails = {
        lesson.id: path
        for lesson in manifest.lessons
        if (path := found.get((course_id, lesson.thumbnail))) is not None
    }
    return Outline(
        manifest,
        course_state(services.context.db, services.learner_id, manifest),
        publisher,
        thumbnails,
    )


def open_lesson(services: Services, course_id: str, lesson_id: str) -> Changes:
    """Record that the learner opened a lesson (refused with a reason when it is locked)."""
    core_open(
        services.context.db, services.learner_id, services.context.manifest(course_id), lesson_id
    )
    return PROGRESS


@dataclass(frozen=True, slots=True)
class LessonProgress:
    """Time or position recorded for a lesson; ``newly_completed``: this call completed it.

    For a video played to its end that does not count yet, ``unwatched`` lists the stretches
    never watched (start, end in seconds), so the player can offer to go back to the first.
    """

    newly_completed: bool
    changes: Changes
    unwatched: tuple[tuple[float, float], ...] = ()


def record_reading(
    services: Services, course_id: str, lesson_id: str, elapsed: float, at_end: bool
) -> LessonProgress:
    """Add reading time; the page is complete once read to its end or open long enough."""
    result = core_record(
        services.context.db,
        services.learner_id,
        services.context.manifest(course_id),
        lesson_id,
        elapsed=elapsed,
        at_end=at_end,
    )
    return LessonProgress(result.newly_completed, progress_made(result.newly_completed))


def record_position(
    services: Services,
    course_id: str,
    lesson_id: str,
    position: float,
    duration: float | None,
    *,
    elapsed: float,
    ended: bool,
) -> LessonProgress:
    """Save where a video is and the time spent playing it (the engine decides completion)."""
    result = core_record_position(
        services.context.db,
        services.learner_id,
        services.context.manifest(course_id),
        lesson_id,
        position,
        duration,
        elapsed=elapsed,
        ended=ended,
    )
    gaps: tuple[tuple[float, float], ...] = ()
    if ended and not result.complete and result.duration:
        gaps = _unwatched(services, course_id, lesson_id, result.duration)
    return LessonProgress(result.newly_completed, progress_made(result.newly_completed), gaps)


def _unwatched(
    services: Services, course_id: str, lesson_id: str, duration: float
) -> tuple[tuple[float, float], ...]:
    """The stretches of a video this learner never watched, from what the engine stored."""
    from player.core.learning.intervals import unwatched
    from player.core.learning.records import progress_row, watched_of

    row = progress_row(services.context.db, services.learner_id, course_id, lesson_id)
    return tuple(unwatched(watched_of(row), duration)) if row is not None else ()


def add_time_spent(services: Services, course_id: str, lesson_id: str, seconds: float) -> Changes:
    core_add(
        services.context.db,
        services.learner_id,
        services.context.manifest(course_id),
        lesson_id,
        seconds,
    )
    return TIME_SPENT


def next_lesson_after(services: Services, course_id: str, lesson_id: str) -> LessonRefUI | None:
    """The lesson after this one in the course order, when it is open."""
    manifest = services.context.manifest(course_id)
    state = course_state(services.context.db, services.learner_id, manifest)
    order = [lesson for module in manifest.modules for lesson in module.lessons]
    ids = [lesson.id for lesson in order]
    if lesson_id not in ids:
        return None
    for lesson in order[ids.index(lesson_id) + 1 :]:
        if state.is_open(lesson.id):
            return LessonRefUI(course_id, lesson.id, lesson.type)
        return None
    return None


@dataclass(frozen=True)
class LessonRefUI:
    course_id: str
    lesson_id: str
    kind: str


@dataclass(frozen=True)
class QuizSession:
    course_id: str
    lesson_id: str
    title: str
    language: str
    threshold: float
    attempt_id: int
    questions: list[PresentedQuestion]
    best_score: float | None
    attempts: int
    changes: Changes = PROGRESS  # starting an attempt is recorded


@dataclass(frozen=True)
class QuizOutcome:
    result: QuizResult
    prompts: dict[str, str]  # question id → prompt
    choices: dict[str, dict[str, str]]  # question id → choice id → text
    unlocked: list[str]  # titles of modules this pass opened
    course_complete: bool
    changes: Changes = PROGRESS_AND_OUTBOX  # the attempt is scored and queued for sync
    reveal: bool = True  # show the right answers (the manifest's ``reveal_answers``)


def start_quiz(services: Services, course_id: str, lesson_id: str) -> QuizSession:
    """Resume the unfinished attempt of a quiz (answers kept) or start a new one."""
    db, manifest = services.context.db, services.context.manifest(course_id)
    attempt = start_attempt(db, services.learner_id, manifest, lesson_id)
    lesson = manifest.lesson(lesson_id)
    assert lesson is not None
    state = course_state(db, services.learner_id, manifest).lesson(lesson_id)
    return QuizSession(
        course_id,
        lesson_id,
        lesson.title,
        manifest.language,
        manifest.threshold_for(lesson),
        attempt.id,
        presented_questions(attempt, manifest),
        state.best_score,
        state.attempts,
    )


def save_answer(
    services: Services, course_id: str, attempt_id: int, question_id: str, value: Any
) -> Changes:
    """Save one answer the moment it is given (None clears it)."""
    answer(
        services.context.db, services.context.manifest(course_id), attempt_id, question_id, value
    )
    return PROGRESS


def submit_quiz(services: Services, course_id: str, lesson_id: str, attempt_id: int) -> QuizOutcome:
    db, manifest = services.context.db, services.context.manifest(course_id)
    before = course_state(db, services.learner_id, manifest)
    result = submit(db, manifest, attempt_id)
    after = course_state(db, services.learner_id, manifest)
    unlocked = [
        new.title
        for old, new in zip(before.modules, after.modules, strict=True)
        if old.status == "locked" and new.status != "locked"
    ]
    lesson = manifest.lesson(lesson_id)
    assert lesson is not None
    reveal = manifest.reveal_for(lesson)
    return QuizOutcome(
        result,
        {q.id: q.prompt for q in lesson.questions},
        {q.id: {c.id: c.text for c in q.choices} for q in lesson.questions},
        unlocked,
        after.complete and not before.complete,
        reveal=reveal == "always" or (reveal == "after_pass" and after.lesson(lesson_id).passed),
    )


@dataclass(frozen=True)
class SurveySession:
    course_id: str
    lesson_id: str
    title: str
    language: str
    questions: list[Question]
    previous: dict[str, Any] | None
    changes: Changes = PROGRESS  # opening the survey is recorded


def open_survey(services: Services, course_id: str, lesson_id: str) -> SurveySession:
    db, manifest = services.context.db, services.context.manifest(course_id)
    core_open(db, services.learner_id, manifest, lesson_id)
    lesson = manifest.lesson(lesson_id)
    assert lesson is not None
    return SurveySession(
        course_id,
        lesson_id,
        lesson.title,
        manifest.language,
        list(lesson.questions),
        survey_answers(db, services.learner_id, course_id, lesson_id),
    )


def submit_survey(
    services: Services, course_id: str, lesson_id: str, answers: dict[str, Any]
) -> Changes:
    core_submit(
        services.context.db,
        services.learner_id,
        services.context.manifest(course_id),
        lesson_id,
        answers,
    )
    return PROGRESS_AND_OUTBOX
