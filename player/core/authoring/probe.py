"""Probing a media file: duration, picture size, codecs.

With ffprobe, its JSON output; with only an ffmpeg binary, the stream summary that
``ffmpeg -i FILE`` prints. Either way the file is refused, naming it, when ffmpeg cannot read it.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from player.core.authoring.tools import FFmpeg
from player.core.errors import AuthoringError

PROBE_TIMEOUT = 120


@dataclass(frozen=True)
class MediaInfo:
    duration: float  # seconds
    width: int | None = None  # as displayed (rotation applied); None without a picture
    height: int | None = None
    fps: float | None = None
    video_codec: str | None = None
    video_profile: str | None = None
    audio_codec: str | None = None
    audio_channels: int | None = None

    @property
    def has_video(self) -> bool:
        return self.video_codec is not None

    @property
    def has_audio(self) -> bool:
        return self.audio_codec is not None


def probe(tools: FFmpeg, path: Path, *, name: str | None = None) -> MediaInfo:
    """Probe ``path``; ``name`` is how errors call the file (its path in the course)."""
    name = name or path.name
    if not path.is_file():
        raise AuthoringError(f"{name}: file not found.")
    if path.stat().st_size == 0:
        raise AuthoringError(f"{name}: the file is empty (0 bytes).")
    if tools.ffprobe is not None:
        info = _probe_ffprobe(tools.ffprobe, path, name)
    else:
        info = _probe_ffmpeg(tools.ffmpeg, path, name)
    if not info.has_video and not info.has_audio:
        raise AuthoringError(f"{name}: ffmpeg finds neither picture nor sound in it.")
    if info.duration <= 0:
        raise AuthoringError(f"{name}: ffmpeg cannot tell its duration; is it a complete video?")
    return info


def _run(command: list[str], name: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=PROBE_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise AuthoringError(f"{name}: probing took over {PROBE_TIMEOUT} s; gave up.") from error
    except OSError as error:
        raise AuthoringError(f"cannot run {command[0]}: {error.strerror or error}.") from error


def _cannot_read(name: str, stderr: str) -> AuthoringError:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    reason = lines[-1] if lines else "unknown error"
    reason = re.sub(r"^\S+: ", "", reason)  # ffmpeg repeats the file name
    return AuthoringError(f"{name}: ffmpeg cannot read this file ({reason}).")


# ------------------------------------------------------------------------------------ ffprobe


def _probe_ffprobe(ffprobe: Path, path: Path, name: str) -> MediaInfo:
    result = _run(
        [
            str(ffprobe),
            "-v",
            "error",
            "-show_format",
            "-show_streams",
            "-of",
            "json",
            str(path),
        ],
        name,
    )
    if result.returncode != 0:
        raise _cannot_read(name, result.stderr)
    try:
        data = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise AuthoringError(f"{name}: ffprobe gave unreadable output.") from error
    streams: list[dict[str, Any]] = data.get("streams", [])
    video = next(
        (
            s
            for s in streams
            if s.get("codec_type") == "video"
            and not s.get("disposition", {}).get("attached_pic")
            and s.get("codec_name")
        ),
        None,
    )
    audio = next(
        (s for s in streams if s.get("codec_type") == "audio" and s.get("codec_name")), None
    )
    durations = [_float(data.get("format", {}).get("duration"))]
    durations += [_float(s.get("duration")) for s in streams]
    duration = durations[0] or max((d for d in durations if d), default=0.0)
    width = height = None
    fps = None
    if video is not None:
        width, height = video.get("width"), video.get("height")
        if _rotation(video) % 180 == 90 and width and height:
            width, height = height, width
        fps = _rate(video.get("avg_frame_rate")) or _rate(video.get("r_frame_rate"))
    return MediaInfo(
        duration=duration,
        width=width,
        height=height,
        fps=fps,
        video_codec=video.get("codec_name") if video else None,
        video_profile=video.get("profile") if video else None,
        audio_codec=audio.get("codec_name") if audio else None,
        audio_channels=audio.get("channels") if audio else None,
    )


def _float(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if number > 0 else 0.0


def _rate(value: Any) -> float | None:
    if not isinstance(value, str) or "/" not in value:
        return None
    num, _, den = value.partition("/")
    try:
        rate = float(num) / float(den)
    except (ValueError, ZeroDivisionError):
        return None
    return rate if rate > 0 else None


def _rotation(stream: dict[str, Any]) -> int:
    for side in stream.get("side_data_list", []) or []:
        if "rotation" in side:
            return round(float(side["rotation"])) % 360
    rotate = stream.get("tags", {}).get("rotate")
    return round(float(rotate)) % 360 if rotate else 0


# ----------------------------------------------------------------------------- ffmpeg -i only

_DURATION_RE = re.compile(r"Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)")
_STREAM_RE = re.compile(r"Stream #\d+:\d+\S*: (Video|Audio): ([A-Za-z0-9_]+)(?: \(([^)]*)\))?(.*)")
_SIZE_RE = re.compile(r", (\d{2,5})x(\d{2,5})[ ,]")
_FPS_RE = re.compile(r", ([\d.]+)(k?) fps")
_ROTATION_RE = re.compile(r"rotation of (-?[\d.]+) degrees", re.IGNORECASE)


def _probe_ffmpeg(ffmpeg: Path, path: Path, name: str) -> MediaInfo:
    # Without an output file ffmpeg exits 1 after printing the input summary.
    result = _run([str(ffmpeg), "-hide_banner", "-nostdin", "-i", str(path)], name)
    text = result.stderr
    if "Input #0" not in text:
        raise _cannot_read(name, text)
    return parse_ffmpeg_summary(text)


def parse_ffmpeg_summary(text: str) -> MediaInfo:
    """Read the ``Input #0`` summary that ``ffmpeg -i`` prints on stderr."""
    duration = 0.0
    match = _DURATION_RE.search(text)
    if match:
        hours, minutes, seconds = match.groups()
        duration = int(hours) * 3600 + int(minutes) * 60 + float(seconds)
    video: dict[str, Any] = {}
    audio: dict[str, Any] = {}
    lines = text.splitlines()
    for index, line in enumerate(lines):
        stream = _STREAM_RE.search(line)
        if not stream:
            continue
        kind, codec, detail, rest = stream.groups()
        if kind == "Video" and not video and "attached pic" not in rest:
            video = {"codec": codec, "profile": _profile(detail)}
            size = _SIZE_RE.search(rest + ",")
            if size:
                video["width"], video["height"] = int(size.group(1)), int(size.group(2))
            fps = _FPS_RE.search(rest)
            if fps:
                video["fps"] = float(fps.group(1)) * (1000 if fps.group(2) else 1)
            for follow in lines[index + 1 : index + 8]:
                if "Stream #" in follow:
                    break
                rotation = _ROTATION_RE.search(follow)
                if rotation and round(float(rotation.group(1))) % 180 == 90 and size:
                    video["width"], video["height"] = video["height"], video["width"]
        elif kind == "Audio" and not audio:
            channels = 1 if ", mono," in rest else 2 if ", stereo," in rest else None
            audio = {"codec": codec, "channels": channels}
    return MediaInfo(
        duration=duration,
        width=video.get("width"),
        height=video.get("height"),
        fps=video.get("fps"),
        video_codec=video.get("codec"),
        video_profile=video.get("profile"),
        audio_codec=audio.get("codec"),
        audio_channels=audio.get("channels"),
    )


def _profile(detail: str | None) -> str | None:
    """``h264 (Constrained Baseline) (avc1 / ...)``: the first parenthesis, unless a tag."""
    if not detail or "/" in detail:
        return None
    return detail
