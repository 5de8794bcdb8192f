"""Where a package is read from: a folder, a ``.zip`` file, or an http(s) URL.

``open_source`` picks the reader for a location. ``install`` and ``verify`` read packages
through a ``PackageSource``, and so may anything below ``install`` (the trust checks read a
package to learn its signing key) without an import cycle.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from player.core.errors import QT_TRANSLATE_NOOP, InstallError
from player.core.package.manifest import MANIFEST_NAME, FileEntry
from player.core.paths import DataDir
from player.core.progress import CancelToken, ProgressMeter


class PackageSource(Protocol):
    location: str

    def read_manifest_bytes(self) -> bytes: ...

    def read_signature(self) -> bytes | None: ...

    def fetch(
        self,
        entry: FileEntry,
        dest: Path | None,
        meter: ProgressMeter | None = None,
        cancel: CancelToken | None = None,
    ) -> None: ...

    def close(self) -> None: ...


def open_source(location: str, data: DataDir | None = None, **options: Any) -> PackageSource:
    """A folder, a ``.zip`` file, or an http(s) URL (folder ``course.json`` or ``.zip``)."""
    from player.core.package.reader import FolderSource, ZipSource

    if location.startswith(("http://", "https://")):
        from player.core.delivery.http import open_http_source

        return open_http_source(location, data, **options)
    path = Path(location).expanduser()
    if path.is_dir():
        return FolderSource(path)
    if path.name == MANIFEST_NAME and path.is_file():
        return FolderSource(path.parent)
    if not path.exists():
        raise InstallError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{path} does not exist."), path=location
        )
    return ZipSource(path)
