"""Every database an older app left behind upgrades to the current schema, keeping its data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from player.core.errors import StoreError
from player.core.paths import DataDir
from player.core.store.database import open_database, set_aside_damaged
from player.core.store.migrations import migrations, step_names

STEPS = step_names()


def schema(db: object) -> list[tuple[str, str]]:
    rows = db.execute(  # type: ignore[attr-defined]
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
        " ORDER BY name"
    ).fetchall()
    return [(name, " ".join(sql.split())) for name, sql in rows]


def test_steps_are_numbered_in_order() -> None:
    assert sorted(STEPS) == STEPS
    assert STEPS[0] == "m001_courses"


@pytest.mark.parametrize("step", STEPS[1:])
def test_database_stopped_before_each_step_upgrades(tmp_path: Path, step: str) -> None:
    path = tmp_path / "old.sqlite3"
    old = open_database(path, migrate=False)
    migrations.apply(old, stop_before=step)
    old.execute(
        "INSERT INTO courses (id, version, title, language, manifest_sha256, bytes, installed_at)"
        " VALUES ('c', 3, 'Cours', 'fr', 'abc', 10, '2026-01-01T00:00:00Z')"
    )
    old.close()

    upgraded = open_database(path)
    assert [m.name for m in migrations.pending(upgraded)] == []
    fresh = open_database(tmp_path / "fresh.sqlite3")
    assert schema(upgraded) == schema(fresh)
    row = upgraded.execute("SELECT id, version, title FROM courses").fetchall()
    assert row == [("c", 3, "Cours")]


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    open_database(path).close()
    db = open_database(path)
    names = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations").fetchall()]
    assert names == STEPS


def test_damaged_database_is_reported_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "player.sqlite3"
    db = open_database(path)
    db.execute("CREATE TABLE filler (x TEXT)")
    with db.atomic():
        for i in range(2000):
            db.execute("INSERT INTO filler VALUES (?)", ["x" * 200 + str(i)])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, len(data) - 4096, 4096):
        data[offset + 100 : offset + 400] = b"\xff" * 300
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged") as caught:
        open_database(path)
    assert "\n" not in str(caught.value)
    backups = list((tmp_path / "backups").glob("player.sqlite3.damaged-*"))
    assert backups and backups[0].read_bytes() == bytes(data)
    assert path.read_bytes() == bytes(data), "the damaged database must not be overwritten"
    assert caught.value.backup == str(backups[0])  # type: ignore[attr-defined]

    # Starting again (the learner tries twice) reports it again but keeps one copy, not two.
    with pytest.raises(StoreError, match="damaged"):
        open_database(path)
    assert list((tmp_path / "backups").glob("player.sqlite3.damaged-*")) == backups

    # Starting afresh, as the app offers: the damaged file moves aside, a new one opens.
    aside = set_aside_damaged(path)
    assert aside.read_bytes() == bytes(data) and not path.exists()
    fresh = open_database(path)
    assert fresh.execute("SELECT count(*) FROM learners").fetchone()[0] == 0
    fresh.close()


def newer_app_database(path: Path, *, stop_before: str | None = None) -> bytes:
    """A database as a newer app leaves it: a schema step this app does not know was applied.

    ``stop_before`` leaves known steps pending too (the newer app came from another line).
    """
    db = open_database(path, migrate=False)
    migrations.apply(db, stop_before=stop_before)
    db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('course-player', 'm999_from_the_future', '2027-01-01 00:00:00+00:00')"
    )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path.read_bytes()


@pytest.mark.parametrize("stop_before", [None, STEPS[-1]])
def test_a_database_written_by_a_newer_app_is_refused(
    tmp_path: Path, stop_before: str | None
) -> None:
    path = tmp_path / "player.sqlite3"
    kept = newer_app_database(path, stop_before=stop_before)
    with pytest.raises(StoreError) as caught:
        open_database(path)
    message = str(caught.value)
    assert "\n" not in message and "newer version" in message
    assert "m999_from_the_future" in message and str(path) in message
    assert path.read_bytes() == kept  # nothing applied, nothing written
    with pytest.raises(StoreError):
        open_database(path, migrate=False)  # not even opened to look


def test_the_cli_refuses_a_newer_database_in_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    newer_app_database(DataDir(home).database)
    env = dict(os.environ, COURSE_PLAYER_HOME=str(home))
    done = subprocess.run(
        [sys.executable, "-m", "player", "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("course-player: error: ")
    assert "newer version of Course Player" in lines[0]
