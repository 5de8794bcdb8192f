"""Everything a trainer or partner may script is a sub-command, and the command speaks plainly."""

from __future__ import annotations

import subprocess
import sys

import pytest

from player import __version__
from player.cli import main

SCRIPTABLE = (
    "pack", "verify", "install", "list", "remove", "learners", "progress", "sync",
    "export-progress", "import-progress", "keygen", "export", "report", "check",
)  # fmt: skip


def test_help_lists_every_scriptable_operation() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "player", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    for command in SCRIPTABLE:
        assert f"    {command}" in done.stdout, f"{command} missing from --help"


def test_version_names_app_and_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"course-player {__version__} (package format 1)"


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["frobnicate"])
    assert exited.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
