"""Learner profiles: several people share one laptop in a workshop.

A learner has a name (unique, case-insensitive), an optional e-mail (identifies them to the LRS
when syncing), an optional language and an optional PIN. The PIN is asked when the app starts on
that learner and when switching to them; it is hashed and its wrong guesses throttled by
``player.core.learning.pins`` (what it protects against: ``docs/security.md``).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from player.core.errors import QT_TRANSLATE_NOOP, LearningError
from player.core.learning.pins import (
    Clock,
    check_pin,
    forget_failures,
    hash_pin,
    learner_subject,
)
from player.core.package.language import LANG_RE
from player.core.store.database import utc_now

if TYPE_CHECKING:
    from sqlite_utils import Database

# uuid is imported where learners are created: the desktop app reads its learner at start-up
# without it.

DEFAULT_LEARNER_NAME = "Learner"
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_NAME = 80


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
    """Set (4 to 8 digits) or clear (``None``) the learner's PIN; wrong guesses are forgotten."""
    pin_hash = hash_pin(pin) if pin is not None else None
    with db.atomic():
        get_learner(db, learner_id)
        db.execute("UPDATE learners SET pin_hash = ? WHERE id = ?", [pin_hash, learner_id])
        forget_failures(db, learner_subject(learner_id))
    return get_learner(db, learner_id)


def verify_pin(db: Database, learner_id: int, pin: str, *, clock: Clock = time.time) -> bool:
    """True when the learner has no PIN or ``pin`` is theirs.

    Wrong PINs are counted: after three in a row, ``PinThrottledError`` ("try again in N s")
    until the delay has passed, even for the right PIN (``player.core.learning.pins``).
    """
    rows = list(db.query("SELECT pin_hash FROM learners WHERE id = ?", [learner_id]))
    if not rows:
        raise LearningError.of(NO_LEARNER, learner=learner_id)
    return check_pin(db, learner_subject(learner_id), rows[0]["pin_hash"], pin, clock=clock)


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
