"""CLI output for the authoring stage of ``pack``: encode progress, warnings, the size report.

Not a sub-command module; ``player.cli.packages`` uses it for ``pack --variants/--cache``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from player.cli.common import say
from player.core.authoring import MediaPreparer, render_size_report, size_report
from player.core.package.manifest import Manifest
from player.core.progress import Progress, format_duration


class EncodeProgressLine:
    """Like ``ProgressLine`` but in minutes of video, with each file's own percentage."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self._tty = self.stream.isatty()
        self._last_percent = -10
        self._last_line = ""

    def __call__(self, progress: Progress) -> None:
        percent = int(progress.fraction * 100)
        if not self._tty and percent < self._last_percent + 10 and percent < 100:
            return
        self._last_percent = percent
        line = (
            f"{percent:3d}%  {format_duration(progress.done / 1000)} / "
            f"{format_duration(progress.total / 1000)} of video  "
            f"ETA {format_duration(progress.eta)}  {progress.label}"
        )
        if line == self._last_line:
            return
        self._last_line = line
        if self._tty:
            self.stream.write("\r" + line[:110].ljust(110))
            if progress.done >= progress.total:
                self.stream.write("\n")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


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
