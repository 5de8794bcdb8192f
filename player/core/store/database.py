"""Opening the database: WAL, foreign keys, a quick check, then pending migrations."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils.plugins
from sqlite_utils import Database

from player.core.errors import StoreError
from player.core.store.migrations import migrations


def utc_now() -> str:
    """An ISO-8601 UTC timestamp with milliseconds, as stored everywhere in the database."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=30, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def open_database(path: Path | str, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and upgrade the database.

    ``synchronous=FULL`` with WAL: an acknowledged write survives a power cut, which is the
    promise we make to learners. A database that fails ``PRAGMA quick_check`` is copied to
    ``backups/`` and reported with a one-line ``StoreError``; it is never overwritten.
    """
    in_memory = str(path) == ":memory:"
    try:
        conn = _connect(path)
        if not in_memory:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        problems = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as error:
        _backup_damaged(Path(str(path)), in_memory)
        raise StoreError(f"The progress database {path} is damaged ({error}).") from error
    if problems != ["ok"]:
        conn.close()
        backup = _backup_damaged(Path(str(path)), in_memory)
        raise StoreError(
            f"The progress database {path} is damaged ({problems[0]}); a copy was kept at {backup}."
        )
    # Our database takes no third-party sqlite-utils plugins: they could change how the
    # connection behaves, and scanning installed packages for them costs ~20 ms at start-up.
    sqlite_utils.plugins._plugins_loaded = True
    db = Database(conn)
    if migrate:
        try:
            migrations.apply(db)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"Cannot upgrade the progress database {path}: {error}") from error
    return db


def _backup_damaged(path: Path, in_memory: bool) -> Path | None:
    if in_memory or not path.exists():
        return None
    backups = path.parent / "backups"
    backups.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = backups / f"{path.name}.damaged-{stamp}"
    shutil.copy2(path, target)
    return target
