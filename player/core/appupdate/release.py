"""A release's signed file list: what a new version of the app is, and who made it.

``files.json`` (written by ``packaging/app_update.py``) lists every file of a release::

    {"format": 1, "app": "course-player", "version": "0.2.0",
     "key": "ed25519:...",                        # the release key that signs this list
     "files": {"course-player": {"size": 123, "sha256": "...", "mode": "755"},
               "_internal/libQt6Core.so.6": {"link": "PySide6/Qt/lib/libQt6Core.so.6"}, ...}}

``files.json.sig`` holds the 64 raw bytes of an Ed25519 signature over the list's exact bytes
(the key format and helpers of ``player.core.trust``). The keys that may sign releases are a
list of their own, shipped with the app in ``assets/release-keys.txt``: a course publisher's key
never signs code.

``verify_release_list`` is the gate every update passes before anything is read further:
unsigned, an unknown key, a bad signature, another app, a newer format, a version that is not
``N.N.N``, and any path that could leave the install folder (absolute, ``..``, a link whose
target leaves it, a path through a link) or touch the learners' data are refused, each with
one line.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from player.core.errors import AppUpdateError, SignatureError
from player.core.paths import PORTABLE_DATA_FOLDER, PORTABLE_MARKER
from player.core.resources import assets_dir
from player.core.trust import (
    KEY_PREFIX,
    SIGNATURE_BYTES,
    key_fingerprint,
    parse_public_key,
    public_key_text,
    read_key_list,
)

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

FORMAT = 1
APP = "course-player"
LIST_NAME = "files.json"
SIGNATURE_NAME = "files.json.sig"
#: The installed release's own list, kept in its folder: its version and its files.
INSTALLED_LIST = "release.files.json"
INSTALLED_SIGNATURE = "release.files.json.sig"
RELEASE_KEYS_FILE = "release-keys.txt"
#: Bounds on a list a stranger may hand us: a bundle holds a few thousand files.
MAX_LIST_BYTES = 16 * 1024 * 1024
MAX_FILES = 50_000
MAX_FILE_BYTES = 2 * 1024**3
MAX_PATH_CHARS = 400
#: Never part of a release: what lives beside the app in portable mode, and its own list.
RESERVED = frozenset({PORTABLE_MARKER, PORTABLE_DATA_FOLDER, INSTALLED_LIST, INSTALLED_SIGNATURE})
_VERSION = re.compile(r"\d{1,6}(\.\d{1,6}){0,3}")
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class FileSpec:
    size: int
    sha256: str
    executable: bool


@dataclass(frozen=True)
class ReleaseList:
    """A verified release list (``verify_release_list``)."""

    version: str
    key: str
    files: dict[str, FileSpec]
    links: dict[str, str]
    data: bytes  # the exact signed bytes
    signature: bytes

    @property
    def total_bytes(self) -> int:
        return sum(spec.size for spec in self.files.values())

    @property
    def fingerprint(self) -> str:
        return key_fingerprint(self.key)

    def paths(self) -> set[str]:
        return set(self.files) | set(self.links)


def version_key(version: str) -> tuple[int, ...]:
    """``"0.10.1"`` -> ``(0, 10, 1, 0)``: versions compare as numbers, missing parts as 0."""
    parts = tuple(int(part) for part in version.split("."))
    return parts + (0,) * (4 - len(parts))


# --- keys ---------------------------------------------------------------------------------


def release_keys_file() -> Path:
    return assets_dir() / RELEASE_KEYS_FILE


def release_keys() -> dict[str, str]:
    """The keys this build of the app accepts for updates: {key: name}, from
    ``assets/release-keys.txt`` (``ed25519:<base64> Name`` per line, ``#`` comments)."""
    return {
        key: name or key_fingerprint(key)
        for _number, key, name in read_key_list(release_keys_file())
    }


# --- signing (packaging/app_update.py) ------------------------------------------------------


def sign_release_list(document: dict[str, Any], private: Ed25519PrivateKey) -> tuple[bytes, bytes]:
    """The list's bytes with its ``key`` set, and their signature."""
    document = {**document, "key": public_key_text(private.public_key())}
    data = (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
    return data, private.sign(data)


# --- verifying ------------------------------------------------------------------------------


def verify_release_list(
    data: bytes, signature: bytes | None, keys: Collection[str], *, where: str = LIST_NAME
) -> ReleaseList:
    """The list, once its signature by one of ``keys`` and its contents are checked."""
    if signature is None:
        raise AppUpdateError(
            f"{where} is not signed ({SIGNATURE_NAME} is missing); an unsigned update is never"
            " installed. Nothing was changed."
        )
    if len(data) > MAX_LIST_BYTES:
        raise AppUpdateError(f"{where} is larger than {MAX_LIST_BYTES} bytes; refused.")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise AppUpdateError(f"{where} is not a JSON file list; refused.") from None
    if not isinstance(document, dict):
        raise AppUpdateError(f"{where} is not a JSON file list; refused.")
    key = document.get("key")
    if not isinstance(key, str) or not key.startswith(KEY_PREFIX):
        raise AppUpdateError(f"{where} names no release key; refused.")
    try:
        public = parse_public_key(key, where=f"{where}: key")
    except SignatureError as error:
        raise AppUpdateError(f"{error} Refused.") from None
    if key not in keys:
        raise AppUpdateError(
            f"This update is signed by the key {key_fingerprint(key)} ({key}), which this app"
            f" does not trust for updates ({RELEASE_KEYS_FILE}); refused. Nothing was changed."
        )
    from cryptography.exceptions import InvalidSignature

    try:
        if len(signature) != SIGNATURE_BYTES:
            raise InvalidSignature
        public.verify(signature, data)
    except InvalidSignature:
        raise AppUpdateError(
            f"The signature of {where} does not match it (altered or damaged); refused."
            " Nothing was changed."
        ) from None
    return _read_document(document, key, data, signature, where)


def _read_document(
    document: dict[str, Any], key: str, data: bytes, signature: bytes, where: str
) -> ReleaseList:
    if document.get("app") != APP:
        raise AppUpdateError(f"{where} is not a release of {APP}; refused.")
    fmt = document.get("format")
    if not isinstance(fmt, int) or fmt > FORMAT:
        raise AppUpdateError(
            f"{where} has format {fmt!r}; this app reads format {FORMAT}. Update with a"
            " full archive instead."
        )
    version = document.get("version")
    if not isinstance(version, str) or not _VERSION.fullmatch(version):
        raise AppUpdateError(f"{where}: the version {version!r} is not N.N.N; refused.")
    entries = document.get("files")
    if not isinstance(entries, dict) or not entries:
        raise AppUpdateError(f"{where} lists no files; refused.")
    if len(entries) > MAX_FILES:
        raise AppUpdateError(f"{where} lists more than {MAX_FILES} files; refused.")
    files: dict[str, FileSpec] = {}
    links: dict[str, str] = {}
    for path, entry in entries.items():
        check_path(path, where)
        if not isinstance(entry, dict):
            raise AppUpdateError(f"{where}: the entry of {path!r} is not an object; refused.")
        if "link" in entry:
            links[path] = _check_link(path, entry["link"], where)
            continue
        size, sha256, mode = entry.get("size"), entry.get("sha256"), entry.get("mode", "644")
        if (
            not isinstance(size, int)
            or isinstance(size, bool)
            or not 0 <= size <= MAX_FILE_BYTES
            or not isinstance(sha256, str)
            or not _SHA256.fullmatch(sha256)
            or mode not in ("644", "755")
        ):
            raise AppUpdateError(
                f"{where}: {path!r} needs a size, a SHA-256 and a mode 644 or 755; refused."
            )
        files[path] = FileSpec(size, sha256, mode == "755")
    everything = set(files) | set(links)
    for path in everything:
        parent = posixpath.dirname(path)
        while parent:
            if parent in links or parent in files:
                raise AppUpdateError(
                    f"{where}: {path!r} lies inside {parent!r}, which is not a folder (a link"
                    " could lead outside the install folder); refused."
                )
            parent = posixpath.dirname(parent)
    return ReleaseList(version, key, files, links, data, signature)


def check_path(path: object, where: str) -> str:
    """A relative path that stays in the install folder and is not the learners' data."""
    if (
        not isinstance(path, str)
        or not path
        or len(path) > MAX_PATH_CHARS
        or path.startswith("/")
        or "\\" in path
        or ":" in path
        or any(not ch.isprintable() for ch in path)
    ):
        raise AppUpdateError(
            f"{where} names the path {path!r}, outside the install folder; refused."
        )
    parts = path.split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise AppUpdateError(
            f"{where} names the path {path!r}, outside the install folder; refused."
        )
    if parts[0] in RESERVED:
        raise AppUpdateError(
            f"{where} names {path!r}, which belongs to the learners' data or the installed"
            " list, not to a release; refused."
        )
    return path


def _check_link(path: str, target: object, where: str) -> str:
    if not isinstance(target, str) or not target or target.startswith("/") or "\\" in target:
        raise AppUpdateError(
            f"{where}: the link {path!r} points to {target!r}, outside the install folder; refused."
        )
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
    if resolved == ".." or resolved.startswith("../") or resolved.startswith("/"):
        raise AppUpdateError(
            f"{where}: the link {path!r} points to {target!r}, outside the install folder; refused."
        )
    return target
