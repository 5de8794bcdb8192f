"""Outbox queue operations: freeze statements, pick batches oldest first, record the LRS's answer.

States (``m003_outbox``): ``pending`` → ``sent`` after a 200/204; ``quarantined`` when the LRS
rejected the statement alone (400/422, ``error`` holds its reason); ``conflict`` when the LRS
holds another statement with the same id (409). Quarantined and conflicting rows are never
resent automatically.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from player.core.errors import PlayerError
from player.core.store.database import utc_now
from player.core.sync.statements import Learner, build_statement, freeze

if TYPE_CHECKING:
    from sqlite_utils import Database

# course id -> the manifest's ``activity_base`` (None: the documented default)
ActivityBaseLookup = Callable[[str], str | None]

FREEZE_CHUNK = 500


@dataclass(frozen=True)
class OutboxRow:
    seq: int
    statement_id: str
    course_id: str | None
    statement: str


@dataclass(frozen=True)
class Problem:
    """A statement the LRS would not take, with the server's reason (for ``sync --status``)."""

    statement_id: str
    state: str
    kind: str
    error: str
    learner_name: str | None


def _learner(db: Database, learner_id: int | None, event: dict) -> Learner:
    rows = (
        list(db.query("SELECT uuid, name, email FROM learners WHERE id = ?", [learner_id]))
        if learner_id is not None
        else []
    )
    if rows:
        return Learner(rows[0]["uuid"], rows[0]["name"], rows[0]["email"])
    learner_uuid = event.get("learner_uuid")
    if not learner_uuid:
        raise PlayerError("the event names no learner")
    found = list(db.query("SELECT uuid, name, email FROM learners WHERE uuid = ?", [learner_uuid]))
    if found:
        return Learner(found[0]["uuid"], found[0]["name"], found[0]["email"])
    return Learner(str(learner_uuid))


def freeze_pending(
    db: Database,
    activity_base: ActivityBaseLookup,
    *,
    learner_id: int | None = None,
    now: datetime | None = None,
) -> int:
    """Build and store the statement of every pending row that has none yet; returns the count.

    A row whose event cannot be turned into a statement is quarantined with the reason, so it
    never blocks the others.
    """
    now = now or datetime.now(UTC)
    where = "statement IS NULL AND state = 'pending'"
    params: list[object] = []
    if learner_id is not None:
        where += " AND learner_id = ?"
        params.append(learner_id)
    bases: dict[str, str | None] = {}
    learners: dict[tuple[int | None, str | None], Learner] = {}
    frozen = 0
    while True:
        rows = list(
            db.query(
                f"SELECT seq, statement_id, learner_id, kind, event FROM outbox WHERE {where}"
                f" ORDER BY seq LIMIT {FREEZE_CHUNK}",
                params,
            )
        )
        if not rows:
            return frozen
        built: list[tuple[str, int]] = []
        refused: list[tuple[str, int]] = []
        for row in rows:
            try:
                event = json.loads(row["event"])
                if not isinstance(event, dict):
                    raise PlayerError("the event is not a JSON object")
                course_id = str(event.get("course_id") or "")
                if course_id not in bases:
                    bases[course_id] = activity_base(course_id) if course_id else None
                key = (row["learner_id"], event.get("learner_uuid"))
                if key not in learners:
                    learners[key] = _learner(db, row["learner_id"], event)
                statement = build_statement(
                    row["statement_id"],
                    row["kind"],
                    event,
                    learners[key],
                    activity_base=bases[course_id],
                    now=now,
                )
            except (PlayerError, ValueError, TypeError) as error:
                refused.append((f"cannot build the statement: {error}", row["seq"]))
                continue
            built.append((freeze(statement), row["seq"]))
        with db.atomic():
            db.conn.executemany(
                "UPDATE outbox SET statement = ? WHERE seq = ? AND statement IS NULL", built
            )
            db.conn.executemany(
                "UPDATE outbox SET state = 'quarantined', error = ?"
                " WHERE seq = ? AND statement IS NULL",
                refused,
            )
        frozen += len(built)


def pending_batch(
    db: Database, limit: int, *, course_ids: Sequence[str | None] | None = None
) -> list[OutboxRow]:
    """The oldest pending, frozen rows (optionally only those of some courses)."""
    sql = "SELECT seq, statement_id, course_id, statement FROM outbox"
    sql += " WHERE state = 'pending' AND statement IS NOT NULL"
    params: list[object] = []
    if course_ids is not None:
        named = [c for c in course_ids if c is not None]
        parts = []
        if named:
            parts.append(f"course_id IN ({','.join('?' * len(named))})")
            params.extend(named)
        if None in course_ids:
            parts.append("course_id IS NULL")
        sql += f" AND ({' OR '.join(parts) or '0'})"
    sql += " ORDER BY seq LIMIT ?"
    params.append(limit)
    return [OutboxRow(**row) for row in db.query(sql, params)]


def pending_courses(db: Database) -> list[str | None]:
    """Course ids with pending rows, in the order of their oldest row."""
    rows = db.query(
        "SELECT course_id, MIN(seq) AS first FROM outbox WHERE state = 'pending'"
        " GROUP BY course_id ORDER BY first"
    )
    return [row["course_id"] for row in rows]


def _seq_list(rows: Iterable[OutboxRow]) -> list[int]:
    return [row.seq for row in rows]


def mark_sent(db: Database, rows: Sequence[OutboxRow], at: str | None = None) -> None:
    at = at or utc_now()
    seqs = _seq_list(rows)
    with db.atomic():
        db.execute(
            f"UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, error = NULL"
            f" WHERE state = 'pending' AND seq IN ({','.join('?' * len(seqs))})",
            [at, *seqs],
        )


def mark_failed_attempt(db: Database, rows: Sequence[OutboxRow], reason: str) -> None:
    seqs = _seq_list(rows)
    with db.atomic():
        db.execute(
            f"UPDATE outbox SET attempts = attempts + 1, error = ?"
            f" WHERE state = 'pending' AND seq IN ({','.join('?' * len(seqs))})",
            [reason, *seqs],
        )


def mark_rejected(db: Database, row: OutboxRow, state: str, reason: str) -> None:
    """Quarantine (``quarantined``) or record a conflict (``conflict``) for one row."""
    assert state in ("quarantined", "conflict")
    with db.atomic():
        db.execute(
            "UPDATE outbox SET state = ?, error = ?, attempts = attempts + 1"
            " WHERE state = 'pending' AND seq = ?",
            [state, reason, row.seq],
        )


def problems(db: Database, limit: int = 100) -> list[Problem]:
    rows = db.query(
        "SELECT o.statement_id, o.state, o.kind, o.error, l.name AS learner_name"
        " FROM outbox o LEFT JOIN learners l ON l.id = o.learner_id"
        " WHERE o.state IN ('quarantined', 'conflict') ORDER BY o.seq LIMIT ?",
        [limit],
    )
    return [Problem(**row) for row in rows]
