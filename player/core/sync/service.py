"""Sync the outbox to the LRS, exactly once, whatever the network does.

Rules (issue 6):
- statements leave oldest first, in batches (100 by default) that halve after each failure and
  grow back after each success;
- a row is marked sent only after a 204 for a batch that contained it, or a 200 that lists its
  id, from the endpoint itself: redirects are not followed, and a redirect, a 200 that is not
  an xAPI answer or a certificate that cannot be verified stop the run for that LRS (a captive
  portal's login page is not an LRS);
- a batch answered 400/422/409 is split in halves until the statement at fault stands alone; it
  is then quarantined (400/422) or recorded as a conflict (409) with the server's reason, and the
  others go through;
- 401/403 stop everything with ``SyncAuthError``;
- no answer, timeouts and 5xx back off (0.5 s doubling to 10 s); after ``timeout`` seconds
  without progress the run stops and reports what is still pending;
- a poison statement — one that makes the LRS drop the connection or fail with a 500, as
  Ralph 5.1.0 does on an ``mbox`` without ``mailto:`` — is told from an outage: when the LRS
  still answers a reachability probe right after such a failure, the batch is split at once;
  a statement failing alone ``POISON_TRIES`` times in a row is quarantined when the same LRS
  stored another statement since its first failure, or when, set aside until the LRS stores
  another one, it fails once more alone right after that store (proof that the LRS works and
  the fault is in that statement). Otherwise (probe unanswered, or nothing else stored) it
  stays pending: an outage or a broken LRS quarantines nothing.

The same bytes are sent on every retry (frozen statements), so a batch whose answer was lost is
answered 204 by the LRS on the next run and nothing is stored twice.

Runs on any thread (the desktop app calls it from its worker); ``on_status`` receives
``SyncStatus`` snapshots for a status line.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import requests

from player.core.context import Context
from player.core.errors import PlayerError
from player.core.package.manifest import Manifest
from player.core.progress import CancelToken
from player.core.sync import outbox
from player.core.sync.client import LrsClient, Outcome, PostResult, is_reachable
from player.core.sync.config import (
    Blocked,
    LrsConfig,
    SyncSettings,
    TrustedCourse,
    no_trusted_courses,
)
from player.core.sync.status import SyncStatus, counts, sync_status

if TYPE_CHECKING:
    from sqlite_utils import Database

DEFAULT_BATCH = 100
DEFAULT_TIMEOUT = 60.0
BACKOFF_FIRST = 0.5
BACKOFF_MAX = 10.0
POISON_TRIES = 3

ManifestLookup = Callable[[str], Manifest | None]


def no_manifests(_: str) -> Manifest | None:
    return None


def manifests_of(ctx: Context) -> ManifestLookup:
    """The installed manifest of a course, or None when it is not (or no longer) installed."""

    def lookup(course_id: str) -> Manifest | None:
        try:
            return ctx.manifest(course_id)
        except (PlayerError, OSError):
            return None

    return lookup


@dataclass
class SyncReport:
    sent: int = 0
    quarantined: int = 0
    conflicts: int = 0
    pending: int = 0
    requests: int = 0
    bytes_sent: int = 0
    stopped: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.pending == 0


class _Transient(Exception):  # noqa: N818 - a signal to back off, caught in this module
    def __init__(self, reason: str, *, give_up: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.give_up = give_up


@dataclass
class _Suspect:
    """A statement the LRS failed on while still answering probes (this drain only)."""

    first_failure: int  # request number of its first failure
    drops: int = 0  # connection dropped, alone, in a row
    crashes: int = 0  # HTTP 500, alone, in a row
    confirming: bool = False  # retried alone right after the LRS stored another statement

    @property
    def tries(self) -> int:
        return self.drops + self.crashes

    def reason(self) -> str:
        if not self.crashes:
            what = "dropped the connection"
        elif not self.drops:
            what = "failed with HTTP 500"
        else:
            what = "dropped the connection or failed with HTTP 500"
        return f"the LRS {what} on this statement ({self.tries} times)"


class _Drain:
    """Per-LRS state of one drain: request numbering and suspected poison statements."""

    def __init__(self, client: LrsClient) -> None:
        self.client = client
        self.requests = 0
        self.last_stored = -1  # request number of the last 200/204
        self.suspects: dict[int, _Suspect] = {}
        self.set_aside: dict[int, outbox.OutboxRow] = {}  # failed POISON_TRIES times alone

    def lrs_answers(self) -> bool:
        return is_reachable(self.client.config.endpoint, timeout=self.client.timeout[0])


class _Run:
    """One sync run: shared counters, the status callback, cancellation."""

    def __init__(
        self,
        db: Database,
        *,
        batch_size: int,
        timeout: float,
        on_status: Callable[[SyncStatus], None] | None,
        cancel: CancelToken | None,
        session: requests.Session | None,
    ) -> None:
        self.db = db
        self.batch_size = max(1, batch_size)
        self.timeout = timeout
        self.on_status = on_status
        self.cancel = cancel
        self.session = session
        self.report = SyncReport()
        self.total = 0
        self.last_progress = time.monotonic()

    def emit(self, state: str, message: str = "") -> None:
        if self.on_status is not None:
            status = sync_status(self.db)
            self.on_status(
                replace(
                    status,
                    state=state,
                    sent_this_run=self.report.sent,
                    total_this_run=self.total,
                    message=message,
                )
            )

    def progressed(self) -> None:
        self.last_progress = time.monotonic()

    def deliver(self, drain: _Drain, rows: Sequence[outbox.OutboxRow]) -> None:
        """Send ``rows``; split on a rejected batch; raise ``_Transient`` to back off."""
        result = drain.client.post(
            [row.statement for row in rows], [row.statement_id for row in rows]
        )
        drain.requests += 1
        self.report.requests += 1
        self.report.bytes_sent += result.bytes_sent
        if result.outcome is Outcome.STORED:
            if result.stored_ids is not None:  # the others stay pending: sent again
                rows = [row for row in rows if row.statement_id in result.stored_ids]
            outbox.mark_sent(self.db, rows)
            self.report.sent += len(rows)
            drain.last_stored = drain.requests
            for row in rows:
                drain.suspects.pop(row.seq, None)
            self.progressed()
            self.confirm_set_aside(drain)
            return
        if result.outcome is Outcome.TRANSIENT:
            outbox.mark_failed_attempt(self.db, rows, result.reason)
            if result.give_up:
                raise _Transient(result.reason, give_up=True)
            if not (result.server_fault and drain.lrs_answers()):
                if len(rows) == 1 and rows[0].seq in drain.suspects:
                    drain.suspects[rows[0].seq] = _Suspect(first_failure=drain.requests)
                raise _Transient(result.reason)
            self.suspect(drain, rows, result)
            return
        if len(rows) == 1:
            if result.outcome is Outcome.CONFLICT:
                outbox.mark_rejected(self.db, rows[0], "conflict", result.reason)
                self.report.conflicts += 1
            else:
                outbox.mark_rejected(self.db, rows[0], "quarantined", result.reason)
                self.report.quarantined += 1
            self.progressed()
            return
        middle = len(rows) // 2
        self.deliver(drain, rows[:middle])
        self.deliver(drain, rows[middle:])

    def suspect(self, drain: _Drain, rows: Sequence[outbox.OutboxRow], result: PostResult) -> None:
        """The LRS failed on ``rows`` but still answers: split, or set a lone statement aside."""
        for row in rows:
            drain.suspects.setdefault(row.seq, _Suspect(first_failure=drain.requests))
        if len(rows) > 1:
            middle = len(rows) // 2
            self.deliver(drain, rows[:middle])
            self.deliver(drain, rows[middle:])
            return
        suspect = drain.suspects[rows[0].seq]
        if result.dropped:
            suspect.drops += 1
        else:
            suspect.crashes += 1
        if suspect.confirming or (
            suspect.tries >= POISON_TRIES and drain.last_stored > suspect.first_failure
        ):
            outbox.mark_rejected(self.db, rows[0], "quarantined", suspect.reason())
            self.report.quarantined += 1
            del drain.suspects[rows[0].seq]
            self.progressed()
            return
        if suspect.tries < POISON_TRIES:
            raise _Transient(result.reason)  # back off, then try it alone again
        drain.set_aside[rows[0].seq] = rows[0]  # until the LRS shows it stores others

    def confirm_set_aside(self, drain: _Drain) -> None:
        """The LRS just stored a statement: retry each set-aside one alone, once, right now."""
        while drain.set_aside:
            seq, row = drain.set_aside.popitem()
            drain.suspects[seq].confirming = True
            self.deliver(drain, [row])

    def drain(self, config: LrsConfig, course_ids: Sequence[str | None]) -> None:
        """Send every pending row of ``course_ids`` to one LRS, or stop after the timeout."""
        read_timeout = max(1.0, min(30.0, self.timeout))
        client = LrsClient(
            config, session=self.session, timeout=(min(5.0, read_timeout), read_timeout)
        )
        drain = _Drain(client)
        size = self.batch_size
        failures = 0
        self.progressed()
        try:
            while True:
                if self.cancel is not None and self.cancel.cancelled:
                    self.report.stopped.append("cancelled")
                    return
                aside = drain.set_aside
                rows = outbox.pending_batch(self.db, size + len(aside), course_ids=course_ids)
                rows = [row for row in rows if row.seq not in aside][:size]
                if not rows:
                    if aside:
                        reasons = {drain.suspects[seq].reason() for seq in aside}
                        self.report.stopped.append(
                            f"{config.endpoint}: {'; '.join(sorted(reasons))}; kept pending"
                            f" ({len(aside)}) as no other statement was stored after it"
                        )
                    return
                try:
                    self.deliver(drain, rows)
                except _Transient as problem:
                    if problem.give_up:
                        self.report.stopped.append(f"{config.endpoint}: {problem.reason}")
                        return
                    failures += 1
                    size = max(1, size // 2)
                    waited = time.monotonic() - self.last_progress
                    if waited >= self.timeout:
                        self.report.stopped.append(
                            f"{config.endpoint}: {problem.reason} for {waited:.0f} s"
                        )
                        return
                    delay = min(BACKOFF_MAX, BACKOFF_FIRST * 2 ** (failures - 1))
                    delay = min(delay, max(0.0, self.timeout - waited))
                    self.emit("waiting", f"{problem.reason}; retrying in {delay:.0f} s")
                    self._sleep(delay)
                    continue
                failures = 0
                size = min(self.batch_size, size * 2)
                self.emit("sending")
        finally:
            if self.session is None:
                client.close()

    def _sleep(self, seconds: float) -> None:
        if self.cancel is None:
            time.sleep(seconds)
            return
        end = time.monotonic() + seconds
        while not self.cancel.cancelled and time.monotonic() < end:
            time.sleep(min(0.1, max(0.0, end - time.monotonic())))


def activity_bases(manifests: ManifestLookup) -> outbox.ActivityBaseLookup:
    """Course id -> the manifest's ``activity_base`` (None: the documented default)."""

    def lookup(course_id: str) -> str | None:
        manifest = manifests(course_id)
        return manifest.activity_base if manifest is not None else None

    return lookup


def sync_outbox(
    db: Database,
    settings: SyncSettings,
    *,
    manifests: ManifestLookup = no_manifests,
    trusted: TrustedCourse = no_trusted_courses,
    timeout: float = DEFAULT_TIMEOUT,
    batch_size: int = DEFAULT_BATCH,
    on_status: Callable[[SyncStatus], None] | None = None,
    cancel: CancelToken | None = None,
    session: requests.Session | None = None,
) -> SyncReport:
    """Send every pending statement; ``report.complete`` is true when nothing is left pending.

    Raises ``SyncAuthError`` when the LRS refuses the credentials. Statements of courses with no
    LRS configured, or whose manifest names one not approved, stay pending and are named in
    ``report.stopped``. ``trusted(course_id)``: the course is signed by a key this laptop
    trusts, which approves the endpoint its manifest names.
    """
    bases = activity_bases(manifests)
    outbox.freeze_pending(db, bases)
    run = _Run(
        db,
        batch_size=batch_size,
        timeout=timeout,
        on_status=on_status,
        cancel=cancel,
        session=session,
    )
    run.total = counts(db).pending
    run.emit("sending")
    # Rows the engine writes while we send are frozen and sent by the next round.
    for _round in range(3):
        groups, blocked = lrs_groups(db, settings, manifests, trusted)
        for config, course_ids in groups.items():
            if config is not None and "cancelled" not in run.report.stopped:
                run.drain(config, course_ids)
        if run.report.stopped or not outbox.freeze_pending(db, bases):
            break
    if None in groups:
        waiting = len(outbox.pending_batch(db, 1_000_000, course_ids=groups[None]))
        if waiting:
            run.report.stopped.append(
                f"no LRS endpoint is configured for {waiting} statement(s): run 'course-player"
                " sync --configure ENDPOINT --user NAME', or set COURSE_PLAYER_LRS_ENDPOINT"
            )
    run.report.stopped.extend(found.reason for found in blocked)
    run.report.pending = counts(db).pending
    run.emit("done" if run.report.complete else "stopped", "; ".join(run.report.stopped))
    return run.report


def lrs_groups(
    db: Database,
    settings: SyncSettings,
    manifests: ManifestLookup,
    trusted: TrustedCourse = no_trusted_courses,
) -> tuple[dict[LrsConfig | None, list[str | None]], list[Blocked]]:
    """Pending courses by the LRS they go to (None: no LRS), and the endpoints not usable yet."""
    groups: dict[LrsConfig | None, list[str | None]] = {}
    blocked: list[Blocked] = []
    for course_id in outbox.pending_courses(db):
        manifest = manifests(course_id) if course_id else None
        found = settings.resolve(
            manifest.sync_endpoint if manifest else None,
            trusted=bool(course_id) and trusted(course_id or ""),
        )
        if isinstance(found, Blocked):
            if found not in blocked:
                blocked.append(found)
            continue
        groups.setdefault(found, []).append(course_id)
    return groups, blocked


class AutoSync:
    """For the desktop app's worker: sync when there is work and the LRS answers.

    ``tick()`` is cheap to call often; it checks reachability at most every ``check_every``
    seconds, only when statements are pending, and never polls an offline LRS beyond that.
    """

    def __init__(
        self,
        db: Database,
        settings: Callable[[], SyncSettings],
        *,
        manifests: ManifestLookup = no_manifests,
        trusted: TrustedCourse = no_trusted_courses,
        check_every: float = 180.0,
        timeout: float = 20.0,
    ) -> None:
        self.db = db
        self.settings = settings
        self.manifests = manifests
        self.trusted = trusted
        self.check_every = check_every
        self.timeout = timeout
        self._last_check: float | None = None
        self._lock = threading.Lock()

    def tick(
        self,
        on_status: Callable[[SyncStatus], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> SyncStatus:
        with self._lock:
            status = sync_status(self.db)
            now = time.monotonic()
            if status.pending == 0:
                return status
            if self._last_check is not None and now - self._last_check < self.check_every:
                return status
            self._last_check = now
            settings = self.settings()
            groups, _blocked = lrs_groups(self.db, settings, self.manifests, self.trusted)
            endpoints = {config.endpoint for config in groups if config is not None}
            if not any(is_reachable(endpoint) for endpoint in endpoints):
                return status
            sync_outbox(
                self.db,
                settings,
                manifests=self.manifests,
                trusted=self.trusted,
                timeout=self.timeout,
                on_status=on_status,
                cancel=cancel,
            )
            return sync_status(self.db)
