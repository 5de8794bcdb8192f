"""Overlapped copying: read ahead on one thread, write behind on another, hash on the caller's.

A verified copy does three things to every chunk: read it (from a zip on a stick: a read and a
CRC-32), hash it (SHA-256), write it. One thread doing them in turn runs at
1 / (1/read + 1/hash + 1/write); here each runs on its own thread, so the copy runs at the pace
of the slowest. This works in Python because each of them releases the GIL while it works on a
large buffer: file reads and writes, ``zlib.crc32`` (above 5 KiB) and ``hashlib`` (above 2 KiB).

Memory stays bounded: each queue holds at most ``DEPTH`` chunks of ``CHUNK`` bytes. Chunks are
``bytes`` (immutable), so the hashing thread and the writer can share one without copying.

Writing to a file on the disk (``disk_file``), the writer releases what it wrote every
``RELEASE_EVERY`` bytes (``files.release_written``): the disk starts writing while the copy
goes on instead of all at the caller's final ``fsync``, and a progress bar at 100 % is not
followed by a long flush.

Errors and cancellation: an exception on a worker thread is re-raised on the caller's thread
(at its next chunk, or when the stage is closed); leaving either context early (an error, a
size or hash mismatch, ``TransferCancelled``) stops the worker and waits for it to finish its
current chunk, so no thread outlives the copy or touches a file the caller closes next.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable, Iterator
from typing import IO

from player.core.files import release_written

#: Bytes per chunk: large enough that the GIL is released for nearly all of the work, small
#: enough that a chunk is still in the CPU's cache when the next stage touches it (measured on
#: a 201 MB install: 256 KiB ran about twice as fast as 1 MiB, and as fast as 128 or 512 KiB).
CHUNK = 256 * 1024
#: Chunks each queue holds: a few in flight smooth out the stages' jitter.
DEPTH = 4
#: Bytes written between two releases of the written pages (``disk_file`` only).
RELEASE_EVERY = 8 * 1024 * 1024

_END = object()


class _Failed:
    """What a worker puts in its queue when it fails: the caller re-raises ``error``."""

    __slots__ = ("error",)

    def __init__(self, error: BaseException) -> None:
        self.error = error


def _put(q: queue.Queue[object], item: object, stop: threading.Event) -> bool:
    """Put ``item`` unless the consumer has gone; False when asked to stop."""
    while not stop.is_set():
        try:
            q.put(item, timeout=0.05)
            return True
        except queue.Full:
            continue
    return False


@contextlib.contextmanager
def read_ahead(
    read: Callable[[int], bytes], limit: int, chunk: int = CHUNK
) -> Iterator[Iterator[bytes]]:
    """Chunks of ``read(n)``, read by a background thread, at most ``limit`` bytes in all.

    ``limit`` bounds what is read whatever the source says: a caller verifying a file of
    declared size S passes S + 1, and sees the extra byte if the source holds more.
    """
    chunks: queue.Queue[object] = queue.Queue(maxsize=DEPTH)
    stop = threading.Event()

    def work() -> None:
        left = limit
        try:
            while left > 0 and not stop.is_set():
                data = read(min(chunk, left))
                if not data:
                    break
                left -= len(data)
                if not _put(chunks, data, stop):
                    return
            _put(chunks, _END, stop)
        except BaseException as error:  # re-raised on the caller's thread
            _put(chunks, _Failed(error), stop)

    thread = threading.Thread(target=work, name="read-ahead", daemon=True)

    def iterate() -> Iterator[bytes]:
        while True:
            item = chunks.get()
            if item is _END:
                return
            if isinstance(item, _Failed):
                raise item.error
            assert isinstance(item, bytes)
            yield item

    thread.start()
    try:
        yield iterate()
    finally:
        stop.set()
        thread.join()


class WriteBehind:
    """Writes chunks to ``out`` on a background thread; ``close`` waits and raises its error."""

    def __init__(
        self, out: IO[bytes] | Callable[[bytes], object], disk_file: IO[bytes] | None = None
    ) -> None:
        self._write = out if callable(out) else out.write
        self._disk_file = disk_file
        self._chunks: queue.Queue[object] = queue.Queue(maxsize=DEPTH)
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._work, name="write-behind", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        unreleased = 0
        while True:
            item = self._chunks.get()
            if item is _END or self._stop.is_set():
                return
            try:
                self._write(item)  # type: ignore[arg-type]
                unreleased += len(item)  # type: ignore[arg-type]
                if self._disk_file is not None and unreleased >= RELEASE_EVERY:
                    self._disk_file.flush()
                    release_written(self._disk_file.fileno())
                    unreleased = 0
            except BaseException as error:  # re-raised on the caller's thread
                self._error = error
                self._stop.set()
                return

    def write(self, data: bytes) -> None:
        """Queue ``data``; raises at once if an earlier write failed."""
        if self._error is not None:
            raise self._error
        if not _put(self._chunks, data, self._stop) and self._error is not None:
            raise self._error

    def close(self) -> None:
        """Wait until every queued chunk is written; raise the writer's error if any."""
        if not self._closed:
            self._closed = True
            _put(self._chunks, _END, self._stop)
            self._thread.join()
        if self._error is not None:
            raise self._error

    def abandon(self) -> None:
        """Drop what is queued and wait for the writer to finish its current chunk."""
        self._closed = True
        self._stop.set()
        while True:
            try:
                self._chunks.get_nowait()
            except queue.Empty:
                break
        with contextlib.suppress(queue.Full):  # emptied just above; one producer
            self._chunks.put_nowait(_END)
        self._thread.join()


@contextlib.contextmanager
def write_behind(
    out: IO[bytes] | Callable[[bytes], object], disk_file: IO[bytes] | None = None
) -> Iterator[WriteBehind]:
    """A ``WriteBehind`` that is flushed on success and abandoned on any error.

    ``disk_file`` is the file on the disk that ``out`` writes to (``out`` itself for a plain
    file, the archive for a zip member); its written pages are released as the copy goes.
    """
    writer = WriteBehind(out, disk_file)
    try:
        yield writer
    except BaseException:
        writer.abandon()
        raise
    writer.close()


__all__ = ["CHUNK", "DEPTH", "RELEASE_EVERY", "WriteBehind", "read_ahead", "write_behind"]
