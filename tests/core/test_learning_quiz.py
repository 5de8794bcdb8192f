"""Quiz attempts: resume with the same order, answers saved at once, scoring, retries."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from player.core.errors import LearningError
from player.core.learning import (
    add_time_spent,
    answer,
    course_state,
    create_learner,
    feedback_for,
    get_attempt,
    open_attempt,
    presented_questions,
    start_attempt,
    submit,
)
from player.core.store.database import open_database
from tests.core.learning_fixtures import (
    QUIZ_ONE_CORRECT,
    complete_module_1,
    make_manifest,
    outbox,
    take_quiz,
)


def test_resumed_attempt_shows_the_same_order_and_answers(db: Database, learner: int) -> None:
    manifest = make_manifest(shuffle=True)
    attempt = start_attempt(db, learner, manifest, "m1-quiz")
    first = presented_questions(attempt, manifest)
    answer(db, manifest, attempt.id, "q1", "b")
    answer(db, manifest, attempt.id, "q2", ["c", "a"])

    resumed = start_attempt(db, learner, manifest, "m1-quiz")
    assert resumed.id == attempt.id and resumed.seed == attempt.seed
    again = presented_questions(resumed, manifest)
    assert [q.choices for q in again] == [q.choices for q in first]
    assert {q.id: q.answer for q in again} == {"q1": "b", "q2": ["a", "c"], "q3": None, "q4": None}


def test_shuffle_changes_the_order_between_attempts_and_only_when_asked(
    db: Database, learner: int
) -> None:
    shuffled = make_manifest(shuffle=True)
    orders = set()
    for _ in range(12):
        attempt = start_attempt(db, learner, shuffled, "m1-quiz")
        orders.add(tuple(c.id for c in presented_questions(attempt, shuffled)[0].choices))
        submit(db, shuffled, attempt.id)
    assert len(orders) > 1
    plain = make_manifest(shuffle=False)
    attempt = start_attempt(db, learner, plain, "m1-quiz")
    assert [c.id for c in presented_questions(attempt, plain)[0].choices] == list("abcd")


def test_answers_survive_a_reopened_database(tmp_path: Path) -> None:
    path = tmp_path / "player.sqlite3"
    manifest = make_manifest()
    db = open_database(path)
    learner = create_learner(db, "Ana").id
    attempt = start_attempt(db, learner, manifest, "m1-quiz")
    answer(db, manifest, attempt.id, "q4", "reformuler")
    db.conn.close()
    reopened = open_database(path)
    current = open_attempt(reopened, learner, "demo", "m1-quiz")
    assert current is not None and current.answers == {"q4": "reformuler"}
    reopened.conn.close()


def test_submit_scores_and_gives_feedback(db: Database, learner: int) -> None:
    manifest = make_manifest()
    result = take_quiz(
        db, learner, manifest, "m1-quiz", {"q1": "b", "q2": ["a"], "q3": True, "q4": "Élan"}
    )
    assert result.score == 0.5 and result.threshold == 0.7 and not result.passed
    feedback = {f.question_id: f for f in result.feedback}
    assert feedback["q1"].correct and feedback["q1"].explanation == "B is right."
    assert not feedback["q2"].correct and feedback["q2"].expected == ("a", "c")
    assert feedback["q2"].given == ["a"]
    assert not feedback["q4"].correct
    event = outbox(db, "quiz_attempted")[0]
    assert event["statement_id"] == result.statement_id
    assert event["event"]["score"] == 0.5 and event["event"]["success"] is False
    assert event["event"]["attempt_uuid"] == result.attempt_uuid
    assert event["event"]["threshold"] == 0.7
    assert course_state(db, learner, manifest).lesson("m1-quiz").status == "in_progress"


def test_unanswered_questions_score_zero(db: Database, learner: int) -> None:
    manifest = make_manifest()
    result = take_quiz(db, learner, manifest, "m1-quiz", {"q3": True})
    assert result.score == 0.25
    assert [f.given for f in result.feedback] == [None, None, True, None]


def test_partial_credit_is_an_option_of_the_quiz(db: Database, learner: int) -> None:
    answers = {"q1": "b", "q2": ["a"], "q3": True, "q4": "reformuler"}
    assert take_quiz(db, learner, make_manifest(), "m1-quiz", answers).score == 0.75
    with_partial = take_quiz(db, learner, make_manifest(partial_credit=True), "m1-quiz", answers)
    assert with_partial.score == 0.875


def test_second_submission_and_late_answers_are_refused(db: Database, learner: int) -> None:
    manifest = make_manifest()
    attempt = start_attempt(db, learner, manifest, "m1-quiz")
    answer(db, manifest, attempt.id, "q1", "b")
    submit(db, manifest, attempt.id)
    with pytest.raises(LearningError, match="already submitted"):
        submit(db, manifest, attempt.id)
    with pytest.raises(LearningError, match="already submitted"):
        answer(db, manifest, attempt.id, "q1", "a")
    assert len(outbox(db, "quiz_attempted")) == 1
    assert get_attempt(db, attempt.id).answers == {"q1": "b"}


def test_unknown_questions_and_choices_are_refused(db: Database, learner: int) -> None:
    manifest = make_manifest()
    attempt = start_attempt(db, learner, manifest, "m1-quiz")
    with pytest.raises(LearningError, match="no question 'q9'"):
        answer(db, manifest, attempt.id, "q9", "a")
    with pytest.raises(LearningError, match="no choice 'z'"):
        answer(db, manifest, attempt.id, "q1", "z")
    with pytest.raises(LearningError, match="no quiz attempt 999"):
        answer(db, manifest, 999, "q1", "a")
    with pytest.raises(LearningError, match="not a quiz lesson"):
        start_attempt(db, learner, manifest, "m1-video")
    assert get_attempt(db, attempt.id).answers == {}


def test_changing_and_clearing_an_answer(db: Database, learner: int) -> None:
    manifest = make_manifest()
    attempt = start_attempt(db, learner, manifest, "m1-quiz")
    answer(db, manifest, attempt.id, "q1", "a")
    answer(db, manifest, attempt.id, "q1", "b")
    assert get_attempt(db, attempt.id).answers == {"q1": "b"}
    assert answer(db, manifest, attempt.id, "q1", None).answers == {}


def test_retries_are_unlimited_and_the_best_attempt_counts(db: Database, learner: int) -> None:
    manifest = make_manifest()
    take_quiz(db, learner, manifest, "m1-quiz", {"q1": "b"})
    passed = take_quiz(db, learner, manifest, "m1-quiz", QUIZ_ONE_CORRECT)
    assert passed.passed and passed.newly_passed and passed.best_score == 1.0
    worse = take_quiz(db, learner, manifest, "m1-quiz", {"q1": "a"})
    assert not worse.passed and not worse.newly_passed and worse.best_score == 1.0
    state = course_state(db, learner, manifest).lesson("m1-quiz")
    assert state.passed and state.status == "complete" and state.best_score == 1.0
    assert state.attempts == 3
    assert [e["event"]["success"] for e in outbox(db, "quiz_attempted")] == [False, True, False]


def test_quiz_time_goes_into_the_event(db: Database, learner: int) -> None:
    manifest = make_manifest()
    attempt = start_attempt(db, learner, manifest, "m1-quiz")
    add_time_spent(db, learner, manifest, "m1-quiz", 95)
    submit(db, manifest, attempt.id)
    assert outbox(db, "quiz_attempted")[0]["event"]["duration_s"] == 95


def test_quiz_of_a_locked_module_cannot_start(db: Database, learner: int) -> None:
    manifest = make_manifest()
    with pytest.raises(LearningError, match="'Module 2' is locked"):
        start_attempt(db, learner, manifest, "m2-quiz")
    complete_module_1(db, learner, manifest)
    assert start_attempt(db, learner, manifest, "m2-quiz").lesson_id == "m2-quiz"


def test_feedback_of_a_finished_attempt_can_be_shown_again(db: Database, learner: int) -> None:
    manifest = make_manifest()
    result = take_quiz(db, learner, manifest, "m1-quiz", QUIZ_ONE_CORRECT)
    again = feedback_for(get_attempt(db, result.attempt_id), manifest)
    assert again == result.feedback
