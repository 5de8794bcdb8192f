"""Sync faults against a real LRS (Ralph), read back from the LRS: every statement exactly once.

- Connections reset in the middle of requests (the LRS gets half a batch) and of responses (the
  LRS stored the batch, the client never learns it), and the LRS stopped then restarted while
  the sync runs.
- The ``course-player sync`` process itself SIGKILLed at random moments, then run again.
"""

from __future__ import annotations

import contextlib
import json
import random
import signal
import socket
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlite_utils import Database

from player.core.context import open_context
from player.core.paths import DataDir
from player.core.store.database import open_database
from player.core.sync.config import ENV_ENDPOINT, ENV_PASSWORD, ENV_USERNAME, SyncSettings
from player.core.sync.service import SyncReport, SyncStatus, sync_outbox
from tests.fixtures.faultproxy import FaultProxy
from tests.fixtures.ralph import RalphServer
from tests.helpers.outbox import add_completions, add_course, add_learner
from tests.reliability.harness import cli_command, cli_env, record_outcome, run_cli

pytestmark = [pytest.mark.integration, pytest.mark.slow]

AREA = "Sync faults"
LRS_FIELDS = ("stored", "authority")


class RequestCuttingProxy(FaultProxy):
    """The fault proxy, also resetting the connection after given cumulative numbers of
    request bytes: the server receives part of a request, the client a reset."""

    def __init__(self, target_port: int, *, request_cuts: list[int], **options: object) -> None:
        super().__init__(target_port, **options)  # type: ignore[arg-type]
        self.request_cuts = sorted(request_cuts)
        self.request_cuts_done = 0

    def _upstream(self, client: socket.socket, server: socket.socket) -> None:
        try:
            while data := client.recv(65536):
                cut = False
                with self._lock:
                    next_cut = self.request_cuts[0] if self.request_cuts else None
                    if next_cut is not None and self.upstream_bytes + len(data) >= next_cut:
                        data = data[: max(0, self.request_cuts.pop(0) - self.upstream_bytes)]
                        self.request_cuts_done += 1
                        cut = True
                    self.upstream_bytes += len(data)
                if data:
                    server.sendall(data)
                if cut:
                    self._reset(client, server)
                    return
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                server.shutdown(socket.SHUT_WR)


def frozen(db: Database) -> dict[str, dict]:
    return {
        row["statement_id"]: json.loads(row["statement"])
        for row in db.query("SELECT statement_id, statement FROM outbox")
    }


def read_back(lrs: RalphServer, ours: dict[str, dict]) -> tuple[int, int]:
    """(lost, duplicated), counted in the LRS's API and in its storage file; contents equal."""
    stored = lrs.statements()
    counts = Counter(s["id"] for s in stored)
    assert Counter(s["id"] for s in lrs.stored_lines()) == counts
    for statement in stored:
        assert {k: v for k, v in statement.items() if k not in LRS_FIELDS} == ours[statement["id"]]
    lost = len(set(ours) - set(counts))
    duplicated = sum(n - 1 for n in counts.values()) + len(set(counts) - set(ours))
    return lost, duplicated


def sent_rows(home: Path) -> int:
    db = open_database(home / "player.sqlite3")
    try:
        return int(db.execute("SELECT COUNT(*) FROM outbox WHERE state = 'sent'").fetchone()[0])
    finally:
        db.conn.close()


def test_resets_mid_request_and_mid_response_and_an_lrs_restart(
    ralph: RalphServer, tmp_path: Path
) -> None:
    db = open_database(tmp_path / "laptop.sqlite3")
    add_course(db, "demo")
    learner, learner_uuid = add_learner(db, "Ana", "ana@example.org")
    total = 600
    add_completions(db, learner, learner_uuid, total)
    rng = random.Random(6)
    request_cuts = sorted(rng.randint(2_000, 400_000) for _ in range(5))
    response_cuts = sorted(rng.randint(50, 20_000) for _ in range(5))
    proxy = RequestCuttingProxy(ralph.port, request_cuts=request_cuts, cuts=response_cuts).start()

    waiting_after_stop = threading.Event()
    lrs_down = threading.Event()
    outcome: dict[str, SyncReport | BaseException] = {}

    def on_status(status: SyncStatus) -> None:
        if status.sent_this_run >= total // 2 and not lrs_down.is_set():
            ralph.stop()  # halfway: the LRS goes down before the sync's next request
            lrs_down.set()
        if lrs_down.is_set() and status.state == "waiting":
            waiting_after_stop.set()

    def run() -> None:
        try:
            settings = SyncSettings(
                f"{proxy.base_url}/xAPI/", "test", ralph.username, ralph.password
            )
            outcome["report"] = sync_outbox(
                db, settings, timeout=90, batch_size=50, on_status=on_status
            )
        except BaseException as error:  # reported by the test thread
            outcome["error"] = error

    worker = threading.Thread(target=run, name="sync-under-faults")
    try:
        worker.start()
        assert waiting_after_stop.wait(timeout=120), "the sync did not meet the outage"
        ralph.start()
        worker.join(timeout=180)
        assert not worker.is_alive()
    finally:
        proxy.stop()
    assert "error" not in outcome, outcome.get("error")
    report = outcome["report"]
    assert isinstance(report, SyncReport)
    lost, duplicated = read_back(ralph, frozen(db))
    faults = proxy.request_cuts_done + proxy.cuts_done + 1
    record_outcome(
        AREA,
        "sync of 600 statements: connections reset mid-request and mid-response, LRS stopped "
        "and restarted midway",
        repetitions=faults,
        lost=lost,
        duplicated=duplicated,
        result="every statement stored exactly once, byte for byte as frozen"
        if (lost, duplicated) == (0, 0) and report.complete
        else f"pending {report.pending}",
        figures={
            "resets mid-request": proxy.request_cuts_done,
            "resets mid-response": proxy.cuts_done,
            "LRS restarts": 1,
            "POST requests": report.requests,
        },
    )
    assert proxy.request_cuts_done >= 3 and proxy.cuts_done >= 3
    assert report.complete and report.sent == total
    assert (lost, duplicated) == (0, 0)
    db.conn.close()


def test_sync_process_killed_at_random_moments(ralph: RalphServer, tmp_path: Path) -> None:
    home = tmp_path / "home"
    ctx = open_context(DataDir(home))
    learner, learner_uuid = add_learner(ctx.db, "Ana", "ana@example.org")
    total = 2000
    add_completions(ctx.db, learner, learner_uuid, total)
    ctx.close()
    rng = random.Random(7)
    # Responses trickle back (the LRS has stored a batch the client may never hear of).
    proxy = FaultProxy(ralph.port, rate=20_000).start()
    env = cli_env(
        home,
        **{
            ENV_ENDPOINT: f"{proxy.base_url}/xAPI/",
            ENV_USERNAME: ralph.username,
            ENV_PASSWORD: ralph.password,
        },
    )
    kills = 0
    unacknowledged = []
    try:
        for target in rng.sample(range(50, 200, 25), 4):  # statements sent by this run
            child = subprocess.Popen(
                cli_command("sync", "--timeout", "30"),
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            assert child.stderr is not None
            try:
                for line in child.stderr:
                    if line.startswith("sent ") and int(line.split()[1].split("/")[0]) >= target:
                        time.sleep(rng.uniform(0, 0.15))  # somewhere in the next batch
                        break
                child.send_signal(signal.SIGKILL)
            finally:
                child.wait(timeout=60)
                child.stderr.close()
            kills += child.returncode == -signal.SIGKILL
            unacknowledged.append(len(ralph.stored_lines()) - sent_rows(home))
        done = run_cli(["sync", "--timeout", "30"], home, env=env)
        assert done.returncode == 0, done.stderr
    finally:
        proxy.stop()
    ctx = open_context(DataDir(home))
    try:
        ours = frozen(ctx.db)
        pending = ctx.db.execute("SELECT COUNT(*) FROM outbox WHERE state != 'sent'").fetchone()[0]
    finally:
        ctx.close()
    lost, duplicated = read_back(ralph, ours)
    record_outcome(
        AREA,
        "course-player sync SIGKILLed at random moments (responses throttled), then run again",
        repetitions=kills,
        lost=lost,
        duplicated=duplicated,
        result="every statement stored exactly once; nothing left pending"
        if (lost, duplicated, pending) == (0, 0, 0)
        else f"{pending} pending",
        figures={
            "statements": total,
            "stored by the LRS but not acknowledged, at each kill": unacknowledged,
        },
    )
    assert kills == 4
    assert (lost, duplicated, pending) == (0, 0, 0)
    assert len(ours) == total
    check = run_cli(["check"], home)
    assert check.returncode == 0, check.stdout + check.stderr
