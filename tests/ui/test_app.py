"""Start-up: ``course-player --exit-when-ready`` shows the window, waits for idle, exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_exit_when_ready_waits_for_the_library_then_exits_zero(tmp_path: Path, data_dir) -> None:
    env = dict(os.environ, COURSE_PLAYER_HOME=str(data_dir.root), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "player", "--exit-when-ready"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    # ready means the course card is on screen, not an empty frame
    assert "ready: 1 course(s) in the library" in done.stdout


def test_start_up_loads_neither_vlc_nor_the_network(tmp_path: Path, data_dir) -> None:
    # Nor sqlite-utils (≈ 50 ms; writes load it) or cryptography (signature checks load it):
    # the library with its progress and publishers is read through the plain connection.
    code = (
        "import sys\n"
        "from player.ui.app import run_app\n"
        "code = run_app(exit_when_ready=True)\n"
        "heavy = [m for m in ('vlc', 'requests', 'player.ui.video', 'sqlite_utils',"
        " 'cryptography') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
        "sys.exit(code)\n"
    )
    env = dict(os.environ, COURSE_PLAYER_HOME=str(data_dir.root), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stdout


def test_every_window_gets_the_app_icon_and_name(qapp) -> None:
    from PySide6.QtWidgets import QDialog

    from player.ui.app import apply_identity

    apply_identity(qapp)
    dialog = QDialog()
    assert not qapp.windowIcon().isNull()
    assert not dialog.windowIcon().isNull()
    assert qapp.applicationDisplayName() == "Course Player"
