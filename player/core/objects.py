"""Content-addressed media storage: ``objects/ab/<sha256><ext>``.

An update reuses every file whose hash is already held, and two courses share identical files.
Objects are immutable: they are written to staging, fsynced, then renamed into place, so a file
found here is always complete and verified.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from player.core.files import fsync_dir

if TYPE_CHECKING:
    from player.core.package.manifest import FileEntry

_EXT_RE = re.compile(r"^\.[a-z0-9]{1,10}$")


class ObjectStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, entry: FileEntry) -> Path:
        return self.path_of(entry.path, entry.sha256)

    def path_of(self, member: str, sha256: str) -> Path:
        """Where a package member with this hash is kept (no manifest needed)."""
        suffix = Path(member).suffix.lower()
        if not _EXT_RE.match(suffix):
            suffix = ""
        return self.root / sha256[:2] / f"{sha256}{suffix}"

    def has(self, entry: FileEntry) -> bool:
        path = self.path_for(entry)
        try:
            return path.stat().st_size == entry.size
        except FileNotFoundError:
            return False

    def add(self, verified_file: Path, entry: FileEntry) -> Path:
        """Move an already verified file into place (atomic rename within the data folder)."""
        target = self.path_for(entry)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(verified_file, target)
        fsync_dir(target.parent)
        return target

    def all_paths(self) -> list[Path]:
        if not self.root.exists():
            return []
        return [p for p in self.root.glob("*/*") if p.is_file()]

    def collect_garbage(self, referenced: set[Path]) -> int:
        """Remove objects no installed course refers to; returns bytes freed."""
        freed = 0
        for path in self.all_paths():
            if path not in referenced:
                freed += path.stat().st_size
                path.unlink(missing_ok=True)
        return freed
