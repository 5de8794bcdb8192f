"""Outbox events to xAPI statements: identifiers, verbs, results, context, frozen JSON."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from player.core.errors import SyncError
from player.core.sync.statements import (
    ACCOUNT_HOME_PAGE,
    CATEGORY_MOVEON,
    DEFAULT_ACTIVITY_BASE,
    EXT_MASTERY_SCORE,
    VERB_ANSWERED,
    VERB_COMPLETED,
    VERB_FAILED,
    VERB_PASSED,
    VERB_SATISFIED,
    Learner,
    build_statement,
    freeze,
    iso_duration,
    registration_for,
)
from tests.helpers.outbox import event

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
LEARNER = Learner(str(uuid.uuid4()), "Ana", None)
SID = str(uuid.uuid4())
ATTEMPT = str(uuid.uuid4())


def build(kind: str, learner: Learner = LEARNER, base: str | None = None, **fields: object):
    data = event(learner.uuid, kind=kind, **{"timestamp": "2026-03-01T10:00:00.000Z", **fields})
    return build_statement(SID, kind, data, learner, activity_base=base, now=NOW)


def test_actor_is_mbox_when_the_learner_has_an_email() -> None:
    statement = build("lesson_completed", Learner(LEARNER.uuid, "Ana", "ana@example.org"))
    assert statement["actor"] == {
        "objectType": "Agent",
        "name": "Ana",
        "mbox": "mailto:ana@example.org",
    }


def test_actor_is_an_account_holding_the_learner_uuid_without_email() -> None:
    statement = build("lesson_completed")
    assert statement["actor"]["account"] == {"homePage": ACCOUNT_HOME_PAGE, "name": LEARNER.uuid}
    assert "mbox" not in statement["actor"]


def test_lesson_completion_ids_verb_result_and_context() -> None:
    statement = build("lesson_completed")
    course = f"{DEFAULT_ACTIVITY_BASE}/demo"
    assert statement["id"] == SID
    assert statement["verb"]["id"] == VERB_COMPLETED
    assert statement["object"]["id"] == f"{course}/lessons/intro"
    assert statement["object"]["definition"]["name"] == {"und": "Intro"}
    assert statement["result"] == {"completion": True, "duration": "PT1M15S"}
    context = statement["context"]
    assert context["contextActivities"]["parent"][0]["id"] == f"{course}/modules/m1"
    assert context["contextActivities"]["grouping"][0]["id"] == course
    assert context["registration"] == registration_for(LEARNER.uuid, "demo")
    assert context["revision"] == "1"
    assert "extensions" not in context
    assert statement["timestamp"] == "2026-03-01T10:00:00.000Z"


def test_activity_ids_come_from_the_manifest_base_and_survive_a_new_version() -> None:
    base = "https://publisher.example.org/courses/safety/"
    v1 = build("lesson_completed", base=base, course_version=1)
    v2 = build("lesson_completed", base=base, course_version=2)
    assert v1["object"]["id"] == "https://publisher.example.org/courses/safety/lessons/intro"
    assert v1["object"] == v2["object"]
    assert v1["context"]["contextActivities"] == v2["context"]["contextActivities"]
    assert v2["context"]["revision"] == "2"


@pytest.mark.parametrize(("success", "verb"), [(True, VERB_PASSED), (False, VERB_FAILED)])
def test_quiz_attempt_is_passed_or_failed_with_its_score(success: bool, verb: str) -> None:
    raw = 4 if success else 2
    statement = build(
        "quiz_attempted", success=success, score=raw / 5, raw=raw, max=5, attempt_uuid=ATTEMPT
    )
    assert statement["verb"]["id"] == verb
    result = statement["result"]
    assert result["score"] == {"scaled": raw / 5, "raw": raw, "min": 0, "max": 5}
    assert result["success"] is success
    assert "completion" not in result  # cmi5: passed/failed never say completion
    assert result["duration"] == "PT42.5S"
    assert statement["object"]["definition"]["type"].endswith("/assessment")
    context = statement["context"]
    assert context["extensions"] == {EXT_MASTERY_SCORE: 0.7}
    assert context["contextActivities"]["category"] == [{"id": CATEGORY_MOVEON}]
    attempt = context["contextActivities"]["grouping"][-1]
    assert attempt["id"] == f"{statement['object']['id']}/attempts/{ATTEMPT}"


def test_module_and_course_completion() -> None:
    module = build("module_completed", duration_s=600)
    assert module["verb"]["id"] == VERB_SATISFIED
    assert module["object"]["id"].endswith("/demo/modules/m1")
    activities = module["context"]["contextActivities"]
    assert activities["parent"][0]["id"].endswith("/demo")
    assert activities["category"] == [{"id": CATEGORY_MOVEON}]
    assert module["result"] == {"duration": "PT10M"}
    course = build("course_completed", duration_s=3600)
    assert course["object"]["id"] == f"{DEFAULT_ACTIVITY_BASE}/demo"
    assert course["verb"]["id"] == VERB_SATISFIED
    assert "parent" not in course["context"]["contextActivities"]
    assert course["result"] == {"duration": "PT1H"}


def test_a_survey_queued_before_per_question_statements_keeps_its_json_response() -> None:
    statement = build("survey_answered")
    assert statement["verb"]["id"] == VERB_ANSWERED
    assert json.loads(statement["result"]["response"]) == {"q1": 4, "q2": "more videos"}


def test_registration_is_stable_per_learner_and_course() -> None:
    assert registration_for("a", "demo") == registration_for("a", "demo")
    assert registration_for("a", "demo") != registration_for("a", "other")
    assert registration_for("a", "demo") != registration_for("b", "demo")
    uuid.UUID(registration_for("a", "demo"))


def test_timestamp_is_never_later_than_now() -> None:
    future = (NOW + timedelta(hours=3)).isoformat().replace("+00:00", "Z")
    statement = build("lesson_completed", timestamp=future)
    assert statement["timestamp"] == "2026-03-01T12:00:00.000Z"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "PT0S"), (63.5, "PT1M3.5S"), (3600, "PT1H"), (3725.256, "PT1H2M5.26S"), (-4, "PT0S")],
)
def test_iso_durations(seconds: float, text: str) -> None:
    assert iso_duration(seconds) == text


def test_frozen_json_is_canonical_and_identical_when_rebuilt() -> None:
    first = freeze(build("quiz_attempted", attempt_uuid=ATTEMPT))
    again = freeze(build("quiz_attempted", attempt_uuid=ATTEMPT))
    assert first == again
    assert json.loads(first)["id"] == SID
    assert first == json.dumps(json.loads(first), sort_keys=True, separators=(",", ":"))


def test_an_event_missing_its_lesson_is_refused_in_one_line() -> None:
    data = event(LEARNER.uuid, kind="lesson_completed")
    del data["lesson_id"]
    with pytest.raises(SyncError, match="lacks lesson_id"):
        build_statement(SID, "lesson_completed", data, LEARNER, now=NOW)
    with pytest.raises(SyncError, match="Unknown outbox event kind"):
        build_statement(SID, "progressed", data, LEARNER, now=NOW)
