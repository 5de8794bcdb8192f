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

#: Every outbox event kind, one xAPI statement each (docs/outbox-events.md, docs/sync.md).
KINDS = (
    "lesson_completed",
    "quiz_attempted",
    "module_completed",
    "course_completed",
    "survey_answered",
    # issue 16: started-not-finished traces, per-question results, the Video Profile
    "course_initialized",
    "module_initialized",
    "lesson_initialized",
    "module_progressed",
    "question_answered",
    "survey_question_answered",
    "video_initialized",
    "video_played",
    "video_paused",
    "video_seeked",
    "video_terminated",
    # issue 15: time spent that no other statement carries, before progress leaves the laptop
    "lesson_suspended",
)


def common_fields(
    manifest: Manifest, lesson: Lesson | None = None, module: Module | None = None
) -> dict[str, Any]:
    """The fields every event of this course (and lesson or module) carries, timestamp aside."""
    if lesson is not None and module is None:
        module = manifest.module_of(lesson.id)
    fields: dict[str, Any] = {
        "course_id": manifest.id,
        "course_version": manifest.version,
        "course_title": manifest.title,
        "course_language": manifest.language,
    }
    if module is not None:
        fields["module_id"] = module.id
        fields["module_title"] = module.title
    if lesson is not None:
        fields["lesson_id"] = lesson.id
        fields["lesson_title"] = lesson.title
        fields["lesson_type"] = lesson.type
    return fields


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
    event = common_fields(manifest, lesson, module)
    event.update(fields)
    return emit_event(db, kind, learner_id=learner_id, learner_uuid=learner_uuid, event=event)


def emit_event(
    db: Database, kind: str, *, learner_id: int, learner_uuid: str, event: dict[str, Any]
) -> str:
    """Write one outbox row from ready event fields (``course_id`` at least)."""
    if kind not in KINDS:
        raise ValueError(f"unknown outbox kind {kind!r}")
    if not db.conn.in_transaction:
        raise RuntimeError("outbox rows are written inside the transaction of their change")
    event = {"timestamp": utc_now(), "learner_uuid": learner_uuid, **event}
    statement_id = str(uuid.uuid4())
    db.execute(
        "INSERT INTO outbox (statement_id, learner_id, course_id, kind, event, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            statement_id,
            learner_id,
            event["course_id"],
            kind,
            json.dumps(event, ensure_ascii=False, sort_keys=True),
            event["timestamp"],
        ],
    )
    return statement_id
