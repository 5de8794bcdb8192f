"""Overlapped verified copies (player/core/pipeline.py and copy_verified): the work overlaps,
memory stays bounded, errors and cancellation reach the caller, and no thread outlives a copy."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import threading
from pathlib import Path

import pytest

from player.core import pipeline as pipeline_module
from player.core.context import open_context
from player.core.errors import DiskFullError, IntegrityError, PackageError, TransferCancelled
from player.core.install import install
from player.core.package import reader
from player.core.package.manifest import FileEntry
from player.core.package.pack import pack
from player.core.package.reader import ZipSource, copy_verified
from player.core.paths import DataDir
from player.core.pipeline import CHUNK, DEPTH, read_ahead, write_behind
from player.core.progress import CancelToken
from tests.helpers.courses import write_source

WAIT = 10  # seconds: only reached when the behaviour under test is missing


def entry_for(data: bytes, path: str = "media/a.mp4") -> FileEntry:
    return FileEntry(path, len(data), hashlib.sha256(data).hexdigest())


def worker_threads() -> set[str]:
    return {t.name for t in threading.enumerate() if t.name in ("read-ahead", "write-behind")}


class CountingStream(io.BytesIO):
    """A source that counts its reads and lets a test wait for the n-th."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.reads = 0
        self.third_read = threading.Event()

    def read(self, size: int | None = -1) -> bytes:
        self.reads += 1
        if self.reads >= 3:
            self.third_read.set()
        return super().read(size)


def test_reading_runs_ahead_of_writing_and_hashing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first write waits until the source has been read three times. One thread reading,
    # hashing and writing in turn never reads again before that write returns: it would wait
    # for ever (here: WAIT seconds, then fail).
    data = bytes(range(256)) * (CHUNK // 256) * 6
    stream = CountingStream(data)
    real_open = open

    class GatedFile(io.FileIO):
        def write(self, chunk) -> int:  # type: ignore[no-untyped-def]
            if not stream.third_read.wait(WAIT):
                raise AssertionError("nothing was read while the first chunk was being written")
            return super().write(chunk)

    def gated_open(path, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if mode == "wb":
            return GatedFile(str(path), "wb")
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(reader, "open", gated_open, raising=False)
    dest = tmp_path / "a.part"
    copy_verified(stream, entry_for(data), dest)
    assert dest.read_bytes() == data
    assert worker_threads() == set()


def test_read_ahead_holds_a_few_chunks_when_the_consumer_stalls() -> None:
    reads = 0
    release = threading.Event()

    def read(size: int) -> bytes:
        nonlocal reads
        reads += 1
        return b"x" * size

    with read_ahead(read, limit=100 * CHUNK) as chunks:
        next(chunks)
        release.wait(0.5)  # the consumer stalls; the reader fills the queue and waits
        assert reads <= DEPTH + 2  # memory: the queue, the chunk in hand, the one being put
    assert worker_threads() == set()


def test_read_ahead_never_reads_past_its_limit() -> None:
    asked: list[int] = []

    def read(size: int) -> bytes:
        asked.append(size)
        return b"y" * size

    with read_ahead(read, limit=CHUNK + 5) as chunks:
        assert sum(len(c) for c in chunks) == CHUNK + 5
    assert sum(asked) == CHUNK + 5


def test_a_read_error_on_the_reading_thread_reaches_the_caller(tmp_path: Path) -> None:
    class Broken(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            raise OSError(errno.EIO, "stick removed")

    dest = tmp_path / "a.part"
    with pytest.raises(OSError, match="stick removed"):
        copy_verified(Broken(), entry_for(b"abc"), dest)  # type: ignore[arg-type]
    assert not dest.exists()
    assert worker_threads() == set()


def test_a_write_error_on_the_writing_thread_reaches_the_caller() -> None:
    def write(_chunk: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError, match="No space"), write_behind(write) as writer:
        for _ in range(3 * DEPTH):
            writer.write(b"z" * 10)
    assert worker_threads() == set()


def test_a_full_disk_while_copying_is_a_disk_full_error(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    data = b"q" * (3 * CHUNK)
    dest = tmp_path / "a.part"
    real_open = open

    class FullFile(io.FileIO):
        def write(self, _data) -> int:  # type: ignore[no-untyped-def]
            raise OSError(errno.ENOSPC, "No space left on device")

    def fake_open(path, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == dest:
            return FullFile(str(path), "wb")
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", fake_open)
    with pytest.raises(DiskFullError):
        copy_verified(io.BytesIO(data), entry_for(data), dest)
    assert not dest.exists()


def test_cancelling_stops_the_copy_and_its_threads(tmp_path: Path) -> None:
    data = b"c" * (6 * CHUNK)
    token = CancelToken()

    class CancelAfterOne(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            chunk = super().read(size)
            token.cancel()
            return chunk

    dest = tmp_path / "a.part"
    with pytest.raises(TransferCancelled):
        copy_verified(CancelAfterOne(data), entry_for(data), dest, cancel=token)
    assert not dest.exists()
    assert worker_threads() == set()


def test_a_stream_longer_than_declared_is_refused_after_one_extra_byte(tmp_path: Path) -> None:
    data = b"d" * (2 * CHUNK)
    served = 0

    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            nonlocal served
            served += size
            return b"d" * size

    with pytest.raises(IntegrityError, match="larger than"):
        copy_verified(Endless(), entry_for(data), tmp_path / "a.part")  # type: ignore[arg-type]
    assert served == len(data) + 1


def test_a_hash_mismatch_is_refused_and_nothing_is_left(tmp_path: Path) -> None:
    data = b"e" * (CHUNK + 3)
    dest = tmp_path / "a.part"
    with pytest.raises(IntegrityError, match="SHA-256"):
        copy_verified(io.BytesIO(data[:-1] + b"!"), entry_for(data), dest)
    assert not dest.exists()


def test_a_stored_member_whose_local_header_names_another_file_is_refused(
    tmp_path: Path,
) -> None:
    # Stored media are read straight from the zip (no second pass of zipfile's CRC-32): the
    # local header is still checked as zipfile checks it, and nothing is installed.
    package = pack(write_source(tmp_path / "src"), tmp_path / "course.zip").dest
    data = bytearray(package.read_bytes())
    name = b"media/intro-480.mp4"
    local = data.index(b"PK\x03\x04")  # the first local header
    while data[local + 30 : local + 30 + len(name)] != name:
        local = data.index(b"PK\x03\x04", local + 4)
    data[local + 30 + len(name) - 5] = ord("X")  # "...-48X.mp4" in the local header only
    package.write_bytes(bytes(data))

    ctx = open_context(DataDir(tmp_path / "data"))
    source = ZipSource(package)
    try:
        with pytest.raises(PackageError, match="intro-480.mp4 cannot be read"):
            install(ctx, source)
        assert ctx.db.execute("SELECT COUNT(*) FROM courses").fetchone()[0] == 0
    finally:
        source.close()
        ctx.close()


def test_a_file_on_the_disk_is_released_as_it_is_written(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The disk works during the copy, not all after it: every ``RELEASE_EVERY`` bytes the
    writer thread flushes the file and tells the system its written pages can go to the disk;
    a writer without a disk file (a buffer, a callable) releases nothing and still writes."""
    released: list[tuple[str, int, int]] = []
    real_release = pipeline_module.release_written

    def recording_release(fd: int) -> None:
        released.append((threading.current_thread().name, fd, os.fstat(fd).st_size))
        real_release(fd)

    monkeypatch.setattr(pipeline_module, "release_written", recording_release)
    monkeypatch.setattr(pipeline_module, "RELEASE_EVERY", 2 * CHUNK)
    data = bytes(range(256)) * (CHUNK // 256)
    with open(tmp_path / "copy.bin", "wb") as out:
        with write_behind(out, out) as writer:
            for _ in range(8):
                writer.write(data)
        assert [name for name, _fd, _size in released] == ["write-behind"] * 4
        assert {fd for _name, fd, _size in released} == {out.fileno()}
        # each release sees the bytes written before it: the buffer was flushed first
        assert [size for _name, _fd, size in released] == [2 * CHUNK * k for k in (1, 2, 3, 4)]
    assert (tmp_path / "copy.bin").read_bytes() == data * 8

    released.clear()
    member = io.BytesIO()
    with write_behind(member.write) as writer:
        for _ in range(4):
            writer.write(data)
    assert released == [] and member.getvalue() == data * 4
