"""Every statement kind the engine produces, driven through the demo course, validates with
Learning Locker's validator and is stored by Ralph exactly as frozen (docs/sync.md)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from sqlite_utils import Database

from player.core.learning import video
from player.core.learning.activity import open_lesson, record_position, record_reading
from player.core.learning.events import KINDS
from player.core.learning.learners import create_learner
from player.core.package.manifest import Manifest
from player.core.store.database import open_database
from player.core.sync import outbox
from player.core.sync.config import SyncSettings
from player.core.sync.service import sync_outbox
from tests.fixtures.ralph import RalphServer
from tests.fixtures.xapi_validator import XapiValidator
from tests.helpers.demo_trace import (
    Clock,
    demo_manifest,
    lowered_threshold,
    reevaluate,
    take_quiz,
    watch_video,
    whole_course,
)

pytestmark = pytest.mark.integration

LRS_FIELDS = ("stored", "authority")


def every_kind(db: Database, manifest: Manifest, clock: Clock) -> None:
    """Three learners who, together, make the engine write every kind of event."""
    lessons = {lesson.id: lesson for lesson in manifest.lessons}
    # Ana: the whole course (pauses, seeks, failed then passed quizzes, the survey), then a
    # retake of a quiz she had passed
    ana = create_learner(db, "Ana", email="Ana.Diallo@Example.SN").id
    whole_course(db, ana, manifest, clock)
    take_quiz(db, ana, manifest, lessons["m1-quiz"], right=0)
    # Ben: module 1, then 3/5 in module 2's quiz (70 % needed) until version 2 lowers it
    ben = create_learner(db, "Ben").id
    for lesson in manifest.modules[0].lessons:
        if lesson.type == "video":
            watch_video(db, ben, manifest, lesson, clock)
        elif lesson.type == "text":
            record_reading(db, ben, manifest, lesson.id, at_end=True)
        else:
            take_quiz(db, ben, manifest, lesson, right=5)
    take_quiz(db, ben, manifest, lessons["m2-quiz"], right=3)
    reevaluate(db, manifest, lowered_threshold(manifest, 0.5))
    # Chloé: 10 s of the first video, then leaves it for the page (drop-out trace)
    chloe = create_learner(db, "Chloé").id
    open_lesson(db, chloe, manifest, "m1-ecoute")
    for position in (5.0, 10.0):
        clock.advance(5)
        record_position(db, chloe, manifest, "m1-ecoute", position, 25.0, elapsed=5.0)
    open_lesson(db, chloe, manifest, "m1-lecture")


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
