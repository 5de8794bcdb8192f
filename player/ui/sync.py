"""Background sync for the window: the status line and the online/offline indicator.

Every ``TICK_MS`` the monitor reads the outbox counts (storage lane, one cheap query) and, on
the transfer lane with its own database connection, lets the core's ``AutoSync`` send pending
statements when the LRS answers. Reachability is checked at most every ``CHECK_EVERY_S`` and
never at start-up: the first check waits ``FIRST_TICK_MS`` after the window shows. That first
check is also what imports the core's sync client and service (and with them ``requests``), so
the network stack is not loaded while the app starts. The counts are read again whenever an
operation announces that it changed the outbox (a lesson completed, a quiz submitted, statements
sent), so the status line never waits for the next tick.

Paired with a hub, a tick also asks it (at most every ``UPDATE_CHECK_EVERY_S``) whether it
offers a newer version of the app (``appupdate.fetch.update_on_hub``); ``app_update_available``
then tells the window, which says so in the status bar.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from player.ui.ops.changes import NOTHING, Changes

if TYPE_CHECKING:
    from player.core.context import Context
    from player.core.hub.learner import HubAutoSync
    from player.core.sync.status import OutboxCounts
    from player.ui.services import Services

TICK_MS = 60_000
FIRST_TICK_MS = 5_000
CHECK_EVERY_S = 180.0
UPDATE_CHECK_EVERY_S = 900.0


@dataclass(frozen=True, slots=True)
class SyncView:
    online: bool | None  # None: no LRS configured (offline mode)
    pending: int
    rejected: int
    last_sent_at: str | None


@dataclass(frozen=True, slots=True)
class SyncTick:
    """One tick's outcome: is the LRS reachable, and did sending change the outbox."""

    online: bool | None
    changes: Changes = NOTHING
    problem: str | None = None  # why the LRS could not be reached, when it could not
    app_update: tuple[str, str] | None = None  # (version, hub address): a newer app on the hub


class SyncMonitor(QObject):
    changed = Signal(object)  # SyncView
    app_update_available = Signal(str, str)  # version, the hub's address

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._context: Context | None = None
        # The sync's own connections are used on the transfer lane and closed by ``close`` on
        # the main thread: never both at once (closing SQLite under a running query crashes).
        self._connections = threading.Lock()
        self._closed = False
        self._online: bool | None = None
        self._problem: str | None = None  # transfer lane: the last reachability check's
        #: Why the LRS could not be reached at the last check (None: reached, or not checked).
        self.last_problem: str | None = None
        self._last_check = 0.0
        self._busy = False
        self._hub: HubAutoSync | None = None
        self._hub_context: Context | None = None
        self._update_checked: float | None = None  # transfer lane: when the hub was last asked
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self.tick)
        # The first tick, sooner: a timer of its own so that ``close`` stops it too.
        self._first_tick = QTimer(self, singleShot=True, interval=FIRST_TICK_MS)
        self._first_tick.timeout.connect(self.tick)
        services.tasks.operation_did_execute.connect(self._operation_did_execute)

    def start(self, outbox: OutboxCounts | None = None) -> None:
        """Start ticking; ``outbox``: the counts the window read at start-up, if any."""
        if outbox is None:
            self.refresh_counts()
        else:
            self.changed.emit(
                self._view(
                    outbox.pending, outbox.quarantined + outbox.conflict, outbox.last_sent_at
                )
            )
        self._first_tick.start()
        self._timer.start()

    def _operation_did_execute(self, changes: Changes, _initiator: object) -> None:
        if changes.outbox:
            self.refresh_counts()

    def refresh_counts(self) -> None:
        """Read the outbox counts again and emit them with the connection state."""
        self.services.tasks.run(self._counts, self.changed.emit, owner=self)

    def _counts(self) -> SyncView:
        from player.core.sync.status import sync_status

        status = sync_status(self.services.context.db)
        return self._view(
            status.pending, status.quarantined + status.conflicts, status.last_sent_at
        )

    def _view(self, pending: int, rejected: int, last_sent_at: str | None) -> SyncView:
        return SyncView(self._online, pending, rejected, last_sent_at)

    def tick(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.services.tasks.run(
            self._sync,
            self._synced,
            lambda _error: self._synced(SyncTick(None)),
            owner=self,
            lane="transfer",
        )

    def _sync(self) -> SyncTick:
        """Transfer lane: check the LRS (rarely) and send what is pending."""
        with self._connections:
            if self._closed:
                return SyncTick(None)
            return self._sync_now()

    def _sync_now(self) -> SyncTick:
        from player.core.context import open_context
        from player.core.sync.client import reachability_problem
        from player.core.sync.config import SyncSettings
        from player.core.sync.service import AutoSync, lrs_groups, manifests_of
        from player.core.trust import trusted_course_check

        if self.services.settings.get("hub_url"):  # paired with a workshop hub
            return self._sync_hub()
        if self._context is None:
            self._context = open_context(self.services.data)
            self._auto = AutoSync(
                self._context.db,
                lambda: SyncSettings.load(self.services.data.settings),
                manifests=manifests_of(self._context),
                trusted=trusted_course_check(self._context),
                check_every=CHECK_EVERY_S,
            )
        settings = SyncSettings.load(self.services.data.settings)
        # the configured LRS, else those the user approved (or a trusted publisher names)
        targets = [settings.endpoint] if settings.endpoint else list(settings.approved)
        if not targets:
            groups, _blocked = lrs_groups(
                self._context.db,
                settings,
                manifests_of(self._context),
                trusted_course_check(self._context),
            )
            targets = [config.endpoint for config in groups if config is not None]
        if not targets:
            return SyncTick(None)
        now = time.monotonic()
        if self._online is None or now - self._last_check >= CHECK_EVERY_S:
            self._last_check = now
            problems = [reachability_problem(target) for target in targets]
            self._online = any(problem is None for problem in problems)
            self._problem = None if self._online else problems[0]
        if self._online:
            self._auto.tick()
            return SyncTick(self._online, Changes(outbox=True))
        return SyncTick(self._online, problem=self._problem)

    def _sync_hub(self) -> SyncTick:
        """Transfer lane: the LRS directly when it answers, the rest to the paired hub."""
        from player.core.context import open_context
        from player.core.hub.learner import HubAutoSync
        from player.core.sync.service import manifests_of

        if self._hub is None:
            self._hub_context = open_context(self.services.data)
            self._hub = HubAutoSync(
                self._hub_context.db,
                self.services.data.settings,
                manifests=manifests_of(self._hub_context),
                check_every=CHECK_EVERY_S / 3,
            )
        online = self._hub.tick()
        update = self._app_update_on_hub() if online else None
        return SyncTick(online, Changes(outbox=True) if online else NOTHING, app_update=update)

    def _app_update_on_hub(self) -> tuple[str, str] | None:
        """Transfer lane: a newer version of the app on the paired hub, asked now and then."""
        from player import __version__
        from player.core.appupdate.fetch import update_on_hub
        from player.core.hub.learner import load_link

        now = time.monotonic()
        if self._update_checked is not None and now - self._update_checked < UPDATE_CHECK_EVERY_S:
            return None
        self._update_checked = now
        link = load_link(self.services.data.settings)
        offer = update_on_hub(link, __version__) if link is not None else None
        return None if offer is None or link is None else (offer.version, link.url)

    def _synced(self, tick: SyncTick) -> None:
        self._busy = False
        self._online = tick.online
        self.last_problem = tick.problem if tick.online is False else None
        if tick.app_update is not None:
            self.app_update_available.emit(*tick.app_update)
        if not tick.changes.outbox:
            # Nothing sent: no announcement will re-read the counts, but the state is new.
            self.refresh_counts()

    def close(self) -> None:
        """Stop the timers and close the sync's connections, once a running sync is done."""
        self._timer.stop()
        self._first_tick.stop()
        with self._connections:
            self._closed = True
            for context in (self._context, self._hub_context):
                if context is not None:
                    context.close()
            self._context = self._hub_context = None
