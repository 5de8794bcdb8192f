"""PINs on a shared laptop: one slow hash, wrong guesses throttled, and the trainer's PIN.

A PIN keeps another learner at the same laptop from opening someone's courses (or the trainer's
dashboard) through the app; it is not a protection against someone who can read or copy the
data folder (``docs/security.md``). It is still stored as a slow scrypt hash with its own salt
(``scrypt$n$r$p$salt$hash``, hex), never in clear.

Throttling: after ``FREE_FAILURES`` wrong PINs in a row, a PIN is refused without being checked
(``PinThrottledError``: "try again in N s") for ``FIRST_DELAY_S``, a delay that doubles with
each further wrong PIN, up to ``MAX_DELAY_S``. The count is kept per subject (a learner, the
trainer) in the database table ``pin_guards``, so restarting the app does not reset it; a right
PIN resets it, and so does setting a new PIN. Every check takes a ``clock`` (seconds, as
``time.time``) so tests move time instead of waiting.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from player.core.errors import QT_TRANSLATE_NOOP, LearningError
from player.core.store.database import utc_now

if TYPE_CHECKING:
    from sqlite_utils import Database

# hashlib, hmac and secrets are imported where PINs are hashed and checked: the desktop app
# reads its learner at start-up without them.

PIN_RE = re.compile(r"^[0-9]{4,8}$")

# scrypt cost: about 16 MB and tens of milliseconds per check on a small laptop.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1

#: Wrong PINs in a row accepted before the first delay.
FREE_FAILURES = 3
#: The first delay; each further wrong PIN doubles it.
FIRST_DELAY_S = 30
#: The longest delay (a learner who mistypes on purpose locks the trainer out this long at most).
MAX_DELAY_S = 15 * 60

#: The subject of the trainer's PIN in ``pin_guards``; learners are ``learner:<id>``.
TRAINER = "trainer"

Clock = Callable[[], float]


class PinThrottledError(LearningError):
    """Too many wrong PINs: no PIN is checked for ``seconds`` more."""

    def __init__(self, message: str, seconds: int = 0) -> None:
        super().__init__(message)
        self.seconds = seconds


def _throttled(seconds: int) -> PinThrottledError:
    return PinThrottledError.of(
        QT_TRANSLATE_NOOP("CoreErrors", "Too many wrong PINs: try again in {seconds} s."),
        seconds,
        seconds=seconds,
    )


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of the PIN, in one self-describing string."""
    if not isinstance(pin, str) or not PIN_RE.match(pin):
        raise LearningError.of(QT_TRANSLATE_NOOP("CoreErrors", "A PIN is 4 to 8 digits."))
    import hashlib
    import secrets

    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` hashes to ``stored`` (no throttling: use ``check_pin``)."""
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


# --- throttling ------------------------------------------------------------------------------


def learner_subject(learner_id: int) -> str:
    return f"learner:{learner_id}"


def seconds_to_wait(db: Database, subject: str, *, clock: Clock = time.time) -> int:
    """How long (whole seconds, 0 for none) before a PIN for ``subject`` is checked again."""
    rows = list(db.query("SELECT blocked_until FROM pin_guards WHERE subject = ?", [subject]))
    if not rows:
        return 0
    now = clock()
    remaining = float(rows[0]["blocked_until"]) - now
    if remaining > MAX_DELAY_S:
        # The clock went back (or the row was edited): never wait longer than the longest delay.
        remaining = MAX_DELAY_S
        db.execute(
            "UPDATE pin_guards SET blocked_until = ? WHERE subject = ?", [now + remaining, subject]
        )
    return max(0, math.ceil(remaining))


def delay_after(failures: int) -> int:
    """The delay after ``failures`` wrong PINs in a row (0 while they are free)."""
    if failures < FREE_FAILURES:
        return 0
    return int(min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** min(failures - FREE_FAILURES, 32)))


def _record_failure(db: Database, subject: str, now: float) -> None:
    with db.atomic():
        db.execute(
            "INSERT INTO pin_guards (subject, failures, blocked_until, last_failure_at)"
            " VALUES (?, 1, 0, ?) ON CONFLICT(subject) DO UPDATE"
            " SET failures = failures + 1, last_failure_at = excluded.last_failure_at",
            [subject, utc_now()],
        )
        failures = db.execute(
            "SELECT failures FROM pin_guards WHERE subject = ?", [subject]
        ).fetchone()[0]
        db.execute(
            "UPDATE pin_guards SET blocked_until = ? WHERE subject = ?",
            [now + delay_after(failures), subject],
        )


def forget_failures(db: Database, subject: str) -> None:
    db.execute("DELETE FROM pin_guards WHERE subject = ?", [subject])


def check_pin(
    db: Database, subject: str, stored: str | None, pin: str, *, clock: Clock = time.time
) -> bool:
    """True when there is no PIN (``stored`` empty) or ``pin`` is right; wrong ones are counted.

    While a delay runs, raises ``PinThrottledError`` without checking (a right PIN included)
    and without counting the attempt.
    """
    if not stored:
        return True
    wait = seconds_to_wait(db, subject, clock=clock)
    if wait:
        raise _throttled(wait)
    if isinstance(pin, str) and pin_matches(pin, stored):
        forget_failures(db, subject)
        return True
    _record_failure(db, subject, clock())
    return False


# --- the trainer's PIN -------------------------------------------------------------------------


def _trainer_row(db: Database) -> dict[str, str | None]:
    rows = list(db.query("SELECT pin_hash, offered_at FROM trainer WHERE id = 1"))
    return rows[0] if rows else {"pin_hash": None, "offered_at": None}


def trainer_pin_set(db: Database) -> bool:
    """Whether the trainer dashboard (and its imports and exports) asks for a PIN."""
    return bool(_trainer_row(db)["pin_hash"])


def _store_trainer(db: Database, pin_hash: str | None) -> None:
    db.execute(
        "INSERT INTO trainer (id, pin_hash, offered_at) VALUES (1, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET pin_hash = excluded.pin_hash,"
        " offered_at = coalesce(trainer.offered_at, excluded.offered_at)",
        [pin_hash, utc_now()],
    )


def set_trainer_pin(db: Database, pin: str | None) -> None:
    """Guard the dashboard with a 4–8 digit PIN (None removes it); the failure count restarts."""
    pin_hash = hash_pin(pin) if pin else None
    with db.atomic():
        _store_trainer(db, pin_hash)
        forget_failures(db, TRAINER)


def adopt_trainer_pin_hash(db: Database, pin_hash: str) -> None:
    """Keep a hash an older version stored in ``settings.json``, unless a PIN is set here."""
    if pin_hash.startswith("scrypt$") and not trainer_pin_set(db):
        _store_trainer(db, pin_hash)


def check_trainer_pin(db: Database, pin: str, *, clock: Clock = time.time) -> bool:
    """True when no trainer PIN is set or ``pin`` is it; throttled like learners' PINs."""
    return check_pin(db, TRAINER, _trainer_row(db)["pin_hash"], pin, clock=clock)


def trainer_pin_offered(db: Database) -> bool:
    """Whether the app has already offered to set a trainer PIN (it offers once)."""
    return bool(_trainer_row(db)["offered_at"])


def mark_trainer_pin_offered(db: Database) -> None:
    db.execute(
        "INSERT INTO trainer (id, offered_at) VALUES (1, ?)"
        " ON CONFLICT(id) DO UPDATE SET offered_at = coalesce(trainer.offered_at, ?)",
        [utc_now(), utc_now()],
    )
