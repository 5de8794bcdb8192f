"""Viewing sessions of a video and their xAPI Video Profile events, derived from saved positions.

The video screen only saves positions (``activity.record_position``: every 5 s of playback, on
pause, around a seek, on close); this module turns them into the profile's events, batched so a
video watched straight through is ``initialized``, ``played``, ``completed``, ``terminated``:

- a session starts when the lesson is opened (``start_session``) or with the first save after
  ``SESSION_IDLE`` without one; it sends ``video_initialized``;
- a forward step playback could have covered continues playing; the first one of a session,
  after a pause or after the end sends ``video_played`` (at the step's start);
- a step longer than playback could cover, or backwards, sends ``video_seeked``;
- a forward step whose wall-clock gap exceeds the time played by ``PAUSE_SLACK`` means the
  player stood paused: ``video_paused`` at the previous position, dated when it was saved,
  then ``video_played``;
- a session ends (``video_terminated``) when the learner opens any lesson, or when a new session
  starts; it carries the session's playing time.

``progress`` and ``played-segments`` count every watched stretch of the lesson (all sessions),
the same intervals the completion rule counts.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from player.core.learning.events import common_fields, emit_event
from player.core.learning.intervals import Interval, covered
from player.core.learning.learners import get_learner
from player.core.learning.records import progress_row, watched_of
from player.core.package.manifest import Lesson, Manifest

if TYPE_CHECKING:
    from sqlite_utils import Database

COMPLETION_THRESHOLD = 0.9  # share of the length watched that completes a video lesson
SESSION_IDLE = 30 * 60.0  # seconds without a save after which the next save starts a session
PAUSE_SLACK = 15.0  # seconds of wall-clock time beyond the time played that mean a pause


def now() -> datetime:
    """The wall clock (a seam for tests)."""
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def seconds(value: float) -> float:
    """A position or length as sent: 3 decimals at most (the profile's precision)."""
    return round(float(value), 3)


def segments_text(intervals: list[Interval]) -> str:
    """``played-segments``: ``start[.]end`` pairs joined by ``[,]``."""

    def number(value: float) -> str:
        return f"{value:.3f}".rstrip("0").rstrip(".") or "0"

    return "[,]".join(f"{number(a)}[.]{number(b)}" for a, b in intervals)


def progress_fields(watched: list[Interval], length: float | None) -> dict[str, Any]:
    fields: dict[str, Any] = {"played_segments": segments_text(watched)}
    if length:
        fields["progress"] = round(min(1.0, covered(watched, length) / length), 3)
        fields["length"] = seconds(length)
    return fields


@dataclass(frozen=True, slots=True)
class Session:
    id: int
    uuid: str
    learner_id: int
    position: float
    saved_at: datetime
    playing: bool
    time_spent: float
    event: dict[str, Any]


def _session(row: dict[str, Any]) -> Session:
    return Session(
        row["id"],
        row["uuid"],
        row["learner_id"],
        float(row["position"]),
        _parse(row["saved_at"]),
        bool(row["playing"]),
        float(row["time_spent"]),
        json.loads(row["event"]),
    )


def _emit(db: Database, kind: str, session: Session, learner_uuid: str, **fields: Any) -> None:
    event = {**session.event, "session_id": session.uuid, **fields}
    emit_event(db, kind, learner_id=session.learner_id, learner_uuid=learner_uuid, event=event)


def end_sessions(db: Database, learner_id: int) -> None:
    """Terminate every open session of the learner (any course), each dated at its last save."""
    rows = list(
        db.query(
            "SELECT * FROM video_sessions WHERE learner_id = ? AND ended_at IS NULL ORDER BY id",
            [learner_id],
        )
    )
    if not rows:
        return
    learner_uuid = get_learner(db, learner_id).uuid
    for row in rows:
        session = _session(row)
        progress = progress_row(db, learner_id, row["course_id"], row["lesson_id"])
        length = (progress or {}).get("duration") or session.event.get("length")
        _emit(
            db,
            "video_terminated",
            session,
            learner_uuid,
            timestamp=row["saved_at"],
            time=seconds(session.position),
            duration_s=round(session.time_spent, 3),
            **progress_fields(watched_of(progress), length),
        )
        db.execute(
            "UPDATE video_sessions SET ended_at = ? WHERE id = ?", [_stamp(now()), session.id]
        )


def start_session(
    db: Database, learner_id: int, manifest: Manifest, lesson: Lesson, position: float
) -> Session:
    """End the learner's open sessions, open one on this video and send ``video_initialized``."""
    end_sessions(db, learner_id)
    progress = progress_row(db, learner_id, manifest.id, lesson.id)
    length = (progress or {}).get("duration") or lesson.duration
    event = common_fields(manifest, lesson)
    event["completion_threshold"] = COMPLETION_THRESHOLD
    if length:
        event["length"] = seconds(length)
    at = _stamp(now())
    cursor = db.execute(
        "INSERT INTO video_sessions (uuid, learner_id, course_id, lesson_id, started_at,"
        " saved_at, position, event) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            str(uuid.uuid4()),
            learner_id,
            manifest.id,
            lesson.id,
            at,
            at,
            position,
            json.dumps(event, ensure_ascii=False, sort_keys=True),
        ],
    )
    row = next(db.query("SELECT * FROM video_sessions WHERE id = ?", [cursor.lastrowid]))
    session = _session(row)
    _emit(db, "video_initialized", session, get_learner(db, learner_id).uuid, timestamp=at)
    return session


def session_for(
    db: Database, learner_id: int, manifest: Manifest, lesson: Lesson, position: float
) -> Session:
    """The open session on this video, or a new one (none open, or idle for too long)."""
    rows = list(
        db.query(
            "SELECT * FROM video_sessions WHERE learner_id = ? AND course_id = ?"
            " AND lesson_id = ? AND ended_at IS NULL ORDER BY id DESC LIMIT 1",
            [learner_id, manifest.id, lesson.id],
        )
    )
    if rows:
        session = _session(rows[0])
        if (now() - session.saved_at).total_seconds() <= SESSION_IDLE:
            return session
    return start_session(db, learner_id, manifest, lesson, position)


@dataclass(frozen=True, slots=True)
class Step:
    """One saved position, as ``activity.record_position`` classified it."""

    previous: float
    position: float
    counted: bool  # a forward stretch playback could have covered (watched)
    ended: bool
    elapsed: float | None
    watched_before: list[Interval]
    length: float | None


def note_step(db: Database, session: Session, step: Step) -> None:
    """Send what this save means for the session (played, paused, seeked) and record it."""
    learner_uuid = get_learner(db, session.learner_id).uuid
    moment = now()
    playing = session.playing
    if step.counted:
        gap = (moment - session.saved_at).total_seconds()
        if playing and step.elapsed is not None and gap > step.elapsed + PAUSE_SLACK:
            _emit(
                db,
                "video_paused",
                session,
                learner_uuid,
                timestamp=_stamp(session.saved_at),
                time=seconds(step.previous),
                **progress_fields(step.watched_before, step.length),
            )
            playing = False
        if not playing:
            _emit(db, "video_played", session, learner_uuid, time=seconds(step.previous))
            playing = True
    elif step.position != step.previous:
        _emit(
            db,
            "video_seeked",
            session,
            learner_uuid,
            time_from=seconds(step.previous),
            time_to=seconds(step.position),
        )
    if step.ended:
        playing = False
    db.execute(
        "UPDATE video_sessions SET position = ?, saved_at = ?, playing = ?,"
        " time_spent = time_spent + ? WHERE id = ?",
        [step.position, _stamp(moment), int(playing), step.elapsed or 0.0, session.id],
    )


def completion_fields(
    session: Session, position: float, watched: list[Interval], length: float | None
) -> dict[str, Any]:
    """The Video Profile fields of the lesson's ``completed`` (``lesson_completed`` event)."""
    return {
        "session_id": session.uuid,
        "time": seconds(position),
        "completion_threshold": COMPLETION_THRESHOLD,
        **progress_fields(watched, length),
    }
