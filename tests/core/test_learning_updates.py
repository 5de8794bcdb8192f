"""A course update recomputes passes from stored best scores; passes are never revoked."""

from __future__ import annotations

import copy

import pytest
from sqlite_utils import Database

from player.core.learning import course_state, create_learner, on_course_installed
from player.core.package.manifest import validate_manifest
from tests.core.learning_fixtures import (
    QUIZ_ONE_CORRECT,
    course_dict,
    make_manifest,
    outbox,
    record_reading,
    take_quiz,
    watch_video,
)

HALF_RIGHT = {"q1": "b", "q3": True}  # 2 of 4: 50 %


def _module_1_at_half(db: Database, learner: int, threshold: float) -> None:
    manifest = make_manifest(version=1, threshold=threshold)
    watch_video(db, learner, manifest, "m1-video")
    record_reading(db, learner, manifest, "m1-read", at_end=True)
    take_quiz(db, learner, manifest, "m1-quiz", HALF_RIGHT)


def test_lowered_threshold_passes_a_learner_at_50_and_opens_the_next_module(
    db: Database,
) -> None:
    ana = create_learner(db, "Ana").id
    bob = create_learner(db, "Bob").id  # scored 25 %: still below 40 %
    carla = create_learner(db, "Carla").id  # never started: nothing written for her
    old = make_manifest(version=1, threshold=0.7)
    _module_1_at_half(db, ana, 0.7)
    take_quiz(db, bob, old, "m1-quiz", {"q1": "b"})
    assert course_state(db, ana, old).module("m2").status == "locked"
    before = len(outbox(db))

    new = make_manifest(version=2, threshold=0.4)
    with db.atomic():  # the installer's transaction
        on_course_installed(db, old, new)

    state = course_state(db, ana, new)
    assert state.lesson("m1-quiz").passed
    assert [m.status for m in state.modules] == ["complete", "open", "locked"]
    added = outbox(db)[before:]
    assert [(e["kind"], e["learner_id"]) for e in added] == [
        ("quiz_attempted", ana),
        ("module_completed", ana),
    ]
    event = added[0]["event"]
    assert (event["score"], event["threshold"], event["success"]) == (0.5, 0.4, True)
    assert event["course_version"] == 2 and event["reason"] == "threshold_changed"
    first_attempt = db.execute("SELECT uuid FROM quiz_attempts ORDER BY id").fetchone()[0]
    assert event["attempt_uuid"] == first_attempt
    assert not course_state(db, bob, new).lesson("m1-quiz").passed
    assert course_state(db, carla, new).module("m1").status == "open"

    # Installing the same version again writes nothing more.
    on_course_installed(db, new, new)
    assert len(outbox(db)) == before + 2


def test_raised_threshold_keeps_an_earlier_pass(db: Database) -> None:
    ana = create_learner(db, "Ana").id
    _module_1_at_half(db, ana, 0.4)
    old = make_manifest(version=1, threshold=0.4)
    assert course_state(db, ana, old).lesson("m1-quiz").passed
    before = len(outbox(db))

    new = make_manifest(version=2, threshold=0.7)
    on_course_installed(db, old, new)
    state = course_state(db, ana, new)
    quiz = state.lesson("m1-quiz")
    assert quiz.passed and quiz.status == "complete" and quiz.threshold == 0.7
    assert state.module("m2").status == "open"
    assert len(outbox(db)) == before
    # A new attempt below the new threshold fails but does not take the pass away.
    result = take_quiz(db, ana, new, "m1-quiz", HALF_RIGHT)
    assert not result.passed and course_state(db, ana, new).lesson("m1-quiz").passed


def test_module_threshold_override_applies(db: Database) -> None:
    ana = create_learner(db, "Ana").id
    _module_1_at_half(db, ana, 0.7)
    on_course_installed(db, None, make_manifest(version=2, threshold=0.7, m1_threshold=0.5))
    assert course_state(db, ana, make_manifest(version=2)).lesson("m1-quiz").passed


def test_removed_lessons_are_kept_not_counted_and_completion_follows(db: Database) -> None:
    ana = create_learner(db, "Ana").id
    old = make_manifest(version=1)
    watch_video(db, ana, old, "m1-video")
    take_quiz(db, ana, old, "m1-quiz", QUIZ_ONE_CORRECT)
    assert course_state(db, ana, old).module("m1").status == "open"  # reading not done

    document = course_dict(version=2)
    document["modules"][0]["lessons"] = [
        lesson for lesson in document["modules"][0]["lessons"] if lesson["id"] != "m1-read"
    ]
    new = validate_manifest(document, require_files=False)
    on_course_installed(db, old, new)
    state = course_state(db, ana, new)
    assert state.module("m1").status == "complete"
    assert [e["event"]["module_id"] for e in outbox(db, "module_completed")] == ["m1"]

    gone = copy.deepcopy(course_dict(version=3))
    gone["modules"][0]["lessons"] = gone["modules"][0]["lessons"][2:]  # video removed too
    newer = validate_manifest(gone, require_files=False)
    on_course_installed(db, new, newer)
    assert course_state(db, ana, newer).modules[0].lessons_total == 1
    kept = db.execute("SELECT COUNT(*) FROM lesson_progress WHERE lesson_id = 'm1-video'")
    assert kept.fetchone()[0] == 1


def test_an_added_lesson_does_not_revoke_a_completed_module(db: Database) -> None:
    ana = create_learner(db, "Ana").id
    old = make_manifest(version=1)
    watch_video(db, ana, old, "m1-video")
    record_reading(db, ana, old, "m1-read", at_end=True)
    take_quiz(db, ana, old, "m1-quiz", QUIZ_ONE_CORRECT)
    document = course_dict(version=2)
    document["modules"][0]["lessons"].append(
        {"id": "m1-extra", "type": "text", "title": "Extra", "file": "text/extra.md"}
    )
    new = validate_manifest(document, require_files=False)
    on_course_installed(db, old, new)
    state = course_state(db, ana, new)
    assert state.module("m1").status == "complete"
    assert state.lesson("m1-extra").status == "not_started"
    assert state.module("m2").status == "open"


def test_a_failed_install_rolls_back_the_recomputed_passes(db: Database) -> None:
    ana = create_learner(db, "Ana").id
    _module_1_at_half(db, ana, 0.7)
    before = len(outbox(db))
    new = make_manifest(version=2, threshold=0.4)
    with pytest.raises(RuntimeError, match="disk"), db.atomic():
        on_course_installed(db, make_manifest(version=1), new)
        raise RuntimeError("disk full while swapping the course in")
    assert len(outbox(db)) == before
    assert not course_state(db, ana, new).lesson("m1-quiz").passed
