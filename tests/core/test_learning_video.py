"""Video Profile events derived from saved positions: sessions, played/paused/seeked,
completion by the documented rule, terminated; batched, not one per save."""

from __future__ import annotations

import json

import pytest
from sqlite_utils import Database

from player.core.learning import video
from player.core.learning.activity import open_lesson, record_position
from player.core.learning.learners import create_learner
from player.core.package.manifest import Manifest
from tests.helpers.demo_trace import Clock, demo_manifest, watch_video

LESSON = "m1-ecoute"  # 25 s


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(video, "now", clock)
    return clock


@pytest.fixture
def manifest() -> Manifest:
    return demo_manifest()


def video_events(db: Database) -> list[tuple[str, dict]]:
    rows = db.query("SELECT kind, event FROM outbox ORDER BY seq")
    return [
        (row["kind"], json.loads(row["event"]))
        for row in rows
        if row["kind"].startswith("video_") or row["kind"] == "lesson_completed"
    ]


def kinds(db: Database) -> list[str]:
    return [kind for kind, _ in video_events(db)]


def save(db, learner, manifest, clock, position, elapsed=5.0, wait=None, **kw) -> None:
    clock.advance(elapsed if wait is None else wait)
    record_position(db, learner, manifest, LESSON, position, 25.0, elapsed=elapsed, **kw)


def test_a_video_watched_straight_through_is_four_statements(
    db: Database, learner: int, manifest: Manifest, clock: Clock
) -> None:
    watch_video(db, learner, manifest, manifest.lesson(LESSON), clock)  # 5 saves
    open_lesson(db, learner, manifest, "m1-reformuler")  # leaving it ends the session
    events = video_events(db)
    assert [k for k, e in events if e["lesson_id"] == LESSON] == [
        "video_initialized",
        "video_played",
        "lesson_completed",
        "video_terminated",
    ]
    sessions = {e["session_id"] for k, e in events if e["lesson_id"] == LESSON}
    assert len(sessions) == 1
    initialized, played, completed, terminated = (e for _, e in events[:4])
    assert initialized["length"] == 25.0 and initialized["completion_threshold"] == 0.9
    assert played["time"] == 0.0
    # completion follows the documented rule: 90 % of the length watched (at 25 s here)
    assert completed["progress"] == 1.0 and completed["played_segments"] == "0[.]25"
    assert terminated["time"] == 25.0 and terminated["duration_s"] == 25.0


def test_completion_is_sent_when_ninety_percent_is_watched(
    db: Database, learner: int, manifest: Manifest, clock: Clock
) -> None:
    open_lesson(db, learner, manifest, LESSON)
    for position in (5.0, 10.0, 15.0, 20.0):
        save(db, learner, manifest, clock, position)
    assert "lesson_completed" not in kinds(db)  # 80 %
    save(db, learner, manifest, clock, 22.5, elapsed=2.5)
    completed = [e for k, e in video_events(db) if k == "lesson_completed"]
    assert len(completed) == 1 and completed[0]["progress"] == 0.9
    assert completed[0]["time"] == 22.5


def test_a_seek_is_sent_and_never_counted_as_watched(
    db: Database, learner: int, manifest: Manifest, clock: Clock
) -> None:
    open_lesson(db, learner, manifest, LESSON)
    save(db, learner, manifest, clock, 5.0)
    save(db, learner, manifest, clock, 24.0, elapsed=0.0, wait=1.0)  # dragged to the end
    events = video_events(db)
    assert [k for k, _ in events] == ["video_initialized", "video_played", "video_seeked"]
    assert (events[2][1]["time_from"], events[2][1]["time_to"]) == (5.0, 24.0)
    assert "lesson_completed" not in kinds(db)


def test_a_long_pause_is_sent_dated_when_it_began_then_playing_again(
    db: Database, learner: int, manifest: Manifest, clock: Clock
) -> None:
    open_lesson(db, learner, manifest, LESSON)
    save(db, learner, manifest, clock, 5.0)
    paused_at = clock.moment
    save(db, learner, manifest, clock, 10.0, wait=125.0)  # paused 2 minutes, then 5 s played
    save(db, learner, manifest, clock, 15.0, wait=7.0)  # 2 s of buffering: not a pause
    events = video_events(db)
    assert [k for k, _ in events] == [
        "video_initialized",
        "video_played",
        "video_paused",
        "video_played",
    ]
    paused = events[2][1]
    assert paused["time"] == 5.0 and paused["played_segments"] == "0[.]5"
    assert paused["progress"] == 0.2
    assert paused["timestamp"] == paused_at.isoformat(timespec="milliseconds").replace(
        "+00:00", "Z"
    )
    assert events[3][1]["time"] == 5.0


def test_periodic_saves_add_no_statement(
    db: Database, learner: int, manifest: Manifest, clock: Clock
) -> None:
    open_lesson(db, learner, manifest, LESSON)
    for position in (5.0, 10.0, 15.0):
        save(db, learner, manifest, clock, position)
    assert kinds(db) == ["video_initialized", "video_played"]


def test_a_new_session_after_half_an_hour_without_a_save(
    db: Database, learner: int, manifest: Manifest, clock: Clock
) -> None:
    open_lesson(db, learner, manifest, LESSON)
    save(db, learner, manifest, clock, 5.0)
    save(db, learner, manifest, clock, 10.0, wait=video.SESSION_IDLE + 60)
    events = video_events(db)
    assert [k for k, _ in events] == [
        "video_initialized",
        "video_played",
        "video_terminated",
        "video_initialized",
        "video_played",
    ]
    assert events[0][1]["session_id"] == events[2][1]["session_id"]
    assert events[3][1]["session_id"] != events[0][1]["session_id"]
    assert events[2][1]["time"] == 5.0


def test_sessions_of_other_learners_stay_open(
    db: Database, learner: int, manifest: Manifest, clock: Clock
) -> None:
    bea = create_learner(db, "Bea")
    other = bea.id
    open_lesson(db, learner, manifest, LESSON)
    open_lesson(db, other, manifest, LESSON)
    assert kinds(db) == ["video_initialized", "video_initialized"]
    open_lesson(db, other, manifest, "m1-reformuler")
    assert kinds(db)[-2:] == ["video_terminated", "video_initialized"]
    terminated = [e for k, e in video_events(db) if k == "video_terminated"]
    assert [e["learner_uuid"] for e in terminated] == [bea.uuid]
