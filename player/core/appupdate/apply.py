"""Applying a verified app update: the new version is built beside the installed one, then
swapped in with two renames (the design of ``packaging/apply-update.sh``).

``apply_update`` in order, each step announced to ``on_step`` (the CLI prints them; the crash
tests stop the process at each):

1. ``finish_interrupted``: an earlier run stopped between its two renames is finished, a
   half-built ``<folder>.new`` is removed;
2. the update's signed list is verified (``release``), and must be newer than the installed
   version (``installed_release``) and, when the update says so, made for it;
3. ``<folder>.new`` is built: the files the update carries are written as they are read and
   checked (``archive``), the unchanged ones hard-linked (or copied) from the installed
   version and checked too, the links made, and what the learners keep beside the app (a
   portable data folder, ``portable.txt``, anything the old release did not list) linked in;
   the new release's list is kept in it as ``release.files.json``. Any failure removes it:
   the installed version was never touched;
4. ``<folder>.previous`` (the version before last) is removed, ``<folder>`` becomes
   ``<folder>.previous`` and ``<folder>.new`` becomes ``<folder>``. Rolling back is renaming
   them back.

Between the two renames (microseconds) a crash leaves no ``<folder>``; the next
``app-update`` finishes the swap (step 1). Hard links share the learners' data between the
two folders; a volume without hard links (FAT sticks) gets copies, and the free space is
checked first.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import sys
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from pathlib import Path

from player import __version__
from player.core.appupdate.archive import CHUNK, CheckedStream, UpdateInfo, UpdateSource
from player.core.appupdate.release import (
    INSTALLED_LIST,
    INSTALLED_SIGNATURE,
    MAX_LIST_BYTES,
    FileSpec,
    ReleaseList,
    version_key,
)
from player.core.errors import AppUpdateError
from player.core.files import fsync_dir
from player.core.progress import ProgressCallback, ProgressMeter, ignore_progress
from player.core.transfer import ensure_free_space

NEW_SUFFIX = ".new"
PREVIOUS_SUFFIX = ".previous"
EXECUTABLES = ("course-player", "course-player.exe")

Step = Callable[[str], None]


def _no_step(_: str) -> None:
    """The default ``on_step``."""


@dataclass(frozen=True)
class Installed:
    folder: Path
    version: str
    #: The installed release's paths (from its ``release.files.json``), None when unknown.
    paths: frozenset[str] | None


@dataclass(frozen=True)
class UpdateReport:
    """What ``check_update`` found, or what ``apply_update`` did."""

    folder: Path
    installed_version: str
    version: str
    key: str
    carried: int  # files the update carried
    carried_bytes: int
    total_bytes: int  # every byte checked
    previous: Path | None = None  # where the old version is kept (after apply)
    linked: bool = True  # unchanged files were hard-linked (not copied)


def running_bundle() -> Path | None:
    """The folder of the running app when it runs from a bundle (PyInstaller), else None."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def new_folder(folder: Path) -> Path:
    return folder.with_name(folder.name + NEW_SUFFIX)


def previous_folder(folder: Path) -> Path:
    return folder.with_name(folder.name + PREVIOUS_SUFFIX)


def interrupted(folder: Path) -> bool:
    """An update stopped between its two renames: no ``folder``, a complete ``.new``."""
    return not folder.exists() and new_folder(folder).is_dir() and previous_folder(folder).is_dir()


def finish_interrupted(folder: Path) -> bool:
    """Finish a swap a crash cut in two, or drop a half-built ``.new``; True if finished."""
    new = new_folder(folder)
    if interrupted(folder):
        os.rename(new, folder)
        fsync_dir(folder.parent)
        return True
    if folder.is_dir() and (new.exists() or new.is_symlink()):
        _remove(new)
    return False


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def installed_release(folder: Path) -> Installed:
    """The version installed in ``folder`` and its release's paths."""
    if not folder.is_dir() or not any(
        (folder / name).exists() for name in (*EXECUTABLES, INSTALLED_LIST)
    ):
        if interrupted(folder):
            raise AppUpdateError(
                f"An update of {folder} was interrupted before it finished; run"
                " 'course-player app-update apply' again to finish it."
            )
        raise AppUpdateError(f"{folder} is not a Course Player folder; nothing was changed.")
    listed = folder / INSTALLED_LIST
    try:
        with open(listed, "rb") as stream:
            document = json.loads(stream.read(MAX_LIST_BYTES).decode("utf-8"))
        version = document["version"]
        paths = frozenset(document["files"])
        version_key(version)
        return Installed(folder, version, paths)
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise AppUpdateError(
            f"{listed} is damaged; cannot tell which version is installed. Unpack the full"
            " archive of the new version instead."
        ) from None
    bundle = running_bundle()
    if bundle is not None and bundle == folder.resolve():
        return Installed(folder, __version__, None)
    raise AppUpdateError(
        f"Cannot tell which version is installed in {folder}: it has no {INSTALLED_LIST}"
        " (installed before signed updates). Unpack the full archive of the new version"
        " instead; nothing was changed."
    )


def check_applicable(info: UpdateInfo, installed: Installed) -> None:
    """Never a downgrade nor the same version; an update made for another version is refused."""
    new, old = info.version, installed.version
    if version_key(new) == version_key(old):
        raise AppUpdateError(
            f"Version {old} is already installed in {installed.folder}; this update brings"
            f" the same version. Nothing was changed."
        )
    if version_key(new) < version_key(old):
        raise AppUpdateError(
            f"This update brings version {new}, older than the installed {old} (in"
            f" {installed.folder}); a downgrade is refused. Nothing was changed."
        )
    if info.from_version is not None and version_key(info.from_version) != version_key(old):
        raise AppUpdateError(
            f"This update goes from {info.from_version} to {new}, but {installed.folder} holds"
            f" {old}; use the update from {old} (or the full archive). Nothing was changed."
        )


def check_update(
    source: Path,
    folder: Path,
    keys: Collection[str],
    *,
    progress: ProgressCallback = ignore_progress,
) -> UpdateReport:
    """Everything ``apply_update`` checks (signature, versions, every byte of the update and of
    the installed files it keeps), changing nothing."""
    installed = installed_release(folder)
    with UpdateSource(source, keys) as update:
        check_applicable(update.info, installed)
        release = update.release
        meter = ProgressMeter(release.total_bytes, progress, label=release.version)

        def consume(path: str, spec: FileSpec, stream: CheckedStream) -> None:
            while chunk := stream.read(CHUNK):
                meter.add(len(chunk), label=path)

        carried = update.read_carried(consume)
        for path, spec in release.files.items():
            if path not in carried:
                _check_installed_file(folder / path, path, spec, meter, installed.version)
        meter.finish()
        return _report(update.info, installed, carried)


def apply_update(
    source: Path,
    folder: Path,
    keys: Collection[str],
    *,
    progress: ProgressCallback = ignore_progress,
    on_step: Step = _no_step,
) -> UpdateReport:
    """Install the update at ``source`` over ``folder`` (module docstring)."""
    finished = finish_interrupted(folder)
    installed = installed_release(folder)
    new = new_folder(folder)
    with UpdateSource(source, keys) as update:
        if finished and version_key(update.info.version) == version_key(installed.version):
            on_step("finished the update a crash had interrupted")
            return replace(_report(update.info, installed, set()), previous=previous_folder(folder))
        check_applicable(update.info, installed)
        on_step(
            f"update {installed.version} -> {update.info.version} signed by"
            f" {update.release.fingerprint}; building it beside {folder}"
        )
        try:
            new.mkdir()
            carried, linked = _build(update, installed, new, progress)
        except BaseException as error:
            shutil.rmtree(new, ignore_errors=True)
            if isinstance(error, OSError):
                raise AppUpdateError(
                    f"Cannot build the new version beside {folder}:"
                    f" {error.strerror or error}; nothing was changed."
                ) from error
            raise
        report = _report(update.info, installed, carried)
    on_step("built and checked")
    previous = previous_folder(folder)
    try:
        _swap(folder, new, previous, on_step)
    except OSError as error:
        raise AppUpdateError(
            f"Cannot swap {new.name} in for {folder}: {error.strerror or error}. The installed"
            f" version is unchanged (or, if {folder} is missing, in {previous.name})."
        ) from error
    on_step("swapped")
    return replace(report, previous=previous, linked=linked)


def _swap(folder: Path, new: Path, previous: Path, on_step: Step) -> None:
    if previous.exists() or previous.is_symlink():
        _remove(previous)
    on_step("removed the version before last")
    os.rename(folder, previous)
    on_step("moved the installed version aside")
    try:
        os.rename(new, folder)
    except OSError:
        os.rename(previous, folder)  # back as it was
        raise
    fsync_dir(folder.parent)


def _report(info: UpdateInfo, installed: Installed, carried: set[str]) -> UpdateReport:
    release = info.release
    return UpdateReport(
        installed.folder,
        installed.version,
        release.version,
        release.key,
        len(carried),
        sum(release.files[p].size for p in carried),
        release.total_bytes,
    )


# --- building the new version -----------------------------------------------------------------


def _build(
    update: UpdateSource, installed: Installed, new: Path, progress: ProgressCallback
) -> tuple[set[str], bool]:
    release = update.release
    folder = installed.folder
    linked = _can_hard_link(new)
    keep = _kept_beside(folder, release, installed, update.info)
    needed = update.info.carried_bytes
    if not linked:
        needed = release.total_bytes + sum(_size(folder / p) for p in keep)
    ensure_free_space(new.parent, needed)
    meter = ProgressMeter(release.total_bytes, progress, label=release.version)

    def write(path: str, spec: FileSpec, stream: CheckedStream) -> None:
        target = new / path
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "xb") as out:
            while chunk := stream.read(CHUNK):
                out.write(chunk)
                meter.add(len(chunk), label=path)
            out.flush()
            os.fsync(out.fileno())
        target.chmod(0o755 if spec.executable else 0o644)

    carried = update.read_carried(write)
    for path, spec in release.files.items():
        if path in carried:
            continue
        source = folder / path
        _check_installed_file(source, path, spec, meter, installed.version)
        target = new / path
        target.parent.mkdir(parents=True, exist_ok=True)
        same_mode = bool(source.lstat().st_mode & stat.S_IXUSR) == spec.executable
        if not (linked and same_mode and _hard_link(source, target)):
            shutil.copyfile(source, target)
            target.chmod(0o755 if spec.executable else 0o644)
            _check_installed_file(target, path, spec, None, installed.version)
    for path, link in release.links.items():
        (new / path).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(link, new / path)
    for path in keep:
        _carry_over(folder / path, new / path, linked)
    (new / INSTALLED_LIST).write_bytes(release.data)
    (new / INSTALLED_SIGNATURE).write_bytes(release.signature)
    meter.finish()
    return carried, linked


def _kept_beside(
    folder: Path, release: ReleaseList, installed: Installed, info: UpdateInfo
) -> list[str]:
    """Top-most paths in ``folder`` the new version takes over as they are: everything neither
    release lists (the portable data folder, ``portable.txt``, the user's own files).

    The old release's paths come from its ``release.files.json``; without it (an app that ran
    from a bundle before signed updates) from the update's hint of what the new release
    dropped, which can only leave out files that are kept in ``<folder>.previous`` anyway.
    """
    new_paths = release.paths() | {INSTALLED_LIST, INSTALLED_SIGNATURE}
    old_paths = installed.paths if installed.paths is not None else frozenset(info.removed)
    walked = _parents(new_paths) | _parents(old_paths)
    kept: list[str] = []

    def visit(current: Path, prefix: str) -> None:
        for entry in sorted(os.scandir(current), key=lambda e: e.name):
            path = prefix + entry.name
            if path in new_paths:
                continue
            if entry.is_dir(follow_symlinks=False):
                if path in walked:
                    visit(Path(entry.path), path + "/")
                else:
                    kept.append(path)  # a whole folder neither release has
            elif path not in old_paths:
                kept.append(path)

    visit(folder, "")
    return kept


def _parents(paths: Collection[str]) -> set[str]:
    """Every folder that holds one of ``paths`` (``a/b/c`` -> ``a``, ``a/b``)."""
    found: set[str] = set()
    for path in paths:
        parts = path.split("/")
        found.update("/".join(parts[:i]) for i in range(1, len(parts)))
    return found


def _carry_over(source: Path, target: Path, linked: bool) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
    elif source.is_dir():
        copy = _link_or_copy if linked else shutil.copy2
        shutil.copytree(source, target, symlinks=True, copy_function=copy)
    elif not (linked and _hard_link(source, target)):
        shutil.copy2(source, target)


def _link_or_copy(source: str, target: str) -> None:
    if not _hard_link(Path(source), Path(target)):
        shutil.copy2(source, target)


def _hard_link(source: Path, target: Path) -> bool:
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        return False
    return True


def _can_hard_link(new: Path) -> bool:
    """Whether the volume of ``new`` (beside the installed folder) takes hard links (FAT does
    not); only the free-space estimate depends on it, each file falls back to a copy."""
    probe_source = new / ".link-test"
    probe_source.write_bytes(b"")
    try:
        return _hard_link(probe_source, new / ".link-test-2")
    finally:
        probe_source.unlink()
        (new / ".link-test-2").unlink(missing_ok=True)


def _size(path: Path) -> int:
    if path.is_symlink():
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _check_installed_file(
    path: Path, relative: str, spec: FileSpec, meter: ProgressMeter | None, version: str
) -> None:
    """An unchanged file the new version takes from the installed one must be what the list
    says (a damaged or changed install cannot make a damaged new version)."""
    problem = f"{path} is not the file the update expects from version {version}"
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_size != spec.size:
            raise AppUpdateError(f"{problem} (missing, or another size); nothing was changed.")
        digest = hashlib.sha256()
        with open(path, "rb") as stream:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
                if meter is not None:
                    meter.add(len(chunk), label=relative)
    except FileNotFoundError:
        raise AppUpdateError(f"{problem} (it is missing); nothing was changed.") from None
    except OSError as error:
        raise AppUpdateError(f"Cannot read {path}: {error.strerror or error}.") from None
    if digest.hexdigest() != spec.sha256:
        raise AppUpdateError(f"{problem} (its SHA-256 differs); nothing was changed.")
