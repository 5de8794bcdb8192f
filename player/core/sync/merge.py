"""Merge imported statements into local progress, for learners and courses known here.

An imported statement is recognised by our activity IRIs (``statements`` module docstring) and
its actor (``mbox`` matching a learner's e-mail, or our ``account`` holding a learner's UUID).
What it records is written straight into the progress tables, **without** a new outbox event:
the imported statement itself is the event and is sent as is.

- ``completed`` a lesson → ``lesson_progress.completed_at`` (kept if already set);
- ``passed`` a quiz → ``quiz_passes`` (a pass is never revoked) and its lesson complete, as
  the engine's ``record_pass`` does;
- ``satisfied`` (or, in files from earlier versions, ``completed``) a module or the course →
  ``completions``, so the engine does not emit the
  completion a second time;
- every merge is also recorded in ``progress_imports`` (migration ``m006_progress_imports``).

``failed`` attempts and survey answers are queued for the LRS but not merged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from player.core.package.manifest import Manifest
from player.core.store.database import utc_now
from player.core.sync.statements import (
    ACCOUNT_HOME_PAGE,
    DEFAULT_ACTIVITY_BASE,
    EXT_COURSE_VERSION,
    VERB_COMPLETED,
    VERB_PASSED,
    VERB_SATISFIED,
    course_activity_id,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Place:
    """Where an activity IRI points: a course, one of its modules or one of its lessons."""

    course_id: str
    scope: str  # course | module | lesson
    item_id: str
    known: bool  # the course is installed here
    course_version: int | None = None


class CourseIndex:
    """Course IRIs of the installed courses (and the default IRI pattern of any course)."""

    def __init__(self, bases: dict[str, tuple[str, int]]) -> None:
        self._bases = bases  # course IRI -> (course id, installed version)

    @classmethod
    def load(cls, db: Database, manifests: Callable[[str], Manifest | None]) -> CourseIndex:
        bases: dict[str, tuple[str, int]] = {}
        for row in db.query("SELECT id, version FROM courses"):
            manifest = manifests(row["id"])
            base = course_activity_id(row["id"], manifest.activity_base if manifest else None)
            bases[base] = (row["id"], row["version"])
        return cls(bases)

    def locate(self, statement: dict[str, Any]) -> Place | None:
        iri = str(statement.get("object", {}).get("id", ""))
        version = _course_version(statement)
        for base, (course_id, installed) in self._bases.items():
            place = _split(iri, base, course_id, known=True, version=version or installed)
            if place is not None:
                return place
        default_prefix = f"{DEFAULT_ACTIVITY_BASE}/"
        if iri.startswith(default_prefix):
            course_id = iri[len(default_prefix) :].split("/", 1)[0]
            if course_id:
                return _split(iri, default_prefix + course_id, course_id, False, version)
        return None


def _course_version(statement: dict[str, Any]) -> int | None:
    """``context.revision``, or the extension statements carried before it."""
    context = statement.get("context", {})
    revision = context.get("revision") if isinstance(context, dict) else None
    if isinstance(revision, str) and revision.isdigit():
        return int(revision)
    extensions = context.get("extensions", {}) if isinstance(context, dict) else {}
    value = extensions.get(EXT_COURSE_VERSION) if isinstance(extensions, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _split(iri: str, base: str, course_id: str, known: bool, version: int | None) -> Place | None:
    if iri == base:
        return Place(course_id, "course", course_id, known, version)
    for segment, scope in (("/modules/", "module"), ("/lessons/", "lesson")):
        prefix = base + segment
        if iri.startswith(prefix) and iri[len(prefix) :] and "/" not in iri[len(prefix) :]:
            return Place(course_id, scope, iri[len(prefix) :], known, version)
    return None


class LearnerIndex:
    """Learners known here, by e-mail (case-insensitive) and by UUID."""

    def __init__(self, by_email: dict[str, int], by_uuid: dict[str, int]) -> None:
        self._by_email = by_email
        self._by_uuid = by_uuid

    @classmethod
    def load(cls, db: Database) -> LearnerIndex:
        by_email: dict[str, int] = {}
        by_uuid: dict[str, int] = {}
        for row in db.query("SELECT id, uuid, email FROM learners"):
            by_uuid[row["uuid"]] = row["id"]
            if row["email"]:
                by_email[row["email"].strip().lower()] = row["id"]
        return cls(by_email, by_uuid)

    def find(self, actor: dict[str, Any]) -> int | None:
        mbox = actor.get("mbox")
        if isinstance(mbox, str) and mbox.startswith("mailto:"):
            return self._by_email.get(mbox[len("mailto:") :].strip().lower())
        account = actor.get("account")
        if isinstance(account, dict) and account.get("homePage") == ACCOUNT_HOME_PAGE:
            return self._by_uuid.get(str(account.get("name")))
        return None


def merge_statement(db: Database, learner_id: int, place: Place, statement: dict) -> bool:
    """Apply one imported statement to local progress; True when it recorded something."""
    verb = statement["verb"]["id"]
    at = statement["timestamp"]
    now = utc_now()
    if verb in (VERB_COMPLETED, VERB_PASSED) and place.scope == "lesson":
        if verb == VERB_PASSED:
            db.execute(
                "INSERT OR IGNORE INTO quiz_passes (learner_id, course_id, lesson_id, passed_at)"
                " VALUES (?, ?, ?, ?)",
                [learner_id, place.course_id, place.item_id, at],
            )
        db.execute(
            "INSERT INTO lesson_progress (learner_id, course_id, lesson_id, completed_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (learner_id, course_id, lesson_id) DO UPDATE SET"
            " completed_at = COALESCE(completed_at, excluded.completed_at),"
            " updated_at = excluded.updated_at",
            [learner_id, place.course_id, place.item_id, at, now],
        )
    elif verb in (VERB_SATISFIED, VERB_COMPLETED) and place.scope in ("module", "course"):
        db.execute(
            "INSERT OR IGNORE INTO completions (learner_id, course_id, scope, item_id,"
            " course_version, completed_at) VALUES (?, ?, ?, ?, ?, ?)",
            [
                learner_id,
                place.course_id,
                place.scope,
                place.item_id,
                place.course_version or 0,
                at,
            ],
        )
    else:
        return False
    db.execute(
        "INSERT OR IGNORE INTO progress_imports (statement_id, learner_id, course_id, scope,"
        " item_id, verb, occurred_at, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [statement["id"], learner_id, place.course_id, place.scope, place.item_id, verb, at, now],
    )
    return True
