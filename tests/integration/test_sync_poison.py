"""A poison statement — valid JSON that makes the LRS crash — against the real Ralph 5.1.0.

Ralph fails on an actor ``mbox`` without ``mailto:`` (its error handler cannot serialise the
validation error): it answers 500, or drops the connection when the crash leaves the kept-alive
connection dead. A naive sync takes either for an outage and retries the same batch forever.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlite_utils import Database

from player.cli import main
from player.core.context import open_context
from player.core.paths import DataDir
from player.core.settings import update_settings
from player.core.sync import outbox
from player.core.sync.config import SyncSettings
from player.core.sync.service import sync_outbox, sync_status
from tests.fixtures.ralph import RalphServer
from tests.helpers.outbox import add_completions, add_learner

pytestmark = pytest.mark.integration

LRS_FIELDS = ("stored", "authority")
GOOD = 50


def no_base(_: str) -> None:
    return None


def poison() -> dict:
    """Valid JSON, a plausible statement, but its ``mbox`` lacks ``mailto:``."""
    return {
        "id": str(uuid.uuid4()),
        "actor": {"objectType": "Agent", "mbox": "nobody@example.org"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {"id": "https://course-player.invalid/xapi/activities/demo"},
        "timestamp": "2026-01-01T00:00:00.000Z",
    }


def queue_poison(db: Database, statement: dict) -> None:
    """As an older version or another tool's USB file would have left it: frozen, pending."""
    db.execute(
        "INSERT INTO outbox (statement_id, kind, event, statement, created_at, origin)"
        " VALUES (?, 'imported', '{}', ?, '2026-01-01T00:00:00.000Z', 'import')",
        [statement["id"], json.dumps(statement)],
    )


def frozen(db: Database) -> dict[str, str]:
    return {r["statement_id"]: r["statement"] for r in db.query("SELECT * FROM outbox")}


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ralph: RalphServer) -> Iterator[DataDir]:
    data = DataDir(tmp_path / "home")
    open_context(data).close()
    update_settings(
        data.settings,
        lrs_endpoint=ralph.endpoint,
        lrs_username=ralph.username,
        lrs_password=ralph.password,
    )
    monkeypatch.setenv("COURSE_PLAYER_HOME", str(data.root))
    for name in ("ENDPOINT", "USERNAME", "PASSWORD"):
        monkeypatch.delenv(f"COURSE_PLAYER_LRS_{name}", raising=False)
    yield data


def fill(data: DataDir, poison_at: int) -> str:
    """``GOOD`` completions with one poison statement queued after the first ``poison_at``."""
    ctx = open_context(data)
    try:
        learner, learner_uuid = add_learner(ctx.db, "Ana", "ana@example.org")
        add_completions(ctx.db, learner, learner_uuid, poison_at)
        outbox.freeze_pending(ctx.db, no_base)
        statement = poison()
        queue_poison(ctx.db, statement)
        add_completions(ctx.db, learner, learner_uuid, GOOD - poison_at)
        outbox.freeze_pending(ctx.db, no_base)
        return str(statement["id"])
    finally:
        ctx.close()


def test_ralph_fails_on_an_mbox_without_mailto(ralph: RalphServer) -> None:
    """Grounds the other tests: a 500 or a dropped connection, never a 4xx, and Ralph lives on."""
    statement = poison()
    seen = []
    with requests.Session() as session:
        for _ in range(3):
            try:
                answer = session.post(
                    f"{ralph.base_url}/xAPI/statements",
                    json=[statement],
                    auth=ralph.auth,
                    headers={"X-Experience-API-Version": "1.0.3"},
                    timeout=30,
                )
                seen.append(answer.status_code)
            except requests.ConnectionError:
                seen.append("dropped")
    assert set(seen) <= {500, "dropped"}, seen
    assert ralph.answers() and ralph.statements() == []


@pytest.mark.parametrize("poison_at", [0, 25, GOOD], ids=["first", "middle", "last"])
def test_a_poison_statement_is_quarantined_and_the_others_arrive_once(
    ralph: RalphServer, home: DataDir, poison_at: int, capsys: pytest.CaptureFixture[str]
) -> None:
    poison_id = fill(home, poison_at)
    ctx = open_context(home)
    before = frozen(ctx.db)
    ctx.close()

    assert main(["sync", "--timeout", "30"]) == 0
    err = capsys.readouterr().err
    assert "1 refused by the LRS" in err and err.count("refused by the LRS") == 1

    ctx = open_context(home)
    try:
        assert frozen(ctx.db) == before  # frozen bytes untouched, the poison's too
        status = sync_status(ctx.db)
        assert (status.pending, status.sent, status.quarantined) == (0, GOOD, 1)
        [problem] = outbox.problems(ctx.db)
        assert problem.statement_id == poison_id and problem.state == "quarantined"
        assert re.fullmatch(r"the LRS .+ on this statement \(\d times\)", problem.error)

        stored = ralph.statements()
        counts = Counter(s["id"] for s in stored)
        assert Counter(s["id"] for s in ralph.stored_lines()) == counts
        assert max(counts.values()) == 1 and len(counts) == GOOD
        assert poison_id not in counts
        for statement in stored:
            sent = {k: v for k, v in statement.items() if k not in LRS_FIELDS}
            assert sent == json.loads(before[statement["id"]])

        settings = SyncSettings(ralph.endpoint, "test", ralph.username, ralph.password)
        again = sync_outbox(ctx.db, settings, timeout=10)
        assert (again.sent, again.requests, again.pending) == (0, 0, 0)
    finally:
        ctx.close()
    assert main(["sync", "--status"]) == 0
    assert problem.error in capsys.readouterr().out
    assert len(ralph.statements()) == GOOD


def test_an_outage_quarantines_nothing(
    ralph: RalphServer, home: DataDir, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(home, 25)
    ralph.stop()
    assert main(["sync", "--timeout", "2"]) != 0
    assert f"{GOOD + 1} statement(s) still pending" in capsys.readouterr().err
    ctx = open_context(home)
    try:
        status = sync_status(ctx.db)
        assert (status.pending, status.sent, status.quarantined) == (GOOD + 1, 0, 0)
    finally:
        ctx.close()


def test_an_lrs_failing_on_every_statement_quarantines_nothing(
    ralph: RalphServer, home: DataDir, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ralph up and answering, but its storage broken: every POST gets a 500."""
    fill(home, 25)
    store = ralph.data / "fs_lrs.jsonl"
    ralph.data.mkdir(parents=True, exist_ok=True)
    store.mkdir()  # the fs backend cannot open its file any more
    try:
        assert main(["sync", "--timeout", "3"]) != 0
        assert f"{GOOD + 1} statement(s) still pending" in capsys.readouterr().err
    finally:
        store.rmdir()
    ctx = open_context(home)
    try:
        status = sync_status(ctx.db)
        assert (status.pending, status.sent, status.quarantined) == (GOOD + 1, 0, 0)
    finally:
        ctx.close()
    # once repaired, everything good goes and the poison is isolated
    assert main(["sync", "--timeout", "30"]) == 0
    assert len(ralph.statements()) == GOOD
