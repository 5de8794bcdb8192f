"""Finding ffmpeg (and ffprobe when there is one).

Order: ``COURSE_PLAYER_FFMPEG`` (a path to an ffmpeg binary); a system ``ffmpeg`` on PATH that
has the libx264 encoder (with the ``ffprobe`` beside it); the binary bundled by the
``imageio-ffmpeg`` package, so that a fresh machine needs no system ffmpeg. Without ffprobe,
probing parses the output of ``ffmpeg -i``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from player.core.errors import AuthoringError

ENV_VAR = "COURSE_PLAYER_FFMPEG"
HOW_TO_GET = (
    "install it with `pip install imageio-ffmpeg` (bundles ffmpeg), or your system's ffmpeg "
    f"(e.g. `apt install ffmpeg`), or set {ENV_VAR} to an ffmpeg binary"
)


@dataclass(frozen=True)
class FFmpeg:
    """The binaries used for probing and encoding."""

    ffmpeg: Path
    ffprobe: Path | None = None
    origin: str = "system"  # "system", "bundled" or "env"

    def without_ffprobe(self) -> FFmpeg:
        return FFmpeg(self.ffmpeg, None, self.origin)


def find_ffmpeg(
    *,
    env: Mapping[str, str] | None = None,
    search_path: str | None = None,
    bundled: bool = True,
) -> FFmpeg:
    """The ffmpeg to use, or ``AuthoringError`` saying how to get one.

    ``search_path`` replaces PATH and ``bundled=False`` ignores imageio-ffmpeg (both for tests
    and for checking a machine).
    """
    env = os.environ if env is None else env
    explicit = env.get(ENV_VAR)
    if explicit:
        path = Path(explicit).expanduser()
        if not (path.is_file() and os.access(path, os.X_OK)):
            raise AuthoringError(f"{ENV_VAR} is {explicit!r}, which is not an executable file.")
        return FFmpeg(path, _beside(path, "ffprobe"), "env")
    search = env.get("PATH", os.defpath) if search_path is None else search_path
    system = shutil.which("ffmpeg", path=search) if search else None
    if system and _has_x264(Path(system)):
        probe = shutil.which("ffprobe", path=search)
        return FFmpeg(Path(system), Path(probe) if probe else None, "system")
    if bundled:
        try:
            import imageio_ffmpeg

            exe = Path(imageio_ffmpeg.get_ffmpeg_exe())
        except (ImportError, RuntimeError):
            exe = None
        if exe is not None and exe.is_file():
            return FFmpeg(exe, None, "bundled")
    if system:
        raise AuthoringError(
            f"the ffmpeg at {system} has no libx264 (H.264) encoder; {HOW_TO_GET}."
        )
    raise AuthoringError(f"ffmpeg was not found; {HOW_TO_GET}.")


def _beside(ffmpeg: Path, name: str) -> Path | None:
    candidate = ffmpeg.with_name(name + ffmpeg.suffix)
    return candidate if candidate.is_file() and os.access(candidate, os.X_OK) else None


def _has_x264(ffmpeg: Path) -> bool:
    try:
        result = subprocess.run(
            [str(ffmpeg), "-hide_banner", "-nostdin", "-encoders"],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return " libx264 " in result.stdout
