"""Outbox rows and learners written directly, as the engine does (docs/outbox-events.md)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlite_utils import Database

from player.core.store.database import utc_now


def add_learner(db: Database, name: str, email: str | None = None) -> tuple[int, str]:
    learner_uuid = str(uuid.uuid4())
    cursor = db.execute(
        "INSERT INTO learners (uuid, name, email, created_at) VALUES (?, ?, ?, ?)",
        [learner_uuid, name, email, utc_now()],
    )
    return int(cursor.lastrowid or 0), learner_uuid


def add_course(db: Database, course_id: str, version: int = 1) -> None:
    db.execute(
        "INSERT INTO courses (id, version, title, language, manifest_sha256, bytes, installed_at)"
        " VALUES (?, ?, ?, 'en', ?, 0, ?)",
        [course_id, version, course_id.title(), "0" * 64, utc_now()],
    )


def event(
    learner_uuid: str, course_id: str = "demo", *, kind: str = "lesson_completed", **fields: Any
) -> dict[str, Any]:
    base: dict[str, Any] = {
        "timestamp": utc_now(),
        "learner_uuid": learner_uuid,
        "course_id": course_id,
        "course_version": 1,
        "course_title": "Demo course",
    }
    if kind in ("lesson_completed", "quiz_attempted", "survey_answered", "module_completed"):
        base.update(module_id="m1", module_title="First steps")
    if kind == "lesson_completed":
        base.update(lesson_id="intro", lesson_title="Intro", lesson_type="video", duration_s=75.0)
    elif kind == "quiz_attempted":
        base.update(
            lesson_id="quiz1",
            lesson_title="Check",
            attempt_uuid=str(uuid.uuid4()),
            score=0.8,
            threshold=0.7,
            success=True,
            duration_s=42.5,
        )
    elif kind == "survey_answered":
        base.update(lesson_id="survey", answers={"q1": 4, "q2": "more videos"})
    base.update(fields)
    return base


def add_event(db: Database, learner_id: int | None, kind: str, data: dict[str, Any]) -> str:
    statement_id = str(uuid.uuid4())
    db.execute(
        "INSERT INTO outbox (statement_id, learner_id, course_id, kind, event, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [statement_id, learner_id, data["course_id"], kind, json.dumps(data), data["timestamp"]],
    )
    return statement_id


def add_completions(db: Database, learner_id: int, learner_uuid: str, count: int) -> list[str]:
    """``count`` lesson completions (distinct lessons), oldest first."""
    with db.atomic():
        return [
            add_event(
                db,
                learner_id,
                "lesson_completed",
                event(learner_uuid, lesson_id=f"lesson-{index:05d}", lesson_title=f"L{index}"),
            )
            for index in range(count)
        ]
