"""Progress reporting and cancellation shared by every long operation.

Core code reports through a ``ProgressCallback``; the CLI prints a progress line, the UI binds
it to a progress bar (through a signal, since callbacks arrive on worker threads).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from player.core.errors import QT_TRANSLATE_NOOP, TransferCancelled


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int
    label: str = ""
    rate: float = 0.0  # units (bytes) per second, smoothed
    eta: float | None = None  # seconds

    @property
    def fraction(self) -> float:
        return 1.0 if self.total <= 0 else min(1.0, self.done / self.total)


ProgressCallback = Callable[[Progress], None]


def ignore_progress(_: Progress) -> None:
    """The default callback."""


class CancelToken:
    """Set from any thread; long work checks it between chunks and raises ``TransferCancelled``."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise TransferCancelled.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors", "Cancelled; what was already fetched is kept for next time."
                )
            )


class ProgressMeter:
    """Turns a stream of byte counts into ``Progress`` with a smoothed rate and an ETA."""

    def __init__(
        self,
        total: int,
        callback: ProgressCallback,
        *,
        label: str = "",
        done: int = 0,
        min_interval: float = 0.2,
    ) -> None:
        self.total = total
        self.done = done
        self.label = label
        self._callback = callback
        self._min_interval = min_interval
        self._last_emit = 0.0
        self._window: list[tuple[float, int]] = [(time.monotonic(), done)]

    def add(self, count: int, *, label: str | None = None) -> None:
        self.done += count
        if label is not None:
            self.label = label
        now = time.monotonic()
        if now - self._last_emit >= self._min_interval or self.done >= self.total:
            self._emit(now)

    def finish(self) -> None:
        self._emit(time.monotonic())

    def _emit(self, now: float) -> None:
        self._last_emit = now
        self._window.append((now, self.done))
        self._window = [(t, d) for t, d in self._window if now - t <= 10.0] or [(now, self.done)]
        first_t, first_d = self._window[0]
        elapsed = now - first_t
        rate = (self.done - first_d) / elapsed if elapsed > 0 else 0.0
        remaining = max(0, self.total - self.done)
        eta = remaining / rate if rate > 0 else None
        self._callback(Progress(self.done, self.total, self.label, rate, eta))


class ByteCount(int):
    """A size quoted in an error message: reads as ``format_bytes`` ("1.2 GB").

    The UI writes it again in its own language and units (``player/ui/errors.py``).
    """

    def __format__(self, spec: str) -> str:
        return format_bytes(self) if not spec else super().__format__(spec)

    def __str__(self) -> str:
        return format_bytes(self)


def format_bytes(count: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if abs(count) < 1000 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    return f"{count:.1f} GB"


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class ProgressLine:
    """A CLI progress line on stderr, redrawn in place on a terminal, every 10 % otherwise.

    Subclasses change what the line says by overriding ``describe``.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self._tty = self.stream.isatty()
        self._last_percent = -10
        self._last_line = ""

    def describe(self, progress: Progress) -> str:
        return (
            f"{format_bytes(progress.done)} / {format_bytes(progress.total)}"
            f"  {format_bytes(progress.rate)}/s  ETA {format_duration(progress.eta)}"
            f"  {progress.label}"
        )

    def __call__(self, progress: Progress) -> None:
        percent = int(progress.fraction * 100)
        if not self._tty and percent < self._last_percent + 10 and percent < 100:
            return
        self._last_percent = percent
        line = f"{percent:3d}%  {self.describe(progress)}"
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
