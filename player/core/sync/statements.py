"""Outbox events (docs/outbox-events.md) to xAPI 1.0.3 statements: a pure mapping.

The shapes, verbs, activity types and extension IRIs are documented in docs/sync.md; they
follow published vocabularies: ADL verbs and activity types, cmi5 (``satisfied``, the moveOn
category, ``masteryscore``, ``progress``), cmi.interaction question definitions and the xAPI
Video Profile. Identifiers, all stable across course versions and laptops:

- actor: ``mbox`` ``mailto:<e-mail>`` (lower-cased) when the learner has an e-mail, else an
  ``account`` whose ``homePage`` is ``ACCOUNT_HOME_PAGE`` and ``name`` the learner's UUID;
- activities: ``<base>`` is the course, ``<base>/modules/<module_id>`` a module,
  ``<base>/lessons/<lesson_id>`` a lesson (video, reading, quiz or survey),
  ``<lesson>/questions/<question_id>`` a question, ``<lesson>/attempts/<uuid>`` a quiz attempt
  or survey response, where ``<base>`` is the manifest's ``activity_base`` or
  ``DEFAULT_ACTIVITY_BASE/<course_id>``;
- ``context.registration``: a UUID5 of learner × course (``registration_for``), the same on every
  laptop, so an LRS can group one learner's work on one course; a quiz retaken after it was
  passed gets one of its own (``retake_registration_for``);
- the course version travels as ``context.revision``, its language as ``context.language``.

A statement is built once, then frozen (``freeze``): the outbox keeps those exact bytes and every
retry sends them, so an LRS that already stored it answers 204 instead of 409.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from player.core.errors import SyncError
from player.core.learning.events import KINDS  # the outbox's event kinds, one statement each

XAPI_VERSION = "1.0.3"
ACCOUNT_HOME_PAGE = "https://course-player.invalid/learners"
DEFAULT_ACTIVITY_BASE = "https://course-player.invalid/xapi/activities"
EXTENSIONS_BASE = "https://course-player.invalid/xapi/extensions"
EXT_COURSE_VERSION = f"{EXTENSIONS_BASE}/course-version"  # before context.revision; read only
EXT_PREVIOUS_MASTERY = f"{EXTENSIONS_BASE}/previous-masteryscore"
EXT_REASON = f"{EXTENSIONS_BASE}/reason"
PLATFORM = "course-player"
REGISTRATION_NAMESPACE = uuid.uuid5(
    uuid.NAMESPACE_URL, "https://course-player.invalid/xapi/registration"
)

_ADL_VERBS = "http://adlnet.gov/expapi/verbs"
VERB_COMPLETED = f"{_ADL_VERBS}/completed"
VERB_PASSED = f"{_ADL_VERBS}/passed"
VERB_FAILED = f"{_ADL_VERBS}/failed"
VERB_ANSWERED = f"{_ADL_VERBS}/answered"
VERB_INITIALIZED = f"{_ADL_VERBS}/initialized"
VERB_PROGRESSED = f"{_ADL_VERBS}/progressed"
VERB_TERMINATED = f"{_ADL_VERBS}/terminated"
VERB_SUSPENDED = f"{_ADL_VERBS}/suspended"
VERB_SATISFIED = "https://w3id.org/xapi/adl/verbs/satisfied"

VIDEO_PROFILE = "https://w3id.org/xapi/video"
VERB_PLAYED = f"{VIDEO_PROFILE}/verbs/played"
VERB_PAUSED = f"{VIDEO_PROFILE}/verbs/paused"
VERB_SEEKED = f"{VIDEO_PROFILE}/verbs/seeked"
_VIDEO_EXT = f"{VIDEO_PROFILE}/extensions"
EXT_VIDEO_SESSION = f"{_VIDEO_EXT}/session-id"
EXT_VIDEO_LENGTH = f"{_VIDEO_EXT}/length"
EXT_VIDEO_THRESHOLD = f"{_VIDEO_EXT}/completion-threshold"
EXT_VIDEO_TIME = f"{_VIDEO_EXT}/time"
EXT_VIDEO_TIME_FROM = f"{_VIDEO_EXT}/time-from"
EXT_VIDEO_TIME_TO = f"{_VIDEO_EXT}/time-to"
EXT_VIDEO_PROGRESS = f"{_VIDEO_EXT}/progress"
EXT_VIDEO_SEGMENTS = f"{_VIDEO_EXT}/played-segments"

_CMI5 = "https://w3id.org/xapi/cmi5"
EXT_MASTERY_SCORE = f"{_CMI5}/context/extensions/masteryscore"
EXT_PROGRESS = f"{_CMI5}/result/extensions/progress"
CATEGORY_MOVEON = f"{_CMI5}/context/categories/moveon"

_ADL_TYPES = "http://adlnet.gov/expapi/activities"
TYPE_COURSE = f"{_ADL_TYPES}/course"
TYPE_MODULE = f"{_ADL_TYPES}/module"
TYPE_LESSON = f"{_ADL_TYPES}/lesson"
TYPE_ASSESSMENT = f"{_ADL_TYPES}/assessment"
TYPE_INTERACTION = f"{_ADL_TYPES}/cmi.interaction"
TYPE_ATTEMPT = f"{_ADL_TYPES}/attempt"
TYPE_SURVEY = "http://id.tincanapi.com/activitytype/survey"
TYPE_VIDEO = f"{VIDEO_PROFILE}/activity-type/video"
TYPE_READING = "https://w3id.org/xapi/acrossx/activities/page"
LESSON_TYPES = {
    "video": TYPE_VIDEO,
    "text": TYPE_READING,
    "quiz": TYPE_ASSESSMENT,
    "survey": TYPE_SURVEY,
}
MAX_NAME = 250  # characters of a question prompt kept as its activity's name


@dataclass(frozen=True)
class Learner:
    """Who the statement is about; ``email`` picks ``mbox`` over ``account``."""

    uuid: str
    name: str | None = None
    email: str | None = None


def course_activity_id(course_id: str, activity_base: str | None = None) -> str:
    """The course's IRI: the manifest's ``activity_base``, else the documented default."""
    if activity_base:
        return activity_base.rstrip("/")
    return f"{DEFAULT_ACTIVITY_BASE}/{course_id}"


def module_activity_id(course_iri: str, module_id: str) -> str:
    return f"{course_iri}/modules/{module_id}"


def lesson_activity_id(course_iri: str, lesson_id: str) -> str:
    return f"{course_iri}/lessons/{lesson_id}"


def registration_for(learner_uuid: str, course_id: str) -> str:
    """One registration per learner × course, identical on every laptop."""
    return str(uuid.uuid5(REGISTRATION_NAMESPACE, f"{learner_uuid}/{course_id}"))


def retake_registration_for(learner_uuid: str, course_id: str, attempt_uuid: str) -> str:
    """The registration of a quiz attempt made after the quiz was passed: a new one, so no
    ``failed`` follows a ``passed`` in one registration (cmi5) and the LRS tells it apart."""
    return str(uuid.uuid5(REGISTRATION_NAMESPACE, f"{learner_uuid}/{course_id}/{attempt_uuid}"))


_DURATION_RE = re.compile(
    r"^P(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?"
    r"(?:(?P<m>\d+(?:\.\d+)?)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)


def duration_seconds(text: str) -> float:
    """Seconds in an xAPI ISO 8601 duration (``PT1M3.5S``); ``ValueError`` when malformed or
    beyond what a float holds (``PT`` followed by 400 nines)."""
    match = _DURATION_RE.match(text) if len(text) <= 64 else None
    if not match:
        raise ValueError(f"duration {text[:40]!r} is not an ISO 8601 duration")
    parts = {k: float(v) if v else 0.0 for k, v in match.groupdict().items()}
    seconds = parts["d"] * 86400 + parts["h"] * 3600 + parts["m"] * 60 + parts["s"]
    if not math.isfinite(seconds):
        raise ValueError(f"duration {text[:40]!r} is out of range")
    return seconds


def iso_duration(seconds: float) -> str:
    """ISO 8601 duration with xAPI's 0.01 s precision: 63.5 → ``PT1M3.5S``."""
    if not math.isfinite(seconds) or seconds < 0:
        seconds = 0.0
    hundredths = round(seconds * 100)
    hours, rest = divmod(hundredths, 360_000)
    minutes, rest = divmod(rest, 6_000)
    secs = f"{rest / 100:.2f}".rstrip("0").rstrip(".")
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    if rest or text == "PT":
        text += f"{secs}S"
    return text


def format_timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_timestamp(text: str) -> datetime:
    """An ISO 8601 date-time with a time zone; raises ``ValueError`` otherwise."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"timestamp {text!r} has no time zone")
    return moment


def statement_timestamp(event_timestamp: Any, now: datetime) -> str:
    """The event's time, never later than ``now`` (a clock set back must not date the future)."""
    try:
        moment = parse_timestamp(str(event_timestamp))
    except ValueError:
        moment = now
    return format_timestamp(min(moment, now))


def actor_for(learner: Learner) -> dict[str, Any]:
    actor: dict[str, Any] = {"objectType": "Agent"}
    if learner.name:
        actor["name"] = learner.name
    if learner.email:
        actor["mbox"] = f"mailto:{learner.email.strip().lower()}"
    else:
        actor["account"] = {"homePage": ACCOUNT_HOME_PAGE, "name": learner.uuid}
    return actor


def _require(event: dict[str, Any], kind: str, *names: str) -> None:
    missing = [name for name in names if event.get(name) in (None, "")]
    if missing:
        raise SyncError(f"Outbox event {kind} lacks {', '.join(missing)}; it cannot be sent.")


def _number(value: Any) -> float | int:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{value!r} is not a finite number")
    return int(number) if number.is_integer() else round(number, 4)


class _Builder:
    """One statement under construction; the language tags every name and description."""

    def __init__(self, kind: str, event: dict[str, Any], activity_base: str | None) -> None:
        self.kind = kind
        self.event = event
        self.language = str(event.get("course_language") or "und")
        self.course_iri = course_activity_id(str(event["course_id"]), activity_base)
        self.result: dict[str, Any] = {}
        self.result_extensions: dict[str, Any] = {}
        self.context_extensions: dict[str, Any] = {}
        self.parent: list[dict[str, Any]] = []
        self.grouping: list[dict[str, Any]] = []
        self.category: list[dict[str, Any]] = []

    def text(self, value: str) -> dict[str, str]:
        return {self.language: value}

    def activity(
        self,
        iri: str,
        activity_type: str,
        title: Any = None,
        description: Any = None,
        **definition: Any,
    ) -> dict[str, Any]:
        body: dict[str, Any] = {"type": activity_type}
        if isinstance(title, str) and title.strip():
            body["name"] = self.text(title.strip())
        if isinstance(description, str) and description.strip():
            body["description"] = self.text(description.strip())
        body.update(definition)
        return {"objectType": "Activity", "id": iri, "definition": body}

    def course(self, with_description: bool = False) -> dict[str, Any]:
        description = self.event.get("course_description") if with_description else None
        return self.activity(
            self.course_iri, TYPE_COURSE, self.event.get("course_title"), description
        )

    def module(self) -> dict[str, Any] | None:
        if not self.event.get("module_id"):
            return None
        return self.activity(
            module_activity_id(self.course_iri, str(self.event["module_id"])),
            TYPE_MODULE,
            self.event.get("module_title"),
        )

    def lesson_iri(self) -> str:
        _require(self.event, self.kind, "lesson_id")
        return lesson_activity_id(self.course_iri, str(self.event["lesson_id"]))

    def lesson(self, activity_type: str | None = None) -> dict[str, Any]:
        if activity_type is None:
            activity_type = LESSON_TYPES.get(str(self.event.get("lesson_type")), TYPE_LESSON)
        return self.activity(self.lesson_iri(), activity_type, self.event.get("lesson_title"))

    def under_module(self) -> None:
        """A lesson's context: its module as parent (the course when it has none)."""
        module = self.module()
        if module is not None:
            self.parent, self.grouping = [module], [self.course()]
        else:
            self.parent = [self.course()]

    def attempt(self, field: str) -> None:
        if self.event.get(field):
            iri = f"{self.lesson_iri()}/attempts/{self.event[field]}"
            self.grouping.append(self.activity(iri, TYPE_ATTEMPT))

    def duration(self) -> None:
        if self.event.get("duration_s") is not None:
            self.result["duration"] = iso_duration(float(self.event["duration_s"]))

    def video(self, *result_fields: str, length: bool = True) -> None:
        """Video Profile context (category, session, length) and the given result fields."""
        self.category.append({"id": VIDEO_PROFILE})
        event = self.event
        _require(event, self.kind, "session_id")
        self.context_extensions[EXT_VIDEO_SESSION] = str(event["session_id"])
        if length and event.get("length"):
            self.context_extensions[EXT_VIDEO_LENGTH] = _number(event["length"])
        names = {
            "time": EXT_VIDEO_TIME,
            "time_from": EXT_VIDEO_TIME_FROM,
            "time_to": EXT_VIDEO_TIME_TO,
            "progress": EXT_VIDEO_PROGRESS,
            "played_segments": EXT_VIDEO_SEGMENTS,
        }
        for field in result_fields:
            if field == "completion_threshold":
                if event.get(field) is not None:
                    self.context_extensions[EXT_VIDEO_THRESHOLD] = _number(event[field])
            elif field == "played_segments":
                self.result_extensions[names[field]] = str(event.get(field) or "")
            elif event.get(field) is not None:
                self.result_extensions[names[field]] = _number(event[field])

    def moveon(self) -> None:
        self.category.append({"id": CATEGORY_MOVEON})


def _reference(activity: dict[str, Any]) -> dict[str, Any]:
    return {"id": activity["id"], "definition": {"type": activity["definition"]["type"]}}


def _interaction(b: _Builder, survey: bool) -> tuple[dict[str, Any], str]:
    """The question's cmi.interaction definition and the learner's response in its format."""
    event = b.event
    _require(event, b.kind, "question_id", "question_kind")
    kind = str(event["question_kind"])
    response = event.get("response")
    choices = [
        {"id": str(choice_id), "description": b.text(str(text))}
        for choice_id, text in event.get("choices") or []
    ]
    definition: dict[str, Any]
    if kind in ("single", "multiple"):
        definition = {"interactionType": "choice", "choices": choices}
        if not survey:
            definition["correctResponsesPattern"] = [
                "[,]".join(map(str, event.get("correct") or []))
            ]
        picked = response if isinstance(response, list) else [response]
        text = "[,]".join(str(value) for value in picked)
    elif kind == "true_false":
        correct = (event.get("correct") or [True])[0]
        definition = {
            "interactionType": "true-false",
            "correctResponsesPattern": ["true" if correct else "false"],
        }
        text = "true" if response else "false"
    elif kind == "rating":
        definition = {
            "interactionType": "likert",
            "scale": [{"id": str(n), "description": b.text(str(n))} for n in range(1, 6)],
        }
        text = str(response)
    elif kind == "text" and survey:
        definition = {"interactionType": "long-fill-in"}
        text = str(response)
    elif kind == "text":
        definition = {
            "interactionType": "fill-in",
            "correctResponsesPattern": [str(answer) for answer in event.get("correct") or []],
        }
        text = str(response)
    else:
        raise SyncError(f"Outbox event {b.kind} has an unknown question kind {kind!r}.")
    prompt = str(event.get("prompt") or event["question_id"])
    if len(prompt) > MAX_NAME:
        prompt = prompt[: MAX_NAME - 1].rstrip() + "…"
    activity = b.activity(
        f"{b.lesson_iri()}/questions/{event['question_id']}", TYPE_INTERACTION, prompt, **definition
    )
    return activity, text


def _target(b: _Builder) -> tuple[str, dict[str, Any]]:
    """Fill the builder for the event's kind; returns the verb and the object."""
    kind, event = b.kind, b.event
    if kind == "course_initialized":
        return VERB_INITIALIZED, b.course(with_description=True)
    if kind == "course_completed":
        b.duration()
        b.moveon()
        return VERB_SATISFIED, b.course(with_description=True)
    if kind in ("module_initialized", "module_progressed", "module_completed"):
        _require(event, kind, "module_id")
        module = b.module()
        assert module is not None
        b.parent = [b.course()]
        if kind == "module_progressed":
            b.result_extensions[EXT_PROGRESS] = max(0, min(100, int(event.get("progress") or 0)))
            return VERB_PROGRESSED, module
        if kind == "module_completed":
            b.duration()
            b.moveon()
            return VERB_SATISFIED, module
        return VERB_INITIALIZED, module
    if kind in ("question_answered", "survey_question_answered"):
        survey = kind == "survey_question_answered"
        activity, response = _interaction(b, survey)
        lesson = b.lesson(TYPE_SURVEY if survey else TYPE_ASSESSMENT)
        module = b.module()
        b.parent = [lesson]
        b.grouping = [m for m in (module, b.course()) if m is not None]
        b.attempt("response_uuid" if survey else "attempt_uuid")
        b.result["response"] = response
        if not survey:
            b.result["success"] = bool(event.get("success"))
            credit = float(event.get("credit") or 0.0)
            if 0.0 < credit < 1.0:  # partial credit: say how much
                b.result["score"] = {
                    "scaled": round(credit, 4),
                    "raw": round(credit, 4),
                    "min": 0,
                    "max": 1,
                }
        return VERB_ANSWERED, activity

    b.under_module()
    if kind == "lesson_initialized":
        return VERB_INITIALIZED, b.lesson()
    if kind == "lesson_suspended":  # time on the lesson that no other statement carries
        b.duration()
        return VERB_SUSPENDED, b.lesson()
    if kind == "lesson_completed":
        b.result["completion"] = True
        b.duration()
        if event.get("session_id"):
            b.video("time", "progress", "played_segments", "completion_threshold")
        return VERB_COMPLETED, b.lesson()
    if kind.startswith("video_"):
        video = b.lesson(TYPE_VIDEO)
        if kind == "video_initialized":
            b.video("completion_threshold")
            return VERB_INITIALIZED, video
        if kind == "video_played":
            b.video("time", length=False)
            return VERB_PLAYED, video
        if kind == "video_paused":
            b.video("time", "progress", "played_segments")
            return VERB_PAUSED, video
        if kind == "video_seeked":
            b.video("time_from", "time_to", length=False)
            return VERB_SEEKED, video
        b.duration()
        b.video("time", "progress", "played_segments")
        return VERB_TERMINATED, video
    if kind == "quiz_attempted":
        _require(event, kind, "score", "success")
        success = bool(event["success"])
        score: dict[str, Any] = {"scaled": round(min(1.0, max(0.0, float(event["score"]))), 4)}
        if event.get("max"):
            score.update(raw=_number(event.get("raw") or 0), min=0, max=_number(event["max"]))
        b.result.update(score=score, success=success)
        b.attempt("attempt_uuid")
        b.moveon()
        if event.get("threshold") is not None:
            b.context_extensions[EXT_MASTERY_SCORE] = _number(event["threshold"])
        if event.get("reason"):
            b.context_extensions[EXT_REASON] = str(event["reason"])
            if event.get("previous_threshold") is not None:
                b.context_extensions[EXT_PREVIOUS_MASTERY] = _number(event["previous_threshold"])
        else:
            b.duration()
        return (VERB_PASSED if success else VERB_FAILED), b.lesson(TYPE_ASSESSMENT)
    # survey_answered
    survey_activity = b.lesson(TYPE_SURVEY)
    if "response_uuid" not in event:  # queued before per-question statements: one JSON answer
        answers = event.get("answers") or {}
        b.result.update(
            completion=True, response=json.dumps(answers, sort_keys=True, ensure_ascii=False)
        )
        return VERB_ANSWERED, survey_activity
    b.attempt("response_uuid")
    b.result["completion"] = True
    return VERB_COMPLETED, survey_activity


def build_statement(
    statement_id: str,
    kind: str,
    event: dict[str, Any],
    learner: Learner,
    *,
    activity_base: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The xAPI statement for one outbox event (docs/sync.md lists every shape)."""
    if kind not in KINDS:
        raise SyncError(f"Unknown outbox event kind {kind!r}; it cannot be sent.")
    _require(event, kind, "course_id")
    now = now or datetime.now(UTC)
    course_id = str(event["course_id"])
    b = _Builder(kind, event, activity_base)
    verb, target = _target(b)

    registration = registration_for(learner.uuid, course_id)
    if event.get("retake") and event.get("attempt_uuid"):
        registration = retake_registration_for(learner.uuid, course_id, str(event["attempt_uuid"]))
    context: dict[str, Any] = {"registration": registration, "platform": PLATFORM}
    if event.get("course_language"):
        context["language"] = str(event["course_language"])
    if event.get("course_version") is not None:
        context["revision"] = str(event["course_version"])
    activities: dict[str, Any] = {}
    for name, items in (("parent", b.parent), ("grouping", b.grouping)):
        if items:  # id and type only: names travel where the activity is the object
            activities[name] = [_reference(item) for item in items]
    if b.category:
        activities["category"] = b.category
    if activities:
        context["contextActivities"] = activities
    if b.context_extensions:
        context["extensions"] = b.context_extensions
    if b.result_extensions:
        b.result["extensions"] = b.result_extensions

    statement: dict[str, Any] = {
        "id": statement_id,
        "actor": actor_for(learner),
        "verb": {"id": verb, "display": {"en-US": verb.rsplit("/", 1)[1]}},
        "object": target,
        "context": context,
        "timestamp": statement_timestamp(event.get("timestamp"), now),
    }
    if b.result:
        statement["result"] = b.result
    return statement


def freeze(statement: dict[str, Any]) -> str:
    """The canonical JSON text stored in the outbox and sent, byte for byte, on every retry."""
    return json.dumps(statement, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
