"""The sync status a status line shows, read from the outbox alone.

Kept apart from ``service`` so that showing "3 completions waiting to be sent" at start-up does
not import the HTTP stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from player.core.sync import outbox


@dataclass(frozen=True)
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


def _local_time(timestamp: str) -> str:
    try:
        moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError:
        return timestamp
    return moment.astimezone().strftime("%H:%M")


def sync_status(db: Database, *, learner_id: int | None = None) -> SyncStatus:
    counts = outbox.counts(db, learner_id=learner_id)
    return SyncStatus(
        counts.pending, counts.sent, counts.quarantined, counts.conflict, counts.last_sent_at
    )
