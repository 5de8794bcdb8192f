"""Opening the database: WAL, foreign keys, a quick check, then pending migrations.

Two ways in. ``open_database`` gives a sqlite-utils ``Database`` (what writes use). The desktop
app starts with ``open_connection``, the same checked and upgraded connection without
importing sqlite-utils when no migration is pending (importing it costs ≈ 50 ms, a third of a
bare Qt window's start); its start-up reads go through ``query``, which takes either.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from player.core.errors import QT_TRANSLATE_NOOP, DamagedDatabaseError, StoreError
from player.core.store.migrations import MIGRATION_SET, step_names

if TYPE_CHECKING:
    from sqlite_utils import Database

#: Where sqlite-utils ``Migrations`` records the steps it applied.
MIGRATIONS_TABLE = "_sqlite_migrations"


def utc_now() -> str:
    """An ISO-8601 UTC timestamp with milliseconds, as stored everywhere in the database."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def plain_connection(db: Database | sqlite3.Connection) -> sqlite3.Connection:
    """The SQLite connection itself, given it or the sqlite-utils ``Database`` around it."""
    return db if isinstance(db, sqlite3.Connection) else db.conn


def query(
    db: Database | sqlite3.Connection, sql: str, params: Sequence[Any] = ()
) -> list[dict[str, Any]]:
    """The rows of ``sql`` as dicts (like ``Database.query``), from a Database or a connection."""
    cursor = plain_connection(db).execute(sql, params)
    keys = [column[0] for column in cursor.description]
    return [dict(zip(keys, row, strict=True)) for row in cursor]


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


def pending_steps(conn: sqlite3.Connection) -> list[str]:
    """The schema steps this database has not applied yet (read-only, no sqlite-utils)."""
    known = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone()
    applied: set[str] = set()
    if known:
        applied = {
            row[0]
            for row in conn.execute(
                f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [MIGRATION_SET]
            )
        }
    return [name for name in step_names() if name not in applied]


def as_database(conn: sqlite3.Connection) -> Database:
    """The sqlite-utils ``Database`` over an open connection (imports sqlite-utils)."""
    from sqlite_utils import Database

    return Database(conn)


def _migrate(conn: sqlite3.Connection, path: Path | str) -> None:
    if not pending_steps(conn):
        return
    from player.core.store.migrations import migration_set

    try:
        migration_set().apply(as_database(conn))
    except sqlite3.DatabaseError as error:
        raise StoreError(f"Cannot upgrade the progress database {path}: {error}") from error


def open_connection(path: Path | str, *, migrate: bool = True) -> sqlite3.Connection:
    """Open (creating if needed), check and upgrade the database; a plain connection."""
    conn = _checked_connection(path)
    if migrate:
        try:
            _migrate(conn, path)
        except BaseException:
            conn.close()
            raise
    return conn


def open_database(path: Path | str, *, migrate: bool = True) -> Database:
    """Open (creating if needed), check and upgrade the database; a sqlite-utils Database."""
    return as_database(open_connection(path, migrate=migrate))


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
