"""Sync against a real LRS (Ralph 5.1.0), reading back what the LRS stored."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from pathlib import Path

import pytest
import requests
from sqlite_utils import Database

from player.cli import main
from player.core.context import open_context
from player.core.paths import DataDir
from player.core.settings import update_settings
from player.core.store.database import open_database
from player.core.sync import outbox
from player.core.sync.client import SyncAuthError, is_reachable
from player.core.sync.config import SyncSettings
from player.core.sync.merge import CourseIndex
from player.core.sync.progress_files import export_progress, import_progress
from player.core.sync.service import AutoSync, no_manifests, sync_outbox, sync_status
from tests.fixtures.faultproxy import FaultProxy
from tests.fixtures.ralph import RalphServer
from tests.helpers.outbox import add_completions, add_course, add_learner

pytestmark = pytest.mark.integration

LRS_FIELDS = ("stored", "authority")


def settings_for(lrs: RalphServer, endpoint: str | None = None) -> SyncSettings:
    return SyncSettings(endpoint or lrs.endpoint, "test", lrs.username, lrs.password)


def no_base(_: str) -> None:
    return None


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "laptop.sqlite3")
    add_course(database, "demo")
    return database


def frozen_statements(db: Database) -> dict[str, dict]:
    return {
        row["statement_id"]: json.loads(row["statement"])
        for row in db.query("SELECT statement_id, statement FROM outbox")
    }


def assert_stored_exactly_once(lrs: RalphServer, db: Database) -> None:
    """Every outbox statement is in the LRS once, with exactly the content we froze."""
    stored = lrs.statements()
    counts = Counter(s["id"] for s in stored)
    assert [i for i, n in counts.items() if n > 1] == []
    assert Counter(s["id"] for s in lrs.stored_lines()) == counts
    ours = frozen_statements(db)
    assert set(counts) == set(ours)
    for statement in stored:
        as_sent = {k: v for k, v in statement.items() if k not in LRS_FIELDS}
        assert as_sent == ours[statement["id"]]


def test_a_sync_cut_by_connection_resets_stores_each_statement_once(
    ralph: RalphServer, db: Database
) -> None:
    learner, learner_uuid = add_learner(db, "Ana", "ana@example.org")
    add_completions(db, learner, learner_uuid, 250)
    outbox.freeze_pending(db, no_base)
    before = {r["statement_id"]: r["statement"] for r in db.query("SELECT * FROM outbox")}

    # Each cut resets a connection while the LRS's answer is on its way back: the LRS has
    # stored the batch, the client never learns it and must resend.
    with FaultProxy(ralph.port, cuts=[60, 1_500, 3_000, 3_100]) as proxy:
        report = sync_outbox(db, settings_for(ralph, f"{proxy.base_url}/xAPI/"), timeout=60)
    assert proxy.cuts_done == 4
    assert report.complete and report.sent == 250
    assert report.requests > 4
    assert db.execute("SELECT MAX(attempts) FROM outbox").fetchone()[0] >= 2
    after = {r["statement_id"]: r["statement"] for r in db.query("SELECT * FROM outbox")}
    assert after == before  # the same bytes on every retry
    assert_stored_exactly_once(ralph, db)

    # a re-sync sends nothing new
    again = sync_outbox(db, settings_for(ralph), timeout=10)
    assert (again.sent, again.requests) == (0, 0)
    assert len(ralph.statements()) == 250


def test_an_lrs_outage_loses_nothing(
    ralph: RalphServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    data = DataDir(tmp_path / "home")
    ctx = open_context(data)
    learner, learner_uuid = add_learner(ctx.db, "Ana")
    add_completions(ctx.db, learner, learner_uuid, 30)
    ctx.close()
    update_settings(
        data.settings,
        lrs_endpoint=ralph.endpoint,
        lrs_username=ralph.username,
        lrs_password=ralph.password,
    )
    monkeypatch.setenv("COURSE_PLAYER_HOME", str(data.root))
    for name in ("ENDPOINT", "USERNAME", "PASSWORD"):
        monkeypatch.delenv(f"COURSE_PLAYER_LRS_{name}", raising=False)

    ralph.stop()
    assert not is_reachable(ralph.endpoint)
    assert main(["sync", "--timeout", "1.5"]) != 0
    err = capsys.readouterr().err
    assert "30 statement(s) still pending" in err
    assert len(err.strip().splitlines()[-1]) < 400

    ralph.start()
    assert is_reachable(ralph.endpoint)
    assert main(["sync", "--timeout", "30"]) == 0
    ctx = open_context(data)
    try:
        assert sync_status(ctx.db).pending == 0
        assert_stored_exactly_once(ralph, ctx.db)
    finally:
        ctx.close()
    assert main(["sync", "--status"]) == 0
    assert "all sent at" in capsys.readouterr().out


def test_a_bad_statement_does_not_block_the_others(ralph: RalphServer, db: Database) -> None:
    learner, learner_uuid = add_learner(db, "Ana")
    add_completions(db, learner, learner_uuid, 40)
    outbox.freeze_pending(db, no_base)
    # A queued statement the LRS refuses (422: no actor), e.g. written by a buggy tool.
    foreign = next(iter(frozen_statements(db).values()))
    foreign = {k: v for k, v in foreign.items() if k != "actor"} | {"id": str(uuid.uuid4())}
    db.execute(
        "INSERT INTO outbox (statement_id, kind, event, statement, created_at, origin)"
        " VALUES (?, 'imported', '{}', ?, '2026-01-01T00:00:00.000Z', 'import')",
        [foreign["id"], json.dumps(foreign)],
    )
    add_completions(db, learner, learner_uuid, 40)

    report = sync_outbox(db, settings_for(ralph), timeout=30)
    assert report.complete and report.sent == 80 and report.quarantined == 1
    problem = outbox.problems(db)[0]
    assert problem.statement_id == foreign["id"] and problem.state == "quarantined"
    assert "actor" in problem.error
    stored = {s["id"] for s in ralph.statements()}
    assert len(stored) == 80 and foreign["id"] not in stored
    # never resent
    assert sync_outbox(db, settings_for(ralph), timeout=10).requests == 0


def test_a_conflicting_id_is_recorded_and_never_resent(ralph: RalphServer, db: Database) -> None:
    learner, learner_uuid = add_learner(db, "Ana")
    ids = add_completions(db, learner, learner_uuid, 10)
    outbox.freeze_pending(db, no_base)
    other = frozen_statements(db)[ids[3]]
    other["verb"] = {"id": "http://adlnet.gov/expapi/verbs/failed"}
    answer = requests.post(
        f"{ralph.base_url}/xAPI/statements",
        json=[other],
        auth=ralph.auth,
        headers={"X-Experience-API-Version": "1.0.3"},
        timeout=30,
    )
    assert answer.status_code == 200

    report = sync_outbox(db, settings_for(ralph), timeout=30)
    assert (report.sent, report.conflicts, report.pending) == (9, 1, 0)
    assert outbox.problems(db)[0].statement_id == ids[3]
    assert sync_outbox(db, settings_for(ralph), timeout=10).requests == 0
    assert len(ralph.statements()) == 10


def test_refused_credentials_stop_with_a_clear_message(ralph: RalphServer, db: Database) -> None:
    learner, learner_uuid = add_learner(db, "Ana")
    add_completions(db, learner, learner_uuid, 3)
    wrong = SyncSettings(ralph.endpoint, "test", ralph.username, "wrong")
    with pytest.raises(SyncAuthError, match="refused the credentials"):
        sync_outbox(db, wrong, timeout=10)
    assert sync_status(db).pending == 3


def test_usb_files_imported_twice_arrive_once(ralph: RalphServer, tmp_path: Path) -> None:
    laptops = []
    for name in ("a", "b"):
        laptop = open_database(tmp_path / f"{name}.sqlite3")
        learner, learner_uuid = add_learner(laptop, name.upper(), f"{name}@example.org")
        add_completions(laptop, learner, learner_uuid, 20)
        export_progress(laptop, tmp_path / f"{name}.jsonl", no_base)
        laptops.append(laptop)

    trainer = open_database(tmp_path / "trainer.sqlite3")
    courses = CourseIndex.load(trainer, no_manifests)
    for name in ("a", "b", "a", "b"):
        report = import_progress(trainer, tmp_path / f"{name}.jsonl", courses)
        assert not report.rejected
    assert sync_status(trainer).pending == 40
    assert sync_outbox(trainer, settings_for(ralph), timeout=30).complete
    # laptop "a" later gets online too: its statements are already there, nothing doubles
    assert sync_outbox(laptops[0], settings_for(ralph), timeout=30).complete
    assert_stored_exactly_once(ralph, trainer)
    assert len(ralph.statements()) == 40


def test_auto_sync_sends_only_when_the_lrs_answers(ralph: RalphServer, db: Database) -> None:
    learner, learner_uuid = add_learner(db, "Ana")
    add_completions(db, learner, learner_uuid, 5)
    seen: list[str] = []
    auto = AutoSync(db, lambda: settings_for(ralph), check_every=0)
    ralph.stop()
    status = auto.tick()
    assert status.pending == 5 and status.summary == "5 completions waiting to be sent"
    ralph.start()
    status = auto.tick(on_status=lambda s: seen.append(s.summary))
    assert status.pending == 0 and status.summary.startswith("all sent at ")
    assert seen[0] == "5 completions waiting to be sent"
    assert len(ralph.statements()) == 5


def test_cli_export_and_import_report_rejected_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    data = DataDir(tmp_path / "home")
    ctx = open_context(data)
    learner, learner_uuid = add_learner(ctx.db, "Ana")
    add_completions(ctx.db, learner, learner_uuid, 3)
    ctx.close()
    monkeypatch.setenv("COURSE_PLAYER_HOME", str(data.root))
    assert main(["export-progress", str(tmp_path / "ana.jsonl"), "--learner", "ana"]) == 0
    assert len((tmp_path / "ana.jsonl").read_text().splitlines()) == 3
    assert main(["export-progress", str(tmp_path / "x.jsonl"), "--learner", "nobody"]) == 1
    with (tmp_path / "ana.jsonl").open("a") as stream:
        stream.write("garbage\n")
    assert main(["import-progress", str(tmp_path / "ana.jsonl")]) == 1
    err = capsys.readouterr().err
    assert "line 4: not JSON" in err and "3 already here" in err
