"""Start-up: ``course-player --exit-when-ready`` shows the window, waits for idle, exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def start_and_exit_when_ready(home: Path) -> subprocess.CompletedProcess[str]:
    """``course-player --exit-when-ready`` on this data folder, as a smoke test runs it."""
    env = dict(os.environ, COURSE_PLAYER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "player", "--exit-when-ready"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_exit_when_ready_waits_for_the_library_then_exits_zero(tmp_path: Path, data_dir) -> None:
    done = start_and_exit_when_ready(data_dir.root)
    assert done.returncode == 0, done.stderr
    # ready means the course card is on screen, not an empty frame
    assert "ready: 1 course(s) in the library" in done.stdout


def test_every_window_gets_the_app_icon_and_name(qapp) -> None:
    from PySide6.QtWidgets import QDialog

    from player.ui.app import apply_identity

    apply_identity(qapp)
    dialog = QDialog()
    assert not qapp.windowIcon().isNull()
    assert not dialog.windowIcon().isNull()
    assert qapp.applicationDisplayName() == "Course Player"


def damage(database: Path) -> bytes:
    """Overwrite the pages after the header: SQLite refuses the file as malformed."""
    data = bytearray(database.read_bytes())
    data[100:4000] = b"\xff" * 3900
    database.write_bytes(bytes(data))
    return bytes(data)


def test_a_damaged_database_stops_the_app_with_one_line_and_no_traceback(data_dir) -> None:
    kept = damage(data_dir.database)
    done = start_and_exit_when_ready(data_dir.root)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "is damaged" in lines[0] and "backups" in lines[0]
    assert data_dir.database.read_bytes() == kept  # never overwritten


def test_starting_afresh_moves_the_damaged_database_aside(qapp, data_dir) -> None:
    from player.core.errors import DamagedDatabaseError
    from player.ui.app import open_services
    from player.ui.i18n import Translations

    kept = damage(data_dir.database)
    translations = Translations(qapp)
    asked: list[str] = []

    def refuse(message: str) -> bool:
        asked.append(message)
        return False

    with pytest.raises(DamagedDatabaseError):
        open_services(data_dir, translations, refuse)
    assert data_dir.database.read_bytes() == kept and "is damaged" in asked[0]

    services = open_services(data_dir, translations, lambda _message: True)
    try:
        assert services.context.course_row("test-course") is None  # empty progress, new file
        aside = list((data_dir.root / "backups").glob("*.set-aside-*"))
        assert len(aside) == 1 and aside[0].read_bytes() == kept
    finally:
        services.close()
