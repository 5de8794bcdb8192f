"""What a course install or update means for learners' progress.

The installer calls ``on_course_installed(db, old, new)`` inside its install transaction (our
writes join it through a savepoint, so they commit or roll back with the install).

- A quiz not yet passed whose stored best score reaches the threshold now in force passes: a
  ``quiz_passes`` row plus a ``quiz_attempted`` event for that best attempt (its attempt id
  and score, the new threshold, the threshold it was graded against as
  ``previous_threshold``, ``success: true``, ``reason: "threshold_changed"``, no duration: a
  re-evaluation, not a new attempt). 70 % → 40 %: a learner at 50 % now passes and the next
  module opens.
- A pass is never revoked: 40 % → 70 % leaves a learner who passed at 50 % passed.
- Module and course completions that now follow (a threshold lowered, a lesson removed) are
  recorded with their events, once.
- Progress on lessons the new version no longer has is kept, not counted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from player.core.learning import trace
from player.core.learning.events import emit
from player.core.learning.learners import get_learner
from player.core.learning.quiz import PASS_EPSILON, record_pass
from player.core.learning.state import settle
from player.core.package.manifest import Manifest
from player.core.store.database import utc_now

if TYPE_CHECKING:
    from sqlite_utils import Database


def learners_with_progress(db: Database, course_id: str) -> list[int]:
    """Learners who have any recorded activity in this course."""
    rows = db.query(
        """
        SELECT learner_id FROM lesson_progress WHERE course_id = :c
        UNION SELECT learner_id FROM quiz_attempts WHERE course_id = :c
        UNION SELECT learner_id FROM quiz_passes WHERE course_id = :c
        UNION SELECT learner_id FROM completions WHERE course_id = :c
        UNION SELECT learner_id FROM survey_responses WHERE course_id = :c
        ORDER BY learner_id
        """,
        {"c": course_id},
    )
    return [row["learner_id"] for row in rows]


def on_course_installed(db: Database, old: Manifest | None, new: Manifest) -> None:
    """Recompute passes and completions for every learner of the course after an install."""
    # the stored best scores and passes say everything the old version decided; ``old`` only
    # tells how many questions an attempt graded under it had
    with db.atomic():
        for learner_id in learners_with_progress(db, new.id):
            learner = get_learner(db, learner_id)
            passed = {
                row["lesson_id"]
                for row in db.query(
                    "SELECT lesson_id FROM quiz_passes WHERE learner_id = ? AND course_id = ?",
                    [learner_id, new.id],
                )
            }
            for lesson in new.lessons:
                if lesson.type != "quiz" or lesson.id in passed:
                    continue
                best = list(
                    db.query(
                        "SELECT * FROM quiz_attempts WHERE learner_id = ? AND course_id = ?"
                        " AND lesson_id = ? AND finished_at IS NOT NULL"
                        " ORDER BY score DESC, id LIMIT 1",
                        [learner_id, new.id, lesson.id],
                    )
                )
                threshold = new.threshold_for(lesson)
                if not best or best[0]["score"] < threshold - PASS_EPSILON:
                    continue
                if record_pass(db, learner_id, new, lesson, utc_now()):
                    attempt = best[0]
                    graded = next(
                        (
                            m.lesson(lesson.id)
                            for m in (new, old)
                            if m is not None and m.version == attempt["course_version"]
                        ),
                        None,
                    )
                    score_fields = {}
                    if graded is not None and graded.questions:
                        count = len(graded.questions)
                        score_fields = {"raw": round(attempt["score"] * count, 4), "max": count}
                    emit(
                        db,
                        "quiz_attempted",
                        learner_id=learner_id,
                        learner_uuid=learner.uuid,
                        manifest=new,
                        lesson=lesson,
                        attempt_uuid=attempt["uuid"],
                        score=attempt["score"],
                        **score_fields,
                        threshold=threshold,
                        previous_threshold=attempt["threshold"],
                        success=True,
                        reason="threshold_changed",
                    )
                    trace.note_lesson_done(db, learner_id, new, lesson)
            settle(db, learner_id, new)
