"""When a lesson is complete or started, and which lessons count: the rules, in one place.

The learning engine (``state``: outline, gating, reports) and the library's cards (``card``:
progress without parsing the manifest) both read a learner's history in a course with
``load_history`` and ask ``lesson_status`` for each lesson, so a card cannot drift from the
outline. Rules:

- A video or text lesson is complete once its completion rule was met (``activity`` sets
  ``completed_at``); a quiz once passed; a survey once answered.
- A lesson with a progress row (opened, position saved) or a quiz attempt (started or
  submitted) is "in progress" until then.
- Surveys are never required: they never gate a module and never count in the share done.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from sqlite_utils import Database

LessonStatus = Literal["not_started", "in_progress", "complete"]


@dataclass(frozen=True, slots=True)
class History:
    """What one learner did in one course, as recorded (lessons of any course version)."""

    progress: dict[str, dict[str, Any]]  # lesson_progress rows by lesson id
    passes: set[str]  # quizzes passed
    best: dict[str, float]  # best submitted score by quiz
    attempts: dict[str, int]  # submitted attempts by quiz
    open_attempts: set[str]  # quizzes with an unfinished attempt
    surveys: set[str]  # surveys answered
    completions: set[tuple[str, str]]  # recorded (scope, item id): never revoked


def load_history(db: Database, learner_id: int, course_id: str) -> History:
    args = [learner_id, course_id]
    where = "WHERE learner_id = ? AND course_id = ?"
    progress = {
        row["lesson_id"]: row for row in db.query(f"SELECT * FROM lesson_progress {where}", args)
    }
    passes = {row["lesson_id"] for row in db.query(f"SELECT * FROM quiz_passes {where}", args)}
    best: dict[str, float] = {}
    attempts: dict[str, int] = {}
    open_attempts: set[str] = set()
    for row in db.query(
        "SELECT lesson_id, MAX(score) AS best, COUNT(finished_at) AS done,"
        " SUM(finished_at IS NULL) AS unfinished"
        f" FROM quiz_attempts {where} GROUP BY lesson_id",
        args,
    ):
        if row["done"]:
            best[row["lesson_id"]] = row["best"]
            attempts[row["lesson_id"]] = row["done"]
        if row["unfinished"]:
            open_attempts.add(row["lesson_id"])
    surveys = {
        row["lesson_id"]
        for row in db.query(f"SELECT DISTINCT lesson_id FROM survey_responses {where}", args)
    }
    completions = {
        (row["scope"], row["item_id"])
        for row in db.query(f"SELECT scope, item_id FROM completions {where}", args)
    }
    return History(progress, passes, best, attempts, open_attempts, surveys, completions)


def required(kind: str) -> bool:
    """Whether a lesson of this type counts towards its module's completion."""
    return kind != "survey"


def lesson_status(history: History, lesson_id: str, kind: str) -> LessonStatus:
    """The status of a lesson of type ``kind`` (video, text, quiz, survey) in ``history``."""
    if kind in ("video", "text"):
        row = history.progress.get(lesson_id)
        if row is not None and row["completed_at"]:
            return "complete"
    elif kind == "quiz":
        if lesson_id in history.passes:
            return "complete"
        if lesson_id in history.best or lesson_id in history.open_attempts:
            return "in_progress"
    elif kind == "survey" and lesson_id in history.surveys:
        return "complete"
    return "in_progress" if lesson_id in history.progress else "not_started"
