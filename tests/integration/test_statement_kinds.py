"""Every statement kind the engine produces, driven through the demo course, validates with
Learning Locker's validator and is stored by Ralph exactly as frozen (docs/sync.md)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from sqlite_utils import Database

from player.core.learning import video
from player.core.learning.events import KINDS
from player.core.store.database import open_database
from player.core.sync import outbox
from player.core.sync.config import SyncSettings
from player.core.sync.service import sync_outbox
from tests.fixtures.ralph import RalphServer
from tests.fixtures.xapi_validator import XapiValidator
from tests.helpers.demo_trace import Clock, demo_manifest, every_kind

pytestmark = pytest.mark.integration

LRS_FIELDS = ("stored", "authority")


def frozen(db: Database) -> list[tuple[str, dict]]:
    return [
        (row["kind"], json.loads(row["statement"]))
        for row in db.query("SELECT kind, statement FROM outbox ORDER BY seq")
    ]


def test_every_statement_kind_validates_and_ralph_stores_each_once(
    ralph: RalphServer,
    xapi_validator: XapiValidator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = Clock()
    monkeypatch.setattr(video, "now", clock)
    db = open_database(tmp_path / "laptop.sqlite3")
    manifest = demo_manifest()
    every_kind(db, manifest, clock)
    outbox.freeze_pending(db, lambda _course: manifest.activity_base)
    statements = frozen(db)
    assert db.execute("SELECT COUNT(*) FROM outbox WHERE state != 'pending'").fetchone()[0] == 0

    assert set(KINDS) == {kind for kind, _ in statements}
    assert xapi_validator.warnings(s for _, s in statements) == {}

    report = sync_outbox(
        db, SyncSettings(ralph.endpoint, "test", ralph.username, ralph.password), timeout=60
    )
    assert report.complete and report.sent == len(statements)
    stored = ralph.statements()
    assert Counter(s["id"] for s in stored) == Counter(s["id"] for _, s in statements)
    ours = {s["id"]: s for _, s in statements}
    for statement in stored:
        assert {k: v for k, v in statement.items() if k not in LRS_FIELDS} == ours[statement["id"]]
