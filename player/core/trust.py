"""Publisher keys: making them, signing packages, and deciding whether a package is trusted.

Format: a public key is written ``ed25519:<base64 of the 32 raw bytes>`` (in the manifest's
``publisher.key``, in ``assets/trusted-keys.txt``, in messages). ``course.json.sig`` holds the
64 raw bytes of an Ed25519 signature over the exact bytes of ``course.json``; since the manifest
lists every member's SHA-256, the signature covers the whole package. A private key file is PEM
(PKCS#8, unencrypted), written with mode 0600.

Who is trusted (docs/security.md, "Publisher identity"): a key shipped in
``assets/trusted-keys.txt``, or one the user added (``trust add``, Settings; ``settings.json``
``trusted_publishers``), for any course id or only for the ids listed with it. Only such a key
makes a course "verified"; a valid signature by any other key is "signed by an unknown
publisher" (with the key's short fingerprint), and the name a package claims proves nothing.

Rules applied by ``check_publisher`` before an install fetches anything:

1. A signature that is truncated, malformed or does not verify with ``publisher.key`` is refused.
2. A package may not borrow a trusted publisher's name: a name equal, after NFKC and case
   folding, to a trusted entry's name must be signed by that entry's key. A name that mixes
   scripts (a look-alike) is refused unless a trusted key signed the package.
3. The first signed install of a course id pins its key (``course_history.pinned_key``, which
   outlives ``remove``). Later, a package signed by another key, or unsigned, is refused with a
   message naming both keys, except that a key trusted for the course takes over a course pinned
   to a key that is not (the install says so). Rotating keys otherwise is an explicit action:
   ``install(trust_new_key=...)`` (``--trust-new-key``) after the user confirmed, or
   ``replace_pinned_key``. An unsigned package never replaces a pinned key.
4. Otherwise an unsigned package installs, marked unsigned (``courses.signed_by`` is NULL).
5. The rollback floor is kept per course id and signing key (``version_floors``): a package's
   floor is the highest version of its own line and of the lines of keys trusted for the course,
   so an unsigned or unknown "version 999" cannot lock out the trusted publisher's version 3.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from player.core.errors import QT_TRANSLATE_NOOP, ManifestError, Phrase, PlayerError, SignatureError
from player.core.resources import assets_dir
from player.core.settings import load_settings, update_settings
from player.core.trust_names import mixed_scripts, normal_name

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


# --- fingerprints -----------------------------------------------------------------------


def key_fingerprint(key_text: str) -> str:
    """SHA-256 of the key's 32 raw bytes, upper-case hex in groups of four (what users compare).

    Read aloud or compared on paper with what the publisher printed; ``trust add`` and Settings
    show it before a key is trusted.
    """
    digest = hashlib.sha256(public_key_bytes(key_text, where="the key")).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def short_fingerprint(key_text: str) -> str:
    """The first two groups of ``key_fingerprint`` ("ABCD 1234"): names an unknown key on screen.

    Short enough to read, not to authenticate: a key is trusted only with its full fingerprint.
    """
    return key_fingerprint(key_text)[:9]


# --- keys the laptop trusts -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrustedPublisher:
    """A key this laptop trusts, the name it is known by here, and the courses it may publish.

    ``courses`` empty: any course id. ``shipped``: from ``assets/trusted-keys.txt`` (part of the
    app; cannot be removed here), else added by the user (``settings.json``).
    """

    name: str
    key: str
    courses: tuple[str, ...] = ()
    shipped: bool = False

    def covers(self, course_id: str) -> bool:
        return not self.courses or course_id in self.courses

    @property
    def fingerprint(self) -> str:
        return key_fingerprint(self.key)

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "key": self.key,
            "fingerprint": self.fingerprint,
            "courses": list(self.courses),
            "source": "app" if self.shipped else "user",
        }


def read_key_list(path: Path) -> Iterator[tuple[int, str, str]]:
    """``(line number, key, name)`` for each line ``ed25519:<base64> Name`` of a key list
    (``#`` starts a comment; a missing file is an empty list). A malformed key raises
    ``SignatureError`` naming the file and line; the name may be empty."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return
    for number, line in enumerate(lines, start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        key, _, name = line.partition(" ")
        public_key_bytes(key, where=f"{path.name} line {number}")
        yield number, key, name.strip()


def read_trusted_keys_file(path: Path) -> list[TrustedPublisher]:
    """Lines ``ed25519:<base64> Publisher name``; ``#`` starts a comment."""
    found = []
    for number, key, name in read_key_list(path):
        if not name:
            raise SignatureError(f"{path.name} line {number} names no publisher after the key.")
        found.append(TrustedPublisher(name, key, shipped=True))
    return found


def shipped_publishers() -> list[TrustedPublisher]:
    return read_trusted_keys_file(assets_dir() / TRUSTED_KEYS_FILE)


def user_publishers(settings: Mapping[str, Any]) -> list[TrustedPublisher]:
    """The keys the user added (``settings.json``: ``trusted_publishers``), checked."""
    entries = settings.get(SETTINGS_KEY) or []
    if not isinstance(entries, list):
        raise SignatureError(f"settings.json: {SETTINGS_KEY} must be a list of {{name, key}}.")
    found = []
    for index, entry in enumerate(entries):
        where = f"settings.json {SETTINGS_KEY}[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise SignatureError(f"{where} needs a name and a key.")
        public_key_bytes(entry.get("key", ""), where=where)
        courses = entry.get("courses") or []
        if not isinstance(courses, list) or not all(isinstance(c, str) for c in courses):
            raise SignatureError(f"{where}: courses must be a list of course ids.")
        found.append(TrustedPublisher(entry["name"].strip(), entry["key"].strip(), tuple(courses)))
    return found


def trusted_publishers(
    ctx: Context, settings: Mapping[str, Any] | None = None
) -> list[TrustedPublisher]:
    """The keys shipped with the app, then those the user added.

    ``settings``: the settings the caller already read (the app keeps them), else the file's.
    """
    if settings is None:
        settings = load_settings(ctx.data.settings)
    return shipped_publishers() + user_publishers(settings)


def trusted_entry(
    entries: Sequence[TrustedPublisher], key: str | None, course_id: str
) -> TrustedPublisher | None:
    """The entry that makes ``key`` trusted for ``course_id``, if any (shipped ones first)."""
    if key is None:
        return None
    return next((e for e in entries if e.key == key and e.covers(course_id)), None)


def trusted_course_check(ctx: Context) -> Callable[[str], bool]:
    """``course_id -> bool``: the installed course is signed by a key trusted here for that id.

    Sync uses it as the "trusted key's signature" approval of an LRS address a course names
    (docs/security.md): only a publisher this laptop trusts may say where results go unasked.
    The trusted keys are read at each call, so a key removed in Settings stops counting at once.
    """

    def trusted(course_id: str) -> bool:
        row = ctx.course_row(course_id)
        if row is None:
            return False
        return trusted_entry(trusted_publishers(ctx), row.get("signed_by"), course_id) is not None

    return trusted


def _check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise SignatureError.of(QT_TRANSLATE_NOOP("CoreErrors", "A trusted key needs a name."))
    if len(name) > 200:
        raise SignatureError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "A publisher name has at most {limit} characters."),
            limit=200,
        )
    mixed = mixed_scripts(name)
    if mixed:
        raise SignatureError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "The name {name!r} mixes scripts ({scripts}), as look-alike names do; refused.",
            ),
            name=name,
            scripts=" + ".join(mixed),
        )
    return name


def with_trusted_key(
    settings: Mapping[str, Any], key: str, *, name: str, courses: Sequence[str] = ()
) -> tuple[list[dict[str, Any]], TrustedPublisher]:
    """The ``trusted_publishers`` setting with ``key`` added (or its name and courses changed).

    Refused: a malformed key, an empty or look-alike name, and a shipped publisher's name
    given to another key (that would let a package borrow the name of a publisher the app
    ships with).
    """
    key = key.strip()
    public_key_bytes(key, where="the key")
    name = _check_name(name)
    courses = tuple(dict.fromkeys(c.strip() for c in courses if c.strip()))
    for shipped in shipped_publishers():
        if normal_name(shipped.name) == normal_name(name) and shipped.key != key:
            raise SignatureError.of(
                QT_TRANSLATE_NOOP(
                    "CoreErrors",
                    "{name!r} is the name of a publisher that ships with this app, with the key "
                    "{shipped}; choose another name for {key}.",
                ),
                name=name,
                shipped=shipped.key,
                key=key,
            )
    user_publishers(settings)  # a damaged list is reported, not overwritten
    entries = [dict(e) for e in settings.get(SETTINGS_KEY) or [] if e.get("key") != key]
    entry: dict[str, Any] = {"name": name, "key": key}
    if courses:
        entry["courses"] = list(courses)
    entries.append(entry)
    return entries, TrustedPublisher(name, key, courses)


def without_trusted_key(
    settings: Mapping[str, Any], which: str
) -> tuple[list[dict[str, Any]], TrustedPublisher]:
    """The ``trusted_publishers`` setting without the key named by ``which``.

    ``which``: the key text, its fingerprint, or the fingerprint's first groups (at least 8 hex
    digits, spaces ignored) when they name one key only.
    """
    wanted = which.strip()
    digits = "".join(wanted.split()).upper()
    users = user_publishers(settings)

    def matches(entry: TrustedPublisher) -> bool:
        if entry.key == wanted:
            return True
        return len(digits) >= 8 and entry.fingerprint.replace(" ", "").startswith(digits)

    found = [e for e in users if matches(e)]
    if not found and any(matches(e) for e in shipped_publishers()):
        raise SignatureError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "{key} ships with this app (assets/trusted-keys.txt); it cannot be removed here.",
            ),
            key=wanted,
        )
    if not found:
        raise SignatureError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{key} is not in the list of trusted keys."),
            key=wanted,
        )
    if len(found) > 1:
        raise SignatureError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors", "{key} names {count} trusted keys; give the whole key."
            ),
            key=wanted,
            count=len(found),
        )
    removed = found[0]
    entries = [dict(e) for e in settings.get(SETTINGS_KEY) or [] if e.get("key") != removed.key]
    return entries, removed


def add_trusted_key(
    settings_path: Path, key: str, *, name: str, courses: Sequence[str] = ()
) -> TrustedPublisher:
    """Trust ``key`` on this laptop (``settings.json``); see ``with_trusted_key``."""
    entries, added = with_trusted_key(load_settings(settings_path), key, name=name, courses=courses)
    update_settings(settings_path, **{SETTINGS_KEY: entries})
    return added


def remove_trusted_key(settings_path: Path, which: str) -> TrustedPublisher:
    """Stop trusting a key the user added; see ``without_trusted_key``.

    Courses it signed stay installed and pinned to it; they are shown "signed by an unknown
    publisher" from now on.
    """
    entries, removed = without_trusted_key(load_settings(settings_path), which)
    update_settings(settings_path, **{SETTINGS_KEY: entries or None})
    return removed


def read_key_source(text: str) -> tuple[str, str | None]:
    """The key to trust and its name if known, from ``trust add KEY|FILE``.

    ``text``: a key (``ed25519:...``); a text file whose first key line is
    ``ed25519:... [name]`` (what ``keygen`` prints, or a line of ``trusted-keys.txt``); or a
    signed package (zip, folder, ``course.json``): the key that signed it, once its signature
    is checked, and the publisher name it claims.
    """
    if text.strip().startswith(KEY_PREFIX):
        public_key_bytes(text, where="the key")
        return text.strip(), None
    path = Path(text).expanduser()
    if not path.exists():
        raise SignatureError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors", "{path} is neither a key (ed25519:...) nor an existing file."
            ),
            path=text,
        )
    import zipfile

    if path.is_dir() or path.name == "course.json" or zipfile.is_zipfile(path):
        return _key_of_package(path)
    try:
        with open(path, encoding="utf-8", errors="replace") as stream:
            head = stream.read(64 * 1024)
    except OSError as error:
        raise SignatureError(f"Cannot read {path}: {error.strerror or error}.") from error
    for line in head.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith(KEY_PREFIX):
            key, _, name = line.partition(" ")
            public_key_bytes(key, where=str(path))
            return key, name.strip() or None
    raise SignatureError.of(
        QT_TRANSLATE_NOOP("CoreErrors", "{path} holds no ed25519: key and is not a package."),
        path=str(path),
    )


def _key_of_package(path: Path) -> tuple[str, str | None]:
    from player.core.package.manifest import MANIFEST_NAME, parse_manifest
    from player.core.sources import open_source

    source = open_source(str(path))
    try:
        manifest_bytes = source.read_manifest_bytes()
        manifest = parse_manifest(manifest_bytes, origin=MANIFEST_NAME)
        signature = source.read_signature()
    finally:
        source.close()
    if signature is None:
        raise SignatureError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "{path} is not signed: it names no key to trust."),
            path=str(path),
        )
    key = verify_signature(manifest, manifest_bytes, signature)
    return key, manifest.publisher.name if manifest.publisher else None


# --- the install decision -----------------------------------------------------------------


@dataclass(frozen=True)
class TrustDecision:
    course_id: str
    publisher: str | None  # the name the package claims (proves nothing by itself)
    key: str | None  # the verified signing key, None when unsigned
    trusted_as: str | None  # the name of the trust entry for ``key`` and this course, if any
    pin: bool  # the install must record ``key`` as the course's pinned key
    replaced_key: str | None = None  # a trusted key takes over from this (untrusted) pin
    # Lines (signing keys, "" for unsigned) whose highest version is this install's floor.
    floor_keys: frozenset[str] = frozenset()

    @property
    def signed(self) -> bool:
        return self.key is not None

    @property
    def trusted(self) -> bool:
        return self.trusted_as is not None

    def takeover_message(self) -> str | None:
        if self.replaced_key is None or self.key is None:
            return None
        return (
            f"{self.course_id} was pinned to the unknown key {short_fingerprint(self.replaced_key)}"
            f" ({self.replaced_key}); the trusted publisher {self.trusted_as!r} (key "
            f"{short_fingerprint(self.key)}) takes it over."
        )


def pinned_key(db: Database, course_id: str) -> str | None:
    rows = list(db.query("SELECT pinned_key FROM course_history WHERE course_id = ?", [course_id]))
    return rows[0]["pinned_key"] if rows else None


def _check_claimed_name(
    course_id: str,
    name: str,
    key: str | None,
    entries: Sequence[TrustedPublisher],
    trusted: bool,
) -> None:
    """A package may not borrow a trusted publisher's name, nor use a look-alike one."""
    mixed = mixed_scripts(name)
    if mixed and not trusted:
        raise SignatureError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "{course}: the publisher name {publisher!r} mixes scripts ({scripts}), as "
                "look-alike names do; refused.",
            ),
            course=course_id,
            publisher=name,
            scripts=" + ".join(mixed),
        )
    owners = [e for e in entries if normal_name(e.name) == normal_name(name)]
    if owners and key not in {e.key for e in owners}:
        raise SignatureError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "{course} claims the name of the trusted publisher {publisher!r} (key {owner}), "
                "but it is signed by {key}; refused.",
            ),
            course=course_id,
            publisher=name,
            owner=owners[0].key,
            key=key or Phrase(QT_TRANSLATE_NOOP("CoreErrors", "none (unsigned)")),
        )


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
    entries = trusted_publishers(ctx)
    entry = trusted_entry(entries, key, manifest.id)
    if name is not None:
        _check_claimed_name(manifest.id, name, key, entries, entry is not None)
    floor_keys = frozenset({key or ""} | {e.key for e in entries if e.covers(manifest.id)})

    def decision(pin: bool, replaced: str | None = None) -> TrustDecision:
        trusted_as = entry.name if entry else None
        return TrustDecision(manifest.id, name, key, trusted_as, pin, replaced, floor_keys)

    pinned = pinned_key(ctx.db, manifest.id)
    if pinned is None or pinned == key:
        return decision(pin=key is not None)
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
        return decision(pin=True)
    if entry is not None and trusted_entry(entries, pinned, manifest.id) is None:
        return decision(pin=True, replaced=pinned)  # a trusted key takes over a first-sight pin
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


def publisher_info(
    ctx: Context, course_id: str, entries: Sequence[TrustedPublisher] | None = None
) -> dict[str, Any]:
    """What the app shows about an installed course's publisher (and ``list --json`` gives).

    ``entries``: ``trusted_publishers`` when the caller already read them (a list of courses
    reads them once). See ``publisher_facts``.
    """
    row = ctx.course_row(course_id)
    if row is None:
        raise SignatureError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "No course {course!r} is installed."), course=course_id
        )
    manifest = ctx.manifest(course_id)
    if entries is None:
        entries = trusted_publishers(ctx)
    name = manifest.publisher.name if manifest.publisher else None
    return publisher_facts(name, row.get("signed_by"), entries, course_id)


def publisher_facts(
    name: str | None,
    signed_by: str | None,
    entries: Sequence[TrustedPublisher],
    course_id: str,
) -> dict[str, Any]:
    """``publisher_info`` from its parts: the manifest's publisher name, the course row's
    ``signed_by``, the trusted keys and the course id.

    ``verified`` (and its old name ``trusted``): signed by a key trusted *now* for this course;
    ``trusted_as`` is then the name the laptop knows it by, which is what the app shows.
    ``signed``: a valid signature was checked at install, by whatever key (``publisher_key``,
    ``fingerprint`` its short fingerprint). ``publisher``: the name the package claims.
    """
    entry = trusted_entry(entries, signed_by, course_id)
    return {
        "publisher": name,
        "verified": entry is not None,
        "trusted": entry is not None,
        "trusted_as": entry.name if entry else None,
        "signed": signed_by is not None,
        "publisher_key": signed_by,
        "fingerprint": short_fingerprint(signed_by) if signed_by else None,
    }
