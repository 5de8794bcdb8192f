"""Courses on USB sticks: export an installed course as a ``.zip``, find packages on drives.

``export_course`` writes the exact installed ``course.json`` (and ``course.json.sig``, so the
publisher's signature still holds) with every member read from the object store, hashing while
copying (reading, hashing and writing overlap on three threads: ``player/core/pipeline.py``).
It checks free space first, writes to a hidden temporary name, fsyncs, reads the file back from
the drive and verifies every hash, and only then renames it into place, with a ``README.txt``
(French and English) beside it. A stick removed, full or read-only during the
copy gives a one-line error; the partial file is removed; the installed course is only read.

A course installed with one video quality (``install --quality``) lacks files its manifest
lists. Such a course is **not exported**: the manifest cannot be trimmed without breaking the
publisher's signature, and a package missing files would be refused by every installer. The
error names the missing files and says to install the course in full first.

``find_packages`` reads only each zip's ``course.json`` (cheap, even on a slow stick);
``candidate_mount_points`` lists where removable drives are usually mounted. The desktop app adds
the volumes ``QStorageInfo`` reports.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import string
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from player.core.context import Context
from player.core.errors import (
    QT_TRANSLATE_NOOP,
    DiskFullError,
    IntegrityError,
    PackageError,
    PlayerError,
    TransferError,
)
from player.core.files import atomic_write, fsync_dir, release_written
from player.core.package.manifest import (
    COMPRESSIBLE_SUFFIXES,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    FileEntry,
    parse_manifest,
)
from player.core.package.reader import ZipSource
from player.core.pipeline import read_ahead, write_behind
from player.core.progress import (
    ByteCount,
    CancelToken,
    ProgressCallback,
    ProgressMeter,
    ignore_progress,
)

README_NAME = "README.txt"
_ZIP_OVERHEAD_PER_MEMBER = 200  # local + central headers, generously
_SPARE_BYTES = 1024 * 1024

README_TEXT = """\
COURS HORS LIGNE / OFFLINE COURSES
==================================

[Français]
Ce dossier contient un ou plusieurs cours au format .zip ({example}).
Pour installer un cours sur un autre ordinateur :
  1. Branchez cette clé USB sur l'ordinateur où l'application Course Player est installée.
  2. Ouvrez l'application : elle détecte la clé et propose les cours qu'elle y trouve.
     Choisissez le cours puis « Installer ».
  3. Ou, en ligne de commande :  course-player install "{example}"
Ne modifiez pas le fichier .zip : l'application vérifie chaque fichier (et la signature de
l'éditeur quand le cours est signé) et refuse une copie altérée.
Pour copier un cours installé sur une clé :  course-player export ID-DU-COURS DOSSIER-DE-LA-CLE

[English]
This folder holds one or more courses as .zip files ({example}).
To install a course on another computer:
  1. Plug this USB stick into a computer where the Course Player app is installed.
  2. Open the app: it detects the stick and offers the courses it finds there.
     Pick the course, then "Install".
  3. Or, from a command line:  course-player install "{example}"
Do not change the .zip file: the app checks every file (and the publisher's signature when the
course is signed) and refuses an altered copy.
To copy an installed course to a stick:  course-player export COURSE-ID STICK-FOLDER
"""


@dataclass(frozen=True)
class ExportResult:
    course_id: str
    version: int
    path: Path
    bytes: int
    readme: Path
    signed: bool


def export_destination(dest: Path, course_id: str, version: int) -> Path:
    """``DEST/<id>-v<version>.zip`` for a folder, ``DEST`` itself when it ends in ``.zip``."""
    dest = Path(dest).expanduser()
    if dest.is_dir():
        return dest / f"{course_id}-v{version}.zip"
    if dest.suffix.lower() == ".zip":
        if not dest.parent.is_dir():
            raise TransferError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "The folder {folder} does not exist."),
                folder=str(dest.parent),
            )
        return dest
    raise TransferError.of(
        QT_TRANSLATE_NOOP(
            "CoreErrors", "{path} is not a folder, and not a file name ending in .zip."
        ),
        path=str(dest),
    )


def _missing_members(ctx: Context, course_id: str, files: dict[str, FileEntry]) -> list[str]:
    installed = ctx.installed_members(course_id)
    return sorted(path for path in files if path not in installed)


def _write_error(error: OSError, target: Path) -> PlayerError:
    """One-line messages for what sticks do to a copy."""
    where = target.parent
    if error.errno == errno.ENOSPC or error.errno == errno.EDQUOT:
        return DiskFullError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "{folder} is full; the copy was removed. Free some space or use a bigger stick.",
            ),
            folder=str(where),
        )
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return TransferError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "{folder} is read-only (write-protected stick?); nothing was written there.",
            ),
            folder=str(where),
        )
    return TransferError.of(
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "Writing to {folder} failed ({cause}): was the stick removed? The partial copy was "
            "removed; the course here is untouched.",
        ),
        folder=str(where),
        cause=error.strerror or str(error),
    )


def _cleanup(path: Path) -> None:
    with contextlib.suppress(OSError):  # the stick is gone: nothing left to clean
        path.unlink(missing_ok=True)


def export_course(
    ctx: Context,
    course_id: str,
    dest: Path,
    *,
    progress: ProgressCallback = ignore_progress,
    cancel: CancelToken | None = None,
) -> ExportResult:
    """Write the installed course as a verified ``.zip`` package (module docstring)."""
    row = ctx.course_row(course_id)
    if row is None:
        raise PackageError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "No course {course!r} is installed."), course=course_id
        )
    folder = ctx.manifest_folder(course_id, row["manifest_sha256"])
    manifest_bytes = (folder / MANIFEST_NAME).read_bytes()
    signature_path = folder / SIGNATURE_NAME
    signature = signature_path.read_bytes() if signature_path.is_file() else None
    manifest = parse_manifest(manifest_bytes, origin=course_id)
    missing = _missing_members(ctx, course_id, manifest.files)
    if missing:
        raise PackageError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "{course} was installed with only some video qualities; {count} file(s) its "
                "package lists are not on this computer (first: {first}). Install it in full "
                "(without --quality) to export it.",
            ),
            course=course_id,
            count=len(missing),
            first=missing[0],
        )
    entries = sorted(manifest.files.values(), key=lambda e: e.path)
    for entry in entries:
        if not ctx.objects.has(entry):
            raise IntegrityError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors",
                    "{path} of {course} is missing from the data folder; reinstall the course "
                    "before exporting it.",
                ),
                path=entry.path,
                course=course_id,
            )

    target = export_destination(dest, course_id, manifest.version)
    payload = sum(e.size for e in entries) + len(manifest_bytes) + len(signature or b"")
    needed = payload + _ZIP_OVERHEAD_PER_MEMBER * (len(entries) + 2) + _SPARE_BYTES
    try:
        free = shutil.disk_usage(target.parent).free
    except OSError as error:
        raise _write_error(error, target) from error
    if needed > free:
        raise DiskFullError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "{folder} has {free} free; {course} needs {needed}. Free some space or use a "
                "bigger stick.",
            ),
            folder=str(target.parent),
            free=ByteCount(free),
            course=course_id,
            needed=ByteCount(needed),
        )

    temporary = target.with_name(f".{target.name}.partial")
    meter = ProgressMeter(payload, progress, label=manifest.title)
    try:
        _write_zip(ctx, temporary, manifest_bytes, signature, entries, meter, cancel)
        meter.finish()
        _verify_written(temporary, manifest_bytes, signature, cancel)
        os.replace(temporary, target)
        fsync_dir(target.parent)
        readme = _write_readme(target)
    except OSError as error:
        _cleanup(temporary)
        raise _write_error(error, target) from error
    except BaseException:
        _cleanup(temporary)
        raise
    return ExportResult(
        course_id, manifest.version, target, target.stat().st_size, readme, signature is not None
    )


def _write_zip(
    ctx: Context,
    temporary: Path,
    manifest_bytes: bytes,
    signature: bytes | None,
    entries: list[FileEntry],
    meter: ProgressMeter,
    cancel: CancelToken | None,
) -> None:
    with open(temporary, "wb") as raw, zipfile.ZipFile(raw, "w") as archive:
        archive.writestr(MANIFEST_NAME, manifest_bytes, compress_type=zipfile.ZIP_DEFLATED)
        meter.add(len(manifest_bytes))
        if signature is not None:
            archive.writestr(SIGNATURE_NAME, signature)
            meter.add(len(signature))
        for entry in entries:
            method = (
                zipfile.ZIP_DEFLATED
                if Path(entry.path).suffix.lower() in COMPRESSIBLE_SUFFIXES
                else zipfile.ZIP_STORED
            )
            info = zipfile.ZipInfo(entry.path, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = method
            info.file_size = entry.size
            info.external_attr = 0o644 << 16
            digest = hashlib.sha256()
            # Reading, hashing and writing (CRC-32, deflate, the stick) overlap: pipeline.py.
            with (
                open(ctx.objects.path_for(entry), "rb") as stream,
                archive.open(info, "w", force_zip64=entry.size > 2**31) as out,
                read_ahead(stream.read, entry.size + 1) as chunks,
                write_behind(out, raw) as writer,
            ):
                for chunk in chunks:
                    if cancel is not None:
                        cancel.raise_if_cancelled()
                    writer.write(chunk)
                    digest.update(chunk)
                    meter.add(len(chunk), label=entry.path)
            if digest.hexdigest() != entry.sha256:
                raise IntegrityError.of(
                    QT_TRANSLATE_NOOP(
                        "CoreErrors",
                        "{path} is damaged in the data folder (hash differs); reinstall the "
                        "course before exporting it.",
                    ),
                    path=entry.path,
                )
        archive.close()
        raw.flush()
        os.fsync(raw.fileno())
        release_written(raw.fileno())  # the read-back below then comes from the drive


def _verify_written(
    path: Path, manifest_bytes: bytes, signature: bytes | None, cancel: CancelToken | None
) -> None:
    """Read the written zip back and check every member against the manifest."""
    if not path.exists():
        raise TransferError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "The copy vanished from {folder} while writing: was the stick removed? The course"
                " here is untouched.",
            ),
            folder=str(path.parent),
        )
    try:
        source = ZipSource(path)
    except PackageError as error:
        raise IntegrityError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "The copy on the drive is unreadable ({cause})."),
            cause=error,
        ) from error
    try:
        if source.read_manifest_bytes() != manifest_bytes or source.read_signature() != signature:
            raise IntegrityError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors", "The copy's course.json differs from the installed one."
                )
            )
        manifest = parse_manifest(manifest_bytes, origin=MANIFEST_NAME)
        for entry in manifest.files.values():
            try:
                source.fetch(entry, None, None, cancel)
            except IntegrityError as error:
                raise IntegrityError.of(
                    QT_TRANSLATE_NOOP(
                        "CoreErrors",
                        "The copy on the drive is damaged ({cause}); the drive may be failing.",
                    ),
                    cause=error,
                ) from error
    finally:
        source.close()


def _write_readme(target: Path) -> Path:
    readme = target.with_name(README_NAME)
    text = README_TEXT.format(example=target.name)
    with atomic_write(readme, "w", newline="\r\n") as handle:
        handle.write(text)  # CRLF: readable in Windows Notepad too
    return readme


# --- detection ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FoundPackage:
    path: Path
    course_id: str
    title: str
    version: int
    size: int
    publisher: str | None
    signed: bool


def read_package_summary(path: Path) -> FoundPackage | None:
    """The package's identity from its ``course.json`` alone; None when it is not a course.

    Read through ``ZipSource``, so a hostile zip on a stick costs no more here than when it is
    installed (entry count, compression methods and the manifest's size bounded).
    """
    try:
        source = ZipSource(path)
        try:
            manifest_bytes = source.read_manifest_bytes()
            signed = source.read_signature() is not None
        finally:
            source.close()
        manifest = parse_manifest(manifest_bytes, origin=path.name)
        size = path.stat().st_size
    except (OSError, PlayerError):
        return None
    return FoundPackage(
        path=path,
        course_id=manifest.id,
        title=manifest.title,
        version=manifest.version,
        size=size,
        publisher=manifest.publisher.name if manifest.publisher else None,
        signed=signed,
    )


def _zip_files(folder: Path, depth: int) -> list[Path]:
    found: list[Path] = []
    try:
        children = sorted(folder.iterdir())
    except OSError:
        return found
    for child in children:
        if child.name.startswith((".", "$")):
            continue  # hidden files, partial copies, Windows system folders
        try:
            if child.is_file() and child.suffix.lower() == ".zip":
                found.append(child)
            elif depth > 0 and child.is_dir() and not child.is_symlink():
                found.extend(_zip_files(child, depth - 1))
        except OSError:
            continue
    return found


def find_packages(mount_points: list[Path], *, depth: int = 1) -> list[FoundPackage]:
    """Course packages at the top of each mount point (and ``depth`` folders below)."""
    seen: set[Path] = set()
    found: list[FoundPackage] = []
    for mount in mount_points:
        for path in _zip_files(Path(mount), depth):
            resolved = path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            summary = read_package_summary(path)
            if summary is not None:
                found.append(summary)
    return sorted(found, key=lambda p: (p.title.casefold(), -p.version, str(p.path)))


def candidate_mount_points() -> list[Path]:
    """Where removable drives are usually mounted on this system (existing folders only)."""
    candidates: list[Path] = []
    if sys.platform.startswith("win"):
        system = os.environ.get("SYSTEMDRIVE", "C:").rstrip("\\").upper()
        for letter in string.ascii_uppercase:
            if f"{letter}:" != system and os.path.exists(f"{letter}:\\"):
                candidates.append(Path(f"{letter}:\\"))
        return candidates
    if sys.platform == "darwin":
        volumes = Path("/Volumes")
        return [p for p in _subdirs(volumes) if not _same_as_root(p)]
    for base in (Path("/media"), Path("/run/media")):
        for child in _subdirs(base):
            # /media/<user>/<label> (udisks) or /media/<label> (older systems, usbmount)
            inner = _subdirs(child)
            if inner and not os.path.ismount(child):
                candidates.extend(inner)
            else:
                candidates.append(child)
    candidates.extend(_subdirs(Path("/mnt")))
    return candidates


def _subdirs(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir())
    except OSError:
        return []


def _same_as_root(path: Path) -> bool:
    try:
        return path.resolve() == Path("/").resolve() or os.path.samefile(path, "/")
    except OSError:
        return False
