"""Core operations as the screens use them: plain functions run on the task runner's workers.

Like Anki's ``aqt/operations``: each function takes the services and plain values and returns
plain data for a screen to draw. No Qt here, so these run on any thread; the storage lane keeps
them one at a time on the shared database connection.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from player.core.context import Context

if TYPE_CHECKING:
    from player.ui.services import Services


@dataclass(frozen=True)
class CourseSummary:
    id: str
    version: int
    title: str
    language: str
    bytes: int
    progress: float | None = None  # 0..1 for the current learner, None when unknown


def installed_courses(context: Context) -> list[dict]:
    """The installed courses (id, version, title, language, bytes), by title."""
    try:
        from player.core import catalog  # type: ignore[attr-defined]
    except ImportError:
        catalog = None
    if catalog is not None and hasattr(catalog, "installed_courses"):
        return [dict(row) for row in catalog.installed_courses(context)]
    # Until player.core.catalog lands: the same query as `course-player list`.
    return list(context.db.query("SELECT * FROM courses ORDER BY title COLLATE NOCASE"))


def list_courses(services: Services) -> list[CourseSummary]:
    rows = installed_courses(services.context)
    return [
        CourseSummary(
            id=row["id"],
            version=row["version"],
            title=row["title"],
            language=row["language"],
            bytes=row["bytes"],
        )
        for row in rows
    ]
