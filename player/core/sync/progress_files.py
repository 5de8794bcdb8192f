"""Progress carried by USB: export pending statements as JSON Lines, import them elsewhere.

``export_progress`` writes one frozen xAPI statement per line (never a statement an LRS already
confirmed). ``import_progress`` takes any valid xAPI statements, from any laptop: each is queued
once (deduplicated by statement id, ``origin = 'import'``) and sent by the next sync exactly as
it was written. When a statement concerns a learner and a course known here, it is also merged
into local progress (``merge``: lessons of the installed version only; module and course
completions only when this laptop's rules find them complete), so a learner who changes laptop
keeps their progress.

The file comes from a USB stick anyone may have written, so reading it is bounded: each line
is read with ``readline(MAX_LINE_BYTES + 1)`` (an over-long line is skipped in bounded chunks,
never held whole); numbers beyond a signed 64-bit integer (what SQLite stores), non-finite
floats and ``NaN``/``Infinity``, nesting deeper than ``MAX_DEPTH``, strings longer than
``MAX_STRING`` characters and out-of-range values of the fields we read (course version, score,
duration, names) make the line a rejected one, reported with its number. Nothing a line holds
raises past ``import_progress`` but the ``SyncError`` of an unreadable file.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from player.core.errors import QT_TRANSLATE_NOOP, SyncError
from player.core.files import atomic_write
from player.core.sync import outbox
from player.core.sync.imported_statements import INSERT as INSERT_STATEMENT_ROW
from player.core.sync.imported_statements import statement_row
from player.core.sync.merge import (
    CourseIndex,
    LearnerIndex,
    ProgressMerge,
    extension_course_version,
)
from player.core.sync.statements import (
    EXT_COURSE_VERSION,
    duration_seconds,
    freeze,
    parse_timestamp,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

MAX_LINE_BYTES = 1_000_000
MAX_DEPTH = 32  # our statements nest 7 levels; Python's json recursion limit is ≈ 1,000
MAX_STRING = 65_536  # characters in any one string (a spreadsheet cell holds 32,767)
MAX_NAME = 256  # characters in actor.name (learner names here have at most 80)
INT64 = 2**63  # SQLite's INTEGER is a signed 64-bit integer
_SKIP_CHUNK = 65_536
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
    """What an import did, line by line: ``lines`` = queued + duplicates + rejected.

    ``merged`` and ``reported`` are among ``queued``: statements applied to local progress, and
    statements sent to the LRS but not merged (unknown lesson, claim not backed by lessons...).
    """

    path: Path
    lines: int = 0
    queued: int = 0
    duplicates: int = 0
    merged: int = 0
    rejected: list[LineProblem] = field(default_factory=list)
    reported: list[LineProblem] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """One line for the CLI: every count, truthfully."""
        return (
            f"{self.lines} line(s) read: {self.queued} new statement(s) queued for sync"
            f" ({self.merged} merged into local progress, {len(self.reported)} not merged"
            f" and reported), {self.duplicates} already here, {len(self.rejected)} rejected."
        )


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
    name = actor.get("name")
    if name is not None and (not isinstance(name, str) or len(name) > MAX_NAME):
        return f"actor.name must be text of at most {MAX_NAME} characters"
    mbox = actor.get("mbox")
    if mbox is not None:
        ok = _is_iri(mbox) and mbox.startswith("mailto:") and "@" in mbox
        return None if ok else "actor.mbox must be a mailto: IRI"
    account = actor.get("account")
    if account is not None:
        if (
            isinstance(account, dict)
            and _is_iri(account.get("homePage"))
            and isinstance(account.get("name"), str)
            and 0 < len(account["name"]) <= 2048
        ):
            return None
        return "actor.account needs a homePage IRI and a name"
    if actor.get("openid") is not None:
        return None if _is_iri(actor["openid"]) else "actor.openid must be an IRI"
    if actor.get("mbox_sha1sum") is not None:
        ok = isinstance(actor["mbox_sha1sum"], str) and bool(_SHA1_RE.match(actor["mbox_sha1sum"]))
        return None if ok else "actor.mbox_sha1sum must be 40 hex digits"
    return "actor has no identifier (mbox, account, openid or mbox_sha1sum)"


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _result_problem(result: Any) -> str | None:
    if result is None:
        return None
    if not isinstance(result, dict):
        return "result must be an object"
    score = result.get("score")
    if score is not None:
        if not isinstance(score, dict):
            return "result.score must be an object"
        scaled = score.get("scaled")
        if scaled is not None and not (_number(scaled) and -1 <= scaled <= 1):
            return "result.score.scaled must be a number from -1 to 1"
    duration = result.get("duration")
    if duration is not None:
        try:
            if not isinstance(duration, str):
                raise ValueError
            duration_seconds(duration)
        except ValueError:
            return "result.duration must be an ISO 8601 duration such as PT1M30S"
    return None


def _shape_problem(statement: dict[str, Any], raw: bytes | None = None) -> str | None:
    """Nesting deeper than ``MAX_DEPTH`` or a string longer than ``MAX_STRING``, anywhere.

    Given the line's ``raw`` bytes, a line too short to hold such a string and with too few
    brackets to nest that deep (every statement we write) is not walked.
    """
    if (
        raw is not None
        and len(raw) <= MAX_STRING
        and raw.count(b"{") + raw.count(b"[") <= MAX_DEPTH
    ):
        return None
    stack: list[tuple[Any, int]] = [(statement, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
            keys: Any = value.keys()
        elif isinstance(value, list):
            children, keys = value, ()
        else:
            continue
        if depth > MAX_DEPTH:
            return f"nested deeper than {MAX_DEPTH} levels"
        for key in keys:
            if len(key) > MAX_STRING:
                return f"a key longer than {MAX_STRING:,} characters"
        for child in children:
            if isinstance(child, str):
                if len(child) > MAX_STRING:
                    return f"a text longer than {MAX_STRING:,} characters"
            elif isinstance(child, dict | list):
                stack.append((child, depth + 1))
    return None


def statement_problem(statement: Any, now: datetime, raw: bytes | None = None) -> str | None:
    """Why a statement is not acceptable here, or None. Checks the essentials only.

    ``raw``: the line the statement was read from, when there is one (a faster shape check).
    """
    if not isinstance(statement, dict):
        return "not a JSON object"
    statement_id = statement.get("id")
    try:
        if not isinstance(statement_id, str):
            raise ValueError
        uuid.UUID(statement_id)
    except ValueError:
        return "id must be a UUID"
    problem = _shape_problem(statement, raw) or _actor_problem(statement.get("actor"))
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
    context = statement.get("context", {})
    if not isinstance(context, dict):
        return "context must be an object"
    extensions = context.get("extensions")
    if isinstance(extensions, dict) and EXT_COURSE_VERSION in extensions:
        version = extension_course_version(context)
        if version is None or not 1 <= version < INT64:
            return f"the course-version extension must be a whole number from 1 to {INT64 - 1}"
    problem = _result_problem(statement.get("result"))
    if problem:
        return problem
    timestamp = statement.get("timestamp")
    if not isinstance(timestamp, str):
        return "timestamp is missing (an LRS would date it itself and refuse every resend)"
    try:
        moment = parse_timestamp(timestamp)
        later = moment > now
    except (ValueError, OverflowError):
        return f"timestamp {timestamp[:40]!r} is not an ISO 8601 date-time with a time zone"
    if later:
        return (
            f"timestamp {timestamp} is later than this computer's clock; "
            "check the clocks, then import the file again"
        )
    return None


class _OutOfRange(ValueError):  # noqa: N818 - a signal caught in this module
    """A number JSON can write but this app cannot keep (SQLite, arithmetic)."""


def _json_int(text: str) -> int:
    if len(text) > 20 or not -INT64 <= (value := int(text)) < INT64:
        shown = text if len(text) <= 24 else f"{text[:12]}…({len(text)} digits)"
        raise _OutOfRange(f"number {shown} is out of range (beyond a 64-bit integer)")
    return value


def _json_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _OutOfRange(f"number {text[:24]} is out of range")
    return value


def _json_constant(name: str) -> Any:
    raise _OutOfRange(f"{name} is not a JSON number")


_DECODER = json.JSONDecoder(
    parse_int=_json_int, parse_float=_json_float, parse_constant=_json_constant
)


def parse_line(raw: bytes) -> Any:
    """A line's JSON value; ``ValueError`` (or ``RecursionError``) with the reason otherwise."""
    text = raw.decode("utf-8")
    return _DECODER.decode(text)


def open_progress_file(path: Path) -> BinaryIO:
    """``path`` opened for reading, or a one-line ``SyncError`` saying why it cannot be."""
    try:
        return path.open("rb")
    except OSError as error:
        raise SyncError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "Cannot read {path}: {cause}."),
            path=str(path),
            cause=error.strerror or str(error),
        ) from error


def read_lines(stream: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(number, line) for each line of a binary stream; None for a line over MAX_LINE_BYTES.

    Each read is bounded: an over-long line is skipped in chunks of ``_SKIP_CHUNK`` bytes.
    """
    number = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, raw


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
    stream = open_progress_file(path)
    with stream, db.atomic():
        merge = ProgressMerge(db, courses)
        try:
            for number, raw in read_lines(stream):
                if raw is not None and not raw.strip():
                    continue
                report.lines += 1
                statement = _read_statement(raw, now)
                if isinstance(statement, str):
                    report.rejected.append(LineProblem(number, statement))
                    continue
                _queue(db, statement, number, path, report, learners, courses, merge)
        except OSError as error:
            raise SyncError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "Cannot read {path}: {cause}."),
                path=str(path),
                cause=error.strerror or str(error),
            ) from error
        merge.finish()
    report.merged = merge.merged
    report.reported = [LineProblem(line, reason) for line, reason in merge.reported]
    return report


def _read_statement(raw: bytes | None, now: datetime) -> dict[str, Any] | str:
    """The statement of a line, or why the line is rejected."""
    if raw is None:
        return "line longer than 1 MB"
    try:
        statement = parse_line(raw)
    except UnicodeDecodeError:
        return "not UTF-8 text"
    except _OutOfRange as error:
        return str(error)
    except json.JSONDecodeError as error:
        return f"not JSON ({error.msg})"
    except (ValueError, RecursionError):  # arrays nested too deep for the parser
        return "not JSON that can be read here"
    return statement_problem(statement, now, raw) or statement


def _queue(
    db: Database,
    statement: dict[str, Any],
    number: int,
    path: Path,
    report: ImportReport,
    learners: LearnerIndex,
    courses: CourseIndex,
    merge: ProgressMerge,
) -> None:
    if queue_imported(db, statement, number, path.name, learners, courses, merge):
        report.queued += 1
        return
    held = db.execute(
        "SELECT statement FROM outbox WHERE statement_id = ?", [statement["id"]]
    ).fetchone()[0]
    if held is None or json.loads(held) == statement:
        report.duplicates += 1
    else:
        report.rejected.append(
            LineProblem(number, f"another statement with id {statement['id']} is already here")
        )


def queue_imported(
    db: Database,
    statement: dict[str, Any],
    number: int,
    imported_from: str,
    learners: LearnerIndex,
    courses: CourseIndex,
    merge: ProgressMerge,
) -> bool:
    """Queue one checked statement from elsewhere (a file, a laptop through the hub) exactly as
    it came (``origin = 'import'``, its source named), and weigh it for local progress.

    Returns False, changing nothing, when a statement with its id is already queued (the
    caller compares the two). What the dashboard reads of it goes into
    ``imported_statements`` with it.
    """
    learner_id = learners.find(statement.get("actor") or {})
    place = courses.locate(statement)
    event = {
        "imported_from": imported_from,
        "line": number,
        "verb": statement["verb"]["id"],
        "object": statement["object"]["id"],
        "timestamp": statement["timestamp"],
    }
    if place is not None:
        event.update(course_id=place.course_id, scope=place.scope, item_id=place.item_id)
    cursor = db.execute(
        "INSERT INTO outbox (statement_id, learner_id, course_id, kind, event, statement,"
        " created_at, origin) VALUES (?, ?, ?, 'imported', ?, ?, ?, 'import')"
        " ON CONFLICT (statement_id) DO NOTHING",
        [
            statement["id"],
            learner_id,
            place.course_id if place else None,
            json.dumps(event, ensure_ascii=False, sort_keys=True),
            freeze(statement),
            merge.imported_at,
        ],
    )
    if not cursor.rowcount:
        return False
    if place is not None:
        row = statement_row(cursor.lastrowid or 0, learner_id, statement, place, imported_from)
        if row is not None:
            db.execute(INSERT_STATEMENT_ROW, row)
        if place.known:
            merge.add(number, learner_id, place, statement)
    return True
