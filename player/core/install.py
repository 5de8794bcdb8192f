"""Installing a course from any package source, safely.

Steps: read and validate the manifest; refuse a downgrade (or a different package reusing an
installed version number); choose the files (quality); plan what must be fetched (objects
already held are reused, so an update fetches only changed files); check free disk; fetch each
missing file into staging, verified while streaming, then rename it into the object store; write
the manifest; switch the installed version in ONE database transaction. Until that commit the
previous version is untouched and usable; a failure leaves nothing installed but verified
objects, which a later attempt reuses.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from player.core.context import Context
from player.core.errors import (
    QT_TRANSLATE_NOOP,
    DiskFullError,
    InstallError,
    IntegrityError,
    PackageError,
)
from player.core.files import atomic_write
from player.core.learning.card import card_json
from player.core.learning.updates import on_course_installed
from player.core.package.manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    FileEntry,
    Manifest,
    Source,
    parse_manifest,
)
from player.core.progress import (
    ByteCount,
    CancelToken,
    ProgressCallback,
    ProgressMeter,
    ignore_progress,
)
from player.core.sources import PackageSource, open_source
from player.core.store.database import utc_now
from player.core.trust import TrustDecision, check_publisher, record_trust

QUALITIES = ("480", "360", "240", "audio")
#: Not offered to users by name: the slow-link default, each video's lowest source.
SMALLEST = "smallest"
DISK_MARGIN = 20 * 1024 * 1024
#: Overrides ``DISK_MARGIN`` (bytes, may be negative). Only for fault-injection tests: a negative
#: margin lets a plan pass that cannot fit, so the disk fills up in the middle of an install.
DISK_MARGIN_ENV = "COURSE_PLAYER_DISK_MARGIN"


def select_files(manifest: Manifest, quality: str | None) -> list[FileEntry]:
    """The files to install: all of them when ``quality`` is None, else one source per video.

    With a quality, each video keeps the best source at or below the chosen height (or its
    audio-only source for ``audio`` when it has one; failing that, its smallest source).
    Subtitles, pages and any other member are always kept.
    """
    if quality is None:
        return sorted(manifest.files.values(), key=lambda e: e.path)
    if quality not in QUALITIES and quality != SMALLEST:
        raise InstallError(f"Unknown quality {quality!r}; choose one of {', '.join(QUALITIES)}.")
    dropped: set[str] = set()
    for lesson in manifest.lessons:
        if lesson.type != "video" or not lesson.sources:
            continue
        chosen = choose_source(lesson.sources, quality)
        dropped.update(s.file for s in lesson.sources if s.file != chosen.file)
    return sorted(
        (e for path, e in manifest.files.items() if path not in dropped), key=lambda e: e.path
    )


def choose_source(sources: tuple[Source, ...], quality: str) -> Source:
    """The one source a video keeps at ``quality`` (``smallest``: its lowest video source)."""
    videos = sorted((s for s in sources if not s.audio_only), key=lambda s: s.height or 0)
    audio = [s for s in sources if s.audio_only]
    if quality == SMALLEST:
        return videos[0] if videos else audio[0]
    if quality == "audio":
        return audio[0] if audio else (videos[0] if videos else sources[0])
    limit = int(quality)
    fitting = [s for s in videos if (s.height or 0) <= limit]
    if fitting:
        return fitting[-1]
    return videos[0] if videos else audio[0]


@dataclass(frozen=True)
class InstallPlan:
    manifest: Manifest
    files: list[FileEntry]
    to_fetch: list[FileEntry]
    reused: int
    free_bytes: int
    previous_version: int | None

    @property
    def fetch_bytes(self) -> int:
        return sum(e.size for e in self.to_fetch)

    @property
    def install_bytes(self) -> int:
        return sum(e.size for e in self.files)


@dataclass
class InstallResult:
    course_id: str
    version: int
    previous_version: int | None
    fetched_files: int = 0
    fetched_bytes: int = 0
    reused_files: int = 0
    unchanged: bool = False
    warnings: list[str] = field(default_factory=list)
    # A trusted key took the course over from this untrusted pinned key (say so to the user).
    replaced_key: str | None = None


PlanCallback = Callable[[InstallPlan], None]


def disk_margin() -> int:
    try:
        return int(os.environ.get(DISK_MARGIN_ENV) or DISK_MARGIN)
    except ValueError:
        return DISK_MARGIN


def plan_install(
    ctx: Context, manifest: Manifest, quality: str | None, previous: int | None
) -> InstallPlan:
    files = select_files(manifest, quality)
    objects = ctx.objects
    verified_dir = ctx.data.staging / "verified"
    seen: set[tuple[str, str]] = set()
    to_fetch: list[FileEntry] = []
    reused = 0
    for entry in files:
        key = (entry.sha256, objects.path_for(entry).name)
        if key in seen:
            continue
        seen.add(key)
        if objects.has(entry) or (verified_dir / objects.path_for(entry).name).exists():
            reused += 1
        else:
            to_fetch.append(entry)
    free = shutil.disk_usage(ctx.data.root).free
    return InstallPlan(manifest, files, to_fetch, reused, free, previous)


def install(
    ctx: Context,
    source: PackageSource,
    *,
    quality: str | None = None,
    max_bytes: int | None = None,
    progress: ProgressCallback = ignore_progress,
    cancel: CancelToken | None = None,
    allow_downgrade: bool = False,
    confirm_plan: PlanCallback | None = None,
    trust_new_key: bool | str = False,
) -> InstallResult:
    manifest_bytes = source.read_manifest_bytes()
    manifest = parse_manifest(manifest_bytes, origin=MANIFEST_NAME)
    signature = source.read_signature()
    extra_members = getattr(source, "extra_members", None)
    unlisted = extra_members(set(manifest.files)) if extra_members else []
    if unlisted:
        raise PackageError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "The package holds {count} file(s) its manifest does not list "
                "(first: {first}); refused.",
            ),
            count=len(unlisted),
            first=unlisted[0],
        )
    # Publisher signature and pinned key, before anything is fetched (player/core/trust.py).
    trust = check_publisher(ctx, manifest, manifest_bytes, signature, trust_new_key=trust_new_key)
    manifest_sha = hashlib.sha256(manifest_bytes).hexdigest()
    current = ctx.course_row(manifest.id)
    previous = current["version"] if current else None
    _check_version(ctx, manifest, manifest_sha, current, allow_downgrade, trust.floor_keys)
    if current and current["manifest_sha256"] == manifest_sha:
        wanted = select_files(manifest, quality)
        installed = ctx.installed_members(manifest.id)
        if {e.path for e in wanted} == installed and all(ctx.objects.has(e) for e in wanted):
            return InstallResult(manifest.id, manifest.version, previous, unchanged=True)

    plan = plan_install(ctx, manifest, quality, previous)
    if max_bytes is not None and plan.fetch_bytes > max_bytes:
        raise InstallError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "This install would fetch {needed}, more than the {allowed} allowed by "
                "--max-bytes; choose a lower quality.",
            ),
            needed=ByteCount(plan.fetch_bytes),
            allowed=ByteCount(max_bytes),
        )
    if plan.fetch_bytes + disk_margin() > plan.free_bytes:
        raise DiskFullError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "Not enough free disk: the course needs {needed} and {free} are free in {folder}.",
            ),
            needed=ByteCount(plan.fetch_bytes),
            free=ByteCount(plan.free_bytes),
            folder=str(ctx.data.root),
        )
    if confirm_plan is not None:
        confirm_plan(plan)

    partial_dir = ctx.data.staging / "partial"
    verified_dir = ctx.data.staging / "verified"
    partial_dir.mkdir(parents=True, exist_ok=True)
    verified_dir.mkdir(parents=True, exist_ok=True)
    meter = ProgressMeter(plan.fetch_bytes, progress, label=manifest.title)
    fetched_now: list[Path] = []
    try:
        for entry in plan.to_fetch:
            if cancel is not None:
                cancel.raise_if_cancelled()
            dest = partial_dir / f"{entry.sha256}.part"
            _fetch_with_one_retry(source, entry, dest, meter, cancel)
            verified = verified_dir / ctx.objects.path_for(entry).name
            os.replace(dest, verified)
            fetched_now.append(verified)
        meter.finish()
        for entry in plan.files:
            verified = verified_dir / ctx.objects.path_for(entry).name
            if verified.exists():
                ctx.objects.add(verified, entry)
        folder = ctx.manifest_folder(manifest.id, manifest_sha)
        _write_manifest(folder, manifest_bytes, signature)
        old_manifest = ctx.manifest(manifest.id) if current else None
        _commit(ctx, manifest, manifest_sha, plan, source.location, trust, old_manifest)
    except BaseException as error:
        disk_full = _is_disk_full(error)
        if disk_full and ctx.db.conn.in_transaction:
            ctx.db.conn.execute("ROLLBACK")  # a failed COMMIT may leave the transaction open
        if not getattr(source, "keeps_partial_files", False):
            # A local source is cheap to read again: leave no trace of this attempt.
            for path in fetched_now:
                path.unlink(missing_ok=True)
            for entry in plan.to_fetch:
                (partial_dir / f"{entry.sha256}.part").unlink(missing_ok=True)
            if (
                ctx.course_row(manifest.id) is None
                or (ctx.course_row(manifest.id) or {}).get("manifest_sha256") != manifest_sha
            ):
                shutil.rmtree(ctx.manifest_folder(manifest.id, manifest_sha), True)
            collect_garbage(ctx)
        if disk_full:
            raise DiskFullError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors",
                    "The disk filled up while installing {course} in {folder} ({cause}); "
                    "nothing was changed. Free some space and install again.",
                ),
                course=manifest.id,
                folder=str(ctx.data.root),
                cause=error,
            ) from error
        raise
    if current and current["manifest_sha256"] != manifest_sha:
        shutil.rmtree(ctx.manifest_folder(manifest.id, current["manifest_sha256"]), True)
    collect_garbage(ctx)
    fetched_bytes = sum(entry.size for entry in plan.to_fetch)
    takeover = trust.takeover_message()
    return InstallResult(
        manifest.id,
        manifest.version,
        previous,
        fetched_files=len(plan.to_fetch),
        fetched_bytes=fetched_bytes,
        reused_files=plan.reused,
        warnings=[takeover] if takeover else [],
        replaced_key=trust.replaced_key,
    )


def _is_disk_full(error: BaseException) -> bool:
    """ENOSPC from a file write, or SQLite's SQLITE_FULL (its COMMIT on a full disk)."""
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return True
    return isinstance(error, sqlite3.OperationalError) and "full" in str(error)


def _check_version(
    ctx: Context,
    manifest: Manifest,
    manifest_sha: str,
    current: dict | None,
    allow_downgrade: bool,
    floor_keys: frozenset[str],
) -> None:
    """Refuse a rollback within the lines that count for this package (``floor_keys``).

    A line is a signing key (``''``: unsigned). The floor is the highest version ever installed
    by this package's own line or by a key trusted for the course (``version_floors``, kept
    after ``remove``), so a squatter's unsigned or unknown-key "version 999" does not raise the
    floor of the trusted publisher's line.
    """
    keys = sorted(floor_keys)
    marks = ", ".join("?" for _ in keys)
    rows = ctx.db.execute(
        f"SELECT MAX(highest_version) FROM version_floors WHERE course_id = ? AND key IN ({marks})",
        [manifest.id, *keys],
    ).fetchone()
    highest = rows[0] or 0
    same_line = current is not None and (current.get("signed_by") or "") in floor_keys
    if same_line:
        highest = max(highest, current["version"])  # type: ignore[index]
    if highest == 0:
        return
    if manifest.version < highest and not allow_downgrade:
        raise InstallError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "{course} version {version} is older than version {highest} already installed "
                "here; refusing to downgrade.",
            ),
            course=manifest.id,
            version=manifest.version,
            highest=highest,
        )
    if (
        same_line
        and manifest.version == current["version"]  # type: ignore[index]
        and manifest_sha != current["manifest_sha256"]  # type: ignore[index]
    ):
        raise InstallError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "{course} version {version} is installed with other content; a new release "
                "must have a higher version number.",
            ),
            course=manifest.id,
            version=manifest.version,
        )


def _fetch_with_one_retry(
    source: PackageSource,
    entry: FileEntry,
    dest: Path,
    meter: ProgressMeter,
    cancel: CancelToken | None,
) -> None:
    """A file that fails verification is fetched once more, then the install fails."""
    try:
        source.fetch(entry, dest, meter, cancel)
    except IntegrityError:
        dest.unlink(missing_ok=True)
        if getattr(source, "retry_on_mismatch", False):
            source.fetch(entry, dest, meter, cancel)
        else:
            raise


def _write_manifest(folder: Path, manifest_bytes: bytes, signature: bytes | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in ((MANIFEST_NAME, manifest_bytes), (SIGNATURE_NAME, signature)):
        if data is None:
            continue
        with atomic_write(folder / name) as handle:
            handle.write(data)


def _commit(
    ctx: Context,
    manifest: Manifest,
    manifest_sha: str,
    plan: InstallPlan,
    location: str,
    trust: TrustDecision,
    old_manifest: Manifest | None,
) -> None:
    db = ctx.db
    with db.atomic():
        db.execute(
            """
            INSERT INTO courses (id, version, title, language, manifest_sha256, bytes, source,
                                 installed_at, signed_by, card)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET version = excluded.version, title = excluded.title,
                language = excluded.language, manifest_sha256 = excluded.manifest_sha256,
                bytes = excluded.bytes, source = excluded.source,
                installed_at = excluded.installed_at, signed_by = excluded.signed_by,
                card = excluded.card
            """,
            [
                manifest.id,
                manifest.version,
                manifest.title,
                manifest.language,
                manifest_sha,
                plan.install_bytes,
                location,
                utc_now(),
                trust.key,
                card_json(manifest),
            ],
        )
        db.execute("DELETE FROM course_files WHERE course_id = ?", [manifest.id])
        db["course_files"].insert_all(  # type: ignore[union-attr]
            [
                {"course_id": manifest.id, "path": e.path, "sha256": e.sha256, "size": e.size}
                for e in plan.files
            ]
        )
        db.execute(
            """
            INSERT INTO course_history (course_id, highest_version) VALUES (?, ?)
            ON CONFLICT(course_id) DO UPDATE
                SET highest_version = MAX(highest_version, excluded.highest_version)
            """,
            [manifest.id, manifest.version],
        )
        db.execute(
            """
            INSERT INTO version_floors (course_id, key, highest_version) VALUES (?, ?, ?)
            ON CONFLICT(course_id, key) DO UPDATE
                SET highest_version = MAX(highest_version, excluded.highest_version)
            """,
            [manifest.id, trust.key or "", manifest.version],
        )
        record_trust(db, trust)
        # Thresholds may have changed: passes are recomputed in the same transaction.
        on_course_installed(db, old_manifest, manifest)


def collect_garbage(ctx: Context) -> int:
    """Remove objects that no installed course refers to."""
    objects = ctx.objects
    referenced = {
        objects.path_for(FileEntry(r["path"], r["size"], r["sha256"]))
        for r in ctx.db.query("SELECT path, size, sha256 FROM course_files")
    }
    return objects.collect_garbage(referenced)


def remove(ctx: Context, course_id: str) -> None:
    """Uninstall a course; learner progress and the version history are kept."""
    row = ctx.course_row(course_id)
    if row is None:
        raise InstallError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "No course {course!r} is installed."), course=course_id
        )
    with ctx.db.atomic():
        ctx.db.execute("DELETE FROM courses WHERE id = ?", [course_id])
    shutil.rmtree(ctx.data.courses / course_id, ignore_errors=True)
    collect_garbage(ctx)


__all__ = [
    "InstallPlan",
    "InstallResult",
    "PackageSource",
    "collect_garbage",
    "install",
    "open_source",
    "plan_install",
    "remove",
    "select_files",
]
