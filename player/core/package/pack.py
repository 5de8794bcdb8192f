"""``pack``: turn a course source folder (``course.yaml`` + media) into a package.

The manifest's ``files`` table is computed here (size + SHA-256 of every member); the result
is validated exactly as an installer would, then written atomically as a folder or a ``.zip``
(media stored, not deflated: they are already compressed).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from player.core.errors import ManifestError, PackageError
from player.core.files import atomic_write
from player.core.package.images import check_image_file
from player.core.package.manifest import (
    COMPRESSIBLE_SUFFIXES,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    Manifest,
    parse_manifest,
    path_problem,
    validate_manifest,
)
from player.core.package.reader import CHUNK
from player.core.progress import ProgressCallback, ProgressMeter, ignore_progress

SOURCE_NAME = "course.yaml"
_MARKDOWN_LINK = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")

#: Optional media preparation (issue 10): (source_dir, document, work_dir, progress) ->
#: (document, {package path: file on disk}). Set by player.core.authoring when installed.
MediaPreparer = Callable[
    [Path, dict[str, Any], Path, ProgressCallback], tuple[dict[str, Any], dict[str, Path]]
]


@dataclass
class PackResult:
    manifest: Manifest
    dest: Path
    total_bytes: int
    warnings: list[str] = field(default_factory=list)


def load_source_document(source_dir: Path) -> dict[str, Any]:
    path = source_dir / SOURCE_NAME
    if not path.is_file():
        raise ManifestError(f"{source_dir} has no {SOURCE_NAME}; it is not a course source.")
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise ManifestError(f"{path} is not UTF-8 text.") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(error, "problem", None) or "syntax error"
        raise ManifestError(f"{path} is not valid YAML{where}: {problem}.") from error
    if not isinstance(document, dict):
        raise ManifestError(f"{path} must hold a mapping at its top level.")
    document.pop("files", None)
    return document


def markdown_images(text: str) -> list[str]:
    """Relative image paths a Markdown page refers to (remote images are not packed)."""
    found = []
    for target in _MARKDOWN_LINK.findall(text):
        if "://" in target or target.startswith(("data:", "/", "#")):
            continue
        found.append(target.split("#")[0].split("?")[0])
    return found


def _members(source_dir: Path, manifest: Manifest) -> list[str]:
    members: list[str] = [manifest.cover] if manifest.cover else []
    for lesson in manifest.lessons:
        members.extend(lesson.referenced_files())
    pages = [lesson.file for lesson in manifest.lessons if lesson.type == "text" and lesson.file]
    for page in pages:
        page_path = source_dir / page
        if page_path.is_file():
            base = Path(page).parent
            for image in markdown_images(page_path.read_text(encoding="utf-8", errors="replace")):
                joined = os.path.normpath((base / image).as_posix()).replace(os.sep, "/")
                if path_problem(joined):
                    raise PackageError(f"{page} refers to {image!r}, which is outside the course.")
                members.append(joined)
    return sorted(set(members))


def _hash_file(path: Path, meter: ProgressMeter, label: str) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            meter.add(len(chunk), label=label)
    return size, digest.hexdigest()


def _locate(source_dir: Path, member: str, generated: dict[str, Path]) -> Path:
    if member in generated:
        return generated[member]
    path = source_dir / member
    if path.is_symlink():
        raise PackageError(f"{member} is a symbolic link; packages may not hold links.")
    if not path.is_file():
        raise PackageError(f"{member} is named by the course but missing from {source_dir}.")
    resolved = path.resolve()
    if not resolved.is_relative_to(source_dir.resolve()):
        raise PackageError(f"{member} resolves outside the course folder.")
    return path


def encode_manifest(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def pack(
    source_dir: Path,
    dest: Path,
    *,
    progress: ProgressCallback = ignore_progress,
    prepare_media: MediaPreparer | None = None,
    sign: Callable[[dict[str, Any]], Callable[[bytes], bytes]] | None = None,
) -> PackResult:
    """Build a package. ``sign`` adds the publisher key to the document and returns a signer."""
    source_dir = Path(source_dir)
    document = load_source_document(source_dir)
    generated: dict[str, Path] = {}
    work_dir = dest.parent / f".{dest.name}.work"
    try:
        if prepare_media is not None:
            shutil.rmtree(work_dir, ignore_errors=True)
            work_dir.mkdir(parents=True)
            document, generated = prepare_media(source_dir, document, work_dir, progress)
        structure = validate_manifest(document, origin=SOURCE_NAME, require_files=False)
        members = _members(source_dir, structure)
        located = {member: _locate(source_dir, member, generated) for member in members}
        for picture in structure.pictures():
            check_image_file(located[picture], picture)
        total = sum(path.stat().st_size for path in located.values())
        meter = ProgressMeter(total, progress, label="hashing")
        files = {}
        for member, path in located.items():
            size, sha = _hash_file(path, meter, member)
            files[member] = {"size": size, "sha256": sha}
        meter.finish()
        document["files"] = files
        signer = sign(document) if sign is not None else None
        manifest_bytes = encode_manifest(document)
        manifest = parse_manifest(manifest_bytes, origin=f"{source_dir.name}/{SOURCE_NAME}")
        signature = signer(manifest_bytes) if signer is not None else None
        if dest.suffix.lower() == ".zip":
            _write_zip(dest, manifest_bytes, signature, located)
        else:
            _write_folder(dest, manifest_bytes, signature, located)
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    return PackResult(manifest, dest, total, warnings=pack_warnings(manifest))


def pack_warnings(manifest: Manifest) -> list[str]:
    """What the publisher should fix although the package is valid."""
    warnings = []
    if not manifest.activity_base:
        warnings.append(
            "The course has no activity_base: its xAPI statements will name it with the"
            " player's placeholder IRI (https://course-player.invalid/...). Add activity_base,"
            " an IRI you own such as https://example.org/courses/x, so an LRS can tell your"
            " courses apart."
        )
    return warnings


def _write_zip(
    dest: Path, manifest_bytes: bytes, signature: bytes | None, located: dict[str, Path]
) -> None:
    with atomic_write(dest) as stream, zipfile.ZipFile(stream, "w") as archive:
        archive.writestr(MANIFEST_NAME, manifest_bytes, compress_type=zipfile.ZIP_DEFLATED)
        if signature is not None:
            archive.writestr(SIGNATURE_NAME, signature)
        for member, path in located.items():
            method = (
                zipfile.ZIP_DEFLATED
                if Path(member).suffix.lower() in COMPRESSIBLE_SUFFIXES
                else zipfile.ZIP_STORED
            )
            archive.write(path, member, compress_type=method)


def _write_folder(
    dest: Path, manifest_bytes: bytes, signature: bytes | None, located: dict[str, Path]
) -> None:
    if dest.exists() and not (dest / MANIFEST_NAME).is_file() and any(dest.iterdir()):
        raise PackageError(f"{dest} exists and is not a course package; refusing to replace it.")
    tmp = dest.with_name(f".{dest.name}.partial")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        tmp.mkdir(parents=True)
        for member, path in located.items():
            target = tmp / member
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        (tmp / MANIFEST_NAME).write_bytes(manifest_bytes)
        if signature is not None:
            (tmp / SIGNATURE_NAME).write_bytes(signature)
        old = dest.with_name(f".{dest.name}.old")
        if dest.exists():
            shutil.rmtree(old, ignore_errors=True)
            os.replace(dest, old)
        os.replace(tmp, dest)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
