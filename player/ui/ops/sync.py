"""The sync details a learner or trainer can open."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from player.core.errors import PlayerError
from player.core.sync.config import SyncSettings
from player.core.sync.outbox import problems
from player.core.sync.service import lrs_groups, manifests_of, sync_status

if TYPE_CHECKING:
    from player.core.sync.outbox import Problem
    from player.core.sync.service import SyncStatus
    from player.ui.services import Services


@dataclass(frozen=True)
class SyncDetails:
    """What ``course-player sync --status`` prints, for the Sync details dialog."""

    status: SyncStatus
    problems: list[Problem]
    endpoint: str | None  # never with credentials in it
    # LRS addresses courses name that are not used yet (not approved), with pending statements
    unapproved: list[str] = field(default_factory=list)
    # why the last attempt to send a waiting statement failed (None: none failed)
    last_error: str | None = None


def sync_details(services: Services) -> SyncDetails:
    db = services.context.db
    try:
        settings = SyncSettings.load(services.data.settings)
    except PlayerError:  # a bad endpoint is reported by Settings, not here
        settings = SyncSettings()
    _groups, blocked = lrs_groups(db, settings, manifests_of(services.context))
    unapproved = [found.endpoint for found in blocked if "--approve" in found.reason]
    failed = next(
        db.query(
            "SELECT error FROM outbox WHERE state = 'pending' AND error IS NOT NULL"
            " ORDER BY seq DESC LIMIT 1"
        ),
        None,
    )
    last_error = failed["error"] if failed else None
    return SyncDetails(sync_status(db), problems(db), settings.endpoint, unapproved, last_error)


def approve_endpoint(services: Services, endpoint: str) -> None:
    """The user approved the LRS a course names (no credentials: none are configured for it)."""
    from player.core.sync.endpoints import approve

    approve(services.data.settings, endpoint)
