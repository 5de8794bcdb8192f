"""What a learner has done in a course and what they may open next (gating).

Rules (a lesson's status and which lessons are required: ``completion``, shared with the
library's cards):

- A module is complete when every required lesson is complete (surveys never gate).
- Gating ``sequential`` (the default): a module is open when it is the first one or the module
  before it is complete; ``open``: every module is open. A locked module carries a
  ``LockReason``: the module to finish first, its quizzes not yet passed (title, threshold,
  best score) and its other lessons not yet done, as data the UI phrases and translates
  ("reach 40 % in the Module 1 quiz").
- Course complete = every module complete.
- Module and course completions, like quiz passes, are recorded (``completions`` table) and
  never revoked: after an update that adds a lesson, a completed module stays complete.
- Progress on lessons that no longer exist after an update is kept in the database but counts
  for nothing (only the manifest's lessons are looked at).

``settle`` records newly reached module/course completions with their outbox events; every
write operation calls it inside its transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from player.core.errors import QT_TRANSLATE_NOOP, LearningError
from player.core.learning.completion import (
    History,
    LessonStatus,
    lesson_status,
    load_history,
    required,
)
from player.core.learning.intervals import covered
from player.core.learning.learners import get_learner
from player.core.learning.records import watched_of
from player.core.package.manifest import Lesson, Manifest, Module
from player.core.store.database import utc_now

if TYPE_CHECKING:
    from sqlite_utils import Database

ModuleStatus = Literal["locked", "open", "complete"]


@dataclass(frozen=True)
class LessonState:
    lesson_id: str
    title: str
    type: str  # video, text, quiz, survey
    status: LessonStatus
    required: bool  # False for surveys: they never gate
    position: float = 0.0  # video resume position, seconds
    duration: float | None = None  # video duration as last reported
    watched_fraction: float = 0.0  # video: share of the duration actually watched
    time_spent: float = 0.0  # seconds
    best_score: float | None = None  # quiz: best submitted score 0..1
    passed: bool = False  # quiz
    threshold: float | None = None  # quiz: threshold in force
    attempts: int = 0  # quiz: submitted attempts
    attempt_open: bool = False  # quiz: an unfinished attempt can be resumed


@dataclass(frozen=True)
class QuizRequirement:
    lesson_id: str
    title: str
    threshold: float
    best_score: float | None


@dataclass(frozen=True)
class LessonRef:
    lesson_id: str
    title: str
    type: str


@dataclass(frozen=True)
class LockReason:
    """Why a module is locked: ``module_id`` must be completed first."""

    module_id: str
    module_title: str
    quizzes: tuple[QuizRequirement, ...]  # quizzes of that module not yet passed
    lessons: tuple[LessonRef, ...]  # other lessons of that module not yet complete


@dataclass(frozen=True)
class ModuleState:
    module_id: str
    title: str
    status: ModuleStatus
    lessons: tuple[LessonState, ...]
    lock: LockReason | None = None

    @property
    def required_lessons(self) -> list[LessonState]:
        return [lesson for lesson in self.lessons if lesson.required]

    @property
    def lessons_done(self) -> int:
        return sum(1 for lesson in self.required_lessons if lesson.status == "complete")

    @property
    def lessons_total(self) -> int:
        return len(self.required_lessons)

    @property
    def time_spent(self) -> float:
        return sum(lesson.time_spent for lesson in self.lessons)

    @property
    def best_quiz_score(self) -> float | None:
        """Mean of the best scores of the module's quizzes (unattempted = 0); None if none."""
        quizzes = [lesson for lesson in self.lessons if lesson.type == "quiz"]
        if not quizzes or all(q.best_score is None for q in quizzes):
            return None
        return sum(q.best_score or 0.0 for q in quizzes) / len(quizzes)


@dataclass(frozen=True)
class CourseState:
    course_id: str
    course_version: int
    title: str
    gating: str
    learner_id: int
    modules: tuple[ModuleState, ...]
    complete: bool
    next_lesson: str | None  # the lesson "continue" opens; None when nothing is left
    _by_lesson: dict[str, tuple[ModuleState, LessonState]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def lesson(self, lesson_id: str) -> LessonState:
        return self._by_lesson[lesson_id][1]

    def module(self, module_id: str) -> ModuleState:
        return next(m for m in self.modules if m.module_id == module_id)

    def module_of(self, lesson_id: str) -> ModuleState:
        return self._by_lesson[lesson_id][0]

    def is_open(self, lesson_id: str) -> bool:
        return lesson_id in self._by_lesson and self.module_of(lesson_id).status != "locked"

    @property
    def lessons_done(self) -> int:
        return sum(m.lessons_done for m in self.modules)

    @property
    def lessons_total(self) -> int:
        return sum(m.lessons_total for m in self.modules)


def _lesson_state(manifest: Manifest, lesson: Lesson, snap: History) -> LessonState:
    row = snap.progress.get(lesson.id)
    extra: dict[str, Any] = {}
    if lesson.type == "video" and row is not None:
        duration = row["duration"] or lesson.duration
        watched = covered(watched_of(row), duration)
        extra = {
            "position": row["position"],
            "duration": duration,
            "watched_fraction": min(1.0, watched / duration) if duration else 0.0,
        }
    elif lesson.type == "quiz":
        extra = {
            "best_score": snap.best.get(lesson.id),
            "passed": lesson.id in snap.passes,
            "threshold": manifest.threshold_for(lesson),
            "attempts": snap.attempts.get(lesson.id, 0),
            "attempt_open": lesson.id in snap.open_attempts,
        }
    return LessonState(
        lesson_id=lesson.id,
        title=lesson.title,
        type=lesson.type,
        status=lesson_status(snap, lesson.id, lesson.type),
        required=required(lesson.type),
        time_spent=row["time_spent"] if row is not None else 0.0,
        **extra,
    )


def _lock_reason(module: Module, lessons: tuple[LessonState, ...]) -> LockReason:
    quizzes = tuple(
        QuizRequirement(s.lesson_id, s.title, s.threshold or 0.0, s.best_score)
        for s in lessons
        if s.type == "quiz" and s.status != "complete"
    )
    others = tuple(
        LessonRef(s.lesson_id, s.title, s.type)
        for s in lessons
        if s.required and s.type != "quiz" and s.status != "complete"
    )
    return LockReason(module.id, module.title, quizzes, others)


def course_state(db: Database, learner_id: int, manifest: Manifest) -> CourseState:
    """Everything the outline screen shows for one learner in one course."""
    get_learner(db, learner_id)
    snap = load_history(db, learner_id, manifest.id)
    modules: list[ModuleState] = []
    previous: tuple[Module, tuple[LessonState, ...], ModuleStatus] | None = None
    for module in manifest.modules:
        lessons = tuple(_lesson_state(manifest, lesson, snap) for lesson in module.lessons)
        accessible = manifest.gating == "open" or previous is None or previous[2] == "complete"
        met = all(s.status == "complete" for s in lessons if s.required)
        recorded = ("module", module.id) in snap.completions
        status: ModuleStatus
        lock = None
        if recorded or (accessible and met):
            status = "complete"
        elif accessible:
            status = "open"
        else:
            status = "locked"
            assert previous is not None
            lock = _lock_reason(previous[0], previous[1])
        modules.append(ModuleState(module.id, module.title, status, lessons, lock))
        previous = (module, lessons, status)
    complete = ("course", manifest.id) in snap.completions or all(
        m.status == "complete" for m in modules
    )
    by_lesson = {s.lesson_id: (m, s) for m in modules for s in m.lessons}
    return CourseState(
        course_id=manifest.id,
        course_version=manifest.version,
        title=manifest.title,
        gating=manifest.gating,
        learner_id=learner_id,
        modules=tuple(modules),
        complete=complete,
        next_lesson=_next_lesson(manifest, modules, snap),
        _by_lesson=by_lesson,
    )


def _next_lesson(manifest: Manifest, modules: list[ModuleState], snap: History) -> str | None:
    """The lesson last touched if unfinished, else the next unfinished one after it."""
    order = [s.lesson_id for m in modules for s in m.lessons]
    todo = [
        s.lesson_id
        for m in modules
        if m.status != "locked"
        for s in m.lessons
        if s.status != "complete"
    ]
    if not todo:
        return None
    touched = [
        (row["updated_at"], lesson_id)
        for lesson_id, row in snap.progress.items()
        if lesson_id in order
    ]
    if not touched:
        return todo[0]
    last = max(touched)[1]
    if last in todo:
        return last
    after = order.index(last)
    return next((lid for lid in todo if order.index(lid) > after), todo[0])


def require_open(db: Database, learner_id: int, manifest: Manifest, lesson_id: str) -> CourseState:
    """The course state, or a one-line error when the lesson's module is still locked."""
    state = course_state(db, learner_id, manifest)
    if lesson_id in state._by_lesson and not state.is_open(lesson_id):
        module = state.module_of(lesson_id)
        reason = module.lock
        if reason is None:
            raise LearningError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors", "{module!r} is locked: complete the module before first."
                ),
                module=module.title,
            )
        raise LearningError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{module!r} is locked: complete {previous!r} first."),
            module=module.title,
            previous=reason.module_title,
        )
    return state


def settle(db: Database, learner_id: int, manifest: Manifest) -> list[str]:
    """Record module and course completions reached but not yet recorded, each with its event.

    Runs inside the caller's transaction; returns the statement ids written (oldest first).
    """
    from player.core.learning.events import emit  # writes only: not needed to read a state

    learner = get_learner(db, learner_id)
    state = course_state(db, learner_id, manifest)
    snap_done = {
        (row["scope"], row["item_id"])
        for row in db.query(
            "SELECT scope, item_id FROM completions WHERE learner_id = ? AND course_id = ?",
            [learner_id, manifest.id],
        )
    }
    written: list[str] = []
    now = utc_now()
    spent = {
        row["lesson_id"]: float(row["time_spent"] or 0.0)
        for row in db.query(
            "SELECT lesson_id, time_spent FROM lesson_progress WHERE learner_id = ?"
            " AND course_id = ?",
            [learner_id, manifest.id],
        )
    }
    for module_state, module in zip(state.modules, manifest.modules, strict=True):
        if module_state.status == "complete" and ("module", module.id) not in snap_done:
            _record(db, learner_id, manifest, "module", module.id, now)
            written.append(
                emit(
                    db,
                    "module_completed",
                    learner_id=learner_id,
                    learner_uuid=learner.uuid,
                    manifest=manifest,
                    module=module,
                    duration_s=round(sum(spent.get(les.id, 0.0) for les in module.lessons), 3),
                )
            )
    if state.complete and ("course", manifest.id) not in snap_done:
        _record(db, learner_id, manifest, "course", manifest.id, now)
        written.append(
            emit(
                db,
                "course_completed",
                learner_id=learner_id,
                learner_uuid=learner.uuid,
                manifest=manifest,
                course_description=manifest.description,
                duration_s=round(sum(spent.get(les.id, 0.0) for les in manifest.lessons), 3),
            )
        )
    return written


def _record(
    db: Database, learner_id: int, manifest: Manifest, scope: str, item_id: str, now: str
) -> None:
    db.execute(
        "INSERT INTO completions (learner_id, course_id, scope, item_id, course_version,"
        " completed_at) VALUES (?, ?, ?, ?, ?, ?)",
        [learner_id, manifest.id, scope, item_id, manifest.version, now],
    )
