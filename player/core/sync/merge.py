"""Merge imported statements into local progress, for learners and courses known here.

An imported statement is recognised by our activity IRIs (``statements`` module docstring) and
its actor (``mbox`` matching a learner's e-mail, or our ``account`` holding a learner's UUID).
What it records is written straight into the progress tables, **without** a new outbox event:
the imported statement itself is the event and is sent as is.

A progress file is written by anyone who holds a USB stick, so a statement is evidence about
one lesson, never a verdict on a module or a course:

- only lessons, quizzes and modules of the **installed** version of the course are merged; a
  statement about a lesson or module this version does not have, about a newer version than
  the one installed, or whose verb does not fit the lesson (a quiz "completed" instead of
  passed, a reading "passed") is *reported*, not merged, whoever the learner is (the dashboard
  shows learners not known here from their statements, by the same rules);
- ``completed`` a video or reading → ``lesson_progress.completed_at`` (kept if already set);
- ``passed`` a quiz → ``quiz_passes`` (a pass is never revoked) and its lesson complete, as
  the engine's ``record_pass`` does;
- ``satisfied`` (in files from earlier versions ``completed``) a module or the course is a
  *claim*, weighed once every lesson of the file is
  merged (``ProgressMerge.finish``): it is recorded in ``completions`` (with the installed
  version, so the engine does not emit the completion a second time) only when the learning
  engine's own rules (``learning.state.course_state``: lessons done, gating) find the module or
  course complete here; otherwise it is reported;
- every merge is also recorded in ``progress_imports`` (migration ``m006_progress_imports``);
  the outbox row of the same statement id says which file and line it came from.

``failed`` attempts, survey answers and completions, answered questions and the
started/video traces are queued for the LRS but not merged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from player.core.learning.state import course_state
from player.core.package.manifest import Lesson, Manifest
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
    course_version: int | None = None  # the version the statement says it is about


@dataclass(frozen=True)
class InstalledCourse:
    """An installed course: its version and, when its manifest can be read, its items."""

    course_id: str
    version: int
    manifest: Manifest | None
    lessons: dict[str, Lesson] = field(default_factory=dict)
    modules: frozenset[str] = frozenset()

    @classmethod
    def of(cls, course_id: str, version: int, manifest: Manifest | None) -> InstalledCourse:
        if manifest is None:
            return cls(course_id, version, None)
        lessons = {lesson.id: lesson for lesson in manifest.lessons}
        return cls(course_id, version, manifest, lessons, frozenset(m.id for m in manifest.modules))


class CourseIndex:
    """Course IRIs of the installed courses (and the default IRI pattern of any course)."""

    def __init__(self, bases: dict[str, InstalledCourse]) -> None:
        self._bases = bases  # course IRI -> installed course
        self._by_id = {course.course_id: course for course in bases.values()}

    @classmethod
    def load(cls, db: Database, manifests: Callable[[str], Manifest | None]) -> CourseIndex:
        bases: dict[str, InstalledCourse] = {}
        for row in db.query("SELECT id, version FROM courses"):
            manifest = manifests(row["id"])
            base = course_activity_id(row["id"], manifest.activity_base if manifest else None)
            bases[base] = InstalledCourse.of(row["id"], row["version"], manifest)
        return cls(bases)

    def installed(self, course_id: str) -> InstalledCourse | None:
        return self._by_id.get(course_id)

    def locate(self, statement: dict[str, Any]) -> Place | None:
        iri = str(statement.get("object", {}).get("id", ""))
        version = course_version(statement)
        for base, course in self._bases.items():
            place = _split(iri, base, course.course_id, known=True, version=version)
            if place is not None:
                return place
        default_prefix = f"{DEFAULT_ACTIVITY_BASE}/"
        if iri.startswith(default_prefix):
            course_id = iri[len(default_prefix) :].split("/", 1)[0]
            if course_id:
                return _split(iri, default_prefix + course_id, course_id, False, version)
        return None


def course_version(statement: dict[str, Any]) -> int | None:
    """The course version a statement says it is about, if any: ``context.revision``, or the
    context extension statements carried before it (the higher when a statement has both, so
    neither can pass newer content off as installed)."""
    context = statement.get("context")
    if not isinstance(context, dict):
        return None
    found = [v for v in (_revision(context), extension_course_version(context)) if v is not None]
    return max(found) if found else None


def _revision(context: dict[str, Any]) -> int | None:
    revision = context.get("revision")
    if (
        isinstance(revision, str)
        and revision.isascii()
        and revision.isdigit()
        and len(revision) < 19
    ):
        return int(revision)
    return None


def extension_course_version(context: dict[str, Any]) -> int | None:
    """The course-version context extension of earlier statements, when a whole number."""
    extensions = context.get("extensions")
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


@dataclass(frozen=True)
class _Claim:
    """A module or course completion read from a file, weighed at the end of the import."""

    line: int
    statement_id: str
    scope: str
    item_id: str
    at: str
    verb: str  # satisfied, or completed in files from earlier versions


class ProgressMerge:
    """The merge of one imported file: lessons at once, completion claims at ``finish``.

    ``merged`` counts the statements applied to (or already true of) local progress;
    ``reported`` lists ``(line, reason)`` for those that are queued for the LRS but not merged.
    """

    def __init__(self, db: Database, courses: CourseIndex) -> None:
        self._db = db
        self._courses = courses
        self._claims: dict[tuple[int, str], list[_Claim]] = {}
        self.imported_at = utc_now()  # one moment for the whole file
        self.merged = 0
        self.reported: list[tuple[int, str]] = []

    def add(
        self, line: int, learner_id: int | None, place: Place, statement: dict[str, Any]
    ) -> None:
        """Weigh one statement about an installed course (``learner_id``: None if unknown here).

        A statement the installed version cannot take is reported whoever it is about; one
        about a learner not known here is otherwise left to the dashboard, which applies the
        same rules to it.
        """
        course = self._courses.installed(place.course_id)
        if course is None:
            return
        verb = statement["verb"]["id"]
        problem = _place_problem(course, place)
        if problem is None and place.scope == "lesson" and verb in (VERB_COMPLETED, VERB_PASSED):
            lesson = course.lessons[place.item_id]
            if lesson.type == "survey" and verb == VERB_COMPLETED:
                return  # a submitted survey: for the LRS (surveys never gate)
            problem = _verb_problem(lesson, verb, statement)
        if problem is not None:
            self.reported.append((line, problem))
            return
        if learner_id is None or verb not in (VERB_COMPLETED, VERB_PASSED, VERB_SATISFIED):
            return
        if place.scope == "lesson":
            _merge_lesson(self._db, learner_id, place, verb, statement, self.imported_at)
            self.merged += 1
        elif verb in (VERB_SATISFIED, VERB_COMPLETED):
            at = statement["timestamp"]
            claim = _Claim(line, statement["id"], place.scope, place.item_id, at, verb)
            self._claims.setdefault((learner_id, course.course_id), []).append(claim)

    def finish(self) -> None:
        """Weigh the completion claims against the lessons now merged (the engine's rules)."""
        for (learner_id, course_id), claims in self._claims.items():
            course = self._courses.installed(course_id)
            assert course is not None and course.manifest is not None
            state = course_state(self._db, learner_id, course.manifest)
            for claim in claims:
                if claim.scope == "course":
                    complete = state.complete
                    why = f"course {course_id!r} is not complete here (not every module is)"
                else:
                    complete = state.module(claim.item_id).status == "complete"
                    why = (
                        f"module {claim.item_id!r} is not complete here"
                        " (not all of its lessons are done, or a module before it is not)"
                    )
                if not complete:
                    self.reported.append((claim.line, f"{why}: its completion is not merged"))
                    continue
                self._db.execute(  # kept if already recorded: a completion is never redated
                    "INSERT OR IGNORE INTO completions (learner_id, course_id, scope, item_id,"
                    " course_version, completed_at) VALUES (?, ?, ?, ?, ?, ?)",
                    [learner_id, course_id, claim.scope, claim.item_id, course.version, claim.at],
                )
                where = (learner_id, course_id, claim.scope, claim.item_id)
                _record_import(
                    self._db, claim.statement_id, *where, claim.verb, claim.at, self.imported_at
                )
                self.merged += 1
        self._claims.clear()
        self.reported.sort()


def _place_problem(course: InstalledCourse, place: Place) -> str | None:
    """Why a statement about this place cannot be merged into this installed course, or None."""
    if course.manifest is None:
        return f"course {course.course_id!r} is installed but cannot be read here: not merged"
    if place.course_version is not None and place.course_version > course.version:
        return (
            f"about version {place.course_version} of {course.course_id!r}, newer than the"
            f" installed version {course.version}: not merged"
        )
    if place.scope == "lesson" and place.item_id not in course.lessons:
        return (
            f"lesson {place.item_id!r} is not in {course.course_id!r} version {course.version}:"
            " not merged"
        )
    if place.scope == "module" and place.item_id not in course.modules:
        return (
            f"module {place.item_id!r} is not in {course.course_id!r} version {course.version}:"
            " not merged"
        )
    return None


def _verb_problem(lesson: Lesson, verb: str, statement: dict[str, Any]) -> str | None:
    if verb == VERB_PASSED:
        if lesson.type != "quiz":
            return f"{lesson.id!r} is a {lesson.type} lesson, not a quiz: 'passed' not merged"
        result = statement.get("result")
        if isinstance(result, dict) and result.get("success") is False:
            return f"'passed' {lesson.id!r} with result.success false: not merged"
        return None
    if lesson.type not in ("video", "text"):
        how = "passed" if lesson.type == "quiz" else "answered"
        return f"a {lesson.type} is complete once {how}, not 'completed': not merged"
    return None


def _merge_lesson(
    db: Database, learner_id: int, place: Place, verb: str, statement: dict[str, Any], now: str
) -> None:
    at = statement["timestamp"]
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
    where = (learner_id, place.course_id, "lesson", place.item_id)
    _record_import(db, statement["id"], *where, verb, at, now)


def _record_import(
    db: Database,
    statement_id: str,
    learner_id: int,
    course_id: str,
    scope: str,
    item_id: str,
    verb: str,
    at: str,
    now: str,
) -> None:
    db.execute(
        "INSERT OR IGNORE INTO progress_imports (statement_id, learner_id, course_id, scope,"
        " item_id, verb, occurred_at, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [statement_id, learner_id, course_id, scope, item_id, verb, at, now],
    )
