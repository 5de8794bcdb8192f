"""Writing a file so that a power cut or a pulled USB stick leaves the old one or the new one.

``atomic_write`` writes beside the target under a hidden temporary name, flushes it to disk,
renames it over the target and flushes the folder entry; on any failure the temporary file is
removed and the target is untouched. ``fsync_dir`` makes a rename itself durable.
``release_written`` tells the system a large file's written bytes will not be read back soon.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Literal


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename into it) to disk; a no-op where folders cannot be."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def release_written(fd: int) -> None:
    """Tell the system the bytes written so far to ``fd`` will not be read back soon.

    ``posix_fadvise(POSIX_FADV_DONTNEED)``: the kernel drops those pages from its cache once
    they are on the disk. On Linux that also starts writing them at once instead of when the
    cache fills, so a long copy keeps the disk busy while it runs, the final ``fsync`` has
    little left to wait for, and a course copied in does not push the learner's other files
    out of the cache. Where the call does not exist (Windows, macOS) nothing happens.
    """
    if hasattr(os, "posix_fadvise"):
        with contextlib.suppress(OSError):
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


@contextmanager
def atomic_write(
    path: Path,
    mode: Literal["w", "wb"] = "wb",
    *,
    encoding: str | None = None,
    newline: str | None = None,
    file_mode: int = 0o666,
) -> Iterator[IO[Any]]:
    """A file object for ``path``'s new content; ``path`` is replaced only if the block succeeds.

    ``mode`` ``"w"`` writes text (UTF-8 unless ``encoding`` says otherwise); ``file_mode`` is
    the new file's permissions before the umask (0o600 for a private file).
    """
    if mode == "w" and encoding is None:
        encoding = "utf-8"
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, file_mode)
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
