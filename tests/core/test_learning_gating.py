"""Module gating, lock reasons, completion events exactly once, next lesson, surveys."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from player.core.errors import LearningError
from player.core.learning import (
    course_state,
    create_learner,
    open_lesson,
    record_reading,
    submit_survey,
    survey_answers,
)
from tests.core.learning_fixtures import (
    QUIZ_ONE_CORRECT,
    complete_module_1,
    make_manifest,
    outbox,
    take_quiz,
    watch_video,
)


def test_sequential_gating_locks_with_a_structured_reason(db: Database, learner: int) -> None:
    manifest = make_manifest(threshold=0.4)
    state = course_state(db, learner, manifest)
    assert [m.status for m in state.modules] == ["open", "locked", "locked"]
    lock = state.module("m2").lock
    assert lock is not None
    assert (lock.module_id, lock.module_title) == ("m1", "Module 1")
    assert [(q.title, q.threshold, q.best_score) for q in lock.quizzes] == [
        ("Module 1 quiz", 0.4, None)
    ]
    assert [ref.lesson_id for ref in lock.lessons] == ["m1-video", "m1-read"]
    assert state.next_lesson == "m1-video" and not state.complete

    watch_video(db, learner, manifest, "m1-video")
    record_reading(db, learner, manifest, "m1-read", at_end=True)
    take_quiz(db, learner, manifest, "m1-quiz", {"q1": "b"})
    lock = course_state(db, learner, manifest).module("m2").lock
    assert lock is not None and lock.lessons == ()
    assert [(q.lesson_id, q.best_score) for q in lock.quizzes] == [("m1-quiz", 0.25)]

    take_quiz(db, learner, manifest, "m1-quiz", {"q1": "b", "q3": True})
    state = course_state(db, learner, manifest)
    assert [m.status for m in state.modules] == ["complete", "open", "locked"]
    assert state.module("m2").lock is None


def test_open_gating_opens_every_module(db: Database, learner: int) -> None:
    manifest = make_manifest(gating="open")
    state = course_state(db, learner, manifest)
    assert [m.status for m in state.modules] == ["open", "open", "complete"]
    assert all(m.lock is None for m in state.modules)
    watch_video(db, learner, manifest, "m2-video")
    assert course_state(db, learner, manifest).lesson("m2-video").status == "complete"


COMPLETION_KINDS = ("lesson_completed", "quiz_attempted", "module_completed", "course_completed")


def completion_kinds(db: Database) -> list[str]:
    return [e["kind"] for e in outbox(db) if e["kind"] in COMPLETION_KINDS]


def test_completion_events_are_written_exactly_once(db: Database, learner: int) -> None:
    manifest = make_manifest()
    complete_module_1(db, learner, manifest)
    complete_module_1(db, learner, manifest)  # again: nothing new but the quiz attempt
    assert completion_kinds(db) == [
        "lesson_completed",
        "lesson_completed",
        "quiz_attempted",
        "module_completed",
        "quiz_attempted",
    ]
    watch_video(db, learner, manifest, "m2-video")
    take_quiz(db, learner, manifest, "m2-quiz", {"q1": "a"})
    kinds = completion_kinds(db)
    assert kinds[-5:] == [
        "lesson_completed",
        "quiz_attempted",
        "module_completed",
        "module_completed",
        "course_completed",
    ]
    module_events = [e["event"]["module_id"] for e in outbox(db, "module_completed")]
    assert module_events == ["m1", "m2", "m3"]
    state = course_state(db, learner, manifest)
    assert state.complete and all(m.status == "complete" for m in state.modules)
    ids = [e["statement_id"] for e in outbox(db)]
    assert len(set(ids)) == len(ids)
    course_event = outbox(db, "course_completed")[0]
    assert course_event["learner_id"] == learner and course_event["course_id"] == "demo"
    common = course_event["event"]
    assert common["course_version"] == 1 and common["course_title"] == "Demo course"
    assert common["timestamp"].endswith("Z")
    assert common["learner_uuid"] == db.execute("SELECT uuid FROM learners").fetchone()[0]


def test_surveys_never_gate_and_go_to_the_outbox(db: Database, learner: int) -> None:
    manifest = make_manifest(gating="open")
    complete_module_1(db, learner, manifest)
    watch_video(db, learner, manifest, "m2-video")
    take_quiz(db, learner, manifest, "m2-quiz", {"q1": "a"})
    state = course_state(db, learner, manifest)
    assert state.complete  # the survey is not answered
    assert state.next_lesson == "survey"
    response = submit_survey(
        db, learner, manifest, "survey", {"s1": 4, "s2": "yes", "s3": "  Merci ! "}
    )
    event = outbox(db, "survey_answered")[0]
    assert event["statement_id"] == response.statement_id
    assert event["event"]["answers"] == {"s1": 4, "s2": "yes", "s3": "Merci !"}
    assert event["event"]["lesson_id"] == "survey" and event["event"]["module_id"] == "m3"
    assert survey_answers(db, learner, "demo", "survey") == {"s1": 4, "s2": "yes", "s3": "Merci !"}
    state = course_state(db, learner, manifest)
    assert state.lesson("survey").status == "complete" and state.next_lesson is None


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"s1": 6}, "rating from 1 to 5"),
        ({"s1": True}, "rating from 1 to 5"),
        ({"s2": "maybe"}, "no choice 'maybe'"),
        ({"s9": "x"}, "no question 's9'"),
        ({"s3": 5}, "text answer"),
        ({}, "at least one"),
        ({"s3": ""}, "at least one"),
    ],
)
def test_bad_survey_answers_are_refused(
    db: Database, learner: int, answers: dict[str, object], message: str
) -> None:
    manifest = make_manifest(gating="open")
    with pytest.raises(LearningError, match=message):
        submit_survey(db, learner, manifest, "survey", answers)
    assert outbox(db) == [] and survey_answers(db, learner, "demo", "survey") is None


def test_survey_of_a_locked_module_is_refused(db: Database, learner: int) -> None:
    manifest = make_manifest()
    with pytest.raises(LearningError, match="locked"):
        submit_survey(db, learner, manifest, "survey", {"s1": 5})


def test_next_lesson_continues_where_the_learner_stopped(db: Database, learner: int) -> None:
    manifest = make_manifest()
    assert course_state(db, learner, manifest).next_lesson == "m1-video"
    open_lesson(db, learner, manifest, "m1-read")
    assert course_state(db, learner, manifest).next_lesson == "m1-read"
    record_reading(db, learner, manifest, "m1-read", at_end=True)
    # The page is done: continue with the next unfinished lesson after it.
    assert course_state(db, learner, manifest).next_lesson == "m1-quiz"
    take_quiz(db, learner, manifest, "m1-quiz", QUIZ_ONE_CORRECT)
    # Nothing left after the quiz in the open modules but the video before it.
    assert course_state(db, learner, manifest).next_lesson == "m1-video"
    watch_video(db, learner, manifest, "m1-video")
    assert course_state(db, learner, manifest).next_lesson == "m2-video"


def test_learners_do_not_share_progress(db: Database, learner: int) -> None:
    other = create_learner(db, "Bob").id
    manifest = make_manifest()
    complete_module_1(db, learner, manifest)
    assert course_state(db, other, manifest).module("m2").status == "locked"
    assert course_state(db, learner, manifest).module("m2").status == "open"
