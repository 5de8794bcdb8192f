"""CLI output for the authoring stage of ``pack``: encode progress, warnings, the size report.

Not a sub-command module; ``player.cli.packages`` uses it for ``pack --variants/--cache``.
"""

from __future__ import annotations

from pathlib import Path

from player.cli.common import say
from player.core.authoring import MediaPreparer, render_size_report, size_report
from player.core.package.manifest import Manifest
from player.core.progress import Progress, ProgressLine, format_duration


class EncodeProgressLine(ProgressLine):
    """The progress line in minutes of video rather than bytes, with the file being encoded."""

    def describe(self, progress: Progress) -> str:
        return (
            f"{format_duration(progress.done / 1000)} / "
            f"{format_duration(progress.total / 1000)} of video  "
            f"ETA {format_duration(progress.eta)}  {progress.label}"
        )


def media_preparer(variants: str | None, cache: Path | None) -> MediaPreparer:
    return MediaPreparer(
        variants=variants,
        cache_dir=cache,
        warn=lambda message: say(f"warning: {message}"),
        progress=EncodeProgressLine(),
    )


def report_pack(preparer: MediaPreparer, manifest: Manifest) -> None:
    result = preparer.result
    if result is not None and (result.encoded or result.cached):
        say(f"Video variants: {result.encoded} encoded, {result.cached} reused from the cache.")
    say(render_size_report(size_report(manifest)))
