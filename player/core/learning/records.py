"""Low-level access shared by the learning modules: lessons by id, progress rows."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from player.core.errors import QT_TRANSLATE_NOOP, LearningError, Phrase
from player.core.package.manifest import Lesson, Manifest
from player.core.store.database import utc_now

if TYPE_CHECKING:
    from sqlite_utils import Database


def lesson_of(manifest: Manifest, lesson_id: str, *types: str) -> Lesson:
    """The lesson, or a one-line error when the course has no such lesson of those types."""
    lesson = manifest.lesson(lesson_id)
    if lesson is None:
        raise LearningError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "Course {course!r} has no lesson {lesson!r}."),
            course=manifest.id,
            lesson=lesson_id,
        )
    if types and lesson.type not in types:
        raise LearningError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors", "Lesson {lesson!r} is a {kind} lesson, not a {expected} lesson."
            ),
            lesson=lesson_id,
            kind=lesson.type,
            expected=" or ".join(types),
        )
    return lesson


def progress_row(
    db: Database, learner_id: int, course_id: str, lesson_id: str
) -> dict[str, Any] | None:
    rows = list(
        db.query(
            "SELECT * FROM lesson_progress"
            " WHERE learner_id = ? AND course_id = ? AND lesson_id = ?",
            [learner_id, course_id, lesson_id],
        )
    )
    return rows[0] if rows else None


def touch_progress(db: Database, learner_id: int, course_id: str, lesson_id: str) -> dict[str, Any]:
    """The lesson's progress row, created on first use; ``updated_at`` set to now.

    ``updated_at`` says which lesson the learner touched last ("continue where I stopped").
    """
    now = utc_now()
    db.execute(
        "INSERT INTO lesson_progress (learner_id, course_id, lesson_id, opened_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (learner_id, course_id, lesson_id)"
        " DO UPDATE SET updated_at = excluded.updated_at",
        [learner_id, course_id, lesson_id, now, now],
    )
    row = progress_row(db, learner_id, course_id, lesson_id)
    assert row is not None
    return row


def watched_of(row: dict[str, Any] | None) -> list[tuple[float, float]]:
    if row is None:
        return []
    try:
        return [(float(a), float(b)) for a, b in json.loads(row["watched"] or "[]")]
    except (ValueError, TypeError):
        return []


def check_seconds(value: float, what: Phrase) -> float:
    """A finite, non-negative number of seconds, or a one-line error naming ``what``."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise LearningError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{what} must be a number of seconds."), what=what
        )
    if value < 0 or value == float("inf"):
        raise LearningError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors", "{what} must be a finite number of seconds ≥ 0, not {value}."
            ),
            what=what,
            value=value,
        )
    return float(value)
