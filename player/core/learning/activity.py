"""Video and reading progress, time spent, and lesson completion.

Video (``record_position``): the UI saves the playing position at least every 5 s, on pause, on
seek and on close. The stretch between two saved positions counts as *watched* only when it
moves forward by no more than playback could have covered: ``elapsed × 2`` (the top speed) plus
1 s when the UI passes the wall-clock ``elapsed`` seconds, else ``MAX_STEP`` seconds. A seek is
thus never counted. A video is complete when ``WATCHED_TO_COMPLETE`` (90 %) of its duration has
been watched; when playback reaches the end (``ended=True``, VLC's end-of-media) the stretch
from the last saved position to the end counts like any other step, so a video played to the
end is complete, one skipped to its end is not. The resume position is the last saved one
(back to 0 once the video has ended).

Reading page (``record_reading``): complete when the learner has scrolled to the end of it
(``at_end=True``; a page that fits on screen is at its end when shown) **or** kept it open
``READING_SECONDS`` (10 s) in total, whichever comes first.

Time spent: ``elapsed`` seconds passed to these calls, or to ``add_time_spent`` for quizzes and
surveys, add up per lesson (and per open quiz attempt, for the event's duration).

Every call is one transaction; completing a lesson writes its ``lesson_completed`` event and any
module/course completion that follows, once. The first use of a lesson writes the
started-not-finished traces (``trace``); opening a lesson ends the learner's video sessions, and
saved positions become Video Profile events (``video``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from player.core.errors import QT_TRANSLATE_NOOP, LearningError, Phrase
from player.core.learning import trace, video
from player.core.learning.events import emit
from player.core.learning.intervals import add_interval, covered
from player.core.learning.learners import get_learner
from player.core.learning.records import (
    check_seconds,
    lesson_of,
    progress_row,
    touch_progress,
    watched_of,
)
from player.core.learning.state import require_open, settle
from player.core.package.manifest import Lesson, Manifest
from player.core.store.database import utc_now

if TYPE_CHECKING:
    from sqlite_utils import Database

WATCHED_TO_COMPLETE = video.COMPLETION_THRESHOLD
MAX_SPEED = 2.0
STEP_SLACK = 1.0
MAX_STEP = 12.0  # seconds of media between two saves 5 s apart at 2x, plus slack
READING_SECONDS = 10.0
MAX_ELAPSED = 24 * 3600.0

# What a bad number of seconds is, in the error that refuses it.
ELAPSED = Phrase(QT_TRANSLATE_NOOP("CoreErrors", "The elapsed time"))
TIME_SPENT = Phrase(QT_TRANSLATE_NOOP("CoreErrors", "The time spent"))


@dataclass(frozen=True)
class VideoProgress:
    position: float  # where to resume
    duration: float | None
    watched: float  # seconds actually watched
    complete: bool
    newly_completed: bool  # this call completed the lesson

    @property
    def watched_fraction(self) -> float:
        return min(1.0, self.watched / self.duration) if self.duration else 0.0


@dataclass(frozen=True)
class ReadingProgress:
    time_spent: float
    complete: bool
    newly_completed: bool


def open_lesson(db: Database, learner_id: int, manifest: Manifest, lesson_id: str) -> None:
    """Mark a lesson as opened (in progress, and the one "continue" returns to).

    Ends the learner's open video sessions; opening a video starts a new one.
    """
    lesson = lesson_of(manifest, lesson_id)
    with db.atomic():
        require_open(db, learner_id, manifest, lesson_id)
        video.end_sessions(db, learner_id)
        trace.note_started(db, learner_id, manifest, lesson)
        row = touch_progress(db, learner_id, manifest.id, lesson_id)
        if lesson.type == "video":
            video.start_session(db, learner_id, manifest, lesson, float(row["position"]))


def resume_position(db: Database, learner_id: int, course_id: str, lesson_id: str) -> float:
    """Where a video should start: the last saved position, 0 when never played."""
    row = progress_row(db, learner_id, course_id, lesson_id)
    return float(row["position"]) if row is not None else 0.0


def record_position(
    db: Database,
    learner_id: int,
    manifest: Manifest,
    lesson_id: str,
    position: float,
    duration: float | None = None,
    *,
    elapsed: float | None = None,
    ended: bool = False,
) -> VideoProgress:
    """Save the playing position of a video; counts the stretch played since the last save."""
    lesson = lesson_of(manifest, lesson_id, "video")
    position = check_seconds(position, Phrase(QT_TRANSLATE_NOOP("CoreErrors", "The position")))
    if duration is not None:
        duration = (
            check_seconds(duration, Phrase(QT_TRANSLATE_NOOP("CoreErrors", "The duration"))) or None
        )
    if elapsed is not None:
        elapsed = min(check_seconds(elapsed, ELAPSED), MAX_ELAPSED)
    with db.atomic():
        require_open(db, learner_id, manifest, lesson_id)
        before = progress_row(db, learner_id, manifest.id, lesson_id)
        trace.note_started(db, learner_id, manifest, lesson)
        row = touch_progress(db, learner_id, manifest.id, lesson_id)
        duration = duration or row["duration"] or lesson.duration
        if duration:
            position = min(position, duration)
        if ended and duration:
            position = duration
        previous = float(row["position"]) if before is not None else 0.0
        step_limit = MAX_STEP if elapsed is None else elapsed * MAX_SPEED + STEP_SLACK
        watched_before = watched = watched_of(row)
        counted = 0 < position - previous <= step_limit
        if counted:
            watched = add_interval(watched, previous, position)
        seen = covered(watched, duration)
        session = video.session_for(db, learner_id, manifest, lesson, previous)
        video.note_step(
            db,
            session,
            video.Step(previous, position, counted, ended, elapsed, watched_before, duration),
        )
        resume_at = 0.0 if ended else position
        db.execute(
            "UPDATE lesson_progress SET position = ?, duration = ?, watched = ?,"
            " time_spent = time_spent + ? WHERE learner_id = ? AND course_id = ? AND lesson_id = ?",
            [
                resume_at,
                duration,
                json.dumps(watched),
                elapsed or 0.0,
                learner_id,
                manifest.id,
                lesson_id,
            ],
        )
        complete = bool(row["completed_at"])
        newly = False
        if not complete and duration and seen >= WATCHED_TO_COMPLETE * duration - 1e-6:
            newly = complete = _complete(
                db,
                learner_id,
                manifest,
                lesson,
                video.completion_fields(session, position, watched, duration),
            )
    return VideoProgress(resume_at, duration, seen, complete, newly)


def record_reading(
    db: Database,
    learner_id: int,
    manifest: Manifest,
    lesson_id: str,
    *,
    elapsed: float = 0.0,
    at_end: bool = False,
) -> ReadingProgress:
    """Add reading time to a text lesson; complete at the end of the page or after 10 s open."""
    lesson = lesson_of(manifest, lesson_id, "text")
    elapsed = min(check_seconds(elapsed, ELAPSED), MAX_ELAPSED)
    with db.atomic():
        require_open(db, learner_id, manifest, lesson_id)
        trace.note_started(db, learner_id, manifest, lesson)
        row = touch_progress(db, learner_id, manifest.id, lesson_id)
        spent = float(row["time_spent"]) + elapsed
        db.execute(
            "UPDATE lesson_progress SET time_spent = ?"
            " WHERE learner_id = ? AND course_id = ? AND lesson_id = ?",
            [spent, learner_id, manifest.id, lesson_id],
        )
        complete = bool(row["completed_at"])
        newly = False
        if not complete and (at_end or spent >= READING_SECONDS):
            newly = complete = _complete(db, learner_id, manifest, lesson)
    return ReadingProgress(spent, complete, newly)


def add_time_spent(
    db: Database, learner_id: int, manifest: Manifest, lesson_id: str, seconds: float
) -> float:
    """Add time spent on any lesson (quiz and survey screens); returns the lesson's total.

    On a quiz with an unfinished attempt the time also counts for that attempt, whose
    ``quiz_attempted`` event carries it as ``duration_s``.
    """
    lesson = lesson_of(manifest, lesson_id)
    seconds = min(check_seconds(seconds, TIME_SPENT), MAX_ELAPSED)
    with db.atomic():
        get_learner(db, learner_id)
        trace.note_started(db, learner_id, manifest, lesson)
        row = touch_progress(db, learner_id, manifest.id, lesson_id)
        total = float(row["time_spent"]) + seconds
        db.execute(
            "UPDATE lesson_progress SET time_spent = ?"
            " WHERE learner_id = ? AND course_id = ? AND lesson_id = ?",
            [total, learner_id, manifest.id, lesson_id],
        )
        db.execute(
            "UPDATE quiz_attempts SET time_spent = time_spent + ? WHERE learner_id = ?"
            " AND course_id = ? AND lesson_id = ? AND finished_at IS NULL",
            [seconds, learner_id, manifest.id, lesson_id],
        )
    return total


def _complete(
    db: Database,
    learner_id: int,
    manifest: Manifest,
    lesson: Lesson,
    extra: dict[str, Any] | None = None,
) -> bool:
    """Mark a video/text lesson complete with its event, then settle module/course completion.

    Returns False (and writes nothing) when it was already complete.
    """
    cursor = db.execute(
        "UPDATE lesson_progress SET completed_at = ? WHERE learner_id = ? AND course_id = ?"
        " AND lesson_id = ? AND completed_at IS NULL",
        [utc_now(), learner_id, manifest.id, lesson.id],
    )
    if cursor.rowcount != 1:
        return False
    row = progress_row(db, learner_id, manifest.id, lesson.id)
    if row is None:  # pragma: no cover - the UPDATE above found it
        raise LearningError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "Lost the progress of lesson {lesson!r}."),
            lesson=lesson.id,
        )
    emit(
        db,
        "lesson_completed",
        learner_id=learner_id,
        learner_uuid=get_learner(db, learner_id).uuid,
        manifest=manifest,
        lesson=lesson,
        duration_s=round(float(row["time_spent"]), 3),
        **(extra or {}),
    )
    trace.note_lesson_done(db, learner_id, manifest, lesson)
    settle(db, learner_id, manifest)
    return True
