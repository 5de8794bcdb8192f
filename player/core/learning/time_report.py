"""Time spent that no statement carries yet, written out before progress leaves the laptop.

A lesson's time spent (``lesson_progress.time_spent``) grows with every second on its screen,
but statements carry time only at a few moments: ``lesson_completed`` (the time when the lesson
became complete) and ``quiz_attempted`` (the attempt's time). Reading a page again, the time on a
survey or on a quiz screen between attempts reached no statement, so a trainer who imported a
laptop's progress saw less time than the laptop showed (01:58 for 03:45, issue 15).

``report_time_spent`` closes the gap: for each lesson whose time spent is more than the
durations its local statements carry, it writes one ``lesson_suspended`` event (xAPI
``suspended``, ``result.duration`` = the missing time). The trainer's dashboard adds up the
durations of a lesson's statements, so after the export it finds the laptop's figure. It runs
before ``export_progress`` (the app's "Export my progress" and ``course-player export-progress``);
run twice with nothing new, it writes nothing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from player.core.learning.events import emit

if TYPE_CHECKING:
    from sqlite_utils import Database

    from player.core.package.manifest import Manifest

#: The event kinds whose ``duration_s`` is time spent on their lesson (a video session's
#: ``video_terminated`` is not: its time is also in the lesson's completion).
CARRY_TIME = ("lesson_completed", "quiz_attempted", "lesson_suspended")
#: Less missing time than this is rounding, not time spent.
MIN_GAP_S = 0.5


def report_time_spent(
    db: Database, manifests: Callable[[str], Manifest | None], *, learner_id: int | None = None
) -> int:
    """Write a ``lesson_suspended`` event per lesson with time no statement carries; the count."""
    where, params = "", []
    if learner_id is not None:
        where, params = " AND learner_id = ?", [learner_id]
    carried: dict[tuple[int, str, str], float] = defaultdict(float)
    kinds = ", ".join(f"'{kind}'" for kind in CARRY_TIME)
    for row in db.query(
        "SELECT learner_id, course_id, event FROM outbox"
        f" WHERE origin = 'local' AND kind IN ({kinds}){where}",
        params,
    ):
        try:
            event = json.loads(row["event"])
            seconds = float(event.get("duration_s") or 0.0)
        except (TypeError, ValueError):
            continue
        carried[(row["learner_id"], row["course_id"], str(event.get("lesson_id")))] += seconds
    written = 0
    with db.atomic():
        learners = {row["id"]: row["uuid"] for row in db.query("SELECT id, uuid FROM learners")}
        for row in list(
            db.query(
                "SELECT learner_id, course_id, lesson_id, time_spent FROM lesson_progress"
                f" WHERE time_spent > 0{where} ORDER BY learner_id, course_id, lesson_id",
                params,
            )
        ):
            key = (row["learner_id"], row["course_id"], row["lesson_id"])
            gap = round(float(row["time_spent"]) - carried[key], 2)
            manifest = manifests(row["course_id"])
            lesson = manifest.lesson(row["lesson_id"]) if manifest is not None else None
            if gap < MIN_GAP_S or manifest is None or lesson is None:
                continue
            if row["learner_id"] not in learners:
                continue
            emit(
                db,
                "lesson_suspended",
                learner_id=row["learner_id"],
                learner_uuid=learners[row["learner_id"]],
                manifest=manifest,
                lesson=lesson,
                duration_s=gap,
            )
            written += 1
    return written
