"""Local package sources: a folder or a ``.zip`` holding ``course.json`` and its members.

Both check every member name before reading it (no absolute paths, no ``..``, no symlinks, no
members the manifest does not list) and stream members through ``copy_verified``, which stops
reading as soon as a member exceeds its declared size (zip bombs) and checks the SHA-256.

Reads from a zip are bounded whatever its headers say (docs/security.md, "Bounded reads"):
- its end record is read before ``zipfile`` builds one object per entry, and a zip declaring
  more than ``MAX_ZIP_ENTRIES`` entries (or a larger central directory) is refused;
- only stored and deflated members are read, what ``pack`` writes: ``zipfile`` inflates with an
  output limit (the size asked for), but bzip2 and LZMA members would be decompressed one whole
  input chunk at a time (4 KB of bzip2 can hold gigabytes);
- every read asks for at most the declared size + 1 bytes, in chunks; ``zipfile`` stops at the
  size its headers declare and checks the CRC there, so a member longer than declared fails.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import struct
import zipfile
import zlib
from pathlib import Path
from typing import IO

from player.core.errors import QT_TRANSLATE_NOOP, DiskFullError, IntegrityError, PackageError
from player.core.package.manifest import (
    MANIFEST_NAME,
    MAX_FILES,
    MAX_MANIFEST_BYTES,
    RESERVED_NAMES,
    SIGNATURE_NAME,
    FileEntry,
    path_problem,
)
from player.core.pipeline import read_ahead, write_behind
from player.core.progress import CancelToken, ProgressMeter

CHUNK = 256 * 1024
MAX_SIGNATURE_BYTES = 4096
#: Entries a package zip may hold: every file a manifest may list, the manifest and its
#: signature, and the folder entries zip tools add.
MAX_ZIP_ENTRIES = 2 * MAX_FILES
#: Bytes of central directory per allowed entry (46 bytes of header, the name, extra fields):
#: a directory of tiny entries under this bound still parses in well under 300 MB.
_MAX_CENTRAL_BYTES_PER_ENTRY = 256


def copy_verified(
    stream: IO[bytes],
    entry: FileEntry,
    dest: Path | None,
    meter: ProgressMeter | None = None,
    cancel: CancelToken | None = None,
) -> None:
    """Copy ``stream`` to ``dest``, hashing while copying; refuse a size or hash mismatch.

    Reads at most ``entry.size + 1`` bytes. Reading, hashing and writing overlap
    (``player/core/pipeline.py``): a thread reads ahead, this one hashes, another writes behind.
    ``dest`` is fsynced before returning so that a verified file survives a power cut; on any
    failure it is removed. With ``dest=None`` the bytes are only checked (``verify``).
    """
    digest = hashlib.sha256()
    written = 0
    try:
        with contextlib.ExitStack() as stack:
            out = stack.enter_context(open(dest, "wb")) if dest is not None else None
            writer = stack.enter_context(write_behind(out, out)) if out is not None else None
            chunks = stack.enter_context(read_ahead(stream.read, entry.size + 1))
            for chunk in chunks:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                written += len(chunk)
                if written > entry.size:
                    raise IntegrityError.of(
                        QT_TRANSLATE_NOOP(
                            "CoreErrors",
                            "{path} is larger than the {size} bytes its manifest declares.",
                        ),
                        path=entry.path,
                        size=entry.size,
                    )
                if writer is not None:
                    writer.write(chunk)
                digest.update(chunk)
                if meter is not None:
                    meter.add(len(chunk), label=entry.path)
            if writer is not None and out is not None:
                writer.close()  # every chunk written, or the writer's error raised here
                out.flush()
                os.fsync(out.fileno())
        if written != entry.size:
            raise IntegrityError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors", "{path} has {actual} bytes but its manifest declares {size}."
                ),
                path=entry.path,
                actual=written,
                size=entry.size,
            )
        if digest.hexdigest() != entry.sha256:
            raise IntegrityError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors", "{path} does not match its SHA-256 in the manifest."
                ),
                path=entry.path,
            )
    except OSError as error:
        if dest is not None:
            dest.unlink(missing_ok=True)
        if error.errno == 28:  # ENOSPC
            raise DiskFullError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "The disk is full while writing {path}."),
                path=entry.path,
            ) from error
        raise
    except BaseException:
        if dest is not None:
            dest.unlink(missing_ok=True)
        raise


class _LocalSource:
    """What both local sources share: the manifest and signature, read with a size limit."""

    def _read_small(self, name: str, limit: int) -> bytes | None:
        raise NotImplementedError

    def read_manifest_bytes(self) -> bytes:
        data = self._read_small(MANIFEST_NAME, MAX_MANIFEST_BYTES)
        if data is None:
            raise PackageError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "This package has no {name}."), name=MANIFEST_NAME
            )
        return data

    def read_signature(self) -> bytes | None:
        return self._read_small(SIGNATURE_NAME, MAX_SIGNATURE_BYTES)


class FolderSource(_LocalSource):
    """A package laid out as a folder (as written by ``pack --out DIR``)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.location = str(root.resolve())
        if not (root / MANIFEST_NAME).is_file():
            raise PackageError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors", "{package} is not a course package: it has no {name}."
                ),
                package=str(root),
                name=MANIFEST_NAME,
            )

    def _member(self, path: str) -> Path:
        problem = path_problem(path)
        if problem:
            raise PackageError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "Unsafe member path {path!r}: {problem}."),
                path=path,
                problem=problem,
            )
        current = self.root
        for part in path.split("/"):
            current = current / part
            try:
                mode = current.lstat().st_mode
            except FileNotFoundError:
                raise PackageError.of(
                    QT_TRANSLATE_NOOP(
                        "CoreErrors", "{path} is listed in the manifest but missing."
                    ),
                    path=path,
                ) from None
            if stat.S_ISLNK(mode):
                raise PackageError.of(
                    QT_TRANSLATE_NOOP(
                        "CoreErrors", "{path} is a symbolic link; packages may not hold links."
                    ),
                    path=path,
                )
        if not stat.S_ISREG(current.lstat().st_mode):
            raise PackageError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "{path} is not a regular file."), path=path
            )
        return current

    def _read_small(self, name: str, limit: int) -> bytes | None:
        target = self.root / name
        if not target.exists() and not target.is_symlink():
            return None
        if target.is_symlink() or not target.is_file():
            raise PackageError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "{member} in {package} is not a regular file."),
                member=name,
                package=str(self.root),
            )
        with open(target, "rb") as handle:
            data = handle.read(limit + 1)
        return _within_limit(data, name, limit)

    def extra_members(self, listed: set[str]) -> list[str]:
        """Files present in the folder but not listed in the manifest."""
        extra = []
        for dirpath, _dirnames, filenames in os.walk(self.root):
            for name in filenames:
                rel = Path(dirpath, name).relative_to(self.root).as_posix()
                if any(part.startswith(".") for part in rel.split("/")):
                    continue  # .DS_Store, ._files and the like that sticks collect
                if rel not in listed and rel not in RESERVED_NAMES:
                    extra.append(rel)
        return sorted(extra)

    def fetch(
        self,
        entry: FileEntry,
        dest: Path | None,
        meter: ProgressMeter | None = None,
        cancel: CancelToken | None = None,
    ) -> None:
        with open(self._member(entry.path), "rb") as stream:
            copy_verified(stream, entry, dest, meter, cancel)

    def close(self) -> None:
        pass


#: The methods ``pack`` writes, the only ones read (bzip2 and LZMA have no output limit in
#: ``zipfile``); an encrypted member or another method would only fail later, in the middle of
#: an install, with an error that is not a ``PackageError``.
_READABLE_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

_END_RECORD = struct.Struct("<4s4H2LH")  # end of central directory, 22 bytes
_ZIP64_LOCATOR = struct.Struct("<4sLQL")  # 20 bytes, just before the end record
_ZIP64_END_RECORD = struct.Struct("<4sQ2H2L4Q")  # 56 bytes
#: A member's local header, 30 bytes: signature, versions, flags, method, time, date, CRC,
#: sizes, then the lengths of the name (field 9) and of the extra field (10) that follow it.
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")


def central_directory_size(path: Path) -> tuple[int, int] | None:
    """(entries, bytes) of a zip's central directory, as its end record declares them.

    Read from the last 64 KiB of the file (the ZIP64 record when there is one), before
    ``zipfile`` parses the directory into one object per entry. None when no end record is
    found: ``zipfile`` then says the file is not a zip.
    """
    with open(path, "rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        tail_size = min(size, _END_RECORD.size + 0xFFFF)
        handle.seek(size - tail_size)
        tail = handle.read(tail_size)
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < _END_RECORD.size:
            return None
        fields = _END_RECORD.unpack_from(tail, at)
        entries, directory = fields[4], fields[5]
        if at >= _ZIP64_LOCATOR.size:
            locator = _ZIP64_LOCATOR.unpack_from(tail, at - _ZIP64_LOCATOR.size)
            if locator[0] == b"PK\x06\x07":
                handle.seek(locator[2])
                record = handle.read(_ZIP64_END_RECORD.size)
                if len(record) == _ZIP64_END_RECORD.size and record.startswith(b"PK\x06\x06"):
                    fields = _ZIP64_END_RECORD.unpack(record)
                    entries, directory = fields[7], fields[8]
    return entries, directory


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


class ZipSource(_LocalSource):
    """A package as one ``.zip`` (for USB sticks). Member names are checked at open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.location = str(path.resolve())
        try:
            _check_entry_count(path, central_directory_size(path))
            self._zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise PackageError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "{path} does not exist."), path=str(path)
            ) from None
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise PackageError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors",
                    "{path} is not a readable zip file (truncated or damaged: {cause}).",
                ),
                path=str(path),
                cause=error,
            ) from error
        try:
            self._members = self._index(path)
        except BaseException:
            self._zip.close()  # a refused zip on a stick leaves no open handle behind
            raise

    def _index(self, path: Path) -> dict[str, zipfile.ZipInfo]:
        """Every member by name, each checked (safe name, no link, readable method, once)."""
        members: dict[str, zipfile.ZipInfo] = {}
        infos = self._zip.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:  # a directory holding more entries than it declares
            _check_entry_count(path, (len(infos), 0))
        for info in infos:
            name = info.filename
            if info.is_dir():
                if name.startswith("/") or ".." in name.split("/"):
                    raise PackageError.of(
                        QT_TRANSLATE_NOOP("CoreErrors", "Unsafe folder {member!r} in {package}."),
                        member=name,
                        package=path.name,
                    )
                continue
            problem = path_problem(name) if name not in RESERVED_NAMES else None
            if problem:
                raise PackageError.of(
                    QT_TRANSLATE_NOOP(
                        "CoreErrors", "Unsafe member {member!r} in {package}: {problem}."
                    ),
                    member=name,
                    package=path.name,
                    problem=problem,
                )
            if _is_symlink(info):
                raise PackageError.of(
                    QT_TRANSLATE_NOOP(
                        "CoreErrors", "{member} in {package} is a symbolic link; refused."
                    ),
                    member=name,
                    package=path.name,
                )
            if info.flag_bits & 0x1 or info.compress_type not in _READABLE_METHODS:
                raise PackageError.of(
                    QT_TRANSLATE_NOOP(
                        "CoreErrors",
                        "{member} in {package} is encrypted or uses an unsupported compression "
                        "method; refused.",
                    ),
                    member=name,
                    package=path.name,
                )
            if name in members:
                raise PackageError.of(
                    QT_TRANSLATE_NOOP("CoreErrors", "{member} appears twice in {package}."),
                    member=name,
                    package=path.name,
                )
            members[name] = info
        if MANIFEST_NAME not in members:
            raise PackageError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors", "{package} is not a course package: it has no {name}."
                ),
                package=path.name,
                name=MANIFEST_NAME,
            )
        return members

    def _read_small(self, name: str, limit: int) -> bytes | None:
        info = self._members.get(name)
        if info is None:
            return None
        if info.file_size > limit:
            raise PackageError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors", "{member} is larger than the {limit} bytes allowed."
                ),
                member=name,
                limit=limit,
            )
        try:
            with self._zip.open(info) as stream:
                data = stream.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile, zlib.error) as error:
            raise PackageError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "{member} cannot be read from {package}: {cause}"),
                member=name,
                package=self.path.name,
                cause=error,
            ) from error
        return _within_limit(data, name, limit)

    def extra_members(self, listed: set[str]) -> list[str]:
        return sorted(
            name for name in self._members if name not in listed and name not in RESERVED_NAMES
        )

    def fetch(
        self,
        entry: FileEntry,
        dest: Path | None,
        meter: ProgressMeter | None = None,
        cancel: CancelToken | None = None,
    ) -> None:
        info = self._members.get(entry.path)
        if info is None:
            raise PackageError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "{path} is listed in the manifest but missing."),
                path=entry.path,
            )
        if info.file_size != entry.size:
            raise IntegrityError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors", "{path} has {actual} bytes but its manifest declares {size}."
                ),
                path=entry.path,
                actual=info.file_size,
                size=entry.size,
            )
        try:
            if info.compress_type == zipfile.ZIP_STORED:
                with _StoredMember(self.path, info) as stream:
                    copy_verified(stream, entry, dest, meter, cancel)  # type: ignore[arg-type]
            else:
                with self._zip.open(info) as stream:
                    copy_verified(stream, entry, dest, meter, cancel)
        except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, zlib.error) as error:
            raise PackageError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "{path} cannot be read: {cause}"),
                path=entry.path,
                cause=error,
            ) from error
        except OSError as error:
            if error.errno is None:  # zlib / zipfile stream errors
                raise PackageError.of(
                    QT_TRANSLATE_NOOP("CoreErrors", "{path} cannot be read: {cause}"),
                    path=entry.path,
                    cause=error,
                ) from error
            raise

    def close(self) -> None:
        self._zip.close()


class _StoredMember:
    """The bytes of a stored (uncompressed) member, read straight from the zip file.

    Media are stored, not deflated (``pack``). ``zipfile`` would also compute each member's
    CRC-32 as it reads, a second checksum on every byte when ``copy_verified`` checks SHA-256
    anyway: reading the member's bytes directly spares that CPU (an install runs hashing on one
    core and reading and writing on others, so each saved pass shows). The local header is
    checked as ``zipfile`` checks it (signature, same name), and reads stop at the size the
    central directory declares, whatever the file holds after it.
    """

    def __init__(self, path: Path, info: zipfile.ZipInfo) -> None:
        self._file = open(path, "rb")  # noqa: SIM115 - closed by __exit__ / close
        try:
            self._file.seek(info.header_offset)
            header = self._file.read(_LOCAL_HEADER.size)
            if len(header) != _LOCAL_HEADER.size:
                raise zipfile.BadZipFile(f"{info.filename}: truncated local header")
            fields = _LOCAL_HEADER.unpack(header)
            if fields[0] != b"PK\x03\x04":
                raise zipfile.BadZipFile(f"{info.filename}: bad local header signature")
            name = self._file.read(fields[9])
            if (
                name.decode("utf-8", "replace") != info.orig_filename
                and name.decode("cp437", "replace") != info.orig_filename
            ):
                raise zipfile.BadZipFile(f"{info.filename}: local header names another file")
            self._file.seek(fields[10], os.SEEK_CUR)
        except BaseException:
            self._file.close()
            raise
        self._left = info.compress_size

    def read(self, size: int = -1) -> bytes:
        size = self._left if size < 0 else min(size, self._left)
        data = self._file.read(size) if size > 0 else b""
        self._left -= len(data)
        return data

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> _StoredMember:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _check_entry_count(path: Path, directory: tuple[int, int] | None) -> None:
    if directory is None:
        return
    entries, size = directory
    if entries > MAX_ZIP_ENTRIES or size > MAX_ZIP_ENTRIES * _MAX_CENTRAL_BYTES_PER_ENTRY:
        raise PackageError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "{package} holds more than the {limit} entries a course package may have; refused.",
            ),
            package=path.name,
            limit=MAX_ZIP_ENTRIES,
        )


def _within_limit(data: bytes, name: str, limit: int) -> bytes:
    """``data`` (read up to ``limit`` + 1 bytes), or an error when the member is larger."""
    if len(data) > limit:
        raise PackageError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{member} is larger than the {limit} bytes allowed."),
            member=name,
            limit=limit,
        )
    return data
