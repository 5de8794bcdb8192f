"""The hub's shelf of app updates: ``GET /app/updates`` lists them, laptops fetch one resumably.

Update archives (``packaging/app_update.py delta``) live in ``<data>/app-updates/``, put there by
``course-player hub --add-update FILE`` (which checks the update whole first) or copied by hand.
The listing names only archives whose signed list verifies with a release key this hub trusts
(the laptop checks again, with its own keys, every byte). Each entry gives the archive's size
and SHA-256, which the laptop's resumable download checks; both are computed once per file
version (name, size, modification time).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import threading
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from player.core.appupdate.archive import CHUNK, CheckedStream, UpdateSource
from player.core.appupdate.release import FileSpec
from player.core.errors import AppUpdateError, PlayerError
from player.core.files import atomic_write
from player.core.paths import DataDir

UPDATES_FOLDER = "app-updates"
SUFFIX = ".tar.xz"
#: A name a laptop may safely use for its own copy.
NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,200}\.tar\.xz")


@dataclass(frozen=True)
class UpdateOffer:
    name: str
    version: str
    from_version: str | None
    size: int
    sha256: str
    key: str

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "from_version": self.from_version,
            "bytes": self.size,
            "sha256": self.sha256,
            "key": self.key,
            "url": f"/app/updates/{quote(self.name)}",
        }


def updates_folder(data: DataDir) -> Path:
    return data.root / UPDATES_FOLDER


class UpdateShelf:
    """The verified update archives in ``folder`` (thread-safe; cached per file version)."""

    def __init__(self, folder: Path, keys: Collection[str]) -> None:
        self.folder = folder
        self.keys = keys
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[tuple[int, int], UpdateOffer | None]] = {}

    def offers(self) -> list[UpdateOffer]:
        with self._lock:
            found: list[UpdateOffer] = []
            try:
                paths = sorted(self.folder.glob("*" + SUFFIX))
            except OSError:
                return []
            for path in paths:
                offer = self._offer(path)
                if offer is not None:
                    found.append(offer)
            return found

    def path_of(self, name: str) -> Path | None:
        if not NAME_PATTERN.fullmatch(name):
            return None
        return next((self.folder / o.name for o in self.offers() if o.name == name), None)

    def _offer(self, path: Path) -> UpdateOffer | None:
        if not NAME_PATTERN.fullmatch(path.name) or path.is_symlink():
            return None
        try:
            info = path.stat()
        except OSError:
            return None
        stamp = (info.st_size, info.st_mtime_ns)
        cached = self._cache.get(path.name)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        offer: UpdateOffer | None
        try:
            offer = describe(path, self.keys)
        except PlayerError:
            offer = None  # unsigned, untrusted or damaged: never offered
        self._cache[path.name] = (stamp, offer)
        return offer


def describe(path: Path, keys: Collection[str]) -> UpdateOffer:
    """The listing entry of one archive, once its signed list verifies."""
    with UpdateSource(path, keys) as update:
        info = update.info
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return UpdateOffer(
        path.name,
        info.version,
        info.from_version,
        path.stat().st_size,
        digest.hexdigest(),
        info.release.key,
    )


def add_update(data: DataDir, archive: Path, keys: Collection[str]) -> UpdateOffer:
    """Check ``archive`` whole (signature and every byte it carries), then put it on the shelf."""
    if not NAME_PATTERN.fullmatch(archive.name):
        raise AppUpdateError(
            f"{archive.name} is not the name of an update archive (letters, digits, '.-_+',"
            f" ending in {SUFFIX})."
        )

    def read(_path: str, _spec: FileSpec, stream: CheckedStream) -> None:
        while stream.read(CHUNK):
            pass

    with UpdateSource(archive, keys) as update:
        update.read_carried(read)
    folder = updates_folder(data)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / archive.name
    with open(archive, "rb") as source, atomic_write(target, "wb") as out:
        shutil.copyfileobj(source, out, CHUNK)
    return describe(target, keys)
