"""Reading an app update, a ``.tar.xz`` or the folder it unpacks to, within bounds.

The archive ``packaging/app_update.py delta`` writes holds one folder::

    course-player-update-0.1.0-to-0.2.0/
        files.json, files.json.sig   the new release's signed list (``release``), first
        update.json                  which release it updates, what it carries (hints only)
        files/<path>                 each file that changed, as the list names it
        apply-update.sh, SHA256SUMS, CARRIED, ...   for laptops without the app

It is read in one pass, as a stream: the signed list first (an unsigned or untrusted update is
refused before another byte is decompressed), then each carried file, whose size the signed
list bounds and whose SHA-256 is checked as it is read. Anything else is refused: more than
``MAX_MEMBERS`` members, a member that is not a regular file or folder (links, devices), a name
outside the one top folder, a carried file the list does not name, a helper file above
``MAX_SMALL_BYTES``. ``update.json`` is not signed: nothing it says is trusted beyond choosing an
update and wording messages.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tarfile
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from player.core.appupdate.release import (
    LIST_NAME,
    MAX_FILES,
    MAX_LIST_BYTES,
    SIGNATURE_NAME,
    FileSpec,
    ReleaseList,
    check_path,
    verify_release_list,
)
from player.core.errors import AppUpdateError
from player.core.trust import SIGNATURE_BYTES

#: Called with each carried file to read: (its path, its spec, its bytes as a stream).
Consumer = Callable[[str, FileSpec, "CheckedStream"], None]

INFO_NAME = "update.json"
CARRIED_FOLDER = "files"
MAX_MEMBERS = MAX_FILES + 100
MAX_SMALL_BYTES = 4 * 1024 * 1024
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class UpdateInfo:
    """What an update is: the verified new release and the (unsigned) hints beside it."""

    release: ReleaseList
    from_version: str | None
    #: Paths of the release it updates that the new one dropped (hint, see ``apply``).
    removed: tuple[str, ...] = ()
    carried: tuple[str, ...] = ()

    @property
    def version(self) -> str:
        return self.release.version

    @property
    def carried_bytes(self) -> int:
        files = self.release.files
        return sum(files[p].size for p in self.carried if p in files)


def is_update_folder(path: Path) -> bool:
    return path.is_dir() and (path / LIST_NAME).is_file()


class UpdateSource:
    """An update opened for one pass: ``info`` is read and verified on opening; then
    ``read_carried`` hands each carried file to a consumer, checked."""

    def __init__(self, path: Path, keys: Collection[str]) -> None:
        self.path = path
        self.keys = keys
        self._tar: tarfile.TarFile | None = None
        self._top = ""
        self._members = 0
        self._pending: tarfile.TarInfo | None = None
        #: The one pass over the archive's members, shared by the header and the files.
        self._checked: Iterator[tuple[tarfile.TarInfo, str]] = iter(())
        if path.is_dir():
            self.info = self._open_folder()
        elif path.is_file():
            self.info = self._open_tar()
        else:
            raise AppUpdateError(f"{path} is neither an update archive nor an update folder.")

    def __enter__(self) -> UpdateSource:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if self._tar is not None:
            self._tar.close()
            self._tar = None

    # -- the header ------------------------------------------------------------------------

    def _open_folder(self) -> UpdateInfo:
        if not is_update_folder(self.path):
            raise AppUpdateError(
                f"{self.path} is not an update folder (it has no {LIST_NAME}); refused."
            )
        small: dict[str, bytes] = {}
        for name, limit in (
            (LIST_NAME, MAX_LIST_BYTES),
            (SIGNATURE_NAME, SIGNATURE_BYTES),
            (INFO_NAME, MAX_SMALL_BYTES),
        ):
            data = _read_regular(self.path / name, limit)
            if data is not None:
                small[name] = data
        return self._info(small)

    def _open_tar(self) -> UpdateInfo:
        try:
            self._tar = tarfile.open(self.path, "r|*")  # noqa: SIM115 - closed by close()
        except (tarfile.TarError, OSError, EOFError) as error:
            raise AppUpdateError(f"{self.path} is not an update archive ({error}).") from None
        self._checked = self._tar_members()
        small: dict[str, bytes] = {}
        try:
            for member, relative in self._checked:
                if relative.startswith(CARRIED_FOLDER + "/"):
                    self._pending = member  # the header is complete: carried files follow
                    break
                if not member.isfile():
                    continue
                limit = MAX_LIST_BYTES if relative == LIST_NAME else MAX_SMALL_BYTES
                if member.size > limit:
                    raise AppUpdateError(
                        f"{self.path}: {relative} holds {member.size} bytes, more than the"
                        f" {limit} allowed; refused."
                    )
                if relative in (LIST_NAME, SIGNATURE_NAME, INFO_NAME):
                    stream = self._tar.extractfile(member)
                    assert stream is not None
                    small[relative] = stream.read(limit + 1)
        except (tarfile.TarError, OSError, EOFError) as error:
            self.close()
            raise AppUpdateError(f"{self.path} is damaged ({error}); refused.") from None
        except BaseException:
            self.close()
            raise
        try:
            return self._info(small)
        except BaseException:
            self.close()
            raise

    def _info(self, small: dict[str, bytes]) -> UpdateInfo:
        if LIST_NAME not in small:
            raise AppUpdateError(
                f"{self.path} holds no {LIST_NAME} before its files: not an update made by"
                " packaging/app_update.py; refused."
            )
        release = verify_release_list(
            small[LIST_NAME], small.get(SIGNATURE_NAME), self.keys, where=f"{self.path.name}"
        )
        hints = _hints(small.get(INFO_NAME))
        from_version = hints.get("from_version")
        removed = hints.get("removed")
        carried = hints.get("carried")
        return UpdateInfo(
            release,
            from_version if isinstance(from_version, str) else None,
            tuple(p for p in removed if isinstance(p, str)) if isinstance(removed, list) else (),
            tuple(p for p in carried if isinstance(p, str) and p in release.files)
            if isinstance(carried, list)
            else (),
        )

    # -- the carried files -----------------------------------------------------------------

    def read_carried(self, consume: Consumer) -> set[str]:
        """Hand each carried file to ``consume`` (which reads it), then check its SHA-256;
        the set of carried paths."""
        files = self.release.files
        seen: set[str] = set()
        for relative, size, stream in self._carried():
            path = relative[len(CARRIED_FOLDER) + 1 :]
            check_path(path, self.path.name)
            spec = files.get(path)
            if spec is None:
                raise AppUpdateError(
                    f"{self.path.name} carries {path!r}, which its signed list does not name;"
                    " refused. Nothing was changed."
                )
            if path in seen:
                raise AppUpdateError(f"{self.path.name} carries {path!r} twice; refused.")
            seen.add(path)
            if size != spec.size:
                raise _mismatch(self.path.name, path)
            hashing = CheckedStream(stream, spec.size)
            consume(path, spec, hashing)
            hashing.drain()
            if hashing.hexdigest() != spec.sha256:
                raise _mismatch(self.path.name, path)
        return seen

    @property
    def release(self) -> ReleaseList:
        return self.info.release

    def _carried(self) -> Iterator[tuple[str, int, IO[bytes]]]:
        if self._tar is None:
            yield from self._folder_carried()
            return
        tar = self._tar
        try:
            members = self._checked
            if self._pending is not None:
                first, self._pending = self._pending, None
                members = _chain(first, self._relative(first), members)
            for member, relative in members:
                if not relative.startswith(CARRIED_FOLDER + "/"):
                    if member.isfile() and member.size > MAX_SMALL_BYTES:
                        raise AppUpdateError(
                            f"{self.path}: {relative} holds {member.size} bytes, more than the"
                            f" {MAX_SMALL_BYTES} allowed; refused."
                        )
                    continue
                if member.isdir():
                    continue
                stream = tar.extractfile(member)
                assert stream is not None
                yield relative, member.size, stream
        except (tarfile.TarError, EOFError) as error:
            raise AppUpdateError(f"{self.path} is damaged ({error}); refused.") from None

    def _folder_carried(self) -> Iterator[tuple[str, int, IO[bytes]]]:
        root = self.path / CARRIED_FOLDER
        if not root.is_dir():
            return
        count = 0
        for folder, dirs, names in os.walk(root):
            dirs.sort()
            for name in sorted(names + dirs):
                path = Path(folder, name)
                info = path.lstat()
                count += 1
                if count > MAX_MEMBERS:
                    raise AppUpdateError(f"{self.path} holds more than {MAX_MEMBERS} files.")
                relative = path.relative_to(self.path).as_posix()
                if stat.S_ISDIR(info.st_mode):
                    continue
                if not stat.S_ISREG(info.st_mode):
                    raise AppUpdateError(
                        f"{self.path}: {relative} is not a regular file (a link?); refused."
                    )
                with _open_regular(path) as stream:
                    yield relative, info.st_size, stream

    def _tar_members(self) -> Iterator[tuple[tarfile.TarInfo, str]]:
        assert self._tar is not None
        for member in self._tar:
            self._members += 1
            if self._members > MAX_MEMBERS:
                raise AppUpdateError(f"{self.path} holds more than {MAX_MEMBERS} members.")
            if not (member.isfile() or member.isdir()):
                raise AppUpdateError(
                    f"{self.path}: {member.name!r} is not a regular file or folder (a link or a"
                    " device); refused."
                )
            relative = self._relative(member)
            if relative:
                yield member, relative

    def _relative(self, member: tarfile.TarInfo) -> str:
        name = member.name
        parts = name.rstrip("/").split("/")
        if name.startswith("/") or any(part in ("", ".", "..") for part in parts):
            raise AppUpdateError(
                f"{self.path}: the member {name!r} lies outside the update folder; refused."
            )
        if not self._top:
            self._top = parts[0]
        if parts[0] != self._top:
            raise AppUpdateError(
                f"{self.path}: {name!r} is outside the update's one folder {self._top!r}; refused."
            )
        return "/".join(parts[1:])


def _chain(
    member: tarfile.TarInfo, relative: str, rest: Iterator[tuple[tarfile.TarInfo, str]]
) -> Iterator[tuple[tarfile.TarInfo, str]]:
    yield member, relative
    yield from rest


def _hints(data: bytes | None) -> dict[str, Any]:
    if data is None:
        return {}
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def _mismatch(where: str, path: str) -> AppUpdateError:
    return AppUpdateError(
        f"{where}: {path} does not match the signed file list (damaged or altered); refused."
        " Nothing was changed."
    )


class CheckedStream:
    """A read-only stream over ``stream`` that hashes what passes and stops at ``size``."""

    def __init__(self, stream: IO[bytes], size: int) -> None:
        self._stream = stream
        self._left = size
        self._digest = hashlib.sha256()

    def read(self, count: int = -1) -> bytes:
        if count < 0 or count > self._left:
            count = self._left
        data = self._stream.read(count) if count else b""
        self._left -= len(data)
        self._digest.update(data)
        return data

    def drain(self) -> None:
        while self.read(CHUNK):
            pass

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


def _open_regular(path: Path) -> IO[bytes]:
    """``path`` opened for reading, refusing a link put there after we looked."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    return os.fdopen(fd, "rb")


def _read_regular(path: Path, limit: int) -> bytes | None:
    """A small file of an update folder, or None when absent; a larger one is refused."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):
        raise AppUpdateError(f"{path} is not a regular file (a link?); refused.")
    if info.st_size > limit:
        raise AppUpdateError(f"{path} holds more than {limit} bytes; refused.")
    with _open_regular(path) as stream:
        return stream.read(limit + 1)
