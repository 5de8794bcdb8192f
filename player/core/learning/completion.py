"""When a lesson is complete or started, and which lessons count: the rules, in one place.

The learning engine (``state``: outline, gating, reports) and the library's cards (``card``:
progress without parsing the manifest) both read a learner's history in a course with
``load_history`` (``load_histories`` for many courses at once, as the library does) and ask
``lesson_status`` for each lesson, so a card cannot drift from the outline. Rules:

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
    from collections.abc import Collection

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
    """What the learner did in one course (``load_histories`` for one course)."""
    return load_histories(db, learner_id, [course_id])[course_id]


def load_histories(
    db: Database, learner_id: int, course_ids: Collection[str]
) -> dict[str, History]:
    """What the learner did in each of these courses, by course id (an empty history if nothing).

    One query per table whatever the number of courses: the library reads every card's
    history at once, so opening it costs the same with 50 courses as with a few.
    """
    histories = {
        course_id: History({}, set(), {}, {}, set(), set(), set()) for course_id in course_ids
    }
    if not histories:
        return histories
    marks = ", ".join("?" * len(histories))
    args = [learner_id, *histories]
    where = f"WHERE learner_id = ? AND course_id IN ({marks})"
    for row in db.query(f"SELECT * FROM lesson_progress {where}", args):
        histories[row["course_id"]].progress[row["lesson_id"]] = row
    for row in db.query(f"SELECT course_id, lesson_id FROM quiz_passes {where}", args):
        histories[row["course_id"]].passes.add(row["lesson_id"])
    for row in db.query(
        "SELECT course_id, lesson_id, MAX(score) AS best, COUNT(finished_at) AS done,"
        " SUM(finished_at IS NULL) AS unfinished"
        f" FROM quiz_attempts {where} GROUP BY course_id, lesson_id",
        args,
    ):
        history = histories[row["course_id"]]
        if row["done"]:
            history.best[row["lesson_id"]] = row["best"]
            history.attempts[row["lesson_id"]] = row["done"]
        if row["unfinished"]:
            history.open_attempts.add(row["lesson_id"])
    for row in db.query(
        f"SELECT DISTINCT course_id, lesson_id FROM survey_responses {where}", args
    ):
        histories[row["course_id"]].surveys.add(row["lesson_id"])
    for row in db.query(f"SELECT course_id, scope, item_id FROM completions {where}", args):
        histories[row["course_id"]].completions.add((row["scope"], row["item_id"]))
    return histories


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
