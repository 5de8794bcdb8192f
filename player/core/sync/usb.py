"""Progress carried by USB: export pending statements as JSON Lines, import them elsewhere.

``export_progress`` writes one frozen xAPI statement per line (never a statement an LRS already
confirmed). ``import_progress`` takes any valid xAPI statements, from any laptop: each is queued
once (deduplicated by statement id, ``origin = 'import'``) and sent by the next sync exactly as
it was written. When a statement concerns a learner and a course known here, it is also merged
into local progress (``merge``), so a learner who changes laptop keeps their progress.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from player.core.errors import QT_TRANSLATE_NOOP, SyncError
from player.core.files import atomic_write
from player.core.store.database import utc_now
from player.core.sync import outbox
from player.core.sync.merge import CourseIndex, LearnerIndex, merge_statement
from player.core.sync.statements import freeze, parse_timestamp

if TYPE_CHECKING:
    from sqlite_utils import Database

MAX_LINE_BYTES = 1_000_000
_IRI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
_SHA1_RE = re.compile(r"^[0-9a-fA-F]{40}$")


@dataclass(frozen=True)
class ExportReport:
    path: Path
    statements: int


@dataclass(frozen=True)
class LineProblem:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class ImportReport:
    path: Path
    queued: int = 0
    duplicates: int = 0
    merged: int = 0
    rejected: list[LineProblem] = field(default_factory=list)


def export_progress(
    db: Database,
    path: Path,
    activity_base: outbox.ActivityBaseLookup,
    *,
    learner_id: int | None = None,
) -> ExportReport:
    """Write every statement not yet confirmed by an LRS, oldest first, atomically."""
    outbox.freeze_pending(db, activity_base, learner_id=learner_id)
    sql = "SELECT statement FROM outbox WHERE state = 'pending' AND statement IS NOT NULL"
    params: list[Any] = []
    if learner_id is not None:
        sql += " AND learner_id = ?"
        params.append(learner_id)
    sql += " ORDER BY seq"
    if path.is_dir():
        raise SyncError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors", "{path} is a folder; give a file name such as {example}."
            ),
            path=str(path),
            example=str(path / "progress.jsonl"),
        )
    if not path.parent.is_dir():
        raise SyncError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "The folder {folder} does not exist."),
            folder=str(path.parent),
        )
    count = 0
    try:
        with atomic_write(path, "w", newline="\n") as stream:
            for row in db.query(sql, params):
                stream.write(row["statement"])
                stream.write("\n")
                count += 1
    except OSError as error:
        raise SyncError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "Cannot write {path}: {cause}."),
            path=str(path),
            cause=error.strerror or str(error),
        ) from error
    return ExportReport(path, count)


def _is_iri(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= 2048 and bool(_IRI_RE.match(value))


def _actor_problem(actor: Any) -> str | None:
    if not isinstance(actor, dict):
        return "actor must be an object"
    if actor.get("objectType", "Agent") not in ("Agent", "Group"):
        return "actor.objectType must be Agent or Group"
    mbox = actor.get("mbox")
    if mbox is not None:
        ok = isinstance(mbox, str) and mbox.startswith("mailto:") and "@" in mbox
        return None if ok else "actor.mbox must be a mailto: IRI"
    account = actor.get("account")
    if account is not None:
        if (
            isinstance(account, dict)
            and _is_iri(account.get("homePage"))
            and isinstance(account.get("name"), str)
            and account["name"]
        ):
            return None
        return "actor.account needs a homePage IRI and a name"
    if actor.get("openid") is not None:
        return None if _is_iri(actor["openid"]) else "actor.openid must be an IRI"
    if actor.get("mbox_sha1sum") is not None:
        ok = isinstance(actor["mbox_sha1sum"], str) and bool(_SHA1_RE.match(actor["mbox_sha1sum"]))
        return None if ok else "actor.mbox_sha1sum must be 40 hex digits"
    return "actor has no identifier (mbox, account, openid or mbox_sha1sum)"


def statement_problem(statement: Any, now: datetime) -> str | None:
    """Why a statement is not acceptable here, or None. Checks the essentials only."""
    if not isinstance(statement, dict):
        return "not a JSON object"
    statement_id = statement.get("id")
    try:
        if not isinstance(statement_id, str):
            raise ValueError
        uuid.UUID(statement_id)
    except ValueError:
        return "id must be a UUID"
    problem = _actor_problem(statement.get("actor"))
    if problem:
        return problem
    verb = statement.get("verb")
    if not isinstance(verb, dict) or not _is_iri(verb.get("id")):
        return "verb.id must be an IRI"
    target = statement.get("object")
    if not isinstance(target, dict) or target.get("objectType", "Activity") != "Activity":
        return "object must be an Activity"
    if not _is_iri(target.get("id")):
        return "object.id must be an IRI"
    if not isinstance(statement.get("context", {}), dict):
        return "context must be an object"
    timestamp = statement.get("timestamp")
    if not isinstance(timestamp, str):
        return "timestamp is missing (an LRS would date it itself and refuse every resend)"
    try:
        moment = parse_timestamp(timestamp)
    except ValueError:
        return f"timestamp {timestamp[:40]!r} is not an ISO 8601 date-time with a time zone"
    if moment > now:
        return (
            f"timestamp {timestamp} is later than this computer's clock; "
            "check the clocks, then import the file again"
        )
    return None


def import_progress(
    db: Database,
    path: Path,
    courses: CourseIndex,
    *,
    now: datetime | None = None,
) -> ImportReport:
    """Queue every valid statement of a JSON Lines file once; report rejected lines."""
    now = now or datetime.now(UTC)
    report = ImportReport(path)
    learners = LearnerIndex.load(db)
    try:
        stream = path.open("rb")
    except OSError as error:
        raise SyncError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "Cannot read {path}: {cause}."),
            path=str(path),
            cause=error.strerror or str(error),
        ) from error
    with stream, db.atomic():
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            if len(raw) > MAX_LINE_BYTES:
                report.rejected.append(LineProblem(number, "line longer than 1 MB"))
                continue
            try:
                statement = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                report.rejected.append(LineProblem(number, "not UTF-8 text"))
                continue
            except json.JSONDecodeError as error:
                report.rejected.append(LineProblem(number, f"not JSON ({error.msg})"))
                continue
            except (ValueError, RecursionError):  # 5,000-digit numbers, arrays nested too deep
                report.rejected.append(LineProblem(number, "not JSON that can be read here"))
                continue
            problem = statement_problem(statement, now)
            if problem:
                report.rejected.append(LineProblem(number, problem))
                continue
            _queue(db, statement, number, path, report, learners, courses)
    return report


def _queue(
    db: Database,
    statement: dict[str, Any],
    number: int,
    path: Path,
    report: ImportReport,
    learners: LearnerIndex,
    courses: CourseIndex,
) -> None:
    statement_id = statement["id"]
    existing = list(db.query("SELECT statement FROM outbox WHERE statement_id = ?", [statement_id]))
    if existing:
        held = existing[0]["statement"]
        if held is None or json.loads(held) == statement:
            report.duplicates += 1
        else:
            report.rejected.append(
                LineProblem(number, f"another statement with id {statement_id} is already here")
            )
        return
    learner_id = learners.find(statement.get("actor") or {})
    place = courses.locate(statement)
    event = {
        "imported_from": path.name,
        "line": number,
        "verb": statement["verb"]["id"],
        "object": statement["object"]["id"],
        "timestamp": statement["timestamp"],
    }
    if place is not None:
        event.update(course_id=place.course_id, scope=place.scope, item_id=place.item_id)
    db.execute(
        "INSERT INTO outbox (statement_id, learner_id, course_id, kind, event, statement,"
        " created_at, origin) VALUES (?, ?, ?, 'imported', ?, ?, ?, 'import')",
        [
            statement_id,
            learner_id,
            place.course_id if place else None,
            json.dumps(event, ensure_ascii=False, sort_keys=True),
            freeze(statement),
            utc_now(),
        ],
    )
    report.queued += 1
    if (
        learner_id is not None
        and place is not None
        and place.known
        and merge_statement(db, learner_id, place, statement)
    ):
        report.merged += 1
