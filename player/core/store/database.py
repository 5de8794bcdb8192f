"""Opening the database: WAL, foreign keys, a quick check, then pending migrations.

``open_database`` is the one way in: a sqlite-utils ``Database`` that writes and reads alike
(``db.query``, ``db.execute``, ``db.atomic``). Before migrating it refuses a database written by
a newer app (one that recorded a step this app does not know): a partner's newer portable build
may have opened the same data folder on a USB stick, and an older app must not write beside a
schema it does not understand.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from player.core.errors import QT_TRANSLATE_NOOP, DamagedDatabaseError, StoreError
from player.core.store.migrations import migrations, step_names


def utc_now() -> str:
    """An ISO-8601 UTC timestamp with milliseconds, as stored everywhere in the database."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


#: SQLite's page cache per connection, in KiB (SQLite's default: 2,000). A trainer's database
#: after a season (≈ 55,000 imported statements, > 100 MB) re-read the pages of its indexes from
#: the file during each import with 2 MB; the cache grows only as pages are read.
CACHE_KIB = 16_384


def _connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=30, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def _checked_connection(path: Path | str) -> sqlite3.Connection:
    """A connection in WAL mode with ``synchronous=FULL``, after ``PRAGMA quick_check``.

    ``synchronous=FULL`` with WAL: an acknowledged write survives a power cut, which is the
    promise we make to learners. A database that fails ``PRAGMA quick_check`` is copied to
    ``backups/`` and reported with a one-line ``DamagedDatabaseError``; it is never overwritten
    (``set_aside_damaged`` moves it away when the user chooses to start afresh).
    """
    in_memory = str(path) == ":memory:"
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect(path)
        if not in_memory:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        problems = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as error:
        if conn is not None:
            conn.close()
        raise _damaged(path, in_memory, str(error)) from error
    if problems != ["ok"]:
        conn.close()
        raise _damaged(path, in_memory, problems[0])
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # reads the schema: a checked file only
    return conn


def _damaged(path: Path | str, in_memory: bool, reason: str) -> DamagedDatabaseError:
    backup = _backup_damaged(Path(str(path)), in_memory)
    return DamagedDatabaseError.of(
        QT_TRANSLATE_NOOP(
            "CoreErrors",
            "The progress database {path} is damaged ({reason}); a copy is in {backup}.",
        ),
        str(path),
        str(backup or ""),
        path=str(path),
        reason=reason,
        backup=str(backup or "backups/"),
    )


def refuse_newer(db: Database, path: Path | str) -> None:
    """Refuse a database that recorded a schema step this app does not know (a newer app's)."""
    known = set(step_names())
    unknown = [step.name for step in migrations.applied(db) if step.name not in known]
    if unknown:
        raise StoreError.of(
            QT_TRANSLATE_NOOP(
                "CoreErrors",
                "The progress database {path} was written by a newer version of Course Player"
                " (schema step {step}); open it with that version or a newer one.",
            ),
            path=str(path),
            step=unknown[0],
        )


def open_database(path: Path | str, *, migrate: bool = True) -> Database:
    """Open (creating if needed), check and upgrade the database.

    ``migrate=False`` only checks it (tests use it to build a database an older app left).
    """
    # No third-party sqlite-utils plugins: they could change how the connection behaves.
    db = Database(_checked_connection(path), execute_plugins=False)
    try:
        refuse_newer(db, path)
        if migrate:
            migrations.apply(db)
    except sqlite3.DatabaseError as error:
        db.close()
        raise StoreError(f"Cannot upgrade the progress database {path}: {error}") from error
    except BaseException:
        db.close()
        raise
    return db


def _backup_damaged(path: Path, in_memory: bool) -> Path | None:
    """Copy a damaged database to ``backups/`` (once: a start that finds it again reuses it)."""
    if in_memory or not path.exists():
        return None
    backups = path.parent / "backups"
    backups.mkdir(exist_ok=True)
    earlier = sorted(backups.glob(f"{path.name}.damaged-*"))
    if earlier and _same_bytes(earlier[-1], path):
        return earlier[-1]
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = backups / f"{path.name}.damaged-{stamp}"
    shutil.copy2(path, target)
    return target


def _same_bytes(first: Path, second: Path) -> bool:
    if first.stat().st_size != second.stat().st_size:
        return False
    with open(first, "rb") as a, open(second, "rb") as b:
        while True:
            block_a, block_b = a.read(1 << 20), b.read(1 << 20)
            if block_a != block_b:
                return False
            if not block_a:
                return True


def set_aside_damaged(path: Path | str) -> Path:
    """Move a damaged database (and its WAL files) into ``backups/``, so a new one can start.

    Nothing is deleted: the learner's records stay there for someone to recover, and progress
    that was synced or exported can be imported into the new database.
    """
    path = Path(path)
    backups = path.parent / "backups"
    backups.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = backups / f"{path.name}.set-aside-{stamp}"
    for suffix in ("-wal", "-shm", ""):
        member = Path(f"{path}{suffix}")
        if member.exists():
            os.replace(member, Path(f"{target}{suffix}"))
    return target
