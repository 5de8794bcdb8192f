"""Video completion by time actually watched, resume position, reading pages, time spent."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlite_utils import Database

from player.core.errors import LearningError
from player.core.learning import (
    add_time_spent,
    course_state,
    open_lesson,
    record_position,
    record_reading,
    resume_position,
)
from player.core.learning.intervals import add_interval, covered
from player.core.package.manifest import Manifest
from tests.core.learning_fixtures import make_manifest, outbox, watch_video


@pytest.fixture
def manifest() -> Manifest:
    return make_manifest()


def test_intervals_merge() -> None:
    spans = add_interval([], 0, 5)
    spans = add_interval(spans, 10, 15)
    assert spans == [(0, 5), (10, 15)]
    spans = add_interval(spans, 5, 10)
    assert spans == [(0, 15)]
    spans = add_interval(spans, 20, 18)
    assert spans == [(0, 15)]
    assert covered(add_interval(spans, 90, 120), 100) == 25


def test_playing_the_whole_video_completes_it_once(
    db: Database, learner: int, manifest: Manifest
) -> None:
    watch_video(db, learner, manifest, "m1-video")
    watch_video(db, learner, manifest, "m1-video")
    state = course_state(db, learner, manifest).lesson("m1-video")
    assert state.status == "complete"
    assert state.watched_fraction == 1.0
    events = outbox(db, "lesson_completed")
    assert len(events) == 1
    event = events[0]["event"]
    assert event["lesson_id"] == "m1-video" and event["lesson_type"] == "video"
    assert event["module_id"] == "m1" and event["duration_s"] == 90.0


def test_seeking_to_the_end_does_not_complete(
    db: Database, learner: int, manifest: Manifest
) -> None:
    record_position(db, learner, manifest, "m1-video", 0, 100)
    record_position(db, learner, manifest, "m1-video", 5, 100, elapsed=5)
    progress = record_position(db, learner, manifest, "m1-video", 99, 100, elapsed=5)
    assert not progress.complete and progress.watched == 5
    progress = record_position(db, learner, manifest, "m1-video", 100, 100, ended=True, elapsed=1)
    assert not progress.complete
    assert course_state(db, learner, manifest).lesson("m1-video").status == "in_progress"
    assert outbox(db, "lesson_completed") == []


def test_skipping_half_then_playing_to_the_end_does_not_complete(
    db: Database, learner: int, manifest: Manifest
) -> None:
    record_position(db, learner, manifest, "m1-video", 50, 100)  # a seek right away
    position = 50.0
    while position < 95:
        position += 5
        progress = record_position(db, learner, manifest, "m1-video", position, 100, elapsed=5)
    progress = record_position(db, learner, manifest, "m1-video", 97, 100, ended=True, elapsed=2)
    assert progress.watched == 50 and not progress.complete


def test_ninety_percent_watched_completes(db: Database, learner: int, manifest: Manifest) -> None:
    watch_video(db, learner, manifest, "m1-video", upto=85)
    assert course_state(db, learner, manifest).lesson("m1-video").status != "complete"
    progress = record_position(db, learner, manifest, "m1-video", 90, 100, elapsed=5)
    assert progress.complete and progress.newly_completed
    again = record_position(db, learner, manifest, "m1-video", 95, 100, elapsed=5)
    assert again.complete and not again.newly_completed


def test_watching_in_pieces_with_seeks_back_counts_each_second_once(
    db: Database, learner: int, manifest: Manifest
) -> None:
    watch_video(db, learner, manifest, "m1-video", upto=60)
    record_position(db, learner, manifest, "m1-video", 0, 100)  # seek back to the start
    progress = None
    for position in range(5, 61, 5):
        progress = record_position(db, learner, manifest, "m1-video", position, 100, elapsed=5)
    assert progress is not None and progress.watched == 60 and not progress.complete


def test_playing_to_the_end_credits_the_last_stretch(
    db: Database, learner: int, manifest: Manifest
) -> None:
    watch_video(db, learner, manifest, "m1-video", upto=87)
    progress = record_position(db, learner, manifest, "m1-video", 95, 100, ended=True, elapsed=8)
    assert progress.complete and progress.watched == 100
    assert resume_position(db, learner, "demo", "m1-video") == 0.0


def test_steps_longer_than_playback_allows_are_seeks(
    db: Database, learner: int, manifest: Manifest
) -> None:
    record_position(db, learner, manifest, "m1-video", 0, 100)
    # 30 s of media in 5 s of wall clock: more than 2x speed can cover, so a seek.
    progress = record_position(db, learner, manifest, "m1-video", 30, 100, elapsed=5)
    assert progress.watched == 0
    # Without the elapsed time, a step above 12 s is a seek, below counts.
    assert record_position(db, learner, manifest, "m1-video", 45, 100).watched == 0
    assert record_position(db, learner, manifest, "m1-video", 55, 100).watched == 10


def test_resume_position_and_time_spent(db: Database, learner: int, manifest: Manifest) -> None:
    assert resume_position(db, learner, "demo", "m1-video") == 0.0
    watch_video(db, learner, manifest, "m1-video", upto=40)
    record_position(db, learner, manifest, "m1-video", 42.5, 100, elapsed=2.5)
    assert resume_position(db, learner, "demo", "m1-video") == 42.5
    state = course_state(db, learner, manifest).lesson("m1-video")
    assert state.position == 42.5 and state.time_spent == 42.5
    assert state.status == "in_progress"


def test_duration_defaults_to_the_manifest(db: Database, learner: int, manifest: Manifest) -> None:
    progress = record_position(db, learner, manifest, "m1-video", 5, None)
    assert progress.duration == 100


@pytest.mark.parametrize(
    ("position", "duration", "message"),
    [(-1, 100, "position"), (float("nan"), 100, "position"), (5, float("inf"), "duration")],
)
def test_bad_positions_are_refused(
    db: Database,
    learner: int,
    manifest: Manifest,
    position: float,
    duration: float,
    message: str,
) -> None:
    with pytest.raises(LearningError, match=message):
        record_position(db, learner, manifest, "m1-video", position, duration)
    assert list(db.query("SELECT * FROM lesson_progress")) == []


def test_wrong_lessons_are_refused(db: Database, learner: int, manifest: Manifest) -> None:
    with pytest.raises(LearningError, match="no lesson 'nope'"):
        record_position(db, learner, manifest, "nope", 1, 10)
    with pytest.raises(LearningError, match="not a video lesson"):
        record_position(db, learner, manifest, "m1-read", 1, 10)
    with pytest.raises(LearningError, match="'Module 2' is locked: complete 'Module 1' first"):
        record_position(db, learner, manifest, "m2-video", 1, 60)
    with pytest.raises(LearningError, match="no learner"):
        record_position(db, 99, manifest, "m1-video", 1, 10)
    assert list(db.query("SELECT * FROM lesson_progress")) == []


def test_reading_page_complete_at_the_end(db: Database, learner: int, manifest: Manifest) -> None:
    open_lesson(db, learner, manifest, "m1-read")
    assert course_state(db, learner, manifest).lesson("m1-read").status == "in_progress"
    progress = record_reading(db, learner, manifest, "m1-read", elapsed=2, at_end=True)
    assert progress.complete and progress.newly_completed
    again = record_reading(db, learner, manifest, "m1-read", elapsed=2, at_end=True)
    assert again.complete and not again.newly_completed and again.time_spent == 4
    assert len(outbox(db, "lesson_completed")) == 1


def test_reading_page_complete_after_ten_seconds_open(
    db: Database, learner: int, manifest: Manifest
) -> None:
    assert not record_reading(db, learner, manifest, "m1-read", elapsed=4).complete
    assert not record_reading(db, learner, manifest, "m1-read", elapsed=5.9).complete
    progress = record_reading(db, learner, manifest, "m1-read", elapsed=0.1)
    assert progress.complete and progress.time_spent == pytest.approx(10)
    event = outbox(db, "lesson_completed")[0]["event"]
    assert event["lesson_type"] == "text" and event["duration_s"] == pytest.approx(10)


def test_time_spent_on_any_lesson(db: Database, learner: int, manifest: Manifest) -> None:
    assert add_time_spent(db, learner, manifest, "m1-quiz", 30) == 30
    assert add_time_spent(db, learner, manifest, "m1-quiz", 12.5) == 42.5
    with pytest.raises(LearningError, match="seconds"):
        add_time_spent(db, learner, manifest, "m1-quiz", -1)
    assert course_state(db, learner, manifest).lesson("m1-quiz").time_spent == 42.5


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=25))
def test_merged_intervals_cover_exactly_their_union(spans: list[tuple[int, int]]) -> None:
    merged: list[tuple[float, float]] = []
    cells: set[int] = set()
    for a, b in spans:
        merged = add_interval(merged, a, b)
        cells.update(range(a, b))
    assert covered(merged) == len(cells)
    assert all(b1 < a2 for (_, b1), (a2, _) in zip(merged, merged[1:], strict=False))


def test_unwatched_stretches_ignore_rounding_gaps() -> None:
    from player.core.learning.intervals import unwatched

    assert unwatched([], 100) == [(0.0, 100.0)]
    assert unwatched([(0, 34), (34.4, 40), (95, 100)], 100) == [(40.0, 95.0)]
    assert unwatched([(5, 50), (60, 120)], 100) == [(0.0, 5.0), (50.0, 60.0)]
    assert unwatched([(0, 99.5)], 100) == []


def test_a_video_skipped_to_its_end_says_where_the_unwatched_part_starts(
    db: Database, learner: int, manifest: Manifest
) -> None:
    from player.core.learning.intervals import unwatched
    from player.core.learning.records import progress_row, watched_of

    record_position(db, learner, manifest, "m1-video", 0, 100)
    record_position(db, learner, manifest, "m1-video", 5, 100, elapsed=5)
    record_position(db, learner, manifest, "m1-video", 95, 100, elapsed=0.2)  # a seek
    progress = record_position(db, learner, manifest, "m1-video", 100, 100, elapsed=5, ended=True)
    assert not progress.complete
    row = progress_row(db, learner, manifest.id, "m1-video")
    assert unwatched(watched_of(row), 100) == [(5.0, 95.0)]
