"""Outbox events (docs/outbox-events.md) to xAPI 1.0.3 statements: a pure mapping.

Identifiers, all stable across course versions and laptops:

- actor: ``mbox`` ``mailto:<e-mail>`` when the learner has an e-mail, else an ``account`` whose
  ``homePage`` is ``ACCOUNT_HOME_PAGE`` and ``name`` the learner's UUID;
- activities: ``<base>`` is the course, ``<base>/modules/<module_id>`` a module,
  ``<base>/lessons/<lesson_id>`` a lesson (video, reading, quiz or survey), where ``<base>`` is
  the manifest's ``activity_base`` or ``DEFAULT_ACTIVITY_BASE/<course_id>``;
- ``context.registration``: a UUID5 of learner × course (``registration_for``), the same on every
  laptop, so an LRS can group one learner's work on one course;
- the course version travels as the context extension ``EXT_COURSE_VERSION``.

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
EXT_COURSE_VERSION = f"{EXTENSIONS_BASE}/course-version"
EXT_THRESHOLD = f"{EXTENSIONS_BASE}/pass-threshold"
EXT_SURVEY_ANSWERS = f"{EXTENSIONS_BASE}/survey-answers"
PLATFORM = "course-player"
REGISTRATION_NAMESPACE = uuid.uuid5(
    uuid.NAMESPACE_URL, "https://course-player.invalid/xapi/registration"
)

_ADL_VERBS = "http://adlnet.gov/expapi/verbs"
VERB_COMPLETED = f"{_ADL_VERBS}/completed"
VERB_PASSED = f"{_ADL_VERBS}/passed"
VERB_FAILED = f"{_ADL_VERBS}/failed"
VERB_ANSWERED = f"{_ADL_VERBS}/answered"

_ADL_TYPES = "http://adlnet.gov/expapi/activities"
TYPE_COURSE = f"{_ADL_TYPES}/course"
TYPE_MODULE = f"{_ADL_TYPES}/module"
TYPE_LESSON = f"{_ADL_TYPES}/lesson"
TYPE_ASSESSMENT = f"{_ADL_TYPES}/assessment"
TYPE_SURVEY = "http://id.tincanapi.com/activitytype/survey"


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
        actor["mbox"] = f"mailto:{learner.email.strip()}"
    else:
        actor["account"] = {"homePage": ACCOUNT_HOME_PAGE, "name": learner.uuid}
    return actor


def _activity(iri: str, activity_type: str, title: Any = None) -> dict[str, Any]:
    definition: dict[str, Any] = {"type": activity_type}
    if isinstance(title, str) and title.strip():
        definition["name"] = {"und": title.strip()}
    return {"objectType": "Activity", "id": iri, "definition": definition}


def _require(event: dict[str, Any], kind: str, *names: str) -> None:
    missing = [name for name in names if event.get(name) in (None, "")]
    if missing:
        raise SyncError(f"Outbox event {kind} lacks {', '.join(missing)}; it cannot be sent.")


def build_statement(
    statement_id: str,
    kind: str,
    event: dict[str, Any],
    learner: Learner,
    *,
    activity_base: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The xAPI statement for one outbox event (see the module docstring for identifiers)."""
    if kind not in KINDS:
        raise SyncError(f"Unknown outbox event kind {kind!r}; it cannot be sent.")
    _require(event, kind, "course_id")
    now = now or datetime.now(UTC)
    course_id = str(event["course_id"])
    course_iri = course_activity_id(course_id, activity_base)
    course = _activity(course_iri, TYPE_COURSE, event.get("course_title"))
    module = None
    if event.get("module_id"):
        module = _activity(
            module_activity_id(course_iri, str(event["module_id"])),
            TYPE_MODULE,
            event.get("module_title"),
        )

    result: dict[str, Any] = {}
    parents: list[dict[str, Any]] = []
    grouping: list[dict[str, Any]] = []
    context_extensions: dict[str, Any] = {}
    if event.get("course_version") is not None:
        context_extensions[EXT_COURSE_VERSION] = event["course_version"]

    if kind in ("lesson_completed", "quiz_attempted", "survey_answered"):
        _require(event, kind, "lesson_id")
        activity_type = {
            "lesson_completed": TYPE_LESSON,
            "quiz_attempted": TYPE_ASSESSMENT,
            "survey_answered": TYPE_SURVEY,
        }[kind]
        target = _activity(
            lesson_activity_id(course_iri, str(event["lesson_id"])),
            activity_type,
            event.get("lesson_title"),
        )
        if module is not None:
            parents, grouping = [module], [course]
        else:
            parents = [course]
        if kind == "lesson_completed":
            verb = VERB_COMPLETED
            result["completion"] = True
        elif kind == "quiz_attempted":
            _require(event, kind, "score", "success")
            success = bool(event["success"])
            verb = VERB_PASSED if success else VERB_FAILED
            scaled = min(1.0, max(0.0, float(event["score"])))
            result.update(score={"scaled": round(scaled, 4)}, success=success, completion=True)
            if event.get("threshold") is not None:
                result["extensions"] = {EXT_THRESHOLD: float(event["threshold"])}
        else:
            verb = VERB_ANSWERED
            answers = event.get("answers") or {}
            result.update(
                completion=True,
                response=json.dumps(answers, sort_keys=True, ensure_ascii=False),
                extensions={EXT_SURVEY_ANSWERS: answers},
            )
        if event.get("duration_s") is not None:
            result["duration"] = iso_duration(float(event["duration_s"]))
    elif kind == "module_completed":
        _require(event, kind, "module_id")
        assert module is not None
        target, verb = module, VERB_COMPLETED
        parents = [course]
        result["completion"] = True
    else:  # course_completed
        target, verb = course, VERB_COMPLETED
        result["completion"] = True

    context: dict[str, Any] = {
        "registration": registration_for(learner.uuid, course_id),
        "platform": PLATFORM,
    }
    activities: dict[str, Any] = {}
    if parents:
        activities["parent"] = parents
    if grouping:
        activities["grouping"] = grouping
    if activities:
        context["contextActivities"] = activities
    if context_extensions:
        context["extensions"] = context_extensions

    statement: dict[str, Any] = {
        "id": statement_id,
        "actor": actor_for(learner),
        "verb": {"id": verb, "display": {"en-US": verb.rsplit("/", 1)[1]}},
        "object": target,
        "context": context,
        "timestamp": statement_timestamp(event.get("timestamp"), now),
    }
    if result:
        statement["result"] = result
    return statement


def freeze(statement: dict[str, Any]) -> str:
    """The canonical JSON text stored in the outbox and sent, byte for byte, on every retry."""
    return json.dumps(statement, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
