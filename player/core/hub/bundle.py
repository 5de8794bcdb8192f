"""The portable app, zipped once for browsers: a laptop without the app gets it from ``/``.

The zip is built on first request into the data folder's staging (atomically) and rebuilt when
the bundle's executable changes. The portable data folder (learners' progress) is never put in.
"""

from __future__ import annotations

import sys
import threading
import zipfile
from pathlib import Path

from player.core.files import atomic_write
from player.core.paths import PORTABLE_DATA_FOLDER


class BundleZip:
    def __init__(self, folder: Path, work: Path) -> None:
        self.folder = folder
        self.work = work
        self._lock = threading.Lock()

    @property
    def download_name(self) -> str:
        platform = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
        return f"{self.folder.name}-{platform}.zip"

    def _stamp(self) -> str:
        newest = max((p.stat().st_mtime_ns for p in self.folder.iterdir()), default=0)
        return f"{newest:x}"

    def ready(self) -> Path:
        """The zip, built now if it is missing or older than the bundle."""
        with self._lock:
            target = self.work / self.download_name
            stamp_file = target.with_suffix(".stamp")
            stamp = self._stamp()
            try:
                if target.is_file() and stamp_file.read_text() == stamp:
                    return target
            except OSError:
                pass
            self.work.mkdir(parents=True, exist_ok=True)
            with atomic_write(target, "wb") as stream, zipfile.ZipFile(stream, "w") as archive:
                for path in sorted(self.folder.rglob("*")):
                    relative = path.relative_to(self.folder)
                    if relative.parts[0] == PORTABLE_DATA_FOLDER or not path.is_file():
                        continue
                    # ``write`` keeps each file's mode: the executable stays executable.
                    archive.write(
                        path,
                        Path(self.folder.name, relative).as_posix(),
                        compress_type=zipfile.ZIP_DEFLATED,
                    )
            stamp_file.write_text(stamp)
            return target
