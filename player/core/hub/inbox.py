"""Statements received from learner laptops: into the hub's outbox exactly once, and merged.

A batch is taken whole or not at all (xAPI's rule for ``POST /statements``): one invalid
statement refuses the batch with 400 and the laptop's sync splits it until the culprit stands
alone, as it does with an LRS. Each statement is queued once by id, exactly as an imported
progress file's would be (``origin = 'import'``, the laptop named in ``imported_from``), so the
dashboard shows it and the hub's own sync forwards it unchanged. The same statement again is
acknowledged and adds nothing; another statement with the same id is a conflict (409).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from player.core.store.database import utc_now
from player.core.sync.merge import CourseIndex, LearnerIndex, ProgressMerge
from player.core.sync.progress_files import queue_imported, statement_problem

if TYPE_CHECKING:
    from sqlite_utils import Database

#: Laptops' clocks drift in the field; a statement dated up to a day ahead is still taken.
CLOCK_TOLERANCE = timedelta(days=1)
MAX_STATEMENTS = 1000
HUB_PREFIX = "hub: "


class BatchRefused(Exception):  # noqa: N818 - an answer for the laptop, not a fault here
    """The batch is not taken; ``status`` is the HTTP answer (400 or 409)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass
class Received:
    ids: list[str] = field(default_factory=list)
    queued: int = 0
    duplicates: int = 0
    merged: int = 0


def check_batch(body: Any, now: datetime | None = None) -> list[dict[str, Any]]:
    """The statements of a request body (one object or an array), or ``BatchRefused``."""
    now = (now or datetime.now(UTC)) + CLOCK_TOLERANCE
    statements = body if isinstance(body, list) else [body]
    if not statements:
        raise BatchRefused(400, "no statement in the request")
    if len(statements) > MAX_STATEMENTS:
        raise BatchRefused(400, f"more than {MAX_STATEMENTS} statements in one request")
    seen: set[str] = set()
    for index, statement in enumerate(statements):
        problem = statement_problem(statement, now)
        if problem:
            raise BatchRefused(400, f"statement {index}: {problem}")
        if statement["id"] in seen:
            raise BatchRefused(400, f"statement {index}: id {statement['id']} twice in the batch")
        seen.add(statement["id"])
    return statements


def receive(
    db: Database, statements: list[dict[str, Any]], laptop: str, courses: CourseIndex
) -> Received:
    """Queue checked statements once each, in one transaction; merge what concerns us."""
    received = Received()
    learners = LearnerIndex.load(db)
    merge = ProgressMerge(db, courses)
    with db.atomic():
        for number, statement in enumerate(statements, start=1):
            statement_id = statement["id"]
            received.ids.append(statement_id)
            held = next(
                db.query("SELECT statement FROM outbox WHERE statement_id = ?", [statement_id]),
                None,
            )
            if held is not None:
                if held["statement"] is None or json.loads(held["statement"]) != statement:
                    raise BatchRefused(
                        409, f"another statement with id {statement_id} is already here"
                    )
                received.duplicates += 1
                continue
            queue_imported(db, statement, number, HUB_PREFIX + laptop, learners, courses, merge)
            received.queued += 1
        # Completion claims are weighed against the lessons merged (as for a progress file):
        # a laptop cannot complete a module or course on the hub by saying so.
        merge.finish()
    received.merged = merge.merged
    return received


def confirmed_by_lrs(db: Database, statement_ids: list[str]) -> int:
    """A laptop sent these to the LRS itself: never forward them (returns how many were held).

    Only rows received from laptops and still pending change; the LRS's confirmation reached
    the laptop, so they are marked sent as if the hub had sent them.
    """
    if not statement_ids:
        return 0
    now = utc_now()
    changed = 0
    with db.atomic():
        for start in range(0, len(statement_ids), 500):
            chunk = statement_ids[start : start + 500]
            cursor = db.execute(
                "UPDATE outbox SET state = 'sent', sent_at = ?, error = NULL"
                " WHERE state = 'pending' AND origin = 'import'"
                f" AND statement_id IN ({','.join('?' * len(chunk))})",
                [now, *chunk],
            )
            changed += cursor.rowcount
    return changed
