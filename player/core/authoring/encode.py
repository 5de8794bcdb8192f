"""Light variants: what to encode, how, and an encode cache keyed by source hash + settings.

Settings favour the widest playback on old laptops and the smallest files for talking-head and
slide content: H.264 (main, baseline at 240p and below), yuv420p, constant quality with a
ceiling on the bitrate, 25 fps at most, long GOPs, AAC mono, ``+faststart``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import signal
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from player.core.authoring.probe import MediaInfo, probe
from player.core.authoring.tools import FFmpeg
from player.core.errors import AuthoringError

RECIPE_VERSION = 1  # bump when the command line changes in a way settings do not capture
FPS_CAP = 25
MIN_HEIGHT, MAX_HEIGHT = 96, 2160
_CHUNK = 1024 * 1024


@dataclass(frozen=True, order=True)
class Variant:
    """A requested quality: a picture height, or the audio-only file (``height`` 0)."""

    height: int = 0

    @property
    def audio_only(self) -> bool:
        return self.height == 0

    @property
    def label(self) -> str:
        return "audio" if self.audio_only else f"{self.height}p"

    def __str__(self) -> str:
        return "audio" if self.audio_only else str(self.height)


AUDIO = Variant(0)


def parse_variants(value: Any, *, origin: str = "--variants") -> list[Variant]:
    """``"480,240,audio"`` or ``[480, 240, "audio"]`` -> variants, tallest first, audio last."""
    items: Iterable[Any]
    if isinstance(value, str):
        items = [part for part in re.split(r"[,\s]+", value) if part]
    elif isinstance(value, list):
        items = value
    else:
        raise AuthoringError(f"{origin}: expected a list such as 480,240,audio.")
    variants: set[Variant] = set()
    for item in items:
        text = str(item).strip().lower()
        if text in ("audio", "audio_only", "audio-only"):
            variants.add(AUDIO)
            continue
        digits = text[:-1] if text.endswith("p") else text
        if isinstance(item, bool) or not digits.isdigit():
            raise AuthoringError(f"{origin}: {item!r} is not a height such as 480, nor 'audio'.")
        height = int(digits)
        if not MIN_HEIGHT <= height <= MAX_HEIGHT:
            raise AuthoringError(
                f"{origin}: height {height} is outside {MIN_HEIGHT}–{MAX_HEIGHT} pixels."
            )
        variants.add(Variant(height))
    if not variants:
        raise AuthoringError(f"{origin}: no variant given; expected e.g. 480,240,audio.")
    return sorted(variants, key=lambda v: (v.audio_only, -v.height))


@dataclass(frozen=True)
class EncodeSettings:
    """Everything that decides the output bytes (part of the cache key)."""

    height: int  # 0: audio only
    crf: int = 0
    profile: str = ""
    preset: str = "medium"
    maxrate_kbps: int = 0
    gop: int = 10 * FPS_CAP
    fps_cap: int = FPS_CAP
    audio_kbps: int = 32
    audio_rate: int = 24000

    @property
    def suffix(self) -> str:
        return ".m4a" if self.height == 0 else ".mp4"

    @classmethod
    def for_variant(cls, variant: Variant) -> EncodeSettings:
        if variant.audio_only:
            return cls(height=0, audio_kbps=32, audio_rate=24000)
        h = variant.height
        return cls(
            height=h,
            crf=26 if h >= 720 else 28 if h >= 360 else 29,
            profile="baseline" if h <= 240 else "main",
            maxrate_kbps=round(h * 1.5),
            audio_kbps=48 if h >= 360 else 32,
            audio_rate=32000 if h >= 360 else 24000,
        )

    def ffmpeg_args(self, source: Path, info: MediaInfo, output: Path, threads: int) -> list[str]:
        args = ["-i", str(source), "-map_metadata", "-1", "-sn", "-dn"]
        audio = [
            "-c:a",
            "aac",
            "-b:a",
            f"{self.audio_kbps}k",
            "-ac",
            "1",
            "-ar",
            str(self.audio_rate),
        ]
        if self.height == 0:
            return [*args, "-vn", "-map", "0:a:0", *audio, "-movflags", "+faststart", str(output)]
        filters = [f"scale=-2:{self.height}:flags=bicubic", "setsar=1"]
        if info.fps is None or info.fps > self.fps_cap + 0.01:
            filters.append(f"fps={self.fps_cap}")
        filters.append("format=yuv420p")
        return [
            *args,
            "-map",
            "0:v:0",
            "-map",
            "0:a:0?",
            "-vf",
            ",".join(filters),
            "-c:v",
            "libx264",
            "-preset",
            self.preset,
            "-profile:v",
            self.profile,
            "-crf",
            str(self.crf),
            "-maxrate",
            f"{self.maxrate_kbps}k",
            "-bufsize",
            f"{2 * self.maxrate_kbps}k",
            "-g",
            str(self.gop),
            "-threads",
            str(threads),
            *audio,
            "-movflags",
            "+faststart",
            str(output),
        ]


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class EncodeCache:
    """Encoded files at ``DIR/ab/<key>.mp4``; a file there is complete (renamed into place)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @staticmethod
    def key(source_sha256: str, settings: EncodeSettings) -> str:
        recipe = {"recipe": RECIPE_VERSION, "source": source_sha256, "settings": asdict(settings)}
        return hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()

    def path(self, key: str, suffix: str) -> Path:
        return self.root / key[:2] / f"{key}{suffix}"

    def lookup(self, key: str, suffix: str) -> Path | None:
        path = self.path(key, suffix)
        return path if path.is_file() and path.stat().st_size > 0 else None


class Running:
    """The ffmpeg processes of one run, so that a failure can stop all the others."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._processes: set[subprocess.Popen[str]] = set()
        self.stopped = threading.Event()

    def add(self, process: subprocess.Popen[str]) -> None:
        with self._lock:
            self._processes.add(process)
            if self.stopped.is_set():
                process.kill()

    def discard(self, process: subprocess.Popen[str]) -> None:
        with self._lock:
            self._processes.discard(process)

    def stop_all(self) -> None:
        with self._lock:
            self.stopped.set()
            for process in self._processes:
                with contextlib.suppress(OSError):
                    process.kill()


def encode(
    tools: FFmpeg,
    source: Path,
    info: MediaInfo,
    settings: EncodeSettings,
    output: Path,
    *,
    name: str,
    threads: int = 1,
    on_time: Callable[[float], None] | None = None,
    running: Running | None = None,
) -> None:
    """Encode ``source`` to ``output`` atomically: on any failure no file is left at ``output``.

    ``on_time`` receives the seconds of media encoded so far. The result is probed: a file
    much shorter than its source means ffmpeg stopped early (a truncated or damaged source).
    """
    running = running or Running()
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=".part-", suffix=settings.suffix, dir=output.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        args = settings.ffmpeg_args(source, info, temp, threads)
        _run_ffmpeg(tools, args, name, on_time, running)
        result = probe(tools, temp, name=f"the {settings.suffix} made from {name}")
        if result.duration < info.duration - max(1.0, 0.05 * info.duration):
            raise AuthoringError(
                f"{name}: ffmpeg stopped at {result.duration:.1f} s of {info.duration:.1f} s; "
                "the file is probably truncated or damaged."
            )
        os.replace(temp, output)
    finally:
        temp.unlink(missing_ok=True)


def _run_ffmpeg(
    tools: FFmpeg,
    args: list[str],
    name: str,
    on_time: Callable[[float], None] | None,
    running: Running,
) -> None:
    command = [str(tools.ffmpeg), "-nostdin", "-hide_banner", "-loglevel", "error", "-y"]
    command += ["-progress", "pipe:1", "-nostats", *args]
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as stderr:
        try:
            process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=stderr, text=True, errors="replace"
            )
        except OSError as error:
            reason = error.strerror or error
            raise AuthoringError(f"cannot run {tools.ffmpeg}: {reason}.") from error
        running.add(process)
        try:
            assert process.stdout is not None
            for line in process.stdout:
                key, _, value = line.strip().partition("=")
                if key == "out_time_us" and on_time is not None and value.isdigit():
                    on_time(int(value) / 1_000_000)
            code = process.wait()
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()
            running.discard(process)
        if running.stopped.is_set():
            raise AuthoringError(f"{name}: encoding stopped because another file failed.")
        if code != 0:
            stderr.seek(0)
            lines = [line.strip() for line in stderr.read().splitlines() if line.strip()]
            detail = f": {lines[-1]}" if lines else "."
            how = f"was killed ({_signal_name(-code)})" if code < 0 else f"failed (exit {code})"
            raise AuthoringError(f"{name}: ffmpeg {how} while encoding{detail}")


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
