"""Publisher keys: making them, signing packages, and deciding whether a package is trusted.

Format: a public key is written ``ed25519:<base64 of the 32 raw bytes>`` (in the manifest's
``publisher.key``, in ``assets/trusted-keys.txt``, in messages). ``course.json.sig`` holds the
64 raw bytes of an Ed25519 signature over the exact bytes of ``course.json``; since the manifest
lists every member's SHA-256, the signature covers the whole package. A private key file is PEM
(PKCS#8, unencrypted), written with mode 0600.

Rules applied by ``check_publisher`` before an install fetches anything:

1. A signature that is truncated, malformed or does not verify with ``publisher.key`` is refused.
2. A package naming a publisher that ships with the app (``assets/trusted-keys.txt`` or the
   ``trusted_publishers`` list in ``settings.json``) must be signed by one of that publisher's
   keys, so the very first install is verified too.
3. The first signed install of a course id pins its key (``course_history.pinned_key``, which
   outlives ``remove``). Later, a package signed by another key, or unsigned, is refused with a
   message naming both keys. Rotating keys is an explicit action: ``install(trust_new_key=...)``
   (``--trust-new-key``) after the user confirmed, or ``replace_pinned_key``. An unsigned
   package never replaces a pinned key.
4. Otherwise an unsigned package installs, marked unverified (``courses.signed_by`` is NULL).
"""

from __future__ import annotations

import base64
import binascii
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from player.core.errors import QT_TRANSLATE_NOOP, ManifestError, Phrase, PlayerError, SignatureError
from player.core.resources import assets_dir
from player.core.settings import load_settings

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )
    from sqlite_utils import Database

    from player.core.context import Context
    from player.core.package.manifest import Manifest

KEY_PREFIX = "ed25519:"
SIGNATURE_BYTES = 64
PUBLIC_KEY_BYTES = 32
TRUSTED_KEYS_FILE = "trusted-keys.txt"
SETTINGS_KEY = "trusted_publishers"


class KeyFileError(PlayerError):
    """A private key file is missing, unreadable, in a wrong format or would be overwritten."""


class KeyChangedError(SignatureError):
    """The package is signed by another key than the one pinned for its course (or unsigned)."""

    def __init__(self, message: str, course_id: str, pinned_key: str, new_key: str | None) -> None:
        super().__init__(message)
        self.course_id = course_id
        self.pinned_key = pinned_key
        self.new_key = new_key


# --- keys ---------------------------------------------------------------------------------


# ``cryptography`` is imported where keys are made, loaded and signatures checked: showing
# which installed course is verified (the library, at start-up) needs only the key texts.


def public_key_text(key: Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives import serialization

    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return KEY_PREFIX + base64.b64encode(raw).decode("ascii")


def parse_public_key(text: str, *, where: str = "publisher.key") -> Ed25519PublicKey:
    """The key written ``ed25519:<base64>``; anything else raises ``SignatureError``."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    return Ed25519PublicKey.from_public_bytes(public_key_bytes(text, where=where))


def public_key_bytes(text: str, *, where: str = "publisher.key") -> bytes:
    """The 32 raw bytes of a key written ``ed25519:<base64>``, else ``SignatureError``."""
    expected = f"expected {KEY_PREFIX}<base64 of {PUBLIC_KEY_BYTES} bytes>"
    if not isinstance(text, str) or not text.strip().startswith(KEY_PREFIX):
        raise SignatureError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{where} is not an Ed25519 public key ({expected})."),
            where=where,
            expected=expected,
        )
    try:
        raw = base64.b64decode(text.strip()[len(KEY_PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raise SignatureError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{where} is not valid base64 ({expected})."),
            where=where,
            expected=expected,
        ) from None
    if len(raw) != PUBLIC_KEY_BYTES:
        raise SignatureError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors", "{where} holds {actual} bytes, not {size} ({expected})."
            ),
            where=where,
            actual=len(raw),
            size=PUBLIC_KEY_BYTES,
            expected=expected,
        )
    return raw


def generate_key(path: Path) -> str:
    """Write a new private key to ``path`` (mode 0600, never overwriting); return its public key."""
    path = Path(path)
    if not path.parent.is_dir():
        raise KeyFileError(f"The folder {path.parent} does not exist.")
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise KeyFileError(f"{path} already exists; refusing to overwrite a key file.") from None
    except OSError as error:
        raise KeyFileError(f"Cannot create {path}: {error.strerror or error}.") from error
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(path, 0o600)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return public_key_text(private.public_key())


def load_private_key(path: Path) -> Ed25519PrivateKey:
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise KeyFileError(f"The key file {path} does not exist.") from None
    except OSError as error:
        raise KeyFileError(f"Cannot read the key file {path}: {error.strerror}.") from error
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except TypeError:
        raise KeyFileError(f"{path} is password-protected; give an unencrypted key.") from None
    except (ValueError, UnsupportedAlgorithm):
        raise KeyFileError(
            f"{path} is not a private key file made by 'course-player keygen' (PEM Ed25519)."
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{path} holds a {type(key).__name__}, not an Ed25519 private key.")
    return key


def signer_for(
    key_path: Path, publisher_name: str | None = None
) -> Callable[[dict[str, Any]], Callable[[bytes], bytes]]:
    """The ``sign`` callable for ``pack``: puts ``publisher.key`` in the document, then signs.

    The key is loaded now, so a bad key file is reported before any hashing.
    """
    private = load_private_key(key_path)
    public = public_key_text(private.public_key())

    def prepare(document: dict[str, Any]) -> Callable[[bytes], bytes]:
        publisher = document.get("publisher")
        publisher = dict(publisher) if isinstance(publisher, dict) else {}
        name = publisher_name or publisher.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ManifestError(
                "A signed course needs a publisher name: add publisher: {name: ...} to course.yaml."
            )
        publisher.update(name=name, key=public)
        document["publisher"] = publisher
        return private.sign

    return prepare


def verify_signature(manifest: Manifest, manifest_bytes: bytes, signature: bytes) -> str:
    """The signing key's text when ``signature`` is valid; raises ``SignatureError`` otherwise."""
    from cryptography.exceptions import InvalidSignature

    key_text = manifest.publisher.key if manifest.publisher else None
    if not key_text:
        raise SignatureError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "{course} carries a signature but its manifest names no publisher.key; refused.",
            ),
            course=manifest.id,
        )
    key = parse_public_key(key_text)
    if len(signature) != SIGNATURE_BYTES:
        raise SignatureError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "The signature of {course} is {actual} bytes, not {size} (truncated or damaged); "
                "refused.",
            ),
            course=manifest.id,
            actual=len(signature),
            size=SIGNATURE_BYTES,
        )
    try:
        key.verify(signature, manifest_bytes)
    except InvalidSignature:
        raise SignatureError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "The signature of {course} does not match its course.json (altered copy, or not "
                "signed by {key}); refused.",
            ),
            course=manifest.id,
            key=key_text,
        ) from None
    return key_text.strip()


# --- trusted publishers shipped with the app ------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrustedPublisher:
    name: str
    key: str


def _normal_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def read_trusted_keys_file(path: Path) -> list[TrustedPublisher]:
    """Lines ``ed25519:<base64> Publisher name``; ``#`` starts a comment."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    found = []
    for number, line in enumerate(lines, start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        key, _, name = line.partition(" ")
        public_key_bytes(key, where=f"{path.name} line {number}")
        if not name.strip():
            raise SignatureError(f"{path.name} line {number} names no publisher after the key.")
        found.append(TrustedPublisher(name.strip(), key))
    return found


def trusted_publishers(
    ctx: Context, settings: Mapping[str, Any] | None = None
) -> list[TrustedPublisher]:
    """Publisher keys shipped with the app, then those listed in ``settings.json``.

    ``settings``: the settings the caller already read (the app keeps them), else the file's.
    """
    found = read_trusted_keys_file(assets_dir() / TRUSTED_KEYS_FILE)
    if settings is None:
        settings = load_settings(ctx.data.settings)
    entries = settings.get(SETTINGS_KEY) or []
    if not isinstance(entries, list):
        raise SignatureError(f"settings.json: {SETTINGS_KEY} must be a list of {{name, key}}.")
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise SignatureError(f"settings.json: {SETTINGS_KEY}[{index}] needs a name and a key.")
        public_key_bytes(entry.get("key", ""), where=f"settings.json {SETTINGS_KEY}[{index}]")
        found.append(TrustedPublisher(entry["name"].strip(), entry["key"].strip()))
    return found


# --- the install decision -----------------------------------------------------------------


@dataclass(frozen=True)
class TrustDecision:
    course_id: str
    publisher: str | None
    key: str | None  # the verified signing key, None when unsigned
    trusted: bool  # signed by a key shipped with the app
    pin: bool  # the install must record ``key`` as the course's pinned key

    @property
    def verified(self) -> bool:
        return self.key is not None


def pinned_key(db: Database, course_id: str) -> str | None:
    rows = list(db.query("SELECT pinned_key FROM course_history WHERE course_id = ?", [course_id]))
    return rows[0]["pinned_key"] if rows else None


def check_publisher(
    ctx: Context,
    manifest: Manifest,
    manifest_bytes: bytes,
    signature: bytes | None,
    *,
    trust_new_key: bool | str = False,
) -> TrustDecision:
    """Decide whether a package may install (module docstring); raises ``SignatureError``.

    ``trust_new_key``: True accepts a validly signed package whose key differs from the pinned
    one; a key text accepts only that key (what the user saw in the confirmation dialog).
    """
    key = verify_signature(manifest, manifest_bytes, signature) if signature is not None else None
    name = manifest.publisher.name if manifest.publisher else None
    shipped = trusted_publishers(ctx)
    trusted = key is not None and any(p.key == key for p in shipped)
    if name is not None and not trusted:
        shipped_keys = [p.key for p in shipped if _normal_name(p.name) == _normal_name(name)]
        if shipped_keys:
            raise SignatureError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors",
                    "{course} claims the publisher {publisher!r}, whose key {shipped} ships with "
                    "this app, but it is signed by {key}; refused.",
                ),
                course=manifest.id,
                publisher=name,
                shipped=shipped_keys[0],
                key=key or Phrase(QT_TRANSLATE_NOOP("CoreErrors", "none (unsigned)")),
            )
    pinned = pinned_key(ctx.db, manifest.id)
    if pinned is None or pinned == key:
        return TrustDecision(manifest.id, name, key, trusted, pin=key is not None)
    if key is None:
        raise KeyChangedError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "{course} was signed by {pinned} and this package is unsigned; refused (it may be"
                " an altered copy).",
            ),
            manifest.id,
            pinned,
            None,
            course=manifest.id,
            pinned=pinned,
        )
    if trust_new_key is True or trust_new_key == key:
        return TrustDecision(manifest.id, name, key, trusted, pin=True)
    raise KeyChangedError.of(
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "{course} was signed by {pinned} but this package is signed by {key}; refused (if the"
            " publisher really changed its key, install again with --trust-new-key).",
        ),
        manifest.id,
        pinned,
        key,
        course=manifest.id,
        pinned=pinned,
        key=key,
    )


def record_trust(db: Database, decision: TrustDecision) -> None:
    """Pin the key (inside the install transaction, so a failed install pins nothing)."""
    if not decision.pin or decision.key is None:
        return
    db.execute(
        """
        INSERT INTO course_history (course_id, highest_version, pinned_key, publisher)
        VALUES (?, 0, ?, ?)
        ON CONFLICT(course_id) DO UPDATE
            SET pinned_key = excluded.pinned_key, publisher = excluded.publisher
        """,
        [decision.course_id, decision.key, decision.publisher],
    )


def replace_pinned_key(ctx: Context, course_id: str, new_key: str) -> None:
    """The confirmed "trust this new key" action: the next install must be signed by it."""
    parse_public_key(new_key, where="the new key")
    with ctx.db.atomic():
        if pinned_key(ctx.db, course_id) is None:
            raise SignatureError(f"No key is pinned for {course_id}; nothing to replace.")
        ctx.db.execute(
            "UPDATE course_history SET pinned_key = ? WHERE course_id = ?",
            [new_key.strip(), course_id],
        )


def publisher_info(ctx: Context, course_id: str, shipped: set[str] | None = None) -> dict[str, Any]:
    """What the app shows about an installed course's publisher (and ``list --json`` gives).

    ``verified``: its signature was checked at install; ``trusted``: by a key shipped with the
    app; an unverified course is shown as "unverified publisher". ``shipped``: the keys of
    ``trusted_publishers`` when the caller already read them (a list of courses reads them once).
    """
    row = ctx.course_row(course_id)
    if row is None:
        raise SignatureError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "No course {course!r} is installed."), course=course_id
        )
    manifest = ctx.manifest(course_id)
    if shipped is None:
        shipped = {p.key for p in trusted_publishers(ctx)}
    name = manifest.publisher.name if manifest.publisher else None
    return publisher_facts(name, row.get("signed_by"), shipped)


def publisher_facts(name: str | None, signed_by: str | None, shipped: set[str]) -> dict[str, Any]:
    """``publisher_info`` from its parts: the manifest's publisher name, the course row's
    ``signed_by`` and the keys of ``trusted_publishers``."""
    return {
        "publisher": name,
        "verified": signed_by is not None,
        "publisher_key": signed_by,
        "trusted": signed_by is not None and signed_by in shipped,
    }
