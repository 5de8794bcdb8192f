"""Where the data folder is: env override, portable mode on a stick, platform default."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from player.core.errors import StoreError
from player.core.paths import PORTABLE_DATA_FOLDER, PORTABLE_MARKER, DataDir, choose_data_dir


def test_env_override_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURSE_PLAYER_HOME", str(tmp_path / "h"))
    (tmp_path / PORTABLE_MARKER).write_text("")
    data, notice = choose_data_dir(tmp_path)
    assert data.root == tmp_path / "h" and notice is None


def test_platform_default_without_marker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COURSE_PLAYER_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    data, notice = choose_data_dir(tmp_path / "app")
    assert data.root == tmp_path / "xdg" / "course-player" and notice is None


def test_portable_marker_keeps_data_beside_the_executable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COURSE_PLAYER_HOME", raising=False)
    (tmp_path / PORTABLE_MARKER).write_text("")
    data, notice = choose_data_dir(tmp_path)
    assert data.root == tmp_path / PORTABLE_DATA_FOLDER and notice is None
    assert data.root.is_dir()


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a read-only tmpfs needs root")
def test_read_only_stick_falls_back_with_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COURSE_PLAYER_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    stick = tmp_path / "stick"
    stick.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(stick)], check=True)
    try:
        (stick / PORTABLE_MARKER).write_text("")
        subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
        data, notice = choose_data_dir(stick)
        assert data.root == tmp_path / "xdg" / "course-player"
        assert notice is not None and "read-only" in notice and "\\n" not in notice
    finally:
        subprocess.run(["umount", str(stick)], check=True)


def test_a_data_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="Cannot use the data folder") as caught:
        DataDir(blocker / "home").ensure()
    assert "\n" not in str(caught.value) and not (blocker / "home").exists()


def test_data_folder_and_database_are_private_to_their_owner(tmp_path: Path) -> None:
    """Another account on the laptop cannot list the data folder nor read the database."""
    from player.core.context import open_context

    old = os.umask(0o022)  # the usual umask: files 0644, folders 0755 by default
    try:
        ctx = open_context(DataDir(tmp_path / "data"))
        ctx.db.execute("CREATE TABLE probe (x)")  # a write, so the WAL and SHM files exist
        data = ctx.data
        modes = {
            name: os.stat(path).st_mode & 0o777
            for name, path in (
                ("folder", data.root),
                ("database", data.database),
                ("wal", Path(f"{data.database}-wal")),
                ("shm", Path(f"{data.database}-shm")),
            )
        }
        ctx.close()
    finally:
        os.umask(old)
    assert modes == {"folder": 0o700, "database": 0o600, "wal": 0o600, "shm": 0o600}


def test_an_older_data_folder_is_tightened(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir(mode=0o755)
    os.chmod(root, 0o755)
    database = root / "player.sqlite3"
    database.write_bytes(b"")
    os.chmod(database, 0o644)
    DataDir(root).ensure()
    assert os.stat(root).st_mode & 0o777 == 0o700
    assert os.stat(database).st_mode & 0o777 == 0o600
