"""``check``: verify the whole data folder and repair what can be repaired without losing progress.

Looked at: every installed course's manifest and files (size and SHA-256 against the manifest),
the database (``PRAGMA integrity_check``, foreign keys), the staging folder (work left by an
interrupted operation) and the outbox (frozen statements consistent with their rows).

Resumable downloads (a ``.part`` with its resume sidecar, or a verified file waiting for its
install) younger than ``RESUMABLE_DAYS`` are not problems: a later ``install`` continues them.
Repairs never touch learner progress: a damaged or missing media file is fetched again from the
course's original source when it is still reachable, otherwise a re-install is proposed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from player.core.context import Context
from player.core.errors import PlayerError
from player.core.package.manifest import MANIFEST_NAME, FileEntry, parse_manifest
from player.core.progress import ProgressCallback, ProgressMeter, ignore_progress

RESUMABLE_DAYS = 7
RESUME_SIDECAR = ".resume.json"


@dataclass
class Problem:
    where: str
    what: str
    repair: str = ""
    repaired: bool = False

    def line(self) -> str:
        status = "repaired" if self.repaired else "to do"
        suffix = f" — {status}: {self.repair}" if self.repair else ""
        return f"{self.where}: {self.what}{suffix}"


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files_checked: int = 0

    @property
    def clean(self) -> bool:
        return all(p.repaired for p in self.problems)


def check(
    ctx: Context, *, repair: bool = False, progress: ProgressCallback = ignore_progress
) -> CheckReport:
    report = CheckReport()
    _check_database(ctx, report)
    _check_courses(ctx, report, repair, progress)
    # Leftovers in staging and media no course uses are removed even without --repair: nothing
    # installed reads them, and resumable downloads are kept (see above).
    _check_staging(ctx, report)
    _check_orphan_objects(ctx, report)
    _check_outbox(ctx, report)
    return report


def _check_database(ctx: Context, report: CheckReport) -> None:
    rows = [r[0] for r in ctx.db.execute("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        for row in rows[:10]:
            report.problems.append(
                Problem("database", row, "restore from backups/ or re-import progress")
            )
    for table, rowid, parent, _ in ctx.db.execute("PRAGMA foreign_key_check").fetchall():
        report.problems.append(
            Problem("database", f"{table} row {rowid} refers to a missing {parent} row")
        )


def _sha256(path: Path, meter: ProgressMeter) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
            meter.add(len(chunk))
    return digest.hexdigest()


def _check_courses(
    ctx: Context, report: CheckReport, repair: bool, progress: ProgressCallback
) -> None:
    courses = list(ctx.db.query("SELECT * FROM courses ORDER BY id"))
    total = sum(c["bytes"] for c in courses)
    meter = ProgressMeter(total, progress, label="checking files")
    for course in courses:
        folder = ctx.manifest_folder(course["id"], course["manifest_sha256"])
        manifest_path = folder / MANIFEST_NAME
        try:
            data = manifest_path.read_bytes()
            if hashlib.sha256(data).hexdigest() != course["manifest_sha256"]:
                raise PlayerError("its manifest changed on disk")
            parse_manifest(data, origin=course["id"])
        except (OSError, PlayerError) as error:
            report.problems.append(
                Problem(
                    course["id"],
                    f"manifest unreadable ({error})",
                    f"install the course again from {course['source'] or 'its package'}",
                )
            )
            continue
        damaged: list[FileEntry] = []
        for row in ctx.db.query(
            "SELECT path, size, sha256 FROM course_files WHERE course_id = ? ORDER BY path",
            [course["id"]],
        ):
            entry = FileEntry(row["path"], row["size"], row["sha256"])
            path = ctx.objects.path_for(entry)
            report.files_checked += 1
            if not path.is_file():
                damaged.append(entry)
                report.problems.append(Problem(f"{course['id']}/{entry.path}", "missing"))
            elif path.stat().st_size != entry.size or _sha256(path, meter) != entry.sha256:
                damaged.append(entry)
                report.problems.append(
                    Problem(f"{course['id']}/{entry.path}", "does not match its SHA-256")
                )
        if damaged:
            _repair_files(ctx, course, damaged, report, repair)
    meter.finish()


def _repair_files(
    ctx: Context, course: dict, damaged: list[FileEntry], report: CheckReport, repair: bool
) -> None:
    problems = report.problems[-len(damaged) :]
    source_name = course["source"] or "its package"
    for problem in problems:
        problem.repair = f"fetch again from {source_name}"
    if not repair or not course["source"]:
        return
    from player.core.install import open_source

    try:
        source = open_source(course["source"], ctx.data)
    except PlayerError as error:
        for problem in problems:
            problem.repair = f"re-install: the original source is unreachable ({error})"
        return
    try:
        scratch = ctx.data.staging / "repair"
        scratch.mkdir(parents=True, exist_ok=True)
        for entry, problem in zip(damaged, problems, strict=True):
            target = scratch / f"{entry.sha256}.part"
            try:
                source.fetch(entry, target)
            except PlayerError as error:
                target.unlink(missing_ok=True)
                problem.repair = f"re-install: fetching failed ({error})"
                continue
            ctx.objects.path_for(entry).unlink(missing_ok=True)
            ctx.objects.add(target, entry)
            problem.repaired = True
        shutil.rmtree(scratch, ignore_errors=True)
    finally:
        source.close()


def _check_staging(ctx: Context, report: CheckReport) -> None:
    staging = ctx.data.staging
    if not staging.exists():
        return
    cutoff = time.time() - RESUMABLE_DAYS * 86400
    for path in sorted(staging.rglob("*")):
        if not path.exists() or path.is_dir():
            continue
        if _is_resumable(path, staging) and path.stat().st_mtime >= cutoff:
            report.notes.append(f"kept for resuming: {path.relative_to(ctx.data.root)}")
            continue
        report.problems.append(
            Problem(
                str(path.relative_to(ctx.data.root)),
                "left over by an interrupted operation",
                "removed",
                repaired=True,
            )
        )
        path.unlink(missing_ok=True)
    for folder in sorted(staging.rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()) and folder.parent != staging:
            folder.rmdir()


def _is_resumable(path: Path, staging: Path) -> bool:
    relative = path.relative_to(staging).parts
    if relative[0] == "verified":
        return True
    if path.name.endswith(RESUME_SIDECAR):
        return Path(str(path)[: -len(RESUME_SIDECAR)]).exists()
    return Path(str(path) + RESUME_SIDECAR).exists() or any(
        p.name.startswith(path.name) and p.name.endswith(RESUME_SIDECAR)
        for p in path.parent.glob(f"{path.name}*")
    )


def _check_orphan_objects(ctx: Context, report: CheckReport) -> None:
    referenced = {
        ctx.objects.path_for(FileEntry(r["path"], r["size"], r["sha256"]))
        for r in ctx.db.query("SELECT path, size, sha256 FROM course_files")
    }
    for path in ctx.objects.all_paths():
        if path not in referenced:
            report.problems.append(
                Problem(
                    str(path.relative_to(ctx.data.root)),
                    "media no installed course uses",
                    "removed",
                    repaired=True,
                )
            )
            path.unlink(missing_ok=True)


def _check_outbox(ctx: Context, report: CheckReport) -> None:
    for row in ctx.db.query(
        "SELECT seq, statement_id, state, statement, sent_at FROM outbox ORDER BY seq"
    ):
        where = f"outbox #{row['seq']}"
        if row["state"] == "sent" and not row["sent_at"]:
            report.problems.append(Problem(where, "marked sent without a date"))
        if row["statement"] is None:
            continue
        try:
            statement = json.loads(row["statement"])
        except json.JSONDecodeError:
            report.problems.append(Problem(where, "its frozen statement is not JSON"))
            continue
        if not isinstance(statement, dict) or statement.get("id") != row["statement_id"]:
            report.problems.append(
                Problem(where, "its frozen statement's id differs from the row's")
            )
