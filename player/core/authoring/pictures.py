"""Covers and thumbnails made at pack time from the course's own videos.

ffmpeg's ``thumbnail`` filter picks a representative frame among the first ones of the video
(it skips black fades and title cards that differ from the rest); the frame is scaled down and
saved as a small JPEG (a few KB for a thumbnail). An author's own ``cover`` or ``thumbnail``
is kept as it is, after the same checks an installer makes.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from player.core.authoring.tools import FFmpeg
from player.core.errors import AuthoringError

PICTURE_FOLDER = "media/pictures"
COVER_NAME = f"{PICTURE_FOLDER}/cover.jpg"
FRAMES_COMPARED = 60
PICTURE_TIMEOUT = 120


@dataclass(frozen=True, slots=True)
class PictureSpec:
    """Width in pixels and JPEG quality (ffmpeg's -q:v: 2 best .. 31 worst)."""

    width: int
    quality: int


THUMBNAIL = PictureSpec(320, 7)
COVER = PictureSpec(960, 5)


def thumbnail_name(lesson_id: str) -> str:
    return f"{PICTURE_FOLDER}/{lesson_id}.jpg"


def still(tools: FFmpeg, video: Path, out: Path, spec: PictureSpec, *, name: str) -> Path:
    """Write a representative frame of ``video`` to ``out`` (a JPEG as wide as ``spec`` says)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    command = [
        str(tools.ffmpeg), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
        "-i", str(video), "-an", "-sn",
        "-vf", f"thumbnail=n={FRAMES_COMPARED},scale={spec.width}:-2:flags=lanczos,format=yuvj420p",
        "-frames:v", "1", "-q:v", str(spec.quality), "-map_metadata", "-1",
        "-fflags", "+bitexact", "-flags:v", "+bitexact", str(out),
    ]  # fmt: skip
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=PICTURE_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        message = f"{name}: making its picture took over {PICTURE_TIMEOUT} s."
        raise AuthoringError(message) from error
    except OSError as error:
        raise AuthoringError(f"cannot run {command[0]}: {error.strerror or error}.") from error
    if result.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        reason = lines[-1].strip() if lines else "no picture written"
        raise AuthoringError(f"{name}: ffmpeg could not take a picture from it ({reason}).")
    return out
