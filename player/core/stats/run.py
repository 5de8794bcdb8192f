"""Gather a course's figures from an LRS and/or progress files (the ``stats`` command's core)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from player.core.errors import QT_TRANSLATE_NOOP, InstallError, SyncError
from player.core.stats.aggregate import Aggregator
from player.core.stats.course import CourseMap
from player.core.stats.figures import Stats
from player.core.stats.read import (
    MAX_STATEMENTS,
    FileCounts,
    LrsReader,
    ProgressCallback,
    read_files,
)
from player.core.sync.config import (
    ENV_ENDPOINT,
    Blocked,
    LrsConfig,
    SyncSettings,
    check_endpoint,
)
from player.core.sync.credentials import redact, split_userinfo

if TYPE_CHECKING:
    from player.core.context import Context

RESUME_FOLDER = "stats"


def course_map(ctx: Context, course: str) -> CourseMap:
    """The installed course's map, else one built from its id or activity IRI."""
    try:
        return CourseMap.from_manifest(ctx.manifest(course))
    except InstallError:
        return CourseMap.from_id(course)


def lrs_config(
    ctx: Context,
    endpoint: str | None,
    *,
    allow_insecure: bool = False,
    course_endpoint: str | None = None,
) -> LrsConfig:
    """The LRS to read: ``endpoint``, else the configured one, else the one the course's
    manifest names once approved (``sync --approve``); credentials of its origin only.

    The same rules as sync (``sync.config``): plain http only to this computer unless allowed;
    ``user:password@`` in ``endpoint`` are used for that origin and never shown.
    """
    settings = SyncSettings.load(ctx.data.settings, allow_insecure=allow_insecure)
    if not endpoint:
        resolved = settings.resolve(course_endpoint)
        if isinstance(resolved, LrsConfig):
            return LrsConfig(resolved.endpoint, resolved.username, resolved.password)
        if isinstance(resolved, Blocked):
            raise SyncError(resolved.reason)
        raise SyncError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "No LRS is configured: give its address (stats --lrs URL), or configure"
                " one with course-player sync --configure URL (or {variable}).",
            ),
            variable=ENV_ENDPOINT,
        )
    checked = check_endpoint(endpoint, "--lrs", allow_insecure=settings.allow_insecure)
    clean, embedded = split_userinfo(checked)
    username, password = settings.credentials_for(clean)
    if embedded is not None:
        username, password = embedded.username, embedded.password
    return LrsConfig(clean, username, password)


def gather(
    ctx: Context,
    course: CourseMap,
    *,
    lrs: LrsConfig | None = None,
    files: Iterable[Path] = (),
    progress: ProgressCallback | None = None,
    max_statements: int = MAX_STATEMENTS,
) -> tuple[Stats, FileCounts]:
    """One streaming pass over every source; figures and the files' line counts."""
    files = list(files)
    sources = []
    if lrs is not None:
        sources.append(redact(lrs.endpoint))
    sources += [str(path) for path in files]
    aggregator = Aggregator(course, ", ".join(sources))
    counts = FileCounts()
    quiet = progress or (lambda _: None)
    if lrs is not None:
        reader = LrsReader(
            lrs, course.iri, ctx.data.root / RESUME_FOLDER, max_statements=max_statements
        )
        _feed(aggregator, reader.statements(quiet))
    if files:
        _feed(aggregator, read_files(files, counts, quiet))
    stats = aggregator.figures()
    stats.skipped += counts.rejected
    return stats, counts


def _feed(aggregator: Aggregator, statements: Iterable[Any]) -> None:
    for statement in statements:
        aggregator.add(statement)
