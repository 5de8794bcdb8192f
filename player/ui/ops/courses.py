"""Adding courses (file, folder, web address, USB stick, the demo) and copying them to USB."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from player.core.delivery.plan import default_quality
from player.core.demo import install_demo_course
from player.core.install import install, open_source, plan_install, remove
from player.core.package.manifest import parse_manifest
from player.core.progress import CancelToken, ProgressCallback
from player.core.usb_courses import export_course as core_export
from player.core.usb_courses import find_packages
from player.ui.ops.changes import COURSES, NOTHING, Changes

if TYPE_CHECKING:
    from player.core.usb_courses import ExportResult, FoundPackage
    from player.ui.services import Services


def remove_course(services: Services, course_id: str) -> Changes:
    """Uninstall a course from the library; the learners' progress in it is kept."""
    remove(services.context, course_id)
    return COURSES


def install_demo(services: Services) -> Changes:
    """First run only: install the bundled demo course (transfer lane, own connection)."""
    with services.separate_context() as ctx:
        return COURSES if install_demo_course(ctx) else NOTHING


QUALITY_ORDER = ("all", "480", "360", "240", "smallest", "audio")  # "smallest": slow links


@dataclass(frozen=True)
class SourcePlan:
    location: str
    course_id: str
    title: str
    version: int
    language: str
    previous_version: int | None
    fetch_bytes: dict[str, int]  # quality → bytes still to fetch (held objects not counted)
    install_bytes: dict[str, int]  # quality → size once installed
    free_bytes: int
    default_quality: str
    signed: bool
    publisher: str | None


def _download_options(
    location: str, progress: ProgressCallback, cancel: CancelToken
) -> dict[str, Any]:
    """A web address is downloaded while it is opened: with a progress bar and a cancel."""
    if location.lower().startswith(("http://", "https://")):
        return {"progress": progress, "cancel": cancel}
    return {}


def plan_source(
    services: Services, location: str, progress: ProgressCallback, cancel: CancelToken
) -> SourcePlan:
    """Read a package's manifest (a zip URL is downloaded here) and price every quality.

    Runs on the transfer lane with its own database connection.
    """
    options = _download_options(location, progress, cancel)
    with services.separate_context() as ctx:
        source = open_source(location, ctx.data, **options)
        try:
            manifest = parse_manifest(source.read_manifest_bytes())
            signed = source.read_signature() is not None
        finally:
            source.close()
        row = ctx.course_row(manifest.id)
        previous = row["version"] if row else None
        fetch: dict[str, int] = {}
        sizes: dict[str, int] = {}
        free = 0
        has_video = any(lesson.sources for lesson in manifest.lessons)
        for quality in QUALITY_ORDER if has_video else ("all",):
            plan = plan_install(ctx, manifest, None if quality == "all" else quality, previous)
            fetch[quality] = plan.fetch_bytes
            sizes[quality] = plan.install_bytes
            free = plan.free_bytes
    return SourcePlan(
        location=location,
        course_id=manifest.id,
        title=manifest.title,
        version=manifest.version,
        language=manifest.language,
        previous_version=previous,
        fetch_bytes=fetch,
        install_bytes=sizes,
        free_bytes=free,
        # A stick or file costs no bandwidth: keep every source, so the course can be copied on
        # to the next laptop whole. Over the network, the data budget decides.
        default_quality=default_quality(services.data) if has_video and options else "all",
        signed=signed,
        publisher=manifest.publisher.name if manifest.publisher else None,
    )


def install_course(
    services: Services,
    location: str,
    quality: str,
    progress: ProgressCallback,
    cancel: CancelToken,
    trust_new_key: str | None = None,
) -> Installed:
    """Install (or resume installing) a package; returns what the install did.

    A cancelled or cut download keeps what was fetched; running this again continues.
    ``trust_new_key``: the exact new publisher key the user confirmed after a ``KeyChangedError``.
    """
    with services.separate_context() as ctx:
        source = open_source(location, ctx.data, **_download_options(location, progress, cancel))
        try:
            result = install(
                ctx,
                source,
                quality=None if quality == "all" else quality,
                progress=progress,
                cancel=cancel,
                trust_new_key=trust_new_key or False,
            )
        finally:
            source.close()
    return Installed(result.course_id, result.replaced_key)


@dataclass(frozen=True, slots=True)
class Installed:
    course_id: str
    replaced_key: str | None = None  # the unknown key a trusted key took the course over from
    changes: Changes = COURSES


@dataclass(frozen=True)
class Volume:
    path: Path
    free_bytes: int | None  # None: unreadable (removed while listing)
    writable: bool


@dataclass(frozen=True)
class UsbScan:
    volumes: list[Volume]
    packages: list[FoundPackage]
    installed: dict[str, int] = field(default_factory=dict)  # course id -> installed version


def list_volumes(services: Services) -> list[Volume]:
    """The mounted removable volumes, with their free space (transfer lane: sticks are slow)."""
    volumes = []
    for path in services.mount_points():
        try:
            free: int | None = shutil.disk_usage(path).free
        except OSError:
            free = None
        volumes.append(Volume(Path(path), free, free is not None and os.access(path, os.W_OK)))
    return volumes


def scan_usb(services: Services) -> UsbScan:
    """Course packages on the removable volumes (reads only each zip's course.json)."""
    volumes = list_volumes(services)
    packages = find_packages([v.path for v in volumes if v.free_bytes is not None])
    installed: dict[str, int] = {}
    if packages:
        with services.separate_context() as ctx:
            for package in packages:
                row = ctx.course_row(package.course_id)
                if row is not None:
                    installed[package.course_id] = int(row["version"])
    return UsbScan(volumes, packages, installed)


def export_course(
    services: Services,
    course_id: str,
    dest: Path,
    progress: ProgressCallback,
    cancel: CancelToken,
) -> ExportResult:
    """Copy an installed course to a stick as a verified .zip (checks free space first)."""
    with services.separate_context() as ctx:
        return core_export(ctx, course_id, dest, progress=progress, cancel=cancel)
