"""The desktop app refuses a database written by a newer app: one line, exit 1, no traceback.

A partner's newer portable build can open a USB stick's data folder that an older laptop then
opens; the older app must stop rather than write beside a schema it does not know.
"""

from __future__ import annotations

from player.core.paths import DataDir
from tests.core.test_migrations import newer_app_database
from tests.ui.test_app import start_and_exit_when_ready


def test_the_app_refuses_a_newer_database_in_one_line(data_dir: DataDir) -> None:
    kept = newer_app_database(data_dir.database)
    done = start_and_exit_when_ready(data_dir.root)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "newer version of Course Player" in lines[0]
    assert data_dir.database.read_bytes() == kept
