"""``verify``: check a package (folder or zip) against its manifest, member by member."""

from __future__ import annotations

from dataclasses import dataclass, field

from player.core.errors import PackageError
from player.core.package.manifest import Manifest, parse_manifest
from player.core.progress import ProgressCallback, ProgressMeter, ignore_progress
from player.core.sources import PackageSource


@dataclass
class VerifyReport:
    manifest: Manifest
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_source(
    source: PackageSource, *, progress: ProgressCallback = ignore_progress
) -> VerifyReport:
    """Every listed member present with its size and SHA-256; nothing unlisted.

    A broken manifest raises (nothing else can be checked); member problems are collected so
    the user sees every bad file at once.
    """
    manifest = parse_manifest(source.read_manifest_bytes())
    report = VerifyReport(manifest)
    extra = getattr(source, "extra_members", None)
    if extra is not None:
        for name in extra(set(manifest.files)):
            report.problems.append(f"{name}: not listed in the manifest")
    meter = ProgressMeter(manifest.total_bytes, progress, label="verifying")
    for entry in sorted(manifest.files.values(), key=lambda e: e.path):
        try:
            source.fetch(entry, None, meter)
        except PackageError as error:
            report.problems.append(f"{entry.path}: {error}")
    meter.finish()
    return report
