"""Learner profiles: several people share one laptop in a workshop.

A learner has a name (unique, case-insensitive), an optional e-mail (identifies them to the LRS
when syncing), an optional language and an optional PIN. The PIN only guards switching profile
on a shared laptop; it is not a security boundary, but it is still stored as a slow scrypt hash
with its own salt (``scrypt$n$r$p$salt$hash``, hex), never in clear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from player.core.errors import QT_TRANSLATE_NOOP, LearningError
from player.core.package.language import LANG_RE
from player.core.store.database import utc_now

if TYPE_CHECKING:
    from sqlite_utils import Database

# hashlib, hmac, secrets and uuid are imported where PINs are hashed and learners created:
# the desktop app reads its learner at start-up without them.

DEFAULT_LEARNER_NAME = "Learner"
PIN_RE = re.compile(r"^[0-9]{4,8}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_NAME = 80

# scrypt cost: about 16 MB and tens of milliseconds per check on a small laptop.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1

NO_LEARNER = QT_TRANSLATE_NOOP("CoreErrors", "There is no learner with id {learner}.")


@dataclass(frozen=True, slots=True)
class Learner:
    id: int
    uuid: str  # stable, used as the xAPI account name when there is no e-mail
    name: str
    email: str | None
    language: str | None
    has_pin: bool
    created_at: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uuid": self.uuid,
            "name": self.name,
            "email": self.email,
            "language": self.language,
            "has_pin": self.has_pin,
            "created_at": self.created_at,
        }


def _from_row(row: dict[str, Any]) -> Learner:
    return Learner(
        id=row["id"],
        uuid=row["uuid"],
        name=row["name"],
        email=row["email"],
        language=row["language"],
        has_pin=bool(row["pin_hash"]),
        created_at=row["created_at"],
    )


def _clean_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise LearningError.of(QT_TRANSLATE_NOOP("CoreErrors", "A learner needs a name."))
    if len(cleaned) > MAX_NAME:
        raise LearningError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "A learner name has at most {limit} characters."),
            limit=MAX_NAME,
        )
    if any(ord(ch) < 32 for ch in cleaned):
        raise LearningError.of(
            QT_TRANSLATE_NOOP("CoreErrors", "A learner name cannot contain control characters.")
        )
    return cleaned


def _clean_email(email: str | None) -> str | None:
    if email is None or not email.strip():
        return None
    email = email.strip()
    if len(email) > 254 or not EMAIL_RE.match(email):
        raise LearningError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors", "{email!r} is not an e-mail address such as ana@example.org."
            ),
            email=email,
        )
    return email


def _clean_language(language: str | None) -> str | None:
    if language is None or not language.strip():
        return None
    language = language.strip()
    if len(language) > 35 or not LANG_RE.match(language):
        raise LearningError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors", "{language!r} is not a language code such as 'fr' or 'en'."
            ),
            language=language,
        )
    return language


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of the PIN, in one self-describing string."""
    if not isinstance(pin, str) or not PIN_RE.match(pin):
        raise LearningError.of(QT_TRANSLATE_NOOP("CoreErrors", "A PIN is 4 to 8 digits."))
    import hashlib
    import secrets

    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def _pin_matches(pin: str, stored: str) -> bool:
    import hashlib
    import hmac

    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        digest = hashlib.scrypt(
            pin.encode(),
            salt=bytes.fromhex(salt_hex),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(digest_hex) // 2,
        )
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)


def _name_taken(db: Database, name: str, except_id: int | None = None) -> bool:
    folded = name.casefold()
    return any(
        row["name"].casefold() == folded and row["id"] != except_id
        for row in db.query("SELECT id, name FROM learners")
    )


def create_learner(
    db: Database,
    name: str,
    *,
    email: str | None = None,
    language: str | None = None,
    pin: str | None = None,
) -> Learner:
    """Add a learner profile; a name already used (ignoring case) is refused."""
    import uuid

    name = _clean_name(name)
    email = _clean_email(email)
    language = _clean_language(language)
    pin_hash = hash_pin(pin) if pin is not None else None
    with db.atomic():
        if _name_taken(db, name):
            raise LearningError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "A learner named {name!r} already exists."),
                name=name,
            )
        cursor = db.execute(
            "INSERT INTO learners (uuid, name, email, language, pin_hash, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [str(uuid.uuid4()), name, email, language, pin_hash, utc_now()],
        )
        learner_id = cursor.lastrowid
    assert learner_id is not None
    return get_learner(db, learner_id)


def list_learners(db: Database) -> list[Learner]:
    """Every learner, oldest first."""
    return [_from_row(row) for row in db.query("SELECT * FROM learners ORDER BY id")]


def get_learner(db: Database, learner_id: int) -> Learner:
    row = next(db.query("SELECT * FROM learners WHERE id = ?", [learner_id]), None)
    if row is None:
        raise LearningError.of(NO_LEARNER, learner=learner_id)
    return _from_row(row)


def find_learner(db: Database, name: str) -> Learner:
    """The learner with this name (ignoring case and extra spaces)."""
    wanted = " ".join(name.split()).casefold()
    for learner in list_learners(db):
        if learner.name.casefold() == wanted:
            return learner
    raise LearningError.of(
        QT_TRANSLATE_NOOP(
            "CoreErrors", "There is no learner named {name!r}; see 'course-player learners list'."
        ),
        name=name,
    )


_UNSET: Any = object()


def update_learner(
    db: Database,
    learner_id: int,
    *,
    name: str = _UNSET,
    email: str | None = _UNSET,
    language: str | None = _UNSET,
) -> Learner:
    """Rename a learner or change their e-mail or language (``None`` clears the last two)."""
    changes: dict[str, Any] = {}
    if name is not _UNSET:
        changes["name"] = _clean_name(name)
    if email is not _UNSET:
        changes["email"] = _clean_email(email)
    if language is not _UNSET:
        changes["language"] = _clean_language(language)
    with db.atomic():
        get_learner(db, learner_id)
        if "name" in changes and _name_taken(db, changes["name"], except_id=learner_id):
            raise LearningError.of(
                QT_TRANSLATE_NOOP("CoreErrors", "A learner named {name!r} already exists."),
                name=changes["name"],
            )
        for column, value in changes.items():
            db.execute(f"UPDATE learners SET {column} = ? WHERE id = ?", [value, learner_id])
    return get_learner(db, learner_id)


def rename_learner(db: Database, learner_id: int, name: str) -> Learner:
    return update_learner(db, learner_id, name=name)


def set_pin(db: Database, learner_id: int, pin: str | None) -> Learner:
    """Set (4 to 8 digits) or clear (``None``) the learner's PIN."""
    pin_hash = hash_pin(pin) if pin is not None else None
    with db.atomic():
        get_learner(db, learner_id)
        db.execute("UPDATE learners SET pin_hash = ? WHERE id = ?", [pin_hash, learner_id])
    return get_learner(db, learner_id)


def verify_pin(db: Database, learner_id: int, pin: str) -> bool:
    """True when the learner has no PIN or ``pin`` is theirs."""
    rows = list(db.query("SELECT pin_hash FROM learners WHERE id = ?", [learner_id]))
    if not rows:
        raise LearningError.of(NO_LEARNER, learner=learner_id)
    stored = rows[0]["pin_hash"]
    if not stored:
        return True
    return isinstance(pin, str) and _pin_matches(pin, stored)


def ensure_default_learner(db: Database, name: str = DEFAULT_LEARNER_NAME) -> Learner:
    """The first learner, created on first run so the app never blocks on a form.

    The UI passes a translated ``name``; the learner can rename themselves later. One statement
    both checks and inserts, so two processes starting together still make only one.
    """
    if not db.execute("SELECT 1 FROM learners LIMIT 1").fetchone():
        import uuid

        db.execute(
            "INSERT INTO learners (uuid, name, created_at)"
            " SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM learners)",
            [str(uuid.uuid4()), _clean_name(name), utc_now()],
        )
    return list_learners(db)[0]
