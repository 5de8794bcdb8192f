"""Progress onto a USB stick from the app: one learner's, or every learner's of this laptop.

The same file as ``course-player export-progress``
(``player.core.sync.progress_files.export_progress``), after ``report_time_spent`` so the
trainer's import finds the time the laptop shows. The trainer imports it from the dashboard
("Import a laptop's progress file").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from player.ui.ops.changes import Changes

if TYPE_CHECKING:
    from player.ui.services import Services


@dataclass(frozen=True, slots=True)
class ProgressExport:
    path: Path
    statements: int  # results written, each to be imported once on the trainer's computer
    changes: Changes = Changes(outbox=True)  # time statements queued, statements frozen


def progress_file_name(who: str, now: datetime | None = None) -> str:
    """``progress-ana-diallo-20261206-1405.jsonl``: safe on a FAT stick, sorted by time."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", who).strip("-").lower()[:40] or "learners"
    return f"progress-{slug}-{(now or datetime.now()).strftime('%Y%m%d-%H%M')}.jsonl"


def export_progress_to(
    services: Services, folder: Path, learner_id: int | None, who: str
) -> ProgressExport:
    """Write the progress of one learner (``None``: every learner) into ``folder``."""
    from player.core.learning.time_report import report_time_spent
    from player.core.sync.progress_files import export_progress
    from player.core.sync.service import activity_bases, manifests_of

    ctx = services.context
    manifests = manifests_of(ctx)
    report_time_spent(ctx.db, manifests, learner_id=learner_id)
    report = export_progress(
        ctx.db, folder / progress_file_name(who), activity_bases(manifests), learner_id=learner_id
    )
    if not report.statements:
        report.path.unlink(missing_ok=True)  # an empty file on the stick would only puzzle
    return ProgressExport(report.path, report.statements)
