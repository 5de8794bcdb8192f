"""Outbox rows, the contract with sync (``docs/outbox-events.md``).

Every state change writes exactly one row per event **inside the caller's transaction**, so the
change and its event commit together or not at all. ``statement_id`` is a fresh UUID4 that sync
uses as the xAPI statement id.
"""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING, Any

from player.core.package.manifest import Lesson, Manifest, Module
from player.core.store.database import utc_now

if TYPE_CHECKING:
    from sqlite_utils import Database

KINDS = (
    "lesson_completed",
    "quiz_attempted",
    "module_completed",
    "course_completed",
    "survey_answered",
)


def emit(
    db: Database,
    kind: str,
    *,
    learner_id: int,
    learner_uuid: str,
    manifest: Manifest,
    lesson: Lesson | None = None,
    module: Module | None = None,
    **fields: Any,
) -> str:
    """Write one outbox row; returns its statement id. Must run inside ``db.atomic()``."""
    if kind not in KINDS:
        raise ValueError(f"unknown outbox kind {kind!r}")
    if not db.conn.in_transaction:
        raise RuntimeError("outbox rows are written inside the transaction of their change")
    if lesson is not None and module is None:
        module = manifest.module_of(lesson.id)
    event: dict[str, Any] = {
        "timestamp": utc_now(),
        "learner_uuid": learner_uuid,
        "course_id": manifest.id,
        "course_version": manifest.version,
        "course_title": manifest.title,
    }
    if module is not None:
        event["module_id"] = module.id
        event["module_title"] = module.title
    if lesson is not None:
        event["lesson_id"] = lesson.id
        event["lesson_title"] = lesson.title
    event.update(fields)
    statement_id = str(uuid.uuid4())
    db.execute(
        "INSERT INTO outbox (statement_id, learner_id, course_id, kind, event, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            statement_id,
            learner_id,
            manifest.id,
            kind,
            json.dumps(event, ensure_ascii=False, sort_keys=True),
            event["timestamp"],
        ],
    )
    return statement_id
