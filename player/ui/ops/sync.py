"""The sync details a learner or trainer can open."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from player.core.errors import PlayerError
from player.core.sync.config import SyncSettings
from player.core.sync.outbox import problems
from player.core.sync.service import sync_status

if TYPE_CHECKING:
    from player.core.sync.outbox import Problem
    from player.core.sync.service import SyncStatus
    from player.ui.services import Services


@dataclass(frozen=True)
class SyncDetails:
    """What ``course-player sync --status`` prints, for the Sync details dialog."""

    status: SyncStatus
    problems: list[Problem]
    endpoint: str | None


def sync_details(services: Services) -> SyncDetails:
    db = services.context.db
    try:
        endpoint = SyncSettings.load(services.data.settings).endpoint
    except PlayerError:  # a bad endpoint is reported by Settings, not here
        endpoint = None
    return SyncDetails(sync_status(db), problems(db), endpoint)
