"""The services every operation needs: the data folder, the database and installed manifests.

Built once per process (the CLI per command, the desktop app at start-up) and passed in.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from player.core.errors import InstallError
from player.core.objects import ObjectStore
from player.core.paths import DataDir, default_data_dir
from player.core.store.database import open_database

if TYPE_CHECKING:
    from player.core.package.manifest import Manifest


@dataclass
class Context:
    data: DataDir
    db: Database
    fresh: bool = False
    _manifests: dict[tuple[str, str], Manifest] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def objects(self) -> ObjectStore:
        return ObjectStore(self.data.objects)

    def course_row(self, course_id: str) -> dict | None:
        return next(self.db.query("SELECT * FROM courses WHERE id = ?", [course_id]), None)

    def manifest_folder(self, course_id: str, manifest_sha256: str) -> Path:
        return self.data.courses / course_id / manifest_sha256[:16]

    def manifest(self, course_id: str) -> Manifest:
        """The manifest of the installed version of a course (cached by its hash)."""
        row = self.course_row(course_id)
        if row is None:
            raise InstallError(f"No course {course_id!r} is installed.")
        key = (course_id, row["manifest_sha256"])
        with self._lock:
            cached = self._manifests.get(key)
        if cached is not None:
            return cached
        # Imported here: the desktop app opens its window before it reads any manifest.
        from player.core.package.manifest import MANIFEST_NAME, parse_manifest

        folder = self.manifest_folder(course_id, row["manifest_sha256"])
        manifest = parse_manifest((folder / MANIFEST_NAME).read_bytes(), origin=course_id)
        with self._lock:
            self._manifests[key] = manifest
        return manifest

    def member_path(self, course_id: str, member: str) -> Path | None:
        """Where an installed package member lives on disk, or None when it was not installed."""
        row = next(
            self.db.query(
                "SELECT path, sha256, size FROM course_files WHERE course_id = ? AND path = ?",
                [course_id, member],
            ),
            None,
        )
        if row is None:
            return None
        from player.core.package.manifest import FileEntry

        entry = FileEntry(row["path"], row["size"], row["sha256"])
        path = self.objects.path_for(entry)
        return path if path.exists() else None

    def installed_members(self, course_id: str) -> set[str]:
        return {
            row["path"]
            for row in self.db.query(
                "SELECT path FROM course_files WHERE course_id = ?", [course_id]
            )
        }

    def close(self) -> None:
        self.db.close()


def open_context(data: DataDir | None = None) -> Context:
    """Open the data folder and its database (created and upgraded as needed).

    ``fresh`` says no course was ever installed here (``course_history`` is empty): the app
    and the CLI install the bundled demo course then (``player.core.demo``), so a first start
    that exited early still gets the demo next time, and a removed demo stays removed.
    """
    data = (data or default_data_dir()).ensure()
    db = open_database(data.database)
    fresh = db.execute("SELECT count(*) FROM course_history").fetchone()[0] == 0
    return Context(data=data, db=db, fresh=fresh)
