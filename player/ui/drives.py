"""Removable drives as the app sees them: ``QStorageInfo`` volumes plus the core's guesses.

``QStorageInfo`` is reentrant, so this runs on the task runner's transfer lane like the package
scan that follows it. Only volumes where sticks are mounted are kept (``/media``, ``/run/media``,
``/mnt``, ``/Volumes``, drive letters other than the system's): never the system root, and never a
fixed disk such as ``/home`` whose zips are not on a stick.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QDir, QStorageInfo

from player.core.usb_courses import candidate_mount_points

REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")


def _system_drive() -> str:
    return os.environ.get("SYSTEMDRIVE", "C:").rstrip("\\").upper()


def storage_volumes() -> list[Path]:
    """Mounted, ready volumes that look removable (``QStorageInfo``)."""
    found: list[Path] = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isRoot():
            continue
        root = volume.rootPath()
        if sys.platform == "win32":
            if QDir.toNativeSeparators(root).upper().startswith(_system_drive()):
                continue
        elif not root.startswith(REMOVABLE_ROOTS) or root.startswith("/Volumes/Macintosh"):
            continue
        found.append(Path(root))
    return found


def removable_volumes() -> list[Path]:
    """``storage_volumes()`` and ``candidate_mount_points()``, each once, never the root."""
    seen: set[str] = set()
    merged: list[Path] = []
    for path in [*storage_volumes(), *candidate_mount_points()]:
        try:
            resolved = path.resolve()
            if sys.platform != "win32" and resolved == Path("/"):
                continue  # the system root
        except OSError:
            continue
        if str(resolved) in seen:
            continue
        seen.add(str(resolved))
        merged.append(path)
    return merged
