"""The progress report: one typed row per learner, course and module.

Used by ``course-player progress`` (table, JSON, CSV) and by the trainer dashboard.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any

from player.core.learning.learners import Learner, list_learners
from player.core.learning.state import course_state
from player.core.package.manifest import Manifest

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class ProgressRow:
    learner_id: int
    learner_name: str
    learner_email: str | None
    course_id: str
    course_version: int
    course_title: str
    module_id: str
    module_title: str
    state: str  # locked, open or complete
    lessons_done: int  # surveys excluded: they never gate
    lessons_total: int
    best_quiz_score: float | None  # 0..1, None when the module has no attempted quiz
    time_spent_s: float
    course_complete: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def columns(cls) -> list[str]:
        return [f.name for f in fields(cls)]


def progress_report(
    db: Database, manifests: Iterable[Manifest], learners: Iterable[Learner] | None = None
) -> list[ProgressRow]:
    """Rows for every learner (or those given) × course × module, in course order."""
    chosen = list(learners) if learners is not None else list_learners(db)
    manifests = list(manifests)
    rows: list[ProgressRow] = []
    for learner in chosen:
        for manifest in manifests:
            state = course_state(db, learner.id, manifest)
            for module in state.modules:
                rows.append(
                    ProgressRow(
                        learner_id=learner.id,
                        learner_name=learner.name,
                        learner_email=learner.email,
                        course_id=manifest.id,
                        course_version=manifest.version,
                        course_title=manifest.title,
                        module_id=module.module_id,
                        module_title=module.title,
                        state=module.status,
                        lessons_done=module.lessons_done,
                        lessons_total=module.lessons_total,
                        best_quiz_score=module.best_quiz_score,
                        time_spent_s=round(module.time_spent, 1),
                        course_complete=state.complete,
                    )
                )
    return rows
