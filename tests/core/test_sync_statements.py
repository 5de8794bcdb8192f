"""Outbox events to xAPI statements: identifiers, verbs, results, context, frozen JSON."""

from __future__ import annotations

import dataclasses
import gzip
import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from player.core.errors import SyncError
from player.core.learning import video
from player.core.learning.activity import open_lesson, record_reading
from player.core.learning.events import KINDS
from player.core.learning.learners import create_learner
from player.core.learning.quiz import answer, start_attempt, submit
from player.core.package.manifest import Manifest
from player.core.sync import outbox
from player.core.sync.statements import (
    ACCOUNT_HOME_PAGE,
    CATEGORY_MOVEON,
    DEFAULT_ACTIVITY_BASE,
    EXT_MASTERY_SCORE,
    EXT_PREVIOUS_MASTERY,
    EXT_PROGRESS,
    EXT_REASON,
    TYPE_ATTEMPT,
    TYPE_READING,
    TYPE_VIDEO,
    VERB_ANSWERED,
    VERB_COMPLETED,
    VERB_FAILED,
    VERB_INITIALIZED,
    VERB_PASSED,
    VERB_PROGRESSED,
    VERB_SATISFIED,
    Learner,
    build_statement,
    freeze,
    iso_duration,
    registration_for,
)
from tests.helpers.demo_trace import (
    Clock,
    answer_survey,
    demo_manifest,
    every_kind,
    lowered_threshold,
    reevaluate,
    take_quiz,
    watch_video,
    whole_course,
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


# --------------------------------------------------------------------------- from the engine


@pytest.fixture
def demo(monkeypatch: pytest.MonkeyPatch) -> tuple[Manifest, Clock]:
    clock = Clock()
    monkeypatch.setattr(video, "now", clock)
    return demo_manifest(), clock


def engine_statements(db: Database, manifest: Manifest) -> list[tuple[str, dict]]:
    outbox.freeze_pending(db, lambda _course: manifest.activity_base)
    return [
        (row["kind"], json.loads(row["statement"]))
        for row in db.query("SELECT kind, statement FROM outbox ORDER BY seq")
    ]


def of_kind(statements: list[tuple[str, dict]], kind: str) -> list[dict]:
    return [s for k, s in statements if k == kind]


def test_each_answered_question_is_a_cmi_interaction_grouped_under_its_attempt(
    db: Database, demo: tuple[Manifest, Clock]
) -> None:
    manifest, _ = demo
    ana = create_learner(db, "Ana").id
    quiz = manifest.lesson("m1-quiz")
    assert quiz is not None
    attempt = start_attempt(db, ana, manifest, quiz.id)
    answer(db, manifest, attempt.id, "q1", "a")  # single, wrong
    answer(db, manifest, attempt.id, "q2", ["a", "b"])  # multiple, wrong
    answer(db, manifest, attempt.id, "q3", True)  # true/false, wrong
    answer(db, manifest, attempt.id, "q4", " Reformuler ")  # typed, right
    submit(db, manifest, attempt.id)  # q5 unanswered: no statement
    statements = engine_statements(db, manifest)
    questions = of_kind(statements, "question_answered")
    quiz_iri = f"{manifest.activity_base}/lessons/m1-quiz"
    assert [q["object"]["id"] for q in questions] == [
        f"{quiz_iri}/questions/q{n}" for n in (1, 2, 3, 4)
    ]
    single, multiple, true_false, typed = questions
    definition = single["object"]["definition"]
    assert definition["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction"
    assert definition["interactionType"] == "choice"
    assert [c["id"] for c in definition["choices"]] == ["a", "b", "c"]
    assert definition["choices"][1]["description"] == {"fr": quiz.questions[0].choices[1].text}
    assert definition["correctResponsesPattern"] == ["b"]
    assert definition["name"] == {"fr": quiz.questions[0].prompt}
    assert single["result"] == {"response": "a", "success": False}
    assert multiple["object"]["definition"]["correctResponsesPattern"] == ["a[,]c"]
    assert multiple["result"] == {"response": "a[,]b", "success": False}
    assert true_false["object"]["definition"]["interactionType"] == "true-false"
    assert true_false["object"]["definition"]["correctResponsesPattern"] == ["false"]
    assert true_false["result"] == {"response": "true", "success": False}
    assert typed["object"]["definition"]["interactionType"] == "fill-in"
    assert "reformuler" in typed["object"]["definition"]["correctResponsesPattern"]
    assert typed["result"] == {"response": " Reformuler ", "success": True}

    (failed,) = of_kind(statements, "quiz_attempted")
    attempt_iri = f"{quiz_iri}/attempts/{attempt.uuid}"
    for statement in [*questions, failed]:
        grouping = statement["context"]["contextActivities"]["grouping"]
        assert {"id": attempt_iri, "definition": {"type": TYPE_ATTEMPT}} in grouping
    assert questions[0]["context"]["contextActivities"]["parent"][0]["id"] == quiz_iri
    assert failed["verb"]["id"] == VERB_FAILED
    assert failed["result"]["score"] == {"scaled": 0.2, "raw": 1, "min": 0, "max": 5}
    assert failed["context"]["extensions"] == {EXT_MASTERY_SCORE: 0.4}


def test_a_retake_after_a_pass_is_a_new_registration(
    db: Database, demo: tuple[Manifest, Clock]
) -> None:
    manifest, _ = demo
    ana = create_learner(db, "Ana")
    quiz = manifest.lesson("m1-quiz")
    assert quiz is not None
    take_quiz(db, ana.id, manifest, quiz, right=1)  # failed
    take_quiz(db, ana.id, manifest, quiz, right=5)  # passed
    take_quiz(db, ana.id, manifest, quiz, right=0)  # a retake, failed
    statements = engine_statements(db, manifest)
    course = registration_for(ana.uuid, manifest.id)
    verdicts = [
        (s["verb"]["id"], s["context"]["registration"])
        for s in of_kind(statements, "quiz_attempted")
    ]
    assert verdicts[:2] == [(VERB_FAILED, course), (VERB_PASSED, course)]
    verb, registration = verdicts[2]
    assert verb == VERB_FAILED and registration != course
    # cmi5: in one registration, no failed after passed
    for reg in {r for _, r in verdicts}:
        seen = [v for v, r in verdicts if r == reg]
        after_pass = seen[seen.index(VERB_PASSED) + 1 :] if VERB_PASSED in seen else []
        assert VERB_FAILED not in after_pass
    retake_questions = of_kind(statements, "question_answered")[-5:]
    assert {q["context"]["registration"] for q in retake_questions} == {registration}


def test_a_lowered_threshold_passes_the_best_attempt_with_its_reason(
    db: Database, demo: tuple[Manifest, Clock]
) -> None:
    manifest, clock = demo
    ben = create_learner(db, "Ben").id
    for lesson in manifest.modules[0].lessons:
        if lesson.type == "quiz":
            take_quiz(db, ben, manifest, lesson, right=5)
        elif lesson.type == "video":
            watch_video(db, ben, manifest, lesson, clock)
        else:
            record_reading(db, ben, manifest, lesson.id, at_end=True)
    quiz = manifest.lesson("m2-quiz")
    assert quiz is not None
    take_quiz(db, ben, manifest, quiz, right=3)  # 60 % < 70 %
    reevaluate(db, manifest, lowered_threshold(manifest, 0.4))
    verdicts = of_kind(engine_statements(db, manifest), "quiz_attempted")
    failed, passed = verdicts[-2:]
    assert failed["verb"]["id"] == VERB_FAILED and passed["verb"]["id"] == VERB_PASSED
    # the same attempt, re-evaluated, not a new one: no duration, the reason and both thresholds
    assert (
        passed["context"]["contextActivities"]["grouping"]
        == failed["context"]["contextActivities"]["grouping"]
    )
    assert passed["result"] == {
        "score": {"scaled": 0.6, "raw": 3, "min": 0, "max": 5},
        "success": True,
    }
    assert "duration" in failed["result"]
    assert passed["context"]["extensions"] == {
        EXT_MASTERY_SCORE: 0.4,
        EXT_PREVIOUS_MASTERY: 0.7,
        EXT_REASON: "threshold_changed",
    }
    assert {"id": CATEGORY_MOVEON} in passed["context"]["contextActivities"]["category"]
    assert passed["context"]["revision"] == "2"


def test_each_survey_question_is_its_own_statement(
    db: Database, demo: tuple[Manifest, Clock]
) -> None:
    manifest = dataclasses.replace(demo[0], gating="open")
    ana = create_learner(db, "Ana").id
    survey = manifest.lesson("m2-avis")
    assert survey is not None
    answer_survey(db, ana, manifest, survey)
    statements = engine_statements(db, manifest)
    answers = of_kind(statements, "survey_question_answered")
    types = [a["object"]["definition"]["interactionType"] for a in answers]
    assert types == ["likert", "likert", "choice", "long-fill-in"]
    likert = answers[0]
    assert [s["id"] for s in likert["object"]["definition"]["scale"]] == ["1", "2", "3", "4", "5"]
    assert likert["result"] == {"response": "4"}
    assert answers[2]["result"]["response"] == survey.questions[2].choices[0].id
    assert answers[3]["result"]["response"].startswith("Plus d'exemples")
    (done,) = of_kind(statements, "survey_answered")
    assert done["verb"]["id"] == VERB_COMPLETED and "response" not in done["result"]
    response_group = done["context"]["contextActivities"]["grouping"][-1]
    assert all(response_group in a["context"]["contextActivities"]["grouping"] for a in answers)


def test_drop_outs_leave_initialized_and_progressed_traces(
    db: Database, demo: tuple[Manifest, Clock]
) -> None:
    manifest, clock = demo
    ana = create_learner(db, "Ana").id
    watch_video(db, ana, manifest, manifest.lessons[0], clock)
    open_lesson(db, ana, manifest, "m1-reformuler")
    open_lesson(db, ana, manifest, "m1-ecoute")  # again: no second course/module trace
    statements = engine_statements(db, manifest)
    initialized = [
        s["object"]["id"].removeprefix(str(manifest.activity_base))
        for s in statements_with(statements, VERB_INITIALIZED)
    ]
    # the course and module once; each opening of a video is a Video Profile session
    assert initialized == [
        "",
        "/modules/m1",
        "/lessons/m1-ecoute",
        "/lessons/m1-reformuler",
        "/lessons/m1-ecoute",
    ]
    (progressed,) = of_kind(statements, "module_progressed")
    assert progressed["result"]["extensions"] == {EXT_PROGRESS: 25}  # 1 of 4 required lessons
    assert progressed["verb"]["id"] == VERB_PROGRESSED


def statements_with(statements: list[tuple[str, dict]], verb: str) -> list[dict]:
    return [s for _, s in statements if s["verb"]["id"] == verb]


def test_names_carry_the_course_language_and_the_lesson_its_type(
    db: Database, demo: tuple[Manifest, Clock]
) -> None:
    manifest, clock = demo
    ana = create_learner(db, "Ana", email=" Ana.Diallo@Example.SN ").id
    watch_video(db, ana, manifest, manifest.lessons[0], clock)
    open_lesson(db, ana, manifest, "m1-lecture")
    statements = engine_statements(db, manifest)
    for _, statement in statements:
        assert statement["actor"]["mbox"] == "mailto:ana.diallo@example.sn"
        assert statement["context"]["language"] == "fr"
        assert statement["context"]["revision"] == "1"
        assert set(statement["object"]["definition"]["name"]) == {"fr"}
    (course,) = of_kind(statements, "course_initialized")
    assert course["object"]["definition"]["description"] == {"fr": manifest.description}
    types = {
        s["object"]["id"].rsplit("/", 1)[1]: s["object"]["definition"]["type"]
        for _, s in statements
        if "/lessons/" in s["object"]["id"]
    }
    assert types == {"m1-ecoute": TYPE_VIDEO, "m1-lecture": TYPE_READING}


def test_a_whole_course_trace_fits_a_2g_link(db: Database, demo: tuple[Manifest, Clock]) -> None:
    manifest, clock = demo
    ana = create_learner(db, "Ana", email="ana@example.sn").id
    whole_course(db, ana, manifest, clock)
    statements = engine_statements(db, manifest)
    body = json.dumps([s for _, s in statements], separators=(",", ":")).encode()
    assert len(gzip.compress(body)) <= 60_000


def test_the_engine_writes_every_kind_and_each_builds_once(
    db: Database, demo: tuple[Manifest, Clock]
) -> None:
    manifest, clock = demo
    every_kind(db, manifest, clock)
    statements = engine_statements(db, manifest)
    assert {kind for kind, _ in statements} == set(KINDS)
    states = {row["state"] for row in db.query("SELECT state FROM outbox")}
    assert states == {"pending"}  # none quarantined: every event built
    assert len({s["id"] for _, s in statements}) == len(statements)
    before = [row["statement"] for row in db.query("SELECT statement FROM outbox ORDER BY seq")]
    assert outbox.freeze_pending(db, lambda _course: manifest.activity_base) == 0
    after = [row["statement"] for row in db.query("SELECT statement FROM outbox ORDER BY seq")]
    assert after == before  # frozen once, never rebuilt
