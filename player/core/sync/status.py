"""The sync status a status line shows, read from the outbox alone.

Kept apart from ``service`` so that showing "3 completions waiting to be sent" at start-up does
not import the HTTP stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True, slots=True)
class OutboxCounts:
    pending: int = 0
    sent: int = 0
    quarantined: int = 0
    conflict: int = 0
    last_sent_at: str | None = None


def counts(db: Database, *, learner_id: int | None = None) -> OutboxCounts:
    where, params = ("WHERE learner_id = ?", [learner_id]) if learner_id is not None else ("", [])
    by_state = {
        row["state"]: row["n"]
        for row in db.query(
            f"SELECT state, COUNT(*) AS n FROM outbox {where} GROUP BY state", params
        )
    }
    last = db.execute(f"SELECT MAX(sent_at) FROM outbox {where}", params).fetchone()[0]
    return OutboxCounts(
        pending=by_state.get("pending", 0),
        sent=by_state.get("sent", 0),
        quarantined=by_state.get("quarantined", 0),
        conflict=by_state.get("conflict", 0),
        last_sent_at=last,
    )


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What a status line shows; ``summary`` is the ready-made sentence."""

    pending: int
    sent: int
    quarantined: int
    conflicts: int
    last_sent_at: str | None
    state: str = "idle"  # idle | sending | waiting (backing off) | done | stopped
    sent_this_run: int = 0
    total_this_run: int = 0
    message: str = ""

    @property
    def summary(self) -> str:
        if self.pending:
            noun = "completion" if self.pending == 1 else "completions"
            text = f"{self.pending} {noun} waiting to be sent"
        elif self.last_sent_at:
            text = f"all sent at {_local_time(self.last_sent_at)}"
        else:
            text = "nothing to send"
        rejected = self.quarantined + self.conflicts
        if rejected:
            text += f"; {rejected} refused by the LRS (see sync --status)"
        return text


def local_moment(timestamp: str) -> datetime | None:
    """A stored ISO UTC timestamp in this computer's time zone (None when it is not one)."""
    try:
        return datetime.fromisoformat(timestamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return None


def _local_time(timestamp: str) -> str:
    moment = local_moment(timestamp)
    return timestamp if moment is None else moment.strftime("%H:%M")


def sync_status(db: Database, *, learner_id: int | None = None) -> SyncStatus:
    found = counts(db, learner_id=learner_id)
    return SyncStatus(
        found.pending, found.sent, found.quarantined, found.conflict, found.last_sent_at
    )
