"""Started-not-finished traces: ``initialized`` for a course, module and lesson opened the first
time, ``progressed`` for a module each time one of its required lessons completes.

Without them an LRS only sees learners who finished something; with them it sees where learners
stop (docs/sync.md). Each trace is written once, in the transaction of the change that caused
it. A video lesson's ``initialized`` is its viewing session's (``video``), so this module skips
video lessons.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from player.core.learning.completion import lesson_status, load_history, required
from player.core.learning.events import common_fields, emit, emit_event
from player.core.learning.learners import get_learner
from player.core.package.manifest import Lesson, Manifest

if TYPE_CHECKING:
    from sqlite_utils import Database


def _touched(db: Database, learner_id: int, course_id: str, lesson_ids: list[str]) -> bool:
    if not lesson_ids:
        return False
    marks = ",".join("?" * len(lesson_ids))
    row = db.execute(
        "SELECT 1 FROM lesson_progress WHERE learner_id = ? AND course_id = ?"
        f" AND lesson_id IN ({marks}) LIMIT 1",
        [learner_id, course_id, *lesson_ids],
    ).fetchone()
    return row is not None


def note_started(db: Database, learner_id: int, manifest: Manifest, lesson: Lesson) -> None:
    """Before the lesson's progress row is first written: the course, module and lesson traces.

    Must run inside the caller's transaction, before ``touch_progress``.
    """
    if _touched(db, learner_id, manifest.id, [lesson.id]):
        return
    module = manifest.module_of(lesson.id)
    learner_uuid = get_learner(db, learner_id).uuid
    if not _touched(db, learner_id, manifest.id, [les.id for les in manifest.lessons]):
        event = common_fields(manifest)
        event["course_description"] = manifest.description
        emit_event(
            db, "course_initialized", learner_id=learner_id, learner_uuid=learner_uuid, event=event
        )
    if module is not None and not _touched(
        db, learner_id, manifest.id, [les.id for les in module.lessons]
    ):
        emit_event(
            db,
            "module_initialized",
            learner_id=learner_id,
            learner_uuid=learner_uuid,
            event=common_fields(manifest, module=module),
        )
    if lesson.type != "video":
        emit_event(
            db,
            "lesson_initialized",
            learner_id=learner_id,
            learner_uuid=learner_uuid,
            event=common_fields(manifest, lesson),
        )


def note_lesson_done(db: Database, learner_id: int, manifest: Manifest, lesson: Lesson) -> None:
    """After a required lesson completed: ``module_progressed`` unless the module is now done
    (then ``settle`` sends the module's ``satisfied``)."""
    module = manifest.module_of(lesson.id)
    if module is None or not required(lesson.type):
        return
    history = load_history(db, learner_id, manifest.id)
    counted = [les for les in module.lessons if required(les.type)]
    done = sum(1 for les in counted if lesson_status(history, les.id, les.type) == "complete")
    if done >= len(counted) or ("module", module.id) in history.completions:
        return
    emit(
        db,
        "module_progressed",
        learner_id=learner_id,
        learner_uuid=get_learner(db, learner_id).uuid,
        manifest=manifest,
        module=module,
        progress=round(100 * done / len(counted)),
    )
